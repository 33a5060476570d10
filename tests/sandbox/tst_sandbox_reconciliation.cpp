// Reconciliation v1 of the sandbox: the drift computation as a unit, the service in process
// against a stand-in pool source, and the API end to end through the typed SDK.
#include "SandboxFixture.h"

#include "Options.h"
#include "auth/TokenIssuer.h"
#include "core/EventBus.h"
#include "core/PoolBalanceSource.h"
#include "core/Service.h"
#include "ledger/AmountKey.h"
#include "ledger/PostingEngine.h"
#include "reconciliation/Drift.h"
#include <Formance/Sdk.h>

#include <QTemporaryDir>

using namespace SandboxTest;
using namespace Formance::Sandbox;
namespace RV1 = Formance::Reconciliation::V1;
namespace PV1 = Formance::Payments::V1;

namespace {

BigInt big(const char *text) {
    return *BigInt::fromString(text);
}

// Pools whose balances a test sets, at any date.
class FakePools final : public PoolBalanceSource {
public:
    std::map<QString, AssetBalances> pools;
    QString lastAt;
    Expected<std::map<QString, BigInt>> poolBalancesAt(const QString &poolId, const QString &at) override {
        lastAt = at;
        const auto it = pools.find(poolId);
        if (it == pools.end())
            return LedgerError::notFound(QStringLiteral("pool '%1' not found").arg(poolId));
        return it->second;
    }
};

// The service over an in-memory store, its routes called directly (no HTTP, no SDK).
struct InProcess {
    LedgerStore store;
    PostingEngine engine{store};
    EventBus events;
    TokenIssuer tokens{QStringLiteral("c"), QStringLiteral("s"), 60};
    Options options;
    FakePools pools;
    std::unique_ptr<ServiceContext> context;
    std::unique_ptr<Service> service;
    Router router;

    bool start(bool withPools) {
        QString err;
        if (!store.open(QString(), &err))
            return false;
        context = std::make_unique<ServiceContext>(ServiceContext{store, engine, events, tokens, options});
        if (withPools)
            context->pools = &pools;
        service = makeReconciliationService(*context);
        service->registerRoutes(router);
        return true;
    }
    Response call(const QByteArray &method, const QString &path, const QByteArray &body = {}) {
        Request r;
        r.method = method;
        r.path = path;
        r.body = body;
        return router.dispatch(r);
    }
    void post(const QString &ledger, const QString &from, const QString &to, const QString &asset,
              const char *amount, const QString &timestamp = {}) {
        NewTransaction tx;
        tx.postings = {{from, to, asset, big(amount)}};
        tx.timestamp = timestamp;
        tx.unboundedOverdraft = {from}; // the bank's mirror goes negative as money comes in
        QVERIFY(engine.createTransaction(ledger, tx, false).ok());
    }
};

Json::Value json(const Response &r, std::optional<Json::Document> &keep) {
    keep = Json::Document::parse(r.body);
    return keep ? keep->root() : Json::Value();
}

} // namespace

