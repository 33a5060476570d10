// Issue 13: the ledger's filtered lists use indexes. Every SQL statement the v2 transactions and
// accounts lists and counts run (for each common filter, a cursor page, both orders) goes
// through EXPLAIN QUERY PLAN; a full SCAN of transactions, moves, accounts or
// transaction_metadata fails. Each filter runs under both plans the sandbox chooses between
// (few matches: looked up by index; many: checked per transaction newest first).
#include "SandboxFixture.h"

#include "ledger/LedgerStore.h"
#include "ledger/v2/LedgerV2Api.h"

#include <QMutex>
#include <QRegularExpression>

using namespace SandboxTest;
using Formance::Sandbox::LedgerStore;
using Formance::Sandbox::LedgerV2Api;

class TestSandboxPlans : public QObject {
    Q_OBJECT
    Fixture f;
    QMutex m_mutex;
    QList<std::pair<QString, QVariantList>> m_seen;
    LedgerStore m_explain; // same schema, empty: plans only

    QList<std::pair<QString, QVariantList>> take() {
        QMutexLocker lock(&m_mutex);
        return std::exchange(m_seen, {});
    }

    // The plan's lines that read a whole table, or a whole ledger where a page or a count of
    // matches should be read: a SCAN; a search on the ledger alone that then sorts (it reads the
    // ledger to sort it); a filtered count that searches on the ledger alone (it checks every
    // transaction). A walk on the ledger alone in key order is fine: LIMIT stops it after a page.
    QStringList scans(const QString &sql, const QVariantList &binds, bool filteredCount) {
        static const QRegularExpression fullScan(
            QStringLiteral("^SCAN (t|m|a|tm|bv|transactions|moves|accounts|transaction_metadata)\\b"));
        static const QRegularExpression ledgerOnly(QStringLiteral("^SEARCH (t|m|a|tm) .*\\(ledger=\\?\\)$"));
        QStringList out, ledgerWide, searches;
        bool sorts = false, correlated = false;
        QSqlQuery q = m_explain.query(QStringLiteral("EXPLAIN QUERY PLAN ") + sql, binds);
        while (q.next()) {
            const QString detail = q.value(3).toString();
            if (qEnvironmentVariableIsSet("PLANS_PRINT"))
                qInfo().noquote() << "   " << detail;
            if (fullScan.match(detail).hasMatch())
                out << detail;
            if (ledgerOnly.match(detail).hasMatch())
                ledgerWide << detail;
            sorts = sorts || detail.startsWith(QLatin1String("USE TEMP B-TREE FOR ORDER BY"));
            correlated = correlated || detail.startsWith(QLatin1String("CORRELATED"));
            if (detail.startsWith(QLatin1String("SEARCH m ")) ||
                detail.startsWith(QLatin1String("SEARCH tm ")))
                searches << detail;
        }
        if (sorts || filteredCount)
            out << ledgerWide;
        // Checked per transaction: the transaction's own rows, by id.
        if (correlated)
            for (const QString &d : searches)
                if (!d.contains(QLatin1String("tx_id=?")))
                    out << d;
        return out;
    }

