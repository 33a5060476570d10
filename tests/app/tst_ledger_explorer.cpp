// The ledger explorer end to end against the embedded sandbox: paging and filters over
// thousands of rows, the new-transaction form (validation, dry run, idempotent commit),
// balances, revert, exact amounts past 2^64. QAbstractItemModelTester watches every model.
#include "AppFixture.h"
#include "connection/ConnectionController.h"
#include "core/Session.h"
#include "ledger/AccountDetailController.h"
#include "ledger/AccountTreeModel.h"
#include "ledger/AccountsModel.h"
#include "ledger/BalancesController.h"
#include "ledger/ExportController.h"
#include "ledger/LedgerController.h"
#include "ledger/LedgersModel.h"
#include "ledger/LogsModel.h"
#include "ledger/NewTransactionController.h"
#include "ledger/TransactionDetailController.h"
#include "ledger/TransactionsModel.h"
#include <Formance/json/JsonWriter.h>
#include <Formance/ledger/v2/LedgerV2Api.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Formance;

using namespace AppTest;

namespace {
constexpr int kTransactions = 2500;
// Filled once with 2,500 transactions and only read: tests that write make a ledger of their own.
const QString kLedger = QStringLiteral("explorer");

QString balanceOf(AccountsModel &accounts, const QString &address, const QString &asset) {
    for (int i = 0; i < accounts.rowCount(); ++i)
        if (accounts.row(i).address == address)
            return accounts.row(i).balances.contains(asset) ? accounts.row(i).balances.value(asset).toString()
                                                            : QStringLiteral("0");
    return QStringLiteral("absent");
}
} // namespace

class TestLedgerExplorer : public QObject {
    Q_OBJECT
    Fixture m_fixture;
    Session *m_session = nullptr;

    Client &client() { return *m_session->client(); }
    // A fresh ledger for a test that writes.
    QString ownLedger() {
        const QString name = Fixture::unique(QStringLiteral("t"));
        return client().ledger().v2().createLedger({name, std::nullopt}).result().ok() ? name : QString();
    }
    // Commits world → destination of `amount` (USD/2 units) through the form; the new id.
    QString commit(const QString &ledger, const QString &destination, const QString &amount) {
        NewTransactionController form;
        form.setSession(m_session);
        form.setProperty("ledger", ledger);
        form.setPostingField(0, QStringLiteral("destination"), destination);
        form.setPostingField(0, QStringLiteral("amount"), amount);
        QSignalSpy committed(&form, &NewTransactionController::committed);
        form.commit();
        return committed.wait(10000) ? committed.first().first().toString() : QString();
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fixture.start(false, &error), qPrintable(error));
        m_session = m_fixture.session();

