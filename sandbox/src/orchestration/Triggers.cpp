#include "Triggers.h"

#include "WorkflowRunner.h"
#include "api/ApiSupport.h"
#include "core/EventBus.h"
#include "ledger/AmountKey.h"

#include <Formance/json/JsonDocument.h>
#include <Formance/json/JsonWriter.h>

#include <QTimer>
#include <QUuid>

namespace Formance::Sandbox {

namespace {

QString qs(std::string_view v) {
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

// name -> compiled expression, in the order the trigger lists them.
Expected<QList<std::pair<QString, TriggerExpression>>> compileVars(const QByteArray &json) {
    QList<std::pair<QString, TriggerExpression>> out;
    if (json.isEmpty())
        return out;
    const auto doc = Json::Document::parse(json);
    if (!doc || !doc->root().isObject())
        return LedgerError::validation(QStringLiteral("vars must be an object of expressions"));
    for (const auto &[k, v] : doc->root().members()) {
        const QString name = qs(k);
        if (!v.isString())
            return LedgerError::validation(
                QStringLiteral("vars.%1 must be an expression (a string), e.g. \"event.transactions[0].id\"")
                    .arg(name));
        auto e = TriggerExpression::compile(v.toString());
        if (!e)
            return LedgerError::validation(QStringLiteral("vars.%1: %2").arg(name, e.error().message));
        out.append({name, e.value()});
    }
    return out;
}

} // namespace

Triggers::Triggers(EventBus &events, OrchestrationStore &store, WorkflowRunner &runner)
    : m_store(store)
    , m_runner(runner)
    , m_alive(std::make_shared<Triggers *>(this)) {
    std::weak_ptr<Triggers *> alive = m_alive;
    events.subscribe([alive](const StackEvent &e) {
        // The publisher's change is committed already: a failure here must not reach it.
        if (auto self = alive.lock()) {
            try {
                (*self)->onEvent(e);
            } catch (const std::exception &ex) {
                qWarning("orchestration: triggers on %s: %s", qPrintable(e.qualifiedType()), ex.what());
            }
        }
    });
}

Triggers::~Triggers() = default;

Expected<TriggerRow> Triggers::create(const QByteArray &body) {
    auto doc = parseBody(body, true);
    if (!doc)
        return doc.error();
    const Json::Value root = doc.value()->root();
    if (!root.isObject())
        return LedgerError::validation(
            QStringLiteral("the body must be a trigger: {\"event\", \"workflowID\", ...}"));
    TriggerRow t;
    for (const auto &[k, v] : root.members()) {
        const QString key = qs(k);
        if (key == QLatin1String("vars"))
            continue;
        static const QStringList strings{"event", "workflowID", "filter", "name"};
        if (!strings.contains(key))
            return LedgerError::validation(QStringLiteral("unknown field '%1'").arg(key));
        if (!v.isString())
            return LedgerError::validation(QStringLiteral("%1 must be a string").arg(key));
    }
    t.event = root["event"].toString();
    t.workflowId = root["workflowID"].toString();
    t.filter = root["filter"].toString();
    t.name = root["name"].toString();
    if (t.event.isEmpty())
        return LedgerError::validation(QStringLiteral(
            "event is required, e.g. \"ledger.committed_transactions\" or \"ledger.saved_metadata\""));
    // Only events this stack publishes: a trigger on any other name would never fire.
    static const QStringList kEvents{QStringLiteral("COMMITTED_TRANSACTIONS"),
                                     QStringLiteral("SAVED_METADATA"), QStringLiteral("REVERTED_TRANSACTION"),
                                     QStringLiteral("DELETED_METADATA")};
    bool known = false;
    for (const QString &e : kEvents)
        known = known || t.event == e || t.event == QStringLiteral("ledger.") + e.toLower();
    if (!known)
        return LedgerError::validation(
            QStringLiteral(
                "unknown event type '%1': one of %2, or the same as ledger.committed_transactions ...")
                .arg(t.event.left(100), kEvents.join(QStringLiteral(", "))));
    if (t.workflowId.isEmpty())
        return LedgerError::validation(QStringLiteral("workflowID is required"));
    if (!m_store.workflow(t.workflowId))
        return LedgerError::validation(QStringLiteral("workflow '%1' not found").arg(t.workflowId));
    if (!t.filter.isEmpty()) {
        auto e = TriggerExpression::compile(t.filter);
        if (!e)
            return LedgerError::validation(QStringLiteral("filter: %1").arg(e.error().message));
    }
    const Json::Value vars = root["vars"];
    if (vars.isValid() && !vars.isNull()) {
        t.vars = vars.toJson();
        auto compiled = compileVars(t.vars);
        if (!compiled)
            return compiled.error();
    }
    t.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    t.createdAt = nowTime();
    m_store.insertTrigger(t);
    return t;
}

Expected<TriggerTest> Triggers::test(const QString &triggerId, const QByteArray &payload) {
    auto t = m_store.trigger(triggerId);
    if (!t)
        return LedgerError::notFound(QStringLiteral("trigger '%1' not found").arg(triggerId));
    auto doc = parseBody(payload, true);
    if (!doc)
        return doc.error();
    if (!doc.value()->root().isObject())
        return LedgerError::validation(QStringLiteral("the body must be an event payload (a JSON object)"));
    TriggerTest out;
    out.match = true;
    if (!t->filter.isEmpty()) {
        auto filter = TriggerExpression::compile(t->filter);
        auto m = filter ? filter->matches(payload) : Expected<bool>(filter.error());
        out.match = m && m.value();
        if (!m)
            out.filterError = m.error().message;
    }
    auto vars = compileVars(t->vars);
    if (vars)
        for (const auto &[name, e] : vars.value())
            out.variables.append({name, e.evaluateToString(payload)});
    return out;
}

void Triggers::fire(const TriggerRow &t, const QString &date, const QByteArray &payload, int depth) {
    OccurrenceRow o{t.id, date, {}, {}, payload};
    if (!t.filter.isEmpty()) {
        auto filter = TriggerExpression::compile(t.filter);
        if (!filter) {
            // Stored before the current checks (an older data directory): never run, say why.
            qWarning("orchestration: trigger %s: its filter is refused: %s", qPrintable(t.id),
                     qPrintable(filter.error().message));
            return;
        }
        auto m = filter->matches(payload);
        // As the real service, a filter that cannot be evaluated on this event does not match
        // it (testTrigger shows why); nothing is recorded either way.
        if (!m || !m.value())
            return;
    }
    Variables vars;
    auto compiled = compileVars(t.vars);
    if (!compiled) {
        qWarning("orchestration: trigger %s: its vars are refused: %s", qPrintable(t.id),
                 qPrintable(compiled.error().message));
        o.error = QStringLiteral("vars: %1").arg(compiled.error().message);
        m_store.insertOccurrence(o);
        return;
    }
    {
        for (const auto &[name, e] : compiled.value()) {
            auto v = e.evaluateToString(payload);
            if (!v) {
                o.error = QStringLiteral("vars.%1: %2").arg(name, v.error().message);
                m_store.insertOccurrence(o);
                return;
            }
            vars.insert(name, v.value());
        }
    }
    if (depth > WorkflowRunner::kMaxDepth) {
        o.error = QStringLiteral("not run: %1 workflows in a row were started by triggers (a trigger loop?)")
                      .arg(depth);
        m_store.insertOccurrence(o);
        return;
    }
    auto inst = m_runner.start(t.workflowId, vars, depth);
    if (inst)
        o.instanceId = inst->id;
    else
        o.error = inst.error().message;
    m_store.insertOccurrence(o);
}

void Triggers::onEvent(const StackEvent &e) {
    const QList<TriggerRow> triggers = m_store.triggersFor(e.type, e.qualifiedType());
    if (triggers.isEmpty())
        return;
    // Moves made by a triggered run may fire triggers again: count the hops.
    const int depth = m_runner.currentDepth() >= 0 ? m_runner.currentDepth() + 1 : 0;
    const QByteArray payload = e.payload.isEmpty() ? QByteArrayLiteral("{}") : e.payload;
    for (const TriggerRow &t : triggers) {
        QTimer::singleShot(0, &m_queue, [this, t, date = e.date, payload, depth] {
            // The trigger may have been deleted meanwhile. Nothing may escape into the event loop.
            try {
                if (m_store.trigger(t.id))
                    fire(t, date, payload, depth);
            } catch (const std::exception &e) {
                qWarning("orchestration: trigger %s: %s", qPrintable(t.id), e.what());
            } catch (...) {
                qWarning("orchestration: trigger %s: unknown failure", qPrintable(t.id));
            }
        });
    }
}

} // namespace Formance::Sandbox
