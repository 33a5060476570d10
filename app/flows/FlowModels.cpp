#include "FlowModels.h"

#include "core/CallHolder.h"
#include "core/ListSupport.h"
#include "core/Session.h"
#include <Formance/Client.h>
#include <Formance/orchestration/v1/OrchestrationV1Api.h>
#include <Formance/orchestration/v2/OrchestrationV2Api.h>

using namespace Formance;
namespace V1 = Formance::Orchestration::V1;
namespace V2 = Formance::Orchestration::V2;

namespace {
// Workflows are few: the instances and triggers lists name them from one page of this size.
constexpr qint64 kLookupPage = 1000;

QStringList kindsOf(const Flows::WorkflowInfo &w) {
    QStringList kinds;
    for (const QString &s : w.stages)
        kinds << FlowStage::fromJson(s.toUtf8()).kind;
    return kinds;
}
} // namespace

// A list loaded before getVersions answered asked v2 (the default); once the stack says it runs
// orchestration v1, it loads again.
static void followApiVersion(PagedListModel *model) {
    QObject::connect(model, &PagedListModel::sessionChanged, model, [model] {
        if (Session *session = model->session())
            QObject::connect(session, &Session::servicesChanged, model, [model] {
                if (Flows::apiFor(model->session()) == Flows::Api::V1)
                    model->reload();
            });
    });
}

// ---- WorkflowsModel

WorkflowsModel::WorkflowsModel(QObject *parent)
    : PagedListModel(parent)
    , m_countCall(new CallHolder(this)) {
    followApiVersion(this);
}

void WorkflowsModel::requestPage(const std::optional<QString> &cursor) {
    auto onBody = [this](const auto &body) {
        const auto &items = Flows::itemsOf(body);
        const auto next = Flows::nextOf(body);
        pageLoaded(next, next.has_value(), [&] {
            if (items.isEmpty())
                return;
            beginInsertRows({}, count(), count() + int(items.size()) - 1);
            for (const auto &w : items)
                m_rows.append(Flows::workflowInfo(w));
            endInsertRows();
        });
        loadCounts();
    };
    auto &api = session()->client()->orchestration();
    if (Flows::apiFor(session()) == Flows::Api::V2) {
        V2::V2ListWorkflowsRequest request;
        request.cursor = cursor;
        request.pageSize = pageSize();
        startCall(api.v2().listWorkflows(request), onBody);
    } else {
        startCall(api.v1().listWorkflows(), onBody);
    }
}

void WorkflowsModel::loadCounts() {
    auto onBody = [this](const auto &body) {
        QHash<QString, const Flows::WorkflowInfo *> byId;
        for (const auto &w : m_rows)
            byId.insert(w.id, &w);
        m_counts.clear();
        for (const auto &i : Flows::itemsOf(body)) {
            const Flows::InstanceInfo info = Flows::instanceInfo(i);
            const auto state = Flows::stateOf(info, byId.value(info.workflowId));
            ++m_counts[info.workflowId][state.status];
        }
        if (count() > 0)
            emit dataChanged(
                index(0), index(count() - 1),
                {RunningRole, WaitingRole, SucceededRole, FailedRole, CanceledRole, CountsTextRole});
    };
    auto &api = session()->client()->orchestration();
    if (Flows::apiFor(session()) == Flows::Api::V2) {
        V2::V2ListInstancesRequest request;
        request.pageSize = kLookupPage;
        m_countCall->start(api.v2().listInstances(request), onBody);
    } else {
        m_countCall->start(api.v1().listInstances(), onBody);
    }
}

