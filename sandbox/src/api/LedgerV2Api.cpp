#include "LedgerV2Api.h"

#include <QElapsedTimer>
#include <QTimer>

#include "ledger/AmountKey.h"
#include "ledger/Numscript.h"

#include <QSet>

namespace Formance::Sandbox {

namespace {

QString qs(std::string_view v) {
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

bool isUnsignedIntegerText(std::string_view t) {
    if (t.empty())
        return false;
    for (char c : t)
        if (c < '0' || c > '9')
            return false;
    return true;
}

Expected<qint64> idParam(const Request &r, const QString &name) {
    bool ok = false;
    const qint64 id = r.param(name).toLongLong(&ok);
    if (!ok || id < 0)
        return LedgerError::validation(QStringLiteral("'%1' must be a non-negative integer").arg(name));
    return id;
}

QSet<QString> expandOf(const QString &expand) {
    QSet<QString> out;
    for (const QString &e : expand.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out.insert(e.trimmed());
    return out;
}

// Filters on timestamps accept any RFC 3339 text; stored ones are canonical.
Expected<QVariant> timeValue(const Json::Value &v, const QString &field) {
    if (!v.isString())
        return LedgerError::validation(
            QStringLiteral("'%1' must be compared with an RFC 3339 date-time").arg(field));
    auto t = parseTime(v.toString());
    if (!t)
        return LedgerError::validation(
            QStringLiteral("'%1': invalid date-time '%2'").arg(field, v.toString()));
    return QVariant(*t);
}

Expected<QString> metadataCondition(const QString &op, const QString &field, const Json::Value &value,
                                    const QString &column, QVariantList &binds) {
    if (op == QLatin1String("$exists")) {
        if (field != QLatin1String("metadata") || !value.isString())
            return LedgerError::validation(QStringLiteral("$exists expects {\"metadata\": \"key\"}"));
        binds << value.toString();
        // json_each compares keys exactly, whatever they contain (dots, quotes, '$').
        return QStringLiteral("EXISTS (SELECT 1 FROM json_each(%1) md WHERE md.key = ?)").arg(column);
    }
    const auto key = FilterQuery::bracketKey(field, QStringLiteral("metadata"));
    if (!key)
        return LedgerError::validation(QStringLiteral("unknown filter field '%1'").arg(field));
    if (op != QLatin1String("$match"))
        return LedgerError::validation(QStringLiteral("metadata only supports $match and $exists"));
    if (!value.isString())
        return LedgerError::validation(QStringLiteral("metadata values are strings"));
    binds << *key << value.toString();
    // EXISTS is never NULL, so $not of a missing key matches.
    return QStringLiteral("EXISTS (SELECT 1 FROM json_each(%1) md WHERE md.key = ? AND md.value = ?)")
        .arg(column);
}

Expected<QString> balanceCondition(const QString &op, const QString &field, const Json::Value &value,
                                   const QString &ledgerCol, const QString &accountCol, QVariantList &binds) {
    if (op == QLatin1String("$exists") || op == QLatin1String("$in"))
        return LedgerError::validation(QStringLiteral("%1 is not supported on balances").arg(op));
    const auto asset = FilterQuery::bracketKey(field, QStringLiteral("balance"));
    if (!value.isNumber())
        return LedgerError::validation(QStringLiteral("'%1' must be compared with an integer").arg(field));
    auto amount = BigInt::fromString(value.numberText());
    if (!amount)
        return LedgerError::validation(QStringLiteral("'%1' must be compared with an integer").arg(field));
    QString sql = QStringLiteral("EXISTS (SELECT 1 FROM volumes bv WHERE bv.ledger = %1 AND bv.account = %2")
                      .arg(ledgerCol, accountCol);
    if (asset) {
        sql += QStringLiteral(" AND bv.asset = ?");
        binds << *asset;
    }
    sql += QStringLiteral(" AND bv.balance_key %1 ?)").arg(FilterQuery::sqlOperator(op));
    binds << amountKey(*amount);
    return sql;
}

Expected<QString> scalarCondition(const QString &op, const QString &column, const QVariant &v,
                                  QVariantList &binds) {
    if (op == QLatin1String("$exists") || op == QLatin1String("$in"))
        return LedgerError::validation(QStringLiteral("%1 is not supported on %2").arg(op, column));
    binds << v;
    return QStringLiteral("%1 %2 ?").arg(column, FilterQuery::sqlOperator(op));
}

} // namespace

// --- parsing ---

Expected<NewTransaction> LedgerV2Api::parsePostTransaction(const Json::Value &body) {
    if (!body.isObject())
        return LedgerError::validation(QStringLiteral("the body must be a JSON object"));
    NewTransaction tx;
    const Json::Value postings = body["postings"];
    const Json::Value script = body["script"];
    if (!postings.isNull() && !script.isNull() && postings.size() > 0)
        return LedgerError::validation(QStringLiteral("send either postings or a script, not both"));
    if (!script.isNull()) {
        if (!script.isObject() || !script["plain"].isString())
            return LedgerError::validation(QStringLiteral("script.plain must be a string"));
        auto compiled = Numscript::compile(script["plain"].toString(), script["vars"]);
        if (!compiled)
            return compiled.error();
        tx = compiled.value();
    } else {
        if (!postings.isArray())
            return LedgerError::validation(QStringLiteral("postings must be an array"));
        qsizetype i = 0;
        for (const Json::Value &p : postings.elements()) {
            if (!p.isObject())
                return LedgerError::validation(QStringLiteral("postings[%1] must be an object").arg(i));
            for (const char *f : {"source", "destination", "asset"})
                if (!p[f].isString())
                    return LedgerError::validation(
                        QStringLiteral("postings[%1].%2 must be a string").arg(i).arg(QLatin1String(f)));
            if (!p["amount"].isNumber() || !isUnsignedIntegerText(p["amount"].numberText()))
                return LedgerError::validation(
                    QStringLiteral("postings[%1].amount must be a non-negative integer").arg(i));
            tx.postings.append({p["source"].toString(), p["destination"].toString(), p["asset"].toString(),
                                *BigInt::fromString(p["amount"].numberText())});
            ++i;
        }
    }
    auto md = LedgerStore::metadataFrom(body["metadata"], QStringLiteral("metadata"));
    if (!md)
        return md.error();
    for (auto it = md->cbegin(); it != md->cend(); ++it) {
        if (tx.metadata.contains(it.key()) && tx.metadata.value(it.key()) != it.value())
            return LedgerError{
                400, QStringLiteral("METADATA_OVERRIDE"),
                QStringLiteral("metadata '%1' is set by the script and the request").arg(it.key())};
        tx.metadata.insert(it.key(), it.value());
    }
    const Json::Value ts = body["timestamp"];
    if (!ts.isNull()) {
        auto t = ts.isString() ? parseTime(ts.toString()) : std::nullopt;
        if (!t)
            return LedgerError::validation(QStringLiteral("timestamp must be an RFC 3339 date-time"));
        tx.timestamp = *t;
    }
    const Json::Value ref = body["reference"];
    if (!ref.isNull()) {
        if (!ref.isString())
            return LedgerError::validation(QStringLiteral("reference must be a string"));
        tx.reference = ref.toString();
    }
    return tx;
}

// --- routes ---

void LedgerV2Api::registerRoutes(Router &router, const std::function<Handler(Handler)> &guard) {
    auto add = [&](const char *method, const char *path, Handler h) {
        router.add(method, QString::fromLatin1(path), guard(std::move(h)));
    };
    // _info is public, as on a real stack.
    router.add("GET", QStringLiteral("/api/ledger/v2/_info"), [this](const Request &r) { return info(r); });
    add("GET", "/api/ledger/v2", [this](const Request &r) { return listLedgers(r); });
    add("GET", "/api/ledger/v2/{ledger}", [this](const Request &r) { return getLedger(r); });
    add("POST", "/api/ledger/v2/{ledger}", [this](const Request &r) { return createLedger(r); });
    add("POST", "/api/ledger/v2/{ledger}/_bulk", [this](const Request &r) { return bulk(r); });
    add("GET", "/api/ledger/v2/{ledger}/_info", [this](const Request &r) { return ledgerInfo(r); });
    add("GET", "/api/ledger/v2/{ledger}/accounts",
        [this](const Request &r) { return listAccounts(r, false); });
    add("HEAD", "/api/ledger/v2/{ledger}/accounts",
        [this](const Request &r) { return listAccounts(r, true); });
    add("GET", "/api/ledger/v2/{ledger}/accounts/{address}",
        [this](const Request &r) { return getAccount(r); });
    add("POST", "/api/ledger/v2/{ledger}/accounts/{address}/metadata",
        [this](const Request &r) { return addAccountMetadata(r); });
    add("DELETE", "/api/ledger/v2/{ledger}/accounts/{address}/metadata/{key}",
        [this](const Request &r) { return deleteAccountMetadata(r); });
    add("GET", "/api/ledger/v2/{ledger}/aggregate/balances",
        [this](const Request &r) { return aggregateBalances(r); });
    add("GET", "/api/ledger/v2/{ledger}/logs", [this](const Request &r) { return listLogs(r); });
    add("POST", "/api/ledger/v2/{ledger}/logs/export", [this](const Request &r) { return exportLogs(r); });
    add("POST", "/api/ledger/v2/{ledger}/logs/import", [this](const Request &r) { return importLogs(r); });
    add("PUT", "/api/ledger/v2/{ledger}/metadata",
        [this](const Request &r) { return updateLedgerMetadata(r); });
    add("DELETE", "/api/ledger/v2/{ledger}/metadata/{key}",
        [this](const Request &r) { return deleteLedgerMetadata(r); });
    add("GET", "/api/ledger/v2/{ledger}/stats", [this](const Request &r) { return stats(r); });
    add("GET", "/api/ledger/v2/{ledger}/transactions",
        [this](const Request &r) { return listTransactions(r, false); });
    add("HEAD", "/api/ledger/v2/{ledger}/transactions",
        [this](const Request &r) { return listTransactions(r, true); });
    add("POST", "/api/ledger/v2/{ledger}/transactions",
        [this](const Request &r) { return createTransaction(r); });
    add("GET", "/api/ledger/v2/{ledger}/transactions/{id}",
        [this](const Request &r) { return getTransaction(r); });
    add("POST", "/api/ledger/v2/{ledger}/transactions/{id}/metadata",
        [this](const Request &r) { return addTransactionMetadata(r); });
    add("DELETE", "/api/ledger/v2/{ledger}/transactions/{id}/metadata/{key}",
        [this](const Request &r) { return deleteTransactionMetadata(r); });
    add("POST", "/api/ledger/v2/{ledger}/transactions/{id}/revert",
        [this](const Request &r) { return revertTransaction(r); });
    add("GET", "/api/ledger/v2/{ledger}/volumes", [this](const Request &r) { return volumes(r); });
}

Response LedgerV2Api::info(const Request &) {
    Json::Writer w;
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
    w.endObject();
    w.endObject();
    w.endObject();
    return Response::json(w.take());
}

// --- ledgers ---

static void writeLedger(Json::Writer &w, const QString &name, const QString &bucket, const QString &addedAt,
                        const QByteArray &metadata) {
    w.beginObject();
    w.key("name");
    w.value(name);
    w.key("addedAt");
    w.value(addedAt);
    w.key("bucket");
    w.value(bucket);
    w.key("metadata");
    w.rawJson(metadata);
    w.endObject();
}

Response LedgerV2Api::listLedgers(const Request &r) {
    auto c = listQuery(r, {});
    if (!c)
        return errorResponse(c.error());
    PageSpec spec;
    spec.from = QStringLiteral("FROM ledgers WHERE 1");
    spec.keyExpr = QStringLiteral("name");
    spec.columns = QStringLiteral("name, bucket, added_at, metadata");
    return pageResponse(m_store, c.value(), spec, [](Json::Writer &w, const QSqlQuery &q) {
        writeLedger(w, q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                    q.value(4).toByteArray());
    });
}

Response LedgerV2Api::getLedger(const Request &r) {
    auto l = m_engine.requireLedger(r.param(QStringLiteral("ledger")));
    if (!l)
        return errorResponse(l.error());
    Json::Writer w;
    w.beginObject();
    w.key("data");
    writeLedger(w, l->name, l->bucket, l->addedAt, LedgerStore::metadataJson(l->metadata));
    w.endObject();
    return Response::json(w.take());
}

Response LedgerV2Api::createLedger(const Request &r) {
    auto body = parseBody(r.body, false);
    if (!body)
        return errorResponse(body.error());
    const Json::Value root = body.value()->root();
    if (!root.isNull() && !root.isObject())
        return errorResponse(LedgerError::validation(QStringLiteral("the body must be a JSON object")));
    if (!root["bucket"].isNull() && !root["bucket"].isString())
        return errorResponse(LedgerError::validation(QStringLiteral("bucket must be a string")));
    auto md = LedgerStore::metadataFrom(root["metadata"], QStringLiteral("metadata"));
    if (!md)
        return errorResponse(md.error());
    auto created =
        m_engine.createLedger(r.param(QStringLiteral("ledger")), root["bucket"].toString(), md.value());
    if (!created)
        return errorResponse(created.error());
    return Response::empty(204);
}

Response LedgerV2Api::ledgerInfo(const Request &r) {
    auto l = m_engine.requireLedger(r.param(QStringLiteral("ledger")));
    if (!l)
        return errorResponse(l.error());
    Json::Writer w;
    w.beginObject();
    w.key("data");
    w.beginObject();
    w.key("name");
    w.value(l->name);
    w.key("storage");
    w.beginObject();
    w.key("migrations");
    w.beginArray();
    w.beginObject();
    w.key("version");
    w.value(1);
    w.key("name");
    w.value("sandbox-schema-1");
    w.key("date");
    w.value(l->addedAt);
    w.key("state");
    w.value("DONE");
    w.endObject();
    w.endArray();
    w.endObject();
    w.endObject();
    w.endObject();
    return Response::json(w.take());
}

Response LedgerV2Api::updateLedgerMetadata(const Request &r) {
    auto body = parseBody(r.body, true);
    if (!body)
        return errorResponse(body.error());
    auto md = LedgerStore::metadataFrom(body.value()->root(), QStringLiteral("metadata"));
    if (!md)
        return errorResponse(md.error());
    auto done = m_engine.updateLedgerMetadata(r.param(QStringLiteral("ledger")), md.value());
    return done ? Response::empty(204) : errorResponse(done.error());
}

Response LedgerV2Api::deleteLedgerMetadata(const Request &r) {
    auto done =
        m_engine.deleteLedgerMetadata(r.param(QStringLiteral("ledger")), r.param(QStringLiteral("key")));
    return done ? Response::empty(204) : errorResponse(done.error());
}

Response LedgerV2Api::stats(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto l = m_engine.requireLedger(ledger);
    if (!l)
        return errorResponse(l.error());
    QSqlQuery a = m_store.query(QStringLiteral("SELECT COUNT(*) FROM accounts WHERE ledger = ?"), {ledger});
    a.next();
    QSqlQuery t =
        m_store.query(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE ledger = ?"), {ledger});
    t.next();
    Json::Writer w;
    w.beginObject();
    w.key("data");
    w.beginObject();
    w.key("accounts");
    w.value(a.value(0).toLongLong());
    w.key("transactions");
    w.value(t.value(0).toLongLong());
    w.endObject();
    w.endObject();
    return Response::json(w.take());
}

// --- transactions ---

Expected<SqlCondition> LedgerV2Api::transactionFilter(const QByteArray &body) {
    return FilterQuery::compile(
        body,
        [](const QString &op, const QString &field, const Json::Value &value,
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
                const QString cond =
                    FilterQuery::addressCondition(QStringLiteral("m.account"), value.toString(), binds);
                return QStringLiteral("EXISTS (SELECT 1 FROM moves m WHERE m.ledger = t.ledger AND m.tx_id = "
                                      "t.id%1 AND %2)")
                    .arg(side, cond);
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
    Response resp = Response::empty(204);
    resp.setHeader("Count", QByteArray::number(q.value(0).toLongLong()));
    return resp;
}

Response LedgerV2Api::listTransactions(const Request &r, bool countOnly) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto l = m_engine.requireLedger(ledger);
    if (!l)
        return errorResponse(l.error());
    auto c = listQuery(r, {QStringLiteral("pit"), QStringLiteral("oot"), QStringLiteral("expand"),
                           QStringLiteral("order"), QStringLiteral("reverse")});
    if (!c)
        return errorResponse(c.error());
    const auto &p = c->query.params;
    auto filter = transactionFilter(c->query.body);
    if (!filter)
        return errorResponse(filter.error());
    auto pit = timeParam(p.value(QStringLiteral("pit")), QStringLiteral("pit"));
    auto oot = timeParam(p.value(QStringLiteral("oot")), QStringLiteral("oot"));
    if (!pit || !oot)
        return errorResponse(!pit ? pit.error() : oot.error());
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
    if (countOnly)
        return count(spec.from, spec.binds);
    const QString order = p.value(QStringLiteral("order"));
    if (!order.isEmpty() && order != QLatin1String("effective"))
        return errorResponse(LedgerError::validation(QStringLiteral("order must be 'effective'")));
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

Response LedgerV2Api::createTransaction(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto dry = boolParam(r, QStringLiteral("dryRun"));
    if (!dry)
        return errorResponse(dry.error());
    auto run = [&]() -> Response {
        auto body = parseBody(r.body, true);
        if (!body)
            return errorResponse(body.error());
        auto tx = parsePostTransaction(body.value()->root());
        if (!tx)
            return errorResponse(tx.error());
        auto created = m_engine.createTransaction(ledger, tx.value(), dry.value());
        if (!created)
            return errorResponse(created.error());
        Json::Writer w;
        w.beginObject();
        w.key("data");
        w.beginObject();
        PostingEngine::writeTransaction(w, created.value());
        w.endObject();
        w.endObject();
        return Response::json(w.take());
    };
    if (dry.value())
        return run();
    return withIdempotency(m_store, r, ledger, run);
}

Response LedgerV2Api::getTransaction(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto l = m_engine.requireLedger(ledger);
    if (!l)
        return errorResponse(l.error());
    auto id = idParam(r, QStringLiteral("id"));
    if (!id)
        return errorResponse(id.error());
    auto pit = timeParam(r.queryValue(QStringLiteral("pit")), QStringLiteral("pit"));
    if (!pit)
        return errorResponse(pit.error());
    auto tx = m_store.transaction(ledger, id.value());
    if (!tx || (pit.value() && tx->timestamp > *pit.value()))
        return errorResponse(
            LedgerError::notFound(QStringLiteral("transaction %1 not found").arg(id.value())));
    const QSet<QString> expand = expandOf(r.queryValue(QStringLiteral("expand")));
    Json::Writer w;
    w.beginObject();
    w.key("data");
    writeExpandedTransaction(w, ledger, *tx, expand.contains(QStringLiteral("volumes")),
                             expand.contains(QStringLiteral("effectiveVolumes")));
    w.endObject();
    return Response::json(w.take());
}

Response LedgerV2Api::addTransactionMetadata(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    return withIdempotency(m_store, r, ledger, [&]() -> Response {
        auto id = idParam(r, QStringLiteral("id"));
        if (!id)
            return errorResponse(id.error());
        auto body = parseBody(r.body, true);
        if (!body)
            return errorResponse(body.error());
        auto md = LedgerStore::metadataFrom(body.value()->root(), QStringLiteral("metadata"));
        if (!md)
            return errorResponse(md.error());
        if (!body.value()->root().isObject())
            return errorResponse(
                LedgerError::validation(QStringLiteral("the body must be an object of strings")));
        auto done =
            m_engine.setMetadata(ledger, TargetType::Transaction, QString::number(id.value()), md.value());
        return done ? Response::empty(204) : errorResponse(done.error());
    });
}

Response LedgerV2Api::deleteTransactionMetadata(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    return withIdempotency(m_store, r, ledger, [&]() -> Response {
        auto id = idParam(r, QStringLiteral("id"));
        if (!id)
            return errorResponse(id.error());
        auto done = m_engine.deleteMetadata(ledger, TargetType::Transaction, QString::number(id.value()),
                                            r.param(QStringLiteral("key")));
        return done ? Response::empty(204) : errorResponse(done.error());
    });
}

Response LedgerV2Api::revertTransaction(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    return withIdempotency(m_store, r, ledger, [&]() -> Response {
        auto id = idParam(r, QStringLiteral("id"));
        if (!id)
            return errorResponse(id.error());
        auto force = boolParam(r, QStringLiteral("force"));
        auto atEffective = boolParam(r, QStringLiteral("atEffectiveDate"));
        auto dry = boolParam(r, QStringLiteral("dryRun"));
        if (!force || !atEffective || !dry)
            return errorResponse(!force ? force.error() : !atEffective ? atEffective.error() : dry.error());
        auto reverted = m_engine.revert(ledger, id.value(), force.value(), atEffective.value(), dry.value());
        if (!reverted)
            return errorResponse(reverted.error());
        Json::Writer w;
        w.beginObject();
        w.key("data");
        w.beginObject();
        PostingEngine::writeTransaction(w, reverted.value());
        w.endObject();
        w.endObject();
        return Response::json(w.take(), 201);
    });
}

// --- accounts ---

Expected<SqlCondition> LedgerV2Api::accountFilter(const QByteArray &body) {
    return FilterQuery::compile(
        body,
        [](const QString &op, const QString &field, const Json::Value &value,
           QVariantList &binds) -> Expected<QString> {
            if (field == QLatin1String("address")) {
                if (!value.isString() || op != QLatin1String("$match"))
                    return LedgerError::validation(
                        QStringLiteral("'address' supports $match with an address pattern"));
                return FilterQuery::addressCondition(QStringLiteral("a.address"), value.toString(), binds);
            }
            if (field == QLatin1String("balance") || field.startsWith(QLatin1String("balance[")))
                return balanceCondition(op, field, value, QStringLiteral("a.ledger"),
                                        QStringLiteral("a.address"), binds);
            if (field == QLatin1String("first_usage") || field == QLatin1String("firstUsage") ||
                field == QLatin1String("insertion_date") || field == QLatin1String("insertionDate") ||
                field == QLatin1String("updated_at") || field == QLatin1String("updatedAt")) {
                auto t = timeValue(value, field);
                if (!t)
                    return t.error();
                const QString col = field.startsWith(QLatin1String("first")) ? QStringLiteral("a.first_usage")
                                    : field.startsWith(QLatin1String("insert"))
                                        ? QStringLiteral("a.insertion_date")
                                        : QStringLiteral("a.updated_at");
                return scalarCondition(op, col, t.value(), binds);
            }
            if (field.startsWith(QLatin1String("metadata")))
                return metadataCondition(op, field, value, QStringLiteral("a.metadata"), binds);
            return LedgerError::validation(
                QStringLiteral("unknown filter field '%1' for accounts").arg(field));
        });
}

VolumeMap LedgerV2Api::volumesAt(const QString &ledger, const QStringList &accounts,
                                 const std::optional<QString> &pit, const std::optional<QString> &oot,
                                 bool byInsertion) {
    VolumeMap out;
    if (accounts.isEmpty())
        return out;
    if (!pit && !oot) {
        // Current volumes are maintained on every write.
        for (const QString &acc : accounts) {
            QSqlQuery q = m_store.query(
                QStringLiteral("SELECT asset, input, output FROM volumes WHERE ledger = ? AND account = ?"),
                {ledger, acc});
            while (q.next())
                out[acc][q.value(0).toString()] =
                    Volume{BigInt::fromString(q.value(1).toString()).value_or(BigInt()),
                           BigInt::fromString(q.value(2).toString()).value_or(BigInt())};
        }
        return out;
    }
    const QString col = byInsertion ? QStringLiteral("inserted_at") : QStringLiteral("ts");
    for (const QString &acc : accounts) {
        QString sql =
            QStringLiteral("SELECT asset, amount, is_source FROM moves WHERE ledger = ? AND account = ?");
        QVariantList binds{ledger, acc};
        if (pit) {
            sql += QStringLiteral(" AND %1 <= ?").arg(col);
            binds << *pit;
        }
        if (oot) {
            sql += QStringLiteral(" AND %1 >= ?").arg(col);
            binds << *oot;
        }
        QSqlQuery q = m_store.query(sql, binds);
        while (q.next()) {
            Volume &v = out[acc][q.value(0).toString()];
            const BigInt amount = BigInt::fromString(q.value(1).toString()).value_or(BigInt());
            if (q.value(2).toInt())
                v.output += amount;
            else
                v.input += amount;
        }
    }
    return out;
}

void LedgerV2Api::writeAccount(Json::Writer &w, const QString &ledger, const QString &address,
                               const QString &metadata, const QString &firstUsage,
                               const QString &insertionDate, const QString &updatedAt, bool volumes,
                               bool effective, const std::optional<QString> &pit) {
    w.beginObject();
    w.key("address");
    w.value(address);
    w.key("metadata");
    w.rawJson(metadata.toUtf8());
    w.key("firstUsage");
    w.value(firstUsage);
    w.key("insertionDate");
    w.value(insertionDate);
    w.key("updatedAt");
    w.value(updatedAt);
    static const std::map<QString, Volume> none;
    // At a point in time, "volumes" count moves inserted by then, "effectiveVolumes" moves
    // dated by then (as the real ledger does); without one both are the current volumes.
    if (volumes) {
        const VolumeMap v = volumesAt(ledger, {address}, pit, std::nullopt, true);
        const auto it = v.find(address);
        w.key("volumes");
        writeVolumes(w, it == v.end() ? none : it->second);
    }
    if (effective) {
        const VolumeMap v = volumesAt(ledger, {address}, pit, std::nullopt, false);
        const auto it = v.find(address);
        w.key("effectiveVolumes");
        writeVolumes(w, it == v.end() ? none : it->second);
    }
    w.endObject();
}

Response LedgerV2Api::listAccounts(const Request &r, bool countOnly) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto l = m_engine.requireLedger(ledger);
    if (!l)
        return errorResponse(l.error());
    auto c = listQuery(r, {QStringLiteral("pit"), QStringLiteral("oot"), QStringLiteral("expand")});
    if (!c)
        return errorResponse(c.error());
    auto filter = accountFilter(c->query.body);
    if (!filter)
        return errorResponse(filter.error());
    auto pit = timeParam(c->query.params.value(QStringLiteral("pit")), QStringLiteral("pit"));
    if (!pit)
        return errorResponse(pit.error());
    PageSpec spec;
    spec.from = QStringLiteral("FROM accounts a WHERE a.ledger = ? AND (%1)").arg(filter->sql);
    spec.binds = QVariantList{ledger} + filter->binds;
    if (pit.value()) {
        spec.from += QStringLiteral(" AND a.first_usage <= ?");
        spec.binds << *pit.value();
    }
    if (countOnly)
        return count(spec.from, spec.binds);
    spec.keyExpr = QStringLiteral("a.address");
    spec.columns = QStringLiteral("a.metadata, a.first_usage, a.insertion_date, a.updated_at");
    const QSet<QString> expand = expandOf(c->query.params.value(QStringLiteral("expand")));
    const bool vol = expand.contains(QStringLiteral("volumes"));
    const bool eff = expand.contains(QStringLiteral("effectiveVolumes"));
    const auto pitValue = pit.value();
    return pageResponse(m_store, c.value(), spec, [&](Json::Writer &w, const QSqlQuery &q) {
        writeAccount(w, ledger, q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(), q.value(4).toString(), vol, eff, pitValue);
    });
}

Response LedgerV2Api::getAccount(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto l = m_engine.requireLedger(ledger);
    if (!l)
        return errorResponse(l.error());
    const QString address = r.param(QStringLiteral("address"));
    auto pit = timeParam(r.queryValue(QStringLiteral("pit")), QStringLiteral("pit"));
    if (!pit)
        return errorResponse(pit.error());
    QSqlQuery q =
        m_store.query(QStringLiteral("SELECT metadata, first_usage, insertion_date, updated_at FROM accounts"
                                     " WHERE ledger = ? AND address = ?"),
                      {ledger, address});
    const QSet<QString> expand = expandOf(r.queryValue(QStringLiteral("expand")));
    Json::Writer w;
    w.beginObject();
    w.key("data");
    if (q.next()) {
        writeAccount(w, ledger, address, q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(), expand.contains(QStringLiteral("volumes")),
                     expand.contains(QStringLiteral("effectiveVolumes")), pit.value());
    } else {
        if (!PostingEngine::validAddress(address))
            return errorResponse(
                LedgerError::validation(QStringLiteral("invalid account address '%1'").arg(address)));
        return errorResponse(LedgerError::notFound(QStringLiteral("account '%1' not found").arg(address)));
    }
    w.endObject();
    return Response::json(w.take());
}

Response LedgerV2Api::addAccountMetadata(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    return withIdempotency(m_store, r, ledger, [&]() -> Response {
        auto body = parseBody(r.body, true);
        if (!body)
            return errorResponse(body.error());
        if (!body.value()->root().isObject())
            return errorResponse(
                LedgerError::validation(QStringLiteral("the body must be an object of strings")));
        auto md = LedgerStore::metadataFrom(body.value()->root(), QStringLiteral("metadata"));
        if (!md)
            return errorResponse(md.error());
        auto done =
            m_engine.setMetadata(ledger, TargetType::Account, r.param(QStringLiteral("address")), md.value());
        return done ? Response::empty(204) : errorResponse(done.error());
    });
}

Response LedgerV2Api::deleteAccountMetadata(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    return withIdempotency(m_store, r, ledger, [&]() -> Response {
        auto done = m_engine.deleteMetadata(ledger, TargetType::Account, r.param(QStringLiteral("address")),
                                            r.param(QStringLiteral("key")));
        return done ? Response::empty(204) : errorResponse(done.error());
    });
}

Response LedgerV2Api::aggregateBalances(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto l = m_engine.requireLedger(ledger);
    if (!l)
        return errorResponse(l.error());
    auto filter = accountFilter(r.body);
    if (!filter)
        return errorResponse(filter.error());
    auto pit = timeParam(r.queryValue(QStringLiteral("pit")), QStringLiteral("pit"));
    if (!pit)
        return errorResponse(pit.error());
    auto byInsertion = boolParam(r, QStringLiteral("useInsertionDate"));
    if (!byInsertion)
        return errorResponse(byInsertion.error());
    std::map<QString, BigInt> sums;
    const QString accounts =
        QStringLiteral("SELECT a.address FROM accounts a WHERE a.ledger = ? AND (%1)").arg(filter->sql);
    QSqlQuery q;
    if (pit.value())
        q = m_store.query(
            QStringLiteral("SELECT asset, amount, is_source FROM moves WHERE ledger = ? AND %1 <= ? AND "
                           "account IN (%2)")
                .arg(byInsertion.value() ? QStringLiteral("inserted_at") : QStringLiteral("ts"), accounts),
            QVariantList{ledger, *pit.value(), ledger} + filter->binds);
    else
        q = m_store.query(
            QStringLiteral("SELECT asset, input, output FROM volumes WHERE ledger = ? AND account IN (%1)")
                .arg(accounts),
            QVariantList{ledger, ledger} + filter->binds);
    while (q.next()) {
        BigInt &sum = sums[q.value(0).toString()];
        if (pit.value()) {
            const BigInt amount = BigInt::fromString(q.value(1).toString()).value_or(BigInt());
            sum += q.value(2).toInt() ? -amount : amount;
        } else {
            sum += BigInt::fromString(q.value(1).toString()).value_or(BigInt()) -
                   BigInt::fromString(q.value(2).toString()).value_or(BigInt());
        }
    }
    Json::Writer w;
    w.beginObject();
    w.key("data");
    w.beginObject();
    for (const auto &[asset, sum] : sums) {
        w.key(asset);
        w.value(sum);
    }
    w.endObject();
    w.endObject();
    return Response::json(w.take());
}

Response LedgerV2Api::volumes(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto l = m_engine.requireLedger(ledger);
    if (!l)
        return errorResponse(l.error());
    auto c = listQuery(r, {QStringLiteral("endTime"), QStringLiteral("startTime"),
                           QStringLiteral("insertionDate"), QStringLiteral("groupBy")});
    if (!c)
        return errorResponse(c.error());
    const auto &p = c->query.params;
    auto filter = accountFilter(c->query.body);
    if (!filter)
        return errorResponse(filter.error());
    auto end = timeParam(p.value(QStringLiteral("endTime")), QStringLiteral("endTime"));
    auto start = timeParam(p.value(QStringLiteral("startTime")), QStringLiteral("startTime"));
    if (!end || !start)
        return errorResponse(!end ? end.error() : start.error());
    int groupBy = 0;
    if (p.contains(QStringLiteral("groupBy"))) {
        bool ok = false;
        groupBy = p.value(QStringLiteral("groupBy")).toInt(&ok);
        if (!ok || groupBy < 0 || groupBy > 1000)
            return errorResponse(
                LedgerError::validation(QStringLiteral("groupBy must be an integer between 0 and 1000")));
    }
    const bool byInsertion = p.value(QStringLiteral("insertionDate")).toLower() == QLatin1String("true");
    QStringList accounts;
    QSqlQuery q = m_store.query(
        QStringLiteral("SELECT a.address FROM accounts a WHERE a.ledger = ? AND (%1) ORDER BY a.address")
            .arg(filter->sql),
        QVariantList{ledger} + filter->binds);
    while (q.next())
        accounts << q.value(0).toString();
    VolumeMap v = volumesAt(ledger, accounts, end.value(), start.value(), byInsertion);
    if (groupBy > 0) {
        // Accounts sharing their first groupBy segments are summed under that prefix.
        VolumeMap grouped;
        for (const auto &[acc, byAsset] : v) {
            const QString key = acc.split(QLatin1Char(':')).mid(0, groupBy).join(QLatin1Char(':'));
            for (const auto &[asset, vol] : byAsset) {
                grouped[key][asset].input += vol.input;
                grouped[key][asset].output += vol.output;
            }
        }
        v = std::move(grouped);
    }
    QList<QByteArray> items;
    for (const auto &[acc, byAsset] : v)
        for (const auto &[asset, vol] : byAsset) {
            Json::Writer w;
            w.beginObject();
            w.key("account");
            w.value(acc);
            w.key("asset");
            w.value(asset);
            w.key("input");
            w.value(vol.input);
            w.key("output");
            w.value(vol.output);
            w.key("balance");
            w.value(vol.balance());
            w.endObject();
            items << w.take();
        }
    return offsetPageResponse(c.value(), items);
}

// --- logs ---

static void writeLog(Json::Writer &w, qint64 id, const QString &type, const QByteArray &data,
                     const QString &hash, const QString &date) {
    w.beginObject();
    w.key("id");
    w.value(id);
    w.key("type");
    w.value(type);
    w.key("data");
    w.rawJson(data);
    w.key("hash");
    w.value(hash);
    w.key("date");
    w.value(date);
    w.endObject();
}

Response LedgerV2Api::listLogs(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto l = m_engine.requireLedger(ledger);
    if (!l)
        return errorResponse(l.error());
    auto c = listQuery(r, {QStringLiteral("pit")});
    if (!c)
        return errorResponse(c.error());
    auto filter = FilterQuery::compile(
        c->query.body,
        [](const QString &op, const QString &field, const Json::Value &value,
           QVariantList &binds) -> Expected<QString> {
            if (field == QLatin1String("id")) {
                if (!value.isNumber() || !isUnsignedIntegerText(value.numberText()))
                    return LedgerError::validation(QStringLiteral("'id' must be compared with an integer"));
                return scalarCondition(op, QStringLiteral("g.id"), qs(value.numberText()).toLongLong(),
                                       binds);
            }
            if (field == QLatin1String("date")) {
                auto t = timeValue(value, field);
                if (!t)
                    return t.error();
                return scalarCondition(op, QStringLiteral("g.date"), t.value(), binds);
            }
            return LedgerError::validation(QStringLiteral("unknown filter field '%1' for logs").arg(field));
        });
    if (!filter)
        return errorResponse(filter.error());
    auto pit = timeParam(c->query.params.value(QStringLiteral("pit")), QStringLiteral("pit"));
    if (!pit)
        return errorResponse(pit.error());
    PageSpec spec;
    spec.from = QStringLiteral("FROM logs g WHERE g.ledger = ? AND (%1)").arg(filter->sql);
    spec.binds = QVariantList{ledger} + filter->binds;
    if (pit.value()) {
        spec.from += QStringLiteral(" AND g.date <= ?");
        spec.binds << *pit.value();
    }
    spec.keyExpr = QStringLiteral("g.id");
    spec.keyIsInt = true;
    spec.ascending = false;
    spec.columns = QStringLiteral("g.id, g.type, g.data, g.hash, g.date");
    return pageResponse(m_store, c.value(), spec, [](Json::Writer &w, const QSqlQuery &q) {
        writeLog(w, q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toByteArray(),
                 q.value(4).toString(), q.value(5).toString());
    });
}

Response LedgerV2Api::exportLogs(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto l = m_engine.requireLedger(ledger);
    if (!l)
        return errorResponse(l.error());
    QSqlQuery q = m_store.query(
        QStringLiteral("SELECT id, type, data, hash, date FROM logs WHERE ledger = ? ORDER BY id"), {ledger});
    QByteArray out;
    while (q.next()) {
        Json::Writer w;
        writeLog(w, q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toByteArray(),
                 q.value(3).toString(), q.value(4).toString());
        out += w.take();
        out += '\n';
    }
    Response resp;
    resp.status = 200;
    resp.body = out;
    resp.setHeader("Content-Type", "application/octet-stream");
    return resp;
}

Response LedgerV2Api::importLogs(const Request &r) {
    auto n = m_engine.importLogs(r.param(QStringLiteral("ledger")), r.body);
    return n ? Response::empty(204) : errorResponse(n.error());
}

// --- bulk ---

namespace {
// A bulk runs in slices of at most this long; other requests are served between two slices.
constexpr qint64 kBulkSliceMs = 20;

struct BulkJob {
    QString ledger;
    std::shared_ptr<Json::Document> doc; // keeps the elements' values alive
    std::vector<Json::Value> elements;
    size_t next = 0;
    bool continueOnFailure = false;
    bool failed = false;
    Json::Writer w;

    bool done() const { return next >= elements.size() || (failed && !continueOnFailure); }
    Response finish() {
        w.endArray();
        w.endObject();
        return Response::json(w.take(), failed ? 400 : 200);
    }
};

// The next slice on the next turn of the event loop; pending slices die with `context`.
void runSlices(QObject *context, const std::shared_ptr<BulkJob> &job, const std::function<bool()> &slice,
               const Response::Send &send) {
    QTimer::singleShot(0, context, [context, job, slice, send] {
        if (slice())
            send(job->finish());
        else
            runSlices(context, job, slice, send);
    });
}
} // namespace

// Elements are applied one by one, each in its own SQLite transaction, as ledger v2.1 does: when
// one fails, the elements before it stay written (the answer lists each element's outcome, the
// failed one with its error) and, without continueOnFailure, the ones after it are not tried.
// A long bulk yields to the event loop every kBulkSliceMs, so it never stalls other clients.
Response LedgerV2Api::bulk(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto l = m_engine.requireLedger(ledger);
    if (!l)
        return errorResponse(l.error());
    auto body = parseBody(r.body, true);
    if (!body)
        return errorResponse(body.error());
    const Json::Value root = body.value()->root();
    if (!root.isArray())
        return errorResponse(LedgerError::validation(QStringLiteral("the bulk body must be an array")));
    auto continueOnFailure = boolParam(r, QStringLiteral("continueOnFailure"));
    if (!continueOnFailure)
        return errorResponse(continueOnFailure.error());
    auto job = std::make_shared<BulkJob>();
    job->ledger = ledger;
    job->doc = body.value();
    for (const Json::Value &e : root.elements())
        job->elements.push_back(e);
    job->continueOnFailure = continueOnFailure.value();
    job->w.beginObject();
    job->w.key("data");
    job->w.beginArray();

    // Runs elements for up to one slice; true when the job is done.
    auto slice = [this, job] {
        QElapsedTimer clock;
        clock.start();
        while (!job->done() && clock.elapsed() < kBulkSliceMs)
            if (const size_t i = job->next++;
                !bulkElement(job->ledger, job->elements[i], i, job->continueOnFailure, job->w))
                job->failed = true;
        return job->done();
    };
    if (slice())
        return job->finish();
    Response pending;
    pending.deferred = [this, job, slice](Response::Send send) { runSlices(&m_jobs, job, slice, send); };
    return pending;
}

bool LedgerV2Api::bulkElement(const QString &ledger, const Json::Value &e, size_t index,
                              bool continueOnFailure, Json::Writer &w) {
    bool ok = true;
    const QString action = e["action"].toString();
    const Json::Value data = e["data"];
    auto fail = [&](const LedgerError &err) {
        ok = false;
        w.beginObject();
        w.key("responseType");
        w.value("ERROR");
        w.key("errorCode");
        w.value(err.code);
        w.key("errorDescription");
        // Says what became of the rest: the elements before this one stay written.
        w.value(QStringLiteral("%1 (element %2 of the bulk; the elements before it stay written, %3)")
                    .arg(err.message, QString::number(index),
                         continueOnFailure ? QStringLiteral("the ones after it are still applied")
                                           : QStringLiteral("the ones after it are not applied")));
        w.endObject();
    };
    auto target = [&](TargetType &type, QString &id) -> std::optional<LedgerError> {
        const QString tt = data["targetType"].toString();
        if (tt != QLatin1String("TRANSACTION") && tt != QLatin1String("ACCOUNT"))
            return LedgerError::validation(QStringLiteral("targetType must be TRANSACTION or ACCOUNT"));
        type = tt == QLatin1String("TRANSACTION") ? TargetType::Transaction : TargetType::Account;
        const Json::Value t = data["targetId"];
        id = t.isNumber() ? qs(t.numberText()) : t.toString();
        if (id.isEmpty())
            return LedgerError::validation(QStringLiteral("targetId is required"));
        return std::nullopt;
    };
    if (!e.isObject() || !data.isObject()) {
        fail(LedgerError::validation(QStringLiteral("each bulk element needs an action and a data object")));
    } else if (action == QLatin1String("CREATE_TRANSACTION")) {
        auto tx = parsePostTransaction(data);
        auto created =
            tx ? m_engine.createTransaction(ledger, tx.value(), false) : Expected<Transaction>(tx.error());
        if (!created) {
            fail(created.error());
        } else {
            w.beginObject();
            w.key("responseType");
            w.value("CREATE_TRANSACTION");
            w.key("data");
            w.beginObject();
            PostingEngine::writeTransaction(w, created.value());
            w.endObject();
            w.endObject();
        }
    } else if (action == QLatin1String("ADD_METADATA") || action == QLatin1String("DELETE_METADATA")) {
        TargetType type;
        QString id;
        if (auto err = target(type, id)) {
            fail(*err);
            return ok;
        }
        Expected<bool> done = true;
        if (action == QLatin1String("ADD_METADATA")) {
            auto md = LedgerStore::metadataFrom(data["metadata"], QStringLiteral("metadata"));
            done = md ? m_engine.setMetadata(ledger, type, id, md.value()) : Expected<bool>(md.error());
        } else {
            done = m_engine.deleteMetadata(ledger, type, id, data["key"].toString());
        }
        if (!done) {
            fail(done.error());
        } else {
            w.beginObject();
            w.key("responseType");
            w.value(action);
            w.endObject();
        }
    } else if (action == QLatin1String("REVERT_TRANSACTION")) {
        const auto id = BigInt::fromString(data["id"].numberText()).value_or(-1).toInt64().value_or(-1);
        auto reverted =
            id < 0 ? Expected<Transaction>(LedgerError::validation(QStringLiteral("id must be an integer")))
                   : m_engine.revert(ledger, id, data["force"].toBool(), data["atEffectiveDate"].toBool());
        if (!reverted) {
            fail(reverted.error());
        } else {
            w.beginObject();
            w.key("responseType");
            w.value("REVERT_TRANSACTION");
            w.key("data");
            w.beginObject();
            PostingEngine::writeTransaction(w, reverted.value());
            w.endObject();
            w.endObject();
        }
    } else {
        fail(LedgerError::validation(QStringLiteral("unknown bulk action '%1'").arg(action.left(100))));
    }
    return ok;
}

} // namespace Formance::Sandbox
