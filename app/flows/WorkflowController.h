// One workflow: its config (name, stages for the graph, the JSON), the ${variables} it uses, its
// deletion (production asks for the workflow's name) and a run with variables. And one instance:
// the instance, its workflow (for the graph, with the running stage marked), the history of the
// instance and of each stage (start, end, duration, error, input, output), refreshed while it
// runs; an event sent to a waiting instance, and a cancel.
#pragma once

#include "FlowsApi.h"
#include "core/Controller.h"

#include <QStringList>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class CallGroup;

class WorkflowController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString workflowId READ workflowId WRITE setWorkflowId NOTIFY workflowIdChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY stateChanged)
    Q_PROPERTY(QString name READ name NOTIFY stateChanged)
    Q_PROPERTY(QStringList stages READ stages NOTIFY stateChanged)
    Q_PROPERTY(QString configText READ configText NOTIFY stateChanged)
    Q_PROPERTY(QStringList variables READ variables NOTIFY stateChanged)
    Q_PROPERTY(QString createdAt READ createdAt NOTIFY stateChanged)
    // The instance the last run started; empty before.
    Q_PROPERTY(QString startedInstance READ startedInstance NOTIFY stateChanged)
public:
    explicit WorkflowController(QObject *parent = nullptr);

    QString workflowId() const { return m_workflowId; }
    void setWorkflowId(const QString &id);
    bool loaded() const { return m_loaded; }
    QString name() const { return m_info.name; }
    QStringList stages() const { return m_info.stages; }
    QString configText() const { return m_configText; }
    QStringList variables() const { return m_variables; }
    QString createdAt() const;
    QString startedInstance() const { return m_startedInstance; }
    QString confirmationName() const override { return m_info.name.isEmpty() ? m_workflowId : m_info.name; }

    Q_INVOKABLE void load();
    Q_INVOKABLE void remove();
    // variables: name → value (text); each variable the config uses must have one.
    Q_INVOKABLE void run(const QVariantMap &variables);
    // Why a run with these variables would be refused here (a missing one); empty when fine.
    Q_INVOKABLE QString runProblem(const QVariantMap &variables) const;

signals:
    void workflowIdChanged();
    void stateChanged();
    void removed(const QString &id);
    void started(const QString &instanceId);

private:
    void show(const Flows::WorkflowInfo &info);
    QString m_workflowId;
    bool m_loaded = false;
    Flows::WorkflowInfo m_info;
    QString m_configText;
    QStringList m_variables;
    QString m_startedInstance;
};

class InstanceController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString instanceId READ instanceId WRITE setInstanceId NOTIFY instanceIdChanged)
    // While true and the instance runs, it is read again every `refreshInterval` ms.
    Q_PROPERTY(bool live READ live WRITE setLive NOTIFY liveChanged)
    Q_PROPERTY(int refreshInterval READ refreshInterval WRITE setRefreshInterval NOTIFY liveChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY stateChanged)
    Q_PROPERTY(QString workflowId READ workflowId NOTIFY stateChanged)
    Q_PROPERTY(QString workflowName READ workflowName NOTIFY stateChanged)
    Q_PROPERTY(QStringList stages READ stages NOTIFY stateChanged)
    Q_PROPERTY(QStringList stageStates READ stageStates NOTIFY stateChanged)
    Q_PROPERTY(QString status READ status NOTIFY stateChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY stateChanged)
    Q_PROPERTY(QString detail READ detail NOTIFY stateChanged)
    Q_PROPERTY(QString wakeUp READ wakeUp NOTIFY stateChanged)
    Q_PROPERTY(QString waitingEvent READ waitingEvent NOTIFY stateChanged)
    Q_PROPERTY(bool terminated READ terminated NOTIFY stateChanged)
    Q_PROPERTY(QString createdAt READ createdAt NOTIFY stateChanged)
    Q_PROPERTY(QString endedAt READ endedAt NOTIFY stateChanged)
    Q_PROPERTY(QString instanceError READ instanceError NOTIFY stateChanged)
    // [{stage, kind, title, startedAt, endedAt, duration, error, running, input,
    //   activities: [{name, startedAt, endedAt, duration, error, input, output}]}]
    Q_PROPERTY(QVariantList timeline READ timeline NOTIFY stateChanged)
public:
    explicit InstanceController(QObject *parent = nullptr);

    QString instanceId() const { return m_instanceId; }
    void setInstanceId(const QString &id);
    bool live() const { return m_live; }
    void setLive(bool live);
    int refreshInterval() const { return m_timer.interval(); }
    void setRefreshInterval(int ms);
    bool loaded() const { return m_loaded; }
    QString workflowId() const { return m_instance.workflowId; }
    QString workflowName() const { return m_workflow.name; }
    QStringList stages() const { return m_workflow.stages; }
    QStringList stageStates() const { return m_stageStates; }
    QString status() const { return m_state.status; }
    QString statusText() const;
    QString detail() const { return m_state.detail; }
    QString wakeUp() const;
    QString waitingEvent() const { return m_waitingEvent; }
    bool terminated() const { return m_instance.terminated; }
    QString createdAt() const;
    QString endedAt() const;
    QString instanceError() const { return m_instance.error; }
    QVariantList timeline() const { return m_timeline; }
    bool busy() const override;
    QString confirmationName() const override {
        return m_workflow.name.isEmpty() ? m_instanceId : m_workflow.name;
    }

    Q_INVOKABLE void load();
    Q_INVOKABLE void sendEvent(const QString &name);
    Q_INVOKABLE void cancel();

    // "1.2 s", "3 min 4 s", "2 h 5 min" between two times.
    static QString durationText(qint64 ms);

signals:
    void instanceIdChanged();
    void liveChanged();
    void stateChanged();
    void eventSent();
    void canceled();

private:
    void loadHistory();
    template <class Body> void readHistory(const Body &body);
    void finishRound();
    void updateTimer();

    QString m_instanceId;
    bool m_live = false;
    bool m_loaded = false;
    Flows::InstanceInfo m_instance;
    Flows::WorkflowInfo m_workflow;
    Flows::InstanceState m_state;
    QStringList m_stageStates;
    QString m_waitingEvent;
    QVariantList m_timeline;
    QVariantList m_pendingTimeline;
    CallGroup *m_stages;
    QTimer m_timer;
};

namespace FlowText {
// Compact JSON re-indented for reading (two spaces), numbers and strings untouched.
QString indentJson(const QByteArray &compact);
} // namespace FlowText
