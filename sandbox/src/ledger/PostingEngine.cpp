#include "PostingEngine.h"

#include "core/EventBus.h"

#include "ClientJson.h"

#include "AmountKey.h"
#include <Formance/json/JsonDocument.h>
#include <Formance/json/JsonWriter.h>

#include <QRegularExpression>

#include <map>

namespace Formance::Sandbox {

namespace {
const QString kWorld = QStringLiteral("world");
constexpr int kMaxAmountDigits = 1000;
const QString kRevertsKey = QStringLiteral("com.formance.spec/state/reverts");

QString targetTypeName(TargetType t) {
    return t == TargetType::Transaction ? QStringLiteral("TRANSACTION") : QStringLiteral("ACCOUNT");
}

LedgerError insufficientFund(const QString &account, const QString &asset) {
    return {400, QStringLiteral("INSUFFICIENT_FUND"),
            QStringLiteral("account '%1' had insufficient funds in %2").arg(account, asset)};
}
} // namespace

template <class F> auto PostingEngine::inTransaction(F &&f, bool dryRun) -> decltype(f()) {
    if (m_batch)
        return f(); // apply() checks everything before writing, so a refusal leaves nothing
    m_store.begin();
    try {
        auto result = f();
        if (result.ok() && !dryRun)
            m_store.commit();
        else
            m_store.rollback();
        return result;
    } catch (...) {
        m_store.rollback();
        throw;
    }
}

void PostingEngine::publish(const QString &ledger, const char *type, QByteArray payload) {
    StackEvent e{QStringLiteral("ledger"), QString::fromLatin1(type), nowTime(), ledger, std::move(payload)};
    const EventBus *bus = m_events;
    m_store.afterCommit([bus, e = std::move(e)] { bus->publish(e); });
}

bool PostingEngine::validAddress(const QString &address) {
    static const QRegularExpression re(QStringLiteral("^[a-zA-Z0-9_-]+(:[a-zA-Z0-9_-]+)*$"));
    return address.size() <= 1024 && re.match(address).hasMatch();
}

bool PostingEngine::validAsset(const QString &asset) {
    static const QRegularExpression re(QStringLiteral("^[A-Z][A-Z0-9]{0,16}(_[A-Z]{1,16})?(/\\d{1,6})?$"));
    return re.match(asset).hasMatch();
}

void PostingEngine::writeTransaction(Json::Writer &w, const Transaction &tx) {
    w.key("id");
    w.value(tx.id);
    w.key("timestamp");
    w.value(tx.timestamp);
    w.key("insertedAt");
    w.value(tx.insertedAt);
    w.key("postings");
    w.rawJson(LedgerStore::postingsJson(tx.postings));
    if (!tx.reference.isEmpty()) {
        w.key("reference");
        w.value(tx.reference);
    }
    w.key("metadata");
    w.rawJson(LedgerStore::metadataJson(tx.metadata));
    w.key("reverted");
    w.value(tx.reverted());
    if (tx.reverted()) {
        w.key("revertedAt");
        w.value(tx.revertedAt);
    }
}

void PostingEngine::setBatch(bool batch) {
    if (m_batch && !batch) {
        for (const BatchVolume &b : std::as_const(m_batchVolumes))
            m_store.setVolume(b.ledger, b.account, b.asset, b.volume);
        for (const BatchTouch &t : std::as_const(m_batchTouched))
            m_store.touchAccount(t.ledger, t.account, t.firstUsage, t.insertedAt);
        m_batchVolumes.clear();
        m_batchTouched.clear();
    }
    m_batch = batch;
}

void PostingEngine::abandonBatch() {
    m_batchVolumes.clear();
    m_batchTouched.clear();
    m_batch = false;
}

Volume PostingEngine::loadVolume(const QString &ledger, const QString &account, const QString &asset) {
    if (!m_batch)
        return m_store.volume(ledger, account, asset);
    const QString key = ledger + QChar(0x1f) + account + QChar(0x1f) + asset;
    auto it = m_batchVolumes.find(key);
    if (it == m_batchVolumes.end())
        it = m_batchVolumes.insert(key, {ledger, account, asset, m_store.volume(ledger, account, asset)});
    return it->volume;
}

// --- ledgers ---

Expected<LedgerInfo> PostingEngine::requireLedger(const QString &name) {
    auto l = m_store.ledger(name);
    if (!l)
        return LedgerError::ledgerNotFound(name);
    return *l;
}

Expected<LedgerInfo> PostingEngine::createLedger(const QString &name, const QString &bucket,
                                                 const Metadata &md) {
    static const QRegularExpression re(QStringLiteral("^[0-9a-zA-Z_-]{1,63}$"));
    if (!re.match(name).hasMatch())
        return LedgerError::validation(
            QStringLiteral("invalid ledger name '%1': use 1 to 63 of [0-9a-zA-Z_-]").arg(name));
    if (!bucket.isEmpty() && !re.match(bucket).hasMatch())
        return LedgerError::validation(QStringLiteral("invalid bucket name '%1'").arg(bucket));
    return inTransaction([&]() -> Expected<LedgerInfo> {
        if (m_store.ledger(name))
            return LedgerError{400, QStringLiteral("VALIDATION"),
                               QStringLiteral("ledger '%1' already exists").arg(name)};
        LedgerInfo info{name, bucket.isEmpty() ? QStringLiteral("_default") : bucket, nowTime(), md};
        m_store.insertLedger(info);
        return info;
    });
}

Expected<bool> PostingEngine::updateLedgerMetadata(const QString &ledger, const Metadata &md) {
    return inTransaction([&]() -> Expected<bool> {
        auto l = requireLedger(ledger);
        if (!l)
            return l.error();
        Metadata merged = l->metadata;
        for (auto it = md.cbegin(); it != md.cend(); ++it)
            merged.insert(it.key(), it.value());
        m_store.setLedgerMetadata(ledger, merged);
        return true;
    });
}

Expected<bool> PostingEngine::deleteLedgerMetadata(const QString &ledger, const QString &key) {
    return inTransaction([&]() -> Expected<bool> {
        auto l = requireLedger(ledger);
        if (!l)
            return l.error();
        Metadata md = l->metadata;
        md.remove(key);
        m_store.setLedgerMetadata(ledger, md);
        return true;
    });
}

// --- transactions ---

Expected<Transaction> PostingEngine::createTransaction(const QString &ledger, const NewTransaction &tx,
                                                       bool dryRun) {
    if (tx.postings.isEmpty())
        return LedgerError{400, QStringLiteral("NO_POSTINGS"), QStringLiteral("transaction has no postings")};
    for (const Posting &p : tx.postings) {
        if (!validAddress(p.source) || !validAddress(p.destination))
            return LedgerError::validation(
                QStringLiteral("invalid account address in posting %1 -> %2").arg(p.source, p.destination));
        if (!validAsset(p.asset))
            return LedgerError::validation(QStringLiteral("invalid asset '%1'").arg(p.asset));
        if (p.amount.isNegative())
            return LedgerError::validation(QStringLiteral("negative amount"));
        // Far beyond any real asset; keeps balance keys (4-digit length prefix) ordered.
        if (p.amount.toString().size() > kMaxAmountDigits)
            return LedgerError::validation(
                QStringLiteral("amount longer than %1 digits").arg(kMaxAmountDigits));
    }
    return inTransaction(
        [&]() -> Expected<Transaction> {
            if (!m_store.ledgerExists(ledger))
                return LedgerError::ledgerNotFound(ledger);
            auto done = apply(ledger, tx);
            if (done && m_events) {
                Json::Writer w;
                w.beginObject();
                w.key("ledger");
                w.value(ledger);
                w.key("transactions");
                w.beginArray();
                w.beginObject();
                writeTransaction(w, done.value());
                w.endObject();
                w.endArray();
                w.key("accountMetadata");
                w.beginObject();
                for (auto it = tx.accountMetadata.cbegin(); it != tx.accountMetadata.cend(); ++it) {
                    w.key(it.key());
                    w.rawJson(LedgerStore::metadataJson(it.value()));
                }
                w.endObject();
                w.endObject();
                publish(ledger, "COMMITTED_TRANSACTIONS", w.take());
            }
            return done;
        },
        dryRun);
}

Expected<Transaction> PostingEngine::apply(const QString &ledger, const NewTransaction &in, bool writeLog) {
    if (!in.reference.isEmpty() && m_store.referenceExists(ledger, in.reference))
        return LedgerError{
            400, QStringLiteral("CONFLICT"),
            QStringLiteral("a transaction with reference '%1' already exists").arg(in.reference)};

    // Postings apply in order; each source must hold the funds at that point.
    std::map<std::pair<QString, QString>, Volume> volumes;
    auto vol = [&](const QString &account, const QString &asset) -> Volume & {
        auto key = std::make_pair(account, asset);
        auto it = volumes.find(key);
        if (it == volumes.end())
            it = volumes.emplace(key, loadVolume(ledger, account, asset)).first;
        return it->second;
    };
    for (const Posting &p : in.postings) {
        Volume &src = vol(p.source, p.asset);
        src.output += p.amount;
        if (!in.force && p.source != kWorld && !in.unboundedOverdraft.contains(p.source) &&
            src.balance().isNegative())
            return insufficientFund(p.source, p.asset);
        vol(p.destination, p.asset).input += p.amount;
    }

    Transaction tx;
    tx.id = m_store.nextTransactionId(ledger);
    tx.insertedAt = in.insertedAt.isEmpty() ? nowTime() : in.insertedAt;
    tx.timestamp = in.timestamp.isEmpty() ? tx.insertedAt : in.timestamp;
    tx.reference = in.reference;
    tx.metadata = in.metadata;
    tx.postings = in.postings;

    Json::Writer pv;
    pv.beginObject();
    QString lastAccount;
    for (const auto &[key, v] : volumes) {
        if (key.first != lastAccount) {
            if (!lastAccount.isNull())
                pv.endObject();
            pv.key(key.first);
            pv.beginObject();
            lastAccount = key.first;
        }
        pv.key(key.second);
        pv.beginObject();
        pv.key("input");
        pv.value(v.input);
        pv.key("output");
        pv.value(v.output);
        pv.key("balance");
        pv.value(v.balance());
        pv.endObject();
        if (m_batch)
            m_batchVolumes.insert(ledger + QChar(0x1f) + key.first + QChar(0x1f) + key.second,
                                  {ledger, key.first, key.second, v});
        else
            m_store.setVolume(ledger, key.first, key.second, v);
    }
    if (!lastAccount.isNull())
        pv.endObject();
    pv.endObject();
    tx.postVolumes = pv.take();

    m_store.insertTransaction(ledger, tx);
    for (const Posting &p : tx.postings) {
        m_store.insertMove(ledger, tx.id, p.source, p.asset, p.amount, true, tx.timestamp, tx.insertedAt);
        m_store.insertMove(ledger, tx.id, p.destination, p.asset, p.amount, false, tx.timestamp,
                           tx.insertedAt);
        for (const QString &account : {p.source, p.destination}) {
            if (!m_batch) {
                m_store.touchAccount(ledger, account, tx.timestamp, tx.insertedAt);
                continue;
            }
            const QString key = ledger + QChar(0x1f) + account;
            auto it = m_batchTouched.find(key);
            if (it == m_batchTouched.end())
                m_batchTouched.insert(key, {ledger, account, tx.timestamp, tx.insertedAt});
            else
                it->firstUsage = std::min(it->firstUsage, tx.timestamp);
        }
    }
    for (auto it = in.accountMetadata.cbegin(); it != in.accountMetadata.cend(); ++it) {
        Metadata md = m_store.accountMetadata(ledger, it.key()).value_or(Metadata{});
        for (auto m = it->cbegin(); m != it->cend(); ++m)
            md.insert(m.key(), m.value());
        m_store.setAccountMetadata(ledger, it.key(), md, tx.insertedAt);
    }

    if (!writeLog)
        return tx;
    Json::Writer log;
    log.beginObject();
    log.key("transaction");
    log.beginObject();
    writeTransaction(log, tx);
    log.endObject();
    log.key("accountMetadata");
    log.beginObject();
    for (auto it = in.accountMetadata.cbegin(); it != in.accountMetadata.cend(); ++it) {
        log.key(it.key());
        log.rawJson(LedgerStore::metadataJson(*it));
    }
    log.endObject();
    log.endObject();
    m_store.appendLog(ledger, QStringLiteral("NEW_TRANSACTION"), log.take(), tx.insertedAt);
    return tx;
}

Expected<Transaction> PostingEngine::revert(const QString &ledger, qint64 id, bool force,
                                            bool atEffectiveDate, bool dryRun, const QString &at) {
    return inTransaction(
        [&]() -> Expected<Transaction> {
            if (!m_store.ledgerExists(ledger))
                return LedgerError::ledgerNotFound(ledger);
            auto done = applyRevert(ledger, id, force, at, atEffectiveDate, at);
            if (done && m_events) {
                Json::Writer w;
                w.beginObject();
                w.key("ledger");
                w.value(ledger);
                w.key("revertedTransaction");
                w.beginObject();
                writeTransaction(w, m_store.transaction(ledger, id).value_or(Transaction{}));
                w.endObject();
                w.key("revertTransaction");
                w.beginObject();
                writeTransaction(w, done.value());
                w.endObject();
                w.endObject();
                publish(ledger, "REVERTED_TRANSACTION", w.take());
            }
            return done;
        },
        dryRun);
}

Expected<Transaction> PostingEngine::applyRevert(const QString &ledger, qint64 id, bool force,
                                                 const QString &timestamp, bool atEffectiveDate,
                                                 const QString &insertedAt) {
    auto original = m_store.transaction(ledger, id);
    if (!original)
        return LedgerError::notFound(QStringLiteral("transaction %1 not found").arg(id));
    if (original->reverted())
        return LedgerError{400, QStringLiteral("ALREADY_REVERT"),
                           QStringLiteral("transaction %1 was already reverted").arg(id)};
    NewTransaction rev;
    for (auto it = original->postings.crbegin(); it != original->postings.crend(); ++it)
        rev.postings.append({it->destination, it->source, it->asset, it->amount});
    rev.metadata.insert(kRevertsKey, QString::number(id));
    rev.force = force;
    rev.timestamp = !timestamp.isEmpty() ? timestamp : atEffectiveDate ? original->timestamp : QString();
    rev.insertedAt = insertedAt;
    auto created = apply(ledger, rev, false); // logged below as a revert
    if (!created)
        return created.error();
    m_store.markReverted(ledger, id, created->insertedAt);
    Json::Writer log;
    log.beginObject();
    log.key("revertedTransactionID");
    log.value(id);
    log.key("revertTransaction");
    log.beginObject();
    writeTransaction(log, created.value());
    log.endObject();
    log.endObject();
    m_store.appendLog(ledger, QStringLiteral("REVERTED_TRANSACTION"), log.take(), created->insertedAt);
    return created;
}

// --- metadata ---

Expected<bool> PostingEngine::setMetadata(const QString &ledger, TargetType type, const QString &target,
                                          const Metadata &md) {
    return inTransaction([&]() -> Expected<bool> {
        if (!m_store.ledgerExists(ledger))
            return LedgerError::ledgerNotFound(ledger);
        auto done = applySetMetadata(ledger, type, target, md);
        if (done && m_events) {
            Json::Writer w;
            w.beginObject();
            w.key("ledger");
            w.value(ledger);
            w.key("targetType");
            w.value(targetTypeName(type));
            w.key("targetId");
            w.value(target);
            w.key("metadata");
            w.rawJson(LedgerStore::metadataJson(md));
            w.endObject();
            publish(ledger, "SAVED_METADATA", w.take());
        }
        return done;
    });
}

static Expected<qint64> txIdFrom(const QString &target) {
    bool ok = false;
    const qint64 id = target.toLongLong(&ok);
    if (!ok || id < 0)
        return LedgerError::validation(QStringLiteral("invalid transaction id '%1'").arg(target));
    return id;
}

Expected<bool> PostingEngine::applySetMetadata(const QString &ledger, TargetType type, const QString &target,
                                               const Metadata &md) {
    const QString now = nowTime();
    if (type == TargetType::Transaction) {
        auto id = txIdFrom(target);
        if (!id)
            return id.error();
        auto tx = m_store.transaction(ledger, id.value());
        if (!tx)
            return LedgerError::notFound(QStringLiteral("transaction %1 not found").arg(target));
        Metadata merged = tx->metadata;
        for (auto it = md.cbegin(); it != md.cend(); ++it)
            merged.insert(it.key(), it.value());
        m_store.setTransactionMetadata(ledger, id.value(), merged);
    } else {
        if (!validAddress(target))
            return LedgerError::validation(QStringLiteral("invalid account address '%1'").arg(target));
        Metadata merged = m_store.accountMetadata(ledger, target).value_or(Metadata{});
        for (auto it = md.cbegin(); it != md.cend(); ++it)
            merged.insert(it.key(), it.value());
        m_store.setAccountMetadata(ledger, target, merged, now);
    }
    Json::Writer log;
    log.beginObject();
    log.key("targetType");
    log.value(targetTypeName(type));
    log.key("targetId");
    if (type == TargetType::Transaction)
        log.value(target.toLongLong());
    else
        log.value(target);
    log.key("metadata");
    log.rawJson(LedgerStore::metadataJson(md));
    log.endObject();
    m_store.appendLog(ledger, QStringLiteral("SET_METADATA"), log.take(), now);
    return true;
}

Expected<bool> PostingEngine::deleteMetadata(const QString &ledger, TargetType type, const QString &target,
                                             const QString &key) {
    return inTransaction([&]() -> Expected<bool> {
        if (!m_store.ledgerExists(ledger))
            return LedgerError::ledgerNotFound(ledger);
        auto done = applyDeleteMetadata(ledger, type, target, key);
        if (done && m_events) {
            Json::Writer w;
            w.beginObject();
            w.key("ledger");
            w.value(ledger);
            w.key("targetType");
            w.value(targetTypeName(type));
            w.key("targetId");
            w.value(target);
            w.key("key");
            w.value(key);
            w.endObject();
            publish(ledger, "DELETED_METADATA", w.take());
        }
        return done;
    });
}

Expected<bool> PostingEngine::applyDeleteMetadata(const QString &ledger, TargetType type,
                                                  const QString &target, const QString &key) {
    const QString now = nowTime();
    if (type == TargetType::Transaction) {
        auto id = txIdFrom(target);
        if (!id)
            return id.error();
        auto tx = m_store.transaction(ledger, id.value());
        if (!tx)
            return LedgerError::notFound(QStringLiteral("transaction %1 not found").arg(target));
        Metadata md = tx->metadata;
        md.remove(key);
        m_store.setTransactionMetadata(ledger, id.value(), md);
    } else {
        auto md = m_store.accountMetadata(ledger, target);
        if (!md)
            return LedgerError::notFound(QStringLiteral("account '%1' not found").arg(target));
        md->remove(key);
        m_store.setAccountMetadata(ledger, target, *md, now);
    }
    // The spec's log types have no DELETE_METADATA: it is logged as SET_METADATA carrying the
    // removed key, which keeps the spec's enum and lets an import replay it.
    Json::Writer log;
    log.beginObject();
    log.key("targetType");
    log.value(targetTypeName(type));
    log.key("targetId");
    if (type == TargetType::Transaction)
        log.value(target.toLongLong());
    else
        log.value(target);
    log.key("metadata");
    log.beginObject();
    log.endObject();
    log.key("deletedKey");
    log.value(key);
    log.endObject();
    m_store.appendLog(ledger, QStringLiteral("SET_METADATA"), log.take(), now);
    return true;
}

// --- import ---

static Expected<NewTransaction> newTransactionFromLog(const Json::Value &t) {
    NewTransaction n;
    n.force = true;
    for (const Json::Value &p : t["postings"].elements()) {
        auto amount = BigInt::fromString(p["amount"].numberText());
        if (!amount)
            return LedgerError{400, QStringLiteral("IMPORT"),
                               QStringLiteral("bad amount in imported posting")};
        n.postings.append(
            {p["source"].toString(), p["destination"].toString(), p["asset"].toString(), *amount});
    }
    n.timestamp = parseTime(t["timestamp"].toString()).value_or(QString());
    n.reference = t["reference"].toString();
    auto md = LedgerStore::metadataFrom(t["metadata"], QStringLiteral("metadata"));
    if (md)
        n.metadata = md.value();
    return n;
}

Expected<qint64> PostingEngine::importLogs(const QString &ledger, const QByteArray &ndjson) {
    auto importError = [](const QString &m) { return LedgerError{400, QStringLiteral("IMPORT"), m}; };
    return inTransaction([&]() -> Expected<qint64> {
        auto l = requireLedger(ledger);
        if (!l)
            return l.error();
        if (m_store.logCount(ledger) > 0)
            return importError(
                QStringLiteral("ledger '%1' is not empty: logs can only be imported into an empty ledger")
                    .arg(ledger));
        qint64 count = 0;
        QString previousHash;
        for (const QByteArray &line : ndjson.split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            QString err;
            const auto doc = parseClientJson(line, &err);
            if (!doc || !doc->root().isObject())
                return importError(QStringLiteral("log %1 is not a JSON object: %2").arg(count).arg(err));
            const Json::Value log = doc->root();
            const QString type = log["type"].toString();
            const Json::Value data = log["data"];
            // The export's own chain: ids 0, 1, 2 ... without a gap, each hash linking the one
            // before. A dropped, reordered or altered log refuses the whole import.
            const auto id = BigInt::fromString(log["id"].numberText()).value_or(-1).toInt64();
            if (!log["id"].isNumber() || id.value_or(-1) != count)
                return importError(
                    QStringLiteral("log %1: its id is %2, expected %1 (ids must follow each other from 0)")
                        .arg(count)
                        .arg(log["id"].isNumber()
                                 ? QString::fromUtf8(log["id"].numberText().data(),
                                                     qsizetype(log["id"].numberText().size()))
                                 : QStringLiteral("missing")));
            const QString hash = log["hash"].toString();
            const QString expected =
                LedgerStore::logHash(previousHash, count, type, log["date"].toString(), data.toJson());
            if (hash != expected)
                return importError(
                    QStringLiteral("log %1: its hash does not match its content and the log before it "
                                   "(altered, or not exported by this sandbox)")
                        .arg(count));
            previousHash = hash;
            if (type == QLatin1String("NEW_TRANSACTION")) {
                auto n = newTransactionFromLog(data["transaction"]);
                if (!n)
                    return n.error();
                for (const auto &[acc, md] : data["accountMetadata"].members()) {
                    auto m = LedgerStore::metadataFrom(md, QStringLiteral("accountMetadata"));
                    if (m)
                        n->accountMetadata.insert(QString::fromUtf8(acc.data(), qsizetype(acc.size())),
                                                  m.value());
                }
                auto r = apply(ledger, n.value());
                if (!r)
                    return importError(r.error().message);
            } else if (type == QLatin1String("REVERTED_TRANSACTION")) {
                const auto id =
                    BigInt::fromString(data["revertedTransactionID"].numberText()).value_or(-1).toInt64();
                const QString ts =
                    parseTime(data["revertTransaction"]["timestamp"].toString()).value_or(QString());
                auto r = applyRevert(ledger, id.value_or(-1), true, ts, false);
                if (!r)
                    return importError(r.error().message);
            } else if (type == QLatin1String("SET_METADATA")) {
                const QString tt = data["targetType"].toString();
                const TargetType target =
                    tt == QLatin1String("TRANSACTION") ? TargetType::Transaction : TargetType::Account;
                const QString id = data["targetId"].isNumber()
                                       ? QString::fromUtf8(data["targetId"].numberText().data(),
                                                           qsizetype(data["targetId"].numberText().size()))
                                       : data["targetId"].toString();
                Expected<bool> r = true;
                if (data["deletedKey"].isString())
                    r = applyDeleteMetadata(ledger, target, id, data["deletedKey"].toString());
                else {
                    auto md = LedgerStore::metadataFrom(data["metadata"], QStringLiteral("metadata"));
                    if (!md)
                        return importError(md.error().message);
                    r = applySetMetadata(ledger, target, id, md.value());
                }
                if (!r)
                    return importError(r.error().message);
            } else {
                return importError(QStringLiteral("unknown log type '%1'").arg(type));
            }
            ++count;
        }
        return count;
    });
}

} // namespace Formance::Sandbox
