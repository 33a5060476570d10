#include "Drift.h"

#include <QStringList>

namespace Formance::Sandbox {

DriftReport DriftCalculator::compare(const AssetBalances &ledger, const AssetBalances &payments) {
    DriftReport r;
    r.ledger = ledger;
    r.payments = payments;
    for (const auto &[asset, _] : ledger)
        r.payments.try_emplace(asset);
    for (const auto &[asset, _] : payments)
        r.ledger.try_emplace(asset);
    QStringList problems;
    for (const auto &[asset, ledgerBalance] : r.ledger) {
        const BigInt drift = (r.payments[asset] + ledgerBalance).abs();
        r.drift[asset] = drift;
        if (drift.isZero())
            continue;
        QString problem = QStringLiteral("balance drift for asset %1").arg(asset);
        // Says which side lacks the asset: the likeliest cause (a policy query missing an account,
        // a pool missing a bank account).
        if (!ledger.count(asset))
            problem += QStringLiteral(" (missing in the ledger balances)");
        else if (!payments.count(asset))
            problem += QStringLiteral(" (missing in the payments balances)");
        problems << problem;
    }
    r.ok = problems.isEmpty();
    r.error = problems.join(QStringLiteral("; "));
    return r;
}

} // namespace Formance::Sandbox
