// One service of the stack inside the sandbox (ledger, webhooks, wallets, payments ...): its
// routes, its tables in the shared SQLite store, and its part of the demo seed. Server builds
// every service with the same ServiceContext and registers their routes (http/Routes: handlers
// return a Reply; the bearer check happens once, before routing, in Server).
#pragma once

#include "Options.h"
#include "http/Routes.h"

#include <QString>

#include <functional>
#include <memory>

namespace Formance::Sandbox {

class EventBus;
class LedgerStore;
class PostingEngine;
class PoolBalanceSource;
class TokenIssuer;
class WalletOperations;

// What a service may use. Services talk to each other only through the interfaces here.
struct ServiceContext {
    LedgerStore &store;     // the one SQLite connection (services add their own tables)
    PostingEngine &ledger;  // the ledger's write path (wallets and orchestration move money here)
    EventBus &events;       // publish and subscribe to stack events
    TokenIssuer &tokens;    // OAuth2 clients and tokens
    const Options &options; // how the sandbox was started (seed, ports ...)
    // The version a service reports in its _info and in /versions, for the generation presented.
    QString versionOf(const QString &service) const;
    bool v3() const; // presenting API v3.0.1 (else v2.1.1)
    // Set by the services that provide them (wallets, payments), read by those that need them
    // (orchestration, reconciliation). Null until the provider is built.
    WalletOperations *wallets = nullptr;
    PoolBalanceSource *pools = nullptr;
};

inline QString ServiceContext::versionOf(const QString &service) const {
    return Options::serviceVersion(options.api, service);
}
inline bool ServiceContext::v3() const {
    return options.api == ApiGeneration::V3;
}

class Service {
public:
    virtual ~Service() = default;
    virtual QString name() const = 0; // as listed by GET /versions: "wallets", "payments" ...
    virtual void registerRoutes(Router &router) = 0;
    // Fills the service's demo data when the sandbox starts with --seed demo and the service's
    // tables are empty. Runs after the ledger's demo seed, in the order services are built.
    virtual void seedDemo() {}
};

// One factory per service; Server calls them in this order (providers before users).
std::unique_ptr<Service> makeLedgerService(ServiceContext &context);
std::unique_ptr<Service> makeAuthClientsService(ServiceContext &context);
std::unique_ptr<Service> makeWebhooksService(ServiceContext &context);
std::unique_ptr<Service> makeWalletsService(ServiceContext &context);
std::unique_ptr<Service> makePaymentsService(ServiceContext &context);
std::unique_ptr<Service> makeReconciliationService(ServiceContext &context);
std::unique_ptr<Service> makeOrchestrationService(ServiceContext &context);
std::unique_ptr<Service> makeSearchService(ServiceContext &context);

} // namespace Formance::Sandbox
