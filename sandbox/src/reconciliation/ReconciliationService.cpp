// Reconciliation v1 (/api/reconciliation): policies that pair a ledger's account set with a
// payments pool, and reconciliations comparing the two at given dates (see Drift.h for the sign
// convention). The ledger side is the ledger's own aggregate (LedgerBalances); the payments side
// comes from the payments service through PoolBalanceSource.
#include "api/ApiSupport.h"
#include "core/PoolBalanceSource.h"
#include "core/Service.h"
#include "ledger/AmountKey.h"
#include "ledger/PostingEngine.h"
#include "reconciliation/Drift.h"
#include "reconciliation/LedgerBalances.h"

#include <QDateTime>
#include <QUuid>

#include <initializer_list>

namespace Formance::Sandbox {

namespace {

const char *const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS reconciliation_policies(seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    " id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, created_at TEXT NOT NULL, ledger_name TEXT NOT NULL,"
    " ledger_query TEXT NOT NULL, pool_id TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS reconciliation_runs(seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    " id TEXT NOT NULL UNIQUE, policy_id TEXT NOT NULL, created_at TEXT NOT NULL,"
    " at_ledger TEXT NOT NULL, at_payments TEXT NOT NULL, status TEXT NOT NULL,"
    " ledger_balances TEXT NOT NULL, payments_balances TEXT NOT NULL, drift_balances TEXT NOT NULL,"
    " error TEXT)",
};

const char *const kPolicyColumns = "id, name, created_at, ledger_name, ledger_query, pool_id";
const char *const kRunColumns = "id, policy_id, created_at, at_ledger, at_payments, status, ledger_balances,"
                                " payments_balances, drift_balances, error";

Response error(int status, const char *code, const QString &message) {
    return Response::error(status, QString::fromLatin1(code), message);
}

// Ids are UUIDs, as in the real service: anything else is INVALID_ID, an unknown one NOT_FOUND.
bool validId(const QString &id) {
    return id.size() == 36 && !QUuid::fromString(id).isNull();
}

QByteArray balancesJson(const AssetBalances &balances) {
    Json::Writer w;
    w.beginObject();
    for (const auto &[asset, amount] : balances) {
        w.key(asset);
        w.value(amount);
    }
    w.endObject();
    return w.take();
}

// A stored row as a JSON object: the columns from `first` on, in order, each under its key; JSON
// columns hold JSON text, written as it is.
struct Field {
    const char *key;
    bool json = false;
};

void writeFields(Json::Writer &w, const QSqlQuery &q, int first, std::initializer_list<Field> fields) {
    int column = first;
    for (const Field &f : fields) {
        w.key(f.key);
        if (f.json)
            w.rawJson(q.value(column++).toString().toUtf8());
        else
            w.value(q.value(column++).toString());
    }
}

void writePolicy(Json::Writer &w, const QSqlQuery &q, int first) {
    w.beginObject();
    writeFields(w, q, first,
                {{"id"}, {"name"}, {"createdAt"}, {"ledgerName"}, {"ledgerQuery", true}, {"paymentsPoolID"}});
    w.endObject();
}

void writeRun(Json::Writer &w, const QSqlQuery &q, int first) {
    w.beginObject();
    writeFields(w, q, first,
                {{"id"},
                 {"policyID"},
                 {"createdAt"},
                 {"reconciledAtLedger"},
                 {"reconciledAtPayments"},
                 {"status"},
                 {"ledgerBalances", true},
                 {"paymentsBalances", true},
                 {"driftBalances", true}});
    if (!q.value(first + 9).isNull() && !q.value(first + 9).toString().isEmpty()) {
        w.key("error");
        w.value(q.value(first + 9).toString());
    }
    w.endObject();
}

// A date the request says a reconciliation looks at: RFC 3339, and not in the future (the
// balances of a date to come are not known yet).
Expected<QString> pastDate(const Json::Value &v, const char *field) {
    const QString name = QString::fromLatin1(field);
    if (!v.isValid() || v.isNull())
        return LedgerError::validation(QStringLiteral("missing %1").arg(name));
    if (!v.isString())
        return LedgerError::validation(QStringLiteral("%1 must be an RFC 3339 date-time").arg(name));
    auto t = parseTime(v.toString());
    if (!t)
        return LedgerError::validation(QStringLiteral("%1: invalid date-time '%2'").arg(name, v.toString()));
    if (*t > nowTime())
        return LedgerError::validation(QStringLiteral("%1 must be in the past").arg(name));
    return *t;
}

class ReconciliationService final : public Service {
public:
    explicit ReconciliationService(ServiceContext &context)
        : m_context(context)
        , m_ledger(context) {
        for (const char *sql : kSchema)
            m_context.store.query(QString::fromLatin1(sql));
    }
    QString name() const override { return QStringLiteral("reconciliation"); }

