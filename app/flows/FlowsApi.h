// The one place the flows screens choose their orchestration API: v2 (/api/orchestration/v2),
// which orchestration has from its v2.0, or v1 (/api/orchestration) when the stack reports an
// orchestration v1.x. The two versions' models have the same fields, so the flows code reads
// either through the templates here into one shape (WorkflowInfo, InstanceInfo, TriggerInfo).
#pragma once

#include "FlowStage.h"
#include <Formance/Timestamp.h>
#include <Formance/json/JsonAny.h>

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class Session;

namespace Flows {

enum class Api { V1, V2 };
// From the orchestration version getVersions reported ("v1.0.5" → V1; "v2.2.0", unknown → V2).
Api apiForVersion(const QString &version);
Api apiFor(const Session *session);

struct WorkflowInfo {
    QString id, name;
    QStringList stages; // each stage's JSON, exact
    Formance::Timestamp createdAt;
};

struct StageStatus {
    int stage = 0;
    Formance::Timestamp startedAt;
    std::optional<Formance::Timestamp> terminatedAt;
    QString error;
};

struct InstanceInfo {
    QString id, workflowId;
    Formance::Timestamp createdAt, updatedAt;
    bool terminated = false;
    std::optional<Formance::Timestamp> terminatedAt;
    QString error;
    QList<StageStatus> stages;
};

// An instance's state as the screens name it: "running", "waiting" (for an event), "succeeded",
// "failed", "canceled"; with the workflow (may be null) a running one that waits on an event or a
// delay says so in `detail` ("waits for “approved”", "wakes up at …").
struct InstanceState {
    QString status;
    QString detail;
    QDateTime wakeUp; // a delay's end
    int currentStage = -1;
};
InstanceState stateOf(const InstanceInfo &instance, const WorkflowInfo *workflow);
// The states per stage for the graph ("done", "running", "waiting", "failed").
QStringList stageStates(const InstanceInfo &instance, const WorkflowInfo *workflow);

struct TriggerInfo {
    QString id, name, event, workflowId, filter;
    QByteArray vars; // JSON object, or empty
    Formance::Timestamp createdAt;
};

template <class W> WorkflowInfo workflowInfo(const W &w) {
    WorkflowInfo info{w.id, w.config.name.value_or(QString()), {}, w.createdAt};
    for (const auto &stage : w.config.stages)
        info.stages << QString::fromUtf8(stage.json());
    return info;
}

template <class I> InstanceInfo instanceInfo(const I &i) {
    InstanceInfo info{i.id,
                      i.workflowID,
                      i.createdAt,
                      i.updatedAt,
                      i.terminated,
                      i.terminatedAt,
                      i.error.value_or(QString()),
                      {}};
    if (i.status)
        for (const auto &s : *i.status)
            info.stages.append(
                StageStatus{int(s.stage), s.startedAt, s.terminatedAt, s.error.value_or(QString())});
    return info;
}

template <class T> TriggerInfo triggerInfo(const T &t) {
    return TriggerInfo{t.id,         t.name.value_or(QString()),   t.event,
                       t.workflowID, t.filter.value_or(QString()), t.vars ? t.vars->json() : QByteArray(),
                       t.createdAt};
}

// A list answer's items: v2 pages are {cursor: {data}}, v1 lists {data}.
template <class Body> const auto &itemsOf(const Body &body) {
    if constexpr (requires { body.cursor.data; })
        return body.cursor.data;
    else
        return body.data;
}
template <class Body> std::optional<QString> nextOf(const Body &body) {
    if constexpr (requires { body.cursor.next; })
        return body.cursor.hasMore ? body.cursor.next : std::nullopt;
    else
        return std::nullopt;
}

} // namespace Flows
