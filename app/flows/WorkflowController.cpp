#include "WorkflowController.h"

#include "core/CallGroup.h"
#include "core/ListSupport.h"
#include <Formance/Client.h>
#include <Formance/json/JsonWriter.h>
#include <Formance/orchestration/v1/OrchestrationV1Api.h>
#include <Formance/orchestration/v2/OrchestrationV2Api.h>

using namespace Formance;
namespace V1 = Formance::Orchestration::V1;
namespace V2 = Formance::Orchestration::V2;

namespace {
constexpr int kDefaultRefreshMs = 1500;

template <class M> QByteArray jsonOf(const M &model) {
    Json::Writer w;
    model.toJson(w);
    return w.take();
}

qint64 msBetween(const Timestamp &a, const std::optional<Timestamp> &b) {
    if (!b || a.isNull() || b->isNull())
        return -1;
    return (b->secsSinceEpoch() - a.secsSinceEpoch()) * 1000 + (b->nanos() - a.nanos()) / 1000000;
}
} // namespace

QString FlowText::indentJson(const QByteArray &compact) {
    QString out;
    int depth = 0;
    bool inString = false, escaped = false;
    const QString text = QString::fromUtf8(compact);
    auto newline = [&] { out += u'\n' + QString(depth * 2, u' '); };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == u'\\')
                escaped = true;
            else if (c == u'"')
                inString = false;
            continue;
        }
        switch (c.unicode()) {
        case '"':
            inString = true;
            out += c;
            break;
        case '{':
        case '[': {
            const QChar close = c == u'{' ? u'}' : u']';
            if (i + 1 < text.size() && text[i + 1] == close) { // {} and [] stay on one line
                out += c;
                out += close;
                ++i;
                break;
            }
            out += c;
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            --depth;
            newline();
            out += c;
            break;
        case ',':
            out += c;
            newline();
            break;
        case ':':
            out += QStringLiteral(": ");
            break;
        default:
            if (!c.isSpace())
                out += c;
        }
    }
    return out;
}

// ---- WorkflowController

WorkflowController::WorkflowController(QObject *parent)
    : Controller(parent) {}

void WorkflowController::setWorkflowId(const QString &id) {
    if (id == m_workflowId)
        return;
    m_workflowId = id;
    call()->cancel();
    call()->clearError();
    m_loaded = false;
    m_info = {};
    m_configText.clear();
    m_variables.clear();
    m_startedInstance.clear();
    emit workflowIdChanged();
    emit stateChanged();
}

QString WorkflowController::createdAt() const {
    return ListSupport::localTimeText(m_info.createdAt);
}

void WorkflowController::show(const Flows::WorkflowInfo &info) {
    m_info = info;
    m_loaded = true;
    Json::Writer w;
    w.beginObject();
    w.key("name");
    w.value(info.name);
    w.key("stages");
    w.beginArray();
    for (const QString &s : info.stages)
        w.rawJson(s.toUtf8());
    w.endArray();
    w.endObject();
    m_configText = FlowText::indentJson(w.take());
    m_variables = FlowText::variablesIn(info.stages.join(u','));
}

void WorkflowController::load() {
    if (!client() || m_workflowId.isEmpty()) {
        call()->setError(tr("No workflow selected."));
        return;
    }
    auto onBody = [this](const auto &body) {
        show(Flows::workflowInfo(body.data));
        emit stateChanged();
    };
    auto failed = [this](const QString &) { emit stateChanged(); };
    auto &api = client()->orchestration();
    if (Flows::apiFor(session()) == Flows::Api::V2)
        call()->start(api.v2().getWorkflow({.flowId = m_workflowId}), onBody, failed);
    else
        call()->start(api.v1().getWorkflow({.flowId = m_workflowId}), onBody, failed);
}

void WorkflowController::remove() {
    if (!checkWritable() || m_workflowId.isEmpty())
        return;
    const QString id = m_workflowId;
    auto done = [this, id](const auto &) {
        m_loaded = false;
        emit stateChanged();
        emit removed(id);
    };
    auto &api = client()->orchestration();
    if (Flows::apiFor(session()) == Flows::Api::V2)
        call()->start(api.v2().deleteWorkflow({.flowId = id}), done);
    else
        call()->start(api.v1().deleteWorkflow({.flowId = id}), done);
}

QString WorkflowController::runProblem(const QVariantMap &variables) const {
    QStringList missing;
    for (const QString &v : m_variables)
        if (variables.value(v).toString().trimmed().isEmpty())
            missing << v;
    if (!missing.isEmpty())
        return tr("Give a value to %1.").arg(missing.join(QStringLiteral(", ")));
    return {};
}