    void registerRoutes(Router &router) override {
        Routes routes(router, QStringLiteral("/api/reconciliation"));
        routes.on("GET", "/_info", [this](const Request &) {
            return infoResponse(m_context.versionOf(QStringLiteral("reconciliation")));
        });
        routes.on("POST", "/policies", [this](const Request &r) { return createPolicy(r); });
        routes.on("GET", "/policies", [this](const Request &r) { return listPolicies(r); });
        routes.on("GET", "/policies/{policyID}", [this](const Request &r) { return getPolicy(r); });
        routes.on("DELETE", "/policies/{policyID}", [this](const Request &r) { return deletePolicy(r); });
        routes.on("POST", "/policies/{policyID}/reconciliation",
                  [this](const Request &r) { return reconcile(r); });
        routes.on("GET", "/reconciliations", [this](const Request &r) { return listReconciliations(r); });
        routes.on("GET", "/reconciliations/{reconciliationID}",
                  [this](const Request &r) { return getReconciliation(r); });
    }

    void seedDemo() override;

private:
    Reply createPolicy(const Request &r);
    Reply listPolicies(const Request &r);
    Reply getPolicy(const Request &r);
    Reply deletePolicy(const Request &r);
    Reply reconcile(const Request &r);
    Reply listReconciliations(const Request &r);
    Reply getReconciliation(const Request &r);

    struct NewPolicy {
        QString name, ledgerName, pool;
        QByteArray query; // compact JSON object
    };
    Expected<QString> insertPolicy(const NewPolicy &p);
    Expected<QString> runReconciliation(const QString &policyId, const QString &atLedger,
                                        const QString &atPayments);