QVariant WorkflowsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Flows::WorkflowInfo &w = m_rows.at(index.row());
    const auto counts = m_counts.value(w.id);
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return w.name.isEmpty() ? tr("(unnamed)") : w.name;
    case IdRole:
        return w.id;
    case StageCountRole:
        return int(w.stages.size());
    case StagesTextRole:
        return kindsOf(w).join(QStringLiteral(" → "));
    case StagesRole:
        return w.stages;
    case CreatedAtRole:
        return ListSupport::localTimeText(w.createdAt);
    case RunningRole:
        return counts.value(QStringLiteral("running"));
    case WaitingRole:
        return counts.value(QStringLiteral("waiting"));
    case SucceededRole:
        return counts.value(QStringLiteral("succeeded"));
    case FailedRole:
        return counts.value(QStringLiteral("failed"));
    case CanceledRole:
        return counts.value(QStringLiteral("canceled"));
    case CountsTextRole: {
        QStringList parts;
        const std::pair<const char *, QString> order[] = {{"running", tr("%1 running")},
                                                          {"waiting", tr("%1 waiting")},
                                                          {"succeeded", tr("%1 succeeded")},
                                                          {"failed", tr("%1 failed")},
                                                          {"canceled", tr("%1 canceled")}};
        for (const auto &[key, text] : order)
            if (const int n = counts.value(QLatin1String(key)); n > 0)
                parts << text.arg(n);
        return parts.isEmpty() ? tr("no instances") : parts.join(QStringLiteral(" · "));
    }
    }
    return {};
}

QHash<int, QByteArray> WorkflowsModel::roleNames() const {
    return {{IdRole, "workflowId"},         {NameRole, "name"},
            {StageCountRole, "stageCount"}, {StagesTextRole, "stagesText"},
            {CreatedAtRole, "createdAt"},   {RunningRole, "running"},
            {WaitingRole, "waiting"},       {SucceededRole, "succeeded"},
            {FailedRole, "failed"},         {CanceledRole, "canceled"},
            {CountsTextRole, "countsText"}, {StagesRole, "stages"}};
}

// ---- InstancesModel

InstancesModel::InstancesModel(QObject *parent)
    : PagedListModel(parent) {
    followApiVersion(this);
}

void InstancesModel::setWorkflowFilter(const QString &id) {
    if (id == m_workflowFilter)
        return;
    m_workflowFilter = id;
    emit filterChanged();
    scheduleReload();
}

void InstancesModel::setStatusFilter(const QString &status) {
    if (status == m_statusFilter)
        return;
    m_statusFilter = status;
    emit filterChanged();
    scheduleReload();
}

QString InstancesModel::statusText(const QString &status) {
    if (status == QLatin1String("running"))
        return tr("Running");
    if (status == QLatin1String("waiting"))
        return tr("Waiting for an event");
    if (status == QLatin1String("succeeded"))
        return tr("Succeeded");
    if (status == QLatin1String("failed"))
        return tr("Failed");
    if (status == QLatin1String("canceled"))
        return tr("Canceled");
    return status;
}

void InstancesModel::requestPage(const std::optional<QString> &cursor) {
    if (cursor) {
        requestInstances(cursor);
        return;
    }
    // The first page: the workflows first, to name them and to tell a wait from a run.
    auto onBody = [this](const auto &body) {
        m_workflows.clear();
        for (const auto &w : Flows::itemsOf(body)) {
            Flows::WorkflowInfo info = Flows::workflowInfo(w);
            m_workflows.insert(info.id, info);
        }
        requestInstances(std::nullopt);
    };
    auto &api = session()->client()->orchestration();
    if (Flows::apiFor(session()) == Flows::Api::V2) {
        V2::V2ListWorkflowsRequest request;
        request.pageSize = kLookupPage;
        startCall(api.v2().listWorkflows(request), onBody);
    } else {
        startCall(api.v1().listWorkflows(), onBody);
    }
}

template <class Body> void InstancesModel::appendInstances(const Body &body) {
    QList<Row> rows;
    for (const auto &i : Flows::itemsOf(body)) {
        Row row{Flows::instanceInfo(i), {}};
        const auto wf = m_workflows.constFind(row.info.workflowId);
        row.state = Flows::stateOf(row.info, wf == m_workflows.cend() ? nullptr : &*wf);
        if (m_statusFilter.isEmpty() || row.state.status == m_statusFilter)
            rows.append(row);
    }
    // Newest first, as the other lists of the app.
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row &a, const Row &b) { return a.info.createdAt > b.info.createdAt; });
    const auto next = Flows::nextOf(body);
    pageLoaded(next, next.has_value(), [&] {
        if (rows.isEmpty())
            return;
        beginInsertRows({}, count(), count() + int(rows.size()) - 1);
        m_rows.append(rows);
        endInsertRows();
    });
}

