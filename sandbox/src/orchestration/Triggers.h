// Triggers: a workflow run per matching stack event. A trigger names an event type as the real
// service does ("COMMITTED_TRANSACTIONS", "SAVED_METADATA" ...) or as the event bus qualifies it
// ("ledger.committed_transactions"), an optional filter expression and variables computed from
// the payload (TriggerExpression).
// Matching happens when the event is published (after the change committed); the run itself is
// queued to the next turn of the server's event loop, so it never runs inside the publisher's
// commit. Every fire is recorded as an occurrence, with the instance it started or its error.
#pragma once

#include "OrchestrationStore.h"
#include "TriggerExpression.h"

#include <QObject>

#include <memory>

namespace Formance::Json {
class Writer;
}

namespace Formance::Sandbox {

class EventBus;
struct StackEvent;
class WorkflowRunner;

struct TriggerTest {
    bool match = false;
    QString filterError;
    QList<std::pair<QString, Expected<QString>>> variables;
};

class Triggers {
public:
    Triggers(EventBus &events, OrchestrationStore &store, WorkflowRunner &runner);
    ~Triggers();

    // Checks a createTrigger body and stores the trigger.
    Expected<TriggerRow> create(const QByteArray &body);
    // The filter and variables against `payload`, running nothing.
    Expected<TriggerTest> test(const QString &triggerId, const QByteArray &payload);
    // What the trigger does with one event (also how the demo seed records occurrences).
    void fire(const TriggerRow &t, const QString &date, const QByteArray &payload, int depth);

private:
    void onEvent(const StackEvent &e);

    OrchestrationStore &m_store;
    WorkflowRunner &m_runner;
    QObject m_queue; // queued runs execute in the server's thread, and die with this object
    std::shared_ptr<Triggers *> m_alive; // the bus outlives services: its callback checks this
};

} // namespace Formance::Sandbox
