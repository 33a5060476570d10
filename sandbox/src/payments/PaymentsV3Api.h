// Payments v3 (/api/payments/v3, presented with --api v3) over the same data as payments v1: each
// v3 route is a row of a table — the v1 route it reads, and the field names v3 gives to what v1
// answers (accountName → name, accountId → accountID ...). The v1 answer is rewritten exactly
// (numbers keep their text: amounts past 2^64 stay exact); v1's errors pass unchanged (their codes
// are in v3's enum). README.md, "Two API generations", lists the v3 operations served.
#pragma once

#include "http/Routes.h"
#include <Formance/json/JsonDocument.h>

#include <map>
#include <set>
#include <string>

namespace Formance::Sandbox::Payments {

class PaymentsV3Api {
public:
    // v1: a router holding the payments v1 routes (never reached from the network).
    explicit PaymentsV3Api(const Router &v1)
        : m_v1(v1) {}
    void registerRoutes(Routes &routes); // under /api/payments

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
    const Router &m_v1;
};

} // namespace Formance::Sandbox::Payments
