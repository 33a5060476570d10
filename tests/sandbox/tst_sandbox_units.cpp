// The sandbox's pieces on their own: amount keys, cursors, filters, Numscript, options, and
// the demo seed's startup time.
#include "SandboxFixture.h"

#include "Options.h"
#include "core/EventBus.h"
#include "ledger/AmountKey.h"
#include "ledger/Cursor.h"
#include "ledger/DemoSeed.h"
#include "ledger/FilterQuery.h"
#include "ledger/LedgerStore.h"
#include "ledger/Numscript.h"
#include "ledger/PostingEngine.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace SandboxTest;
using namespace Formance::Sandbox;

class TestSandboxUnits : public QObject {
    Q_OBJECT
private slots:
    void amountKeysSortLikeNumbers() {
        const QStringList values = {"-340282366920938463463374607431768211457",
                                    "-18446744073709551617",
                                    "-100",
                                    "-99",
                                    "-1",
                                    "0",
                                    "1",
                                    "9",
                                    "10",
                                    "18446744073709551616",
                                    "340282366920938463463374607431768211457"};
        for (int i = 0; i + 1 < values.size(); ++i)
            QVERIFY2(amountKey(*BigInt::fromString(values[i])) <
                         amountKey(*BigInt::fromString(values[i + 1])),
                     qPrintable(values[i] + " < " + values[i + 1]));
    }

    void canonicalTimesAreFixedWidth() {
        QCOMPARE(*parseTime("2024-01-01T00:00:00Z"), QStringLiteral("2024-01-01T00:00:00.000000Z"));
        QCOMPARE(*parseTime("2024-01-01T01:00:00.5+01:00"), QStringLiteral("2024-01-01T00:00:00.500000Z"));
        QVERIFY(!parseTime("tomorrow"));
    }

    void cursorsRoundTripAndRejectGarbage() {
        Cursor c;
        c.key = QStringLiteral("users:1");
        c.backward = true;
        c.query.pageSize = 42;
        c.query.body = R"({"$match":{"address":"users:"}})";
        c.query.params.insert(QStringLiteral("pit"), QStringLiteral("2024-01-01T00:00:00Z"));
        auto back = Cursor::decode(c.encode());
        QVERIFY(back.ok());
        QCOMPARE(back->key, c.key);
        QCOMPARE(back->backward, true);
        QCOMPARE(back->query.pageSize, 42);
        QCOMPARE(back->query.body, c.query.body);
        QCOMPARE(back->query.params, c.query.params);
        QVERIFY(!Cursor::decode("%%%").ok());
        QVERIFY(!Cursor::decode(QByteArray("{}").toBase64()).ok());
        QCOMPARE(Cursor::decode("eyJ2IjoxfQ").error().code, QStringLiteral("VALIDATION"));
        QVERIFY(!pageSizeFrom("1001").ok());
        QCOMPARE(pageSizeFrom("").value(), 15);
    }

    void filtersCompileToSql() {
        const FieldResolver resolver = [](const QString &op, const QString &field, const Json::Value &value,
                                          QVariantList &binds) -> Expected<QString> {
            if (field == QLatin1String("address"))
                return FilterQuery::addressCondition(QStringLiteral("a"), value.toString(), binds);
            binds << value.toString();
            return QStringLiteral("%1 %2 ?").arg(field, FilterQuery::sqlOperator(op));
        };
        auto c = FilterQuery::compile(
            QByteArray(R"({"$and":[{"$match":{"address":"users::main"}},{"$not":{"$lt":{"x":"1"}}}]})"),
            resolver);
        QVERIFY(c.ok());
        // The literal prefix bounds an index range; REGEXP checks the rest.
        QCOMPARE(c->sql, QStringLiteral("((a >= ? AND a < ? AND a REGEXP ?)) AND (NOT (x < ?))"));
        QCOMPARE(c->binds, QVariantList({QStringLiteral("users:"), QStringLiteral("users;"),
                                         QStringLiteral("^users:[^:]+:main$"), QStringLiteral("1")}));
        // A trailing wildcard: one more segment, checked without REGEXP.
        c = FilterQuery::compile(QByteArray(R"({"$match":{"address":"users:"}})"), resolver);
        QCOMPARE(c->sql, QStringLiteral("(a > ? AND a < ? AND instr(substr(a, ?), ':') = 0)"));
        QCOMPARE(c->binds, QVariantList({QStringLiteral("users:"), QStringLiteral("users;"), 7}));
        c = FilterQuery::compile(QByteArray(R"({"$match":{"address":"users:1"}})"), resolver);
        QCOMPARE(c->sql, QStringLiteral("a = ?"));
        QVERIFY(!FilterQuery::compile(QByteArray(R"({"$nope":{"x":1}})"), resolver).ok());
        QVERIFY(!FilterQuery::compile(QByteArray(R"({"$match":{"x":1},"$lt":{"y":2}})"), resolver).ok());
        QVERIFY(!FilterQuery::compile(QByteArray(R"([1])"), resolver).ok());
        QCOMPARE(FilterQuery::compile(QByteArray("{}"), resolver)->sql, QStringLiteral("1"));
        QCOMPARE(*FilterQuery::bracketKey("metadata[a.b]", "metadata"), QStringLiteral("a.b"));
    }

