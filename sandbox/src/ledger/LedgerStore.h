// SQLite storage of every ledger: ledgers, transactions, moves (one row per posting side, for
// point-in-time volumes), current volumes, accounts, logs (hash-chained) and idempotency keys.
// Amounts are stored as decimal text and computed with BigInt; balances also get an
// order-preserving key (amountKey) so filters compare them in SQL exactly.
// One connection per store, used from one thread: callers serialise writes with begin/commit.
#pragma once

#include "LedgerError.h"
#include <Formance/BigInt.h>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <tuple>

namespace Formance::Json {
class Value;
class Writer;
} // namespace Formance::Json

namespace Formance::Sandbox {

using Metadata = QMap<QString, QString>;

struct Posting {
    QString source;
    QString destination;
    QString asset;
    BigInt amount;
};

struct Transaction {
    qint64 id = 0;
    QString timestamp; // canonicalTime
    QString insertedAt;
    QString reference;
    Metadata metadata;
    QList<Posting> postings;
    QString revertedAt;     // empty unless reverted
    QByteArray postVolumes; // {"account": {"ASSET": {"input":..,"output":..,"balance":..}}}
    bool reverted() const { return !revertedAt.isEmpty(); }
};

struct Volume {
    BigInt input;
    BigInt output;
    BigInt balance() const { return input - output; }
};

struct LedgerInfo {
    QString name;
    QString bucket;
    QString addedAt;
    Metadata metadata;
};

struct LogEntry {
    qint64 id = 0;
    QString type;
    QByteArray data; // JSON object text
    QString hash;
    QString date;
};

struct IdempotentResult {
    QByteArray requestHash;
    int status = 0;
    QByteArray body;
};

class LedgerStore {
public:
    LedgerStore();
    ~LedgerStore();
    LedgerStore(const LedgerStore &) = delete;
    LedgerStore &operator=(const LedgerStore &) = delete;

    // file empty: in memory. seedFrom: an existing database file whose content is copied in
    // (how the cached demo seed becomes an in-memory ledger quickly).
    bool open(const QString &file, QString *error);
    bool copyFrom(const QString &file, QString *error);
    bool isEmpty();

    // Nest: an inner begin() is a SAVEPOINT, so a service can wrap several engine calls (each of
    // which begins and commits) in one unit that succeeds or leaves nothing behind.
    void begin();
    void commit();
    void rollback();
    bool inTransaction() const { return !m_afterCommitMarks.isEmpty(); }
    // Runs fn once the outermost transaction commits (at once outside one); dropped when the
    // enclosing level rolls back. How events are published only for changes that happened.
    void afterCommit(std::function<void()> fn);

    // Ledgers
    std::optional<LedgerInfo> ledger(const QString &name);
    bool ledgerExists(const QString &name);
    void insertLedger(const LedgerInfo &info);
    void setLedgerMetadata(const QString &name, const Metadata &md);

    // Transactions
    qint64 nextTransactionId(const QString &ledger);
    void insertTransaction(const QString &ledger, const Transaction &tx);
    std::optional<Transaction> transaction(const QString &ledger, qint64 id);
    bool referenceExists(const QString &ledger, const QString &reference);
    void setTransactionMetadata(const QString &ledger, qint64 id, const Metadata &md);
    void markReverted(const QString &ledger, qint64 id, const QString &at);
    // Exact counts of transactions kept with every insert (same SQLite transaction), by kind:
    // "all" (key empty), "account", "source", "destination" (key an address: transactions with a
    // posting on it, in that role) and "account:", "source:", "destination:" (key a prefix
    // "a:b:", the pattern matching the addresses a:b:<one segment>). 0 when none.
    qint64 transactionCount(const QString &ledger, const QString &kind, const QString &key);
    void insertMove(const QString &ledger, qint64 txId, const QString &account, const QString &asset,
                    const BigInt &amount, bool isSource, const QString &ts, const QString &insertedAt);

    // Volumes of account/asset after transaction txId, in effective (timestamp, id) order.
    Volume effectiveVolumeAfter(const QString &ledger, qint64 txId, const QString &account,
                                const QString &asset);

    // Volumes and accounts
    Volume volume(const QString &ledger, const QString &account, const QString &asset);
    void setVolume(const QString &ledger, const QString &account, const QString &asset, const Volume &v);
    void touchAccount(const QString &ledger, const QString &address, const QString &ts,
                      const QString &insertedAt);
    std::optional<Metadata> accountMetadata(const QString &ledger, const QString &address);
    void setAccountMetadata(const QString &ledger, const QString &address, const Metadata &md,
                            const QString &now);

    // Logs
    // sha256 over the previous log's hash, then id, type, date and data: the chain's link.
    static QString logHash(const QString &previous, qint64 id, const QString &type, const QString &date,
                           const QByteArray &data);
    LogEntry appendLog(const QString &ledger, const QString &type, const QByteArray &data,
                       const QString &date);
    qint64 logCount(const QString &ledger);

    // Idempotency keys
    std::optional<IdempotentResult> idempotent(const QString &ledger, const QString &key);
    void saveIdempotent(const QString &ledger, const QString &key, const IdempotentResult &r);

    // Reads for the API's lists: runs sql with binds; throws on SQL errors (a sandbox bug).
    QSqlQuery query(const QString &sql, const QVariantList &binds = {});
    // Tests (query plans): sees every query() before it runs, on the store's thread. Set it
    // before any store is in use; a null observer stops.
    using QueryObserver = std::function<void(const QString &sql, const QVariantList &binds)>;
    static void setQueryObserver(QueryObserver observer);
    static const char *const kTxColumns; // column list readTransaction() expects
    static Transaction readTransaction(const QSqlQuery &q, int first = 0);

    static QByteArray metadataJson(const Metadata &md);
    // A client's metadata (limited: at most kMaxMetadataBytes of keys and values).
    static constexpr qint64 kMaxMetadataBytes = 256 * 1024;
    static Expected<Metadata> metadataFrom(const Json::Value &v, const QString &what, bool limited = true);
    static Metadata metadataFromText(const QString &json);
    static QByteArray postingsJson(const QList<Posting> &postings);

private:
    QSqlQuery &prepared(const char *sql);
    void indexMetadata(const QString &ledger, qint64 id, const Metadata &md); // transaction_metadata rows
    void countTransaction(const QString &ledger, const Transaction &tx);      // transaction_counts rows
    void buildDerivedTables(); // migration: transaction_counts and transactions_backdated from the rows
    void exec(const QString &sql);

    QList<std::function<void()>> m_afterCommit;
    QList<qsizetype> m_afterCommitMarks; // per open level: m_afterCommit's size when it began
    QString m_connection;
    QSqlDatabase m_db;
    QMap<const char *, std::shared_ptr<QSqlQuery>> m_prepared;
    QMap<QString, QString> m_lastHash; // ledger -> hash of its last log
    QMap<QString, qint64> m_nextLogId;
    QMap<QString, qint64> m_nextTxId;
    QMap<QString, QString> m_maxTs; // ledger -> highest timestamp of its transactions
    // Per (ledger, account, asset): the last move in effective order and the volumes after it,
    // so moves appended in time order need no lookup.
    struct LastEffective {
        QString ts;
        qint64 txId = 0;
        Volume volume;
    };
    QHash<QString, LastEffective> m_lastEff; // "ledger\x1faccount\x1fasset"
};

} // namespace Formance::Sandbox
