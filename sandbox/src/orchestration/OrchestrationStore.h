// The orchestration service's tables in the shared SQLite store: workflows (soft-deleted, as the
// real service does), their instances with one row per started stage, the activities each stage
// ran (ledger transactions, wallet moves, metadata), triggers and their occurrences.
#pragma once

#include "WorkflowConfig.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Formance::Sandbox {

class LedgerStore;

struct WorkflowRow {
    QString id;
    QByteArray config; // WorkflowConfig JSON
    QString createdAt, updatedAt;
};

struct StageRow {
    int stage = 0;
    QString name;     // send, delay, wait_event, update
    QByteArray input; // the spec's Stage, after variables
    QString startedAt;
    QString terminatedAt; // empty while running
    QString error;
};

struct InstanceRow {
    QString id, workflowId;
    QString createdAt, updatedAt;
    bool terminated = false;
    QString terminatedAt, error;
    Variables variables;
    int nextStage = 0;    // the stage to start next (or the one running when waiting)
    QString waitingEvent; // wait_event: the event name the instance waits for
    QString delayUntil;   // delay: when it ends (canonical time)
    int depth = 0;        // how many trigger hops led here (loop guard)
    QList<StageRow> stages;

    bool running() const { return !terminated; }
};

struct ActivityRow {
    QString name;      // CreateTransaction, CreditWallet, DebitWallet, AddAccountMetadata
    QByteArray input;  // the activity's own input object
    QByteArray output; // CreateTransaction: the ledger transaction (sandbox JSON); else empty
    QString error;
    QString startedAt, terminatedAt;
};

struct TriggerRow {
    QString id, name, event, workflowId, filter;
    QByteArray vars; // JSON object name -> expression; empty when none
    QString createdAt;
};

struct OccurrenceRow {
    QString triggerId, date, instanceId, error;
    QByteArray event; // the payload the trigger saw
};

class OrchestrationStore {
public:
    explicit OrchestrationStore(LedgerStore &store);
    bool isEmpty();

    void insertWorkflow(const WorkflowRow &w);
    std::optional<WorkflowRow> workflow(const QString &id, bool includeDeleted = false);
    bool deleteWorkflow(const QString &id, const QString &at);

    void insertInstance(const InstanceRow &i);
    std::optional<InstanceRow> instance(const QString &id);
    void saveInstance(const InstanceRow &i); // state columns (not stages)
    QList<QString> instancesWaitingOnDelay();
    void upsertStage(const QString &instanceId, const StageRow &s);

    void insertActivity(const QString &instanceId, int stage, const ActivityRow &a);
    QList<ActivityRow> activities(const QString &instanceId, int stage);

    void insertTrigger(const TriggerRow &t);
    std::optional<TriggerRow> trigger(const QString &id);
    bool deleteTrigger(const QString &id, const QString &at);
    // Triggers named by the event's own type (COMMITTED_TRANSACTIONS, as the real service) or
    // its qualified one (ledger.committed_transactions).
    QList<TriggerRow> triggersFor(const QString &type, const QString &qualifiedType);

    void insertOccurrence(const OccurrenceRow &o);

    LedgerStore &sql() { return m_store; }

private:
    LedgerStore &m_store;
};

} // namespace Formance::Sandbox