class TestSandboxReconciliation : public QObject {
    Q_OBJECT
    Fixture f;
    QTemporaryDir m_dir;
    QString m_pool; // a payments pool of two DUMMY-PAY accounts with a history
    int m_ledgerSeq = 0;
    QString freshLedger() {
        const QString name = QStringLiteral("rec%1").arg(++m_ledgerSeq);
        if (!f.createLedger(name))
            qFatal("cannot create ledger");
        return name;
    }
    RV1::ReconciliationV1Api &api() { return f.client->reconciliation().v1(); }
    // Around Prism: for requests off the spec (Prism answers 422 itself) and for numbers past 2^53
    // (Prism re-serialises bodies through JavaScript numbers).
    RV1::ReconciliationV1Api &direct() { return f.direct->reconciliation().v1(); }
    Result<RV1::CreatePolicyResponse> createPolicy(const QString &name, const QString &ledger,
                                                   const QByteArray &query, QString pool = {},
                                                   bool aroundPrism = false) {
        if (pool.isEmpty())
            pool = m_pool;
        RV1::CreatePolicyRequest req;
        req.body.name = name;
        req.body.ledgerName = ledger;
        req.body.ledgerQuery = Json::Any::fromJson(query);
        req.body.paymentsPoolID = pool;
        return (aroundPrism ? direct() : api()).createPolicy(req).result();
    }

private slots:
    void initTestCase() {
        QVERIFY(f.start());
        // A DUMMY-PAY connector that polls rarely (no new payments during the run), and a pool.
        PV1::InstallConnectorRequest install;
        install.connector = QStringLiteral("DUMMY-PAY");
        Models::DummyPayConfig config;
        config.name = QStringLiteral("recon-bank");
        config.directory = m_dir.path();
        config.filePollingPeriod = QStringLiteral("1h");
        config.numberOfAccountsPreGenerated = 3;
        config.numberOfPaymentsPreGenerated = 30;
        install.body = config;
        const auto installed = f.direct->payments().v1().installConnector(install).result();
        QVERIFY2(installed.ok(), qPrintable(installed.ok() ? QString() : installed.error().message()));
        PV1::PaymentslistAccountsRequest accounts;
        accounts.pageSize = 100;
        accounts.query =
            QStringLiteral(R"({"$match":{"connectorID":"%1"}})").arg(installed->body.data.connectorID);
        const auto listed = f.direct->payments().v1().paymentslistAccounts(accounts).result();
        QVERIFY(listed.ok());
        QVERIFY(listed->body.cursor.data.size() >= 2);
        PV1::CreatePoolRequest pool;
        pool.body.name = QStringLiteral("recon-pool");
        pool.body.accountIDs = {listed->body.cursor.data[0].id, listed->body.cursor.data[1].id};
        const auto created = f.direct->payments().v1().createPool(pool).result();
        QVERIFY(created.ok());
        m_pool = created->body.data.id;
    }
    void cleanupTestCase() { f.stop(); }

    // --- the comparison, as a unit ---

    void driftCancelsWhenTheMirrorIsTheNegation() {
        const DriftReport r = DriftCalculator::compare({{"USD/2", big("-1000")}, {"EUR/2", big("-5")}},
                                                       {{"USD/2", big("1000")}, {"EUR/2", big("5")}});
        QVERIFY(r.ok);
        QVERIFY(r.error.isEmpty());
        QCOMPARE(r.drift.size(), size_t(2));
        QVERIFY(r.drift.at("USD/2").isZero());
        QVERIFY(r.drift.at("EUR/2").isZero());
    }

    void driftIsTheAbsoluteSum() {
        DriftReport r = DriftCalculator::compare({{"USD/2", big("-900")}}, {{"USD/2", big("1000")}});
        QVERIFY(!r.ok);
        QCOMPARE(r.drift.at("USD/2"), big("100"));
        QCOMPARE(r.error, QStringLiteral("balance drift for asset USD/2"));
        // The other way round: the ledger says more left the bank than the bank holds.
        r = DriftCalculator::compare({{"USD/2", big("-1100")}}, {{"USD/2", big("1000")}});
        QCOMPARE(r.drift.at("USD/2"), big("100"));
        QVERIFY(!r.ok);
    }

    void driftPast64Bits() {
        // 2^64 + 1 and 2^70: exact, no double anywhere.
        const DriftReport r = DriftCalculator::compare({{"ETH/18", big("-18446744073709551617")}},
                                                       {{"ETH/18", big("1180591620717411303424")}});
        QVERIFY(!r.ok);
        QCOMPARE(r.drift.at("ETH/18"), big("1162144876643701751807"));
        const DriftReport same = DriftCalculator::compare({{"ETH/18", big("-1180591620717411303424")}},
                                                          {{"ETH/18", big("1180591620717411303424")}});
        QVERIFY(same.ok);
    }

    void assetOnOneSideOnly() {
        const DriftReport r = DriftCalculator::compare({{"USD/2", big("-10")}, {"BTC/8", big("-3")}},
                                                       {{"USD/2", big("10")}, {"EUR/2", big("7")}});
        QVERIFY(!r.ok);
        // Both sides list every asset, 0 where it was missing.
        QCOMPARE(r.ledger.at("EUR/2"), BigInt());
        QCOMPARE(r.payments.at("BTC/8"), BigInt());
        QCOMPARE(r.drift.at("EUR/2"), big("7"));
        QCOMPARE(r.drift.at("BTC/8"), big("3"));
        QVERIFY(r.drift.at("USD/2").isZero());
        QVERIFY(r.error.contains(
            QStringLiteral("balance drift for asset EUR/2 (missing in the ledger balances)")));
        QVERIFY(r.error.contains(
            QStringLiteral("balance drift for asset BTC/8 (missing in the payments balances)")));
        // Nothing on either side: nothing to disagree about.
        QVERIFY(DriftCalculator::compare({}, {}).ok);
    }

