#include "PaymentsOperations.h"

#include "core/Session.h"

namespace PaymentsOperations {

bool viaV3(const Session *session, List) {
    // Every list named in List has a v3 operation (v3ListPayments, v3ListAccounts,
    // v3ListBankAccounts, v3ListPools); the generation alone decides.
    return session && session->generation(QStringLiteral("payments")) == Formance::ApiGeneration::V3_0;
}

} // namespace PaymentsOperations
