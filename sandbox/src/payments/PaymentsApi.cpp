#include "PaymentsApis.h"
#include "PaymentsCommon.h"

#include "ledger/AmountKey.h"

namespace Formance::Sandbox::Payments {

namespace {

const QList<ListField> kPaymentFields{
    {QStringLiteral("createdAt"), QStringLiteral("t.created_at"), ListField::Time},
    {QStringLiteral("amount"), QStringLiteral("t.amount_key"), ListField::Amount},
    {QStringLiteral("id"), QStringLiteral("t.id"), ListField::Text},
    {QStringLiteral("reference"), QStringLiteral("t.reference"), ListField::Text},
    {QStringLiteral("connectorID"), QStringLiteral("t.connector_id"), ListField::Text},
    {QStringLiteral("provider"), QStringLiteral("t.provider"), ListField::Text},
    {QStringLiteral("type"), QStringLiteral("t.type"), ListField::Text},
    {QStringLiteral("status"), QStringLiteral("t.status"), ListField::Text},
    {QStringLiteral("scheme"), QStringLiteral("t.scheme"), ListField::Text},
    {QStringLiteral("asset"), QStringLiteral("t.asset"), ListField::Text},
    {QStringLiteral("sourceAccountID"), QStringLiteral("t.source_account_id"), ListField::Text},
    {QStringLiteral("destinationAccountID"), QStringLiteral("t.destination_account_id"), ListField::Text},
    {QStringLiteral("metadata"), QStringLiteral("t.metadata"), ListField::Metadata},
};

const QList<ListField> kAccountFields{
    {QStringLiteral("createdAt"), QStringLiteral("t.created_at"), ListField::Time},
    {QStringLiteral("id"), QStringLiteral("t.id"), ListField::Text},
    {QStringLiteral("reference"), QStringLiteral("t.reference"), ListField::Text},
    {QStringLiteral("connectorID"), QStringLiteral("t.connector_id"), ListField::Text},
    {QStringLiteral("provider"), QStringLiteral("t.provider"), ListField::Text},
    {QStringLiteral("type"), QStringLiteral("t.type"), ListField::Text},
    {QStringLiteral("defaultAsset"), QStringLiteral("t.default_asset"), ListField::Text},
    {QStringLiteral("accountName"), QStringLiteral("t.account_name"), ListField::Text},
    {QStringLiteral("metadata"), QStringLiteral("t.metadata"), ListField::Metadata},
};

Reply page(PaymentsStore &store, const Request &r, const QString &table, const QList<ListField> &fields,
           const QString &columns, void (*writer)(Json::Writer &, const QSqlQuery &, int)) {
    auto cursor = listQuery(r, {QStringLiteral("sort"), QStringLiteral("query")});
    if (!cursor)
        return cursor.error();
    auto spec = listSpec(cursor.value(), table, {}, {}, fields, QStringLiteral("createdAt:desc"), columns);
    if (!spec)
        return spec.error();
    return pageResponse(store.db(), cursor.value(), spec.value(),
                        [writer](Json::Writer &w, const QSqlQuery &q) { writer(w, q, 1); });
}

Reply found(const std::optional<QByteArray> &json, const QString &what, const QString &id) {
    if (!json)
        return LedgerError::notFound(QStringLiteral("%1 '%2' not found").arg(what, id));
    return Response::json(*json);
}

} // namespace

void PaymentsApi::registerRoutes(Routes &routes) {
    routes.on("GET", "/payments", [this](const Request &r) { return listPayments(r); });
    routes.on("POST", "/payments", [this](const Request &r) { return createPayment(r); });
    routes.on("GET", "/payments/{paymentId}", [this](const Request &r) { return getPayment(r); });
    routes.on("PATCH", "/payments/{paymentId}/metadata",
              [this](const Request &r) { return updateMetadata(r); });
    routes.on("GET", "/accounts", [this](const Request &r) { return listAccounts(r); });
    routes.on("POST", "/accounts", [this](const Request &r) { return createAccount(r); });
    routes.on("GET", "/accounts/{accountId}", [this](const Request &r) { return getAccount(r); });
    routes.on("GET", "/accounts/{accountId}/balances", [this](const Request &r) { return balances(r); });
}

Reply PaymentsApi::listPayments(const Request &r) {
    return page(m.store, r, QStringLiteral("payments_payments"), kPaymentFields,
                PaymentsStore::kPaymentColumns, &PaymentsStore::writePayment);
}

Reply PaymentsApi::getPayment(const Request &r) {
    const QString id = r.param(QStringLiteral("paymentId"));
    return found(m.store.one(QStringLiteral("payments_payments"), PaymentsStore::kPaymentColumns, id,
                             &PaymentsStore::writePayment),
                 QStringLiteral("payment"), id);
}

Reply PaymentsApi::createPayment(const Request &r) {
    auto body = objectBody(r);
    if (!body)
        return body.error();
    const Json::Value v = body.value()->root();
    auto reference = requiredString(v, "reference");
    auto connectorId = requiredString(v, "connectorID");
    auto createdAt = requiredTime(v, "createdAt");
    auto amount = requiredAmount(v, "amount", true);
    auto type = requiredEnum(v, "type", kPaymentTypes);
    auto status = requiredEnum(v, "status", kPaymentStatuses);
    auto scheme = requiredEnum(v, "scheme", kPaymentSchemes);
    auto asset = requiredString(v, "asset");
    auto source = optionalString(v, "sourceAccountID");
    auto destination = optionalString(v, "destinationAccountID");
    auto metadata = optionalMetadata(v, "metadata");
    if (const LedgerError *e = firstError(reference, connectorId, createdAt, amount, type, status, scheme,
                                          asset, source, destination, metadata))
        return *e;
    if (!validAsset(asset.value()))
        return LedgerError::validation(
            QStringLiteral("'asset' must look like EUR/2 (code, then optionally a slash and the decimals)"));
    auto connector = m.connectors.installed(connectorId.value());
    if (!connector)
        return connector.error();
    for (const auto &account : {source.value(), destination.value()})
        if (account && !account->isEmpty() && !m.store.accountExists(*account))
            return LedgerError::validation(QStringLiteral("account '%1' does not exist").arg(*account));
    PaymentRow p;
    p.id = PaymentsStore::paymentId(reference.value(), type.value(), connector->id);
    if (m.store.paymentExists(p.id))
        return LedgerError::validation(
            QStringLiteral("a %1 payment with reference '%2' exists on this connector")
                .arg(type.value(), reference.value()));
    p.connectorId = connector->id;
    p.provider = connector->provider;
    p.reference = reference.value();
    p.type = type.value();
    p.status = status.value();
    p.amount = p.initialAmount = amount.value();
    p.scheme = scheme.value();
    p.asset = asset.value();
    p.createdAt = createdAt.value();
    p.sourceAccountId = source.value().value_or(QString());
    p.destinationAccountId = destination.value().value_or(QString());
    p.metadata = metadata.value();
    m.store.insertPayment(p);
    return Response::json(*m.store.one(QStringLiteral("payments_payments"), PaymentsStore::kPaymentColumns,
                                       p.id, &PaymentsStore::writePayment));
}

Reply PaymentsApi::updateMetadata(const Request &r) {
    const QString id = r.param(QStringLiteral("paymentId"));
    if (!m.store.paymentExists(id))
        return LedgerError::notFound(QStringLiteral("payment '%1' not found").arg(id));
    auto body = objectBody(r);
    if (!body)
        return body.error();
    return mergeMetadata(m.store.db(), QStringLiteral("payments_payments"), id, body.value()->root());
}

Reply PaymentsApi::listAccounts(const Request &r) {
    return page(m.store, r, QStringLiteral("payments_accounts"), kAccountFields,
                PaymentsStore::kAccountColumns, &PaymentsStore::writeAccount);
}

Reply PaymentsApi::getAccount(const Request &r) {
    const QString id = r.param(QStringLiteral("accountId"));
    return found(m.store.one(QStringLiteral("payments_accounts"), PaymentsStore::kAccountColumns, id,
                             &PaymentsStore::writeAccount),
                 QStringLiteral("account"), id);
}

Reply PaymentsApi::createAccount(const Request &r) {
    auto body = objectBody(r);
    if (!body)
        return body.error();
    const Json::Value v = body.value()->root();
    auto reference = requiredString(v, "reference");
    auto connectorId = requiredString(v, "connectorID");
    auto createdAt = requiredTime(v, "createdAt");
    auto type = requiredEnum(v, "type", kAccountTypes);
    auto asset = optionalString(v, "defaultAsset");
    auto name = optionalString(v, "accountName");
    auto metadata = optionalMetadata(v, "metadata");
    if (const LedgerError *e = firstError(reference, connectorId, createdAt, type, asset, name, metadata))
        return *e;
    if (asset.value() && !asset.value()->isEmpty() && !validAsset(*asset.value()))
        return LedgerError::validation(QStringLiteral("'defaultAsset' must look like EUR/2"));
    auto connector = m.connectors.installed(connectorId.value());
    if (!connector)
        return connector.error();
    AccountRow a;
    a.id = PaymentsStore::accountId(reference.value(), connector->id);
    if (m.store.accountExists(a.id))
        return LedgerError::validation(
            QStringLiteral("an account with reference '%1' exists on this connector").arg(reference.value()));
    a.connectorId = connector->id;
    a.provider = connector->provider;
    a.reference = reference.value();
    a.createdAt = createdAt.value();
    a.type = type.value();
    a.defaultAsset = asset.value().value_or(QString());
    a.accountName = name.value().value_or(QString());
    a.metadata = metadata.value();
    m.store.insertAccount(a);
    return Response::json(*m.store.one(QStringLiteral("payments_accounts"), PaymentsStore::kAccountColumns,
                                       a.id, &PaymentsStore::writeAccount));
}

// The account's balance history: one row per balance it had, each valid from its createdAt
// until the next one; from/to keep the rows valid at some point of that window.
Reply PaymentsApi::balances(const Request &r) {
    const QString id = r.param(QStringLiteral("accountId"));
    if (!m.store.accountExists(id))
        return LedgerError::notFound(QStringLiteral("account '%1' not found").arg(id));
    auto cursor = listQuery(r, {QStringLiteral("asset"), QStringLiteral("from"), QStringLiteral("to"),
                                QStringLiteral("limit"), QStringLiteral("sort")});
    if (!cursor)
        return cursor.error();
    const auto &params = cursor->query.params;
    auto from = timeParam(params.value(QStringLiteral("from")), QStringLiteral("from"));
    auto to = timeParam(params.value(QStringLiteral("to")), QStringLiteral("to"));
    if (!from)
        return from.error();
    if (!to)
        return to.error();
    QString inner = QStringLiteral("b.account_id = ?");
    QVariantList binds{id};
    if (!params.value(QStringLiteral("asset")).isEmpty()) {
        inner += QStringLiteral(" AND b.asset = ?");
        binds << params.value(QStringLiteral("asset"));
    }
    if (to.value()) {
        inner += QStringLiteral(" AND b.created_at <= ?");
        binds << *to.value();
    }
    QString outer = QStringLiteral("1");
    if (from.value()) {
        outer = QStringLiteral("(h.until IS NULL OR h.until > ?)");
        binds << *from.value();
    }
    QString limit;
    if (params.contains(QStringLiteral("limit"))) {
        bool ok = false;
        const qint64 n = params.value(QStringLiteral("limit")).toLongLong(&ok);
        if (!ok || n < 1)
            return LedgerError::validation(QStringLiteral("'limit' must be a positive integer"));
        limit = QStringLiteral(" LIMIT %1").arg(n);
    }
    const QString sort = params.value(QStringLiteral("sort"), QStringLiteral("createdAt:desc"));
    if (sort != QLatin1String("createdAt:desc") && sort != QLatin1String("createdAt:asc"))
        return LedgerError::validation(QStringLiteral("balances sort by createdAt:asc or createdAt:desc"));
    const bool asc = sort.endsWith(QLatin1String("asc"));
    PageSpec spec;
    spec.from =
        QStringLiteral(
            "FROM (SELECT * FROM (SELECT b.*, (SELECT min(n.created_at) FROM payments_balances n"
            " WHERE n.account_id = b.account_id AND n.asset = b.asset AND (n.created_at > b.created_at"
            " OR (n.created_at = b.created_at AND n.seq > b.seq))) AS until FROM payments_balances b WHERE "
            "%1) h"
            " WHERE %2 ORDER BY h.created_at %3, h.seq %3%4) t WHERE 1")
            .arg(inner, outer, asc ? QStringLiteral("ASC") : QStringLiteral("DESC"), limit);
    spec.binds = binds;
    spec.keyExpr = QStringLiteral("t.created_at || char(1) || printf('%020d', t.seq)");
    spec.ascending = asc;
    spec.columns = PaymentsStore::kBalanceColumns;
    return pageResponse(m.store.db(), cursor.value(), spec,
                        [](Json::Writer &w, const QSqlQuery &q) { PaymentsStore::writeBalance(w, q, 1); });
}

} // namespace Formance::Sandbox::Payments
