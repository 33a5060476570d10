// The wallet writes end to end against the embedded sandbox: create a wallet with metadata,
// credit it (main and a named balance), debit it, hold, the summary's exact figures, metadata
// changes (a removal refused with a sentence), the wallet's transactions (QAbstractItemModelTester
// watching), bad input kept with its error at the field, and a read-only profile refusing every
// write.
#include "AppFixture.h"
#include "wallets/WalletTransactionsModel.h"
#include "wallets/WalletWriteController.h"
#include <Formance/wallets/v1/WalletsV1Api.h>

#include <QAbstractItemModelTester>
#include <QDebug>
#include <QSignalSpy>
#include <QTest>

using namespace Formance;
using namespace AppTest;

class TestWalletWrites : public QObject {
    Q_OBJECT
    Fixture m_fixture;

    QString createWallet(const QVariantMap &metadata = {}) {
        WalletWriteController c;
        c.setSession(m_fixture.session());
        QSignalSpy created(&c, &WalletWriteController::created);
        c.createWallet(Fixture::unique(QStringLiteral("w")), metadata);
        if (!idle(c) || created.size() != 1)
            return {};
        return created.constFirst().constFirst().toString();
    }
    QVariantMap summaryOf(WalletWriteController &c, const QString &asset) {
        c.load();
        if (!idle(c))
            return {};
        for (const QVariant &row : c.summary())
            if (row.toMap().value("asset").toString() == asset)
                return row.toMap();
        return {};
    }
    bool moved(WalletWriteController &c, const QString &direction, const QString &amount,
               const QString &asset, const QString &balance = {}, bool hold = false,
               QString *holdId = nullptr) {
        QSignalSpy spy(&c, &WalletWriteController::moved);
        c.move(direction, amount, asset, balance, hold, Fixture::unique(QStringLiteral("desk-test")));
        if (!QTest::qWaitFor([&] { return spy.size() > 0 || (!c.busy() && !c.error().isEmpty()); }, 30000) ||
            spy.isEmpty()) {
            qWarning() << "move refused:" << c.error() << c.fieldErrors();
            return false;
        }
        if (holdId)
            *holdId = spy.constFirst().constFirst().toString();
        return idle(c);
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fixture.start(true, &error), qPrintable(error));
    }
    void init() { m_fixture.adopt(QStringLiteral("staging"), false); }

    void createsAWalletWithMetadata() {
        const QString id = createWallet({{QStringLiteral("owner"), QStringLiteral("desk")}});
        QVERIFY(!id.isEmpty());
        auto wallet = m_fixture.client().wallets().v1().getWallet({id}).result();
        QVERIFY(wallet);
        QCOMPARE(wallet->body.data.metadata.value(QStringLiteral("owner")), QStringLiteral("desk"));

        WalletWriteController c;
        c.setSession(m_fixture.session());
        c.createWallet(QStringLiteral("   "), {});
        QCOMPARE(c.fieldErrors().value("name").toString().isEmpty(), false);
        QVERIFY(!c.busy());
    }

    void creditDebitAndHoldMoveExactAmounts() {
        const QString id = createWallet();
        QVERIFY(!id.isEmpty());
        WalletWriteController c;
        c.setSession(m_fixture.session());
        c.setWalletId(id);
        QVERIFY(moved(c, QStringLiteral("credit"), QStringLiteral("100.25"), QStringLiteral("USD/2")));
        QCOMPARE(summaryOf(c, QStringLiteral("USD/2")).value("available").toString(),
                 QStringLiteral("100.25"));
        QVERIFY(moved(c, QStringLiteral("debit"), QStringLiteral("0.25"), QStringLiteral("USD/2")));
        QCOMPARE(summaryOf(c, QStringLiteral("USD/2")).value("available").toString(),
                 QStringLiteral("100.00"));

        QString holdId;
        QVERIFY(moved(c, QStringLiteral("debit"), QStringLiteral("30"), QStringLiteral("USD/2"), {}, true,
                      &holdId));
        QVERIFY(!holdId.isEmpty());
        const QVariantMap after = summaryOf(c, QStringLiteral("USD/2"));
        QCOMPARE(after.value("available").toString(), QStringLiteral("70.00"));
        QCOMPARE(after.value("hold").toString(), QStringLiteral("30.00"));
        auto hold = m_fixture.client().wallets().v1().getHold({holdId}).result();
        QVERIFY(hold);
        QCOMPARE(hold->body.data.remaining, BigInt(3000));

        // Big amounts stay exact.
        QVERIFY(moved(c, QStringLiteral("credit"),
                      QStringLiteral("123456789012345678901234.567890123456789012"),
                      QStringLiteral("ETH/18")));
        QCOMPARE(summaryOf(c, QStringLiteral("ETH/18")).value("available").toString(),
                 QStringLiteral("123456789012345678901234.567890123456789012"));
    }

    void namedBalanceTakesCredits() {
        const QString id = createWallet();
        WalletWriteController c;
        c.setSession(m_fixture.session());
        c.setWalletId(id);
        QSignalSpy created(&c, &WalletWriteController::balanceCreated);
        c.createBalance(QStringLiteral("coupons"), QStringLiteral("2099-01-01T00:00:00Z"),
                        QStringLiteral("2"));
        QVERIFY(idle(c));
        QCOMPARE(created.size(), 1);
        QVERIFY(idle(c));
        QVERIFY(c.balanceNames().contains(QStringLiteral("coupons")));
        QVERIFY(moved(c, QStringLiteral("credit"), QStringLiteral("5"), QStringLiteral("EUR/2"),
                      QStringLiteral("coupons")));
        auto balance = m_fixture.client().wallets().v1().getBalance({id, QStringLiteral("coupons")}).result();
        QVERIFY(balance);
        QCOMPARE(balance->body.data.assets.value(QStringLiteral("EUR/2")), BigInt(500));
        QCOMPARE(summaryOf(c, QStringLiteral("EUR/2")).value("expirable").toString(), QStringLiteral("5.00"));

        // Refused names stay at the field.
        c.createBalance(QStringLiteral("main"), {}, {});
        QVERIFY(!c.fieldErrors().value("name").toString().isEmpty());
        c.createBalance(QStringLiteral("ok-name"), QStringLiteral("tomorrow"), QStringLiteral("-1"));
        QVERIFY(!c.fieldErrors().value("expiresAt").toString().isEmpty());
        QVERIFY(!c.fieldErrors().value("priority").toString().isEmpty());
        QVERIFY(!c.busy());
    }

    void badAmountsAreRefusedAtTheField() {
        const QString id = createWallet();
        WalletWriteController c;
        c.setSession(m_fixture.session());
        c.setWalletId(id);
        for (const QString &bad : {QStringLiteral("1,000.00"), QStringLiteral("1.234"), QStringLiteral("-5"),
                                   QStringLiteral("0"), QStringLiteral("abc"), QString()}) {
            c.move(QStringLiteral("credit"), bad, QStringLiteral("USD/2"), {}, false, {});
            QVERIFY2(!c.fieldErrors().value("amount").toString().isEmpty(), qPrintable(bad));
            QVERIFY(!c.busy());
        }
        c.move(QStringLiteral("credit"), QStringLiteral("1"), QStringLiteral("usd"), {}, false, {});
        QVERIFY(!c.fieldErrors().value("asset").toString().isEmpty());
        // Nothing moved.
        auto wallet = m_fixture.client().wallets().v1().getWallet({id}).result();
        QVERIFY(wallet);
        QVERIFY(wallet->body.data.balances.main.assets.isEmpty());
        // A debit of more than there is: the stack's refusal is the error, nothing lost.
        c.move(QStringLiteral("debit"), QStringLiteral("1"), QStringLiteral("USD/2"), {}, false, {});
        QVERIFY(idle(c));
        QVERIFY(!c.error().isEmpty());
    }

    void metadataIsAddedAndChanged() {
        const QString id = createWallet({{QStringLiteral("a"), QStringLiteral("1")}});
        WalletWriteController c;
        c.setSession(m_fixture.session());
        c.setWalletId(id);
        c.load();
        QVERIFY(idle(c));
        QCOMPARE(c.metadata().value("a").toString(), QStringLiteral("1"));
        QVariantMap edited{{QStringLiteral("a"), QStringLiteral("2")},
                           {QStringLiteral("b"), QStringLiteral("3")}};
        QCOMPARE(c.metadataDiff(edited).size(), 2);
        QSignalSpy saved(&c, &WalletWriteController::metadataSaved);
        c.saveMetadata(edited);
        QVERIFY(idle(c));
        QCOMPARE(saved.size(), 1);
        QVERIFY(idle(c));
        QCOMPARE(c.metadata().value("a").toString(), QStringLiteral("2"));
        QCOMPARE(c.metadata().value("b").toString(), QStringLiteral("3"));
        // The API merges: a removal is refused before any call.
        c.saveMetadata({{QStringLiteral("a"), QStringLiteral("2")}});
        QVERIFY(c.error().contains(QLatin1String("b")));
        QVERIFY(!c.busy());
    }

    void listsTheWalletsTransactions() {
        const QString id = createWallet();
        WalletWriteController c;
        c.setSession(m_fixture.session());
        c.setWalletId(id);
        QVERIFY(moved(c, QStringLiteral("credit"), QStringLiteral("7.00"), QStringLiteral("USD/2")));
        QVERIFY(moved(c, QStringLiteral("credit"), QStringLiteral("3.00"), QStringLiteral("USD/2")));
        WalletTransactionsModel transactions;
        QAbstractItemModelTester tester(&transactions,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        transactions.setSession(m_fixture.session());
        transactions.setWalletId(id);
        QVERIFY(drain(transactions));
        QCOMPARE(transactions.error(), QString());
        QCOMPARE(transactions.count(), 2);
        QVERIFY(transactions.row(0).postings.contains(QLatin1String("3.00 USD/2")));
        QVERIFY(transactions.row(1).postings.contains(QLatin1String("7.00 USD/2")));
    }

    void readOnlyRefusesEveryWrite() {
        const QString id = createWallet();
        m_fixture.adopt(QStringLiteral("staging"), true);
        WalletWriteController c;
        c.setSession(m_fixture.session());
        QVERIFY(!c.writable());
        QSignalSpy created(&c, &WalletWriteController::created);
        c.createWallet(QStringLiteral("nope"), {});
        QVERIFY(c.error().contains(QLatin1String("read-only")));
        c.setWalletId(id);
        c.move(QStringLiteral("credit"), QStringLiteral("1"), QStringLiteral("USD/2"), {}, false, {});
        QVERIFY(c.error().contains(QLatin1String("read-only")));
        c.createBalance(QStringLiteral("x"), {}, {});
        QVERIFY(c.error().contains(QLatin1String("read-only")));
        c.saveMetadata({{QStringLiteral("k"), QStringLiteral("v")}});
        QVERIFY(c.error().contains(QLatin1String("read-only")));
        QVERIFY(!c.busy());
        QCOMPARE(created.size(), 0);
        auto wallet = m_fixture.client().wallets().v1().getWallet({id}).result();
        QVERIFY(wallet);
        QVERIFY(wallet->body.data.balances.main.assets.isEmpty());
        QVERIFY(wallet->body.data.metadata.isEmpty());
    }

    void productionAsksForTheWalletsName() {
        const QString id = createWallet();
        m_fixture.adopt(QStringLiteral("production"), false);
        WalletWriteController c;
        c.setSession(m_fixture.session());
        c.setWalletId(id);
        c.load();
        QVERIFY(idle(c));
        QVERIFY(!c.walletName().isEmpty());
        QVERIFY(!c.confirmationMatches(QStringLiteral("something else")));
        QVERIFY(c.confirmationMatches(QStringLiteral(" ") + c.walletName()));
    }
};

QTEST_MAIN(TestWalletWrites)
#include "tst_wallet_writes.moc"
