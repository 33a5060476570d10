// The payments v1 HTTP API, one small class per area. They share the service's parts through
// PaymentsParts and add their routes behind the service's guard.
#pragma once

#include "ConnectorManager.h"
#include "PaymentsStore.h"
#include "TransferBook.h"

#include "core/Service.h"

#include <functional>

namespace Formance::Sandbox::Payments {

struct PaymentsParts {
    PaymentsStore &store;
    TransferBook &transfers;
    ConnectorManager &connectors;
};

// A route adder: `path` is relative to /api/payments.
class RouteAdder {
public:
    RouteAdder(Router &router, const Guard &guard)
        : m_router(router)
        , m_guard(guard) {}
    void operator()(const char *method, const char *path, Handler h) const;

private:
    Router &m_router;
    const Guard &m_guard;
};

// A POST that creates one row: the JSON object body goes to `create` (with the request's time),
// and the answer is the stored row, as `writer` writes it.
Response createdRow(PaymentsStore &store, const Request &r,
                    const std::function<Expected<QString>(const Json::Value &, const QString &)> &create,
                    const QString &table, const QString &columns,
                    void (*writer)(Json::Writer &, const QSqlQuery &, int));

// listAllConnectors, listConfigsAvailableConnectors, install, uninstall, config, reset, tasks
// (deprecated per-provider routes and their connectorId twins), connectorsTransfer.
class ConnectorsApi {
public:
    explicit ConnectorsApi(PaymentsParts p)
        : m(p) {}
    void registerRoutes(const RouteAdder &add);

private:
    Expected<ConnectorInfo> target(const Request &r); // by {connector} and, when given, {connectorId}
    Response list();
    Response install(const Request &r);
    // uninstall, reset: the connector the route names, then `act` on it; 204.
    Response actOnTarget(const Request &r, void (ConnectorManager::*act)(const QString &));
    Response readConfig(const Request &r);
    Response updateConfig(const Request &r);
    Response tasks(const Request &r);
    Response task(const Request &r);
    Response transfer(const Request &r);
    PaymentsParts m;
};

// Payments and accounts (with their balances).
class PaymentsApi {
public:
    explicit PaymentsApi(PaymentsParts p)
        : m(p) {}
    void registerRoutes(const RouteAdder &add);

private:
    Response listPayments(const Request &r);
    Response createPayment(const Request &r);
    Response getPayment(const Request &r);
    Response updateMetadata(const Request &r);
    Response listAccounts(const Request &r);
    Response createAccount(const Request &r);
    Response getAccount(const Request &r);
    Response balances(const Request &r);
    PaymentsParts m;
};

class BankAccountsApi {
public:
    explicit BankAccountsApi(PaymentsParts p)
        : m(p) {}
    void registerRoutes(const RouteAdder &add);
    // Links the bank account to a connector: an EXTERNAL account there, listed in relatedAccounts.
    Expected<bool> forward(const QString &bankAccountId, const QString &connectorId, const QString &at);
    Expected<QString> create(const Json::Value &body, const QString &at);

private:
    Response list(const Request &r);
    Response get(const Request &r);
    Response forwardRoute(const Request &r);
    Response updateMetadata(const Request &r);
    PaymentsParts m;
};

class TransfersApi {
public:
    explicit TransfersApi(PaymentsParts p)
        : m(p) {}
    void registerRoutes(const RouteAdder &add);
    Expected<QString> create(const Json::Value &body, const QString &at);

private:
    Response list(const Request &r);
    Response get(const Request &r);
    Response remove(const Request &r);
    Response updateStatus(const Request &r);
    Response retry(const Request &r);
    Response reverse(const Request &r);
    PaymentsParts m;
};

class PoolsApi {
public:
    explicit PoolsApi(PaymentsParts p)
        : m(p) {}
    void registerRoutes(const RouteAdder &add);
    Expected<std::map<QString, BigInt>> balancesAt(const QString &poolId, const QString &at);
    Expected<QString> create(const QString &name, const QStringList &accounts);

private:
    Response list(const Request &r);
    Response get(const Request &r);
    Response remove(const Request &r);
    Response addAccount(const Request &r);
    Response removeAccount(const Request &r);
    Response balances(const Request &r);
    PaymentsParts m;
};

} // namespace Formance::Sandbox::Payments
