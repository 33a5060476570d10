// The wallets service's rules over the ledger, as the real Formance wallets service keeps them: no
// storage of its own. A wallet is the ledger account wallets:{id}:main carrying the wallet's
// metadata, a named balance is wallets:{id}:{name}, a hold is wallets:holds:{id} (dashes are dropped
// from account segments, as the real service's chart does). Amounts are read from the ledger's
// volumes, and every change is one ledger transaction (or one metadata change) in the wallets' ledger.
#pragma once

#include "ledger/LedgerError.h"
#include "ledger/LedgerStore.h"
#include "ledger/PostingEngine.h"
#include <Formance/BigInt.h>

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Formance::Sandbox {

namespace WalletKeys {
inline const QString kSpecType = QStringLiteral("wallets/spec/type");
inline const QString kWalletId = QStringLiteral("wallets/id");
inline const QString kWalletName = QStringLiteral("wallets/name");
inline const QString kCreatedAt = QStringLiteral("wallets/createdAt");
inline const QString kIsBalance = QStringLiteral("wallets/balances");
inline const QString kBalanceName = QStringLiteral("wallets/balances/name");
inline const QString kBalanceExpiresAt = QStringLiteral("wallets/balances/expiresAt");
inline const QString kBalancePriority = QStringLiteral("wallets/balances/priority");
inline const QString kCustomPrefix = QStringLiteral("wallets/custom_data_");
inline const QString kTransaction = QStringLiteral("wallets/transaction");
inline const QString kHoldWalletId = QStringLiteral("wallets/holds/wallet_id");
inline const QString kHoldId = QStringLiteral("wallets/holds/id");
inline const QString kHoldAsset = QStringLiteral("wallets/holds/asset");
inline const QString kHoldSubject = QStringLiteral("wallets/holds/subject");
inline const QString kHoldDescription = QStringLiteral("wallets/holds/description");
inline const QString kHoldDestination = QStringLiteral("destination");
inline const QString kHoldVoidDestination = QStringLiteral("void_destination");
inline const QString kPrimary = QStringLiteral("wallets.primary");
inline const QString kHold = QStringLiteral("wallets.hold");
inline const QString kMain = QStringLiteral("main");
} // namespace WalletKeys

// Where money comes from or goes to: a ledger account, or a wallet's balance.
struct WalletSubject {
    QString type; // "ACCOUNT" or "WALLET"
    QString identifier;
    QString balance; // WALLET only; empty: main
};

struct WalletInfo {
    QString id;
    QString name;
    Metadata metadata; // the client's own, without the wallets/ keys
    QString createdAt;
};

struct BalanceInfo {
    QString name;
    QString expiresAt; // canonical time, empty when it never expires
    QString priority;  // integer text, "0" when not set
    QString account;
    bool expired(const QString &now) const { return !expiresAt.isEmpty() && expiresAt < now; }
};

struct HoldInfo {
    QString id;
    QString walletId;
    QString asset;
    QString description;
    Metadata metadata;
    WalletSubject destination;
    QString destinationAccount; // where a confirmation sends the money
    QString account;
    BigInt original;  // the hold account's input
    BigInt remaining; // its balance
};

struct CreditOrder {
    QString walletId;
    QString balance; // empty: main
    QString asset;
    BigInt amount;
    QList<WalletSubject> sources; // empty: world
    QString reference;
    QString timestamp; // canonical, empty: now
    Metadata metadata;
};

struct DebitOrder {
    QString walletId;
    QStringList balances; // empty: main; ["*"]: every balance in the service's order
    QString asset;
    BigInt amount;
    std::optional<WalletSubject> destination; // empty: world
    bool pending = false;
    QString description;
    QString reference;
    QString timestamp;
    Metadata metadata;
};

class WalletsBook {
public:
    WalletsBook(LedgerStore &store, PostingEngine &engine, QString ledger);

    const QString &ledger() const { return m_ledger; }
    bool ensureLedger(QString *error);

    // The ledger addresses of the chart.
    static QString balanceAccount(const QString &walletId, const QString &balance);
    static QString holdAccount(const QString &holdId);
    static QString subjectAccount(const WalletSubject &s);
    static bool validBalanceName(const QString &name);
    static Metadata customMetadata(const Metadata &accountMetadata);
    static Metadata encodeCustom(const Metadata &custom);
    static Metadata transactionMetadata(const Metadata &custom);

    // Reads
    std::optional<WalletInfo> wallet(const QString &id);
    std::optional<BalanceInfo> balance(const QString &walletId, const QString &name);
    QList<BalanceInfo> balances(const QString &walletId); // main included, in the debit order for "*"
    std::optional<HoldInfo> hold(const QString &id);
    QList<HoldInfo> holdsOf(const QString &walletId);
    std::map<QString, BigInt> assets(const QString &account); // asset -> balance
    static WalletInfo walletFrom(const Metadata &md);
    static BalanceInfo balanceFrom(const QString &account, const Metadata &md);
    HoldInfo holdFrom(const QString &account, const Metadata &md);

    // Changes: each one atomic; a refusal leaves the ledger untouched.
    // createdAt: canonical time, empty: now (the demo seed dates its wallets in the past).
    Expected<WalletInfo> createWallet(const QString &name, const Metadata &custom,
                                      const QString &createdAt = {});
    Expected<bool> updateWallet(const QString &id, const Metadata &custom);
    Expected<BalanceInfo> createBalance(const QString &walletId, const QString &name,
                                        const QString &expiresAt, const QString &priority);
    Expected<qint64> credit(const CreditOrder &order);
    // The ledger transaction, and the hold when the debit was pending.
    struct DebitResult {
        qint64 transactionId = 0;
        std::optional<HoldInfo> hold;
    };
    Expected<DebitResult> debit(const DebitOrder &order);
    Expected<qint64> confirmHold(const QString &holdId, const std::optional<BigInt> &amount, bool final);
    Expected<qint64> voidHold(const QString &holdId);

private:
    // Postings that take `amount` from the accounts in order, each up to what it holds ("world":
    // without limit); INSUFFICIENT_FUND when they do not hold enough together.
    Expected<QList<Posting>> drain(const QStringList &sources, const QString &destination,
                                   const QString &asset, const BigInt &amount);
    Expected<qint64> post(NewTransaction tx);
    Expected<bool> checkSubject(const WalletSubject &s, const QString &what);

    LedgerStore &m_store;
    PostingEngine &m_engine;
    QString m_ledger;
};

// One store transaction (a savepoint when nested): commits when told, rolls back otherwise, on
// refusals and SQL exceptions alike.
class WalletsUnit {
public:
    explicit WalletsUnit(LedgerStore &store)
        : m_store(store) {
        m_store.begin();
    }
    ~WalletsUnit() {
        if (!m_done)
            m_store.rollback();
    }
    void commit() {
        m_store.commit();
        m_done = true;
    }

private:
    LedgerStore &m_store;
    bool m_done = false;
};

// The wallets API's error shape: the spec's codes (VALIDATION, INTERNAL_ERROR, INSUFFICIENT_FUND,
// HOLD_CLOSED); a missing wallet or hold is a bare 404, as the real service answers.
struct WalletErrors {
    static LedgerError notFound(const QString &m) { return LedgerError::notFound(m); }
    static LedgerError insufficientFund(const QString &m) {
        return {400, QStringLiteral("INSUFFICIENT_FUND"), m};
    }
    static LedgerError holdClosed(const QString &m) { return {400, QStringLiteral("HOLD_CLOSED"), m}; }
};

} // namespace Formance::Sandbox
