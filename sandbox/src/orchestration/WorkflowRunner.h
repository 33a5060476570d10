// Runs workflow instances for real, in the server's thread: each stage in order, with the run's
// variables substituted. send and update act at once (ledger, wallets); wait_event parks the
// instance until sendEvent delivers that name; delay parks it on a QTimer (never blocking a
// handler). A failing stage terminates the instance with its error; abort cancels it.
#pragma once

#include "OrchestrationStore.h"

#include <QObject>
#include <QTimer>

#include <map>
#include <memory>

namespace Formance::Sandbox {

struct ServiceContext;

class WorkflowRunner {
public:
    WorkflowRunner(ServiceContext &context, OrchestrationStore &store);
    ~WorkflowRunner();

    // Creates an instance and runs it until it waits or ends. NOT_FOUND for an unknown workflow.
    // depth: trigger hops that led to this run (a trigger does not fire past kMaxDepth).
    Expected<InstanceRow> start(const QString &workflowId, const Variables &vars, int depth = 0);
    // The instance's wait_event stage receives `name`; VALIDATION when it is not waiting for it.
    Expected<bool> sendEvent(const QString &instanceId, const QString &name);
    // Cancels a running instance (its running stage ends with "canceled").
    Expected<bool> abort(const QString &instanceId);
    // Re-arms the delays of instances persisted while delayed (a sandbox started on a data dir).
    void resumeDelays();

    static constexpr int kMaxDepth = 5;
    // Set while a stage runs: which run's moves are being made (triggers read it for depth).
    int currentDepth() const { return m_currentDepth; }

private:
    void advance(InstanceRow &inst);
    // Runs one send/update stage; the error text when it failed (nothing is kept then).
    QString runActivities(const InstanceRow &inst, int stageIndex, const Stage &stage);
    void armDelay(const QString &instanceId, const QString &until);
    void delayElapsed(const QString &instanceId);
    void finish(InstanceRow &inst, const QString &error);

    ServiceContext &m_context;
    OrchestrationStore &m_store;
    QObject m_timerOwner; // timers live in the server's thread, with the runner
    std::map<QString, std::unique_ptr<QTimer>> m_timers;
    int m_currentDepth = -1;
};

} // namespace Formance::Sandbox
