// Several SDK calls at once, answered as one (a wallet's balances and holds, each with its own
// reads): the CallHolder's rule for a fan-out.
//
//   m_parts->begin([this] { ...all answered: assemble... });
//   m_parts->add(api.listBalances({id}), [this](const auto &result) { ...may add() more... });
//
// begin() cancels the calls of the round it replaces, and so does the group's end with its owner;
// only the current round's answers reach their continuations, so owners keep no generation
// counters. `onDone` runs once, after the round's last call answered (calls added from a
// continuation count). Each continuation gets the whole Result: a fan-out decides itself which
// parts may fail.
#pragma once

#include <Formance/Call.h>

#include <QObject>

#include <functional>
#include <utility>
#include <vector>

class CallGroup : public QObject {
    Q_OBJECT
public:
    explicit CallGroup(QObject *owner);
    ~CallGroup() override;

    bool busy() const { return m_pending > 0; }
    // Starts a round, canceling the one in flight.
    void begin(std::function<void()> onDone);
    // Cancels the round in flight, if any; its answers are dropped and its onDone never runs.
    void cancel();

    template <class T, class OnResult> void add(const Formance::Call<T> &call, OnResult &&onResult) {
        const quint64 round = m_round;
        if (m_pending++ == 0)
            emit busyChanged();
        m_cancels.push_back([call] { call.cancel(); });
        call.then(this, [this, round, onResult = std::forward<OnResult>(onResult)](
                            const Formance::Result<T> &result) mutable {
            if (round != m_round)
                return; // superseded or canceled
            onResult(result);
            settle(round);
        });
    }

signals:
    void busyChanged();

private:
    void settle(quint64 round);

    quint64 m_round = 0;
    int m_pending = 0;
    std::function<void()> m_onDone;
    std::vector<std::function<void()>> m_cancels;
};