    void numscriptSubset() {
        auto tx = Numscript::compile(
            QStringLiteral("// pay\nvars {\n  account $u\n  number $n\n}\n"
                           "send [EUR/2 $n] (\n  source = @world\n  destination = $u\n)\n"
                           "send [EUR/2 5] ( source = $u allowing unbounded overdraft destination = @fees )\n"
                           "set_tx_meta(\"k\", $n)\n"),
            QMap<QString, QString>{{"u", "users:1"}, {"n", "340282366920938463463374607431768211457"}});
        QVERIFY2(tx.ok(), qPrintable(tx.ok() ? QString() : tx.error().message));
        QCOMPARE(tx->postings.size(), 2);
        QCOMPARE(tx->postings[0].amount, *BigInt::fromString("340282366920938463463374607431768211457"));
        QCOMPARE(tx->postings[0].destination, QStringLiteral("users:1"));
        QVERIFY(tx->unboundedOverdraft.contains(QStringLiteral("users:1")));
        QCOMPARE(tx->metadata.value("k"), QStringLiteral("340282366920938463463374607431768211457"));
        const QStringList refused = {
            "send [USD 10] ( source = @a allowing overdraft up to [USD 5] destination = @b )",
            "send [USD 10] ( source = { @a @b } destination = @c )",
            "send [USD *] ( source = @a destination = @b )",
            "send [USD 10] ( source = @a destination = { 50% to @b remaining to @c } )",
            "vars { portion $p }",
            "save [USD 10] from @a",
            "send [USD 10] ( source = @a destination = @b",
            "send [USD 10] ( source = @a destination = @b ) \"",
            "send [usd 10] ( source = @a destination = @b )",
            "",
        };
        for (const QString &s : refused) {
            auto r = Numscript::compile(s, QMap<QString, QString>{});
            QVERIFY2(!r.ok(), qPrintable(s));
            QVERIFY2(r.error().status == 400, qPrintable(s));
        }
        QVERIFY(
            Numscript::compile(refused[1], QMap<QString, QString>{}).error().message.contains("unsupported"));
    }

    // Events reach subscribers only for changes that were committed: an inner level that rolls
    // back drops its events, a dry run publishes nothing, and nothing runs before the outer commit.
    void eventsFollowCommitsOnly() {
        Sandbox::LedgerStore store;
        QString error;
        QVERIFY2(store.open(QString(), &error), qPrintable(error));
        QStringList ran;
        store.afterCommit([&] { ran << "outside"; });
        QCOMPARE(ran, QStringList{"outside"});
        store.begin();
        store.afterCommit([&] { ran << "outer"; });
        store.begin();
        store.afterCommit([&] { ran << "rolled back"; });
        store.rollback();
        store.begin();
        store.afterCommit([&] { ran << "inner"; });
        store.commit();
        QCOMPARE(ran, QStringList{"outside"});
        store.commit();
        QCOMPARE(ran, (QStringList{"outside", "outer", "inner"}));

        Sandbox::PostingEngine engine(store);
        Sandbox::EventBus bus;
        QStringList events;
        bus.subscribe([&](const Sandbox::StackEvent &e) { events << e.qualifiedType(); });
        engine.setEventBus(&bus);
        QVERIFY(engine.createLedger(QStringLiteral("events"), QString(), {}).ok());
        Sandbox::NewTransaction tx;
        tx.postings.append({QStringLiteral("world"), QStringLiteral("a"), QStringLiteral("USD"), BigInt(5)});
        QVERIFY(engine.createTransaction(QStringLiteral("events"), tx, true).ok()); // dry run
        QCOMPARE(events, QStringList());
        tx.postings[0].source = QStringLiteral("b"); // b has nothing: refused
        QVERIFY(!engine.createTransaction(QStringLiteral("events"), tx, false).ok());
        QCOMPARE(events, QStringList());
        tx.postings[0].source = QStringLiteral("world");
        QVERIFY(engine.createTransaction(QStringLiteral("events"), tx, false).ok());
        QCOMPARE(events, QStringList{"ledger.committed_transactions"});
        bus.setMuted(true);
        QVERIFY(engine.createTransaction(QStringLiteral("events"), tx, false).ok());
        QCOMPARE(events.size(), 1);
    }

