// One trigger: what it listens to (an event type), its filter expression, the workflow it starts
// and the variables it maps from the event; its creation with the form checked as it is typed
// (the stack checks the expression itself and its refusal is shown at the form), a test against
// a sample event (whether the filter matches, and each variable's value or error: orchestration
// v2 only), and its deletion (production asks for its name).
#pragma once

#include "core/Controller.h"

#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class TriggerController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString triggerId READ triggerId WRITE setTriggerId NOTIFY triggerIdChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY stateChanged)
    Q_PROPERTY(QString name READ name NOTIFY stateChanged)
    Q_PROPERTY(QString event READ event NOTIFY stateChanged)
    Q_PROPERTY(QString workflowId READ workflowId NOTIFY stateChanged)
    Q_PROPERTY(QString filter READ filter NOTIFY stateChanged)
    Q_PROPERTY(QString varsText READ varsText NOTIFY stateChanged)
    Q_PROPERTY(QString createdAt READ createdAt NOTIFY stateChanged)
    // The last test: {match (bool), filterError, variables: [{name, value, error}]}; empty before.
    Q_PROPERTY(QVariantMap testResult READ testResult NOTIFY stateChanged)
    // Whether the stack can test a trigger (orchestration v2).
    Q_PROPERTY(bool canTest READ canTest NOTIFY stateChanged)
    // Event types the stack publishes that a trigger may listen to.
    Q_PROPERTY(QStringList eventTypes READ eventTypes CONSTANT)
public:
    explicit TriggerController(QObject *parent = nullptr);

    QString triggerId() const { return m_triggerId; }
    void setTriggerId(const QString &id);
    bool loaded() const { return m_loaded; }
    QString name() const { return m_name; }
    QString event() const { return m_event; }
    QString workflowId() const { return m_workflowId; }
    QString filter() const { return m_filter; }
    QString varsText() const { return m_varsText; }
    QString createdAt() const { return m_createdAt; }
    QVariantMap testResult() const { return m_testResult; }
    bool canTest() const;
    QStringList eventTypes() const;
    QString confirmationName() const override { return m_name.isEmpty() ? m_triggerId : m_name; }

    Q_INVOKABLE void load();
    Q_INVOKABLE void remove();
    // `vars`: a JSON object, variable → expression over `event` (may be empty). On success the new
    // trigger becomes this controller's (created()).
    Q_INVOKABLE void create(const QString &name, const QString &event, const QString &workflowId,
                            const QString &filter, const QString &vars);
    // {field: message} for the create form's fields ("event", "workflow", "filter", "vars"); empty: fine.
    Q_INVOKABLE QVariantMap formProblems(const QString &event, const QString &workflowId,
                                         const QString &filter, const QString &vars) const;
    Q_INVOKABLE void test(const QString &sampleEvent);
    // A sample payload for an event type, to test against.
    Q_INVOKABLE static QString sampleEvent(const QString &eventType);

    // Why an expression is not well formed (unbalanced brackets or quotes); empty when it is.
    static QString expressionProblem(const QString &expression);

signals:
    void triggerIdChanged();
    void stateChanged();
    void created(const QString &id);
    void removed(const QString &id);

private:
    template <class T> void show(const T &trigger);
    QString m_triggerId;
    bool m_loaded = false;
    QString m_name, m_event, m_workflowId, m_filter, m_varsText, m_createdAt;
    QVariantMap m_testResult;
};
