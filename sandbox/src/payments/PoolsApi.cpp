#include "PaymentsApis.h"
#include "PaymentsCommon.h"

#include "ledger/AmountKey.h"

namespace Formance::Sandbox::Payments {

namespace {
const QString kTable = QStringLiteral("payments_pools");
const QList<ListField> kFields{
    {QStringLiteral("name"), QStringLiteral("t.name"), ListField::Text},
    {QStringLiteral("createdAt"), QStringLiteral("t.created_at"), ListField::Time},
    {QStringLiteral("id"), QStringLiteral("t.id"), ListField::Text},
};
LedgerError poolNotFound(const QString &id) {
    return LedgerError::notFound(QStringLiteral("pool '%1' not found").arg(id));
}
} // namespace

void PoolsApi::registerRoutes(Routes &routes) {
    routes.on("GET", "/pools", [this](const Request &r) { return list(r); });
    routes.on("POST", "/pools", [this](const Request &r) -> Reply {
        auto body = objectBody(r);
        if (!body)
            return body.error();
        const Json::Value v = body.value()->root();
        auto name = requiredString(v, "name");
        if (!name)
            return name.error();
        if (!v["accountIDs"].isArray())
            return LedgerError::validation(QStringLiteral("'accountIDs' must be an array of account ids"));
        QStringList accounts;
        for (const Json::Value &a : v["accountIDs"].elements()) {
            if (!a.isString())
                return LedgerError::validation(QStringLiteral("'accountIDs' holds strings"));
            accounts << a.toString();
        }
        auto id = create(name.value(), accounts);
        if (!id)
            return id.error();
        return Response::json(
            *m.store.one(kTable, PaymentsStore::kPoolColumns, id.value(), &PaymentsStore::writePool));
    });
    routes.on("GET", "/pools/{poolId}", [this](const Request &r) { return get(r); });
    routes.on("DELETE", "/pools/{poolId}", [this](const Request &r) { return remove(r); });
    routes.on("POST", "/pools/{poolId}/accounts", [this](const Request &r) { return addAccount(r); });
    routes.on("DELETE", "/pools/{poolId}/accounts/{accountId}",
              [this](const Request &r) { return removeAccount(r); });
    routes.on("GET", "/pools/{poolId}/balances", [this](const Request &r) { return balances(r); });
}

Expected<QString> PoolsApi::create(const QString &name, const QStringList &accounts) {
    for (const QString &a : accounts)
        if (!m.store.accountExists(a))
            return LedgerError::validation(QStringLiteral("account '%1' does not exist").arg(a));
    if (m.store.db().query(QStringLiteral("SELECT 1 FROM payments_pools WHERE name = ?"), {name}).next())
        return LedgerError::validation(QStringLiteral("a pool named '%1' exists").arg(name));
    const QString id = newUuid();
    m.store.db().begin();
    m.store.db().query(QStringLiteral("INSERT INTO payments_pools(id, name, created_at) VALUES (?,?,?)"),
                       {id, name, nowTime()});
    for (const QString &a : accounts)
        m.store.db().query(
            QStringLiteral("INSERT OR IGNORE INTO payments_pool_accounts(pool_id, account_id) VALUES (?,?)"),
            {id, a});
    m.store.db().commit();
    return id;
}

Reply PoolsApi::list(const Request &r) {
    auto cursor = listQuery(r, {QStringLiteral("sort"), QStringLiteral("query")});
    if (!cursor)
        return cursor.error();
    auto spec = listSpec(cursor.value(), kTable, {}, {}, kFields, QStringLiteral("createdAt:asc"),
                         PaymentsStore::kPoolColumns);
    if (!spec)
        return spec.error();
    return pageResponse(m.store.db(), cursor.value(), spec.value(),
                        [](Json::Writer &w, const QSqlQuery &q) { PaymentsStore::writePool(w, q, 1); });
}

Reply PoolsApi::get(const Request &r) {
    const QString id = r.param(QStringLiteral("poolId"));
    const auto json = m.store.one(kTable, PaymentsStore::kPoolColumns, id, &PaymentsStore::writePool);
    if (!json)
        return poolNotFound(id);
    return Response::json(*json);
}

Reply PoolsApi::remove(const Request &r) {
    const QString id = r.param(QStringLiteral("poolId"));
    if (!m.store.db().query(QStringLiteral("SELECT 1 FROM payments_pools WHERE id = ?"), {id}).next())
        return poolNotFound(id);
    m.store.db().begin();
    m.store.db().query(QStringLiteral("DELETE FROM payments_pool_accounts WHERE pool_id = ?"), {id});
    m.store.db().query(QStringLiteral("DELETE FROM payments_pools WHERE id = ?"), {id});
    m.store.db().commit();
    return Response::empty(204);
}

Reply PoolsApi::addAccount(const Request &r) {
    const QString id = r.param(QStringLiteral("poolId"));
    if (!m.store.db().query(QStringLiteral("SELECT 1 FROM payments_pools WHERE id = ?"), {id}).next())
        return poolNotFound(id);
    auto body = objectBody(r);
    if (!body)
        return body.error();
    auto account = requiredString(body.value()->root(), "accountID");
    if (!account)
        return account.error();
    if (!m.store.accountExists(account.value()))
        return LedgerError::validation(QStringLiteral("account '%1' does not exist").arg(account.value()));
    if (m.store.db()
            .query(
                QStringLiteral("SELECT 1 FROM payments_pool_accounts WHERE pool_id = ? AND account_id = ?"),
                {id, account.value()})
            .next())
        return LedgerError::validation(QStringLiteral("the account is already in the pool"));
    m.store.db().query(QStringLiteral("INSERT INTO payments_pool_accounts(pool_id, account_id) VALUES (?,?)"),
                       {id, account.value()});
    return Response::empty(204);
}

Reply PoolsApi::removeAccount(const Request &r) {
    const QString id = r.param(QStringLiteral("poolId"));
    const QString account = r.param(QStringLiteral("accountId"));
    if (!m.store.db().query(QStringLiteral("SELECT 1 FROM payments_pools WHERE id = ?"), {id}).next())
        return poolNotFound(id);
    if (!m.store.db()
             .query(
                 QStringLiteral("SELECT 1 FROM payments_pool_accounts WHERE pool_id = ? AND account_id = ?"),
                 {id, account})
             .next())
        return LedgerError::notFound(QStringLiteral("account '%1' is not in the pool").arg(account));
    m.store.db().query(
        QStringLiteral("DELETE FROM payments_pool_accounts WHERE pool_id = ? AND account_id = ?"),
        {id, account});
    return Response::empty(204);
}

Expected<std::map<QString, BigInt>> PoolsApi::balancesAt(const QString &poolId, const QString &at) {
    if (!m.store.db().query(QStringLiteral("SELECT 1 FROM payments_pools WHERE id = ?"), {poolId}).next())
        return poolNotFound(poolId);
    const auto when = parseTime(at);
    if (!when)
        return LedgerError::validation(QStringLiteral("'at' must be an RFC 3339 date-time"));
    QSqlQuery q = m.store.db().query(
        QStringLiteral("SELECT account_id FROM payments_pool_accounts WHERE pool_id = ? ORDER BY seq"),
        {poolId});
    QStringList accounts;
    while (q.next())
        accounts << q.value(0).toString();
    std::map<QString, BigInt> sum;
    for (const QString &a : accounts)
        for (const auto &[asset, amount] : m.store.balancesAt(a, *when))
            sum[asset] += amount;
    return sum;
}

Reply PoolsApi::balances(const Request &r) {
    const QString id = r.param(QStringLiteral("poolId"));
    if (!r.hasQuery(QStringLiteral("at")))
        return LedgerError::validation(QStringLiteral("'at' is required"));
    auto sum = balancesAt(id, r.queryValue(QStringLiteral("at")));
    if (!sum)
        return sum.error();
    return dataResponse([&](Json::Writer &w) {
        w.beginObject();
        w.key("balances");
        w.beginArray();
        for (const auto &[asset, amount] : sum.value()) {
            w.beginObject();
            w.key("amount");
            w.value(amount);
            w.key("asset");
            w.value(asset);
            w.endObject();
        }
        w.endArray();
        w.endObject();
    });
}

} // namespace Formance::Sandbox::Payments
