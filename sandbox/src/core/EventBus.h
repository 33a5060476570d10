// The stack's event stream inside the sandbox: services publish what happened (the ledger's
// committed transactions, metadata changes, reverts; payments, wallets ... their own), and
// webhooks and orchestration triggers subscribe. Delivery is synchronous, in the server's thread,
// after the change is committed (LedgerStore::afterCommit), so a subscriber never sees a change
// that was rolled back.
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <vector>

namespace Formance::Sandbox {

struct StackEvent {
    QString app;        // "ledger", "payments", "wallets" ...
    QString type;       // the service's event name: COMMITTED_TRANSACTIONS, SAVED_METADATA ...
    QString date;       // RFC 3339, UTC
    QString ledger;     // the ledger concerned, when there is one
    QByteArray payload; // a JSON object

    // "ledger.committed_transactions": how webhook configs and triggers name event types.
    QString qualifiedType() const { return app + QLatin1Char('.') + type.toLower(); }
    // {"app":..,"version":"v2","type":..,"date":..,"ledger":..,"payload":{..}}: what webhooks send.
    QByteArray envelope() const;
};

class EventBus {
public:
    using Subscriber = std::function<void(const StackEvent &)>;

    void subscribe(Subscriber s) { m_subscribers.push_back(std::move(s)); }
    void publish(const StackEvent &e) const;
    // The demo seed writes history, not live events: nothing is delivered while it runs (else
    // every seeded transaction would reach the demo's webhook configs and triggers at each start).
    void setMuted(bool muted) { m_muted = muted; }

private:
    std::vector<Subscriber> m_subscribers;
    bool m_muted = false;
};

} // namespace Formance::Sandbox
