#include "Controller.h"

Controller::Controller(QObject *parent)
    : QObject(parent)
    , m_call(new CallHolder(this)) {
    connect(m_call, &CallHolder::busyChanged, this, &Controller::busyChanged);
    connect(m_call, &CallHolder::errorChanged, this, &Controller::errorChanged);
}

void Controller::setSession(Session *session) {
    if (session == m_session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_call->cancel();
    m_session = session;
    if (m_session) {
        connect(m_session, &Session::clientChanged, this, [this] {
            m_call->cancel();
            emit writableChanged();
            sessionChangedEvent();
        });
        connect(m_session, &Session::readOnlyChanged, this, &Controller::writableChanged);
    }
    emit sessionChanged();
    emit writableChanged();
    sessionChangedEvent();
}

bool Controller::writable() const {
    return m_session && m_session->client() && !m_session->readOnly();
}

bool Controller::checkWritable() {
    if (!m_session || !m_session->client()) {
        m_call->setError(tr("Not connected."));
        return false;
    }
    if (m_session->readOnly()) {
        m_call->setError(tr("This profile is read-only."));
        return false;
    }
    return true;
}

bool Controller::confirmationMatches(const Session *session, const QString &typed, const QString &expected) {
    return !session || session->confirmationMatches(typed, expected);
}
