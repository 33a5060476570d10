#include "PaymentsApis.h"
#include "PaymentsCommon.h"

#include "ledger/AmountKey.h"

namespace Formance::Sandbox::Payments {

namespace {
const QString kTable = QStringLiteral("payments_bank_accounts");
const QList<ListField> kFields{
    {QStringLiteral("createdAt"), QStringLiteral("t.created_at"), ListField::Time},
    {QStringLiteral("name"), QStringLiteral("t.name"), ListField::Text},
    {QStringLiteral("country"), QStringLiteral("t.country"), ListField::Text},
    {QStringLiteral("id"), QStringLiteral("t.id"), ListField::Text},
};
} // namespace

void BankAccountsApi::registerRoutes(Routes &routes) {
    routes.on("GET", "/bank-accounts", [this](const Request &r) { return list(r); });
    routes.on("POST", "/bank-accounts", [this](const Request &r) {
        return createdRow(
            m.store, r, [this](const Json::Value &v, const QString &at) { return create(v, at); }, kTable,
            PaymentsStore::kBankAccountColumns, &PaymentsStore::writeBankAccount);
    });
    routes.on("GET", "/bank-accounts/{bankAccountId}", [this](const Request &r) { return get(r); });
    routes.on("POST", "/bank-accounts/{bankAccountId}/forward",
              [this](const Request &r) { return forwardRoute(r); });
    routes.on("PATCH", "/bank-accounts/{bankAccountId}/metadata",
              [this](const Request &r) { return updateMetadata(r); });
}

Expected<QString> BankAccountsApi::create(const Json::Value &v, const QString &at) {
    auto name = requiredString(v, "name");
    auto country = requiredString(v, "country");
    auto connectorId = requiredString(v, "connectorID");
    auto number = optionalString(v, "accountNumber");
    auto iban = optionalString(v, "iban");
    auto swift = optionalString(v, "swiftBicCode");
    auto metadata = optionalMetadata(v, "metadata");
    if (const LedgerError *e = firstError(name, country, connectorId, number, iban, swift, metadata))
        return *e;
    const QString accountNumber = number.value().value_or(QString());
    const QString ibanText = iban.value().value_or(QString()).remove(QLatin1Char(' '));
    if (accountNumber.isEmpty() && ibanText.isEmpty())
        return LedgerError::validation(QStringLiteral("a bank account needs an accountNumber or an iban"));
    if (!ibanText.isEmpty() && (ibanText.size() < 15 || ibanText.size() > 34 || !ibanText.at(0).isLetter() ||
                                !ibanText.at(1).isLetter()))
        return LedgerError::validation(QStringLiteral("'iban' is not an IBAN"));
    if (auto connector = m.connectors.installed(connectorId.value()); !connector)
        return connector.error();
    const QString id = newUuid();
    m.store.db().begin();
    m.store.db().query(
        QStringLiteral("INSERT INTO payments_bank_accounts(id, name, created_at, country, connector_id,"
                       " account_number, iban, swift_bic_code, metadata, related)"
                       " VALUES (?,?,?,?,?,?,?,?,?,'[]')"),
        {id, name.value(), at, country.value(), connectorId.value(), accountNumber, ibanText,
         swift.value().value_or(QString()), QString::fromUtf8(LedgerStore::metadataJson(metadata.value()))});
    auto forwarded = forward(id, connectorId.value(), at);
    if (!forwarded) {
        m.store.db().rollback();
        return forwarded.error();
    }
    m.store.db().commit();
    return id;
}

Expected<bool> BankAccountsApi::forward(const QString &bankAccountId, const QString &connectorId,
                                        const QString &at) {
    QSqlQuery q = m.store.db().query(
        QStringLiteral("SELECT name, related FROM payments_bank_accounts WHERE id = ?"), {bankAccountId});
    if (!q.next())
        return LedgerError::notFound(QStringLiteral("bank account '%1' not found").arg(bankAccountId));
    const QString name = q.value(0).toString();
    const QString related = q.value(1).toString();
    q.finish();
    auto connector = m.connectors.installed(connectorId);
    if (!connector)
        return connector.error();
    AccountRow a;
    a.reference = bankAccountId;
    a.id = PaymentsStore::accountId(a.reference, connectorId);
    if (m.store.accountExists(a.id))
        return LedgerError::validation(
            QStringLiteral("the bank account is already forwarded to this connector"));
    a.connectorId = connectorId;
    a.provider = connector->provider;
    a.createdAt = at;
    a.accountName = name;
    a.type = QStringLiteral("EXTERNAL");
    a.metadata.insert(QStringLiteral("bankAccountID"), bankAccountId);
    m.store.insertAccount(a);
    Json::Writer w;
    w.beginObject();
    w.key("id");
    w.value(newUuid());
    w.key("createdAt");
    w.value(at);
    w.key("provider");
    w.value(connector->provider);
    w.key("connectorID");
    w.value(connectorId);
    w.key("accountID");
    w.value(a.id);
    w.endObject();
    m.store.db().query(QStringLiteral("UPDATE payments_bank_accounts SET related = ? WHERE id = ?"),
                       {PaymentsStore::appended(related, w.take()), bankAccountId});
    return true;
}

Reply BankAccountsApi::list(const Request &r) {
    auto cursor = listQuery(r, {QStringLiteral("sort")});
    if (!cursor)
        return cursor.error();
    auto spec = listSpec(cursor.value(), kTable, {}, {}, kFields, QStringLiteral("createdAt:desc"),
                         PaymentsStore::kBankAccountColumns);
    if (!spec)
        return spec.error();
    return pageResponse(m.store.db(), cursor.value(), spec.value(), [](Json::Writer &w, const QSqlQuery &q) {
        PaymentsStore::writeBankAccount(w, q, 1);
    });
}

Reply BankAccountsApi::get(const Request &r) {
    const QString id = r.param(QStringLiteral("bankAccountId"));
    const auto json =
        m.store.one(kTable, PaymentsStore::kBankAccountColumns, id, &PaymentsStore::writeBankAccount);
    if (!json)
        return LedgerError::notFound(QStringLiteral("bank account '%1' not found").arg(id));
    return Response::json(*json);
}

Reply BankAccountsApi::forwardRoute(const Request &r) {
    const QString id = r.param(QStringLiteral("bankAccountId"));
    if (!m.store.one(kTable, QStringLiteral("t.id"), id,
                     [](Json::Writer &w, const QSqlQuery &, int) { w.null(); }))
        return LedgerError::notFound(QStringLiteral("bank account '%1' not found").arg(id));
    auto body = objectBody(r);
    if (!body)
        return body.error();
    auto connectorId = requiredString(body.value()->root(), "connectorID");
    if (!connectorId)
        return connectorId.error();
    m.store.db().begin();
    auto done = forward(id, connectorId.value(), nowTime());
    if (!done) {
        m.store.db().rollback();
        return done.error();
    }
    m.store.db().commit();
    return get(r);
}

Reply BankAccountsApi::updateMetadata(const Request &r) {
    const QString id = r.param(QStringLiteral("bankAccountId"));
    auto body = objectBody(r);
    if (!body)
        return body.error();
    const Json::Value md = body.value()->root()["metadata"];
    if (!md.isObject())
        return LedgerError::validation(QStringLiteral("'metadata' is required and must be an object"));
    return mergeMetadata(m.store.db(), kTable, id, md);
}

} // namespace Formance::Sandbox::Payments
