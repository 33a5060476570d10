#include "LedgerV1Api.h"

#include "ledger/AmountKey.h"
#include "ledger/Numscript.h"

#include <QRegularExpression>

namespace Formance::Sandbox {

namespace {

// v1's error enum is smaller than v2's: fold the v2-only codes onto their v1 meaning.
Response v1Error(const LedgerError &e) {
    LedgerError out = e;
    if (e.code == QLatin1String("LEDGER_NOT_FOUND"))
        out.code = QStringLiteral("NOT_FOUND");
    else if (e.code == QLatin1String("ALREADY_REVERT") || e.code == QLatin1String("REVERT_OCCURRING"))
        out.code = QStringLiteral("CONFLICT");
    else if (e.code == QLatin1String("NO_POSTINGS") || e.code == QLatin1String("IMPORT"))
        out.code = QStringLiteral("VALIDATION");
    return errorResponse(out);
}

// v1 metadata: any JSON per key; strings are kept, anything else as its JSON text.
Expected<Metadata> v1Metadata(const Json::Value &v) {
    Metadata md;
    if (v.isNull())
        return md;
    if (!v.isObject())
        return LedgerError::validation(QStringLiteral("metadata must be an object"));
    for (const auto &[k, val] : v.members())
        md.insert(QString::fromUtf8(k.data(), qsizetype(k.size())),
                  val.isString() ? val.toString() : QString::fromUtf8(val.toJson()));
    return md;
}

// v1 names a few parameters twice (pageSize/page_size, cursor/pagination_token).
Request normalised(const Request &r) {
    Request out = r;
    auto alias = [&](const char *from, const char *to) {
        const QString f = QString::fromLatin1(from), t = QString::fromLatin1(to);
        if (out.query.hasQueryItem(f) && !out.query.hasQueryItem(t))
            out.query.addQueryItem(t, out.query.queryItemValue(f));
    };
    alias("page_size", "pageSize");
    alias("pagination_token", "cursor");
    alias("start_time", "startTime");
    alias("end_time", "endTime");
    alias("balance_operator", "balanceOperator");
    out.body.clear(); // v1 filters travel in the query, never in a GET body
    return out;
}

// v1's address filters are regular expressions ("users:.+").
std::optional<LedgerError> badRegex(const Request &r) {
    for (const char *name : {"address", "account", "source", "destination"}) {
        const QString pattern = r.queryValue(QString::fromLatin1(name));
        if (!pattern.isEmpty() && !QRegularExpression(pattern).isValid())
            return LedgerError::validation(
                QStringLiteral("'%1' is not a valid regular expression").arg(QLatin1String(name)));
    }
    return std::nullopt;
}

QString regexCondition(const QString &column, const QString &pattern, QVariantList &binds) {
    binds << QStringLiteral("^(%1)$").arg(pattern);
    return QStringLiteral("%1 REGEXP ?").arg(column);
}

void metadataQuery(const Request &r, const QString &column, QString &where, QVariantList &binds) {
    for (const auto &item : r.query.queryItems(QUrl::FullyDecoded)) {
        const auto key = FilterQuery::bracketKey(item.first, QStringLiteral("metadata"));
        if (!key)
            continue;
        where +=
            QStringLiteral(" AND EXISTS (SELECT 1 FROM json_each(%1) md WHERE md.key = ? AND md.value = ?)")
                .arg(column);
        binds << *key << item.second;
    }
}

} // namespace

void LedgerV1Api::registerRoutes(Router &router) {
    using A = LedgerV1Api;
    // Writes keep their body; reads get v1's parameter aliases and regex checks, and no body.
    Routes writes(router, QStringLiteral("/api/ledger"), v1Error);
    writes.on("GET", "/_info", this, &A::info)
        .on("POST", "/{ledger}/accounts/{address}/metadata", this, &A::addAccountMetadata)
        .on("PUT", "/{ledger}/mapping", this, &A::updateMapping)
        .on("POST", "/{ledger}/script", this, &A::runScript)
        .on("POST", "/{ledger}/transactions", this, &A::createTransaction)
        .on("POST", "/{ledger}/transactions/batch", this, &A::createTransactions)
        .on("POST", "/{ledger}/transactions/{txid}/metadata", this, &A::addTransactionMetadata);
    Routes reads(router, QStringLiteral("/api/ledger"), v1Error);
    reads.setFilter([](const Request &r, const ReplyHandler &h) -> Reply {
        if (auto bad = badRegex(r))
            return *bad;
        return h(normalised(r));
    });
    reads.on("GET", "/{ledger}/_info", this, &A::ledgerInfo)
        .on("GET", "/{ledger}/accounts", this, &A::listAccounts)
        .on("HEAD", "/{ledger}/accounts", this, &A::countAccounts)
        .on("GET", "/{ledger}/accounts/{address}", this, &A::getAccount)
        .on("GET", "/{ledger}/aggregate/balances", this, &A::aggregateBalances)
        .on("GET", "/{ledger}/balances", this, &A::balances)
        .on("GET", "/{ledger}/logs", this, &A::listLogs)
        .on("GET", "/{ledger}/mapping", this, &A::getMapping)
        .on("GET", "/{ledger}/stats", this, &A::stats)
        .on("GET", "/{ledger}/transactions", this, &A::listTransactions)
        .on("HEAD", "/{ledger}/transactions", this, &A::countTransactions)
        .on("GET", "/{ledger}/transactions/{txid}", this, &A::getTransaction)
        .on("POST", "/{ledger}/transactions/{txid}/revert", this, &A::revertTransaction);
}

Expected<bool> LedgerV1Api::ensureLedger(const QString &name) {
    if (m_store.ledger(name))
        return true;
    auto created = m_engine.createLedger(name, QString(), {});
    if (!created)
        return created.error();
    return true;
}

Reply LedgerV1Api::info(const Request &) {
    return dataResponse([&](Json::Writer &w) {
        w.beginObject();
        w.key("server");
        w.value("formance-sandbox");
        w.key("version");
        w.value(m_version);
        w.key("config");
        w.beginObject();
        w.key("storage");
        w.beginObject();
        w.key("driver");
        w.value("sqlite");
        w.key("ledgers");
        w.beginArray();
        QSqlQuery q = m_store.query(QStringLiteral("SELECT name FROM ledgers ORDER BY name"));
        while (q.next())
            w.value(q.value(0).toString());
        w.endArray();
        w.endObject();
        w.endObject();
        w.endObject();
    });
}

Reply LedgerV1Api::ledgerInfo(const Request &r) {
    return dataResponse([&](Json::Writer &w) {
        w.beginObject();
        w.key("name");
        w.value(r.param(QStringLiteral("ledger")));
        w.key("storage");
        w.beginObject();
        w.key("migrations");
        w.beginArray();
        w.beginObject();
        w.key("version"); // an integer in v2.1.1, a string in v3.0.1
        if (m_v2.api() == ApiGeneration::V3)
            w.value("1");
        else
            w.value(1);
        w.key("name");
        w.value("sandbox-schema-1");
        w.key("state");
        w.value("DONE");
        w.endObject();
        w.endArray();
        w.endObject();
        w.endObject();
    });
}

// --- accounts and balances ---

Reply LedgerV1Api::listAccounts(const Request &r) {
    return accounts(r, false);
}

Reply LedgerV1Api::countAccounts(const Request &r) {
    return accounts(r, true);
}

Reply LedgerV1Api::accounts(const Request &r, bool countOnly) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto c = listQuery(r, {QStringLiteral("address"), QStringLiteral("balance"),
                           QStringLiteral("balanceOperator"), QStringLiteral("after")});
    if (!c)
        return c.error();
    const auto &p = c->query.params;
    QString where = QStringLiteral("FROM accounts a WHERE a.ledger = ?");
    QVariantList binds{ledger};
    if (p.contains(QStringLiteral("address")))
        where += QStringLiteral(" AND ") +
                 regexCondition(QStringLiteral("a.address"), p.value(QStringLiteral("address")), binds);
    metadataQuery(r, QStringLiteral("a.metadata"), where, binds);
    if (p.contains(QStringLiteral("balance"))) {
        auto amount = BigInt::fromString(p.value(QStringLiteral("balance")));
        static const QMap<QString, QString> ops = {{"gte", ">="}, {"lte", "<="}, {"gt", ">"},
                                                   {"lt", "<"},   {"e", "="},    {"ne", "<>"}};
        const QString op = p.value(QStringLiteral("balanceOperator"), QStringLiteral("gte"));
        if (!amount || !ops.contains(op))
            return LedgerError::validation(QStringLiteral(
                "balance must be an integer and balanceOperator one of gte, lte, gt, lt, e, ne"));
        where +=
            QStringLiteral(
                " AND EXISTS (SELECT 1 FROM volumes bv WHERE bv.ledger = a.ledger AND bv.account = a.address"
                " AND bv.balance_key %1 ?)")
                .arg(ops.value(op));
        binds << amountKey(*amount);
    }
    if (countOnly) {
        // No filter: the ledger's counter (transaction_counts), not a COUNT of every row.
        qint64 n = 0;
        if (binds.size() == 1) {
            n = m_store.transactionCount(ledger, QStringLiteral("all"), QString());
        } else {
            QSqlQuery q = m_store.query(QStringLiteral("SELECT COUNT(*) ") + where, binds);
            q.next();
            n = q.value(0).toLongLong();
        }
        Response resp = Response::empty(200);
        resp.setHeader("Count", QByteArray::number(n));
        return resp;
    }
    if (p.contains(QStringLiteral("after"))) {
        where += QStringLiteral(" AND a.address > ?");
        binds << p.value(QStringLiteral("after"));
    }
    PageSpec spec{where, binds, QStringLiteral("a.address"), false, true, QStringLiteral("a.metadata")};
    return pageResponse(m_store, c.value(), spec, [](Json::Writer &w, const QSqlQuery &q) {
        w.beginObject();
        w.key("address");
        w.value(q.value(0).toString());
        w.key("metadata");
        w.rawJson(q.value(1).toByteArray());
        w.endObject();
    });
}

