#include "LedgerV2Api.h"
#include "V2Support.h"

#include "ledger/AmountKey.h"
#include "ledger/ClientJson.h"

#include <atomic>

namespace Formance::Sandbox {

using namespace V2;

// --- transactions ---

namespace {
std::atomic<int> g_fewMatches{10000};

QString text(std::string_view v) {
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

// The transaction_counts row of the transactions matching an address pattern in a role (account,
// source or destination), if one is kept: an exact address, or a prefix pattern "a:b:".
std::optional<std::pair<QString, QString>> addressCounter(const QString &field, const QString &pattern) {
    const QStringList segs = pattern.split(QLatin1Char(':'));
    const qsizetype open = segs.count(QString());
    if (open == 0)
        return std::pair{field, pattern};
    if (open == 1 && segs.size() > 1 && segs.last().isEmpty())
        return std::pair{field + QLatin1Char(':'), pattern};
    return std::nullopt;
}

// The transaction_counts row answering a count with this filter, if one does: no filter, or one
// $match on account, source or destination with an address or a prefix pattern "a:b:".
std::optional<std::pair<QString, QString>> counterFor(const QByteArray &body) {
    const std::pair<QString, QString> all{QStringLiteral("all"), QString()};
    if (body.trimmed().isEmpty())
        return all;
    const auto doc = parseClientJson(body);
    if (!doc || !doc->root().isObject())
        return std::nullopt;
    const Json::Value &root = doc->root();
    if (root.size() == 0)
        return all;
    if (root.size() != 1)
        return std::nullopt;
    const auto [op, arg] = *root.members().begin();
    if (text(op) != QLatin1String("$match") || !arg.isObject() || arg.size() != 1)
        return std::nullopt;
    const auto [fieldView, value] = *arg.members().begin();
    const QString field = text(fieldView);
    if (!value.isString() || (field != QLatin1String("account") && field != QLatin1String("source") &&
                              field != QLatin1String("destination")))
        return std::nullopt;
    return addressCounter(field, value.toString());
}

// A filter that is only bounds on the timestamp: one comparison or an $and of them.
bool onlyDateRange(const QByteArray &body) {
    const auto doc = parseClientJson(body);
    if (!doc || !doc->root().isObject() || doc->root().size() != 1)
        return false;
    auto isBound = [](const Json::Value &v) {
        if (!v.isObject() || v.size() != 1)
            return false;
        const auto [op, arg] = *v.members().begin();
        static const QStringList ops = {QStringLiteral("$gt"), QStringLiteral("$gte"), QStringLiteral("$lt"),
                                        QStringLiteral("$lte"), QStringLiteral("$match")};
        return ops.contains(text(op)) && arg.isObject() && arg.size() == 1 &&
               text((*arg.members().begin()).first) == QLatin1String("timestamp");
    };
    const Json::Value &root = doc->root();
    const auto [op, arg] = *root.members().begin();
    if (text(op) != QLatin1String("$and"))
        return isBound(root);
    if (!arg.isArray() || arg.size() == 0)
        return false;
    for (const Json::Value &e : arg.elements())
        if (!isBound(e))
            return false;
    return true;
}
} // namespace

// Transactions not backdated have timestamps that never decrease with their id: those in a date
// range are the ids between the first and the last of them in timestamp order. The backdated
// ones that match (few: transactions_backdated) widen the window. The window only adds a
// condition the range implies, so the rows are the same; they are read in id order from the
// primary key, a page at a time, instead of every match being read and sorted.
SqlCondition LedgerV2Api::dateRangeWindow(const QString &ledger, const SqlCondition &range) {
    const QVariantList binds = QVariantList{ledger} + range.binds;
    std::optional<qint64> lo, hi;
    auto widen = [&](const QVariant &v) {
        if (v.isNull())
            return;
        const qint64 id = v.toLongLong();
        lo = lo ? std::min(*lo, id) : id;
        hi = hi ? std::max(*hi, id) : id;
    };
    for (const char *dir : {"ASC", "DESC"}) {
        QSqlQuery q = m_store.query(
            QStringLiteral(
                "SELECT t.id FROM transactions t WHERE t.ledger = ? AND (%1) AND NOT EXISTS"
                " (SELECT 1 FROM transactions_backdated b WHERE b.ledger = t.ledger AND b.id = t.id)"
                " ORDER BY t.ts %2, t.id %2 LIMIT 1")
                .arg(range.sql, QLatin1String(dir)),
            binds);
        if (q.next())
            widen(q.value(0));
    }
    QSqlQuery q = m_store.query(
        QStringLiteral("SELECT MIN(t.id), MAX(t.id) FROM transactions_backdated b CROSS JOIN transactions t"
                       " ON t.ledger = b.ledger AND t.id = b.id WHERE b.ledger = ? AND (%1)")
            .arg(range.sql),
        binds);
    if (q.next()) {
        widen(q.value(0));
        widen(q.value(1));
    }
    if (!lo)
        return SqlCondition{QStringLiteral("0"), {}};
    return SqlCondition{QStringLiteral("t.id BETWEEN ? AND ?"), {*lo, *hi}};
}

void LedgerV2Api::setFewMatches(int limit) {
    g_fewMatches = limit;
}

bool LedgerV2Api::fewMatches(const QString &from, const QVariantList &binds) {
    const int limit = g_fewMatches;
    if (limit <= 0)
        return false;
    QSqlQuery q = m_store.query(
        QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 %1 LIMIT %2)").arg(from).arg(limit), binds);
    return q.next() && q.value(0).toInt() < limit;
}

// Account and metadata conditions pick their plan from how many rows match: few, and the
// matching transaction ids are looked up in an index (moves_account, transaction_metadata) and
// fetched by id; many, and each transaction is checked while walking them newest first, which
// fills a page after reading about pageSize / frequency of them. Either way a page costs about
// a page, not the ledger. A count reads every match anyway: always by index.
Expected<SqlCondition> LedgerV2Api::transactionFilter(const QByteArray &body, const QString &ledger,
                                                      bool counting) {
    return FilterQuery::compile(
        body,
        [this, &ledger, counting](const QString &op, const QString &field, const Json::Value &value,
                                  QVariantList &binds) -> Expected<QString> {
            if (field == QLatin1String("id")) {
                if (!value.isNumber() || !isUnsignedIntegerText(value.numberText()))
                    return LedgerError::validation(QStringLiteral("'id' must be compared with an integer"));
                return scalarCondition(op, QStringLiteral("t.id"), qs(value.numberText()).toLongLong(),
                                       binds);
            }
            if (field == QLatin1String("reference")) {
                if (!value.isString() || op != QLatin1String("$match"))
                    return LedgerError::validation(
                        QStringLiteral("'reference' supports $match with a string"));
                binds << value.toString();
                return QStringLiteral("t.reference = ?");
            }
            if (field == QLatin1String("timestamp") || field == QLatin1String("insertedAt") ||
                field == QLatin1String("inserted_at") || field == QLatin1String("revertedAt") ||
                field == QLatin1String("reverted_at")) {
                auto t = timeValue(value, field);
                if (!t)
                    return t.error();
                const QString col = field == QLatin1String("timestamp") ? QStringLiteral("t.ts")
                                    : field.startsWith(QLatin1String("insert"))
                                        ? QStringLiteral("t.inserted_at")
                                        : QStringLiteral("t.reverted_at");
                return scalarCondition(op, col, t.value(), binds);
            }
            if (field == QLatin1String("reverted")) {
                if (!value.isBool() || op != QLatin1String("$match"))
                    return LedgerError::validation(
                        QStringLiteral("'reverted' supports $match with a boolean"));
                return QStringLiteral("t.reverted_at IS %1 NULL")
                    .arg(value.toBool() ? QStringLiteral("NOT") : QString());
            }
            if (field == QLatin1String("account") || field == QLatin1String("source") ||
                field == QLatin1String("destination")) {
                if (!value.isString() || op != QLatin1String("$match"))
                    return LedgerError::validation(
                        QStringLiteral("'%1' supports $match with an address pattern").arg(field));
                QString side;
                if (field == QLatin1String("source"))
                    side = QStringLiteral(" AND m.is_source = 1");
                else if (field == QLatin1String("destination"))
                    side = QStringLiteral(" AND m.is_source = 0");
                QVariantList own{ledger};
                const QString cond =
                    FilterQuery::addressCondition(QStringLiteral("m.account"), value.toString(), own) + side;
                const QString from = QStringLiteral("FROM moves m WHERE m.ledger = ? AND ") + cond;
                // How many match: from the kept counter when there is one (one row, where counting
                // up to the limit reads that many index entries: 10,000 for a busy account).
                const auto counter = addressCounter(field, value.toString());
                const bool few =
                    counter ? g_fewMatches > 0 && m_store.transactionCount(ledger, counter->first,
                                                                           counter->second) < g_fewMatches
                            : fewMatches(from, own);
                if (counting || few) {
                    binds << own;
                    return QStringLiteral("t.id IN (SELECT m.tx_id %1)").arg(from);
                }
                binds << own.mid(1);
                return QStringLiteral("EXISTS (SELECT 1 FROM moves m WHERE m.ledger = t.ledger AND m.tx_id = "
                                      "t.id AND %1)")
                    .arg(cond);
            }
            if (const auto key = FilterQuery::bracketKey(field, QStringLiteral("metadata"));
                key && op == QLatin1String("$match") && value.isString()) {
                const QVariantList own{ledger, *key, value.toString()};
                const QString from = QStringLiteral(
                    "FROM transaction_metadata tm WHERE tm.ledger = ? AND tm.key = ? AND tm.value = ?");
                if (counting || fewMatches(from, own)) {
                    binds << own;
                    return QStringLiteral("t.id IN (SELECT tm.tx_id %1)").arg(from);
                }
                binds << *key << value.toString();
                return QStringLiteral(
                    "EXISTS (SELECT 1 FROM transaction_metadata tm WHERE tm.ledger = t.ledger AND"
                    " tm.key = ? AND tm.value = ? AND tm.tx_id = t.id)");
            }
            if (field.startsWith(QLatin1String("metadata")))
                return metadataCondition(op, field, value, QStringLiteral("t.metadata"), binds);
            return LedgerError::validation(
                QStringLiteral("unknown filter field '%1' for transactions").arg(field));
        });
}

void LedgerV2Api::writeExpandedTransaction(Json::Writer &w, const QString &ledger, const Transaction &tx,
                                           bool volumes, bool effective) {
    w.beginObject();
    PostingEngine::writeTransaction(w, tx);
    const VolumeMap post = parseAggregated(tx.postVolumes);
    // Pre-commit volumes are the post-commit ones less this transaction's own postings.
    auto before = [&tx](VolumeMap v) {
        for (const Posting &p : tx.postings) {
            v[p.source][p.asset].output -= p.amount;
            v[p.destination][p.asset].input -= p.amount;
        }
        return v;
    };
    if (volumes) {
        w.key("preCommitVolumes");
        writeAggregated(w, before(post));
        w.key("postCommitVolumes");
        writeAggregated(w, post);
    }
    if (effective) {
        // In (timestamp, id) order: differs from the above when transactions were backdated.
        VolumeMap eff;
        for (const auto &[account, byAsset] : post)
            for (const auto &[asset, v] : byAsset)
                eff[account][asset] = m_store.effectiveVolumeAfter(ledger, tx.id, account, asset);
        w.key("preCommitEffectiveVolumes");
        writeAggregated(w, before(eff));
        w.key("postCommitEffectiveVolumes");
        writeAggregated(w, eff);
    }
    w.endObject();
}

Response LedgerV2Api::count(const QString &from, const QVariantList &binds) {
    QSqlQuery q = m_store.query(QStringLiteral("SELECT COUNT(*) ") + from, binds);
    q.next();
    return countHeader(q.value(0).toLongLong());
}

Response LedgerV2Api::countHeader(qint64 n) {
    Response resp = Response::empty(204);
    resp.setHeader("Count", QByteArray::number(n));
    return resp;
}

Reply LedgerV2Api::listTransactions(const Request &r) {
    return transactions(r, false);
}

Reply LedgerV2Api::countTransactions(const Request &r) {
    return transactions(r, true);
}

Reply LedgerV2Api::transactions(const Request &r, bool countOnly) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto l = m_engine.requireLedger(ledger);
    if (!l)
        return l.error();
    auto c = listQuery(r, {QStringLiteral("pit"), QStringLiteral("oot"), QStringLiteral("expand"),
                           QStringLiteral("order"), QStringLiteral("reverse")});
    if (!c)
        return c.error();
    const auto &p = c->query.params;
    auto filter = transactionFilter(c->query.body, ledger, countOnly);
    if (!filter)
        return filter.error();
    auto pit = timeParam(p.value(QStringLiteral("pit")), QStringLiteral("pit"));
    auto oot = timeParam(p.value(QStringLiteral("oot")), QStringLiteral("oot"));
    if (!pit || !oot)
        return !pit ? pit.error() : oot.error();
    PageSpec spec;
    spec.from = QStringLiteral("FROM transactions t WHERE t.ledger = ? AND (%1)").arg(filter->sql);
    spec.binds = QVariantList{ledger} + filter->binds;
    if (pit.value()) {
        spec.from += QStringLiteral(" AND t.ts <= ?");
        spec.binds << *pit.value();
    }
    if (oot.value()) {
        spec.from += QStringLiteral(" AND t.ts >= ?");
        spec.binds << *oot.value();
    }
    if (countOnly) {
        // The whole ledger, one address or one prefix: an exact counter, not a COUNT of matches.
        if (!pit.value() && !oot.value())
            if (const auto counter = counterFor(c->query.body))
                return countHeader(m_store.transactionCount(ledger, counter->first, counter->second));
        return count(spec.from, spec.binds);
    }
    const QString order = p.value(QStringLiteral("order"));
    if (!order.isEmpty() && order != QLatin1String("effective"))
        return LedgerError::validation(QStringLiteral("order must be 'effective'"));
    if (order.isEmpty() && onlyDateRange(c->query.body)) {
        const SqlCondition window = dateRangeWindow(ledger, filter.value());
        spec.from += QStringLiteral(" AND ") + window.sql;
        spec.binds << window.binds;
    }
    const QString reverse = p.value(QStringLiteral("reverse")).toLower();
    if (order == QLatin1String("effective")) {
        // Fixed-width text keys sort as (timestamp, id). No '%' here: the SQL goes through arg().
        spec.keyExpr = QStringLiteral("t.ts || '#' || substr('00000000000000000000' || t.id, -20, 20)");
    } else {
        spec.keyExpr = QStringLiteral("t.id");
        spec.keyIsInt = true;
    }
    spec.ascending = reverse == QLatin1String("true");
    spec.columns =
        QStringLiteral("t.id, t.ts, t.inserted_at, t.reference, t.metadata, t.postings, t.reverted_at, "
                       "t.post_volumes");
    const QSet<QString> expand = expandOf(p.value(QStringLiteral("expand")));
    const bool vol = expand.contains(QStringLiteral("volumes"));
    const bool eff = expand.contains(QStringLiteral("effectiveVolumes"));
    return pageResponse(m_store, c.value(), spec,
                        [this, &ledger, vol, eff](Json::Writer &w, const QSqlQuery &q) {
                            writeExpandedTransaction(w, ledger, LedgerStore::readTransaction(q, 1), vol, eff);
                        });
}

Reply LedgerV2Api::createTransaction(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto dry = boolParam(r, QStringLiteral("dryRun"));
    if (!dry)
        return dry.error();
    auto run = [&]() -> Reply {
        auto body = parseBody(r.body, true);
        if (!body)
            return body.error();
        auto tx = parsePostTransaction(body.value()->root());
        if (!tx)
            return tx.error();
        auto created = m_engine.createTransaction(ledger, tx.value(), dry.value());
        if (!created)
            return created.error();
        return dataResponse([&](Json::Writer &w) {
            w.beginObject();
            PostingEngine::writeTransaction(w, created.value());
            w.endObject();
        });
    };
    if (dry.value())
        return run();
    return withIdempotency(m_store, r, ledger, run);
}

Reply LedgerV2Api::getTransaction(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto l = m_engine.requireLedger(ledger);
    if (!l)
        return l.error();
    auto id = idParam(r, QStringLiteral("id"));
    if (!id)
        return id.error();
    auto pit = timeParam(r.queryValue(QStringLiteral("pit")), QStringLiteral("pit"));
    if (!pit)
        return pit.error();
    auto tx = m_store.transaction(ledger, id.value());
    if (!tx || (pit.value() && tx->timestamp > *pit.value()))
        return LedgerError::notFound(QStringLiteral("transaction %1 not found").arg(id.value()));
    const QSet<QString> expand = expandOf(r.queryValue(QStringLiteral("expand")));
    return dataResponse([&](Json::Writer &w) {
        writeExpandedTransaction(w, ledger, *tx, expand.contains(QStringLiteral("volumes")),
                                 expand.contains(QStringLiteral("effectiveVolumes")));
    });
}

Reply LedgerV2Api::addTransactionMetadata(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    return withIdempotency(m_store, r, ledger, [&]() -> Reply {
        auto id = idParam(r, QStringLiteral("id"));
        if (!id)
            return id.error();
        auto body = parseBody(r.body, true);
        if (!body)
            return body.error();
        auto md = LedgerStore::metadataFrom(body.value()->root(), QStringLiteral("metadata"));
        if (!md)
            return md.error();
        if (!body.value()->root().isObject())
            return LedgerError::validation(QStringLiteral("the body must be an object of strings"));
        auto done =
            m_engine.setMetadata(ledger, TargetType::Transaction, QString::number(id.value()), md.value());
        return noContent(done);
    });
}

Reply LedgerV2Api::deleteTransactionMetadata(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    return withIdempotency(m_store, r, ledger, [&]() -> Reply {
        auto id = idParam(r, QStringLiteral("id"));
        if (!id)
            return id.error();
        auto done = m_engine.deleteMetadata(ledger, TargetType::Transaction, QString::number(id.value()),
                                            r.param(QStringLiteral("key")));
        return noContent(done);
    });
}

Reply LedgerV2Api::revertTransaction(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    return withIdempotency(m_store, r, ledger, [&]() -> Reply {
        auto id = idParam(r, QStringLiteral("id"));
        if (!id)
            return id.error();
        auto force = boolParam(r, QStringLiteral("force"));
        auto atEffective = boolParam(r, QStringLiteral("atEffectiveDate"));
        auto dry = boolParam(r, QStringLiteral("dryRun"));
        if (!force || !atEffective || !dry)
            return !force ? force.error() : !atEffective ? atEffective.error() : dry.error();
        auto reverted = m_engine.revert(ledger, id.value(), force.value(), atEffective.value(), dry.value());
        if (!reverted)
            return reverted.error();
        return dataResponse(
            [&](Json::Writer &w) {
                w.beginObject();
                PostingEngine::writeTransaction(w, reverted.value());
                w.endObject();
            },
            201);
    });
}
} // namespace Formance::Sandbox
