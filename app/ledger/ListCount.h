// The total of a filtered ledger list (countTransactions / countAccounts, a HEAD with the same
// query and point in time as the list), so the list can say "1–100 of 12,345". The total is
// asked again whenever the list's first page is; a count the stack refuses leaves the line as
// it was without one ("100 loaded").
#pragma once

#include "core/CallHolder.h"
#include <Formance/BigInt.h>

#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <optional>

class ListCount : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by a list model")
    // The exact total as text ("12345"), "" while unknown.
    Q_PROPERTY(QString total READ total NOTIFY totalChanged)
public:
    explicit ListCount(QObject *parent = nullptr);

    QString total() const { return m_total ? m_total->toString() : QString(); }
    std::optional<Formance::BigInt> value() const { return m_total; }

    // Starts counting (a Count-header response), dropping the total of the previous query.
    template <class Response> void start(const Formance::Call<Response> &call) {
        clear();
        m_call->start(call, [this](const Response &r) {
            m_total = r.count;
            emit totalChanged();
        });
    }
    void clear();

    // "1–100 of 12,345" (the loaded rows of the total, grouped the locale's way); without a
    // total: "100 loaded" and, when more pages exist, ", scroll for more".
    Q_INVOKABLE QString rangeText(int loaded, bool hasMore) const;
    static QString rangeText(int loaded, bool hasMore, const std::optional<Formance::BigInt> &total);

signals:
    void totalChanged();

private:
    CallHolder *m_call;
    std::optional<Formance::BigInt> m_total;
};