Reply LedgerV1Api::getAccount(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    const QString address = r.param(QStringLiteral("address"));
    if (!PostingEngine::validAddress(address))
        return LedgerError::validation(QStringLiteral("invalid account address '%1'").arg(address));
    const Metadata md = m_store.accountMetadata(ledger, address).value_or(Metadata{});
    const VolumeMap v = m_v2.volumesAt(ledger, {address}, std::nullopt);
    static const std::map<QString, Volume> none;
    const auto it = v.find(address);
    const auto &byAsset = it == v.end() ? none : it->second;
    return dataResponse([&](Json::Writer &w) {
        w.beginObject();
        w.key("address");
        w.value(address);
        w.key("metadata");
        w.rawJson(LedgerStore::metadataJson(md));
        w.key("volumes");
        writeVolumes(w, byAsset);
        w.key("balances");
        w.beginObject();
        for (const auto &[asset, vol] : byAsset) {
            w.key(asset);
            w.value(vol.balance());
        }
        w.endObject();
        w.endObject();
    });
}

Reply LedgerV1Api::addAccountMetadata(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto body = parseBody(r.body, true);
    if (!body)
        return body.error();
    auto md = v1Metadata(body.value()->root());
    if (!md)
        return md.error();
    auto ok = ensureLedger(ledger);
    if (!ok)
        return ok.error();
    auto done =
        m_engine.setMetadata(ledger, TargetType::Account, r.param(QStringLiteral("address")), md.value());
    return noContent(done);
}

