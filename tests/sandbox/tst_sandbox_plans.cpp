// Issue 13: the ledger's filtered lists use indexes. Every SQL statement the v2 transactions and
// accounts lists and counts run (for each common filter, a cursor page, both orders) goes
// through EXPLAIN QUERY PLAN; a full SCAN of transactions, moves, accounts or
// transaction_metadata fails. Each filter runs under both plans the sandbox chooses between
// (few matches: looked up by index; many: checked per transaction newest first).
#include "SandboxFixture.h"

#include "ledger/LedgerStore.h"
#include "ledger/PostingEngine.h"
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
            QStringLiteral("^SCAN (t|m|a|tm|b|bv|transactions|moves|accounts|transaction_metadata|"
                           "transaction_counts|transactions_backdated)\\b"));
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
            if (!sql.contains(QRegularExpression(QStringLiteral(
                    "FROM (transactions|moves|accounts|transaction_metadata|transaction_counts|"
                    "transactions_backdated)\\b"))))
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

    // A count whose filter is the whole ledger, one address or one prefix is read from
    // transaction_counts, and equals the indexed COUNT (which a pit forces) after inserts, an
    // account twice in one transaction, two accounts under one prefix, a backdated insert, a
    // revert and a bulk whose second element fails.
    void countersEqualCount() {
        QVERIFY(f.createLedger(QStringLiteral("counts")));
        const QString path = QStringLiteral("/api/ledger/v2/counts/transactions");
        auto post = [&](const QString &postings, const QString &extra = {}) {
            return f
                .call("POST", path,
                      QStringLiteral(R"({"postings":[%1],"metadata":{}%2})").arg(postings, extra).toUtf8())
                .status;
        };
        auto posting = [](const char *from, const char *to, int amount) {
            return QStringLiteral(R"({"source":"%1","destination":"%2","amount":%3,"asset":"USD/2"})")
                .arg(QLatin1String(from), QLatin1String(to))
                .arg(amount);
        };
        QCOMPARE(post(posting("world", "users:1", 100)), 200);
        QCOMPARE(post(posting("world", "users:2", 100) + u',' + posting("users:2", "users:1", 10) + u',' +
                      posting("users:1", "merchants:7:main", 5)),
                 200);
        QCOMPARE(post(posting("world", "merchants:7:main", 1),
                      QStringLiteral(R"(,"timestamp":"2020-01-01T00:00:00Z")")),
                 200);
        QCOMPARE(f.call("POST", path + QStringLiteral("/1/revert")).status, 201);
        const QByteArray bulk =
            QStringLiteral(R"([{"action":"CREATE_TRANSACTION","data":{"postings":[%1]}},)"
                           R"({"action":"CREATE_TRANSACTION","data":{"postings":[%2]}}])")
                .arg(posting("world", "payouts:x", 1), posting("users:9", "users:1", 1000))
                .toUtf8();
        f.call("POST", QStringLiteral("/api/ledger/v2/counts/_bulk"), bulk);
        const QList<QByteArray> filters = {
            {},
            "{}",
            R"({"$match":{"account":"users:1"}})",
            R"({"$match":{"account":"users:2"}})",
            R"({"$match":{"account":"users:9"}})",
            R"({"$match":{"account":"world"}})",
            R"({"$match":{"account":"merchants:7:main"}})",
            R"({"$match":{"source":"world"}})",
            R"({"$match":{"source":"users:1"}})",
            R"({"$match":{"destination":"users:1"}})",
            R"({"$match":{"account":"users:"}})",
            R"({"$match":{"source":"users:"}})",
            R"({"$match":{"destination":"users:"}})",
            R"({"$match":{"account":"merchants:7:"}})",
            R"({"$match":{"account":"merchants:"}})",
            R"({"$match":{"destination":"payouts:"}})",
            R"({"$match":{"account":"nobody:"}})",
        };
        qint64 total = 0;
        for (const QByteArray &filter : filters) {
            take();
            const qint64 fast = f.count(QStringLiteral("counts"), QStringLiteral("transactions"), filter);
            bool counter = false;
            for (const auto &[sql, binds] : take())
                counter = counter || sql.contains(QLatin1String("FROM transaction_counts"));
            QVERIFY2(counter, filter.constData());
            const Reply slow = f.call("HEAD", path, filter,
                                      {{QStringLiteral("pit"), QStringLiteral("2999-01-01T00:00:00Z")}});
            QCOMPARE(slow.status, 204);
            QVERIFY2(fast == slow.header("Count").toLongLong(),
                     qPrintable(QStringLiteral("%1: %2 counted, %3 by COUNT")
                                    .arg(QString::fromUtf8(filter))
                                    .arg(fast)
                                    .arg(QString::fromUtf8(slow.header("Count")))));
            if (filter.isEmpty())
                total = fast;
        }
        QCOMPARE(total, qint64(5)); // three posts, the revert, the bulk's first element
        QCOMPARE(f.count(QStringLiteral("counts"), QStringLiteral("transactions"),
                         R"({"$match":{"account":"merchants:"}})"),
                 qint64(0)); // merchants:7:main is three segments: "merchants:" matches two
    }

    // A list whose filter is only a date range walks an id window: its pages (by cursor, both
    // orders, and back) hold the same rows as the plain query would, backdated ones included.
    void dateRangePages() {
        QVERIFY(f.createLedger(QStringLiteral("dates")));
        const QString path = QStringLiteral("/api/ledger/v2/dates/transactions");
        // Timestamps by day of January; the 0s are backdated (to December), the 15 after 20 too.
        const QList<int> days = {2, 3, 3, 5, 8, 0, 9, 12, 12, 15, 17, 20, 15, 21, 25, 0, 28, 5, 30};
        QList<std::pair<qint64, QString>> all; // id, timestamp
        for (int d : days) {
            const QString ts = d ? QStringLiteral("2025-01-%1T10:00:00Z").arg(d, 2, 10, QLatin1Char('0'))
                                 : QStringLiteral("2024-12-31T10:00:00Z");
            const Reply r = f.post(QStringLiteral("dates"), QStringLiteral("world"),
                                   QStringLiteral("users:1"), QStringLiteral("USD/2"), QStringLiteral("1"),
                                   QStringLiteral(R"("timestamp":"%1")").arg(ts));
            QCOMPARE(r.status, 200);
            all.append({num(r.json()["data"]["id"]).toLongLong(), ts});
        }
        struct Range {
            const char *gte; // empty: unbounded
            const char *lt;
        };
        const QList<Range> ranges = {{"2025-01-03", "2025-01-13"}, {"2025-01-05", "2025-01-06"},
                                     {"2025-01-15", "2025-01-16"}, {"2024-12-01", "2025-01-03"},
                                     {"2025-01-13", ""},           {"", "2025-01-09"},
                                     {"2025-02-01", "2025-03-01"}, {"2024-12-31", "2025-02-01"}};
        for (const Range &range : ranges) {
            QStringList bounds;
            if (*range.gte)
                bounds << QStringLiteral(R"({"$gte":{"timestamp":"%1T00:00:00Z"}})")
                              .arg(QLatin1String(range.gte));
            if (*range.lt)
                bounds
                    << QStringLiteral(R"({"$lt":{"timestamp":"%1T00:00:00Z"}})").arg(QLatin1String(range.lt));
            const QByteArray filter =
                (bounds.size() == 1 ? bounds.first()
                                    : QStringLiteral(R"({"$and":[%1]})").arg(bounds.join(u',')))
                    .toUtf8();
            for (bool reverse : {false, true}) {
                QList<qint64> expected;
                for (const auto &[id, ts] : all)
                    if ((!*range.gte || ts >= QLatin1String(range.gte)) &&
                        (!*range.lt || ts < QLatin1String(range.lt)))
                        expected.append(id);
                if (!reverse)
                    std::reverse(expected.begin(), expected.end());
                take();
                Reply r = f.call("GET", path, filter,
                                 {{QStringLiteral("pageSize"), QStringLiteral("2")},
                                  {QStringLiteral("reverse"),
                                   reverse ? QStringLiteral("true") : QStringLiteral("false")}});
                bool window = false;
                for (const auto &[sql, binds] : take())
                    window = window || sql.contains(QLatin1String("FROM transactions_backdated"));
                QVERIFY2(window, filter.constData());
                QList<qint64> ids;
                QList<QList<qint64>> pages;
                QStringList previous;
                for (;;) {
                    QCOMPARE(r.status, 200);
                    QList<qint64> page;
                    for (const Json::Value &tx : r.json()["cursor"]["data"].elements())
                        page << num(tx["id"]).toLongLong();
                    pages << page;
                    ids << page;
                    previous << r.json()["cursor"]["previous"].toString();
                    const QString next = r.json()["cursor"]["next"].toString();
                    if (next.isEmpty())
                        break;
                    r = f.call("GET", path, {}, {{QStringLiteral("cursor"), next}});
                }
                QVERIFY2(
                    ids == expected,
                    qPrintable(QStringLiteral("%1 reverse %2").arg(QString::fromUtf8(filter)).arg(reverse)));
                // Back from the last page: the one before it.
                if (pages.size() > 1) {
                    const Reply back = f.call("GET", path, {}, {{QStringLiteral("cursor"), previous.last()}});
                    QList<qint64> page;
                    for (const Json::Value &tx : back.json()["cursor"]["data"].elements())
                        page << num(tx["id"]).toLongLong();
                    QCOMPARE(page, pages[pages.size() - 2]);
                }
            }
        }
    }

    // A data directory of schema version 3 gets transaction_counts and transactions_backdated
    // built from its rows on open: the same rows as inserting kept (a rolled-back insert left none).
    void migratesVersion3() {
        using namespace Formance::Sandbox;
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("sandbox.sqlite"));
        auto snapshot = [](LedgerStore &store) {
            QStringList rows;
            QSqlQuery q = store.query(QStringLiteral(
                "SELECT ledger || ' ' || kind || ' ' || key || ' ' || n FROM transaction_counts ORDER BY 1"));
            while (q.next())
                rows << q.value(0).toString();
            q = store.query(QStringLiteral(
                "SELECT ledger || ' backdated ' || id FROM transactions_backdated ORDER BY 1"));
            while (q.next())
                rows << q.value(0).toString();
            return rows;
        };
        QStringList before;
        {
            LedgerStore store;
            QString error;
            QVERIFY2(store.open(file, &error), qPrintable(error));
            PostingEngine engine(store);
            for (const char *ledger : {"a", "b"}) {
                QVERIFY(engine.createLedger(QLatin1String(ledger), QStringLiteral("_default"), {}));
                const QList<std::tuple<const char *, const char *, const char *>> txs = {
                    {"world", "users:1", "2025-01-02T00:00:00.000000Z"},
                    {"users:1", "users:2", "2025-01-03T00:00:00.000000Z"},
                    {"world", "shop:eu:main", "2025-01-01T00:00:00.000000Z"}, // backdated
                    {"shop:eu:main", "users:1", "2025-01-03T00:00:00.000000Z"},
                    {"world", "shop:eu:spare", "2025-01-04T00:00:00.000000Z"}};
                for (const auto &[from, to, ts] : txs) {
                    NewTransaction tx;
                    tx.postings = {{QLatin1String(from), QLatin1String(to), QStringLiteral("USD/2"),
                                    BigInt::fromString("5").value()},
                                   {QLatin1String(from), QLatin1String(to), QStringLiteral("EUR/2"),
                                    BigInt::fromString("1").value()}};
                    tx.timestamp = QLatin1String(ts);
                    tx.force = true;
                    QVERIFY(engine.createTransaction(QLatin1String(ledger), tx, false));
                }
                store.begin();
                NewTransaction gone;
                gone.postings = {{QStringLiteral("world"), QStringLiteral("users:3"), QStringLiteral("USD/2"),
                                  BigInt::fromString("5").value()}};
                gone.timestamp = QStringLiteral("2024-01-01T00:00:00.000000Z");
                QVERIFY(engine.createTransaction(QLatin1String(ledger), gone, false));
                store.rollback();
            }
            before = snapshot(store);
            QVERIFY(before.contains(QStringLiteral("a all  5")));
            QVERIFY(before.contains(QStringLiteral("b account: shop:eu: 3")));
            QVERIFY(before.contains(QStringLiteral("b backdated 2")));
            QVERIFY(!before.join(u'\n').contains(QLatin1String("users:3")));
            store.query(QStringLiteral("DROP TABLE transaction_counts"));
            store.query(QStringLiteral("DROP TABLE transactions_backdated"));
            store.query(QStringLiteral("PRAGMA user_version = 3"));
        }
        {
            LedgerStore store;
            QString error;
            QVERIFY2(store.open(file, &error), qPrintable(error));
            QCOMPARE(snapshot(store), before);
            QSqlQuery q = store.query(QStringLiteral("PRAGMA user_version"));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 4);
        }
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
            QCOMPARE(q.value(0).toInt(), 4);
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