    // --- the service in process, with pools a test controls ---

    void inProcessReconcileAtDates() {
        InProcess p;
        QVERIFY(p.start(true));
        QVERIFY(p.engine.createLedger(QStringLiteral("books"), QStringLiteral("b"), {}).ok());
        p.post("books", "banks:acme", "users:1", "USD/2", "1000", "2025-01-01T00:00:00Z");
        p.post("books", "banks:acme", "users:2", "USD/2", "18446744073709551616", "2025-02-01T00:00:00Z");
        p.post("books", "world", "users:3", "USD/2", "5", "2025-01-15T00:00:00Z"); // not the bank's
        p.pools.pools["pool-1"] = {{"USD/2", big("1000")}};

        std::optional<Json::Document> keep;
        Response r =
            p.call("POST", "/api/reconciliation/policies",
                   R"({"name":"acme","ledgerName":"books","ledgerQuery":{"$match":{"address":"banks:"}},)"
                   R"("paymentsPoolID":"pool-1"})");
        QCOMPARE(r.status, 201);
        const QString policy = json(r, keep)["data"]["id"].toString();

        // In January the bank mirror had sent 1000: agreement.
        r = p.call(
            "POST", QStringLiteral("/api/reconciliation/policies/%1/reconciliation").arg(policy),
            R"({"reconciledAtLedger":"2025-01-31T00:00:00Z","reconciledAtPayments":"2025-01-31T12:00:00Z"})");
        QCOMPARE(r.status, 200);
        Json::Value d = json(r, keep)["data"];
        QCOMPARE(d["status"].toString(), QStringLiteral("OK"));
        QCOMPARE(num(d["ledgerBalances"]["USD/2"]), QStringLiteral("-1000"));
        QCOMPARE(num(d["paymentsBalances"]["USD/2"]), QStringLiteral("1000"));
        QCOMPARE(num(d["driftBalances"]["USD/2"]), QStringLiteral("0"));
        QVERIFY(!d["error"].isValid());
        QCOMPARE(p.pools.lastAt, QStringLiteral("2025-01-31T12:00:00.000000Z"));
        QCOMPARE(d["reconciledAtLedger"].toString(), QStringLiteral("2025-01-31T00:00:00.000000Z"));

        // Today the ledger has 2^64 more leaving the bank than the pool shows.
        r = p.call(
            "POST", QStringLiteral("/api/reconciliation/policies/%1/reconciliation").arg(policy),
            R"({"reconciledAtLedger":"2025-12-31T00:00:00Z","reconciledAtPayments":"2025-12-31T00:00:00Z"})");
        QCOMPARE(r.status, 200);
        d = json(r, keep)["data"];
        QCOMPARE(d["status"].toString(), QStringLiteral("NOT_OK"));
        QCOMPARE(num(d["ledgerBalances"]["USD/2"]), QStringLiteral("-18446744073709552616"));
        QCOMPARE(num(d["driftBalances"]["USD/2"]), QStringLiteral("18446744073709551616"));
        QCOMPARE(d["error"].toString(), QStringLiteral("balance drift for asset USD/2"));
        const QString second = d["id"].toString();

        r = p.call("GET", QStringLiteral("/api/reconciliation/reconciliations/%1").arg(second));
        QCOMPARE(r.status, 200);
        QCOMPARE(num(json(r, keep)["data"]["driftBalances"]["USD/2"]),
                 QStringLiteral("18446744073709551616"));
        r = p.call("GET", "/api/reconciliation/reconciliations");
        QCOMPARE(json(r, keep)["cursor"]["data"].size(), 2u);
        QCOMPARE(keep->root()["cursor"]["data"].elements().begin().operator*()["id"].toString(), second);

        // The pool went away: the policy cannot be reconciled any more.
        p.pools.pools.clear();
        r = p.call(
            "POST", QStringLiteral("/api/reconciliation/policies/%1/reconciliation").arg(policy),
            R"({"reconciledAtLedger":"2025-12-31T00:00:00Z","reconciledAtPayments":"2025-12-31T00:00:00Z"})");
        QCOMPARE(r.status, 404);
        QCOMPARE(json(r, keep)["errorCode"].toString(), QStringLiteral("NOT_FOUND"));
        // An unknown pool is refused when the policy is created.
        r = p.call("POST", "/api/reconciliation/policies",
                   R"({"name":"x","ledgerName":"books","ledgerQuery":{},"paymentsPoolID":"nope"})");
        QCOMPARE(r.status, 400);
        QVERIFY(json(r, keep)["errorMessage"].toString().contains(QStringLiteral("nope")));
    }

