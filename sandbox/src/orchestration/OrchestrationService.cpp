// The orchestration service: workflows of stages run for real against the sandbox's ledger and
// wallets, triggers fed by the event bus, v1 and v2 APIs, and its part of the demo seed.
#include "OrchestrationApi.h"
#include "OrchestrationStore.h"
#include "Triggers.h"
#include "WorkflowRunner.h"
#include "core/EventBus.h"
#include "core/Service.h"
#include "ledger/AmountKey.h"
#include "ledger/LedgerStore.h"
#include "ledger/PostingEngine.h"

#include <QUuid>

namespace Formance::Sandbox {

namespace {

class OrchestrationService final : public Service {
public:
    explicit OrchestrationService(ServiceContext &context)
        : m_context(context)
        , m_store(context.store)
        , m_runner(context, m_store)
        , m_triggers(context.events, m_store, m_runner)
        , m_v1(context, m_store, m_runner, m_triggers, 1)
        , m_v2(context, m_store, m_runner, m_triggers, 2) {
        m_runner.resumeDelays();
    }
    QString name() const override { return QStringLiteral("orchestration"); }
    void registerRoutes(Router &router) override {
        m_v1.registerRoutes(router);
        m_v2.registerRoutes(router);
    }
    void seedDemo() override;

private:
    QString createWorkflow(const QByteArray &config);