void WorkflowController::run(const QVariantMap &variables) {
    if (!checkWritable() || m_workflowId.isEmpty())
        return;
    if (const QString problem = runProblem(variables); !problem.isEmpty()) {
        call()->setError(problem);
        return;
    }
    FlatMap<QString, QString> vars;
    for (auto it = variables.cbegin(); it != variables.cend(); ++it)
        vars.insert(it.key(), it.value().toString().trimmed());
    auto onBody = [this](const auto &body) {
        m_startedInstance = body.data.id;
        emit stateChanged();
        emit started(m_startedInstance);
    };
    auto &api = client()->orchestration();
    if (Flows::apiFor(session()) == Flows::Api::V2) {
        V2::V2RunWorkflowRequest request;
        request.workflowID = m_workflowId;
        request.body = vars;
        call()->start(api.v2().runWorkflow(request), onBody);
    } else {
        V1::RunWorkflowRequest request;
        request.workflowID = m_workflowId;
        request.body = vars;
        call()->start(api.v1().runWorkflow(request), onBody);
    }
}

// ---- InstanceController

InstanceController::InstanceController(QObject *parent)
    : Controller(parent)
    , m_stages(new CallGroup(this)) {
    connect(m_stages, &CallGroup::busyChanged, this, &Controller::busyChanged);
    m_timer.setInterval(kDefaultRefreshMs);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &InstanceController::load);
}

bool InstanceController::busy() const {
    return call()->busy() || m_stages->busy();
}

void InstanceController::setInstanceId(const QString &id) {
    if (id == m_instanceId)
        return;
    m_instanceId = id;
    call()->cancel();
    m_stages->cancel();
    call()->clearError();
    m_timer.stop();
    m_loaded = false;
    m_instance = {};
    m_workflow = {};
    m_state = {};
    m_stageStates.clear();
    m_waitingEvent.clear();
    m_timeline.clear();
    emit instanceIdChanged();
    emit stateChanged();
}

void InstanceController::setLive(bool live) {
    if (live == m_live)
        return;
    m_live = live;
    emit liveChanged();
    updateTimer();
}

void InstanceController::setRefreshInterval(int ms) {
    if (ms == m_timer.interval())
        return;
    m_timer.setInterval(qMax(100, ms));
    emit liveChanged();
}

void InstanceController::updateTimer() {
    if (m_live && m_loaded && !m_instance.terminated && !busy())
        m_timer.start();
    else if (!m_live)
        m_timer.stop();
}

QString InstanceController::statusText() const {
    if (m_state.status == QLatin1String("running"))
        return tr("Running");
    if (m_state.status == QLatin1String("waiting"))
        return tr("Waiting for an event");
    if (m_state.status == QLatin1String("succeeded"))
        return tr("Succeeded");
    if (m_state.status == QLatin1String("failed"))
        return tr("Failed");
    if (m_state.status == QLatin1String("canceled"))
        return tr("Canceled");
    return m_state.status;
}

QString InstanceController::wakeUp() const {
    return m_state.wakeUp.isValid() ? ListSupport::localTimeText(Timestamp::fromDateTime(m_state.wakeUp))
                                    : QString();
}
QString InstanceController::createdAt() const {
    return ListSupport::localTimeText(m_instance.createdAt);
}
QString InstanceController::endedAt() const {
    return m_instance.terminatedAt ? ListSupport::localTimeText(*m_instance.terminatedAt) : QString();
}

QString InstanceController::durationText(qint64 ms) {
    if (ms < 0)
        return {};
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    if (ms < 60000)
        return tr("%1 s").arg(QString::number(ms / 1000.0, 'f', 1));
    if (ms < 3600000)
        return tr("%1 min %2 s").arg(ms / 60000).arg((ms / 1000) % 60);
    return tr("%1 h %2 min").arg(ms / 3600000).arg((ms / 60000) % 60);
}

void InstanceController::load() {
    if (!client() || m_instanceId.isEmpty()) {
        call()->setError(tr("No instance selected."));
        return;
    }
    m_timer.stop();
    auto failed = [this](const QString &) { emit stateChanged(); };
    auto &api = client()->orchestration();
    const bool v2 = Flows::apiFor(session()) == Flows::Api::V2;
    // The instance, then its workflow (once), then the histories: one call after the other on the
    // holder, so a newer load supersedes all of it.
    auto onWorkflow = [this](const auto &body) {
        m_workflow = Flows::workflowInfo(body.data);
        loadHistory();
    };
    auto onInstance = [this, v2, onWorkflow, failed](const auto &body) {
        m_instance = Flows::instanceInfo(body.data);
        if (m_workflow.id == m_instance.workflowId) {
            loadHistory();
            return;
        }
        auto &api = client()->orchestration();
        if (v2)
            call()->start(api.v2().getWorkflow({.flowId = m_instance.workflowId}), onWorkflow, failed);
        else
            call()->start(api.v1().getWorkflow({.flowId = m_instance.workflowId}), onWorkflow, failed);
    };
    if (v2)
        call()->start(api.v2().getInstance({.instanceID = m_instanceId}), onInstance, failed);
    else
        call()->start(api.v1().getInstance({.instanceID = m_instanceId}), onInstance, failed);
}

void InstanceController::loadHistory() {
    auto failed = [this](const QString &) { emit stateChanged(); };
    auto &api = client()->orchestration();
    if (Flows::apiFor(session()) == Flows::Api::V2)
        call()->start(
            api.v2().getInstanceHistory({.instanceID = m_instanceId}),
            [this](const auto &body) { readHistory(body); }, failed);
    else
        call()->start(
            api.v1().getInstanceHistory({.instanceID = m_instanceId}),
            [this](const auto &body) { readHistory(body); }, failed);
}

