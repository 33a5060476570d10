// The payments v1 HTTP API, one small class per area. They share the service's parts through
// PaymentsParts and add their routes to the service's Routes (paths relative to /api/payments).
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

// A POST that creates one row: the JSON object body goes to `create` (with the request's time),
// and the answer is the stored row, as `writer` writes it.
Reply createdRow(PaymentsStore &store, const Request &r,
                 const std::function<Expected<QString>(const Json::Value &, const QString &)> &create,
                 const QString &table, const QString &columns,
                 void (*writer)(Json::Writer &, const QSqlQuery &, int));

// listAllConnectors, listConfigsAvailableConnectors, install, uninstall, config, reset, tasks
// (deprecated per-provider routes and their connectorId twins), connectorsTransfer.
class ConnectorsApi {
public:
    explicit ConnectorsApi(PaymentsParts p)
        : m(p) {}
    void registerRoutes(Routes &routes);

private:
    Expected<ConnectorInfo> target(const Request &r); // by {connector} and, when given, {connectorId}
    Reply list();
    Reply install(const Request &r);
    // uninstall, reset: the connector the route names, then `act` on it; 204.
    Reply actOnTarget(const Request &r, void (ConnectorManager::*act)(const QString &));
    Reply readConfig(const Request &r);
    Reply updateConfig(const Request &r);
    Reply tasks(const Request &r);
    Reply task(const Request &r);
    Reply transfer(const Request &r);
    PaymentsParts m;
};

// Payments and accounts (with their balances).
class PaymentsApi {
public:
    explicit PaymentsApi(PaymentsParts p)
        : m(p) {}
    void registerRoutes(Routes &routes);

private:
    Reply listPayments(const Request &r);
    Reply createPayment(const Request &r);
    Reply getPayment(const Request &r);
    Reply updateMetadata(const Request &r);
    Reply listAccounts(const Request &r);
    Reply createAccount(const Request &r);
    Reply getAccount(const Request &r);
    Reply balances(const Request &r);
    PaymentsParts m;
};

class BankAccountsApi {
public:
    explicit BankAccountsApi(PaymentsParts p)
        : m(p) {}
    void registerRoutes(Routes &routes);
    // Links the bank account to a connector: an EXTERNAL account there, listed in relatedAccounts.
    Expected<bool> forward(const QString &bankAccountId, const QString &connectorId, const QString &at);
    Expected<QString> create(const Json::Value &body, const QString &at);

private:
    Reply list(const Request &r);
    Reply get(const Request &r);
    Reply forwardRoute(const Request &r);
    Reply updateMetadata(const Request &r);
    PaymentsParts m;
};

class TransfersApi {
public:
    explicit TransfersApi(PaymentsParts p)
        : m(p) {}
    void registerRoutes(Routes &routes);
    Expected<QString> create(const Json::Value &body, const QString &at);

private:
    Reply list(const Request &r);
    Reply get(const Request &r);
    Reply remove(const Request &r);
    Reply updateStatus(const Request &r);
    Reply retry(const Request &r);
    Reply reverse(const Request &r);
    PaymentsParts m;
};

class PoolsApi {
public:
    explicit PoolsApi(PaymentsParts p)
        : m(p) {}
    void registerRoutes(Routes &routes);
    Expected<std::map<QString, BigInt>> balancesAt(const QString &poolId, const QString &at);
    Expected<QString> create(const QString &name, const QStringList &accounts);

private:
    Reply list(const Request &r);
    Reply get(const Request &r);
    Reply remove(const Request &r);
    Reply addAccount(const Request &r);
    Reply removeAccount(const Request &r);
    Reply balances(const Request &r);
    PaymentsParts m;
};

} // namespace Formance::Sandbox::Payments
