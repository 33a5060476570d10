#include "OrchestrationApi.h"

#include "OrchestrationJson.h"
#include "OrchestrationStore.h"
#include "Triggers.h"
#include "WorkflowRunner.h"
#include "api/ApiSupport.h"
#include "ledger/AmountKey.h"

#include <QUuid>

namespace Formance::Sandbox {

namespace {

LedgerError notFound(const QString &what, const QString &id) {
    return LedgerError::notFound(QStringLiteral("%1 '%2' not found").arg(what, id));
}

} // namespace

OrchestrationApi::OrchestrationApi(ServiceContext &context, OrchestrationStore &store, WorkflowRunner &runner,
                                   Triggers &triggers, int version)
    : m_context(context)
    , m_store(store)
    , m_runner(runner)
    , m_triggers(triggers)
    , m_version(version) {}

void OrchestrationApi::registerRoutes(Router &router) {
    Routes routes(router, m_version == 1 ? QStringLiteral("/api/orchestration")
                                         : QStringLiteral("/api/orchestration/v2"));
    routes.on("GET", "/_info", this, &OrchestrationApi::info);
    routes.on("GET", "/workflows", this, &OrchestrationApi::listWorkflows);
    routes.on("POST", "/workflows", this, &OrchestrationApi::createWorkflow);
    routes.on("GET", "/workflows/{flowId}", this, &OrchestrationApi::getWorkflow);
    routes.on("DELETE", "/workflows/{flowId}", this, &OrchestrationApi::deleteWorkflow);
    routes.on("POST", "/workflows/{flowId}/instances", this, &OrchestrationApi::runWorkflow);
    routes.on("GET", "/instances", this, &OrchestrationApi::listInstances);
    routes.on("GET", "/instances/{instanceID}", this, &OrchestrationApi::getInstance);
    routes.on("POST", "/instances/{instanceID}/events", this, &OrchestrationApi::sendEvent);
    routes.on("PUT", "/instances/{instanceID}/abort", this, &OrchestrationApi::abort);
    routes.on("GET", "/instances/{instanceID}/history", this, &OrchestrationApi::instanceHistory);
    routes.on("GET", "/instances/{instanceID}/stages/{number}/history", this,
              &OrchestrationApi::stageHistory);
    routes.on("GET", "/triggers", this, &OrchestrationApi::listTriggers);
    routes.on("POST", "/triggers", this, &OrchestrationApi::createTrigger);
    routes.on("GET", "/triggers/{triggerID}", this, &OrchestrationApi::readTrigger);
    routes.on("DELETE", "/triggers/{triggerID}", this, &OrchestrationApi::deleteTrigger);
    routes.on("GET", "/triggers/{triggerID}/occurrences", this, &OrchestrationApi::listOccurrences);
    if (m_version == 2)
        routes.on("POST", "/triggers/{triggerID}/test", this, &OrchestrationApi::testTrigger);
}

// v1: every row in {"data": [...]}; v2: a cursor page. spec builds the query from the list's
// parameters (taken from the request, or from the cursor that continues it).
static Reply listResponse(LedgerStore &store, int version, const Request &r, const QStringList &params,
                          const std::function<PageSpec(const QMap<QString, QString> &)> &spec,
                          const RowWriter &row) {
    if (version == 2) {
        auto cursor = listQuery(r, params);
        if (!cursor)
            return cursor.error();
        return pageResponse(store, cursor.value(), spec(cursor->query.params), row);
    }
    QMap<QString, QString> values;
    for (const QString &p : params)
        if (r.hasQuery(p))
            values.insert(p, r.queryValue(p));
    const PageSpec s = spec(values);
    QSqlQuery q = store.query(
        QStringLiteral("SELECT %1, %2 %3 ORDER BY %1 %4")
            .arg(s.keyExpr, s.columns, s.from, s.ascending ? QStringLiteral("ASC") : QStringLiteral("DESC")),
        s.binds);
    return dataResponse([&](Json::Writer &w) {
        w.beginArray();
        while (q.next())
            row(w, q);
        w.endArray();
    });
}

Reply OrchestrationApi::info(const Request &) {
    return infoResponse(m_context.versionOf(QStringLiteral("orchestration")));
}

// --- workflows ---

Reply OrchestrationApi::listWorkflows(const Request &r) {
    return listResponse(
        m_context.store, m_version, r, {},
        [](const QMap<QString, QString> &) {
            PageSpec s;
            s.from = QStringLiteral("FROM orchestration_workflows w WHERE w.deleted_at IS NULL");
            s.keyExpr = QStringLiteral("w.seq");
            s.keyIsInt = true;
            s.columns = QStringLiteral("w.id, w.config, w.created_at, w.updated_at");
            return s;
        },
        [](Json::Writer &w, const QSqlQuery &q) {
            OrchestrationJson::workflow(w, WorkflowRow{q.value(1).toString(), q.value(2).toString().toUtf8(),
                                                       q.value(3).toString(), q.value(4).toString()});
        });
}

Reply OrchestrationApi::createWorkflow(const Request &r) {
    auto config = WorkflowConfig::fromJson(r.body);
    if (!config)
        return config.error();
    WorkflowRow wf;
    wf.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    wf.config = config->toJson();
    wf.createdAt = wf.updatedAt = nowTime();
    m_store.insertWorkflow(wf);
    return dataResponse([&](Json::Writer &w) { OrchestrationJson::workflow(w, wf); }, 201);
}

Reply OrchestrationApi::getWorkflow(const Request &r) {
    const QString id = r.param(QStringLiteral("flowId"));
    auto wf = m_store.workflow(id);
    if (!wf)
        return notFound(QStringLiteral("workflow"), id);
    return dataResponse([&](Json::Writer &w) { OrchestrationJson::workflow(w, *wf); });
}

Reply OrchestrationApi::deleteWorkflow(const Request &r) {
    const QString id = r.param(QStringLiteral("flowId"));
    if (!m_store.deleteWorkflow(id, nowTime()))
        return notFound(QStringLiteral("workflow"), id);
    return Response::empty(204);
}

Reply OrchestrationApi::runWorkflow(const Request &r) {
    const QString id = r.param(QStringLiteral("flowId"));
    auto wait = boolParam(r, QStringLiteral("wait"));
    if (!wait)
        return wait.error();
    if (!m_store.workflow(id))
        return notFound(QStringLiteral("workflow"), id);
    auto body = parseBody(r.body, false);
    if (!body)
        return body.error();
    const Json::Value root = body.value()->root();
    Variables vars;
    if (!root.isNull()) {
        if (!root.isObject())
            return LedgerError::validation(QStringLiteral(
                "the body is the run's variables: an object of strings, e.g. {\"amount\": \"100\"}"));
        for (const auto &[k, v] : root.members()) {
            const QString name = QString::fromUtf8(k.data(), qsizetype(k.size()));
            if (!v.isString())
                return LedgerError::validation(QStringLiteral("variable '%1' must be a string").arg(name));
            vars.insert(name, v.toString());
        }
    }
    // The run goes as far as it can at once (send, update, elapsed delays); with wait=true the
    // reply is the same, since the sandbox never blocks a handler on an event or a timer: the
    // instance then comes back still running.
    auto inst = m_runner.start(id, vars);
    if (!inst)
        return inst.error();
    return dataResponse([&](Json::Writer &w) { OrchestrationJson::instance(w, inst.value()); }, 201);
}

// --- instances ---

Reply OrchestrationApi::listInstances(const Request &r) {
    auto running = boolParam(r, QStringLiteral("running"));
    if (!running)
        return running.error();
    OrchestrationStore *store = &m_store;
    return listResponse(
        m_context.store, m_version, r, {QStringLiteral("workflowID"), QStringLiteral("running")},
        [](const QMap<QString, QString> &params) {
            PageSpec s;
            s.from = QStringLiteral("FROM orchestration_instances i JOIN orchestration_workflows w"
                                    " ON w.id = i.workflow_id WHERE w.deleted_at IS NULL");
            if (params.contains(QStringLiteral("workflowID"))) {
                s.from += QStringLiteral(" AND i.workflow_id = ?");
                s.binds << params.value(QStringLiteral("workflowID"));
            }
            const QString running = params.value(QStringLiteral("running")).toLower();
            if (running == QLatin1String("true") || running == QLatin1String("1"))
                s.from += QStringLiteral(" AND i.terminated = 0");
            s.keyExpr = QStringLiteral("i.seq");
            s.keyIsInt = true;
            s.ascending = false; // newest first
            s.columns = QStringLiteral("i.id");
            return s;
        },
        [store](Json::Writer &w, const QSqlQuery &q) {
            if (auto inst = store->instance(q.value(1).toString()))
                OrchestrationJson::instance(w, *inst);
            else
                w.null();
        });
}

Reply OrchestrationApi::getInstance(const Request &r) {
    const QString id = r.param(QStringLiteral("instanceID"));
    auto inst = m_store.instance(id);
    if (!inst)
        return notFound(QStringLiteral("instance"), id);
    return dataResponse([&](Json::Writer &w) { OrchestrationJson::instance(w, *inst); });
}

Reply OrchestrationApi::sendEvent(const Request &r) {
    const QString id = r.param(QStringLiteral("instanceID"));
    auto body = parseBody(r.body, true);
    if (!body)
        return body.error();
    const Json::Value name = body.value()->root()["name"];
    if (!name.isString() || name.stringView().empty())
        return LedgerError::validation(QStringLiteral("name is required: {\"name\": \"event-name\"}"));
    auto done = m_runner.sendEvent(id, name.toString());
    if (!done)
        return done.error();
    return Response::empty(204);
}

Reply OrchestrationApi::abort(const Request &r) {
    auto done = m_runner.abort(r.param(QStringLiteral("instanceID")));
    if (!done)
        return done.error();
    return Response::empty(204);
}

Reply OrchestrationApi::instanceHistory(const Request &r) {
    const QString id = r.param(QStringLiteral("instanceID"));
    auto inst = m_store.instance(id);
    if (!inst)
        return notFound(QStringLiteral("instance"), id);
    return dataResponse([&](Json::Writer &w) { OrchestrationJson::instanceHistory(w, *inst); });
}

Reply OrchestrationApi::stageHistory(const Request &r) {
    const QString id = r.param(QStringLiteral("instanceID"));
    bool ok = false;
    const int number = r.param(QStringLiteral("number")).toInt(&ok);
    if (!ok || number < 0)
        return LedgerError::validation(QStringLiteral("the stage number must be an integer >= 0"));
    auto inst = m_store.instance(id);
    if (!inst)
        return notFound(QStringLiteral("instance"), id);
    bool started = false;
    for (const StageRow &s : inst->stages)
        started = started || s.stage == number;
    if (!started)
        return LedgerError::notFound(
            QStringLiteral("stage %1 of instance '%2' has not started (it has %3 started stages)")
                .arg(number)
                .arg(id)
                .arg(inst->stages.size()));
    const QList<ActivityRow> activities = m_store.activities(id, number);
    return dataResponse([&](Json::Writer &w) { OrchestrationJson::stageHistory(w, activities, m_version); });
}

// --- triggers ---

Reply OrchestrationApi::listTriggers(const Request &r) {
    return listResponse(
        m_context.store, m_version, r, {QStringLiteral("name")},
        [](const QMap<QString, QString> &params) {
            PageSpec s;
            s.from = QStringLiteral("FROM orchestration_triggers t WHERE t.deleted_at IS NULL");
            if (!params.value(QStringLiteral("name")).isEmpty()) {
                // "search by name": a part of it, any case.
                s.from += QStringLiteral(" AND instr(lower(coalesce(t.name, '')), lower(?)) > 0");
                s.binds << params.value(QStringLiteral("name"));
            }
            s.keyExpr = QStringLiteral("t.seq");
            s.keyIsInt = true;
            s.columns =
                QStringLiteral("t.id, t.name, t.event, t.workflow_id, t.filter, t.vars, t.created_at");
            return s;
        },
        [](Json::Writer &w, const QSqlQuery &q) {
            OrchestrationJson::trigger(w, TriggerRow{q.value(1).toString(), q.value(2).toString(),
                                                     q.value(3).toString(), q.value(4).toString(),
                                                     q.value(5).toString(), q.value(6).toString().toUtf8(),
                                                     q.value(7).toString()});
        });
}

Reply OrchestrationApi::createTrigger(const Request &r) {
    auto t = m_triggers.create(r.body);
    if (!t)
        return t.error();
    return dataResponse([&](Json::Writer &w) { OrchestrationJson::trigger(w, t.value()); }, 201);
}

Reply OrchestrationApi::readTrigger(const Request &r) {
    const QString id = r.param(QStringLiteral("triggerID"));
    auto t = m_store.trigger(id);
    if (!t)
        return notFound(QStringLiteral("trigger"), id);
    return dataResponse([&](Json::Writer &w) { OrchestrationJson::trigger(w, *t); });
}

Reply OrchestrationApi::deleteTrigger(const Request &r) {
    const QString id = r.param(QStringLiteral("triggerID"));
    if (!m_store.deleteTrigger(id, nowTime()))
        return notFound(QStringLiteral("trigger"), id);
    return Response::empty(204);
}

Reply OrchestrationApi::listOccurrences(const Request &r) {
    const QString id = r.param(QStringLiteral("triggerID"));
    if (!m_store.trigger(id))
        return notFound(QStringLiteral("trigger"), id);
    OrchestrationStore *store = &m_store;
    return listResponse(
        m_context.store, m_version, r, {},
        [id](const QMap<QString, QString> &) {
            PageSpec s;
            s.from = QStringLiteral("FROM orchestration_occurrences o WHERE o.trigger_id = ?");
            s.binds << id;
            s.keyExpr = QStringLiteral("o.seq");
            s.keyIsInt = true;
            s.ascending = false; // newest first
            s.columns = QStringLiteral("o.trigger_id, o.date, o.event, o.instance_id, o.error");
            return s;
        },
        [store](Json::Writer &w, const QSqlQuery &q) {
            const OccurrenceRow o{q.value(1).toString(), q.value(2).toString(), q.value(4).toString(),
                                  q.value(5).toString(), q.value(3).toString().toUtf8()};
            std::optional<InstanceRow> inst;
            if (!o.instanceId.isEmpty())
                inst = store->instance(o.instanceId);
            OrchestrationJson::occurrence(w, o, inst);
        });
}

Reply OrchestrationApi::testTrigger(const Request &r) {
    auto result = m_triggers.test(r.param(QStringLiteral("triggerID")), r.body);
    if (!result)
        return result.error();
    return dataResponse([&](Json::Writer &w) {
        w.beginObject();
        w.key("filter");
        w.beginObject();
        w.key("match");
        w.value(result->match);
        if (!result->filterError.isEmpty()) {
            w.key("error");
            w.value(result->filterError);
        }
        w.endObject();
        w.key("variables");
        w.beginObject();
        for (const auto &[name, value] : result->variables) {
            w.key(name);
            w.beginObject();
            if (value) {
                w.key("value");
                w.value(value.value());
            } else {
                w.key("error");
                w.value(value.error().message);
            }
            w.endObject();
        }
        w.endObject();
        w.endObject();
    });
}

} // namespace Formance::Sandbox
