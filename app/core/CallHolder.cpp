#include "CallHolder.h"

CallHolder::CallHolder(QObject *owner)
    : QObject(owner) {}

CallHolder::~CallHolder() {
    // The owner is going: nobody wants the answer, and the request should not run on.
    if (m_cancel)
        std::exchange(m_cancel, {})();
}

quint64 CallHolder::begin(std::function<void()> cancel) {
    if (m_cancel)
        std::exchange(m_cancel, {})(); // after ++m_current its answer would be dropped anyway
    const quint64 id = ++m_current;
    m_cancel = std::move(cancel);
    setError({});
    setBusy(true);
    return id;
}

void CallHolder::finish(quint64 id, const QString &error) {
    if (id != m_current)
        return; // the continuation started another call
    m_cancel = {};
    if (!error.isEmpty())
        setError(error);
    setBusy(false);
}

void CallHolder::cancel() {
    ++m_current; // the canceled call's Canceled answer is dropped
    if (m_cancel)
        std::exchange(m_cancel, {})();
    setBusy(false);
}

void CallHolder::setError(const QString &error) {
    if (error == m_error)
        return;
    m_error = error;
    emit errorChanged();
}

void CallHolder::setBusy(bool busy) {
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}
