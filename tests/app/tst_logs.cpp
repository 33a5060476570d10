// Logs out and in, end to end against the embedded sandbox: a ledger's log exported to a file,
// then imported into a new ledger, which then holds the same balances to the unit; an altered
// file is refused and leaves the new ledger empty of transactions; a bad ledger name is refused
// before any call; read-only refuses the import.
#include "AppFixture.h"
#include "Server.h"
#include "ledger/LedgerStore.h"
#include "ledger/LogsModel.h"
#include "ledger/LogsTransferController.h"
#include "ledger/VolumesModel.h"
#include <Formance/ledger/v2/LedgerV2Api.h>

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Formance;
using namespace AppTest;

class TestLogs : public QObject {
    Q_OBJECT
    Fixture m_fixture;

    Client &client() { return m_fixture.client(); }
    bool post(const QString &ledger, const QString &from, const QString &to, qint64 amount,
              const QString &asset) {
        Models::V2PostTransaction tx;
        tx.postings = QList<Models::V2Posting>{
            {.amount = BigInt(amount), .asset = asset, .destination = to, .source = from}};
        tx.metadata.insert(QStringLiteral("note"), QStringLiteral("n%1").arg(amount));
        return client().ledger().v2().createTransaction({.ledger = ledger, .body = tx}).result().ok();
    }
    // account|asset -> balance, every row.
    QMap<QString, QString> balances(const QString &ledger) {
        VolumesModel model;
        model.setSession(m_fixture.session());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setLedger(ledger);
        QMap<QString, QString> out;
        if (!reset.wait(5000) || !drain(model))
            return out;
        for (int i = 0; i < model.count(); ++i)
            out.insert(model.row(i).account + u'|' + model.row(i).asset, model.row(i).balance.toString());
        return out;
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fixture.start(false, &error), qPrintable(error));
    }
    void cleanupTestCase() { m_fixture.stop(); }

    void exportThenImportReproducesBalances() {
        const QString ledger = Fixture::unique(QStringLiteral("logs"));
        QVERIFY(client().ledger().v2().createLedger({ledger, std::nullopt}).result().ok());
        for (int i = 1; i <= 40; ++i)
            QVERIFY(post(ledger, QStringLiteral("world"), QStringLiteral("users:%1").arg(i % 7), 1000 + i,
                         QStringLiteral("USD/2")));
        QVERIFY(post(ledger, QStringLiteral("users:1"), QStringLiteral("merchants:m"), 777,
                     QStringLiteral("USD/2")));
        // Past 64 bits, to the unit.
        QVERIFY(
            post(ledger, QStringLiteral("world"), QStringLiteral("users:eth"), 1, QStringLiteral("ETH/18")));
        Models::V2PostTransaction big;
        big.postings = QList<Models::V2Posting>{
            {.amount = *BigInt::fromString(QStringLiteral("123456789012345678901234")),
             .asset = QStringLiteral("ETH/18"),
             .destination = QStringLiteral("users:eth"),
             .source = QStringLiteral("world")}};
        QVERIFY(client().ledger().v2().createTransaction({.ledger = ledger, .body = big}).result().ok());
        const auto before = balances(ledger);
        QVERIFY(before.size() >= 9);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("logs.ndjson"));
        LogsTransferController transfer;
        transfer.setSession(m_fixture.session());
        QSignalSpy exported(&transfer, &LogsTransferController::exported);
        transfer.exportTo(ledger, QUrl::fromLocalFile(path));
        QVERIFY(transfer.busy());
        QVERIFY2(exported.wait(10000), qPrintable(transfer.error()));
        QCOMPARE(transfer.step(), 1);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray logs = f.readAll();
        f.close();
        QCOMPARE(logs.count('\n'), 43); // one log per transaction
        QCOMPARE(transfer.bytes(), qint64(logs.size()));

        const QString copy = ledger + QStringLiteral("-copy");
        QSignalSpy imported(&transfer, &LogsTransferController::imported);
        transfer.importInto(QUrl::fromLocalFile(path), copy);
        QVERIFY(imported.wait(20000));
        QVERIFY2(transfer.error().isEmpty(), qPrintable(transfer.error()));
        QCOMPARE(transfer.step(), 2);
        QCOMPARE(transfer.importedLedger(), copy);
        QCOMPARE(balances(copy), before);
        auto count = client().ledger().v2().countTransactions({.ledger = copy}).result();
        QVERIFY(count.ok() && count->count);
        QCOMPARE(count->count->toString(), QStringLiteral("43"));

        // An altered file is refused: the ledger is created, no transaction gets in.
        QByteArray tampered = logs;
        tampered.replace("\"n1005\"", "\"n9999\"");
        QVERIFY(tampered != logs);
        const QString bad = dir.filePath(QStringLiteral("tampered.ndjson"));
        QFile t(bad);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write(tampered);
        t.close();
        const QString refused = ledger + QStringLiteral("-bad");
        transfer.importInto(QUrl::fromLocalFile(bad), refused);
        QVERIFY(idle(transfer, 20000));
        QVERIFY(!transfer.error().isEmpty());
        QVERIFY2(transfer.error().contains(QStringLiteral("hash")), qPrintable(transfer.error()));
        auto none = client().ledger().v2().countTransactions({.ledger = refused}).result();
        QVERIFY(none.ok() && none->count);
        QCOMPARE(none->count->toString(), QStringLiteral("0"));
    }

    // The export is streamed to a temporary file committed at its end: canceled, it leaves nothing.
    void canceledExportLeavesNoFile() {
        const QString ledger = Fixture::unique(QStringLiteral("cancel"));
        QVERIFY(client().ledger().v2().createLedger({ledger, std::nullopt}).result().ok());
        QVERIFY(post(ledger, QStringLiteral("world"), QStringLiteral("users:1"), 1, QStringLiteral("USD/2")));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("logs.ndjson"));
        LogsTransferController transfer;
        transfer.setSession(m_fixture.session());
        transfer.exportTo(ledger, QUrl::fromLocalFile(path));
        QVERIFY(transfer.busy());
        transfer.cancel();
        QVERIFY(!transfer.busy());
        QTest::qWait(300);
        QVERIFY(!QFile::exists(path));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
        QVERIFY(transfer.error().isEmpty());

        // And run to its end, the bytes are counted against the length the stack sent.
        QSignalSpy exported(&transfer, &LogsTransferController::exported);
        transfer.exportTo(ledger, QUrl::fromLocalFile(path));
        QVERIFY2(exported.wait(10000), qPrintable(transfer.error()));
        QVERIFY(QFile::exists(path));
        QCOMPARE(transfer.bytes(), QFileInfo(path).size());
        QCOMPARE(transfer.totalBytes(), transfer.bytes());
        QVERIFY(!transfer.bytesText().isEmpty());
    }

    // The chain is checked as the log is listed: intact on an untouched ledger, across pages; a log
    // altered in the sandbox's store is flagged on its own row, and only there.
    void tamperedLogIsFlagged() {
        const QString ledger = Fixture::unique(QStringLiteral("chain"));
        QVERIFY(client().ledger().v2().createLedger({ledger, std::nullopt}).result().ok());
        for (int i = 1; i <= 12; ++i)
            QVERIFY(post(ledger, QStringLiteral("world"), QStringLiteral("users:%1").arg(i), 100 + i,
                         QStringLiteral("USD/2")));
        auto load = [&](LogsModel &model) {
            model.reload();
            return drain(model, 10000) && model.error().isEmpty();
        };
        LogsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(m_fixture.session());
        model.setPageSize(5); // links across page boundaries too
        model.setLedger(ledger);
        QVERIFY(load(model));
        QCOMPARE(model.count(), 12);
        QCOMPARE(model.brokenCount(), 0);
        QVERIFY(model.chainNote().isEmpty());
        for (int i = 0; i < model.count(); ++i)
            QCOMPARE(model.data(model.index(i), LogsModel::LinkRole).toString(), QStringLiteral("intact"));

        // Log 4 (the fifth transaction) now says another amount; its stored hash is unchanged.
        m_fixture.sandbox().runInServerThread([&](Sandbox::Server &s) {
            s.store()->query(QStringLiteral("UPDATE logs SET data = replace(data, '\"n105\"', '\"n999\"') "
                                            "WHERE ledger = ? AND id = 4"),
                             {ledger});
        });
        QVERIFY(load(model));
        QCOMPARE(model.count(), 12);
        QCOMPARE(model.brokenCount(), 1);
        for (int i = 0; i < model.count(); ++i) {
            const bool tampered = model.row(i).id == BigInt(4);
            QCOMPARE(model.data(model.index(i), LogsModel::LinkRole).toString(),
                     tampered ? QStringLiteral("broken") : QStringLiteral("intact"));
            if (tampered)
                QVERIFY(model.data(model.index(i), LogsModel::LinkTextRole)
                            .toString()
                            .contains(QStringLiteral("Broken")));
        }
    }

    // Date filters: a bad date is an error at its field, kept, and loads nothing; a range past the
    // last log lists none; the range and a point in time before the ledger existed list none.
    void dateFilters() {
        const QString ledger = Fixture::unique(QStringLiteral("logfilter"));
        QVERIFY(client().ledger().v2().createLedger({ledger, std::nullopt}).result().ok());
        for (int i = 1; i <= 3; ++i)
            QVERIFY(
                post(ledger, QStringLiteral("world"), QStringLiteral("users:1"), i, QStringLiteral("EUR/2")));
        LogsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(m_fixture.session());
        model.setLedger(ledger);
        QVERIFY(QTest::qWaitFor([&] { return !model.loading() && model.count() == 3; }, 5000));

        model.setFrom(QStringLiteral("yesterday-ish"));
        QCOMPARE(model.from(), QStringLiteral("yesterday-ish"));
        QVERIFY(!model.fromError().isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return model.count() == 0; }, 5000));
        QVERIFY(!model.loading());

        const QString tomorrow = QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODate);
        model.setFrom(tomorrow);
        QVERIFY(model.fromError().isEmpty());
        QTest::qWait(600);
        QVERIFY(QTest::qWaitFor([&] { return !model.loading(); }, 5000));
        QCOMPARE(model.count(), 0);
        QVERIFY(model.error().isEmpty());

        model.setFrom(QStringLiteral("2000-01-01"));
        model.setTo(tomorrow);
        QVERIFY(QTest::qWaitFor([&] { return !model.loading() && model.count() == 3; }, 5000));
        model.setTo(QStringLiteral("1999-01-01"));
        QVERIFY(!model.toError().isEmpty()); // before the start
        model.setTo(tomorrow);
        model.setPointInTime(QStringLiteral("2001-01-01"));
        QTest::qWait(600);
        QVERIFY(QTest::qWaitFor([&] { return !model.loading(); }, 5000));
        QCOMPARE(model.count(), 0);
        QVERIFY2(model.error().isEmpty(), qPrintable(model.error()));
    }

    void badNamesAndReadOnlyAreRefused() {
        LogsTransferController transfer;
        transfer.setSession(m_fixture.session());
        QVERIFY(!transfer.ledgerNameProblem(QStringLiteral("has space")).isEmpty());
        QVERIFY(transfer.ledgerNameProblem(QStringLiteral("ok-name_1")).isEmpty());
        transfer.importInto(QUrl::fromLocalFile(QStringLiteral("/nonexistent")), QStringLiteral("has space"));
        QVERIFY(!transfer.busy());
        QVERIFY(!transfer.error().isEmpty());
        m_fixture.adopt(QStringLiteral("staging"), true);
        transfer.importInto(QUrl::fromLocalFile(QStringLiteral("/nonexistent")), QStringLiteral("x1"));
        QVERIFY(!transfer.busy());
        QVERIFY(!transfer.error().isEmpty());
        m_fixture.adopt(QStringLiteral("staging"), false);
    }
};

QTEST_MAIN(TestLogs)
#include "tst_logs.moc"
