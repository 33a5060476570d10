// The local checks every ledger write form makes before asking the stack (new transaction,
// Numscript vars, bulk rows): only what is certain, each with the sentence shown at the field.
#pragma once

#include <Formance/BigInt.h>

#include <QString>

#include <optional>

namespace LedgerInput {

// Segments of letters, digits, _ or - joined by ':'.
bool isAddress(const QString &address);
// USD/2, EUR/2, ETH/18, JPY.
bool isAsset(const QString &asset);
// Why `address` is refused ("" when it is an address); `what` names the field ("Source").
QString addressProblem(const QString &address, const QString &what);
QString assetProblem(const QString &asset);
// An amount typed in the asset's units ("12.34" USD/2 → 1234), more than zero; the reason in
// `error` otherwise. Exact: never through a double.
std::optional<Formance::BigInt> positiveAmount(const QString &text, const QString &asset, QString *error);

} // namespace LedgerInput
