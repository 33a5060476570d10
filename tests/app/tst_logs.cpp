// Logs out and in, end to end against the embedded sandbox: a ledger's log exported to a file,
// then imported into a new ledger, which then holds the same balances to the unit; an altered
// file is refused and leaves the new ledger empty of transactions; a bad ledger name is refused
// before any call; read-only refuses the import.
#include "AppFixture.h"
#include "ledger/LogsTransferController.h"
#include "ledger/VolumesModel.h"
#include <Formance/ledger/v2/LedgerV2Api.h>

#include <QFile>
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
