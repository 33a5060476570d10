#include "CallGroup.h"

CallGroup::CallGroup(QObject *owner)
    : QObject(owner) {}

CallGroup::~CallGroup() {
    // The owner is going: nobody wants the answers, and the requests should not run on.
    ++m_round;
    for (const auto &cancel : std::exchange(m_cancels, {}))
        cancel();
}

void CallGroup::begin(std::function<void()> onDone) {
    cancel();
    m_onDone = std::move(onDone);
}

void CallGroup::cancel() {
    ++m_round; // the canceled calls' Canceled answers are dropped
    m_onDone = {};
    for (const auto &cancel : std::exchange(m_cancels, {}))
        cancel();
    if (std::exchange(m_pending, 0) > 0)
        emit busyChanged();
}

void CallGroup::settle(quint64 round) {
    if (round != m_round || --m_pending > 0)
        return;
    m_cancels.clear();
    if (auto onDone = std::exchange(m_onDone, {}))
        onDone(); // may begin the next round
    if (round == m_round && m_pending == 0)
        emit busyChanged();
}
