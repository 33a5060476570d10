// What the wallets service offers other services (orchestration's send stages): moving money in
// and out of a wallet's balances through the ledger, with the wallets service's own rules.
#pragma once

#include "ledger/LedgerError.h"
#include "ledger/LedgerStore.h"
#include <Formance/BigInt.h>

#include <QString>
#include <QStringList>

namespace Formance::Sandbox {

struct WalletMove {
    QString walletId;
    QString balance;      // credit: the balance credited ("main" when empty)
    QStringList balances; // debit: the balances drawn from, in order ("main" when empty)
    QString asset;        // "USD/2"
    BigInt amount;
    QString counterpart; // a ledger account of the wallets' ledger ("world" for a credit from outside)
    Metadata metadata;   // on the ledger transaction
};

class WalletOperations {
public:
    virtual ~WalletOperations() = default;
    virtual QString ledgerName() const = 0; // the ledger that holds every wallet's accounts
    virtual bool walletExists(const QString &walletId) = 0;
    // The ledger transaction id, or the wallets service's refusal (NOT_FOUND, INSUFFICIENT_FUND ...).
    virtual Expected<qint64> credit(const WalletMove &move) = 0;
    virtual Expected<qint64> debit(const WalletMove &move) = 0;
};

} // namespace Formance::Sandbox