Reply LedgerV1Api::aggregateBalances(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    QString where = QStringLiteral("WHERE ledger = ?");
    QVariantList binds{ledger};
    if (r.hasQuery(QStringLiteral("address")))
        where += QStringLiteral(" AND ") +
                 regexCondition(QStringLiteral("account"), r.queryValue(QStringLiteral("address")), binds);
    QSqlQuery q = m_store.query(QStringLiteral("SELECT asset, input, output FROM volumes ") + where, binds);
    std::map<QString, BigInt> sums;
    while (q.next())
        sums[q.value(0).toString()] += BigInt::fromString(q.value(1).toString()).value_or(BigInt()) -
                                       BigInt::fromString(q.value(2).toString()).value_or(BigInt());
    return dataResponse([&](Json::Writer &w) {
        w.beginObject();
        for (const auto &[asset, sum] : sums) {
            w.key(asset);
            w.value(sum);
        }
        w.endObject();
    });
}

Reply LedgerV1Api::balances(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto c = listQuery(r, {QStringLiteral("address"), QStringLiteral("after")});
    if (!c)
        return c.error();
    const auto &p = c->query.params;
    QString where = QStringLiteral("FROM accounts a WHERE a.ledger = ?");
    QVariantList binds{ledger};
    if (p.contains(QStringLiteral("address")))
        where += QStringLiteral(" AND ") +
                 regexCondition(QStringLiteral("a.address"), p.value(QStringLiteral("address")), binds);
    if (p.contains(QStringLiteral("after"))) {
        where += QStringLiteral(" AND a.address > ?");
        binds << p.value(QStringLiteral("after"));
    }
    PageSpec spec{where, binds, QStringLiteral("a.address"), false, true, QStringLiteral("a.address")};
    return pageResponse(m_store, c.value(), spec, [this, ledger](Json::Writer &w, const QSqlQuery &q) {
        const QString address = q.value(0).toString();
        const VolumeMap v = m_v2.volumesAt(ledger, {address}, std::nullopt);
        w.beginObject();
        w.key(address);
        w.beginObject();
        if (auto it = v.find(address); it != v.end())
            for (const auto &[asset, vol] : it->second) {
                w.key(asset);
                w.value(vol.balance());
            }
        w.endObject();
        w.endObject();
    });
}