void InstancesModel::requestInstances(const std::optional<QString> &cursor) {
    auto &api = session()->client()->orchestration();
    const std::optional<QString> workflow =
        m_workflowFilter.isEmpty() ? std::nullopt : std::optional<QString>(m_workflowFilter);
    // The API filters running instances itself; the other statuses are told apart here.
    const bool runningOnly =
        m_statusFilter == QLatin1String("running") || m_statusFilter == QLatin1String("waiting");
    if (Flows::apiFor(session()) == Flows::Api::V2) {
        V2::V2ListInstancesRequest request;
        request.cursor = cursor;
        request.pageSize = pageSize();
        request.workflowID = workflow;
        if (runningOnly)
            request.running = true;
        startCall(api.v2().listInstances(request), [this](const auto &body) { appendInstances(body); });
    } else {
        V1::ListInstancesRequest request;
        request.workflowID = workflow;
        if (runningOnly)
            request.running = true;
        startCall(api.v1().listInstances(request), [this](const auto &body) { appendInstances(body); });
    }
}

QVariant InstancesModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case IdRole:
        return row.info.id;
    case WorkflowIdRole:
        return row.info.workflowId;
    case WorkflowNameRole: {
        const QString name = m_workflows.value(row.info.workflowId).name;
        return name.isEmpty() ? row.info.workflowId : name;
    }
    case StatusRole:
        return row.state.status;
    case StatusTextRole:
        return statusText(row.state.status);
    case DetailRole:
        return row.state.detail;
    case CreatedAtRole:
        return ListSupport::localTimeText(row.info.createdAt);
    case EndedAtRole:
        return row.info.terminatedAt ? ListSupport::localTimeText(*row.info.terminatedAt) : QString();
    case StageTextRole: {
        const int total = int(m_workflows.value(row.info.workflowId).stages.size());
        return tr("%1 of %2").arg(row.info.stages.size()).arg(total);
    }
    }
    return {};
}

QHash<int, QByteArray> InstancesModel::roleNames() const {
    return {{IdRole, "instanceId"},       {WorkflowIdRole, "workflowId"}, {WorkflowNameRole, "workflowName"},
            {StatusRole, "status"},       {StatusTextRole, "statusText"}, {DetailRole, "detail"},
            {CreatedAtRole, "createdAt"}, {EndedAtRole, "endedAt"},       {StageTextRole, "stageText"}};
}

// ---- TriggersModel

TriggersModel::TriggersModel(QObject *parent)
    : PagedListModel(parent) {
    followApiVersion(this);
}

void TriggersModel::requestPage(const std::optional<QString> &cursor) {
    if (cursor) {
        requestTriggers(cursor);
        return;
    }
    auto onBody = [this](const auto &body) {
        m_workflowNames.clear();
        for (const auto &w : Flows::itemsOf(body))
            m_workflowNames.insert(w.id, w.config.name.value_or(QString()));
        requestTriggers(std::nullopt);
    };
    auto &api = session()->client()->orchestration();
    if (Flows::apiFor(session()) == Flows::Api::V2) {
        V2::V2ListWorkflowsRequest request;
        request.pageSize = kLookupPage;
        startCall(api.v2().listWorkflows(request), onBody);
    } else {
        startCall(api.v1().listWorkflows(), onBody);
    }
}

