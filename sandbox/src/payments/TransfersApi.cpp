#include "ConnectorCatalogue.h"
#include "PaymentsApis.h"
#include "PaymentsCommon.h"

#include "ledger/AmountKey.h"

namespace Formance::Sandbox::Payments {

namespace {
const QString kTable = QStringLiteral("payments_transfers");
const QList<ListField> kFields{
    {QStringLiteral("createdAt"), QStringLiteral("t.created_at"), ListField::Time},
    {QStringLiteral("scheduledAt"), QStringLiteral("t.scheduled_at"), ListField::Time},
    {QStringLiteral("amount"), QStringLiteral("t.amount_key"), ListField::Amount},
    {QStringLiteral("id"), QStringLiteral("t.id"), ListField::Text},
    {QStringLiteral("reference"), QStringLiteral("t.reference"), ListField::Text},
    {QStringLiteral("connectorID"), QStringLiteral("t.connector_id"), ListField::Text},
    {QStringLiteral("provider"), QStringLiteral("t.provider"), ListField::Text},
    {QStringLiteral("type"), QStringLiteral("t.type"), ListField::Text},
    {QStringLiteral("status"), QStringLiteral("t.status"), ListField::Text},
    {QStringLiteral("asset"), QStringLiteral("t.asset"), ListField::Text},
    {QStringLiteral("sourceAccountID"), QStringLiteral("t.source_account_id"), ListField::Text},
    {QStringLiteral("destinationAccountID"), QStringLiteral("t.destination_account_id"), ListField::Text},
    {QStringLiteral("metadata"), QStringLiteral("t.metadata"), ListField::Metadata},
};
const QStringList kDeletable{QStringLiteral("WAITING_FOR_VALIDATION"), QStringLiteral("VALIDATED"),
                             QStringLiteral("REJECTED"), QStringLiteral("FAILED")};
} // namespace

void TransfersApi::registerRoutes(Routes &routes) {
    routes.on("GET", "/transfer-initiations", [this](const Request &r) { return list(r); });
    routes.on("POST", "/transfer-initiations", [this](const Request &r) {
        return createdRow(
            m.store, r, [this](const Json::Value &v, const QString &at) { return create(v, at); }, kTable,
            PaymentsStore::kTransferColumns, &PaymentsStore::writeTransfer);
    });
    routes.on("GET", "/transfer-initiations/{transferId}", [this](const Request &r) { return get(r); });
    routes.on("DELETE", "/transfer-initiations/{transferId}", [this](const Request &r) { return remove(r); });
    routes.on("POST", "/transfer-initiations/{transferId}/status",
              [this](const Request &r) { return updateStatus(r); });
    routes.on("POST", "/transfer-initiations/{transferId}/retry",
              [this](const Request &r) { return retry(r); });
    routes.on("POST", "/transfer-initiations/{transferId}/reverse",
              [this](const Request &r) { return reverse(r); });
}

Expected<QString> TransfersApi::create(const Json::Value &v, const QString &at) {
    auto reference = requiredString(v, "reference");
    auto scheduledAt = requiredTime(v, "scheduledAt");
    auto description = requiredString(v, "description", true);
    auto source = requiredString(v, "sourceAccountID");
    auto destination = requiredString(v, "destinationAccountID");
    auto connectorId = optionalString(v, "connectorID");
    auto provider = optionalString(v, "provider");
    auto type = requiredEnum(v, "type", {QStringLiteral("TRANSFER"), QStringLiteral("PAYOUT")});
    auto amount = requiredAmount(v, "amount", false);
    auto asset = requiredString(v, "asset");
    auto metadata = optionalMetadata(v, "metadata");
    if (const LedgerError *e = firstError(reference, scheduledAt, description, source, destination,
                                          connectorId, provider, type, amount, asset, metadata))
        return *e;
    if (!v["validated"].isBool())
        return LedgerError::validation(QStringLiteral("'validated' is required and must be a boolean"));
    if (!validAsset(asset.value()))
        return LedgerError::validation(QStringLiteral("'asset' must look like EUR/2"));
    std::optional<ConnectorInfo> connector;
    if (connectorId.value() && !connectorId.value()->isEmpty()) {
        auto installed = m.connectors.installed(*connectorId.value());
        if (!installed)
            return installed.error();
        connector = installed.value();
        if (provider.value() && !provider.value()->isEmpty() && *provider.value() != connector->provider)
            return LedgerError::validation(
                QStringLiteral("connector '%1' is not a %2 connector").arg(connector->id, *provider.value()));
    } else if (provider.value() && ConnectorCatalogue::find(*provider.value())) {
        auto only = m.connectors.only(*provider.value());
        if (!only)
            return LedgerError::validation(only.error().message);
        connector = only.value();
    } else {
        return LedgerError::validation(QStringLiteral("'connectorID' (or a known 'provider') is required"));
    }
    const auto src = m.store.account(source.value());
    if (!src || src->connectorId != connector->id)
        return LedgerError::validation(
            QStringLiteral("source account '%1' is not an account of this connector").arg(source.value()));
    const bool destIsAccount = m.store.accountExists(destination.value());
    const bool destIsBank =
        m.store.db()
            .query(QStringLiteral("SELECT 1 FROM payments_bank_accounts WHERE id = ?"), {destination.value()})
            .next();
    if (!destIsAccount && !(type.value() == QLatin1String("PAYOUT") && destIsBank))
        return LedgerError::validation(
            QStringLiteral("destination '%1' is not a known %2")
                .arg(destination.value(), type.value() == QLatin1String("PAYOUT")
                                              ? QStringLiteral("account or bank account")
                                              : QStringLiteral("account")));
    if (destination.value() == source.value())
        return LedgerError::validation(QStringLiteral("source and destination are the same account"));
    const QString id = TransferBook::transferId(reference.value(), connector->id);
    if (m.transfers.get(id))
        return LedgerError::validation(
            QStringLiteral("a transfer initiation with reference '%1' exists on this connector")
                .arg(reference.value()));
    const bool validated = v["validated"].toBool();
    m.store.db().begin();
    m.store.db().query(
        QStringLiteral("INSERT INTO payments_transfers(id, reference, created_at, scheduled_at, description,"
                       " source_account_id, destination_account_id, connector_id, provider, type, amount, "
                       "initial_amount,"
                       " amount_key, asset, status, error, metadata, related_payments, related_adjustments)"
                       " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,'',?,?,'[]','[]')"),
        {id, reference.value(), at, scheduledAt.value(), description.value(), source.value(),
         destination.value(), connector->id, connector->provider, type.value(), amount->toString(),
         amount->toString(), amountKey(amount.value()), asset.value(), QString(),
         QString::fromUtf8(LedgerStore::metadataJson(metadata.value()))});
    m.transfers.setStatus(id,
                          validated ? QStringLiteral("VALIDATED") : QStringLiteral("WAITING_FOR_VALIDATION"),
                          QString(), at);
    m.store.db().commit();
    if (validated)
        m.connectors.kick(connector->id);
    return id;
}

Reply TransfersApi::list(const Request &r) {
    auto cursor = listQuery(r, {QStringLiteral("sort"), QStringLiteral("query")});
    if (!cursor)
        return cursor.error();
    auto spec = listSpec(cursor.value(), kTable, {}, {}, kFields, QStringLiteral("createdAt:desc"),
                         PaymentsStore::kTransferColumns);
    if (!spec)
        return spec.error();
    return pageResponse(m.store.db(), cursor.value(), spec.value(),
                        [](Json::Writer &w, const QSqlQuery &q) { PaymentsStore::writeTransfer(w, q, 1); });
}

Reply TransfersApi::get(const Request &r) {
    const QString id = r.param(QStringLiteral("transferId"));
    const auto json = m.store.one(kTable, PaymentsStore::kTransferColumns, id, &PaymentsStore::writeTransfer);
    if (!json)
        return LedgerError::notFound(QStringLiteral("transfer initiation '%1' not found").arg(id));
    return Response::json(*json);
}

Reply TransfersApi::remove(const Request &r) {
    const QString id = r.param(QStringLiteral("transferId"));
    const auto t = m.transfers.get(id);
    if (!t)
        return LedgerError::notFound(QStringLiteral("transfer initiation '%1' not found").arg(id));
    if (!kDeletable.contains(t->status))
        return LedgerError::validation(
            QStringLiteral("a %1 transfer initiation cannot be deleted: it was processed, or is being")
                .arg(t->status));
    m.store.db().query(QStringLiteral("DELETE FROM payments_transfers WHERE id = ?"), {id});
    return Response::empty(204);
}

Reply TransfersApi::updateStatus(const Request &r) {
    const QString id = r.param(QStringLiteral("transferId"));
    const auto t = m.transfers.get(id);
    if (!t)
        return LedgerError::notFound(QStringLiteral("transfer initiation '%1' not found").arg(id));
    auto body = objectBody(r);
    if (!body)
        return body.error();
    auto status = requiredEnum(body.value()->root(), "status",
                               {QStringLiteral("WAITING_FOR_VALIDATION"), QStringLiteral("PROCESSING"),
                                QStringLiteral("PROCESSED"), QStringLiteral("FAILED"),
                                QStringLiteral("REJECTED"), QStringLiteral("VALIDATED")});
    if (!status)
        return status.error();
    // A client only decides on a waiting initiation; the connector moves it from there on.
    if (t->status != QLatin1String("WAITING_FOR_VALIDATION"))
        return LedgerError::validation(
            QStringLiteral(
                "the transfer initiation is %1: only one WAITING_FOR_VALIDATION can be validated or rejected")
                .arg(t->status));
    if (status.value() != QLatin1String("VALIDATED") && status.value() != QLatin1String("REJECTED"))
        return LedgerError::validation(
            QStringLiteral("a waiting transfer initiation goes to VALIDATED or REJECTED, not %1")
                .arg(status.value()));
    m.transfers.setStatus(id, status.value(), QString(), nowTime());
    if (status.value() == QLatin1String("VALIDATED"))
        m.connectors.kick(t->connectorId);
    return Response::empty(204);
}

Reply TransfersApi::retry(const Request &r) {
    const QString id = r.param(QStringLiteral("transferId"));
    const auto t = m.transfers.get(id);
    if (!t)
        return LedgerError::notFound(QStringLiteral("transfer initiation '%1' not found").arg(id));
    if (t->status != QLatin1String("FAILED"))
        return LedgerError::validation(
            QStringLiteral("only a FAILED transfer initiation can be retried (this one is %1)")
                .arg(t->status));
    m.transfers.setStatus(id, QStringLiteral("ASK_RETRIED"), QString(), nowTime());
    m.connectors.kick(t->connectorId);
    return Response::empty(204);
}

Reply TransfersApi::reverse(const Request &r) {
    const QString id = r.param(QStringLiteral("transferId"));
    if (!m.transfers.get(id))
        return LedgerError::notFound(QStringLiteral("transfer initiation '%1' not found").arg(id));
    auto body = objectBody(r);
    if (!body)
        return body.error();
    const Json::Value v = body.value()->root();
    auto reference = requiredString(v, "reference");
    auto description = requiredString(v, "description", true);
    auto amount = requiredAmount(v, "amount", false);
    auto asset = requiredString(v, "asset");
    auto metadata = optionalMetadata(v, "metadata");
    if (const LedgerError *e = firstError(reference, description, amount, asset, metadata))
        return *e;
    auto done = m.transfers.reverse(id, amount.value(), asset.value(), reference.value(), metadata.value(),
                                    nowTime());
    if (!done)
        return done.error();
    return Response::empty(204);
}

} // namespace Formance::Sandbox::Payments
