// What the payments service offers reconciliation: a pool's balances per asset at a date.
#pragma once

#include "ledger/LedgerError.h"
#include <Formance/BigInt.h>

#include <QString>

#include <map>

namespace Formance::Sandbox {

class PoolBalanceSource {
public:
    virtual ~PoolBalanceSource() = default;
    // asset -> amount, summed over the pool's accounts at `at` (RFC 3339); NOT_FOUND for an unknown pool.
    virtual Expected<std::map<QString, BigInt>> poolBalancesAt(const QString &poolId, const QString &at) = 0;
};

} // namespace Formance::Sandbox
