#include "OrchestrationStore.h"

#include "core/SqlRows.h"
#include "ledger/LedgerStore.h"

#include <Formance/json/JsonDocument.h>
#include <Formance/json/JsonWriter.h>

#include <QSqlQuery>

namespace Formance::Sandbox {

namespace {

QByteArray variablesJson(const Variables &vars) {
    Json::Writer w;
    w.beginObject();
    for (auto it = vars.cbegin(); it != vars.cend(); ++it) {
        w.key(it.key());
        w.value(it.value());
    }
    w.endObject();
    return w.take();
}

Variables variablesFrom(const QByteArray &json) {
    Variables vars;
    const auto doc = Json::Document::parse(json);
    if (!doc)
        return vars;
    for (const auto &[k, v] : doc->root().members())
        vars.insert(QString::fromUtf8(k.data(), qsizetype(k.size())), v.toString());
    return vars;
}

QVariant textOrNull(const QString &s) {
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

} // namespace

OrchestrationStore::OrchestrationStore(LedgerStore &store)
    : m_store(store) {
    // seq orders lists (keyset pages) in creation order; ids are the API's UUIDs.
    const char *const ddl[] = {
        "CREATE TABLE IF NOT EXISTS orchestration_workflows (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
        " id TEXT NOT NULL UNIQUE, config TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
        " deleted_at TEXT)",
        "CREATE TABLE IF NOT EXISTS orchestration_instances (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
        " id TEXT NOT NULL UNIQUE, workflow_id TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT "
        "NULL,"
        " terminated INTEGER NOT NULL DEFAULT 0, terminated_at TEXT, error TEXT, variables TEXT NOT NULL,"
        " next_stage INTEGER NOT NULL DEFAULT 0, waiting_event TEXT, delay_until TEXT,"
        " depth INTEGER NOT NULL DEFAULT 0)",
        "CREATE INDEX IF NOT EXISTS orchestration_instances_wf ON orchestration_instances (workflow_id, seq)",
        "CREATE TABLE IF NOT EXISTS orchestration_stages (instance_id TEXT NOT NULL, stage INTEGER NOT NULL,"
        " name TEXT NOT NULL, input TEXT NOT NULL, started_at TEXT NOT NULL, terminated_at TEXT, error TEXT,"
        " PRIMARY KEY (instance_id, stage))",
        "CREATE TABLE IF NOT EXISTS orchestration_activities (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
        " instance_id TEXT NOT NULL, stage INTEGER NOT NULL, name TEXT NOT NULL, input TEXT NOT NULL,"
        " output TEXT, error TEXT, started_at TEXT NOT NULL, terminated_at TEXT)",
        "CREATE INDEX IF NOT EXISTS orchestration_activities_stage ON orchestration_activities"
        " (instance_id, stage, seq)",
        "CREATE TABLE IF NOT EXISTS orchestration_triggers (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
        " id TEXT NOT NULL UNIQUE, name TEXT, event TEXT NOT NULL, workflow_id TEXT NOT NULL, filter TEXT,"
        " vars TEXT, created_at TEXT NOT NULL, deleted_at TEXT)",
        "CREATE TABLE IF NOT EXISTS orchestration_occurrences (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
        " trigger_id TEXT NOT NULL, date TEXT NOT NULL, event TEXT NOT NULL, instance_id TEXT, error TEXT)",
        "CREATE INDEX IF NOT EXISTS orchestration_occurrences_trigger ON orchestration_occurrences"
        " (trigger_id, seq)",
    };
    for (const char *sql : ddl)
        m_store.query(QString::fromLatin1(sql));
}

bool OrchestrationStore::isEmpty() {
    QSqlQuery q = m_store.query(QStringLiteral("SELECT (SELECT COUNT(*) FROM orchestration_workflows) +"
                                               " (SELECT COUNT(*) FROM orchestration_triggers)"));
    return q.next() && q.value(0).toLongLong() == 0;
}

void OrchestrationStore::insertWorkflow(const WorkflowRow &w) {
    m_store.query(QStringLiteral("INSERT INTO orchestration_workflows (id, config, created_at, updated_at)"
                                 " VALUES (?, ?, ?, ?)"),
                  {w.id, QString::fromUtf8(w.config), w.createdAt, w.updatedAt});
}

std::optional<WorkflowRow> OrchestrationStore::workflow(const QString &id, bool includeDeleted) {
    QSqlQuery q =
        m_store.query(QStringLiteral("SELECT id, config, created_at, updated_at FROM"
                                     " orchestration_workflows WHERE id = ?%1")
                          .arg(includeDeleted ? QString() : QStringLiteral(" AND deleted_at IS NULL")),
                      {id});
    if (!q.next())
        return std::nullopt;
    return WorkflowRow{q.value(0).toString(), q.value(1).toString().toUtf8(), q.value(2).toString(),
                       q.value(3).toString()};
}

bool OrchestrationStore::deleteWorkflow(const QString &id, const QString &at) {
    QSqlQuery q =
        m_store.query(QStringLiteral("UPDATE orchestration_workflows SET deleted_at = ?, updated_at = ?"
                                     " WHERE id = ? AND deleted_at IS NULL"),
                      {at, at, id});
    return q.numRowsAffected() > 0;
}

void OrchestrationStore::insertInstance(const InstanceRow &i) {
    m_store.query(
        QStringLiteral("INSERT INTO orchestration_instances (id, workflow_id, created_at, updated_at,"
                       " variables, depth) VALUES (?, ?, ?, ?, ?, ?)"),
        {i.id, i.workflowId, i.createdAt, i.updatedAt, QString::fromUtf8(variablesJson(i.variables)),
         i.depth});
}

std::optional<InstanceRow> OrchestrationStore::instance(const QString &id) {
    QSqlQuery q = m_store.query(
        QStringLiteral("SELECT id, workflow_id, created_at, updated_at, terminated, terminated_at, error,"
                       " variables, next_stage, waiting_event, delay_until, depth"
                       " FROM orchestration_instances WHERE id = ?"),
        {id});
    if (!q.next())
        return std::nullopt;
    InstanceRow i;
    QByteArray variables;
    SqlRows::readColumns(q, 0, i.id, i.workflowId, i.createdAt, i.updatedAt, i.terminated, i.terminatedAt,
                         i.error, variables, i.nextStage, i.waitingEvent, i.delayUntil, i.depth);
    i.variables = variablesFrom(variables);
    QSqlQuery s =
        m_store.query(QStringLiteral("SELECT stage, name, input, started_at, terminated_at, error"
                                     " FROM orchestration_stages WHERE instance_id = ? ORDER BY stage"),
                      {id});
    while (s.next())
        i.stages.append(StageRow{s.value(0).toInt(), s.value(1).toString(), s.value(2).toString().toUtf8(),
                                 s.value(3).toString(), s.value(4).toString(), s.value(5).toString()});
    return i;
}

void OrchestrationStore::saveInstance(const InstanceRow &i) {
    m_store.query(
        QStringLiteral("UPDATE orchestration_instances SET updated_at = ?, terminated = ?,"
                       " terminated_at = ?, error = ?, next_stage = ?, waiting_event = ?, delay_until = ?"
                       " WHERE id = ?"),
        {i.updatedAt, i.terminated ? 1 : 0, textOrNull(i.terminatedAt), textOrNull(i.error), i.nextStage,
         textOrNull(i.waitingEvent), textOrNull(i.delayUntil), i.id});
}

QList<QString> OrchestrationStore::instancesWaitingOnDelay() {
    QList<QString> ids;
    QSqlQuery q = m_store.query(QStringLiteral("SELECT id FROM orchestration_instances WHERE terminated = 0"
                                               " AND coalesce(delay_until, '') != '' ORDER BY seq"));
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

void OrchestrationStore::upsertStage(const QString &instanceId, const StageRow &s) {
    m_store.query(
        QStringLiteral("INSERT OR REPLACE INTO orchestration_stages (instance_id, stage, name, input,"
                       " started_at, terminated_at, error) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {instanceId, s.stage, s.name, QString::fromUtf8(s.input), s.startedAt, textOrNull(s.terminatedAt),
         textOrNull(s.error)});
}

void OrchestrationStore::insertActivity(const QString &instanceId, int stage, const ActivityRow &a) {
    m_store.query(
        QStringLiteral("INSERT INTO orchestration_activities (instance_id, stage, name, input, output,"
                       " error, started_at, terminated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {instanceId, stage, a.name, QString::fromUtf8(a.input),
         a.output.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                            : QVariant(QString::fromUtf8(a.output)),
         textOrNull(a.error), a.startedAt, textOrNull(a.terminatedAt)});
}

QList<ActivityRow> OrchestrationStore::activities(const QString &instanceId, int stage) {
    QList<ActivityRow> out;
    QSqlQuery q =
        m_store.query(QStringLiteral("SELECT name, input, output, error, started_at, terminated_at"
                                     " FROM orchestration_activities WHERE instance_id = ? AND stage = ?"
                                     " ORDER BY seq"),
                      {instanceId, stage});
    while (q.next())
        out.append(ActivityRow{q.value(0).toString(), q.value(1).toString().toUtf8(),
                               q.value(2).toString().toUtf8(), q.value(3).toString(), q.value(4).toString(),
                               q.value(5).toString()});
    return out;
}

void OrchestrationStore::insertTrigger(const TriggerRow &t) {
    m_store.query(
        QStringLiteral("INSERT INTO orchestration_triggers (id, name, event, workflow_id, filter, vars,"
                       " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {t.id, textOrNull(t.name), t.event, t.workflowId, textOrNull(t.filter),
         textOrNull(QString::fromUtf8(t.vars)), t.createdAt});
}

static TriggerRow readTrigger(const QSqlQuery &q) {
    return TriggerRow{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                      q.value(3).toString(), q.value(4).toString(), q.value(5).toString().toUtf8(),
                      q.value(6).toString()};
}

std::optional<TriggerRow> OrchestrationStore::trigger(const QString &id) {
    QSqlQuery q =
        m_store.query(QStringLiteral("SELECT id, name, event, workflow_id, filter, vars, created_at"
                                     " FROM orchestration_triggers WHERE id = ? AND deleted_at IS NULL"),
                      {id});
    if (!q.next())
        return std::nullopt;
    return readTrigger(q);
}

bool OrchestrationStore::deleteTrigger(const QString &id, const QString &at) {
    QSqlQuery q = m_store.query(
        QStringLiteral(
            "UPDATE orchestration_triggers SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL"),
        {at, id});
    return q.numRowsAffected() > 0;
}

QList<TriggerRow> OrchestrationStore::triggersFor(const QString &type, const QString &qualifiedType) {
    QList<TriggerRow> out;
    QSqlQuery q = m_store.query(QStringLiteral("SELECT id, name, event, workflow_id, filter, vars, created_at"
                                               " FROM orchestration_triggers WHERE (event = ? OR event = ?)"
                                               " AND deleted_at IS NULL ORDER BY seq"),
                                {type, qualifiedType});
    while (q.next())
        out.append(readTrigger(q));
    return out;
}

void OrchestrationStore::insertOccurrence(const OccurrenceRow &o) {
    m_store.query(
        QStringLiteral("INSERT INTO orchestration_occurrences (trigger_id, date, event, instance_id, error)"
                       " VALUES (?, ?, ?, ?, ?)"),
        {o.triggerId, o.date, QString::fromUtf8(o.event), textOrNull(o.instanceId), textOrNull(o.error)});
}

} // namespace Formance::Sandbox