    void options() {
        QString error;
        auto o = Options::fromArguments({"--port", "0", "--seed", "demo", "--token-ttl", "5", "--client-id",
                                         "x", "--client-secret", "y", "--data", "/tmp/x"},
                                        &error);
        QVERIFY(o);
        QCOMPARE(o->seed, QStringLiteral("demo"));
        QCOMPARE(o->tokenTtlSeconds, 5);
        QCOMPARE(o->address, QHostAddress(QHostAddress::LocalHost));
        QVERIFY(!Options::fromArguments({"--port", "70000"}, &error));
        QVERIFY(!Options::fromArguments({"--seed", "lots"}, &error));
        QVERIFY(!Options::fromArguments({"--bogus", "1"}, &error));
    }

    void startsWithoutBlockingTheCaller() {
        SandboxThread sandbox;
        QSignalSpy started(&sandbox, &SandboxThread::started);
        QSignalSpy failed(&sandbox, &SandboxThread::failed);
        sandbox.startAsync(Options{});
        QVERIFY(started.wait(10000));
        QCOMPARE(failed.count(), 0);
        QVERIFY(started.first().first().toUInt() > 0);
        QCOMPARE(quint16(started.first().first().toUInt()), sandbox.port());
        Client client(configFor(sandbox.port()));
        QCOMPARE(toReply(client.send(request("GET", "/api/ledger/v2")).result()).status, 200);
        sandbox.stop();
        // A port already taken fails, through the signal.
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
        Options busy;
        busy.port = taken.serverPort();
        sandbox.startAsync(busy);
        QVERIFY(failed.wait(10000));
        QVERIFY(!sandbox.isRunning());
    }