// --- logs, mapping, stats ---

Reply LedgerV1Api::listLogs(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto c = listQuery(r, {QStringLiteral("after"), QStringLiteral("startTime"), QStringLiteral("endTime")});
    if (!c)
        return c.error();
    const auto &p = c->query.params;
    QString where = QStringLiteral("FROM logs g WHERE g.ledger = ?");
    QVariantList binds{ledger};
    auto start = timeParam(p.value(QStringLiteral("startTime")), QStringLiteral("startTime"));
    auto end = timeParam(p.value(QStringLiteral("endTime")), QStringLiteral("endTime"));
    if (!start || !end)
        return !start ? start.error() : end.error();
    if (start.value()) {
        where += QStringLiteral(" AND g.date >= ?");
        binds << *start.value();
    }
    if (end.value()) {
        where += QStringLiteral(" AND g.date < ?");
        binds << *end.value();
    }
    if (p.contains(QStringLiteral("after"))) {
        where += QStringLiteral(" AND g.id < ?");
        binds << p.value(QStringLiteral("after")).toLongLong();
    }
    PageSpec spec{where, binds, QStringLiteral("g.id"),
                  true,  false, QStringLiteral("g.id, g.type, g.data, g.hash, g.date")};
    return pageResponse(m_store, c.value(), spec, [](Json::Writer &w, const QSqlQuery &q) {
        // v1 knows two log types; a revert is the new transaction it creates.
        const bool revert = q.value(2).toString() == QLatin1String("REVERTED_TRANSACTION");
        QByteArray data = q.value(3).toByteArray();
        if (revert) {
            const auto doc = Json::Document::parse(data);
            Json::Writer d;
            d.beginObject();
            d.key("transaction");
            d.rawJson(doc ? doc->root()["revertTransaction"].toJson() : QByteArray("{}"));
            d.endObject();
            data = d.take();
        }
        w.beginObject();
        w.key("id");
        w.value(q.value(1).toLongLong());
        w.key("type");
        w.value(revert ? QStringLiteral("NEW_TRANSACTION") : q.value(2).toString());
        w.key("data");
        w.rawJson(data);
        w.key("hash");
        w.value(q.value(4).toString());
        w.key("date");
        w.value(q.value(5).toString());
        w.endObject();
    });
}

