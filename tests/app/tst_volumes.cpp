// Volumes, counts and the revert at the effective date, end to end against the embedded
// sandbox: getVolumesWithBalances over a window (origin of time → a point in time), by effective
// or insertion date, grouped by address segments; countTransactions / countAccounts beside the
// filtered lists ("1–100 of 150"); a revert dated at the original's date.
#include "AppFixture.h"
#include "ledger/AccountsModel.h"
#include "ledger/ListCount.h"
#include "ledger/TransactionDetailController.h"
#include "ledger/TransactionsModel.h"
#include "ledger/VolumesModel.h"
#include <Formance/ledger/v2/LedgerV2Api.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Formance;
using namespace AppTest;

class TestVolumes : public QObject {
    Q_OBJECT
    Fixture m_fixture;
    QString m_ledger; // three backdated transactions, read only

    Client &client() { return m_fixture.client(); }
    QString ownLedger() {
        const QString name = Fixture::unique(QStringLiteral("vol"));
        return client().ledger().v2().createLedger({name, std::nullopt}).result().ok() ? name : QString();
    }
    QString post(const QString &ledger, const QString &from, const QString &to, qint64 cents,
                 const QString &when = {}) {
        Models::V2PostTransaction tx;
        tx.postings = QList<Models::V2Posting>{
            {.amount = BigInt(cents), .asset = QStringLiteral("USD/2"), .destination = to, .source = from}};
        if (!when.isEmpty())
            tx.timestamp = *Timestamp::parse(when);
        auto r = client().ledger().v2().createTransaction({.ledger = ledger, .body = tx}).result();
        return r ? r->body.data.id.toString() : QString();
    }
    // account|asset -> "input/output/balance"
    // Applies `change` (a window edit reloads the model soon, once) and reads every row after it.
    QMap<QString, QString> volumes(VolumesModel &model, const std::function<void()> &change) {
        QMap<QString, QString> out;
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        change();
        if (!reset.wait(5000) || !drain(model))
            return out;
        for (int i = 0; i < model.count(); ++i) {
            const VolumeRow &r = model.row(i);
            out.insert(r.account + u'|' + r.asset,
                       QStringLiteral("%1/%2/%3")
                           .arg(r.input.toString(), r.output.toString(), r.balance.toString()));
        }
        return out;
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fixture.start(false, &error), qPrintable(error));
        m_ledger = ownLedger();
        QVERIFY(!post(m_ledger, QStringLiteral("world"), QStringLiteral("users:a"), 1000,
                      QStringLiteral("2024-01-01T00:00:00Z"))
                     .isEmpty());
        QVERIFY(!post(m_ledger, QStringLiteral("world"), QStringLiteral("users:b"), 2000,
                      QStringLiteral("2024-02-01T00:00:00Z"))
                     .isEmpty());
        QVERIFY(!post(m_ledger, QStringLiteral("users:a"), QStringLiteral("merchants:m"), 500,
                      QStringLiteral("2024-03-01T00:00:00Z"))
                     .isEmpty());
    }
    void cleanupTestCase() { m_fixture.stop(); }

    void volumesOverAWindow() {
        VolumesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(m_fixture.session());
        auto all = volumes(model, [&] { model.setLedger(m_ledger); });
        QCOMPARE(all.value(QStringLiteral("users:a|USD/2")), QStringLiteral("1000/500/500"));
        QCOMPARE(all.value(QStringLiteral("users:b|USD/2")), QStringLiteral("2000/0/2000"));
        QCOMPARE(all.value(QStringLiteral("merchants:m|USD/2")), QStringLiteral("500/0/500"));
        QCOMPARE(all.value(QStringLiteral("world|USD/2")), QStringLiteral("0/3000/-3000"));

        // From the origin of time to mid-January, by effective date: only the first transaction.
        auto january = volumes(model, [&] { model.setEndTime(QStringLiteral("2024-01-15")); });
        QVERIFY(model.windowError().isEmpty());
        QCOMPARE(january.value(QStringLiteral("users:a|USD/2")), QStringLiteral("1000/0/1000"));
        QVERIFY(january.value(QStringLiteral("users:b|USD/2"), QStringLiteral("absent")) ==
                    QLatin1String("absent") ||
                january.value(QStringLiteral("users:b|USD/2")) == QLatin1String("0/0/0"));

        // By insertion date the same window holds nothing: all three were inserted today.
        auto inserted = volumes(model, [&] { model.setInsertionDate(true); });
        QVERIFY(inserted.value(QStringLiteral("users:a|USD/2"), QStringLiteral("0/0/0")) ==
                QLatin1String("0/0/0"));

        // A window starting later: from February on, by effective date.
        auto later = volumes(model, [&] {
            model.setInsertionDate(false);
            model.setEndTime(QString());
            model.setStartTime(QStringLiteral("2024-01-15"));
        });
        QCOMPARE(later.value(QStringLiteral("users:a|USD/2")), QStringLiteral("0/500/-500"));
        QCOMPARE(later.value(QStringLiteral("users:b|USD/2")), QStringLiteral("2000/0/2000"));

        // Grouped by the first segment: users, merchants, world.
        auto grouped = volumes(model, [&] {
            model.setStartTime(QString());
            model.setGroupBy(1);
        });
        QCOMPARE(grouped.value(QStringLiteral("users|USD/2")), QStringLiteral("3000/500/2500"));
        QCOMPARE(grouped.value(QStringLiteral("merchants|USD/2")), QStringLiteral("500/0/500"));
        QVERIFY(!grouped.contains(QStringLiteral("users:a|USD/2")));

        // A window that ends before it starts is refused at the field, not sent.
        model.setStartTime(QStringLiteral("2024-03-01"));
        model.setEndTime(QStringLiteral("2024-02-01"));
        QVERIFY(!model.windowError().isEmpty());
        model.setEndTime(QStringLiteral("not a date"));
        QVERIFY(!model.windowError().isEmpty());
    }

    void countsBesideFilteredLists() {
        const QString ledger = ownLedger();
        for (int i = 0; i < 150; ++i)
            QVERIFY(!post(ledger, QStringLiteral("world"),
                          i % 3 == 0 ? QStringLiteral("users:a") : QStringLiteral("users:x%1").arg(i),
                          100 + i)
                         .isEmpty());
        TransactionsModel transactions;
        QAbstractItemModelTester tester(&transactions,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        transactions.setSession(m_fixture.session());
        transactions.setLedger(ledger);
        QVERIFY(QTest::qWaitFor(
            [&] { return transactions.count() == 100 && !transactions.total()->total().isEmpty(); }, 10000));
        QCOMPARE(transactions.total()->total(), QStringLiteral("150"));
        QCOMPARE(transactions.total()->rangeText(transactions.count(), transactions.hasMore()),
                 QStringLiteral("1–100 of 150"));
        // The count follows the filters.
        transactions.setAccount(QStringLiteral("users:a"));
        QVERIFY(QTest::qWaitFor([&] { return transactions.total()->total() == QLatin1String("50"); }, 10000));
        QVERIFY(
            QTest::qWaitFor([&] { return !transactions.loading() && transactions.count() == 50; }, 10000));
        QCOMPARE(transactions.total()->rangeText(transactions.count(), transactions.hasMore()),
                 QStringLiteral("1–50 of 50"));

        AccountsModel accounts;
        accounts.setSession(m_fixture.session());
        accounts.setLedger(ledger);
        accounts.setAddressFilter(QStringLiteral("users:"));
        QVERIFY(QTest::qWaitFor([&] { return !accounts.total()->total().isEmpty(); }, 10000));
        QCOMPARE(accounts.total()->total(), QStringLiteral("101")); // users:a and 100 users:xN
        // Grouping of large totals, and no total.
        QCOMPARE(ListCount::rangeText(100, true, BigInt(qint64(12345))), QStringLiteral("1–100 of 12,345"));
        QCOMPARE(ListCount::rangeText(100, true, std::nullopt),
                 QStringLiteral("100 loaded, scroll for more"));
    }

    void revertAtTheEffectiveDate() {
        const QString ledger = ownLedger();
        const QString when = QStringLiteral("2024-05-05T10:00:00Z");
        const QString id = post(ledger, QStringLiteral("world"), QStringLiteral("users:r"), 700, when);
        QVERIFY(!id.isEmpty());
        const QString plain = post(ledger, QStringLiteral("world"), QStringLiteral("users:s"), 100, when);
        for (const bool atEffectiveDate : {true, false}) {
            TransactionDetailController detail;
            detail.setSession(m_fixture.session());
            detail.setProperty("ledger", ledger);
            detail.setProperty("transactionId", atEffectiveDate ? id : plain);
            detail.load();
            QVERIFY(idle(detail) && detail.loaded());
            QSignalSpy done(&detail, &TransactionDetailController::revertDone);
            detail.revert(false, atEffectiveDate);
            QVERIFY(done.wait(10000));
            const auto revert =
                client()
                    .ledger()
                    .v2()
                    .getTransaction(
                        {.ledger = ledger, .id = *BigInt::fromString(done.first().first().toString())})
                    .result();
            QVERIFY(revert.ok());
            if (atEffectiveDate)
                QCOMPARE(revert->body.data.timestamp.toString(), when);
            else
                QVERIFY(revert->body.data.timestamp.toString() != when);
        }
        // At any point after that date users:r reads as if it was never paid.
        VolumesModel model;
        model.setSession(m_fixture.session());
        auto v = volumes(model, [&] {
            model.setLedger(ledger);
            model.setEndTime(QStringLiteral("2024-06-01"));
        });
        QCOMPARE(v.value(QStringLiteral("users:r|USD/2")), QStringLiteral("700/700/0"));
        QCOMPARE(v.value(QStringLiteral("users:s|USD/2")), QStringLiteral("100/0/100"));
    }
};

QTEST_MAIN(TestVolumes)
#include "tst_volumes.moc"
