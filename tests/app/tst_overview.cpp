// The overview and the inbox end to end against the embedded sandbox with its demo seed: the
// overview's ledgers, connectors and recent activity; the inbox (QAbstractItemModelTester
// watching it) listing what needs an operator — a failing webhook, a transfer waiting for
// approval, a failed and a waiting workflow instance, a reconciliation drift — each clearing when
// resolved on the stack; its background refresh bounded and paused while inactive; a read-only
// profile sending no test delivery.
#include "AppFixture.h"
#include "overview/InboxModel.h"
#include "overview/OverviewController.h"
#include "overview/StackSearch.h"
#include <Formance/json/JsonAny.h>
#include <Formance/json/JsonDocument.h>
#include <Formance/ledger/v2/LedgerV2Api.h>
#include <Formance/orchestration/v2/OrchestrationV2Api.h>
#include <Formance/payments/v1/PaymentsV1Api.h>
#include <Formance/reconciliation/v1/ReconciliationV1Api.h>
#include <Formance/webhooks/v1/WebhooksV1Api.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Formance;
using namespace AppTest;

class TestOverview : public QObject {
    Q_OBJECT
    Fixture m_fixture;

    // Refreshes `inbox` and waits for the answer.
    bool refreshed(InboxModel &inbox) {
        QSignalSpy done(&inbox, &InboxModel::refreshed);
        inbox.refresh();
        return done.wait(30000) || done.size() > 0;
    }
    static int find(const InboxModel &inbox, const QString &kind, const QString &targetId) {
        for (int i = 0; i < inbox.count(); ++i)
            if (inbox.row(i).kind == kind && inbox.row(i).targetId == targetId)
                return i;
        return -1;
    }
    QString createLedger() {
        const QString name = Fixture::unique(QStringLiteral("ov")).replace(u'-', u'_');
        auto r = m_fixture.client().ledger().v2().createLedger({name}).result();
        return r ? name : QString();
    }
    QString workflow(const QByteArray &stages) {
        Orchestration::V2::V2CreateWorkflowRequest request;
        QList<Json::Any> list;
        const auto doc = Json::Document::parse(stages);
        if (!doc)
            return {};
        for (const Json::Value v : doc->root().elements())
            list.append(Json::Any::fromJson(v.toJson()));
        request.body = Models::V2WorkflowConfig{Fixture::unique(QStringLiteral("wf")), list};
        auto r = m_fixture.client().orchestration().v2().createWorkflow(request).result();
        return r ? r->body.data.id : QString();
    }
    std::optional<Models::V2WorkflowInstance> run(const QString &wf, const QMap<QString, QString> &vars) {
        Orchestration::V2::V2RunWorkflowRequest request;
        request.workflowID = wf;
        request.body = vars;
        auto r = m_fixture.client().orchestration().v2().runWorkflow(request).result();
        if (!r)
            return std::nullopt;
        return r->body.data;
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fixture.start(true, &error), qPrintable(error));
    }
    void init() { m_fixture.adopt(QStringLiteral("staging"), false); }

    void overviewShowsTheStack() {
        OverviewController overview;
        overview.setSession(m_fixture.session());
        QVERIFY(idle(overview));
        QVERIFY(overview.loaded());
        QCOMPARE(overview.error(), QString());
        // Every demo ledger, with the counts the ledger itself reports.
        auto ledgers = m_fixture.client().ledger().v2().listLedgers({}).result();
        QVERIFY(ledgers);
        QCOMPARE(overview.ledgers().size(), ledgers->body.cursor.data.size());
        QVERIFY(overview.ledgers().size() >= 3);
        const QVariantMap first = overview.ledgers().constFirst().toMap();
        auto stats = m_fixture.client().ledger().v2().readStats({first.value("name").toString()}).result();
        QVERIFY(stats);
        QCOMPARE(first.value("transactions").toString(), stats->body.data.transactions.toString());
        QCOMPARE(first.value("accounts").toString(), stats->body.data.accounts.toString());
        // Connectors, each with a health; recent activity, newest first and bounded.
        QVERIFY(!overview.connectors().isEmpty());
        for (const QVariant &c : overview.connectors())
            QVERIFY(!c.toMap().value("health").toString().isEmpty());
        QVERIFY(!overview.transactions().isEmpty());
        QVERIFY(overview.transactions().size() <= OverviewController::kRecent);
        QVERIFY(!overview.logs().isEmpty());

        // A new transaction is the latest after a reload.
        const QString ledger = first.value("name").toString();
        Ledger::V2::V2CreateTransactionRequest tx;
        tx.ledger = ledger;
        tx.body.postings =
            QList<Models::V2Posting>{{BigInt(4242), QStringLiteral("USD/2"), QStringLiteral("users:overview"),
                                      QStringLiteral("world")}};
        tx.body.reference = Fixture::unique(QStringLiteral("ov-ref"));
        auto created = m_fixture.client().ledger().v2().createTransaction(tx).result();
        QVERIFY(created);
        overview.load();
        QVERIFY(idle(overview));
        const QVariantMap latest = overview.transactions().constFirst().toMap();
        QCOMPARE(latest.value("id").toString(), created->body.data.id.toString());
        QCOMPARE(latest.value("reference").toString(), *tx.body.reference);
        QVERIFY(latest.value("summary").toString().contains(QLatin1String("42.42 USD/2")));
    }

    void inboxListsTheDemoStack() {
        InboxModel inbox;
        QAbstractItemModelTester tester(&inbox, QAbstractItemModelTester::FailureReportingMode::QtTest);
        inbox.setSession(m_fixture.session());
        QVERIFY(refreshed(inbox));
        QCOMPARE(inbox.error(), QString());
        // The demo's reconciliation misses a fee: its latest run drifts.
        bool drift = false;
        for (int i = 0; i < inbox.count(); ++i)
            drift = drift || (inbox.row(i).kind == QLatin1String("reconciliation") &&
                              inbox.row(i).detail.contains(QLatin1String("Drift")));
        QVERIFY(drift);
        for (int i = 0; i < inbox.count(); ++i) {
            QVERIFY(!inbox.row(i).page.isEmpty());
            QVERIFY(!inbox.row(i).targetId.isEmpty());
        }
        QCOMPARE(inbox.items().size(), inbox.count());
    }

    void failingWebhookAppearsAndClears() {
        Webhooks::V1::InsertConfigRequest insert;
        insert.body.endpoint =
            QStringLiteral("http://127.0.0.1:9/") + Fixture::unique(QStringLiteral("inbox"));
        insert.body.eventTypes = {QStringLiteral("ledger.committed_transactions")};
        auto config = m_fixture.client().webhooks().v1().insertConfig(insert).result();
        QVERIFY(config);
        const QString id = config->body.data.id;

        InboxModel inbox;
        inbox.setSession(m_fixture.session());
        QVERIFY(refreshed(inbox));
        const int row = find(inbox, QStringLiteral("webhook"), id);
        QVERIFY(row >= 0);
        QCOMPARE(inbox.row(row).title, insert.body.endpoint);
        QCOMPARE(inbox.row(row).page, QStringLiteral("webhook"));
        QVERIFY(inbox.row(row).detail.contains(QLatin1String("cannot be reached")));

        // Paused: it delivers nothing, so nothing fails.
        QVERIFY(m_fixture.client().webhooks().v1().deactivateConfig({id}).result());
        QVERIFY(refreshed(inbox));
        QCOMPARE(find(inbox, QStringLiteral("webhook"), id), -1);
        QVERIFY(m_fixture.client().webhooks().v1().deleteConfig({id}).result());
    }

    void readOnlySendsNoTestDelivery() {
        m_fixture.adopt(QStringLiteral("staging"), true);
        InboxModel inbox;
        inbox.setSession(m_fixture.session());
        QVERIFY(refreshed(inbox));
        for (int i = 0; i < inbox.count(); ++i)
            QVERIFY(inbox.row(i).kind != QLatin1String("webhook"));
        // What needs no write is still listed (the demo's drift, resolved only by a later test).
        bool reconciliation = false;
        for (int i = 0; i < inbox.count(); ++i)
            reconciliation = reconciliation || inbox.row(i).kind == QLatin1String("reconciliation");
        QVERIFY(reconciliation);
    }

    void transferWaitingForApprovalAppearsAndClears() {
        auto &payments = m_fixture.client().payments().v1();
        auto connectors = payments.listAllConnectors({}).result();
        QVERIFY(connectors);
        QVERIFY(!connectors->body.data.isEmpty());
        const QString connector = connectors->body.data.constFirst().connectorID;
        Payments::V1::PaymentslistAccountsRequest accountsRequest;
        accountsRequest.pageSize = 100;
        auto accounts = payments.paymentslistAccounts(accountsRequest).result();
        QVERIFY(accounts);
        QStringList ids;
        for (const auto &a : accounts->body.cursor.data)
            if (a.connectorID == connector)
                ids.append(a.id);
        QVERIFY(ids.size() >= 2);

        Payments::V1::CreateTransferInitiationRequest create;
        create.body.reference = Fixture::unique(QStringLiteral("approve-me"));
        create.body.scheduledAt = Timestamp::now();
        create.body.description = QStringLiteral("inbox test");
        create.body.sourceAccountID = ids.at(0);
        create.body.destinationAccountID = ids.at(1);
        create.body.connectorID = connector;
        create.body.type = Models::TransferInitiationRequestType::Transfer;
        create.body.amount = BigInt(1999);
        create.body.asset = QStringLiteral("EUR/2");
        create.body.validated = false;
        auto transfer = payments.createTransferInitiation(create).result();
        QVERIFY2(transfer, transfer ? "" : qPrintable(transfer.error().message()));
        const QString id = transfer->body.data.id;

        InboxModel inbox;
        inbox.setSession(m_fixture.session());
        QVERIFY(refreshed(inbox));
        const int row = find(inbox, QStringLiteral("transfer"), id);
        QVERIFY(row >= 0);
        QCOMPARE(inbox.row(row).title, create.body.reference);
        QCOMPARE(inbox.row(row).page, QStringLiteral("transfers"));
        QVERIFY(inbox.row(row).detail.contains(QLatin1String("19.99 EUR/2")));

        Payments::V1::UdpateTransferInitiationStatusRequest reject;
        reject.transferId = id;
        reject.body.status = Models::UpdateTransferInitiationStatusRequestStatus::Rejected;
        QVERIFY(payments.udpateTransferInitiationStatus(reject).result());
        QVERIFY(refreshed(inbox));
        QCOMPARE(find(inbox, QStringLiteral("transfer"), id), -1);
    }

    void failedAndWaitingInstancesAppearAndClear() {
        const QString ledger = createLedger();
        QVERIFY(!ledger.isEmpty());
        QByteArray stages = R"([{"send":{"source":{"account":{"id":"${from}","ledger":"%L"}},
                     "destination":{"account":{"id":"users:bob","ledger":"%L"}},
                     "amount":{"asset":"USD/2","amount":10}}}])";
        stages.replace("%L", ledger.toUtf8());
        const QString overdraw = workflow(stages);
        QVERIFY(!overdraw.isEmpty());
        const auto failed = run(overdraw, {{QStringLiteral("from"), QStringLiteral("users:empty")}});
        QVERIFY(failed && failed->terminated && failed->error);

        const QString waits = workflow(R"([{"wait_event":{"event":"confirmed"}}])");
        QVERIFY(!waits.isEmpty());
        const auto waiting = run(waits, {});
        QVERIFY(waiting && !waiting->terminated);

        InboxModel inbox;
        inbox.setSession(m_fixture.session());
        QVERIFY(refreshed(inbox));
        const int failedRow = find(inbox, QStringLiteral("instance"), failed->id);
        QVERIFY(failedRow >= 0);
        QVERIFY(inbox.row(failedRow).detail.startsWith(QLatin1String("Failed")));
        const int waitingRow = find(inbox, QStringLiteral("instance"), waiting->id);
        QVERIFY(waitingRow >= 0);
        QVERIFY(inbox.row(waitingRow).detail.startsWith(QLatin1String("Waiting")));
        QCOMPARE(inbox.row(waitingRow).page, QStringLiteral("instance"));

        // A later run that succeeds resolves the failure; the awaited event ends the wait.
        const auto ok = run(overdraw, {{QStringLiteral("from"), QStringLiteral("world")}});
        QVERIFY(ok && ok->terminated && !ok->error);
        Orchestration::V2::V2SendEventRequest event;
        event.instanceID = waiting->id;
        event.body = Models::V2SendEventRequestBody{QStringLiteral("confirmed")};
        QVERIFY(m_fixture.client().orchestration().v2().sendEvent(event).result());
        QVERIFY(refreshed(inbox));
        QCOMPARE(find(inbox, QStringLiteral("instance"), failed->id), -1);
        QCOMPARE(find(inbox, QStringLiteral("instance"), waiting->id), -1);
        QCOMPARE(find(inbox, QStringLiteral("instance"), ok->id), -1);
    }

    void reconciliationDriftAppearsAndClears() {
        auto &recon = m_fixture.client().reconciliation().v1();
        auto policies = recon.listPolicies({}).result();
        QVERIFY(policies);
        QVERIFY(!policies->body.cursor.data.isEmpty());
        const auto policy = policies->body.cursor.data.constFirst();
        auto reconcile = [&] {
            Reconciliation::V1::ReconcileRequest request;
            request.policyID = policy.id;
            request.body.reconciledAtLedger = Timestamp::now();
            request.body.reconciledAtPayments = request.body.reconciledAtLedger;
            return recon.reconcile(request).result();
        };
        auto drifted = reconcile();
        QVERIFY(drifted);
        QCOMPARE(drifted->body.data.status, QStringLiteral("NOT_OK"));

        InboxModel inbox;
        inbox.setSession(m_fixture.session());
        QVERIFY(refreshed(inbox));
        const int row = find(inbox, QStringLiteral("reconciliation"), drifted->body.data.id);
        QVERIFY(row >= 0);
        QCOMPARE(inbox.row(row).page, QStringLiteral("reconciliation"));
        QCOMPARE(inbox.row(row).title, policy.name);

        // Book what the ledger misses (drift = |payments + ledger|), then reconcile again: OK.
        const auto &d = drifted->body.data;
        for (auto it = d.paymentsBalances.cbegin(); it != d.paymentsBalances.cend(); ++it) {
            const BigInt missing = -(it.value() + d.ledgerBalances.value(it.key(), BigInt()));
            if (missing.isZero())
                continue;
            const QString account = QStringLiteral("banks:treasury");
            Ledger::V2::V2CreateTransactionRequest tx;
            tx.ledger = policy.ledgerName;
            tx.body.script = Models::V2PostTransactionScript{
                missing.isNegative()
                    ? QStringLiteral(
                          "send [%1 %2] (\n source = @%3 allowing unbounded overdraft\n destination = "
                          "@platform:treasury\n)")
                          .arg(it.key(), (-missing).toString(), account)
                    : QStringLiteral("send [%1 %2] (\n source = @world\n destination = @%3\n)")
                          .arg(it.key(), missing.toString(), account)};
            auto posted = m_fixture.client().ledger().v2().createTransaction(tx).result();
            QVERIFY2(posted, posted ? "" : qPrintable(posted.error().message()));
        }
        auto ok = reconcile();
        QVERIFY(ok);
        QCOMPARE(ok->body.data.status, QStringLiteral("OK"));
        QVERIFY(refreshed(inbox));
        QCOMPARE(find(inbox, QStringLiteral("reconciliation"), drifted->body.data.id), -1);
        QCOMPARE(find(inbox, QStringLiteral("reconciliation"), ok->body.data.id), -1);
    }

    // Ctrl+K's search: a demo transaction by its reference, by its id; an account by its address;
    // results grouped by kind; a new query replaces the one before.
    void searchFindsADemoTransactionByItsReference() {
        auto ledgers = m_fixture.client().ledger().v2().listLedgers({}).result();
        QVERIFY(ledgers && !ledgers->body.cursor.data.isEmpty());
        QString ledger, reference, id;
        for (const auto &l : ledgers->body.cursor.data) {
            Ledger::V2::V2ListTransactionsRequest request;
            request.ledger = l.name;
            request.pageSize = 50;
            auto txs = m_fixture.client().ledger().v2().listTransactions(request).result();
            QVERIFY(txs);
            for (const auto &t : txs->body.cursor.data)
                if (t.reference && !t.reference->isEmpty() && reference.isEmpty()) {
                    ledger = l.name;
                    reference = *t.reference;
                    id = t.id.toString();
                }
        }
        QVERIFY2(!reference.isEmpty(), "the demo has transactions with a reference");

        StackSearch search;
        search.setSession(m_fixture.session());
        QSignalSpy finished(&search, &StackSearch::finished);
        search.setQuery(reference);
        QVERIFY(finished.wait(30000));
        bool found = false;
        for (const QVariant &r : search.results()) {
            const QVariantMap m = r.toMap();
            if (m.value("kind") == QLatin1String("transaction") && m.value("ledger") == ledger &&
                m.value("id") == id) {
                found = true;
                QCOMPARE(m.value("page").toString(), QStringLiteral("transaction"));
                QCOMPARE(m.value("kindTitle").toString(), QStringLiteral("Transactions"));
            }
        }
        QVERIFY(found);

        // An address: its account in the ledgers that have it; kinds stay grouped.
        finished.clear();
        search.setQuery(QStringLiteral("world"));
        QVERIFY(finished.wait(30000));
        search.setQuery(QStringLiteral("users:overview")); // booked by overviewShowsTheStack, or not at all
        finished.clear();
        QVERIFY(finished.wait(30000));
        QStringList kinds;
        for (const QVariant &r : search.results()) {
            const QString kind = r.toMap().value("kind").toString();
            if (kinds.isEmpty() || kinds.constLast() != kind) {
                QVERIFY2(!kinds.contains(kind), "results are grouped by kind");
                kinds.append(kind);
            }
        }
        // Too short: nothing asked.
        search.setQuery(QStringLiteral("a"));
        QVERIFY(!search.busy());
        QVERIFY(search.results().isEmpty());
    }

    void backgroundRefreshIsBoundedAndPaused() {
        InboxModel inbox;
        QCOMPARE(inbox.interval(), InboxModel::kDefaultInterval);
        inbox.setInterval(10);
        QCOMPARE(inbox.interval(), InboxModel::kMinInterval);
        inbox.setInterval(24 * 3600 * 1000);
        QCOMPARE(inbox.interval(), InboxModel::kMaxInterval);
        inbox.setSession(m_fixture.session());
        QVERIFY(!inbox.timerRunning()); // not shown yet
        QSignalSpy done(&inbox, &InboxModel::refreshed);
        inbox.setActive(true);
        QVERIFY(inbox.timerRunning());
        QVERIFY(done.wait(30000)); // shown: read at once
        // Never two at once: a refresh asked while one runs is dropped.
        inbox.refresh();
        inbox.refresh();
        QVERIFY(done.wait(30000));
        QTest::qWait(300);
        QCOMPARE(done.size(), 2);
        inbox.setActive(false);
        QVERIFY(!inbox.timerRunning());
        // Disconnected: no timer either.
        inbox.setActive(true);
        QVERIFY(inbox.timerRunning());
        m_fixture.session()->disconnectFromStack();
        QVERIFY(!inbox.timerRunning());
        QCOMPARE(inbox.count(), 0);
    }
};

QTEST_MAIN(TestOverview)
#include "tst_overview.moc"
