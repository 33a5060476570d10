// The Wallets screen end to end against the embedded sandbox with its demo seed: the wallet list
// (QAbstractItemModelTester watching it), a wallet's exact balances, named balances and holds,
// voiding an open hold, confirming a closed one, and the read-only and production guards.
#include "AppFixture.h"
#include "wallets/WalletDetailController.h"
#include "wallets/WalletsModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Formance;

using namespace AppTest;

namespace {

QString amountOf(const WalletDetailController &wallet, const QString &asset) {
    for (const auto &b : wallet.balances())
        if (b.toMap().value(QStringLiteral("asset")).toString() == asset)
            return b.toMap().value(QStringLiteral("amount")).toString();
    return QStringLiteral("absent");
}

QVariantMap holdNamed(const WalletDetailController &wallet, const QString &description) {
    for (const auto &h : wallet.holds())
        if (h.toMap().value(QStringLiteral("description")).toString() == description)
            return h.toMap();
    return {};
}

bool loadAndWait(WalletDetailController &wallet) {
    QSignalSpy spy(&wallet, &WalletDetailController::stateChanged);
    wallet.load();
    return QTest::qWaitFor([&] { return !wallet.busy(); }, 30000) && wallet.loaded();
}
} // namespace

// Wallets are found by name (idOf), so any test runs alone.
class TestWallets : public QObject {
    Q_OBJECT
    Fixture m_fixture;
    Session *m_session = nullptr;

