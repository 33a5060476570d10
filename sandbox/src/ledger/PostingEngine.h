// The ledger's write path: every change (ledger creation, transactions, reverts, metadata, log
// import) runs here inside one SQLite transaction, checks funds, updates volumes and appends
// the hash-chained log. A refused change leaves nothing behind.
#pragma once

#include "LedgerStore.h"

#include <QHash>
#include <QSet>

#include <map>
#include <tuple>

namespace Formance::Json {
class Writer;
}

namespace Formance::Sandbox {

class EventBus;

struct NewTransaction {
    QList<Posting> postings;
    QString timestamp;  // canonicalTime; empty: now
    QString insertedAt; // canonicalTime; empty: now (the demo seed records history as it happened)
    QString reference;
    Metadata metadata;
    QMap<QString, Metadata> accountMetadata; // from Numscript set_account_meta
    QSet<QString> unboundedOverdraft;        // accounts allowed to go negative (Numscript)
    bool force = false;                      // skip balance checks (log import)
};

enum class TargetType { Transaction, Account };

class PostingEngine {
public:
    explicit PostingEngine(LedgerStore &store)
        : m_store(store) {}

    Expected<LedgerInfo> createLedger(const QString &name, const QString &bucket, const Metadata &md);
    Expected<LedgerInfo> requireLedger(const QString &name);
    Expected<bool> updateLedgerMetadata(const QString &ledger, const Metadata &md);
    Expected<bool> deleteLedgerMetadata(const QString &ledger, const QString &key);

    Expected<Transaction> createTransaction(const QString &ledger, const NewTransaction &tx, bool dryRun);
    // at: when the revert happened (timestamp and insertion date); empty: now.
    Expected<Transaction> revert(const QString &ledger, qint64 id, bool force, bool atEffectiveDate,
                                 bool dryRun = false, const QString &at = {});
    Expected<bool> setMetadata(const QString &ledger, TargetType type, const QString &target,
                               const Metadata &md);
    Expected<bool> deleteMetadata(const QString &ledger, TargetType type, const QString &target,
                                  const QString &key);

    // Replays exported logs into a ledger that has none; IMPORT error otherwise.
    Expected<qint64> importLogs(const QString &ledger, const QByteArray &ndjson);

    // Batch mode (demo seed): the caller holds one SQLite transaction around many changes.
    // Volumes and account first-use stamps are then kept in memory and written once when the
    // batch ends (setBatch(false), before the caller's COMMIT or ROLLBACK).
    void setBatch(bool batch);
    // Ends a batch that is being rolled back: the in-memory state is dropped, not written.
    void abandonBatch();

    // Committed changes are published here (COMMITTED_TRANSACTIONS, REVERTED_TRANSACTION,
    // SAVED_METADATA, DELETED_METADATA), after their SQLite transaction commits. Optional.
    void setEventBus(const EventBus *bus) { m_events = bus; }

    static bool validAddress(const QString &address);
    static bool validAsset(const QString &asset);
    static void writeTransaction(Json::Writer &w, const Transaction &tx);

private:
    // The bodies below run inside an open SQLite transaction.
    Expected<Transaction> apply(const QString &ledger, const NewTransaction &tx, bool writeLog = true);
    Expected<Transaction> applyRevert(const QString &ledger, qint64 id, bool force, const QString &timestamp,
                                      bool atEffectiveDate, const QString &insertedAt = {});
    Expected<bool> applySetMetadata(const QString &ledger, TargetType type, const QString &target,
                                    const Metadata &md);
    Expected<bool> applyDeleteMetadata(const QString &ledger, TargetType type, const QString &target,
                                       const QString &key);

    template <class F> auto inTransaction(F &&f, bool dryRun = false) -> decltype(f());

    void publish(const QString &ledger, const char *type, QByteArray payload);

    LedgerStore &m_store;
    const EventBus *m_events = nullptr;
    bool m_batch = false;
    // Keyed by "ledger\x1faccount\x1fasset" (or "ledger\x1faccount"): one hashed string compares
    // far faster than tuples of strings, which matters for the demo seed.
    struct BatchVolume {
        QString ledger, account, asset;
        Volume volume;
    };
    struct BatchTouch {
        QString ledger, account, firstUsage, insertedAt;
    };
    QHash<QString, BatchVolume> m_batchVolumes;
    QHash<QString, BatchTouch> m_batchTouched;
    Volume loadVolume(const QString &ledger, const QString &account, const QString &asset);
};

} // namespace Formance::Sandbox
