// Bulk import end to end against the embedded sandbox: a 1,000-row JSON Lines import with 3 bad
// rows reported by their line and the other 997 posted once (sums to the cent); a CSV whose row
// the ledger refuses (insufficient funds) reported on its row while the others are posted, as
// the policy for this generation says; the preview flags the accounts that would overdraw. Bulk
// revert from the transactions list: the checked rows previewed in order (which would overdraw),
// the others sent as one _bulk with a result each, forced ones too, read-only refused.
#include "AppFixture.h"
#include "ledger/BulkController.h"
#include "ledger/BulkRevertController.h"
#include "ledger/TransactionsModel.h"
#include <Formance/ledger/v2/LedgerV2Api.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Formance;
using namespace AppTest;

class TestBulk : public QObject {
    Q_OBJECT
    Fixture m_fixture;

    Client &client() { return m_fixture.client(); }
    QString ownLedger() {
        const QString name = Fixture::unique(QStringLiteral("bulk"));
        return client().ledger().v2().createLedger({name, std::nullopt}).result().ok() ? name : QString();
    }
    std::optional<qint64> transactionCount(const QString &ledger) {
        auto r = client().ledger().v2().countTransactions({.ledger = ledger}).result();
        return r && r->count ? r->count->toInt64() : std::nullopt;
    }
    QString balance(const QString &ledger, const QString &account, const QString &asset) {
        auto r = client()
                     .ledger()
                     .v2()
                     .getAccount({.ledger = ledger, .address = account, .expand = QStringLiteral("volumes")})
                     .result();
        if (!r || !r->body.data.volumes || !r->body.data.volumes->contains(asset))
            return QStringLiteral("0");
        const auto v = r->body.data.volumes->value(asset);
        return v.balance.value_or(v.input - v.output).toString();
    }
    bool waitSent(BulkController &bulk) {
        return QTest::qWaitFor([&] { return bulk.sent() || (!bulk.busy() && !bulk.error().isEmpty()); },
                               60000);
    }

