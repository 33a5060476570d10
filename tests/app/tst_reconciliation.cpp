// Reconciliation end to end against the embedded sandbox with its demo seed: the demo policy and
// its drifting run; a policy of this test's own (a fresh ledger against the demo's treasury pool)
// created with its form checked, reconciled at chosen dates, its figures per asset with the drift,
// the drill-down to the ledger and pool accounts, deleted; read-only refusing every write.
#include "AppFixture.h"
#include "reconciliation/ReconciliationController.h"
#include <Formance/ledger/v2/LedgerV2Api.h>
#include <Formance/payments/v1/PaymentsV1Api.h>

#include <QSignalSpy>
#include <QTest>

using namespace Formance;
using namespace AppTest;

class TestReconciliation : public QObject {
    Q_OBJECT
    Fixture m_fixture;

    QString treasuryPool() {
        auto pools = m_fixture.client().payments().v1().listPools({}).result();
        if (!pools)
            return {};
        for (const auto &p : pools->body.cursor.data)
            if (p.name == QLatin1String("Treasury pool"))
                return p.id;
        return {};
    }
    QString freshLedger() {
        const QString name = Fixture::unique(QStringLiteral("rec")).replace(u'-', u'_');
        return m_fixture.client().ledger().v2().createLedger({name}).result() ? name : QString();
    }
    bool loaded(ReconciliationController &c) {
        c.setSession(m_fixture.session());
        return idle(c) && c.loaded();
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fixture.start(true, &error), qPrintable(error));
    }
    void init() { m_fixture.adopt(QStringLiteral("staging"), false); }

    void showsTheDemoPolicyAndItsDrift() {
        ReconciliationController c;
        QVERIFY(loaded(c));
        QCOMPARE(c.error(), QString());
        QVERIFY(!c.policies().isEmpty());
        QVERIFY(!c.policyId().isEmpty());
        QVERIFY(idle(c));
        QVERIFY(!c.runs().isEmpty());
        QVERIFY(!c.runId().isEmpty());
        bool drifted = false;
        for (const QVariant &f : c.figures())
            drifted = drifted || f.toMap().value("drifted").toBool();
        QVERIFY(drifted); // the demo's mirror misses a fee
        // Behind the figures: the query's account, the pool's accounts.
        QVERIFY(idle(c));
        QCOMPARE(c.ledgerAccounts().size(), 1);
        QCOMPARE(c.ledgerAccounts().constFirst().toMap().value("name").toString(),
                 QStringLiteral("banks:treasury"));
        QVERIFY(!c.poolAccounts().isEmpty());
        for (const QVariant &a : c.poolAccounts())
            QVERIFY(!a.toMap().value("balances").toString().isEmpty());
    }

    void createReconcileAndDeleteAPolicy() {
        const QString pool = treasuryPool();
        QVERIFY(!pool.isEmpty());
        const QString ledger = freshLedger();
        QVERIFY(!ledger.isEmpty());
        Ledger::V2::V2CreateTransactionRequest tx;
        tx.ledger = ledger;
        // banks:treasury pays out: it needs an overdraft, so a script.
        tx.body.script = Models::V2PostTransactionScript{
            QStringLiteral("send [USD/2 100] (\n source = @banks:treasury allowing unbounded overdraft\n "
                           "destination = @platform:treasury\n)")};
        QVERIFY(m_fixture.client().ledger().v2().createTransaction(tx).result());

        ReconciliationController c;
        QVERIFY(loaded(c));
        // The form: checked before any call.
        c.createPolicy(QStringLiteral("x"), ledger, QStringLiteral("{not json"), pool);
        QVERIFY(!c.formError().isEmpty());
        QVERIFY(!c.busy());
        QVERIFY(!c.queryProblem(QStringLiteral("[1]")).isEmpty());
        QCOMPARE(c.queryProblem(QStringLiteral("{\"$match\": {\"address\": \"banks:\"}}")), QString());

        const QString name = Fixture::unique(QStringLiteral("policy"));
        QSignalSpy created(&c, &ReconciliationController::policyCreated);
        c.createPolicy(name, ledger, QStringLiteral("{\"$match\": {\"address\": \"banks:treasury\"}}"), pool);
        QVERIFY(idle(c));
        QCOMPARE(created.size(), 1);
        QVERIFY(idle(c));
        QCOMPARE(c.policyId(), created.constFirst().constFirst().toString());
        QCOMPARE(c.policyName(), name);
        QVERIFY(c.runs().isEmpty());

        c.reconcile(QStringLiteral("yesterday"), {});
        QVERIFY(!c.formError().isEmpty());
        QSignalSpy reconciled(&c, &ReconciliationController::reconciled);
        c.reconcile(Timestamp::now().toString(), {});
        QVERIFY(idle(c));
        QCOMPARE(reconciled.size(), 1);
        QVERIFY(idle(c));
        QCOMPARE(c.runs().size(), 1);
        QCOMPARE(c.runId(), reconciled.constFirst().constFirst().toString());
        // The ledger side is exactly what this test booked.
        bool usd = false;
        for (const QVariant &f : c.figures()) {
            const QVariantMap m = f.toMap();
            if (m.value("asset").toString() == QLatin1String("USD/2")) {
                usd = true;
                QCOMPARE(m.value("ledger").toString(), QStringLiteral("-1.00"));
            }
        }
        QVERIFY(usd);
        QVERIFY(idle(c));
        QCOMPARE(c.ledgerAccounts().size(), 1);
        QCOMPARE(c.ledgerAccounts().constFirst().toMap().value("balances").toString(),
                 QStringLiteral("-1.00 USD/2"));

        QSignalSpy deleted(&c, &ReconciliationController::policyDeleted);
        c.deletePolicy();
        QVERIFY(idle(c));
        QCOMPARE(deleted.size(), 1);
        QVERIFY(idle(c));
        for (const QVariant &p : c.policies())
            QVERIFY(p.toMap().value("id").toString() != deleted.constFirst().constFirst().toString());
    }

    void readOnlyRefusesEveryWrite() {
        m_fixture.adopt(QStringLiteral("staging"), true);
        ReconciliationController c;
        QVERIFY(loaded(c));
        const int before = c.runs().size();
        const int policies = c.policies().size();
        c.reconcile({}, {});
        QVERIFY(c.error().contains(QLatin1String("read-only")));
        c.createPolicy(QStringLiteral("n"), QStringLiteral("demo-payouts"), QStringLiteral("{}"),
                       QStringLiteral("p"));
        QVERIFY(c.formError().contains(QLatin1String("read-only")));
        c.deletePolicy();
        QVERIFY(c.error().contains(QLatin1String("read-only")));
        QVERIFY(!c.busy());
        c.load();
        QVERIFY(idle(c));
        QCOMPARE(c.policies().size(), policies);
        QCOMPARE(c.runs().size(), before);
    }
};

QTEST_MAIN(TestReconciliation)
#include "tst_reconciliation.moc"