    void adopt(const QString &stage, bool readOnly) { m_fixture.adopt(stage, readOnly); }
    QString idOf(const QString &name) {
        WalletsModel wallets;
        wallets.setSession(m_session);
        wallets.setNameFilter(name);
        if (!drain(wallets) || wallets.count() == 0)
            return {};
        return wallets.idAt(0);
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fixture.start(true, &error), qPrintable(error));
        m_session = m_fixture.session();
    }
    void init() { adopt(QStringLiteral("staging"), false); }

    void listsTheDemoWallets() {
        WalletsModel wallets;
        QAbstractItemModelTester tester(&wallets, QAbstractItemModelTester::FailureReportingMode::QtTest);
        wallets.setPageSize(3); // two pages: fetchMore pulls the second
        wallets.setSession(m_session);
        QVERIFY(drain(wallets));
        QCOMPARE(wallets.error(), QString());
        QCOMPARE(wallets.rowCount(), 4);
        QStringList names;
        for (int i = 0; i < wallets.rowCount(); ++i) {
            const QModelIndex index = wallets.index(i);
            const QString name = index.data(WalletsModel::NameRole).toString();
            names.append(name);
            QCOMPARE(index.data(WalletsModel::LedgerRole).toString(), QStringLiteral("wallets-002"));
            QVERIFY(!index.data(WalletsModel::CreatedAtRole).toString().isEmpty());
            QVERIFY2(
                index.data(WalletsModel::MetadataTextRole).toString().contains(QStringLiteral("customer=")),
                qPrintable(index.data(WalletsModel::MetadataTextRole).toString()));
        }
        names.sort();
        QCOMPARE(names, QStringList({"alice", "bob", "chloe", "david"}));
        QCOMPARE(wallets.roleNames().value(WalletsModel::IdRole), QByteArray("walletId"));

        wallets.setNameFilter(QStringLiteral("chloe"));
        QVERIFY(QTest::qWaitFor([&] { return !wallets.loading() && wallets.rowCount() == 1; }, 30000));
        QCOMPARE(wallets.index(0).data(WalletsModel::NameRole).toString(), QStringLiteral("chloe"));
        wallets.setNameFilter(QString());
        QVERIFY(QTest::qWaitFor(
            [&] {
                if (wallets.canFetchMore({}))
                    wallets.fetchMore({});
                return !wallets.loading() && wallets.rowCount() == 4;
            },
            30000));
    }

    void detailShowsExactBalances() {
        WalletDetailController alice;
        alice.setProperty("session", QVariant::fromValue(m_session));
        alice.setProperty("walletId", idOf(QStringLiteral("alice")));
        QVERIFY(loadAndWait(alice));
        QCOMPARE(alice.error(), QString());
        QCOMPARE(alice.name(), QStringLiteral("alice"));
        QCOMPARE(alice.ledger(), QStringLiteral("wallets-002"));
        // 1500.00 topped up, 45.99 spent, 120.00 held (30.00 came from rewards).
        QCOMPARE(amountOf(alice, QStringLiteral("USD/2")), QStringLiteral("1334.01"));
        QCOMPARE(alice.namedBalances().size(), 1);
        const QVariantMap rewards = alice.namedBalances().constFirst().toMap();
        QCOMPARE(rewards.value("name").toString(), QStringLiteral("rewards"));
        QCOMPARE(rewards.value("assetsText").toString(), QStringLiteral("20.00 USD/2"));
        QCOMPARE(rewards.value("priority").toString(), QStringLiteral("1"));
        const QVariantMap hotel = holdNamed(alice, QStringLiteral("hotel deposit"));
        QCOMPARE(hotel.value("open").toBool(), true);
        QCOMPARE(hotel.value("asset").toString(), QStringLiteral("USD/2"));
        QCOMPARE(hotel.value("remaining").toString(), QStringLiteral("120.00"));
        QCOMPARE(hotel.value("destination").toString(), QStringLiteral("merchants:hotel"));

        WalletDetailController chloe;
        chloe.setProperty("session", QVariant::fromValue(m_session));
        chloe.setProperty("walletId", idOf(QStringLiteral("chloe")));
        QVERIFY(loadAndWait(chloe));
        QCOMPARE(chloe.error(), QString());
        // 800.00 topped up, 200.00 held, 25.00 from david.
        QCOMPARE(amountOf(chloe, QStringLiteral("EUR/2")), QStringLiteral("625.00"));
        const QVariantMap flight = holdNamed(chloe, QStringLiteral("flight booking"));
        QCOMPARE(flight.value("open").toBool(), true);
        QCOMPARE(flight.value("remaining").toString(), QStringLiteral("150.00"));
        QCOMPARE(flight.value("original").toString(), QStringLiteral("200.00"));
        const QVariantMap gift = chloe.namedBalances().constFirst().toMap();
        QCOMPARE(gift.value("name").toString(), QStringLiteral("gift"));
        QVERIFY(!gift.value("expiresAt").toString().isEmpty());

        WalletDetailController bob;
        bob.setProperty("session", QVariant::fromValue(m_session));
        bob.setProperty("walletId", idOf(QStringLiteral("bob")));
        QVERIFY(loadAndWait(bob));
        QCOMPARE(amountOf(bob, QStringLiteral("USD/2")), QStringLiteral("470.00"));
        QCOMPARE(bob.holds().size(), 2);
        for (const auto &h : bob.holds())
            QCOMPARE(h.toMap().value("open").toBool(), false);
    }

    void guardsReadOnlyAndProduction() {
        adopt(QStringLiteral("production"), true);
        WalletDetailController alice;
        alice.setProperty("session", QVariant::fromValue(m_session));
        alice.setProperty("walletId", idOf(QStringLiteral("alice")));
        QVERIFY(loadAndWait(alice));
        QVERIFY(!alice.confirmationMatches(QString()));
        QVERIFY(!alice.confirmationMatches(QStringLiteral("bob")));
        QVERIFY(alice.confirmationMatches(QStringLiteral("alice")));
        alice.voidHold(holdNamed(alice, QStringLiteral("hotel deposit")).value("id").toString());
        QCOMPARE(alice.error(), QStringLiteral("This profile is read-only."));
        QVERIFY(loadAndWait(alice));
        QCOMPARE(holdNamed(alice, QStringLiteral("hotel deposit")).value("open").toBool(), true);
        adopt(QStringLiteral("staging"), false);
        QVERIFY(alice.confirmationMatches(QString()));
    }

    void voidingAnOpenHoldReturnsTheMoney() {
        WalletDetailController alice;
        alice.setProperty("session", QVariant::fromValue(m_session));
        alice.setProperty("walletId", idOf(QStringLiteral("alice")));
        QVERIFY(loadAndWait(alice));
        const QString holdId = holdNamed(alice, QStringLiteral("hotel deposit")).value("id").toString();
        QVERIFY(!holdId.isEmpty());

        QSignalSpy changed(&alice, &WalletDetailController::holdChanged);
        alice.voidHold(holdId);
        QVERIFY(changed.wait(30000));
        QCOMPARE(changed.constFirst().constFirst().toString(), holdId);
        QVERIFY(QTest::qWaitFor([&] { return !alice.busy(); }, 30000)); // the reload after it
        QCOMPARE(alice.error(), QString());
        QCOMPARE(holdNamed(alice, QStringLiteral("hotel deposit")).value("open").toBool(), false);
        QCOMPARE(amountOf(alice, QStringLiteral("USD/2")), QStringLiteral("1454.01"));

        // A closed hold cannot be confirmed: the service's HOLD_CLOSED, in words, nothing moves.
        alice.confirmHold(holdId, QString(), true);
        QVERIFY(QTest::qWaitFor([&] { return !alice.busy(); }, 30000));
        QVERIFY2(alice.error().contains(QStringLiteral("HOLD_CLOSED")), qPrintable(alice.error()));
        QCOMPARE(changed.size(), 1);
        QVERIFY(loadAndWait(alice));
        QCOMPARE(amountOf(alice, QStringLiteral("USD/2")), QStringLiteral("1454.01"));
    }

    void confirmingPartOfAHold() {
        WalletDetailController chloe;
        chloe.setProperty("session", QVariant::fromValue(m_session));
        chloe.setProperty("walletId", idOf(QStringLiteral("chloe")));
        QVERIFY(loadAndWait(chloe));
        const QString holdId = holdNamed(chloe, QStringLiteral("flight booking")).value("id").toString();
        // Amounts are typed in the asset's units and never rounded.
        chloe.confirmHold(holdId, QStringLiteral("1.234"), false);
        QVERIFY(!chloe.error().isEmpty());
        QVERIFY(!chloe.busy());
        chloe.confirmHold(holdId, QStringLiteral("1,00"), false); // never read as 100
        QVERIFY2(chloe.error().contains(QStringLiteral("without separators")), qPrintable(chloe.error()));
        QVERIFY(!chloe.busy());

        QSignalSpy changed(&chloe, &WalletDetailController::holdChanged);
        chloe.confirmHold(holdId, QStringLiteral("50.00"), true); // final: the other 100.00 go back
        QVERIFY2(changed.wait(30000), qPrintable(chloe.error()));
        QVERIFY(QTest::qWaitFor([&] { return !chloe.busy(); }, 30000));
        QCOMPARE(chloe.error(), QString());
        QCOMPARE(holdNamed(chloe, QStringLiteral("flight booking")).value("open").toBool(), false);
        QCOMPARE(amountOf(chloe, QStringLiteral("EUR/2")), QStringLiteral("725.00"));
    }

    void cleanupTestCase() { m_fixture.stop(); }
};

QTEST_MAIN(TestWallets)
#include "tst_wallets.moc"
