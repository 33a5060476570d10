#include "FlowsApi.h"

#include "core/ListSupport.h"
#include "core/Session.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace Flows {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("Flows", text);
}
} // namespace

Api apiForVersion(const QString &version) {
    static const QRegularExpression major(QStringLiteral(R"(^v?(\d+)\.)"));
    const auto m = major.match(version.trimmed());
    if (m.hasMatch() && m.captured(1).toInt() < 2)
        return Api::V1;
    return Api::V2;
}

Api apiFor(const Session *session) {
    if (!session)
        return Api::V2;
    return apiForVersion(session->serviceVersions().value(QStringLiteral("orchestration")).toString());
}

InstanceState stateOf(const InstanceInfo &instance, const WorkflowInfo *workflow) {
    InstanceState state;
    if (instance.terminated) {
        if (instance.error.isEmpty())
            state.status = QStringLiteral("succeeded");
        else if (instance.error.contains(QLatin1String("cancel"), Qt::CaseInsensitive))
            state.status = QStringLiteral("canceled");
        else
            state.status = QStringLiteral("failed");
        state.detail = instance.error;
        return state;
    }
    state.status = QStringLiteral("running");
    if (instance.stages.isEmpty())
        return state;
    const StageStatus &last = instance.stages.last();
    state.currentStage = last.stage;
    if (!workflow || last.stage < 0 || last.stage >= workflow->stages.size())
        return state;
    const FlowStage stage = FlowStage::fromJson(workflow->stages.at(last.stage).toUtf8());
    if (stage.kind == QLatin1String("wait_event")) {
        state.status = QStringLiteral("waiting");
        state.detail = tr("waits for “%1”").arg(stage.event);
    } else if (stage.kind == QLatin1String("delay")) {
        state.wakeUp = FlowText::delayEnd(stage, last.startedAt.toDateTime());
        if (state.wakeUp.isValid())
            state.detail =
                tr("wakes up at %1")
                    .arg(ListSupport::localTimeText(Formance::Timestamp::fromDateTime(state.wakeUp)));
        else
            state.detail = tr("delayed");
    } else {
        state.detail = tr("at stage %1 (%2)").arg(last.stage + 1).arg(stage.title);
    }
    return state;
}

QStringList stageStates(const InstanceInfo &instance, const WorkflowInfo *workflow) {
    QStringList states;
    const InstanceState state = stateOf(instance, workflow);
    for (const StageStatus &s : instance.stages) {
        while (states.size() < s.stage)
            states << QString();
        QString value = QStringLiteral("done");
        if (!s.error.isEmpty())
            value = QStringLiteral("failed");
        else if (!s.terminatedAt)
            value = state.status == QLatin1String("waiting") ? QStringLiteral("waiting")
                                                             : QStringLiteral("running");
        if (states.size() == s.stage)
            states << value;
        else
            states[s.stage] = value;
    }
    return states;
}

} // namespace Flows
