// The preview every ledger write form shows (new transaction, Numscript, bulk): for each account
// and asset a set of postings touches, the balance now and the balance after them. One piece, so
// the forms agree on what "before → after" means.
#pragma once

#include <Formance/BigInt.h>

#include <QList>
#include <QString>
#include <QVariantList>

#include <functional>

class CallHolder;
namespace Formance {
class Client;
}

namespace BalanceDiff {

struct Move {
    QString source, destination, asset;
    Formance::BigInt amount;
};

// Reads the current balances of every account `moves` touch (listAccounts with volumes, the
// addresses in chunks, through `call`, so a newer round cancels this one), applies the moves and
// calls `done` with rows {account, asset, before, after, negative} (amounts as the asset's text,
// "12.34"), in the order the moves first name them. Accounts never used read as zero.
void compute(CallHolder *call, Formance::Client *client, const QString &ledger, const QList<Move> &moves,
             std::function<void(const QVariantList &rows)> done);

// The rows that would go below zero (an account other than `world`, which may).
QVariantList overdrawn(const QVariantList &rows);

} // namespace BalanceDiff