    void inProcessWithoutPayments() {
        InProcess p;
        QVERIFY(p.start(false));
        QVERIFY(p.engine.createLedger(QStringLiteral("books"), QStringLiteral("b"), {}).ok());
        std::optional<Json::Document> keep;
        Response r = p.call("POST", "/api/reconciliation/policies",
                            R"({"name":"a","ledgerName":"books","ledgerQuery":{},"paymentsPoolID":"p"})");
        QCOMPARE(r.status, 201);
        const QString policy = json(r, keep)["data"]["id"].toString();
        r = p.call(
            "POST", QStringLiteral("/api/reconciliation/policies/%1/reconciliation").arg(policy),
            R"({"reconciledAtLedger":"2025-01-01T00:00:00Z","reconciledAtPayments":"2025-01-01T00:00:00Z"})");
        QCOMPARE(r.status, 503);
        QVERIFY(json(r, keep)["errorMessage"].toString().contains(QStringLiteral("payments")));
    }

    // --- end to end, through the SDK ---

    void serverInfo() {
        auto r = api().reconciliationgetServerInfo().result();
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message()));
        QVERIFY(!r->body.version.isEmpty());
    }

    void policiesCrud() {
        const QString ledger = freshLedger();
        auto created = createPolicy(
            QStringLiteral("bank mirror"), ledger,
            R"({"$and":[{"$match":{"address":"banks:"}},{"$gt":{"balance[USD/2]":-18446744073709551617}}]})",
            {}, true);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message()));
        QCOMPARE(created->statusCode, 201);
        const auto &policy = created->body.data;
        QCOMPARE(policy.name, QStringLiteral("bank mirror"));
        QCOMPARE(policy.ledgerName, ledger);
        QCOMPARE(policy.paymentsPoolID, m_pool);
        // The query comes back as sent, its big number exact.
        QVERIFY(policy.ledgerQuery.json().contains("-18446744073709551617"));
        QVERIFY(Timestamp::now() >= policy.createdAt);

        auto got = direct().getPolicy({policy.id}).result(); // its query holds a number past 2^53
        QVERIFY(got.ok());
        QCOMPARE(got->body.data, policy);

        QVERIFY(api().deletePolicy({policy.id}).result().ok());
        auto gone = api().getPolicy({policy.id}).result();
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().httpStatus(), 404);
        QCOMPARE(gone.error().errorCode(), QStringLiteral("NOT_FOUND"));
        auto again = api().deletePolicy({policy.id}).result();
        QCOMPARE(again.error().httpStatus(), 404);
        auto bad = api().getPolicy({QStringLiteral("not-a-uuid")}).result();
        QCOMPARE(bad.error().httpStatus(), 400);
        QCOMPARE(bad.error().errorCode(), QStringLiteral("INVALID_ID"));
        QCOMPARE(api()
                     .getReconciliation({QStringLiteral("0b5e7c2e-6f8a-4b51-9a51-3b0d2a0c9e11")})
                     .result()
                     .error()
                     .httpStatus(),
                 404);
    }

    void policiesAreRefused() {
        const QString ledger = freshLedger();
        auto unknownLedger = createPolicy(QStringLiteral("p"), QStringLiteral("no-such-ledger"), "{}");
        QCOMPARE(unknownLedger.error().httpStatus(), 400);
        QCOMPARE(unknownLedger.error().errorCode(), QStringLiteral("VALIDATION"));
        QVERIFY(unknownLedger.error().message().contains(QStringLiteral("no-such-ledger")));
        auto badQuery = createPolicy(QStringLiteral("p"), ledger, R"({"$nope":{"address":"x"}})");
        QCOMPARE(badQuery.error().httpStatus(), 400);
        QVERIFY(badQuery.error().message().contains(QStringLiteral("ledgerQuery")));
        auto badField = createPolicy(QStringLiteral("p"), ledger, R"({"$match":{"colour":"red"}})");
        QCOMPARE(badField.error().httpStatus(), 400);
        auto unknownPool = createPolicy(QStringLiteral("p"), ledger, "{}", QStringLiteral("no-such-pool"));
        QCOMPARE(unknownPool.error().httpStatus(), 400);
        QVERIFY(unknownPool.error().message().contains(QStringLiteral("no-such-pool")));
        const QString path = QStringLiteral("/api/reconciliation/policies");
        for (const char *body :
             {R"({"ledgerName":"x","ledgerQuery":{},"paymentsPoolID":"p"})",
              R"({"name":"n","ledgerQuery":{},"paymentsPoolID":"p"})",
              R"({"name":"n","ledgerName":"x","paymentsPoolID":"p"})",
              R"({"name":"n","ledgerName":"x","ledgerQuery":{}})",
              R"({"name":"n","ledgerName":"x","ledgerQuery":[],"paymentsPoolID":"p"})", "[]", "{nope"}) {
            const SandboxTest::Reply r = f.callDirect("POST", path, body);
            QCOMPARE(r.status, 400);
            QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION"));
        }
    }

    void policyPages() {
        const QString ledger = freshLedger();
        QStringList ids;
        for (int i = 0; i < 5; ++i) {
            auto c = createPolicy(QStringLiteral("page-%1").arg(i), ledger, "{}");
            QVERIFY(c.ok());
            ids.prepend(c->body.data.id); // newest first
        }
        RV1::ListPoliciesRequest req;
        req.pageSize = 2;
        auto page = api().listPolicies(req).result();
        QVERIFY(page.ok());
        QCOMPARE(page->body.cursor.pageSize, qint64(2));
        QVERIFY(page->body.cursor.hasMore);
        QCOMPARE(page->body.cursor.data.size(), 2);
        QCOMPARE(page->body.cursor.data[0].id, ids[0]);
        QCOMPARE(page->body.cursor.data[1].id, ids[1]);
        RV1::ListPoliciesRequest next;
        next.cursor = page->body.cursor.next;
        auto page2 = api().listPolicies(next).result();
        QVERIFY(page2.ok());
        QCOMPARE(page2->body.cursor.data[0].id, ids[2]);
        QVERIFY(page2->body.cursor.previous.has_value());
        RV1::ListPoliciesRequest back;
        back.cursor = page2->body.cursor.previous;
        auto page1 = api().listPolicies(back).result();
        QCOMPARE(page1->body.cursor.data[0].id, ids[0]);
        RV1::ListPoliciesRequest tooBig;
        tooBig.pageSize = 1001;
        QCOMPARE(direct().listPolicies(tooBig).result().error().httpStatus(), 400);
        RV1::ListPoliciesRequest junk;
        junk.cursor = QStringLiteral("%%%");
        QCOMPARE(api().listPolicies(junk).result().error().httpStatus(), 400);
    }

    void reconcileIsRefused() {
        const QString ledger = freshLedger();
        auto c = createPolicy(QStringLiteral("r"), ledger, "{}");
        QVERIFY(c.ok());
        const QString id = c->body.data.id;
        RV1::ReconcileRequest req;
        req.policyID = id;
        req.body.reconciledAtLedger = Timestamp::fromDateTime(QDateTime::currentDateTimeUtc().addDays(1));
        req.body.reconciledAtPayments = Timestamp::now();
        auto future = api().reconcile(req).result();
        QCOMPARE(future.error().httpStatus(), 400);
        QVERIFY(future.error().message().contains(QStringLiteral("past")));
        SandboxTest::Reply r =
            f.callDirect("POST", QStringLiteral("/api/reconciliation/policies/%1/reconciliation").arg(id),
                         R"({"reconciledAtLedger":"2025-01-01T00:00:00Z"})");
        QCOMPARE(r.status, 400);
        r = f.callDirect(
            "POST", QStringLiteral("/api/reconciliation/policies/%1/reconciliation").arg(id),
            R"({"reconciledAtLedger":"yesterday","reconciledAtPayments":"2025-01-01T00:00:00Z"})");
        QCOMPARE(r.status, 400);
        req.policyID = QStringLiteral("0b5e7c2e-6f8a-4b51-9a51-3b0d2a0c9e11");
        req.body.reconciledAtLedger = Timestamp::now();
        QCOMPARE(api().reconcile(req).result().error().httpStatus(), 404);
    }
    // Pool balances read from the payments service, mirrored in a ledger, then reconciled.
    void reconcileEndToEnd() {
        const QString ledger = freshLedger();
        const Timestamp t0 = Timestamp::now();
        PV1::GetPoolBalancesRequest pb;
        pb.poolId = m_pool;
        pb.at = t0;
        const auto pool = f.direct->payments().v1().getPoolBalances(pb).result();
        QVERIFY(pool.ok());
        std::map<QString, BigInt> held;
        for (const auto &b : pool->body.data.balances)
            if (!b.amount.isZero())
                held[b.asset] = b.amount;
        QVERIFY(!held.empty());
        // What reached the bank entered the books from its mirror account.
        auto send = [&](const QString &from, const QString &to, const QString &asset, const BigInt &amount) {
            const QString script =
                QStringLiteral("send [%1 %2] (\n  source = @%3 allowing unbounded overdraft\n"
                               "  destination = @%4\n)")
                    .arg(asset, amount.toString(), from, to);
            Json::Writer w;
            w.beginObject();
            w.key("script");
            w.beginObject();
            w.key("plain");
            w.value(script);
            w.key("vars");
            w.beginObject();
            w.endObject();
            w.endObject();
            w.key("metadata");
            w.beginObject();
            w.endObject();
            w.endObject();
            return f.call("POST", QStringLiteral("/api/ledger/v2/%1/transactions").arg(ledger), w.take())
                .status;
        };
        for (const auto &[asset, amount] : held)
            QCOMPARE(amount.isNegative() ? send("treasury:main", "banks:acme", asset, amount.abs())
                                         : send("banks:acme", "treasury:main", asset, amount),
                     200);
        QCOMPARE(f.post(ledger, "world", "users:1", held.begin()->first, "77").status, 200); // not the bank's
        auto created = createPolicy(QStringLiteral("acme"), ledger, R"({"$match":{"address":"banks:acme"}})");
        QVERIFY(created.ok());
        const QString policy = created->body.data.id;

        auto reconcile = [&](const Timestamp &atLedger, bool throughPrism) {
            RV1::ReconcileRequest req;
            req.policyID = policy;
            req.body.reconciledAtLedger = atLedger;
            req.body.reconciledAtPayments = t0;
            return (throughPrism ? api() : direct()).reconcile(req).result();
        };
        // Through Prism once (the shape is checked; amounts may not survive it), exactly around it.
        QVERIFY(reconcile(Timestamp::now(), true).ok());
        auto ok = reconcile(Timestamp::now(), false);
        QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.error().message()));
        const Models::Reconciliation &good = ok->body.data;
        QCOMPARE(good.status, QStringLiteral("OK"));
        QCOMPARE(good.policyID, policy);
        QVERIFY(!good.error.has_value());
        for (const auto &[asset, amount] : held) {
            QCOMPARE(good.paymentsBalances.value(asset), amount);
            QCOMPARE(good.ledgerBalances.value(asset), -amount);
            QVERIFY(good.driftBalances.value(asset).isZero());
        }

        // 250 more leave the bank in the books than at the bank: NOT_OK, drift 250.
        const QString asset = held.begin()->first;
        QCOMPARE(send("banks:acme", "treasury:main", asset, BigInt(250)), 200);
        auto bad = reconcile(Timestamp::now(), false);
        QVERIFY(bad.ok());
        QCOMPARE(bad->body.data.status, QStringLiteral("NOT_OK"));
        QCOMPARE(bad->body.data.driftBalances.value(asset), BigInt(250));
        QCOMPARE(bad->body.data.ledgerBalances.value(asset), -(held.at(asset) + BigInt(250)));
        QVERIFY(bad->body.data.error->contains(asset));

        // Before the ledger had anything: the whole pool is drift, missing in the ledger.
        auto early = reconcile(Timestamp::fromSecsSinceEpoch(946684800), false); // 2000-01-01
        QCOMPARE(early->body.data.status, QStringLiteral("NOT_OK"));
        QCOMPARE(early->body.data.driftBalances.value(asset), held.at(asset).abs());
        QVERIFY(early->body.data.error->contains(QStringLiteral("missing in the ledger balances")));

        // Listed newest first; each found again by id.
        RV1::ListReconciliationsRequest list;
        list.pageSize = 3;
        const auto listed = direct().listReconciliations(list).result();
        QVERIFY(listed.ok());
        QCOMPARE(listed->body.cursor.data.size(), 3);
        QCOMPARE(listed->body.cursor.data[0], early->body.data);
        QCOMPARE(listed->body.cursor.data[1], bad->body.data);
        QCOMPARE(listed->body.cursor.data[2], good);
        QVERIFY(api().listReconciliations(list).result().ok()); // the page's shape, through Prism
        const auto again = direct().getReconciliation({bad->body.data.id}).result();
        QVERIFY(again.ok());
        QCOMPARE(again->body.data, bad->body.data);
        QCOMPARE(api().getReconciliation({QStringLiteral("nope")}).result().error().errorCode(),
                 QStringLiteral("INVALID_ID"));
    }
    // --seed demo: a policy between demo-payouts' bank mirror and the payments demo pool, and one
    // reconciliation showing the bank fee the books have not recorded.
    void demoSeed() {
        Fixture demo;
        Options options;
        options.seed = QStringLiteral("demo");
        QVERIFY(demo.start(options, false));
        auto rec = demo.direct->reconciliation().v1();
        const auto policies = rec.listPolicies().result();
        QVERIFY(policies.ok());
        QCOMPARE(policies->body.cursor.data.size(), 1);
        const Models::Policy &policy = policies->body.cursor.data.first();
        QCOMPARE(policy.ledgerName, QStringLiteral("demo-payouts"));
        const auto runs = rec.listReconciliations().result();
        QVERIFY(runs.ok());
        QCOMPARE(runs->body.cursor.data.size(), 1);
        const Models::Reconciliation &run = runs->body.cursor.data.first();
        QCOMPARE(run.policyID, policy.id);
        QCOMPARE(run.status, QStringLiteral("NOT_OK"));
        int drifting = 0;
        for (auto it = run.driftBalances.begin(); it != run.driftBalances.end(); ++it)
            if (!it.value().isZero()) {
                ++drifting;
                QCOMPARE(it.value(), BigInt(1250));
            }
        QCOMPARE(drifting, 1);
        // Reconciled again now, against the pool as it is now.
        RV1::ReconcileRequest again;
        again.policyID = policy.id;
        again.body.reconciledAtLedger = Timestamp::now();
        again.body.reconciledAtPayments = again.body.reconciledAtLedger;
        QVERIFY(rec.reconcile(again).result().ok());
        demo.stop();
    }
    // Every operation once through Fixture::call, which fails on any Prism violation header.
    void everyOperationOnSpec() {
        const QString ledger = freshLedger();
        QCOMPARE(f.call("GET", "/api/reconciliation/_info").status, 200);
        SandboxTest::Reply r =
            f.call("POST", "/api/reconciliation/policies",
                   QStringLiteral(
                       R"({"name":"spec","ledgerName":"%1","ledgerQuery":{"$match":{"address":"banks:"}},)"
                       R"("paymentsPoolID":"%2"})")
                       .arg(ledger, m_pool)
                       .toUtf8());
        QCOMPARE(r.status, 201);
        const QString policy = r.str({"data", "id"});
        QCOMPARE(f.call("GET", "/api/reconciliation/policies/" + policy).status, 200);
        QCOMPARE(f.call("GET", "/api/reconciliation/policies", {}, {{"pageSize", "1"}}).status, 200);
        r = f.call(
            "POST", QStringLiteral("/api/reconciliation/policies/%1/reconciliation").arg(policy),
            R"({"reconciledAtLedger":"2025-06-01T00:00:00Z","reconciledAtPayments":"2025-06-01T00:00:00Z"})");
        QCOMPARE(r.status, 200);
        QCOMPARE(f.call("GET", "/api/reconciliation/reconciliations/" + r.str({"data", "id"})).status, 200);
        QCOMPARE(f.call("GET", "/api/reconciliation/reconciliations", {}, {{"pageSize", "2"}}).status, 200);
        QCOMPARE(f.call("DELETE", "/api/reconciliation/policies/" + policy).status, 204);
        r = f.call("GET", "/api/reconciliation/policies/" + policy);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), QStringLiteral("NOT_FOUND"));
        r = f.call("GET", "/api/reconciliation/reconciliations/x");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("INVALID_ID"));
    }
};

QTEST_GUILESS_MAIN(TestSandboxReconciliation)
#include "tst_sandbox_reconciliation.moc"