Reply LedgerV1Api::getMapping(const Request &r) {
    QSqlQuery q = m_store.query(QStringLiteral("SELECT body FROM mappings WHERE ledger = ?"),
                                {r.param(QStringLiteral("ledger"))});
    return dataResponse([&](Json::Writer &w) {
        if (q.next())
            w.rawJson(q.value(0).toByteArray());
        else
            w.null();
    });
}

Reply LedgerV1Api::updateMapping(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto body = parseBody(r.body, true);
    if (!body)
        return body.error();
    const Json::Value root = body.value()->root();
    if (!root.isObject() || !root["contracts"].isArray())
        return LedgerError::validation(QStringLiteral("a mapping is an object with a contracts array"));
    auto ok = ensureLedger(ledger);
    if (!ok)
        return ok.error();
    // Stored and returned, not enforced: v1 contracts were removed from the real ledger too.
    m_store.query(QStringLiteral("INSERT OR REPLACE INTO mappings(ledger, body) VALUES (?, ?)"),
                  {ledger, QString::fromUtf8(root.toJson())});
    return dataResponse([&](Json::Writer &w) { w.rawJson(root.toJson()); });
}

Reply LedgerV1Api::stats(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    QSqlQuery a = m_store.query(QStringLiteral("SELECT COUNT(*) FROM accounts WHERE ledger = ?"), {ledger});
    a.next();
    const qint64 transactions = m_store.transactionCount(ledger, QStringLiteral("all"), QString());
    return dataResponse([&](Json::Writer &w) {
        w.beginObject();
        w.key("accounts");
        w.value(a.value(0).toLongLong());
        w.key("transactions");
        w.value(transactions);
        w.endObject();
    });
}

// --- transactions ---

void LedgerV1Api::writeTransaction(Json::Writer &w, const Transaction &tx) {
    w.beginObject();
    w.key("txid");
    w.value(tx.id);
    w.key("timestamp");
    w.value(tx.timestamp);
    w.key("postings");
    w.rawJson(LedgerStore::postingsJson(tx.postings));
    w.key("reference");
    w.value(tx.reference);
    w.key("metadata");
    w.rawJson(LedgerStore::metadataJson(tx.metadata));
    const VolumeMap post = parseAggregated(tx.postVolumes);
    VolumeMap pre = post;
    for (const Posting &p : tx.postings) {
        pre[p.source][p.asset].output -= p.amount;
        pre[p.destination][p.asset].input -= p.amount;
    }
    w.key("preCommitVolumes");
    writeAggregated(w, pre);
    w.key("postCommitVolumes");
    writeAggregated(w, post);
    w.endObject();
}

Reply LedgerV1Api::listTransactions(const Request &r) {
    return transactions(r, false);
}

Reply LedgerV1Api::countTransactions(const Request &r) {
    return transactions(r, true);
}

