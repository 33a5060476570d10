// The two generations of the Formance Stack API this SDK speaks, and which one a service's version
// speaks. Both OpenAPI documents are compiled in (sdk/codegen reads v2.1.1 and v3.0.1); where they
// disagree on a shared operation, the operation sends the form of the generation of the service in
// front of it (see StackVersions and sdk/README.md, "Stack versions").
#pragma once

#include <QString>

#include <optional>

namespace Formance {

enum class ApiGeneration {
    V2_1, // Formance Stack API v2.1.1: ledger v2.1, payments v1 API only
    V3_0, // Formance Stack API v3.0.1: ledger v2.2 and later, payments v3
};

// "v2.1" or "v3.0".
QString toString(ApiGeneration generation);

// The generation a service's version speaks, from getVersions' `name` and `version`
// ("ledger", "v2.2.4"): ledger v2.2.0 and later and payments v3.0.0 and later speak v3.0, earlier
// ones v2.1. Nothing for another service (its operations agree in both documents) or for a version
// that is not vMAJOR.MINOR[.PATCH][-suffix] ("develop").
std::optional<ApiGeneration> generationOfService(const QString &service, const QString &version);

} // namespace Formance
