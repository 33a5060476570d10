// One service of the stack inside the sandbox (ledger, webhooks, wallets, payments ...): its
// routes, its tables in the shared SQLite store, and its part of the demo seed. Server builds
// every service with the same ServiceContext and registers their routes (http/Routes: handlers
// return a Reply; the bearer check happens once, before routing, in Server).
#pragma once

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
struct Options;

// What a service may use. Services talk to each other only through the interfaces here.
struct ServiceContext {
    LedgerStore &store;     // the one SQLite connection (services add their own tables)
    PostingEngine &ledger;  // the ledger's write path (wallets and orchestration move money here)
    EventBus &events;       // publish and subscribe to stack events
    TokenIssuer &tokens;    // OAuth2 clients and tokens
    const Options &options; // how the sandbox was started (seed, ports ...)
    QString version;        // reported by each service's _info and /versions
    // Set by the services that provide them (wallets, payments), read by those that need them
    // (orchestration, reconciliation). Null until the provider is built.
    WalletOperations *wallets = nullptr;
    PoolBalanceSource *pools = nullptr;
};

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