Reply LedgerV1Api::transactions(const Request &r, bool countOnly) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto c = listQuery(r, {QStringLiteral("after"), QStringLiteral("reference"), QStringLiteral("account"),
                           QStringLiteral("source"), QStringLiteral("destination"),
                           QStringLiteral("startTime"), QStringLiteral("endTime")});
    if (!c)
        return c.error();
    const auto &p = c->query.params;
    QString where = QStringLiteral("FROM transactions t WHERE t.ledger = ?");
    QVariantList binds{ledger};
    if (p.contains(QStringLiteral("reference"))) {
        where += QStringLiteral(" AND t.reference = ?");
        binds << p.value(QStringLiteral("reference"));
    }
    for (const char *side : {"account", "source", "destination"}) {
        const QString s = QString::fromLatin1(side);
        if (!p.contains(s))
            continue;
        const QString sideSql = s == QLatin1String("source")        ? QStringLiteral(" AND m.is_source = 1")
                                : s == QLatin1String("destination") ? QStringLiteral(" AND m.is_source = 0")
                                                                    : QString();
        QString cond = regexCondition(QStringLiteral("m.account"), p.value(s), binds);
        where +=
            QStringLiteral(
                " AND EXISTS (SELECT 1 FROM moves m WHERE m.ledger = t.ledger AND m.tx_id = t.id%1 AND %2)")
                .arg(sideSql, cond);
    }
    auto start = timeParam(p.value(QStringLiteral("startTime")), QStringLiteral("startTime"));
    auto end = timeParam(p.value(QStringLiteral("endTime")), QStringLiteral("endTime"));
    if (!start || !end)
        return !start ? start.error() : end.error();
    if (start.value()) {
        where += QStringLiteral(" AND t.ts >= ?");
        binds << *start.value();
    }
    if (end.value()) {
        where += QStringLiteral(" AND t.ts < ?");
        binds << *end.value();
    }
    metadataQuery(r, QStringLiteral("t.metadata"), where, binds);
    if (countOnly) {
        // No filter: the ledger's counter (transaction_counts), not a COUNT of every row.
        qint64 n = 0;
        if (binds.size() == 1) {
            n = m_store.transactionCount(ledger, QStringLiteral("all"), QString());
        } else {
            QSqlQuery q = m_store.query(QStringLiteral("SELECT COUNT(*) ") + where, binds);
            q.next();
            n = q.value(0).toLongLong();
        }
        Response resp = Response::empty(200);
        resp.setHeader("Count", QByteArray::number(n));
        return resp;
    }
    if (p.contains(QStringLiteral("after"))) {
        where += QStringLiteral(" AND t.id < ?");
        binds << p.value(QStringLiteral("after")).toLongLong();
    }
    PageSpec spec{
        where,
        binds,
        QStringLiteral("t.id"),
        true,
        false,
        QStringLiteral(
            "t.id, t.ts, t.inserted_at, t.reference, t.metadata, t.postings, t.reverted_at, t.post_volumes")};
    return pageResponse(m_store, c.value(), spec, [this](Json::Writer &w, const QSqlQuery &q) {
        writeTransaction(w, LedgerStore::readTransaction(q, 1));
    });
}

static Expected<NewTransaction> v1PostTransaction(const Json::Value &body) {
    if (!body.isObject())
        return LedgerError::validation(QStringLiteral("the body must be a JSON object"));
    auto md = v1Metadata(body["metadata"]);
    if (!md)
        return md.error();
    // The v2 parser does the rest (postings, script, timestamp, reference); metadata is v1's.
    Json::Writer w;
    w.beginObject();
    for (const auto &[k, v] : body.members()) {
        if (k == "metadata")
            continue;
        w.key(k);
        w.rawJson(v.toJson());
    }
    w.endObject();
    const auto doc = Json::Document::parse(w.take());
    auto tx = LedgerV2Api::parsePostTransaction(doc->root());
    if (!tx)
        return tx.error();
    for (auto it = md->cbegin(); it != md->cend(); ++it)
        tx->metadata.insert(it.key(), it.value());
    return tx;
}

Reply LedgerV1Api::createTransaction(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto preview = boolParam(r, QStringLiteral("preview"));
    if (!preview)
        return preview.error();
    auto body = parseBody(r.body, true);
    if (!body)
        return body.error();
    auto tx = v1PostTransaction(body.value()->root());
    if (!tx)
        return tx.error();
    auto ok = ensureLedger(ledger);
    if (!ok)
        return ok.error();
    auto created = m_engine.createTransaction(ledger, tx.value(), preview.value());
    if (!created)
        return created.error();
    return dataResponse([&](Json::Writer &w) {
        w.beginArray();
        writeTransaction(w, created.value());
        w.endArray();
    });
}

Reply LedgerV1Api::createTransactions(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto body = parseBody(r.body, true);
    if (!body)
        return body.error();
    const Json::Value list = body.value()->root()["transactions"];
    if (!list.isArray())
        return LedgerError::validation(QStringLiteral("transactions must be an array"));
    QList<NewTransaction> txs;
    for (const Json::Value &t : list.elements()) {
        auto tx = v1PostTransaction(t);
        if (!tx)
            return tx.error();
        txs << tx.value();
    }
    auto ok = ensureLedger(ledger);
    if (!ok)
        return ok.error();
    // v1 batches are atomic: all or nothing.
    m_store.begin();
    m_engine.setBatch(true);
    QList<Transaction> created;
    try {
        for (const NewTransaction &tx : txs) {
            auto c = m_engine.createTransaction(ledger, tx, false);
            if (!c) {
                m_engine.abandonBatch();
                m_store.rollback();
                return c.error();
            }
            created << c.value();
        }
        m_engine.setBatch(false);
        m_store.commit();
    } catch (...) {
        m_engine.abandonBatch();
        m_store.rollback();
        throw;
    }
    return dataResponse([&](Json::Writer &w) {
        w.beginArray();
        for (const Transaction &t : created)
            writeTransaction(w, t);
        w.endArray();
    });
}