    QString post(const QString &ledger, const QString &from, const QString &to, qint64 amount,
                 const QString &asset) {
        Models::V2PostTransaction tx;
        tx.postings = QList<Models::V2Posting>{
            {.amount = BigInt(amount), .asset = asset, .destination = to, .source = from}};
        auto r = client().ledger().v2().createTransaction({.ledger = ledger, .body = tx}).result();
        return r ? r->body.data.id.toString() : QString();
    }
    bool isReverted(const QString &ledger, const QString &id) {
        auto r =
            client().ledger().v2().getTransaction({.ledger = ledger, .id = *BigInt::fromString(id)}).result();
        return r && r->body.data.reverted;
    }
    static QString stateOf(const BulkRevertController &revert, const QString &id) {
        for (const QVariant &v : revert.items())
            if (v.toMap().value("id").toString() == id)
                return v.toMap().value("state").toString();
        return {};
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fixture.start(false, &error), qPrintable(error));
        // The policy is chosen from the generation getVersions reports.
        QVERIFY(QTest::qWaitFor([&] { return m_fixture.session()->servicesKnown(); }, 10000));
    }
    void cleanupTestCase() { m_fixture.stop(); }

    void thousandRowsWithThreeBadOnesArePostedOnce() {
        const QString ledger = ownLedger();
        QVERIFY(!ledger.isEmpty());
        QString text;
        QList<int> badLines;
        for (int i = 1; i <= 1000; ++i) {
            QString row =
                QStringLiteral(
                    R"({"postings":[{"source":"world","destination":"users:%1","amount":"%2.%3","asset":"USD/2"}],"reference":"imp-%4","metadata":{"batch":"b1"}})")
                    .arg(i % 50, 3, 10, QLatin1Char('0'))
                    .arg(i)
                    .arg(i % 100, 2, 10, QLatin1Char('0'))
                    .arg(i);
            if (i == 17) // too many decimals for USD/2
                row.replace(QStringLiteral("\"17.17\""), QStringLiteral("\"17.171\""));
            if (i == 500) // not an address
                row.replace(QStringLiteral("users:000"), QStringLiteral("users 000"));
            if (i == 999) // not JSON
                row = QStringLiteral("{\"postings\": [");
            if (i == 17 || i == 500 || i == 999)
                badLines << i;
            text += row + u'\n';
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("import.jsonl"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text.toUtf8());
        }
        BulkController bulk;
        QAbstractItemModelTester tester(bulk.rows(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        bulk.setSession(m_fixture.session());
        bulk.setProperty("ledger", ledger);
        QVERIFY(bulk.loadFile(QUrl::fromLocalFile(path)));
        QCOMPARE(bulk.format(), QStringLiteral("jsonl"));
        QCOMPARE(bulk.total(), 1000);
        QCOMPARE(bulk.bad(), 3);
        QCOMPARE(bulk.ready(), 997);
        const QStringList problems = bulk.problems();
        QCOMPARE(problems.size(), 3);
        QVERIFY2(problems[0].startsWith(QStringLiteral("line 17:")), qPrintable(problems[0]));
        QVERIFY2(problems[1].startsWith(QStringLiteral("line 500:")), qPrintable(problems[1]));
        QVERIFY2(problems[2].startsWith(QStringLiteral("line 999:")), qPrintable(problems[2]));
        QVERIFY(problems[1].contains(QStringLiteral("users 000")));

        bulk.dryRun();
        QVERIFY(QTest::qWaitFor([&] { return bulk.previewed() || !bulk.error().isEmpty(); }, 30000));
        QVERIFY2(bulk.previewed(), qPrintable(bulk.error()));
        QCOMPARE(bulk.overdrawn(), 0); // world may go below zero
        QCOMPARE(transactionCount(ledger), std::optional<qint64>(0));

        QVERIFY(!bulk.policy().isEmpty());
        bulk.send();
        QVERIFY(waitSent(bulk));
        QVERIFY2(bulk.error().isEmpty(), qPrintable(bulk.error()));
        QCOMPARE(bulk.posted(), 997);
        QCOMPARE(bulk.failed(), 0);
        QCOMPARE(transactionCount(ledger), std::optional<qint64>(997));
        // Every posted row carries its transaction id; the bad ones none.
        for (int r = 0; r < bulk.rows()->rowCount(); ++r) {
            const QModelIndex i = bulk.rows()->index(r);
            const int line = i.data(BulkRowsModel::LineRole).toInt();
            const QString state = i.data(BulkRowsModel::StateRole).toString();
            QCOMPARE(state, badLines.contains(line) ? QStringLiteral("bad") : QStringLiteral("posted"));
        }
        // The exact sum the world paid: i + (i % 100)/100 over the good rows.
        BigInt cents;
        for (int i = 1; i <= 1000; ++i)
            if (!badLines.contains(i))
                cents += BigInt(qint64(i) * 100 + i % 100);
        QCOMPARE(balance(ledger, QStringLiteral("world"), QStringLiteral("USD/2")),
                 (BigInt() - cents).toString());
        // Sending again posts nothing twice: the posted rows are not sent again.
        bulk.send();
        QCOMPARE(transactionCount(ledger), std::optional<qint64>(997));
    }

    void refusedRowIsReportedAndTheOthersPosted() {
        const QString ledger = ownLedger();
        BulkController bulk;
        QAbstractItemModelTester tester(bulk.rows(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        bulk.setSession(m_fixture.session());
        bulk.setProperty("ledger", ledger);
        bulk.setText(QStringLiteral("source,destination,amount,asset,reference,metadata.channel\n"
                                    "world,users:a,10.00,USD/2,r1,card\n"
                                    "users:b,users:c,5.00,USD/2,r2,card\n"
                                    "users:a,\"merchants:m\",2.50,USD/2,r3,\"sepa, fast\"\n"));
        QCOMPARE(bulk.format(), QStringLiteral("csv"));
        QCOMPARE(bulk.total(), 3);
        QCOMPARE(bulk.bad(), 0);
        bulk.dryRun();
        QVERIFY(QTest::qWaitFor([&] { return bulk.previewed() || !bulk.error().isEmpty(); }, 10000));
        QVERIFY2(bulk.previewed(), qPrintable(bulk.error()));
        QCOMPARE(bulk.overdrawn(), 1); // users:b has nothing
        bulk.send();
        QVERIFY(waitSent(bulk));
        QVERIFY2(bulk.error().isEmpty(), qPrintable(bulk.error()));
        QCOMPARE(bulk.posted(), 2);
        QCOMPARE(bulk.failed(), 1);
        const QModelIndex refused = bulk.rows()->index(1);
        QCOMPARE(refused.data(BulkRowsModel::LineRole).toInt(), 3);
        QCOMPARE(refused.data(BulkRowsModel::StateRole).toString(), QStringLiteral("failed"));
        QVERIFY2(
            refused.data(BulkRowsModel::ResultRole).toString().contains(QStringLiteral("INSUFFICIENT_FUND")),
            qPrintable(refused.data(BulkRowsModel::ResultRole).toString()));
        QCOMPARE(transactionCount(ledger), std::optional<qint64>(2));
        QCOMPARE(balance(ledger, QStringLiteral("merchants:m"), QStringLiteral("USD/2")),
                 QStringLiteral("250"));
        // The policy says it: the others are still applied.
        QVERIFY(bulk.policy().contains(QStringLiteral("still")));
    }

    void bulkRevertPreviewsOverdraftsThenSends() {
        const QString ledger = ownLedger();
        QVERIFY(!ledger.isEmpty());
        const QString usd = QStringLiteral("USD/2"), eur = QStringLiteral("EUR/2");
        const QString t1 = post(ledger, QStringLiteral("world"), QStringLiteral("users:a"), 100, usd);
        const QString t2 = post(ledger, QStringLiteral("users:a"), QStringLiteral("users:b"), 60, usd);
        const QString t3 = post(ledger, QStringLiteral("world"), QStringLiteral("users:c"), 50, usd);
        const QString t4 = post(ledger, QStringLiteral("world"), QStringLiteral("users:d"), 10, eur);
        const QString t5 = post(ledger, QStringLiteral("users:c"), QStringLiteral("users:e"), 50, usd);
        QVERIFY(!t1.isEmpty() && !t5.isEmpty());

        TransactionsModel list;
        list.setSession(m_fixture.session());
        list.setLedger(ledger);
        QVERIFY(QTest::qWaitFor([&] { return !list.loading() && list.count() == 5; }, 10000));
        auto rowOf = [&](const QString &id) { return list.find(QStringLiteral("transactionId"), id); };

        BulkRevertController revert;
        revert.setSession(m_fixture.session());
        revert.setLedger(ledger);
        // Checked in this order, each revert on the balances the ones before it leave: t1 would take
        // 100 from users:a, which holds 40 (overdraws, so left out); t2 moves 60 back from users:b to
        // users:a; t4 empties users:d; t3 would take 50 from users:c, which holds 0 (overdraws).
        for (const QString &id : {t1, t2, t4, t3})
            revert.setSelected(&list, rowOf(id), true);
        revert.setSelected(&list, rowOf(t5), true);
        revert.setSelected(&list, rowOf(t5), false);
        QCOMPARE(revert.selectedIds(), (QStringList{t1, t2, t4, t3}));
        QVERIFY(revert.isSelected(t4) && !revert.isSelected(t5));

        revert.send(); // not previewed: refused
        QVERIFY(!revert.error().isEmpty());
        revert.preview();
        QVERIFY(QTest::qWaitFor([&] { return revert.previewed(); }, 10000));
        QCOMPARE(stateOf(revert, t1), QStringLiteral("overdraws"));
        QCOMPARE(stateOf(revert, t2), QStringLiteral("ready"));
        QCOMPARE(stateOf(revert, t4), QStringLiteral("ready"));
        QCOMPARE(stateOf(revert, t3), QStringLiteral("overdraws"));
        QCOMPARE(revert.overdrawCount(), 2);
        QCOMPARE(revert.toSend(), 2);
        for (const QVariant &v : revert.items())
            if (v.toMap().value("id") == t1)
                QVERIFY2(
                    v.toMap().value("detail").toString().contains(QStringLiteral("users:a 0.40 → -0.60")),
                    qPrintable(v.toMap().value("detail").toString()));

        // Read-only: refused before any call.
        m_fixture.adopt(QStringLiteral("staging"), true);
        revert.send();
        QVERIFY(!revert.busy());
        QVERIFY(!revert.error().isEmpty());
        m_fixture.adopt(QStringLiteral("staging"), false);
        revert.setSession(m_fixture.session());

        QSignalSpy done(&revert, &BulkRevertController::done);
        revert.send();
        QVERIFY(done.wait(10000));
        QVERIFY2(revert.error().isEmpty(), qPrintable(revert.error()));
        QCOMPARE(stateOf(revert, t2), QStringLiteral("done"));
        QCOMPARE(stateOf(revert, t4), QStringLiteral("done"));
        QCOMPARE(stateOf(revert, t1), QStringLiteral("overdraws")); // not sent
        QCOMPARE(revert.revertedCount(), 2);
        QVERIFY(isReverted(ledger, t2) && isReverted(ledger, t4));
        QVERIFY(!isReverted(ledger, t1) && !isReverted(ledger, t3));
        QCOMPARE(balance(ledger, QStringLiteral("users:a"), usd), QStringLiteral("100"));
        QCOMPARE(balance(ledger, QStringLiteral("users:b"), usd), QStringLiteral("0"));
        QCOMPARE(balance(ledger, QStringLiteral("users:d"), eur), QStringLiteral("0"));

        // The list again: t2 is reverted now and is never sent; t1 reverts cleanly now that users:a
        // holds 100; t3 still overdraws, and goes when forced.
        list.reload();
        QVERIFY(QTest::qWaitFor([&] { return !list.loading() && list.count() >= 7; }, 10000));
        revert.clearSelection();
        QCOMPARE(revert.selectedCount(), 0);
        for (const QString &id : {t2, t1, t3})
            revert.setSelected(&list, rowOf(id), true);
        revert.preview();
        QVERIFY(QTest::qWaitFor([&] { return revert.previewed(); }, 10000));
        QCOMPARE(stateOf(revert, t2), QStringLiteral("reverted"));
        QCOMPARE(stateOf(revert, t1), QStringLiteral("ready"));
        QCOMPARE(stateOf(revert, t3), QStringLiteral("overdraws"));
        revert.setForce(true);
        QVERIFY(QTest::qWaitFor([&] { return revert.previewed(); }, 10000));
        QCOMPARE(revert.toSend(), 2);
        revert.send();
        QVERIFY(done.wait(10000));
        QCOMPARE(stateOf(revert, t1), QStringLiteral("done"));
        QCOMPARE(stateOf(revert, t3), QStringLiteral("done"));
        QCOMPARE(balance(ledger, QStringLiteral("users:c"), usd), QStringLiteral("-50"));
        QCOMPARE(balance(ledger, QStringLiteral("users:a"), usd), QStringLiteral("0"));
    }

    void csvHeaderAndFieldsAreChecked() {
        QString format;
        auto rows = BulkController::parse(QStringLiteral("from,to\nworld,users:a\n"), &format);
        QCOMPARE(rows.size(), 1);
        QVERIFY(rows[0].problem.contains(QStringLiteral("header")));
        rows =
            BulkController::parse(QStringLiteral("source,destination,amount,asset\nworld,users:a,1,00,USD/2\n"
                                                 "world,users:a,-1,USD/2\nworld,users:a,1.00,usd\n"),
                                  &format);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].line, 2);
        QVERIFY(!rows[0].problem.isEmpty()); // five fields
        QVERIFY(!rows[1].problem.isEmpty()); // negative
        QVERIFY(rows[2].problem.contains(QStringLiteral("usd")));
        // A JSON number keeps its exact digits.
        rows = BulkController::parse(
            QStringLiteral(
                R"({"source":"world","destination":"users:a","amount":12345678901234567890.12,"asset":"USD/2"})"),
            &format);
        QCOMPARE(rows.size(), 1);
        QVERIFY2(rows[0].problem.isEmpty(), qPrintable(rows[0].problem));
        QCOMPARE(rows[0].postings.first().amount.toString(), QStringLiteral("1234567890123456789012"));
    }
};

QTEST_MAIN(TestBulk)
#include "tst_bulk.moc"