    ServiceContext &m_context;
    OrchestrationStore m_store;
    WorkflowRunner m_runner;
    Triggers m_triggers;
    OrchestrationApi m_v1;
    OrchestrationApi m_v2;
};

QString OrchestrationService::createWorkflow(const QByteArray &config) {
    auto parsed = WorkflowConfig::fromJson(config);
    if (!parsed) {
        qWarning("orchestration demo seed: %s", qPrintable(parsed.error().message));
        return {};
    }
    WorkflowRow wf;
    wf.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    wf.config = parsed->toJson();
    wf.createdAt = wf.updatedAt = nowTime();
    m_store.insertWorkflow(wf);
    return wf.id;
}

// A few workflows on the demo-payouts ledger with instances in every state (succeeded, waiting
// for an event, delayed, failed for insufficient funds, canceled), and a trigger with
// occurrences (one that started a run, one refused by its variables).
void OrchestrationService::seedDemo() {
    if (!m_store.isEmpty())
        return;
    const QString ledger = QStringLiteral("demo-payouts");
    if (!m_context.store.ledgerExists(ledger))
        return;

    const QString topUp = createWorkflow(QStringLiteral(R"({"name":"Treasury top-up","stages":[
        {"send":{"source":{"account":{"id":"world","ledger":"%1"}},
                 "destination":{"account":{"id":"treasury:${desk}","ledger":"%1"}},
                 "amount":{"asset":"EUR/2","amount":"${amount}"},
                 "metadata":{"reason":"top-up"}}}]})")
                                             .arg(ledger)
                                             .toUtf8());
    const QString approval = createWorkflow(QStringLiteral(R"({"name":"Approved merchant payout","stages":[
        {"send":{"source":{"account":{"id":"world","ledger":"%1"}},
                 "destination":{"account":{"id":"payouts:pending:${merchant}","ledger":"%1"}},
                 "amount":{"asset":"EUR/2","amount":"${amount}"}}},
        {"wait_event":{"event":"approved"}},
        {"send":{"source":{"account":{"id":"payouts:pending:${merchant}","ledger":"%1"}},
                 "destination":{"account":{"id":"payouts:sent:${merchant}","ledger":"%1"}},
                 "amount":{"asset":"EUR/2","amount":"${amount}"},
                 "metadata":{"merchant":"${merchant}"}}},
        {"update":{"account":{"id":"payouts:sent:${merchant}","ledger":"%1",
                   "metadata":{"last_payout":"${amount}"}}}}]})")
                                                .arg(ledger)
                                                .toUtf8());
    const QString cooling = createWorkflow(QStringLiteral(R"({"name":"Cooling-off refund","stages":[
        {"delay":{"duration":"72h"}},
        {"send":{"source":{"account":{"id":"treasury:${desk}","ledger":"%1"}},
                 "destination":{"account":{"id":"refunds:${customer}","ledger":"%1"}},
                 "amount":{"asset":"EUR/2","amount":"${amount}"}}}]})")
                                               .arg(ledger)
                                               .toUtf8());
    const QString transfer = createWorkflow(QStringLiteral(R"({"name":"Desk to desk transfer","stages":[
        {"send":{"source":{"account":{"id":"treasury:${from}","ledger":"%1"}},
                 "destination":{"account":{"id":"treasury:${to}","ledger":"%1"}},
                 "amount":{"asset":"EUR/2","amount":"${amount}"}}}]})")
                                                .arg(ledger)
                                                .toUtf8());
    // Not run by the seed (wallet ids are the wallets service's): ready for the app to run.
    createWorkflow(QStringLiteral(R"({"name":"Wallet cash-out","stages":[
        {"send":{"source":{"wallet":{"id":"${wallet}"}},
                 "destination":{"account":{"id":"payouts:wallets:${wallet}","ledger":"%1"}},
                 "amount":{"asset":"${asset}","amount":"${amount}"}}}]})")
                       .arg(ledger)
                       .toUtf8());
    if (topUp.isEmpty() || approval.isEmpty() || cooling.isEmpty() || transfer.isEmpty())
        return;

    m_runner.start(topUp, {{"desk", "paris"}, {"amount", "250000"}});
    m_runner.start(topUp, {{"desk", "berlin"}, {"amount", "120000"}});
    m_runner.start(transfer, {{"from", "paris"}, {"to", "berlin"}, {"amount", "30000"}});
    // Fails: the Madrid desk holds nothing, so its transaction is refused and nothing moves.
    m_runner.start(transfer, {{"from", "madrid"}, {"to", "paris"}, {"amount", "5000"}});
    if (auto approved = m_runner.start(approval, {{"merchant", "atelier"}, {"amount", "4200"}}))
        m_runner.sendEvent(approved->id, QStringLiteral("approved"));
    m_runner.start(approval, {{"merchant", "bistro"}, {"amount", "1800"}}); // waits for "approved"
    m_runner.start(cooling, {{"desk", "paris"}, {"customer", "c-1042"}, {"amount", "990"}}); // delayed
    if (auto canceled = m_runner.start(approval, {{"merchant", "deli"}, {"amount", "300"}}))
        m_runner.abort(canceled->id);

    // A trigger on large top-ups, and what it did with two events.
    TriggerRow t;
    t.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    t.name = QStringLiteral("Large deposit review");
    t.event = QStringLiteral("ledger.committed_transactions");
    t.workflowId = topUp;
    t.filter = QStringLiteral(
        R"js(event.ledger == "demo-payouts" && event.transactions[0].metadata.reason == "deposit")js");
    t.vars =
        R"js({"desk":"event.transactions[0].metadata.desk","amount":"string(event.transactions[0].postings[0].amount)"})js";
    t.createdAt = nowTime();
    m_store.insertTrigger(t);
    const QByteArray ok = R"({"ledger":"demo-payouts","transactions":[{"id":1,"postings":[{"source":"world",)"
                          R"("destination":"deposits:lyon","asset":"EUR/2","amount":50000}],)"
                          R"("metadata":{"reason":"deposit","desk":"lyon"}}]})";
    const QByteArray noDesk =
        R"({"ledger":"demo-payouts","transactions":[{"id":2,"postings":[{"source":"world",)"
        R"("destination":"deposits:unknown","asset":"EUR/2","amount":9900}],)"
        R"("metadata":{"reason":"deposit"}}]})";
    m_triggers.fire(t, nowTime(), ok, 0);
    m_triggers.fire(t, nowTime(), noDesk, 0);
}

} // namespace

std::unique_ptr<Service> makeOrchestrationService(ServiceContext &context) {
    return std::make_unique<OrchestrationService>(context);
}

} // namespace Formance::Sandbox