Reply LedgerV1Api::getTransaction(const Request &r) {
    bool ok = false;
    const qint64 id = r.param(QStringLiteral("txid")).toLongLong(&ok);
    if (!ok || id < 0)
        return LedgerError::validation(QStringLiteral("txid must be a non-negative integer"));
    auto tx = m_store.transaction(r.param(QStringLiteral("ledger")), id);
    if (!tx)
        return LedgerError::notFound(QStringLiteral("transaction %1 not found").arg(id));
    return dataResponse([&](Json::Writer &w) { writeTransaction(w, *tx); });
}

Reply LedgerV1Api::addTransactionMetadata(const Request &r) {
    bool ok = false;
    const qint64 id = r.param(QStringLiteral("txid")).toLongLong(&ok);
    if (!ok || id < 0)
        return LedgerError::validation(QStringLiteral("txid must be a non-negative integer"));
    auto body = parseBody(r.body, false);
    if (!body)
        return body.error();
    auto md = v1Metadata(body.value()->root());
    if (!md)
        return md.error();
    auto done = m_engine.setMetadata(r.param(QStringLiteral("ledger")), TargetType::Transaction,
                                     QString::number(id), md.value());
    return noContent(done);
}

Reply LedgerV1Api::revertTransaction(const Request &r) {
    bool ok = false;
    const qint64 id = r.param(QStringLiteral("txid")).toLongLong(&ok);
    if (!ok || id < 0)
        return LedgerError::validation(QStringLiteral("txid must be a non-negative integer"));
    auto force = boolParam(r, QStringLiteral("disableChecks"));
    if (!force)
        return force.error();
    auto reverted = m_engine.revert(r.param(QStringLiteral("ledger")), id, force.value(), false);
    if (!reverted)
        return reverted.error();
    return dataResponse([&](Json::Writer &w) { writeTransaction(w, reverted.value()); }, 201);
}

// --- script ---

Reply LedgerV1Api::runScript(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    // v1 answers 200 even on failure, with the error in the body.
    auto failed = [](const LedgerError &e) {
        Json::Writer w;
        w.beginObject();
        w.key("errorCode");
        w.value(e.code == QLatin1String("NO_POSTINGS") ? QStringLiteral("VALIDATION") : e.code);
        w.key("errorMessage");
        w.value(e.message);
        w.endObject();
        return Response::json(w.take(), 200);
    };
    auto preview = boolParam(r, QStringLiteral("preview"));
    if (!preview)
        return preview.error();
    auto body = parseBody(r.body, true);
    if (!body)
        return body.error();
    const Json::Value root = body.value()->root();
    if (!root.isObject() || !root["plain"].isString())
        return LedgerError::validation(QStringLiteral("plain must be a string"));
    auto tx = Numscript::compile(root["plain"].toString(), root["vars"]);
    if (!tx)
        return failed(tx.error());
    auto md = v1Metadata(root["metadata"]);
    if (!md)
        return failed(md.error());
    for (auto it = md->cbegin(); it != md->cend(); ++it)
        tx->metadata.insert(it.key(), it.value());
    tx->reference = root["reference"].toString();
    auto ok = ensureLedger(ledger);
    if (!ok)
        return ok.error();
    auto created = m_engine.createTransaction(ledger, tx.value(), preview.value());
    if (!created)
        return failed(created.error());
    Json::Writer w;
    w.beginObject();
    w.key("transaction");
    writeTransaction(w, created.value());
    w.endObject();
    return Response::json(w.take());
}

} // namespace Formance::Sandbox