    // Runs the request and checks every statement it ran; returns how many touched the lists' tables.
    int check(const QByteArray &method, const QString &path, const QByteArray &body,
              const QList<QPair<QString, QString>> &query = {}, Reply *reply = nullptr) {
        take();
        const Reply r = f.call(method, path, body, query);
        if (reply)
            *reply = r;
        if (r.status != 200 && r.status != 204)
            QTest::qFail(qPrintable(QStringLiteral("%1 %2: %3")
                                        .arg(QString::fromLatin1(method), path, QString::fromUtf8(r.body))),
                         __FILE__, __LINE__);
        int statements = 0;
        for (const auto &[sql, binds] : take()) {
            if (!sql.contains(QRegularExpression(
                    QStringLiteral("FROM (transactions|moves|accounts|transaction_metadata)\\b"))))
                continue;
            ++statements;
            if (qEnvironmentVariableIsSet("PLANS_PRINT"))
                qInfo().noquote() << sql;
            const bool filteredCount =
                sql.startsWith(QLatin1String("SELECT COUNT(*) FROM transactions")) && !body.isEmpty();
            const QStringList bad = scans(sql, binds, filteredCount);
            if (!bad.isEmpty())
                QTest::qFail(
                    qPrintable(QStringLiteral("%1 (body %2): %3 in\n%4")
                                   .arg(path, QString::fromUtf8(body), bad.join(QStringLiteral("; ")), sql)),
                    __FILE__, __LINE__);
        }
        return statements;
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_explain.open(QString(), &error), qPrintable(error));
        LedgerStore::setQueryObserver([this](const QString &sql, const QVariantList &binds) {
            if (sql.startsWith(QLatin1String("EXPLAIN")))
                return;
            QMutexLocker lock(&m_mutex);
            m_seen.append({sql, binds});
        });
        QVERIFY(f.start());
        QVERIFY(f.createLedger(QStringLiteral("plans")));
        // A small ledger of the seed's shape: deposits with references, purchases with fees.
        QByteArray bulk = "[";
        for (int i = 0; i < 60; ++i) {
            const QString user = QStringLiteral("users:%1").arg(i % 7, 3, 10, QLatin1Char('0'));
            bulk +=
                QStringLiteral(
                    R"(%1{"action":"CREATE_TRANSACTION","data":{"postings":[{"source":"world","destination":"%2","amount":1000,"asset":"USD/2"},)"
                    R"({"source":"%2","destination":"platform:fees","amount":25,"asset":"USD/2"}],)"
                    R"("timestamp":"2025-0%3-1%4T10:00:00Z","reference":"ref-%5","metadata":{"order":"ord_%5","channel":"%6"}}})")
                    .arg(i ? QStringLiteral(",") : QString(), user)
                    .arg(1 + i % 9)
                    .arg(i % 10)
                    .arg(i)
                    .arg(i % 2 ? QStringLiteral("card") : QStringLiteral("sepa"))
                    .toUtf8();
        }
        bulk += "]";
        QCOMPARE(f.call("POST", QStringLiteral("/api/ledger/v2/plans/_bulk"), bulk).status, 200);
    }
    void cleanupTestCase() {
        f.stop();
        LedgerStore::setQueryObserver({});
        LedgerV2Api::setFewMatches(10000);
    }

    void transactions_data() {
        QTest::addColumn<int>("fewMatches");
        QTest::addColumn<QByteArray>("filter");
        QTest::addColumn<int>("expected"); // matching transactions of the 60
        struct Case {
            const char *name;
            QByteArray body;
            int expected;
        };
        const QList<Case> filters = {
            {"none", {}, 60},
            {"account", R"({"$match":{"account":"users:003"}})", 9},
            {"account prefix", R"({"$match":{"account":"users:"}})", 60},
            {"account pattern", R"({"$match":{"account":"users::x"}})", 0},
            {"source", R"({"$match":{"source":"users:003"}})", 9},
            {"destination", R"({"$match":{"destination":"platform:fees"}})", 60},
            {"metadata", R"({"$match":{"metadata[order]":"ord_7"}})", 1},
            {"metadata frequent", R"({"$match":{"metadata[channel]":"card"}})", 30},
            {"reference", R"({"$match":{"reference":"ref-7"}})", 1},
            {"date range",
             R"({"$and":[{"$gte":{"timestamp":"2025-02-01T00:00:00Z"}},{"$lt":{"timestamp":"2025-03-01T00:00:00Z"}}]})",
             7},
            {"account and date",
             R"({"$and":[{"$match":{"account":"users:003"}},{"$gte":{"timestamp":"2025-02-01T00:00:00Z"}}]})",
             8},
        };
        for (int few : {1000000, 0})
            for (const auto &[name, body, expected] : filters)
                QTest::newRow(qPrintable(QStringLiteral("%1, %2").arg(
                    QLatin1String(name),
                    few ? QStringLiteral("index lookup") : QStringLiteral("per transaction"))))
                    << few << body << expected;
    }
    void transactions() {
        QFETCH(int, fewMatches);
        QFETCH(QByteArray, filter);
        LedgerV2Api::setFewMatches(fewMatches);
        const QString path = QStringLiteral("/api/ledger/v2/plans/transactions");
        Reply first;
        QVERIFY(check("GET", path, filter, {{QStringLiteral("pageSize"), QStringLiteral("3")}}, &first) > 0);
        QVERIFY(!QTest::currentTestFailed());
        // The next page, by cursor (newest first, id < cursor).
        const QString next = first.json()["cursor"]["next"].toString();
        if (!next.isEmpty())
            QVERIFY(check("GET", path, {}, {{QStringLiteral("cursor"), next}}) > 0);
        QVERIFY(check("GET", path, filter,
                      {{QStringLiteral("pageSize"), QStringLiteral("3")},
                       {QStringLiteral("reverse"), QStringLiteral("true")}}) > 0);
        QVERIFY(check("HEAD", path, filter) > 0);
    }

    void accounts_data() {
        QTest::addColumn<QByteArray>("filter");
        QTest::newRow("none") << QByteArray();
        QTest::newRow("address") << QByteArray(R"({"$match":{"address":"users:003"}})");
        QTest::newRow("address prefix") << QByteArray(R"({"$match":{"address":"users:"}})");
    }
    void accounts() {
        QFETCH(QByteArray, filter);
        const QString path = QStringLiteral("/api/ledger/v2/plans/accounts");
        Reply first;
        QVERIFY(check("GET", path, filter, {{QStringLiteral("pageSize"), QStringLiteral("2")}}, &first) > 0);
        const QString next = first.json()["cursor"]["next"].toString();
        if (!next.isEmpty())
            QVERIFY(check("GET", path, {}, {{QStringLiteral("cursor"), next}}) > 0);
        QVERIFY(check("HEAD", path, filter) > 0);
    }

    // The plans return the right rows: both strategies agree, with the SQL scan's answer.
    void sameRows_data() { transactions_data(); }
    void sameRows() {
        QFETCH(int, fewMatches);
        QFETCH(QByteArray, filter);
        LedgerV2Api::setFewMatches(fewMatches);
        const QString path = QStringLiteral("/api/ledger/v2/plans/transactions");
        QStringList ids;
        const Reply r = f.call("GET", path, filter, {{QStringLiteral("pageSize"), QStringLiteral("100")}});
        for (const Json::Value &tx : r.json()["cursor"]["data"].elements())
            ids << num(tx["id"]);
        LedgerV2Api::setFewMatches(fewMatches ? 0 : 1000000);
        QStringList other;
        for (const Json::Value &tx :
             f.call("GET", path, filter, {{QStringLiteral("pageSize"), QStringLiteral("100")}})
                 .json()["cursor"]["data"]
                 .elements())
            other << num(tx["id"]);
        QCOMPARE(ids, other);
        QFETCH(int, expected);
        QCOMPARE(ids.size(), expected);
        QCOMPARE(f.count(QStringLiteral("plans"), QStringLiteral("transactions"), filter), qint64(expected));
    }

    // A data directory of schema version 2 (before transaction_metadata) is migrated on open:
    // its transactions' metadata becomes searchable, and filters on it find them.
    void migratesVersion2() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("sandbox.sqlite"));
        {
            LedgerStore store;
            QString error;
            QVERIFY2(store.open(file, &error), qPrintable(error));
            store.insertLedger(
                {QStringLiteral("old"), QStringLiteral("b"), QStringLiteral("2025-01-01T00:00:00Z"), {}});
            Formance::Sandbox::Transaction tx;
            tx.id = 0;
            tx.timestamp = tx.insertedAt = QStringLiteral("2025-01-01T00:00:00Z");
            tx.metadata = {{QStringLiteral("order"), QStringLiteral("ord_1")}};
            store.insertTransaction(QStringLiteral("old"), tx);
            store.query(QStringLiteral("DROP TABLE transaction_metadata"));
            store.query(QStringLiteral("PRAGMA user_version = 2"));
        }
        {
            LedgerStore store;
            QString error;
            QVERIFY2(store.open(file, &error), qPrintable(error));
            QSqlQuery q = store.query(
                QStringLiteral("SELECT key, value, tx_id FROM transaction_metadata WHERE ledger = 'old'"));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("order"));
            QCOMPARE(q.value(1).toString(), QStringLiteral("ord_1"));
            QCOMPARE(q.value(2).toLongLong(), qint64(0));
            QVERIFY(!q.next());
            q = store.query(QStringLiteral("PRAGMA user_version"));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 3);
        }
    }

    // Changing a transaction's metadata (a new value for a key, then the key deleted) changes its
    // searchable rows.
    void metadataRowsFollowUpdates() {
        LedgerV2Api::setFewMatches(1000000);
        const QString path = QStringLiteral("/api/ledger/v2/plans/transactions");
        QCOMPARE(f.call("POST", path + QStringLiteral("/7/metadata"), R"({"order":"ord_moved"})").status,
                 204);
        QCOMPARE(f.count(QStringLiteral("plans"), QStringLiteral("transactions"),
                         R"({"$match":{"metadata[order]":"ord_moved"}})"),
                 qint64(1));
        QCOMPARE(f.count(QStringLiteral("plans"), QStringLiteral("transactions"),
                         R"({"$match":{"metadata[order]":"ord_7"}})"),
                 qint64(0));
        QCOMPARE(f.call("DELETE", path + QStringLiteral("/7/metadata/order")).status, 204);
        QCOMPARE(f.count(QStringLiteral("plans"), QStringLiteral("transactions"),
                         R"({"$match":{"metadata[order]":"ord_moved"}})"),
                 qint64(0));
        QCOMPARE(f.count(QStringLiteral("plans"), QStringLiteral("transactions"),
                         R"({"$match":{"metadata[order]":"ord_7"}})"),
                 qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestSandboxPlans)
#include "tst_sandbox_plans.moc"