        QVERIFY(client().ledger().v2().createLedger({kLedger, std::nullopt}).result().ok());
        // 2,500 transactions in bulk: user i receives from world, every 7th pays a merchant.
        Json::Writer w;
        w.beginArray();
        for (int i = 0; i < kTransactions; ++i) {
            const bool pays = i % 7 == 0;
            w.beginObject();
            w.key("action");
            w.value("CREATE_TRANSACTION");
            w.key("data");
            w.beginObject();
            w.key("postings");
            w.beginArray();
            w.beginObject();
            w.key("source");
            w.value(pays ? QStringLiteral("world") : QStringLiteral("world"));
            w.key("destination");
            w.value(QStringLiteral("users:%1").arg(i % 50, 3, 10, QChar(u'0')));
            w.key("amount");
            w.value(qint64(100 + i));
            w.key("asset");
            w.value("USD/2");
            w.endObject();
            w.endArray();
            w.key("metadata");
            w.beginObject();
            w.key("batch");
            w.value(pays ? "pay" : "fund");
            w.endObject();
            w.endObject();
            w.endObject();
        }
        w.endArray();
        HttpRequest bulk;
        bulk.method = "POST";
        bulk.path = QStringLiteral("/api/ledger/v2/%1/_bulk").arg(kLedger);
        bulk.body = w.take();
        const auto r = client().send(bulk).result();
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    }

    void testConnectionExplainsWhatToFix() {
        ConnectionController tester;
        const QString url = m_fixture.url();
        auto run = [&](const QVariantMap &profile, const QString &secret) {
            tester.test(profile, secret);
            return QTest::qWaitFor([&] { return !tester.busy(); }, 20000);
        };
        QVERIFY(run({{"serverUrl", url}, {"clientId", "app-test"}}, m_fixture.clientSecret()));
        QVERIFY2(tester.ok(), qPrintable(tester.message()));
        QStringList names;
        for (const QVariant &s : tester.services())
            names << s.toMap().value("name").toString();
        QVERIFY(names.contains(QStringLiteral("ledger")));

        QVERIFY(run({{"serverUrl", url}, {"clientId", "app-test"}}, QStringLiteral("wrong")));
        QVERIFY(!tester.ok());
        QVERIFY2(tester.message().contains(QStringLiteral("check the client id and secret")),
                 qPrintable(tester.message()));

        quint16 closed;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            closed = probe.serverPort();
        }
        QVERIFY(run({{"serverUrl", QStringLiteral("http://127.0.0.1:%1").arg(closed)}}, {}));
        QVERIFY2(tester.message().contains(QStringLiteral("Nothing is listening")),
                 qPrintable(tester.message()));

        QVERIFY(run({{"organization", "acme"}, {"environment", "mars"}}, {}));
        QVERIFY2(tester.message().contains(QStringLiteral("unknown environment")),
                 qPrintable(tester.message()));
    }

    void ledgersAreListed() {
        LedgersModel ledgers;
        QAbstractItemModelTester tester(&ledgers, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ledgers.setSession(m_session);
        QVERIFY(drain(ledgers));
        QVERIFY(ledgers.error().isEmpty());
        QStringList names;
        for (int i = 0; i < ledgers.rowCount(); ++i)
            names << ledgers.nameAt(i);
        QVERIFY(names.contains(kLedger));
    }

    void transactionsPageThroughThousands() {
        TransactionsModel transactions;
        QAbstractItemModelTester tester(&transactions,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        transactions.setPageSize(100);
        transactions.setSession(m_session);
        transactions.setLedger(kLedger);
        QVERIFY(drain(transactions));
        QVERIFY2(transactions.error().isEmpty(), qPrintable(transactions.error()));
        QCOMPARE(transactions.rowCount(), kTransactions);
        for (int i = 1; i < transactions.rowCount(); ++i)
            QVERIFY(transactions.row(i).id < transactions.row(i - 1).id); // newest first, no duplicates
        QCOMPARE(transactions.data(transactions.index(0), TransactionsModel::AmountTextRole).toString(),
                 QStringLiteral("25.99 USD")); // the last one: 100 + 2499 cents

        QSignalSpy reset(&transactions, &QAbstractItemModel::modelReset);
        transactions.setOldestFirst(true);
        QVERIFY(reset.wait(10000));
        QVERIFY(
            QTest::qWaitFor([&] { return transactions.rowCount() > 1 && !transactions.loading(); }, 10000));
        QVERIFY(transactions.row(0).id < transactions.row(1).id);
    }

    void accountTreeBySegments() {
        AccountsModel accounts;
        accounts.setPageSize(20);
        accounts.setSession(m_session);
        accounts.setLedger(kLedger);
        AccountTreeModel tree;
        QAbstractItemModelTester tester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tree.setSource(&accounts);
        QVERIFY(drain(accounts));
        QCOMPARE(accounts.rowCount(), 51); // users:000 .. users:049 and world
        QCOMPARE(tree.rowCount(), 2);      // users, world
        const QModelIndex users = tree.index(0, 0);
        QCOMPARE(users.data(AccountTreeModel::SegmentRole).toString(), QStringLiteral("users"));
        QCOMPARE(users.data(AccountTreeModel::IsAccountRole).toBool(), false);
        QCOMPARE(users.data(AccountTreeModel::AccountCountRole).toInt(), 50);
        QCOMPARE(tree.rowCount(users), 50);
        const QModelIndex seven = tree.index(7, 0, users);
        QCOMPARE(seven.data(AccountTreeModel::PathRole).toString(), QStringLiteral("users:007"));
        QVERIFY(seven.data(AccountTreeModel::IsAccountRole).toBool());
        QCOMPARE(tree.parent(seven), users);
        QCOMPARE(tree.index(1, 0).data(AccountTreeModel::PathRole).toString(), QStringLiteral("world"));
    }

    void logsAndAggregatedBalances() {
        LogsModel logs;
        QAbstractItemModelTester tester(&logs, QAbstractItemModelTester::FailureReportingMode::QtTest);
        logs.setPageSize(1000);
        logs.setSession(m_session);
        logs.setLedger(kLedger);
        QVERIFY(drain(logs));
        QVERIFY2(logs.error().isEmpty(), qPrintable(logs.error()));
        QCOMPARE(logs.rowCount(), kTransactions);
        QCOMPARE(logs.data(logs.index(0), LogsModel::TypeRole).toString(), QStringLiteral("NEW_TRANSACTION"));
        QVERIFY(!logs.row(0).hash.isEmpty());

        BalancesController balances;
        balances.setProperty("session", QVariant::fromValue(m_session));
        balances.setProperty("ledger", kLedger);
        balances.load(QStringLiteral("users:"), QString());
        QVERIFY(QTest::qWaitFor([&] { return !balances.busy(); }, 10000));
        QVERIFY2(balances.error().isEmpty(), qPrintable(balances.error()));
        QCOMPARE(balances.balances().size(), 1);
        // Every user received 100 + i cents, i = 0 .. 2499.
        QCOMPARE(balances.balances().first().toMap().value("minorUnits").toString(),
                 QStringLiteral("3373750"));
        QCOMPARE(balances.balances().first().toMap().value("balance").toString(), QStringLiteral("33737.50"));

        balances.load(QStringLiteral("users:"), QStringLiteral("2001-01-01"));
        QVERIFY(QTest::qWaitFor([&] { return !balances.busy(); }, 10000));
        QVERIFY2(balances.error().isEmpty(), qPrintable(balances.error()));
        QVERIFY(balances.balances().isEmpty()); // nothing had happened yet

        balances.load(QStringLiteral("users:"), QStringLiteral("not a date"));
        QVERIFY(balances.error().contains(QStringLiteral("Dates look like")));
    }

    void filtersSurvivePaging() {
        TransactionsModel transactions;
        QAbstractItemModelTester tester(&transactions,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        transactions.setPageSize(7);
        transactions.setSession(m_session);
        transactions.setLedger(kLedger);
        transactions.setAccount(QStringLiteral("users:007"));
        transactions.setMetadataKey(QStringLiteral("batch"));
        transactions.setMetadataValue(QStringLiteral("pay"));
        QVERIFY(drain(transactions));
        QVERIFY2(transactions.error().isEmpty(), qPrintable(transactions.error()));
        int expected = 0;
        for (int i = 0; i < kTransactions; ++i)
            expected += (i % 50 == 7 && i % 7 == 0) ? 1 : 0;
        QCOMPARE(transactions.rowCount(), expected);
        for (int i = 0; i < transactions.rowCount(); ++i) {
            QCOMPARE(transactions.row(i).postings.first().destination, QStringLiteral("users:007"));
            QCOMPARE(transactions.row(i).metadata.value(QStringLiteral("batch")), QStringLiteral("pay"));
        }

        // A bad date is refused before any request, with a sentence that says what to type.
        transactions.setFrom(QStringLiteral("yesterday-ish"));
        QVERIFY(!transactions.filterError().isEmpty());
        QVERIFY(!transactions.canFetchMore({}));
    }

    void newTransactionFlowsToListAndBalancesThenReverts() {
        const QString ledger = ownLedger();
        QVERIFY(!ledger.isEmpty());
        NewTransactionController form;
        form.setProperty("session", QVariant::fromValue(m_session));
        form.setProperty("ledger", ledger);
        form.setPostingField(0, QStringLiteral("source"), QStringLiteral("world"));
        form.setPostingField(0, QStringLiteral("destination"), QStringLiteral("users:new"));
        form.setPostingField(0, QStringLiteral("amount"), QStringLiteral("12.34"));
        form.setPostingField(0, QStringLiteral("asset"), QStringLiteral("USD/2"));
        form.setReference(QStringLiteral("e2e-1"));
        form.setMetadataText(QStringLiteral("source=e2e\nticket = OPS-42"));
        QVERIFY2(form.valid(), qPrintable(form.postingErrors().join(u';') + form.formError()));

        form.dryRun();
        QVERIFY(QTest::qWaitFor([&] { return !form.busy(); }, 10000));
        QVERIFY2(form.error().isEmpty(), qPrintable(form.error()));
        const QVariantList preview = form.preview();
        QCOMPARE(preview.size(), 2);
        for (const QVariant &line : preview)
            if (line.toMap().value("account") == QLatin1String("users:new"))
                QCOMPARE(line.toMap().value("after").toString(), QStringLiteral("12.34"));

        // The dry run posted nothing.
        AccountsModel accounts;
        QAbstractItemModelTester accountsTester(&accounts,
                                                QAbstractItemModelTester::FailureReportingMode::QtTest);
        accounts.setSession(m_session);
        accounts.setLedger(ledger);
        accounts.setAddressFilter(QStringLiteral("users:new"));
        QVERIFY(drain(accounts));
        QCOMPARE(balanceOf(accounts, QStringLiteral("users:new"), QStringLiteral("USD/2")),
                 QStringLiteral("absent"));

        QSignalSpy committed(&form, &NewTransactionController::committed);
        form.commit();
        QVERIFY(committed.wait(10000));
        const QString id = committed.first().first().toString();

        TransactionsModel transactions;
        transactions.setSession(m_session);
        transactions.setLedger(ledger);
        QVERIFY(QTest::qWaitFor([&] { return transactions.rowCount() > 0; }, 10000));
        QCOMPARE(transactions.row(0).id.toString(), id);
        QCOMPARE(transactions.row(0).reference, QStringLiteral("e2e-1"));
        QCOMPARE(transactions.row(0).metadata.value(QStringLiteral("ticket")), QStringLiteral("OPS-42"));

        accounts.reload();
        QVERIFY(drain(accounts));
        QCOMPARE(balanceOf(accounts, QStringLiteral("users:new"), QStringLiteral("USD/2")),
                 QStringLiteral("1234"));

        TransactionDetailController detail;
        detail.setProperty("session", QVariant::fromValue(m_session));
        detail.setProperty("ledger", ledger);
        detail.setProperty("transactionId", id);
        detail.load();
        QVERIFY(QTest::qWaitFor([&] { return detail.loaded() && !detail.busy(); }, 10000));
        QVERIFY(!detail.reverted());
        QCOMPARE(detail.postings().size(), 1);
        QVERIFY(detail.curlCommand().contains(QStringLiteral("$FORMANCE_TOKEN")));
        QCOMPARE(detail.metadataDiff({{"source", "e2e"}, {"ticket", "OPS-43"}, {"new", "x"}}).size(), 2);

        QSignalSpy reverted(&detail, &TransactionDetailController::revertDone);
        detail.revert(false);
        QVERIFY(reverted.wait(10000));
        QVERIFY(QTest::qWaitFor([&] { return detail.reverted() && !detail.busy(); }, 10000));
        accounts.reload();
        QVERIFY(drain(accounts));
        QCOMPARE(balanceOf(accounts, QStringLiteral("users:new"), QStringLiteral("USD/2")),
                 QStringLiteral("0"));

        // Reverting twice is refused by the ledger, and said so.
        detail.revert(false);
        QVERIFY(QTest::qWaitFor([&] { return !detail.busy(); }, 10000));
        QVERIFY2(detail.error().contains(QStringLiteral("ALREADY_REVERT")), qPrintable(detail.error()));
    }

    void pressingCommitAgainNeverPostsTwice() {
        const QString ledger = ownLedger();
        QVERIFY(!ledger.isEmpty());
        NewTransactionController form;
        form.setProperty("session", QVariant::fromValue(m_session));
        form.setProperty("ledger", ledger);
        form.setPostingField(0, QStringLiteral("destination"), QStringLiteral("users:twice"));
        form.setPostingField(0, QStringLiteral("amount"), QStringLiteral("5"));
        const QString key = form.idempotencyKey();
        QSignalSpy committed(&form, &NewTransactionController::committed);
        form.commit();
        QVERIFY(committed.wait(10000));
        form.commit(); // the answer was "lost": the operator presses again
        QVERIFY(QTest::qWaitFor([&] { return committed.size() == 2; }, 10000));
        QCOMPARE(form.idempotencyKey(), key);
        QCOMPARE(committed.at(0).first(), committed.at(1).first());

        TransactionsModel transactions;
        transactions.setSession(m_session);
        transactions.setLedger(ledger);
        transactions.setAccount(QStringLiteral("users:twice"));
        QVERIFY(drain(transactions));
        QCOMPARE(transactions.rowCount(), 1);

        form.setPostingField(0, QStringLiteral("amount"), QStringLiteral("6"));
        QVERIFY(form.idempotencyKey() != key); // a changed form is another transaction
    }

    void amountsPastSixtyFourBitsStayExact() {
        const QString ledger = ownLedger();
        QVERIFY(!ledger.isEmpty());
        NewTransactionController form;
        form.setProperty("session", QVariant::fromValue(m_session));
        form.setProperty("ledger", ledger);
        form.setPostingField(0, QStringLiteral("destination"), QStringLiteral("users:whale"));
        form.setPostingField(0, QStringLiteral("amount"),
                             QStringLiteral("3402823669209384634633746074317682114.57"));
        QVERIFY(form.valid());
        QSignalSpy committed(&form, &NewTransactionController::committed);
        form.commit();
        QVERIFY(committed.wait(10000));

        TransactionsModel transactions;
        transactions.setSession(m_session);
        transactions.setLedger(ledger);
        transactions.setAccount(QStringLiteral("users:whale"));
        QVERIFY(drain(transactions));
        QCOMPARE(transactions.rowCount(), 1);
        QCOMPARE(transactions.row(0).postings.first().amount.toString(),
                 QStringLiteral("340282366920938463463374607431768211457"));
        QCOMPARE(transactions.data(transactions.index(0), TransactionsModel::AmountTextRole).toString(),
                 QStringLiteral("3402823669209384634633746074317682114.57 USD"));
    }

    void exportsMatchTheServerExactly() {
        const QString ledger = ownLedger();
        QVERIFY(!ledger.isEmpty());
        QVERIFY(!commit(ledger, QStringLiteral("users:whale"),
                        QStringLiteral("3402823669209384634633746074317682114.57"))
                     .isEmpty());
        QVERIFY(!commit(ledger, QStringLiteral("users:minnow"), QStringLiteral("0.01")).isEmpty());
        TransactionsModel transactions;
        transactions.setSession(m_session);
        transactions.setLedger(ledger);
        transactions.setAccount(QStringLiteral("users:whale"));
        QVERIFY(drain(transactions));
        QCOMPARE(transactions.rowCount(), 1);

        QTemporaryDir dir;
        ExportController exporter;
        exporter.setProperty("session", QVariant::fromValue(m_session));
        QSignalSpy finished(&exporter, &ExportController::finished);
        exporter.exportTransactions(&transactions, QUrl::fromLocalFile(dir.filePath("whale.csv")),
                                    QStringLiteral("csv"));
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(exporter.error()));
        QFile csv(dir.filePath("whale.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QCOMPARE(lines.size(), 3); // header, one posting, final newline
        QVERIFY(lines[0].startsWith("id,timestamp,reference"));
        QVERIFY2(
            lines[1].contains(
                ",USD/2,340282366920938463463374607431768211457,3402823669209384634633746074317682114.57,"),
            lines[1].constData());

        // Every transaction of the ledger as JSON Lines: one line each, amounts as the server sent them.
        TransactionsModel all;
        all.setSession(m_session);
        all.setLedger(ledger);
        finished.clear();
        exporter.exportTransactions(&all, QUrl::fromLocalFile(dir.filePath("all.jsonl")),
                                    QStringLiteral("jsonl"));
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(exporter.error()));
        QFile jsonl(dir.filePath("all.jsonl"));
        QVERIFY(jsonl.open(QIODevice::ReadOnly));
        const QByteArray content = jsonl.readAll();
        QCOMPARE(exporter.exported(), 2);
        QCOMPARE(content.count('\n'), exporter.exported());
        QVERIFY(content.contains("\"amount\":340282366920938463463374607431768211457"));

        // Cancelled (the 2,500 of the shared ledger): no file is left behind.
        TransactionsModel many;
        many.setSession(m_session);
        many.setLedger(kLedger);
        finished.clear();
        exporter.exportTransactions(&many, QUrl::fromLocalFile(dir.filePath("cancelled.jsonl")),
                                    QStringLiteral("jsonl"));
        exporter.cancel();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(!QFile::exists(dir.filePath("cancelled.jsonl")));
    }

    void ledgersAreCreatedAndTheirMetadataEdited() {
        LedgerController ledger;
        ledger.setProperty("session", QVariant::fromValue(m_session));
        ledger.create(QStringLiteral("bad name!"), {}, {});
        QVERIFY(ledger.error().contains(QStringLiteral("1 to 63")));

        QSignalSpy created(&ledger, &LedgerController::created);
        const QString treasury = Fixture::unique(QStringLiteral("treasury"));
        ledger.create(treasury, QStringLiteral("finance"), {{"owner", "ops"}});
        QVERIFY(created.wait(10000));
        ledger.setProperty("ledger", treasury);
        ledger.load();
        QVERIFY(QTest::qWaitFor([&] { return !ledger.busy(); }, 10000));
        QVERIFY2(ledger.error().isEmpty(), qPrintable(ledger.error()));
        QCOMPARE(ledger.bucket(), QStringLiteral("finance"));
        QCOMPARE(ledger.transactions(), QStringLiteral("0"));
        QCOMPARE(ledger.metadata().value("owner").toString(), QStringLiteral("ops"));

        const QVariantMap edited{{"region", "eu"}};
        QCOMPARE(ledger.metadataDiff(edited).size(), 2); // owner removed, region added
        ledger.saveMetadata(edited);
        QVERIFY(
            QTest::qWaitFor([&] { return !ledger.busy() && ledger.metadata().contains("region"); }, 10000));
        QVERIFY2(ledger.error().isEmpty(), qPrintable(ledger.error()));
        QCOMPARE(ledger.metadata(), edited);

        // The stats count what the explorer ledger holds.
        ledger.setProperty("ledger", kLedger);
        ledger.load();
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !ledger.busy() && !ledger.transactions().isEmpty() &&
                       ledger.transactions() != QLatin1String("0");
            },
            10000));
        QVERIFY(ledger.transactions().toLongLong() >= kTransactions);
    }

    void accountMetadataIsEdited() {
        AccountDetailController account;
        account.setProperty("session", QVariant::fromValue(m_session));
        account.setProperty("ledger", kLedger);
        account.setProperty("address", QStringLiteral("users:007"));
        account.load();
        QVERIFY(QTest::qWaitFor([&] { return account.loaded() && !account.busy(); }, 10000));
        QCOMPARE(account.volumes().size(), 1);
        QCOMPARE(account.volumes().first().toMap().value("asset").toString(), QStringLiteral("USD/2"));
        // Balance history: one point per transaction, ending at today's balance, starting at the first
        // credit.
        QVERIFY(QTest::qWaitFor([&] { return !account.history().isEmpty(); }, 10000));
        QCOMPARE(account.history().size(), kTransactions / 50);
        QCOMPARE(account.history().last().toMap().value("text").toString(),
                 account.volumes().first().toMap().value("balance").toString());
        QCOMPARE(account.history().first().toMap().value("text").toString(),
                 QStringLiteral("1.07")); // 100 + 7 cents
        account.saveMetadata({{"tier", "gold"}, {"kyc", "done"}});
        QVERIFY(QTest::qWaitFor([&] { return !account.busy() && account.metadata().size() == 2; }, 10000));
        account.saveMetadata({{"tier", "platinum"}});
        QVERIFY(QTest::qWaitFor([&] { return !account.busy() && account.metadata().size() == 1; }, 10000));
        QVERIFY2(account.error().isEmpty(), qPrintable(account.error()));
        QCOMPARE(account.metadata().value("tier").toString(), QStringLiteral("platinum"));
    }

    void badInputIsRefusedInline() {
        NewTransactionController form;
        form.setProperty("session", QVariant::fromValue(m_session));
        form.setProperty("ledger", kLedger);
        form.setPostingField(0, QStringLiteral("destination"), QStringLiteral("users:1"));
        form.setPostingField(0, QStringLiteral("amount"), QStringLiteral("1.234"));
        QVERIFY(!form.valid());
        QVERIFY(form.postingErrors().first().contains(QStringLiteral("at most 2 decimals")));
        // Defect 11: "1,000.00" is refused with a sentence, never read as 1000.00 (nor "1,5" as 15).
        form.setPostingField(0, QStringLiteral("amount"), QStringLiteral("1,000.00"));
        QVERIFY(!form.valid());
        QVERIFY2(form.postingErrors().first().contains(QStringLiteral("without separators")),
                 qPrintable(form.postingErrors().first()));
        form.setPostingField(0, QStringLiteral("amount"), QStringLiteral("1.23"));
        form.setPostingField(0, QStringLiteral("destination"), QStringLiteral("users 1"));
        QVERIFY(form.postingErrors().first().contains(QStringLiteral("not an account address")));
        form.setPostingField(0, QStringLiteral("destination"), QStringLiteral("users:1"));
        form.setMetadataText(QStringLiteral("no equals sign"));
        QVERIFY(!form.formError().isEmpty());
        form.commit();
        QCOMPARE(form.error(), QStringLiteral("Fix the highlighted fields first."));
        QVERIFY(form.committedId().isEmpty());
    }

    void insufficientFundsIsExplained() {
        NewTransactionController form;
        form.setProperty("session", QVariant::fromValue(m_session));
        form.setProperty("ledger", kLedger);
        form.setPostingField(0, QStringLiteral("source"), QStringLiteral("users:empty"));
        form.setPostingField(0, QStringLiteral("destination"), QStringLiteral("users:1"));
        form.setPostingField(0, QStringLiteral("amount"), QStringLiteral("1"));
        form.dryRun();
        QVERIFY(QTest::qWaitFor([&] { return !form.busy(); }, 10000));
        QVERIFY2(form.error().contains(QStringLiteral("INSUFFICIENT_FUND")), qPrintable(form.error()));
    }

    void readOnlySessionRefusesWrites() {
        SdkConfig config = m_session->client()->config();
        Session readOnly(nullptr);
        readOnly.adopt(std::make_unique<Client>(config), QStringLiteral("ro"), QStringLiteral("production"),
                       true);
        NewTransactionController form;
        form.setProperty("session", QVariant::fromValue(&readOnly));
        form.setProperty("ledger", kLedger);
        form.setPostingField(0, QStringLiteral("destination"), QStringLiteral("users:ro"));
        form.setPostingField(0, QStringLiteral("amount"), QStringLiteral("1"));
        form.commit();
        QCOMPARE(form.error(), QStringLiteral("This profile is read-only."));

        TransactionDetailController detail;
        detail.setProperty("session", QVariant::fromValue(&readOnly));
        detail.setProperty("ledger", kLedger);
        QVERIFY(!detail.confirmationMatches(QStringLiteral("wrong")));
        QVERIFY(detail.confirmationMatches(kLedger));
    }

    // Defect 3: an edit after a preview drops the preview (and Commit waits for a new one).
    void previewGoesStaleOnAnyEdit() {
        const QString ledger = ownLedger();
        NewTransactionController form;
        form.setSession(m_session);
        form.setProperty("ledger", ledger);
        form.setPostingField(0, QStringLiteral("destination"), QStringLiteral("users:preview"));
        form.setPostingField(0, QStringLiteral("amount"), QStringLiteral("3.00"));
        form.dryRun();
        QVERIFY(idle(form));
        QVERIFY2(form.error().isEmpty(), qPrintable(form.error()));
        QVERIFY(form.previewed());
        QCOMPARE(form.preview().size(), 2);
        QSignalSpy previewChanged(&form, &NewTransactionController::previewChanged);
        form.setPostingField(0, QStringLiteral("amount"), QStringLiteral("4.00"));
        QCOMPARE(previewChanged.size(), 1); // the view is told, not left showing the old figures
        QVERIFY(!form.previewed());
        QVERIFY(form.preview().isEmpty());
        // An edit while a dry run is on its way: its answer is not taken for the new form.
        form.dryRun();
        form.setReference(QStringLiteral("changed"));
        QVERIFY(idle(form));
        QTest::qWait(100);
        QVERIFY(!form.previewed());
        QVERIFY(form.preview().isEmpty());
    }

    // Defect 6: a revert links to the transaction that reverted it, and back.
    void revertLinksBothWays() {
        const QString ledger = ownLedger();
        const QString id = commit(ledger, QStringLiteral("users:linked"), QStringLiteral("1.00"));
        QVERIFY(!id.isEmpty());
        TransactionDetailController detail;
        detail.setSession(m_session);
        detail.setProperty("ledger", ledger);
        detail.setProperty("transactionId", id);
        detail.load();
        QVERIFY(idle(detail) && detail.loaded());
        QSignalSpy done(&detail, &TransactionDetailController::revertDone);
        detail.revert(false);
        QVERIFY(done.wait(10000));
        const QString revertId = done.first().first().toString();
        QVERIFY(QTest::qWaitFor([&] { return !detail.busy() && detail.revertedBy() == revertId; }, 10000));
        QVERIFY(detail.reverted());

        TransactionDetailController revert;
        revert.setSession(m_session);
        revert.setProperty("ledger", ledger);
        revert.setProperty("transactionId", revertId);
        revert.load();
        QVERIFY(idle(revert) && revert.loaded());
        QCOMPARE(revert.reverts(), id);
    }

    // Defect 9: a bad date clears the figures of the last query instead of leaving them on screen.
    void balancesNeverShowAnotherQuerysFigures() {
        BalancesController balances;
        balances.setSession(m_session);
        balances.setProperty("ledger", kLedger);
        balances.load(QStringLiteral("users:"), QString());
        QVERIFY(idle(balances));
        QCOMPARE(balances.balances().size(), 1);
        QVERIFY(balances.loaded());
        balances.load(QStringLiteral("users:"), QStringLiteral("13/45/2024"));
        QVERIFY(balances.error().contains(QStringLiteral("Dates look like")));
        QVERIFY(balances.balances().isEmpty());
        QVERIFY(!balances.loaded());

        // Per account at a date, for the same pattern.
        AccountsModel accounts;
        accounts.setSession(m_session);
        accounts.setLedger(kLedger);
        accounts.setAddressFilter(QStringLiteral("users:"));
        accounts.setPointInTime(QStringLiteral("2001-01-01"));
        QVERIFY(drain(accounts));
        QVERIFY2(accounts.error().isEmpty(), qPrintable(accounts.error()));
        for (int i = 0; i < accounts.rowCount(); ++i)
            QVERIFY2(accounts.row(i).balances.isEmpty() || accounts.row(i).balances.first().isZero(),
                     qPrintable(accounts.row(i).address));
        accounts.setPointInTime(QStringLiteral("soon"));
        QVERIFY(!accounts.pointInTimeError().isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return accounts.rowCount() == 0; }, 5000));
    }

    // Defect 10: Test connection on the Connections page tests the stack the window is on.
    void testConnectionTestsTheConnectedStack() {
        ConnectionController tester;
        tester.testSession(m_session);
        QVERIFY(QTest::qWaitFor([&] { return !tester.busy(); }, 20000));
        QVERIFY2(tester.ok(), qPrintable(tester.message()));
        QVERIFY2(tester.message().contains(m_fixture.url()), qPrintable(tester.message()));
        QVERIFY(!tester.services().isEmpty());
        // Each service says which API generation it speaks (stack v3.0, or v2.1 in the _v2 run).
        const QString generation = m_fixture.presentsV2() ? QStringLiteral("v2.1") : QStringLiteral("v3.0");
        QMap<QString, QString> api;
        for (const QVariant &service : tester.services())
            api.insert(service.toMap().value(QStringLiteral("name")).toString(),
                       service.toMap().value(QStringLiteral("api")).toString());
        QCOMPARE(api.value(QStringLiteral("ledger")), generation);
        QCOMPARE(api.value(QStringLiteral("payments")), generation);
        QCOMPARE(api.value(QStringLiteral("wallets")), QString()); // the same in both generations
    }

    // Defect 11: the list says how many more postings a transaction has, with the first one.
    void postingsTextSaysHowManyMore() {
        TransactionRow row;
        row.postings = {{QStringLiteral("world"), QStringLiteral("a"), BigInt(1), QStringLiteral("USD/2")},
                        {QStringLiteral("a"), QStringLiteral("b"), BigInt(1), QStringLiteral("USD/2")}};
        QCOMPARE(TransactionsModel::postingsText(row), QStringLiteral("world → a  (+1 more)"));
    }
};

QTEST_MAIN(TestLedgerExplorer)
#include "tst_ledger_explorer.moc"
