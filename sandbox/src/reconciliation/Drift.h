// The comparison at the heart of a reconciliation: the ledger's balances (summed over the
// policy's accounts) against the payments pool's balances, asset by asset, exactly.
//
// Sign convention (the real reconciliation service's): the ledger accounts a policy selects are
// the ledger's mirror of the bank, the accounts money comes *from* when it reaches the bank
// (`@banks:acme` -> `@users:1`). So when the books agree, the ledger balance is the negation of
// what the pool holds: -1000 in the ledger and 1000 at the bank cancel out. Hence
//     drift = |payments + ledger|,   status OK iff every drift is 0.
// An asset seen on one side only counts as 0 on the other (both maps list it), so its drift is
// the absolute balance it has where it appears.
#pragma once

#include <Formance/BigInt.h>

#include <QString>

#include <map>

namespace Formance::Sandbox {

using AssetBalances = std::map<QString, BigInt>; // asset -> amount

struct DriftReport {
    AssetBalances ledger;   // every asset of either side (0 where the ledger had none)
    AssetBalances payments; // idem for the pool
    AssetBalances drift;    // |payments + ledger| per asset
    bool ok = true;
    QString error; // empty when ok: "balance drift for asset USD/2; ..."
};

class DriftCalculator {
public:
    static DriftReport compare(const AssetBalances &ledger, const AssetBalances &payments);
};

} // namespace Formance::Sandbox