    ServiceContext &m_context;
    LedgerBalances m_ledger;
};

Expected<QString> ReconciliationService::insertPolicy(const NewPolicy &p) {
    if (!m_context.store.ledgerExists(p.ledgerName))
        return LedgerError::validation(QStringLiteral("ledger '%1' does not exist").arg(p.ledgerName));
    // The ledger judges the query now, so a policy never holds a filter its ledger refuses.
    auto check = m_ledger.aggregate(p.ledgerName, p.query);
    if (!check)
        return LedgerError::validation(QStringLiteral("invalid ledgerQuery: %1").arg(check.error().message));
    if (m_context.pools) {
        auto pool = m_context.pools->poolBalancesAt(p.pool, nowTime());
        if (!pool && pool.error().status == 404)
            return LedgerError::validation(QStringLiteral("payments pool '%1' does not exist").arg(p.pool));
        if (!pool)
            return pool.error();
    }
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_context.store.query(
        QStringLiteral("INSERT INTO reconciliation_policies(id, name, created_at, ledger_name,"
                       " ledger_query, pool_id) VALUES (?, ?, ?, ?, ?, ?)"),
        {id, p.name, nowTime(), p.ledgerName, QString::fromUtf8(p.query), p.pool});
    return id;
}

Reply ReconciliationService::createPolicy(const Request &r) {
    auto body = parseBody(r.body, true);
    if (!body)
        return body.error();
    const Json::Value root = body.value()->root();
    if (!root.isObject())
        return error(400, "VALIDATION", QStringLiteral("the body must be a JSON object"));
    NewPolicy p;
    for (auto [field, out] : {std::pair{"name", &p.name}, std::pair{"ledgerName", &p.ledgerName},
                              std::pair{"paymentsPoolID", &p.pool}}) {
        const Json::Value v = root[field];
        if (!v.isString() || v.toString().trimmed().isEmpty())
            return error(
                400, "VALIDATION",
                QStringLiteral("%1 is required (a non-empty string)").arg(QString::fromLatin1(field)));
        *out = v.toString();
    }
    const Json::Value query = root["ledgerQuery"];
    if (!query.isObject())
        return error(400, "VALIDATION", QStringLiteral("ledgerQuery is required (a JSON object)"));
    p.query = query.toJson();
    auto id = insertPolicy(p);
    if (!id)
        return id.error();
    QSqlQuery q = m_context.store.query(QStringLiteral("SELECT %1 FROM reconciliation_policies WHERE id = ?")
                                            .arg(QLatin1String(kPolicyColumns)),
                                        {id.value()});
    q.next();
    return dataResponse([&](Json::Writer &w) { writePolicy(w, q, 0); }, 201);
}

Reply ReconciliationService::listPolicies(const Request &r) {
    auto c = listQuery(r, {});
    if (!c)
        return c.error();
    PageSpec spec;
    spec.from = QStringLiteral("FROM reconciliation_policies WHERE 1");
    spec.keyExpr = QStringLiteral("seq");
    spec.keyIsInt = true;
    spec.ascending = false; // newest first
    spec.columns = QString::fromLatin1(kPolicyColumns);
    return pageResponse(m_context.store, c.value(), spec,
                        [](Json::Writer &w, const QSqlQuery &q) { writePolicy(w, q, 1); });
}

Reply ReconciliationService::getPolicy(const Request &r) {
    const QString id = r.param(QStringLiteral("policyID"));
    if (!validId(id))
        return error(400, "INVALID_ID", QStringLiteral("invalid policy id '%1'").arg(id));
    QSqlQuery q = m_context.store.query(QStringLiteral("SELECT %1 FROM reconciliation_policies WHERE id = ?")
                                            .arg(QLatin1String(kPolicyColumns)),
                                        {id});
    if (!q.next())
        return error(404, "NOT_FOUND", QStringLiteral("policy '%1' not found").arg(id));
    return dataResponse([&](Json::Writer &w) { writePolicy(w, q, 0); });
}

Reply ReconciliationService::deletePolicy(const Request &r) {
    const QString id = r.param(QStringLiteral("policyID"));
    if (!validId(id))
        return error(400, "INVALID_ID", QStringLiteral("invalid policy id '%1'").arg(id));
    QSqlQuery q =
        m_context.store.query(QStringLiteral("DELETE FROM reconciliation_policies WHERE id = ?"), {id});
    if (q.numRowsAffected() < 1)
        return error(404, "NOT_FOUND", QStringLiteral("policy '%1' not found").arg(id));
    // Its reconciliations stay: they are the record of what was found then.
    return Response::empty(204);
}

Expected<QString> ReconciliationService::runReconciliation(const QString &policyId, const QString &atLedger,
                                                           const QString &atPayments) {
    QSqlQuery q = m_context.store.query(
        QStringLiteral("SELECT ledger_name, ledger_query, pool_id FROM reconciliation_policies WHERE id = ?"),
        {policyId});
    if (!q.next())
        return LedgerError::notFound(QStringLiteral("policy '%1' not found").arg(policyId));
    const QString ledgerName = q.value(0).toString();
    const QByteArray query = q.value(1).toString().toUtf8();
    const QString pool = q.value(2).toString();
    if (!m_context.pools)
        return LedgerError{503, QStringLiteral("SERVICE_UNAVAILABLE"),
                           QStringLiteral("the payments service is not available in this sandbox: "
                                          "pool balances cannot be read")};
    auto ledger = m_ledger.aggregate(ledgerName, query, atLedger);
    if (!ledger)
        return ledger.error();
    auto payments = m_context.pools->poolBalancesAt(pool, atPayments);
    if (!payments) {
        if (payments.error().status == 404)
            return LedgerError::notFound(
                QStringLiteral("payments pool '%1' of policy '%2' not found").arg(pool, policyId));
        return payments.error();
    }
    const DriftReport report = DriftCalculator::compare(ledger.value(), payments.value());
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_context.store.query(
        QStringLiteral("INSERT INTO reconciliation_runs(id, policy_id, created_at, at_ledger, at_payments,"
                       " status, ledger_balances, payments_balances, drift_balances, error)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {id, policyId, nowTime(), atLedger, atPayments,
         report.ok ? QStringLiteral("OK") : QStringLiteral("NOT_OK"),
         QString::fromUtf8(balancesJson(report.ledger)), QString::fromUtf8(balancesJson(report.payments)),
         QString::fromUtf8(balancesJson(report.drift)),
         report.ok ? QVariant(QMetaType::fromType<QString>()) : QVariant(report.error)});
    return id;
}

Reply ReconciliationService::reconcile(const Request &r) {
    const QString policyId = r.param(QStringLiteral("policyID"));
    if (!validId(policyId))
        return error(400, "INVALID_ID", QStringLiteral("invalid policy id '%1'").arg(policyId));
    auto body = parseBody(r.body, true);
    if (!body)
        return body.error();
    const Json::Value root = body.value()->root();
    if (!root.isObject())
        return error(400, "VALIDATION", QStringLiteral("the body must be a JSON object"));
    auto atLedger = pastDate(root["reconciledAtLedger"], "reconciledAtLedger");
    if (!atLedger)
        return atLedger.error();
    auto atPayments = pastDate(root["reconciledAtPayments"], "reconciledAtPayments");
    if (!atPayments)
        return atPayments.error();
    auto id = runReconciliation(policyId, atLedger.value(), atPayments.value());
    if (!id)
        return id.error();
    QSqlQuery q = m_context.store.query(
        QStringLiteral("SELECT %1 FROM reconciliation_runs WHERE id = ?").arg(QLatin1String(kRunColumns)),
        {id.value()});
    q.next();
    return dataResponse([&](Json::Writer &w) { writeRun(w, q, 0); });
}

Reply ReconciliationService::listReconciliations(const Request &r) {
    auto c = listQuery(r, {});
    if (!c)
        return c.error();
    PageSpec spec;
    spec.from = QStringLiteral("FROM reconciliation_runs WHERE 1");
    spec.keyExpr = QStringLiteral("seq");
    spec.keyIsInt = true;
    spec.ascending = false;
    spec.columns = QString::fromLatin1(kRunColumns);
    return pageResponse(m_context.store, c.value(), spec,
                        [](Json::Writer &w, const QSqlQuery &q) { writeRun(w, q, 1); });
}

Reply ReconciliationService::getReconciliation(const Request &r) {
    const QString id = r.param(QStringLiteral("reconciliationID"));
    if (!validId(id))
        return error(400, "INVALID_ID", QStringLiteral("invalid reconciliation id '%1'").arg(id));
    QSqlQuery q = m_context.store.query(
        QStringLiteral("SELECT %1 FROM reconciliation_runs WHERE id = ?").arg(QLatin1String(kRunColumns)),
        {id});
    if (!q.next())
        return error(404, "NOT_FOUND", QStringLiteral("reconciliation '%1' not found").arg(id));
    return dataResponse([&](Json::Writer &w) { writeRun(w, q, 0); });
}

// The demo: demo-payouts keeps a mirror of the payments demo's "Treasury pool" (what reached
// the bank entered the books from @banks:treasury), short of one bank fee the books have not
// recorded yet; a policy pairs them and one reconciliation shows that drift.
void ReconciliationService::seedDemo() {
    static const QString kLedger = QStringLiteral("demo-payouts");
    static const QString kPool = QStringLiteral("Treasury pool"); // named by the payments demo seed
    if (!m_context.pools || !m_context.store.ledgerExists(kLedger) ||
        m_context.store.query(QStringLiteral("SELECT 1 FROM reconciliation_policies LIMIT 1")).next())
        return;
    // The pool interface knows pools by id; the demo pool is found by its name in the payments
    // service's table (when that service is there at all).
    if (!m_context.store
             .query(QStringLiteral(
                 "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'payments_pools'"))
             .next())
        return;
    QSqlQuery q =
        m_context.store.query(QStringLiteral("SELECT id FROM payments_pools WHERE name = ?"), {kPool});
    if (!q.next())
        return;
    const QString pool = q.value(0).toString();
    auto held = m_context.pools->poolBalancesAt(pool, nowTime());
    if (!held || held.value().empty())
        return;
    const BigInt fee(1250);
    bool feeMissing = false;
    for (const auto &[asset, amount] : held.value()) {
        if (amount.isZero())
            continue;
        BigInt mirrored = amount.abs();
        if (!feeMissing && mirrored > fee) {
            mirrored -= fee;
            feeMissing = true;
        }
        const bool in = !amount.isNegative();
        NewTransaction tx;
        tx.postings = {{in ? QStringLiteral("banks:treasury") : QStringLiteral("platform:treasury"),
                        in ? QStringLiteral("platform:treasury") : QStringLiteral("banks:treasury"), asset,
                        mirrored}};
        tx.unboundedOverdraft = {tx.postings.first().source};
        tx.reference = QStringLiteral("demo-treasury-mirror-%1").arg(asset);
        tx.metadata = {{QStringLiteral("demo"), QStringLiteral("treasury mirror")}};
        if (!m_context.ledger.createTransaction(kLedger, tx, false))
            return;
    }
    auto policy = insertPolicy({QStringLiteral("Treasury pool vs its demo-payouts mirror"), kLedger, pool,
                                QByteArray(R"({"$match":{"address":"banks:treasury"}})")});
    if (!policy)
        return;
    const QString at = nowTime();
    runReconciliation(policy.value(), at, at);
}

} // namespace

std::unique_ptr<Service> makeReconciliationService(ServiceContext &context) {
    return std::make_unique<ReconciliationService>(context);
}

} // namespace Formance::Sandbox
