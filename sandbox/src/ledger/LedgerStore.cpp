#include "LedgerStore.h"

#include "http/HttpTypes.h"

#include "AmountKey.h"
#include <Formance/json/JsonDocument.h>
#include <Formance/json/JsonWriter.h>

#include <QAtomicInteger>
#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlRecord>

#include <set>
#include <stdexcept>

namespace Formance::Sandbox {

namespace {
QAtomicInteger<quint64> g_connectionCounter;

constexpr int kSchemaVersion = 4; // bump with any change to kSchema
// Older stores are migrated on open, not refused: version 2 (before transaction_metadata) and 3
// (before transaction_counts and transactions_backdated).
constexpr int kOldestMigratable = 2;

const char *const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS ledgers(name TEXT PRIMARY KEY, bucket TEXT NOT NULL, added_at TEXT NOT NULL,"
    " metadata TEXT NOT NULL DEFAULT '{}')",
    "CREATE TABLE IF NOT EXISTS transactions(ledger TEXT NOT NULL, id INTEGER NOT NULL, ts TEXT NOT NULL,"
    " inserted_at TEXT NOT NULL, reference TEXT, metadata TEXT NOT NULL, postings TEXT NOT NULL,"
    " reverted_at TEXT, post_volumes TEXT NOT NULL DEFAULT '{}', PRIMARY KEY(ledger, id))",
    "CREATE UNIQUE INDEX IF NOT EXISTS transactions_reference ON transactions(ledger, reference)"
    " WHERE reference IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS transactions_ts ON transactions(ledger, ts)",
    "CREATE TABLE IF NOT EXISTS moves(seq INTEGER PRIMARY KEY AUTOINCREMENT, ledger TEXT NOT NULL,"
    " tx_id INTEGER NOT NULL, account TEXT NOT NULL, asset TEXT NOT NULL, amount TEXT NOT NULL,"
    " is_source INTEGER NOT NULL, ts TEXT NOT NULL, inserted_at TEXT NOT NULL,"
    " eff_input TEXT NOT NULL, eff_output TEXT NOT NULL)", // volumes after this move, in effective order
    "CREATE INDEX IF NOT EXISTS moves_account ON moves(ledger, account, asset, ts, tx_id)",
    // A transaction's moves by account: what a filter on account checks per transaction (with
    // account in the key, the planner never prefers moves_account's ledger-wide run for it).
    "CREATE INDEX IF NOT EXISTS moves_tx_account ON moves(ledger, tx_id, account)",
    "DROP INDEX IF EXISTS moves_tx", // a prefix of moves_tx_account
    "CREATE TABLE IF NOT EXISTS volumes(ledger TEXT NOT NULL, account TEXT NOT NULL, asset TEXT NOT NULL,"
    " input TEXT NOT NULL, output TEXT NOT NULL, balance_key TEXT NOT NULL, PRIMARY KEY(ledger, account, "
    "asset))",
    "CREATE TABLE IF NOT EXISTS accounts(ledger TEXT NOT NULL, address TEXT NOT NULL, metadata TEXT NOT NULL"
    " DEFAULT '{}', first_usage TEXT NOT NULL, insertion_date TEXT NOT NULL, updated_at TEXT NOT NULL,"
    " PRIMARY KEY(ledger, address))",
    "CREATE TABLE IF NOT EXISTS logs(ledger TEXT NOT NULL, id INTEGER NOT NULL, type TEXT NOT NULL,"
    " data TEXT NOT NULL, hash TEXT NOT NULL, date TEXT NOT NULL, PRIMARY KEY(ledger, id))",
    "CREATE TABLE IF NOT EXISTS mappings(ledger TEXT PRIMARY KEY, body TEXT NOT NULL)",
    // One row per transaction metadata entry: a filter on metadata[key] = value searches it
    // instead of parsing every transaction's metadata JSON.
    "CREATE TABLE IF NOT EXISTS transaction_metadata(ledger TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT "
    "NULL,"
    " tx_id INTEGER NOT NULL, PRIMARY KEY(ledger, key, value, tx_id)) WITHOUT ROWID",
    // Exact transaction counts per (kind, key), kept by insertTransaction: a count whose filter is
    // the whole ledger, one address or one address prefix reads one row (see transactionCount).
    "CREATE TABLE IF NOT EXISTS transaction_counts(ledger TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT "
    "NULL,"
    " n INTEGER NOT NULL, PRIMARY KEY(ledger, kind, key)) WITHOUT ROWID",
    // Transactions inserted with a timestamp below the ledger's highest one at the time. The
    // others' timestamps never decrease with their id, so a date range is an id window of those
    // plus the few backdated ones that match (how a date range list walks the primary key).
    "CREATE TABLE IF NOT EXISTS transactions_backdated(ledger TEXT NOT NULL, id INTEGER NOT NULL,"
    " PRIMARY KEY(ledger, id)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS idempotency(ledger TEXT NOT NULL, key TEXT NOT NULL, request_hash BLOB NOT "
    "NULL,"
    " status INTEGER NOT NULL, body BLOB NOT NULL, PRIMARY KEY(ledger, key))",
};
const char *const kTables[] = {"ledgers",
                               "transactions",
                               "moves",
                               "volumes",
                               "accounts",
                               "logs",
                               "idempotency",
                               "mappings",
                               "transaction_metadata",
                               "transaction_counts",
                               "transactions_backdated"};

[[noreturn]] void fail(const QSqlError &e, const QString &what) {
    // The statement goes to the log (through the frontend's 500 reference), never to a client.
    const QString text = e.text();
    const QString lower = text.toLower();
    for (const char *limit : {"too large", "too many", "too complex", "too big", "stack overflow"})
        if (lower.contains(QLatin1String(limit)))
            throw RequestTooComplex(text.left(200).toStdString());
    throw std::runtime_error(
        QStringLiteral("storage error (%1): %2").arg(what.left(2000), text).toStdString());
}
} // namespace

const char *const LedgerStore::kTxColumns =
    "id, ts, inserted_at, reference, metadata, postings, reverted_at, post_volumes";

LedgerStore::LedgerStore()
    : m_connection(QStringLiteral("formance-sandbox-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1))) {}

LedgerStore::~LedgerStore() {
    m_prepared.clear();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool LedgerStore::open(const QString &file, QString *error) {
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    m_db.setDatabaseName(file.isEmpty() ? QStringLiteral(":memory:") : file);
    // REGEXP backs address patterns ("users:" matches users:<anything>) in filters.
    m_db.setConnectOptions(QStringLiteral("QSQLITE_ENABLE_REGEXP;QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open()) {
        if (error)
            *error = m_db.lastError().text();
        return false;
    }
    try {
        if (!file.isEmpty()) {
            exec(QStringLiteral("PRAGMA journal_mode=WAL"));
            exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
            // A large ledger (a million transactions is about 1.8 GB) keeps its hot pages (the
            // indexes' upper levels, recent rows) here rather than re-reading them from the OS.
            exec(QStringLiteral("PRAGMA cache_size=-65536"));
        }
        // A store written by another schema version is refused rather than half-used.
        QSqlQuery version = query(QStringLiteral("PRAGMA user_version"));
        version.next();
        const int found = version.value(0).toInt();
        QSqlQuery tables = query(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"));
        tables.next();
        const bool existing = tables.value(0).toInt() > 0;
        // Open statements would lock the schema against the DROP INDEX below.
        version.finish();
        tables.finish();
        const bool migrate = existing && found >= kOldestMigratable && found < kSchemaVersion;
        if (existing && found != kSchemaVersion && !migrate) {
            if (error)
                *error = QStringLiteral(
                             "%1 holds schema version %2, this sandbox uses %3: move it away to start afresh")
                             .arg(file)
                             .arg(found)
                             .arg(kSchemaVersion);
            return false;
        }
        if (migrate)
            exec(QStringLiteral("BEGIN IMMEDIATE"));
        for (const char *s : kSchema)
            exec(QString::fromLatin1(s));
        if (migrate && found < 3)
            exec(QStringLiteral(
                "INSERT OR IGNORE INTO transaction_metadata SELECT t.ledger, md.key, md.value, t.id"
                " FROM transactions t, json_each(t.metadata) md"));
        if (migrate && found < 4)
            buildDerivedTables();
        exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion));
        if (migrate)
            exec(QStringLiteral("COMMIT"));
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

bool LedgerStore::copyFrom(const QString &file, QString *error) {
    try {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("ATTACH DATABASE ? AS src"));
        q.addBindValue(file);
        if (!q.exec())
            fail(q.lastError(), QStringLiteral("attach"));
        // A deferred transaction: BEGIN IMMEDIATE would lock every attached database, the shared
        // cache file too, and processes starting together (the screenshot runs) would time out.
        exec(QStringLiteral("BEGIN"));
        for (const char *t : kTables)
            exec(QStringLiteral("INSERT INTO main.%1 SELECT * FROM src.%1").arg(QLatin1String(t)));
        exec(QStringLiteral("COMMIT"));
        exec(QStringLiteral("DETACH DATABASE src"));
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

bool LedgerStore::isEmpty() {
    QSqlQuery q = query(QStringLiteral("SELECT COUNT(*) FROM ledgers"));
    return q.next() && q.value(0).toLongLong() == 0;
}

void LedgerStore::exec(const QString &sql) {
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        fail(q.lastError(), sql);
}

QSqlQuery &LedgerStore::prepared(const char *sql) {
    auto it = m_prepared.find(sql);
    if (it == m_prepared.end()) {
        auto q = std::make_shared<QSqlQuery>(m_db);
        if (!q->prepare(QString::fromLatin1(sql)))
            fail(q->lastError(), QString::fromLatin1(sql));
        it = m_prepared.insert(sql, q);
    }
    return **it;
}

static void run(QSqlQuery &q, const QVariantList &binds) {
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (!q.exec())
        fail(q.lastError(), q.lastQuery());
}

namespace {
LedgerStore::QueryObserver g_queryObserver;
}

void LedgerStore::setQueryObserver(QueryObserver observer) {
    g_queryObserver = std::move(observer);
}

QSqlQuery LedgerStore::query(const QString &sql, const QVariantList &binds) {
    if (g_queryObserver)
        g_queryObserver(sql, binds);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        fail(q.lastError(), sql);
    run(q, binds);
    return q;
}

void LedgerStore::begin() {
    const qsizetype depth = m_afterCommitMarks.size();
    exec(depth == 0 ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("SAVEPOINT level%1").arg(depth));
    m_afterCommitMarks.append(m_afterCommit.size());
}

void LedgerStore::commit() {
    const qsizetype depth = m_afterCommitMarks.size() - 1;
    exec(depth <= 0 ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE level%1").arg(depth));
    if (!m_afterCommitMarks.isEmpty())
        m_afterCommitMarks.removeLast();
    if (m_afterCommitMarks.isEmpty()) {
        const auto actions = std::exchange(m_afterCommit, {});
        for (const auto &fn : actions)
            fn();
    }
}

void LedgerStore::afterCommit(std::function<void()> fn) {
    if (m_afterCommitMarks.isEmpty())
        fn();
    else
        m_afterCommit.append(std::move(fn));
}

void LedgerStore::rollback() {
    const qsizetype depth = m_afterCommitMarks.size() - 1;
    if (depth > 0) {
        exec(QStringLiteral("ROLLBACK TO level%1").arg(depth));
        exec(QStringLiteral("RELEASE level%1").arg(depth));
    } else {
        exec(QStringLiteral("ROLLBACK"));
    }
    if (!m_afterCommitMarks.isEmpty())
        m_afterCommit.resize(m_afterCommitMarks.takeLast());
    // Cached counters may describe rows that no longer exist.
    m_lastHash.clear();
    m_nextLogId.clear();
    m_nextTxId.clear();
    m_maxTs.clear();
    m_lastEff.clear();
}

// --- ledgers ---

std::optional<LedgerInfo> LedgerStore::ledger(const QString &name) {
    QSqlQuery &q = prepared("SELECT name, bucket, added_at, metadata FROM ledgers WHERE name = ?");
    run(q, {name});
    if (!q.next())
        return std::nullopt;
    LedgerInfo l{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                 metadataFromText(q.value(3).toString())};
    q.finish();
    return l;
}

bool LedgerStore::ledgerExists(const QString &name) {
    QSqlQuery &q = prepared("SELECT 1 FROM ledgers WHERE name = ?");
    run(q, {name});
    const bool found = q.next();
    q.finish();
    return found;
}

void LedgerStore::insertLedger(const LedgerInfo &info) {
    run(prepared("INSERT INTO ledgers(name, bucket, added_at, metadata) VALUES (?, ?, ?, ?)"),
        {info.name, info.bucket, info.addedAt, QString::fromUtf8(metadataJson(info.metadata))});
}

void LedgerStore::setLedgerMetadata(const QString &name, const Metadata &md) {
    run(prepared("UPDATE ledgers SET metadata = ? WHERE name = ?"),
        {QString::fromUtf8(metadataJson(md)), name});
}

// --- transactions ---

qint64 LedgerStore::nextTransactionId(const QString &ledger) {
    auto it = m_nextTxId.find(ledger);
    if (it == m_nextTxId.end()) {
        QSqlQuery &q = prepared("SELECT COALESCE(MAX(id) + 1, 0) FROM transactions WHERE ledger = ?");
        run(q, {ledger});
        q.next();
        it = m_nextTxId.insert(ledger, q.value(0).toLongLong());
        q.finish();
    }
    return *it;
}

void LedgerStore::insertTransaction(const QString &ledger, const Transaction &tx) {
    // Backdated: below the highest timestamp of the ledger's transactions so far.
    auto maxTs = m_maxTs.find(ledger);
    if (maxTs == m_maxTs.end()) {
        QSqlQuery &q = prepared("SELECT MAX(ts) FROM transactions WHERE ledger = ?");
        run(q, {ledger});
        q.next();
        maxTs = m_maxTs.insert(ledger, q.value(0).toString());
        q.finish();
    }
    const bool backdated = tx.timestamp < *maxTs;
    run(prepared("INSERT INTO transactions(ledger, id, ts, inserted_at, reference, metadata, postings, "
                 "reverted_at,"
                 " post_volumes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {ledger, tx.id, tx.timestamp, tx.insertedAt,
         tx.reference.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(tx.reference),
         QString::fromUtf8(metadataJson(tx.metadata)), QString::fromUtf8(postingsJson(tx.postings)),
         tx.revertedAt.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(tx.revertedAt),
         QString::fromUtf8(tx.postVolumes.isEmpty() ? QByteArray("{}") : tx.postVolumes)});
    indexMetadata(ledger, tx.id, tx.metadata);
    countTransaction(ledger, tx);
    if (backdated)
        run(prepared("INSERT INTO transactions_backdated(ledger, id) VALUES (?, ?)"), {ledger, tx.id});
    else
        *maxTs = tx.timestamp;
    m_nextTxId[ledger] = tx.id + 1;
}

namespace {
// The prefix pattern matching address (its segments but the last, then ':'), empty for a
// one-segment address: what addressCondition's "a:b:" matches.
QString parentPattern(const QString &address) {
    const qsizetype colon = address.lastIndexOf(QLatin1Char(':'));
    return colon < 0 ? QString() : address.left(colon + 1);
}
} // namespace

void LedgerStore::countTransaction(const QString &ledger, const Transaction &tx) {
    // Each (kind, key) once per transaction, as COUNT(*) over transactions counts it.
    std::set<std::pair<QString, QString>> keys;
    keys.insert({QStringLiteral("all"), QStringLiteral("")}); // not null: NULL is no key
    for (const Posting &p : tx.postings) {
        for (const auto &[address, role] : {std::pair{p.source, QStringLiteral("source")},
                                            std::pair{p.destination, QStringLiteral("destination")}}) {
            keys.insert({QStringLiteral("account"), address});
            keys.insert({role, address});
            const QString parent = parentPattern(address);
            if (!parent.isEmpty()) {
                keys.insert({QStringLiteral("account:"), parent});
                keys.insert({role + QLatin1Char(':'), parent});
            }
        }
    }
    QSqlQuery &add = prepared("INSERT INTO transaction_counts(ledger, kind, key, n) VALUES (?, ?, ?, 1)"
                              " ON CONFLICT(ledger, kind, key) DO UPDATE SET n = n + 1");
    for (const auto &[kind, key] : keys)
        run(add, {ledger, kind, key});
}

void LedgerStore::buildDerivedTables() {
    // From the moves (one per posting side): per transaction and account its roles, and the
    // account's prefix pattern (rtrim by every character but ':' cuts the last segment).
    exec(QStringLiteral("DROP TABLE IF EXISTS temp.migrate_roles"));
    exec(QStringLiteral("CREATE TEMP TABLE migrate_roles AS SELECT ledger, tx_id, account,"
                        " rtrim(account, replace(account, ':', '')) AS parent, MAX(is_source) AS src, 1 - "
                        "MIN(is_source) AS dst"
                        " FROM moves GROUP BY ledger, tx_id, account"));
    exec(QStringLiteral("DELETE FROM transaction_counts"));
    exec(QStringLiteral("INSERT INTO transaction_counts SELECT ledger, 'all', '', COUNT(*) FROM transactions"
                        " GROUP BY ledger"));
    for (const auto &[kind, where] :
         {std::pair{"account", "1"}, std::pair{"source", "src = 1"}, std::pair{"destination", "dst = 1"}}) {
        exec(QStringLiteral("INSERT INTO transaction_counts SELECT ledger, '%1', account, COUNT(*)"
                            " FROM migrate_roles WHERE %2 GROUP BY ledger, account")
                 .arg(QLatin1String(kind), QLatin1String(where)));
        exec(QStringLiteral(
                 "INSERT INTO transaction_counts SELECT ledger, '%1:', parent, COUNT(DISTINCT tx_id)"
                 " FROM migrate_roles WHERE parent <> '' AND %2 GROUP BY ledger, parent")
                 .arg(QLatin1String(kind), QLatin1String(where)));
    }
    exec(QStringLiteral("DROP TABLE temp.migrate_roles"));
    exec(QStringLiteral("DELETE FROM transactions_backdated"));
    exec(QStringLiteral(
        "INSERT INTO transactions_backdated SELECT ledger, id FROM (SELECT ledger, id, ts, MAX(ts) OVER"
        " (PARTITION BY ledger ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before"
        " FROM transactions) WHERE ts < before"));
}

qint64 LedgerStore::transactionCount(const QString &ledger, const QString &kind, const QString &key) {
    // Through query(): the plans test sees it.
    QSqlQuery q =
        query(QStringLiteral("SELECT n FROM transaction_counts WHERE ledger = ? AND kind = ? AND key = ?"),
              {ledger, kind, key.isNull() ? QStringLiteral("") : key});
    return q.next() ? q.value(0).toLongLong() : 0;
}

Transaction LedgerStore::readTransaction(const QSqlQuery &q, int f) {
    Transaction tx;
    tx.id = q.value(f).toLongLong();
    tx.timestamp = q.value(f + 1).toString();
    tx.insertedAt = q.value(f + 2).toString();
    tx.reference = q.value(f + 3).toString();
    tx.metadata = metadataFromText(q.value(f + 4).toString());
    const auto doc = Json::Document::parse(q.value(f + 5).toString().toUtf8());
    if (doc)
        for (const Json::Value &p : doc->root().elements())
            tx.postings.append({p["source"].toString(), p["destination"].toString(), p["asset"].toString(),
                                BigInt::fromString(p["amount"].numberText()).value_or(BigInt())});
    tx.revertedAt = q.value(f + 6).toString();
    tx.postVolumes = q.value(f + 7).toString().toUtf8();
    return tx;
}

std::optional<Transaction> LedgerStore::transaction(const QString &ledger, qint64 id) {
    QSqlQuery &q =
        prepared("SELECT id, ts, inserted_at, reference, metadata, postings, reverted_at, post_volumes"
                 " FROM transactions WHERE ledger = ? AND id = ?");
    run(q, {ledger, id});
    if (!q.next())
        return std::nullopt;
    Transaction tx = readTransaction(q);
    q.finish();
    return tx;
}

bool LedgerStore::referenceExists(const QString &ledger, const QString &reference) {
    QSqlQuery &q = prepared("SELECT 1 FROM transactions WHERE ledger = ? AND reference = ?");
    run(q, {ledger, reference});
    const bool found = q.next();
    q.finish();
    return found;
}

void LedgerStore::indexMetadata(const QString &ledger, qint64 id, const Metadata &md) {
    QSqlQuery &insert =
        prepared("INSERT OR IGNORE INTO transaction_metadata(ledger, key, value, tx_id) VALUES (?, ?, ?, ?)");
    for (auto it = md.cbegin(); it != md.cend(); ++it)
        run(insert, {ledger, it.key(), it.value(), id});
}

void LedgerStore::setTransactionMetadata(const QString &ledger, qint64 id, const Metadata &md) {
    if (const auto old = transaction(ledger, id)) {
        QSqlQuery &remove = prepared(
            "DELETE FROM transaction_metadata WHERE ledger = ? AND key = ? AND value = ? AND tx_id = ?");
        for (auto it = old->metadata.cbegin(); it != old->metadata.cend(); ++it)
            run(remove, {ledger, it.key(), it.value(), id});
    }
    indexMetadata(ledger, id, md);
    run(prepared("UPDATE transactions SET metadata = ? WHERE ledger = ? AND id = ?"),
        {QString::fromUtf8(metadataJson(md)), ledger, id});
}

void LedgerStore::markReverted(const QString &ledger, qint64 id, const QString &at) {
    run(prepared("UPDATE transactions SET reverted_at = ? WHERE ledger = ? AND id = ?"), {at, ledger, id});
}

void LedgerStore::insertMove(const QString &ledger, qint64 txId, const QString &account, const QString &asset,
                             const BigInt &amount, bool isSource, const QString &ts,
                             const QString &insertedAt) {
    // Effective volumes follow (timestamp, id) order, not insertion order: a backdated move
    // starts from the move just before it and shifts every later one.
    const QString key = ledger + QChar(0x1f) + account + QChar(0x1f) + asset;
    Volume eff;
    bool laterMoves = false;
    const auto cached = m_lastEff.constFind(key);
    if (cached != m_lastEff.cend() && std::make_pair(cached->ts, cached->txId) <= std::make_pair(ts, txId)) {
        eff = cached->volume;
    } else {
        QSqlQuery &prev =
            prepared("SELECT eff_input, eff_output FROM moves WHERE ledger = ? AND account = ? AND"
                     " asset = ? AND (ts < ? OR (ts = ? AND tx_id <= ?))"
                     " ORDER BY ts DESC, tx_id DESC, seq DESC LIMIT 1");
        run(prev, {ledger, account, asset, ts, ts, txId});
        if (prev.next())
            eff = Volume{BigInt::fromString(prev.value(0).toString()).value_or(BigInt()),
                         BigInt::fromString(prev.value(1).toString()).value_or(BigInt())};
        prev.finish();
        QSqlQuery later =
            query(QStringLiteral("SELECT seq, eff_input, eff_output FROM moves WHERE ledger = ? AND"
                                 " account = ? AND asset = ? AND (ts > ? OR (ts = ? AND tx_id > ?))"),
                  {ledger, account, asset, ts, ts, txId});
        QList<std::pair<qint64, Volume>> shifted;
        while (later.next()) {
            Volume v{BigInt::fromString(later.value(1).toString()).value_or(BigInt()),
                     BigInt::fromString(later.value(2).toString()).value_or(BigInt())};
            (isSource ? v.output : v.input) += amount;
            shifted.append({later.value(0).toLongLong(), v});
        }
        for (const auto &[seq, v] : shifted)
            run(prepared("UPDATE moves SET eff_input = ?, eff_output = ? WHERE seq = ?"),
                {v.input.toString(), v.output.toString(), seq});
        laterMoves = !shifted.isEmpty();
    }
    (isSource ? eff.output : eff.input) += amount;
    run(prepared(
            "INSERT INTO moves(ledger, tx_id, account, asset, amount, is_source, ts, inserted_at, eff_input,"
            " eff_output) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {ledger, txId, account, asset, amount.toString(), isSource ? 1 : 0, ts, insertedAt,
         eff.input.toString(), eff.output.toString()});
    // After a backdated move the last one in effective order is another: look it up next time.
    if (laterMoves)
        m_lastEff.remove(key);
    else
        m_lastEff.insert(key, {ts, txId, eff});
}

Volume LedgerStore::effectiveVolumeAfter(const QString &ledger, qint64 txId, const QString &account,
                                         const QString &asset) {
    QSqlQuery &q =
        prepared("SELECT eff_input, eff_output FROM moves WHERE ledger = ? AND tx_id = ? AND account = ?"
                 " AND asset = ? ORDER BY seq DESC LIMIT 1");
    run(q, {ledger, txId, account, asset});
    Volume v;
    if (q.next())
        v = Volume{BigInt::fromString(q.value(0).toString()).value_or(BigInt()),
                   BigInt::fromString(q.value(1).toString()).value_or(BigInt())};
    q.finish();
    return v;
}

// --- volumes and accounts ---

Volume LedgerStore::volume(const QString &ledger, const QString &account, const QString &asset) {
    QSqlQuery &q =
        prepared("SELECT input, output FROM volumes WHERE ledger = ? AND account = ? AND asset = ?");
    run(q, {ledger, account, asset});
    Volume v;
    if (q.next()) {
        v.input = BigInt::fromString(q.value(0).toString()).value_or(BigInt());
        v.output = BigInt::fromString(q.value(1).toString()).value_or(BigInt());
    }
    q.finish();
    return v;
}

void LedgerStore::setVolume(const QString &ledger, const QString &account, const QString &asset,
                            const Volume &v) {
    run(prepared("INSERT INTO volumes(ledger, account, asset, input, output, balance_key) VALUES (?, ?, ?, "
                 "?, ?, ?)"
                 " ON CONFLICT(ledger, account, asset) DO UPDATE SET input = excluded.input,"
                 " output = excluded.output, balance_key = excluded.balance_key"),
        {ledger, account, asset, v.input.toString(), v.output.toString(), amountKey(v.balance())});
}

void LedgerStore::touchAccount(const QString &ledger, const QString &address, const QString &ts,
                               const QString &insertedAt) {
    run(prepared("INSERT INTO accounts(ledger, address, metadata, first_usage, insertion_date, updated_at)"
                 " VALUES (?, ?, '{}', ?, ?, ?) ON CONFLICT(ledger, address) DO UPDATE SET"
                 " first_usage = MIN(first_usage, excluded.first_usage), updated_at = excluded.updated_at"),
        {ledger, address, ts, insertedAt, insertedAt});
}

std::optional<Metadata> LedgerStore::accountMetadata(const QString &ledger, const QString &address) {
    QSqlQuery &q = prepared("SELECT metadata FROM accounts WHERE ledger = ? AND address = ?");
    run(q, {ledger, address});
    if (!q.next())
        return std::nullopt;
    Metadata md = metadataFromText(q.value(0).toString());
    q.finish();
    return md;
}

void LedgerStore::setAccountMetadata(const QString &ledger, const QString &address, const Metadata &md,
                                     const QString &now) {
    run(prepared("INSERT INTO accounts(ledger, address, metadata, first_usage, insertion_date, updated_at)"
                 " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(ledger, address) DO UPDATE SET"
                 " metadata = excluded.metadata, updated_at = excluded.updated_at"),
        {ledger, address, QString::fromUtf8(metadataJson(md)), now, now, now});
}

// --- logs ---

QString LedgerStore::logHash(const QString &previous, qint64 id, const QString &type, const QString &date,
                             const QByteArray &data) {
    // Each hash covers the previous one, so altering or dropping any log breaks the chain.
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(previous.toLatin1());
    h.addData(QByteArray::number(id));
    h.addData(type.toLatin1());
    h.addData(date.toLatin1());
    h.addData(data);
    return QString::fromLatin1(h.result().toHex());
}

LogEntry LedgerStore::appendLog(const QString &ledger, const QString &type, const QByteArray &data,
                                const QString &date) {
    if (!m_nextLogId.contains(ledger)) {
        QSqlQuery &q = prepared("SELECT id, hash FROM logs WHERE ledger = ? ORDER BY id DESC LIMIT 1");
        run(q, {ledger});
        if (q.next()) {
            m_nextLogId[ledger] = q.value(0).toLongLong() + 1;
            m_lastHash[ledger] = q.value(1).toString();
        } else {
            m_nextLogId[ledger] = 0;
            m_lastHash[ledger] = QString();
        }
        q.finish();
    }
    LogEntry e;
    e.id = m_nextLogId[ledger];
    e.type = type;
    e.data = data;
    e.date = date;
    e.hash = logHash(m_lastHash[ledger], e.id, type, date, data);
    run(prepared("INSERT INTO logs(ledger, id, type, data, hash, date) VALUES (?, ?, ?, ?, ?, ?)"),
        {ledger, e.id, type, QString::fromUtf8(data), e.hash, date});
    m_nextLogId[ledger] = e.id + 1;
    m_lastHash[ledger] = e.hash;
    return e;
}

qint64 LedgerStore::logCount(const QString &ledger) {
    QSqlQuery &q = prepared("SELECT COUNT(*) FROM logs WHERE ledger = ?");
    run(q, {ledger});
    q.next();
    const qint64 n = q.value(0).toLongLong();
    q.finish();
    return n;
}

// --- idempotency ---

std::optional<IdempotentResult> LedgerStore::idempotent(const QString &ledger, const QString &key) {
    QSqlQuery &q =
        prepared("SELECT request_hash, status, body FROM idempotency WHERE ledger = ? AND key = ?");
    run(q, {ledger, key});
    if (!q.next())
        return std::nullopt;
    IdempotentResult r{q.value(0).toByteArray(), q.value(1).toInt(), q.value(2).toByteArray()};
    q.finish();
    return r;
}

void LedgerStore::saveIdempotent(const QString &ledger, const QString &key, const IdempotentResult &r) {
    run(prepared("INSERT OR REPLACE INTO idempotency(ledger, key, request_hash, status, body) VALUES (?, ?, "
                 "?, ?, ?)"),
        {ledger, key, r.requestHash, r.status,
         r.body.isNull() ? QByteArray("") : r.body}); // 204: empty, not NULL
}

// --- JSON helpers ---

QByteArray LedgerStore::metadataJson(const Metadata &md) {
    Json::Writer w;
    w.beginObject();
    for (auto it = md.cbegin(); it != md.cend(); ++it) {
        w.key(it.key());
        w.value(it.value());
    }
    w.endObject();
    return w.take();
}

Expected<Metadata> LedgerStore::metadataFrom(const Json::Value &v, const QString &what, bool limited) {
    Metadata md;
    if (v.isNull())
        return md;
    if (!v.isObject())
        return LedgerError::validation(QStringLiteral("%1 must be an object of strings").arg(what));
    qint64 bytes = 0;
    for (const auto &[k, val] : v.members()) {
        if (!val.isString())
            return LedgerError::validation(
                QStringLiteral("%1: value of '%2' must be a string")
                    .arg(what, QString::fromUtf8(k.data(), qsizetype(k.size())).left(100)));
        const QString value = val.toString();
        bytes += qint64(k.size()) + value.size();
        if (limited && bytes > kMaxMetadataBytes)
            return LedgerError::validation(
                QStringLiteral("%1 larger than %2 KiB").arg(what).arg(kMaxMetadataBytes / 1024));
        md.insert(QString::fromUtf8(k.data(), qsizetype(k.size())), value);
    }
    return md;
}

Metadata LedgerStore::metadataFromText(const QString &json) {
    const auto doc = Json::Document::parse(json.toUtf8());
    if (!doc)
        return {};
    auto md = metadataFrom(doc->root(), QString(), false); // stored: never refused
    return md ? md.value() : Metadata{};
}

QByteArray LedgerStore::postingsJson(const QList<Posting> &postings) {
    Json::Writer w;
    w.beginArray();
    for (const Posting &p : postings) {
        w.beginObject();
        w.key("source");
        w.value(p.source);
        w.key("destination");
        w.value(p.destination);
        w.key("asset");
        w.value(p.asset);
        w.key("amount");
        w.value(p.amount);
        w.endObject();
    }
    w.endArray();
    return w.take();
}

} // namespace Formance::Sandbox