    void dataDirectoryPersistsAndRefusesOtherSchemas() {
        QTemporaryDir dir;
        Options o;
        o.dataDir = dir.path();
        {
            Fixture f;
            QVERIFY(f.start(o));
            QVERIFY(f.createLedger("kept"));
            QCOMPARE(f.post("kept", "world", "users:1", "USD", "42").status, 200);
        }
        {
            Fixture f;
            QVERIFY(f.start(o));
            QCOMPARE(f.balance("kept", "users:1", "USD"), QStringLiteral("42"));
            f.stop();
        }
        // A database from another schema version is refused with a clear message.
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("schema-probe"));
            db.setDatabaseName(dir.filePath(QStringLiteral("sandbox.sqlite")));
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 1"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("schema-probe"));
        SandboxThread sandbox;
        QString error;
        QVERIFY(!sandbox.start(o, &error));
        QVERIFY2(error.contains(QStringLiteral("schema version")), qPrintable(error));
    }

    // Demo stacks starting together (four screenshot runs at a time) read one cache file: a copy
    // must not need a write lock on it, or it waits for the others and times out.
    void demoCacheCopiesWhileAnotherHoldsItsWriteLock() {
        QTemporaryDir cache;
        QString error;
        const QString file = DemoSeed::ensureCache(cache.path(), &error);
        QVERIFY2(!file.isEmpty(), qPrintable(error));
        {
            QSqlDatabase other =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
            other.setDatabaseName(file);
            QVERIFY(other.open());
            QSqlQuery hold(other);
            QVERIFY(hold.exec(QStringLiteral("BEGIN IMMEDIATE"))); // RESERVED: readers may go on
            LedgerStore store;
            QVERIFY(store.open(QString(), &error));
            QElapsedTimer timer;
            timer.start();
            QVERIFY2(store.copyFrom(file, &error), qPrintable(error));
            QVERIFY2(timer.elapsed() < 4000, qPrintable(QString::number(timer.elapsed()))); // no lock wait
            QVERIFY(!store.isEmpty());
            QVERIFY(hold.exec(QStringLiteral("ROLLBACK")));
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
    }

    // The second start copies the cached demo database instead of generating it again. (How fast
    // that is belongs to the benchmarks: desk-bench-startup; a wall-clock bound here failed under
    // load.) The cache is left as it was, and starting from it takes a fraction of generating it.
    void demoSeedStartsFromItsCache() {
        QTemporaryDir cache;
        Options o;
        o.seed = QStringLiteral("demo");
        o.demoCacheDir = cache.path();
        QElapsedTimer timer;
        qint64 generated = 0;
        {
            Fixture first; // generates the cache
            timer.start();
            QVERIFY(first.start(o));
            generated = timer.elapsed();
            qInfo() << "demo seed generated in" << generated << "ms";
            first.stop();
        }
        const auto snapshot = [&cache] {
            QStringList files;
            for (const QFileInfo &fi : QDir(cache.path()).entryInfoList(QDir::Files, QDir::Name))
                files << fi.fileName() + u' ' + QString::number(fi.size()) + u' ' +
                             QString::number(fi.lastModified().toMSecsSinceEpoch());
            return files;
        };
        const QStringList cached = snapshot();
        QVERIFY(!cached.isEmpty());
        Fixture f;
        timer.start();
        QVERIFY(f.start(o));
        const qint64 startup = timer.elapsed();
        qInfo() << "demo stack started in" << startup << "ms";
        QCOMPARE(snapshot(), cached);
        QVERIFY2(
            startup * 4 < generated,
            qPrintable(QStringLiteral("%1 ms from the cache, %2 ms generating").arg(startup).arg(generated)));

        SandboxTest::Reply r = f.call("GET", "/api/ledger/v2");
        // The three demo ledgers (services add their own, e.g. the wallets' ledger).
        int demoLedgers = 0;
        for (const Json::Value &l : r.json()["cursor"]["data"].elements())
            demoLedgers += l["name"].toString().startsWith(QLatin1String("demo-")) ? 1 : 0;
        QCOMPARE(demoLedgers, 3);
        qint64 total = 0;
        for (const char *l : {"demo-retail", "demo-payouts", "demo-crypto"}) {
            const qint64 n = f.count(l, "transactions");
            QVERIFY2(n > 5000, l);
            total += n;
        }
        QVERIFY(total > 25000);
        // Reverted transactions, metadata and amounts past 2^64.
        QVERIFY(f.count("demo-retail", "transactions", R"({"$match":{"reverted":true}})") > 10);
        QVERIFY(f.count("demo-retail", "transactions", R"({"$match":{"metadata[type]":"purchase"}})") > 1000);
        QVERIFY(f.count("demo-crypto", "transactions", R"({"$exists":{"metadata":"channel"}})") > 100);
        QVERIFY(f.count("demo-crypto", "accounts", R"({"$gt":{"balance[ETH/18]":18446744073709551616}})") >
                0);
        QVERIFY(f.count("demo-retail", "accounts", R"({"$match":{"address":"merchants:"}})") > 10);
        QVERIFY(f.count("demo-retail", "accounts", R"({"$lt":{"balance[USD/2]":0}})") == 1); // only world
        // Deterministic: the same seed gives the same history.
        r = f.call("GET", "/api/ledger/v2/demo-retail/transactions/1234");
        const QByteArray postings = r.json()["data"]["postings"].toJson();
        f.stop();
        QTemporaryDir other;
        o.demoCacheDir = other.path();
        QVERIFY(f.start(o));
        QCOMPARE(
            f.call("GET", "/api/ledger/v2/demo-retail/transactions/1234").json()["data"]["postings"].toJson(),
            postings);
        f.stop();
    }
};

QTEST_GUILESS_MAIN(TestSandboxUnits)
#include "tst_sandbox_units.moc"
