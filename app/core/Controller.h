// Base of every controller a page binds to: the session it works with (a real property), the
// busy/error state of its call (a CallHolder), whether it may write, and the one rule for the
// typed confirmation production asks before a destructive action.
#pragma once

#include "core/CallHolder.h"
#include "core/Session.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class Controller : public QObject {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(bool writable READ writable NOTIFY writableChanged)
public:
    explicit Controller(QObject *parent = nullptr);

    Session *session() const { return m_session; }
    void setSession(Session *session);
    // Virtual for the few controllers that run several calls at once (a wallet's parts).
    virtual bool busy() const { return m_call->busy(); }
    QString error() const { return m_call->error(); }
    // Connected and not read-only.
    bool writable() const;
    // Forgets the last error (a dialog opened afresh).
    Q_INVOKABLE void clearError() { m_call->clearError(); }

    // Session::confirmationMatches, the one rule, for a controller's session (none: nothing to confirm).
    static bool confirmationMatches(const Session *session, const QString &typed, const QString &expected);
    // Whether `typed` confirms this controller's destructive action (the name of what it changes).
    Q_INVOKABLE bool confirmationMatches(const QString &typed) const {
        return confirmationMatches(m_session, typed, confirmationName());
    }
    // What production asks to type before a destructive action here (a ledger's name …).
    virtual QString confirmationName() const { return {}; }

signals:
    void sessionChanged();
    void busyChanged();
    void errorChanged();
    void writableChanged();

protected:
    Formance::Client *client() const { return m_session ? m_session->client() : nullptr; }
    CallHolder *call() const { return m_call; }
    // When not writable: sets the error saying why and returns false.
    bool checkWritable();
    // Called after the session (or its client) changed; reload here.
    virtual void sessionChangedEvent() {}

private:
    QPointer<Session> m_session;
    CallHolder *m_call;
};
