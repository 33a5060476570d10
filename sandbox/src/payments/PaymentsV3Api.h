// Payments v3 (/api/payments/v3, presented with --api v3) over the same data as payments v1: each
// read-like v3 route is a row of a table — the v1 route it reads, and the field names v3 gives to
// what v1 answers (accountName → name, accountId → accountID ...). The v1 answer is rewritten
// exactly (numbers keep their text: amounts past 2^64 stay exact); v1's errors pass unchanged
// (their codes are in v3's enum). The operations v3 shapes otherwise (connectors, schedules, the
// asynchronous ones answering a task id, v3GetTask) act on the same parts directly
// (PaymentsV3Ops.cpp). README.md (Payments, under "Using the app") says which operations the app sends to v3.
#pragma once

#include "PaymentsApis.h"

#include "http/Routes.h"
#include <Formance/json/JsonDocument.h>

#include <map>
#include <set>
#include <string>

namespace Formance::Sandbox::Payments {

class PaymentsV3Api {
public:
    // v1: a router holding the payments v1 routes (never reached from the network).
    PaymentsV3Api(const Router &v1, PaymentsParts parts)
        : m_v1(v1)
        , m(parts) {}
    void registerRoutes(Routes &routes); // under /api/payments

    // How often each v3 route answered ("POST /v3/connectors/{connectorID}/reset"): kept in the
    // store's payments_v3_calls, so tests can tell which generation a client used.
    static qint64 calls(LedgerStore &db, const QString &route);

    struct Shape {
        std::map<std::string, std::string> renames; // v1 key → v3 key, at any depth
        std::set<std::string> drops;                // v1 keys v3 does not have
        std::set<std::string> objects;              // v1 may send null where v3 requires {}
        // v1 string values v3 names otherwise, by key: {"status": {"VALIDATED": "PROCESSING"}}.
        std::map<std::string, std::map<QString, QString>> values;
    };
    // One v3 route: the v1 route it reads, how the request becomes v1's (prepare) and how v1's
    // answer becomes v3's (shape, then reshape of the whole document; status when v3's differs).
    struct Row {
        const char *method;
        const char *v3;
        const char *v1;
        Shape shape;
        std::function<void(Request &)> prepare;
        std::function<QByteArray(const Json::Value &)> reshape;
        int status = 0;
    };
    // Rewrites one v1 JSON answer into v3's names; nullopt when it is not JSON.
    static std::optional<QByteArray> rewrite(const QByteArray &v1Json, const Shape &shape);

private:
    // Answers `r` with the v1 route `v1Path` ("/accounts/{accountID}" → "/accounts/<id>").
    Reply forward(const Request &r, const Row &row) const;
    // One v1 route, in process: `path` under /api/payments.
    Response v1(const QByteArray &method, const QString &path, const QByteArray &body = {}) const;
    using Handler = std::function<Reply(const Request &)>;
    // Adds a route that counts its calls (calls()).
    void on(Routes &routes, const char *method, const char *path, Handler handler);
    void registerOperations(Routes &routes); // PaymentsV3Ops.cpp

    // The v3 operations that are not v1 reshaped.
    Reply listConnectors(const Request &r);
    Reply install(const Request &r);
    Reply uninstall(const Request &r);
    Reply config(const Request &r);
    Reply reset(const Request &r);
    Reply schedules(const Request &r);
    Reply schedule(const Request &r);
    Reply instances(const Request &r);
    Reply createPayment(const Request &r);
    Reply createBankAccount(const Request &r);
    Reply forwardBankAccount(const Request &r);
    Reply initiate(const Request &r);
    // approve, retry: the v1 route, then a task that finishes once the connector took it up.
    Reply viaV1WithTask(const Request &r, const char *v1Suffix, const QByteArray &body);
    Reply reverse(const Request &r);
    Reply adjustments(const Request &r);
    Reply relatedPayments(const Request &r);
    Reply task(const Request &r);

    // A v3 task (PROCESSING) for `connectorId`; on the next turn of the server's event loop it
    // finishes with what `outcome` then says: {createdObjectID, error} (an error: FAILED).
    using Outcome = std::function<std::pair<QString, QString>()>;
    QString startTask(const QString &connectorId, Outcome outcome);
    Expected<ConnectorInfo> pathConnector(const Request &r); // {connectorID}: NOT_FOUND when unknown

    const Router &m_v1;
    PaymentsParts m;
};

} // namespace Formance::Sandbox::Payments