template <class Body> void InstanceController::readHistory(const Body &body) {
    m_pendingTimeline.clear();
    int stage = 0;
    for (const auto &h : body.data) {
        const QByteArray input = jsonOf(h.input);
        const FlowStage parsed = FlowStage::fromJson(
            m_workflow.stages
                .value(stage, QStringLiteral("{\"%1\":%2}").arg(h.name, QString::fromUtf8(input)))
                .toUtf8());
        QVariantMap entry{{QStringLiteral("stage"), stage},
                          {QStringLiteral("kind"), h.name},
                          {QStringLiteral("title"), parsed.title},
                          {QStringLiteral("startedAt"), ListSupport::localTimeText(h.startedAt)},
                          {QStringLiteral("endedAt"),
                           h.terminatedAt ? ListSupport::localTimeText(*h.terminatedAt) : QString()},
                          {QStringLiteral("duration"), durationText(msBetween(h.startedAt, h.terminatedAt))},
                          {QStringLiteral("error"), h.error.value_or(QString())},
                          {QStringLiteral("running"), !h.terminated},
                          {QStringLiteral("input"), FlowText::indentJson(input)},
                          {QStringLiteral("activities"), QVariantList()}};
        m_pendingTimeline.append(entry);
        ++stage;
    }
    // Each stage's own history (its activities: a transaction, a wallet move …), all at once.
    const bool v2 = Flows::apiFor(session()) == Flows::Api::V2;
    m_stages->begin([this] { finishRound(); });
    auto &api = client()->orchestration();
    for (int i = 0; i < m_pendingTimeline.size(); ++i) {
        auto onResult = [this, i](const auto &result) {
            if (!result)
                return; // the stage's line stays, without its activities
            QVariantList activities;
            for (const auto &a : result->body.data) {
                activities.append(QVariantMap{
                    {QStringLiteral("name"), a.name},
                    {QStringLiteral("startedAt"), ListSupport::localTimeText(a.startedAt)},
                    {QStringLiteral("endedAt"),
                     a.terminatedAt ? ListSupport::localTimeText(*a.terminatedAt) : QString()},
                    {QStringLiteral("duration"), durationText(msBetween(a.startedAt, a.terminatedAt))},
                    {QStringLiteral("error"), a.error.value_or(QString())},
                    {QStringLiteral("input"), FlowText::indentJson(jsonOf(a.input))},
                    {QStringLiteral("output"),
                     a.output ? FlowText::indentJson(jsonOf(*a.output)) : QString()}});
            }
            QVariantMap entry = m_pendingTimeline[i].toMap();
            entry[QStringLiteral("activities")] = activities;
            m_pendingTimeline[i] = entry;
        };
        if (v2)
            m_stages->add(api.v2().getInstanceStageHistory({.instanceID = m_instanceId, .number = i}),
                          onResult);
        else
            m_stages->add(api.v1().getInstanceStageHistory({.instanceID = m_instanceId, .number = i}),
                          onResult);
    }
    if (m_pendingTimeline.isEmpty())
        finishRound();
}

void InstanceController::finishRound() {
    m_timeline = m_pendingTimeline;
    m_state = Flows::stateOf(m_instance, &m_workflow);
    m_stageStates = Flows::stageStates(m_instance, &m_workflow);
    m_waitingEvent.clear();
    if (m_state.status == QLatin1String("waiting") && m_state.currentStage >= 0)
        m_waitingEvent = FlowStage::fromJson(m_workflow.stages.value(m_state.currentStage).toUtf8()).event;
    m_loaded = true;
    emit stateChanged();
    QTimer::singleShot(0, this, [this] { updateTimer(); });
}

void InstanceController::sendEvent(const QString &name) {
    if (!checkWritable() || m_instanceId.isEmpty())
        return;
    const QString event = name.trimmed();
    if (event.isEmpty()) {
        call()->setError(tr("Name the event to send."));
        return;
    }
    auto done = [this](const auto &) {
        emit eventSent();
        load();
    };
    auto &api = client()->orchestration();
    if (Flows::apiFor(session()) == Flows::Api::V2) {
        V2::V2SendEventRequest request;
        request.instanceID = m_instanceId;
        request.body = Models::V2SendEventRequestBody{event};
        call()->start(api.v2().sendEvent(request), done);
    } else {
        V1::SendEventRequest request;
        request.instanceID = m_instanceId;
        request.body = Models::SendEventRequestBody{event};
        call()->start(api.v1().sendEvent(request), done);
    }
}

void InstanceController::cancel() {
    if (!checkWritable() || m_instanceId.isEmpty())
        return;
    auto done = [this](const auto &) {
        emit canceled();
        load();
    };
    auto &api = client()->orchestration();
    if (Flows::apiFor(session()) == Flows::Api::V2)
        call()->start(api.v2().cancelEvent({.instanceID = m_instanceId}), done);
    else
        call()->start(api.v1().cancelEvent({.instanceID = m_instanceId}), done);
}
