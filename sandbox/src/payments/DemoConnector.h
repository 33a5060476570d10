// The DUMMY-PAY connector as the sandbox runs it: a provider simulated in-process whose content
// is deterministic (seeded by the connector's name and the polling round), so two sandboxes
// given the same installs tell the same story. Accounts come with an opening balance reported
// by the provider; payments then move those balances, and every change is kept in the balance
// history (pool balances at a past date read it back).
#pragma once

#include "PaymentsStore.h"

#include <QDateTime>

namespace Formance::Sandbox::Payments {

struct ConnectorInfo {
    QString id;
    QString provider;
    QString name;
    QByteArray config; // normalized JSON
    qint64 tick = 0;   // polling rounds done
};

// splitmix64: small, fast and the same everywhere (std:: distributions are not).
class Rng {
public:
    explicit Rng(quint64 seed)
        : m_state(seed) {}
    quint64 next();
    qint64 between(qint64 lo, qint64 hi); // inclusive
    template <class T> const T &pick(const QList<T> &list) { return list[between(0, list.size() - 1)]; }

private:
    quint64 m_state;
};

QString isoTime(const QDateTime &dt); // canonical RFC 3339 (six fraction digits)

class DemoConnector {
public:
    DemoConnector(PaymentsStore &store, ConnectorInfo info);

    // The history a fresh install finds at the provider: `accounts` accounts opened at `from`,
    // then `payments` payments spread until `to`.
    void pregenerate(int accounts, int payments, const QDateTime &from, const QDateTime &to);

    struct Round {
        int accounts = 0;
        int payments = 0;
        int balances = 0;
    };
    // One polling round at `at`: settles a pending payment, ingests one to three new payments,
    // opens an account every fourth round (up to a dozen), reports every balance.
    Round tick(qint64 round, const QString &at);

    // Files "<prefix>*.json" in `directory`, each holding one payment
    // ({"reference","amount","asset","type","status","scheme"}), ingested once. Returns how many
    // files are ingested so far, or the reason the directory or a file cannot be read.
    Expected<int> readFiles(const QString &directory, const QString &prefix, const QString &at);

private:
    QString openAccount(Rng &rng, const QString &at);
    bool makePayment(Rng &rng, const QString &at, qint64 round);
    QString nextPaymentReference();
    QStringList accountIds();

    PaymentsStore &m_store;
    ConnectorInfo m_info;
    quint64 m_seed;
};

} // namespace Formance::Sandbox::Payments