void TriggersModel::requestTriggers(const std::optional<QString> &cursor) {
    auto onBody = [this](const auto &body) {
        const auto &items = Flows::itemsOf(body);
        const auto next = Flows::nextOf(body);
        pageLoaded(next, next.has_value(), [&] {
            if (items.isEmpty())
                return;
            beginInsertRows({}, count(), count() + int(items.size()) - 1);
            for (const auto &t : items)
                m_rows.append(Flows::triggerInfo(t));
            endInsertRows();
        });
    };
    auto &api = session()->client()->orchestration();
    if (Flows::apiFor(session()) == Flows::Api::V2) {
        V2::V2ListTriggersRequest request;
        request.cursor = cursor;
        request.pageSize = pageSize();
        startCall(api.v2().listTriggers(request), onBody);
    } else {
        startCall(api.v1().listTriggers(), onBody);
    }
}

QVariant TriggersModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Flows::TriggerInfo &t = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return t.name.isEmpty() ? t.id : t.name;
    case IdRole:
        return t.id;
    case EventRole:
        return t.event;
    case WorkflowIdRole:
        return t.workflowId;
    case WorkflowNameRole: {
        const QString name = m_workflowNames.value(t.workflowId);
        return name.isEmpty() ? t.workflowId : name;
    }
    case FilterRole:
        return t.filter;
    case VarsTextRole:
        return QString::fromUtf8(t.vars);
    case CreatedAtRole:
        return ListSupport::localTimeText(t.createdAt);
    }
    return {};
}

QHash<int, QByteArray> TriggersModel::roleNames() const {
    return {{IdRole, "triggerId"},
            {NameRole, "name"},
            {EventRole, "event"},
            {WorkflowIdRole, "workflowId"},
            {WorkflowNameRole, "workflowName"},
            {FilterRole, "filter"},
            {VarsTextRole, "varsText"},
            {CreatedAtRole, "createdAt"}};
}

// ---- OccurrencesModel

OccurrencesModel::OccurrencesModel(QObject *parent)
    : PagedListModel(parent) {
    followApiVersion(this);
}

void OccurrencesModel::setTriggerId(const QString &id) {
    if (id == m_triggerId)
        return;
    m_triggerId = id;
    emit triggerIdChanged();
    scheduleReload();
}

bool OccurrencesModel::ready() const {
    return PagedListModel::ready() && !m_triggerId.isEmpty();
}

void OccurrencesModel::requestPage(const std::optional<QString> &cursor) {
    auto onBody = [this](const auto &body) {
        const auto &items = Flows::itemsOf(body);
        const auto next = Flows::nextOf(body);
        pageLoaded(next, next.has_value(), [&] {
            if (items.isEmpty())
                return;
            beginInsertRows({}, count(), count() + int(items.size()) - 1);
            for (const auto &o : items) {
                Row row{o.date,
                        o.workflowInstanceID.value_or(QString()),
                        {},
                        o.error.value_or(QString()),
                        QString::fromUtf8(o.event.json())};
                if (o.workflowInstance)
                    row.status = Flows::stateOf(Flows::instanceInfo(*o.workflowInstance), nullptr).status;
                m_rows.append(row);
            }
            endInsertRows();
        });
    };
    auto &api = session()->client()->orchestration();
    if (Flows::apiFor(session()) == Flows::Api::V2) {
        V2::V2ListTriggersOccurrencesRequest request;
        request.triggerID = m_triggerId;
        request.cursor = cursor;
        request.pageSize = pageSize();
        startCall(api.v2().listTriggersOccurrences(request), onBody);
    } else {
        V1::ListTriggersOccurrencesRequest request;
        request.triggerID = m_triggerId;
        startCall(api.v1().listTriggersOccurrences(request), onBody);
    }
}

QVariant OccurrencesModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case DateRole:
        return ListSupport::localTimeText(row.date);
    case InstanceIdRole:
        return row.instanceId;
    case StatusRole:
        return row.instanceId.isEmpty() ? tr("Not started") : InstancesModel::statusText(row.status);
    case ErrorRole:
        return row.error;
    case EventRole:
        return row.event;
    }
    return {};
}

QHash<int, QByteArray> OccurrencesModel::roleNames() const {
    return {{DateRole, "date"},
            {InstanceIdRole, "instanceId"},
            {StatusRole, "status"},
            {ErrorRole, "error"},
            {EventRole, "event"}};
}
