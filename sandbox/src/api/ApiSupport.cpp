#include "ApiSupport.h"

#include "http/Router.h"
#include "ledger/ClientJson.h"

#include "ledger/AmountKey.h"

#include <QCryptographicHash>

#include <algorithm>

namespace Formance::Sandbox {

Response dataResponse(const std::function<void(Json::Writer &)> &write, int status) {
    Json::Writer w;
    w.beginObject();
    w.key("data");
    write(w);
    w.endObject();
    return Response::json(w.take(), status);
}

Response infoResponse(const QString &version) {
    Json::Writer w;
    w.beginObject();
    w.key("version");
    w.value(version);
    w.endObject();
    return Response::json(w.take());
}

Expected<std::shared_ptr<Json::Document>> parseBody(const QByteArray &body, bool required) {
    if (body.trimmed().isEmpty()) {
        if (required)
            return LedgerError::validation(QStringLiteral("a JSON body is required"));
        auto doc = Json::Document::parse("null");
        return std::make_shared<Json::Document>(*doc);
    }
    QString err;
    auto doc = parseClientJson(body, &err);
    if (!doc)
        return LedgerError::validation(QStringLiteral("malformed JSON body: %1").arg(err));
    return std::make_shared<Json::Document>(*doc);
}

Expected<bool> boolParam(const Request &r, const QString &name, bool fallback) {
    if (!r.hasQuery(name))
        return fallback;
    const QString v = r.queryValue(name).toLower();
    if (v == QLatin1String("true") || v == QLatin1String("1") || v.isEmpty())
        return true;
    if (v == QLatin1String("false") || v == QLatin1String("0"))
        return false;
    return LedgerError::validation(QStringLiteral("query parameter '%1' must be true or false").arg(name));
}

Expected<std::optional<QString>> timeParam(const QString &value, const QString &name) {
    if (value.isEmpty())
        return std::optional<QString>();
    auto t = parseTime(value);
    if (!t)
        return LedgerError::validation(QStringLiteral("'%1' must be an RFC 3339 date-time").arg(name));
    return std::optional<QString>(*t);
}

Reply withIdempotency(LedgerStore &store, const Request &r, const QString &ledger,
                      const std::function<Reply()> &op) {
    const QString key = QString::fromUtf8(r.header("Idempotency-Key"));
    if (key.isEmpty())
        return op();
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(r.method);
    h.addData(r.path.toUtf8());
    h.addData(r.query.toString(QUrl::FullyEncoded).toUtf8());
    h.addData(r.body);
    const QByteArray hash = h.result();
    if (auto seen = store.idempotent(ledger, key)) {
        if (seen->requestHash != hash)
            return Response::error(
                400, QStringLiteral("VALIDATION"),
                QStringLiteral("Idempotency-Key '%1' was already used with a different request").arg(key));
        Response replay =
            seen->body.isEmpty() ? Response::empty(seen->status) : Response::json(seen->body, seen->status);
        replay.setHeader("Idempotency-Hit", "true");
        return replay;
    }
    Reply reply = op();
    if (reply && reply->status >= 200 && reply->status < 300)
        store.saveIdempotent(ledger, key, {hash, reply->status, reply->body});
    return reply;
}

QString cursorScope(const Request &r) {
    return Router::splitPath(r.path).join(QLatin1Char('/'));
}

Expected<Cursor> listQuery(const Request &r, const QStringList &params) {
    if (r.hasQuery(QStringLiteral("cursor")))
        return Cursor::decodeFor(r.queryValue(QStringLiteral("cursor")).toLatin1(), cursorScope(r));
    Cursor c;
    c.scope = cursorScope(r);
    auto size = pageSizeFrom(r.queryValue(QStringLiteral("pageSize")));
    if (!size)
        return size.error();
    c.query.pageSize = size.value();
    c.query.body = r.body;
    for (const QString &p : params)
        if (r.hasQuery(p))
            c.query.params.insert(p, r.queryValue(p));
    return c;
}

Response pageResponse(LedgerStore &store, const Cursor &cursor, const PageSpec &spec, const RowWriter &row) {
    const bool resumed = !cursor.key.isNull() && cursor.offset < 0 && !cursor.key.isEmpty();
    const bool backward = resumed && cursor.backward;
    const bool asc = spec.ascending != backward;
    QString sql = QStringLiteral("SELECT %1, %2 %3").arg(spec.keyExpr, spec.columns, spec.from);
    QVariantList binds = spec.binds;
    if (resumed) {
        sql += QStringLiteral(" AND (%1) %2 ?")
                   .arg(spec.keyExpr, asc ? QStringLiteral(">") : QStringLiteral("<"));
        binds << (spec.keyIsInt ? QVariant(cursor.key.toLongLong()) : QVariant(cursor.key));
    }
    // One multi-argument arg(): a chained arg() would rescan keyExpr for placeholders.
    sql += QStringLiteral(" ORDER BY %1 %2 LIMIT %3")
               .arg(spec.keyExpr, asc ? QStringLiteral("ASC") : QStringLiteral("DESC"),
                    QString::number(cursor.query.pageSize + 1));
    QSqlQuery q = store.query(sql, binds);
    QList<QPair<QString, QByteArray>> rows;
    while (q.next()) {
        Json::Writer w;
        row(w, q);
        rows.append({q.value(0).toString(), w.take()});
    }
    const bool more = rows.size() > cursor.query.pageSize;
    if (more)
        rows.removeLast();
    if (backward)
        std::reverse(rows.begin(), rows.end());

    std::optional<Cursor> next, previous;
    if (!rows.isEmpty()) {
        if (backward || more) {
            next = cursor;
            next->key = rows.last().first;
            next->backward = false;
        }
        if ((backward && more) || (!backward && resumed)) {
            previous = cursor;
            previous->key = rows.first().first;
            previous->backward = true;
        }
    }
    Json::Writer w;
    w.beginObject();
    w.key("cursor");
    w.beginObject();
    w.key("pageSize");
    w.value(cursor.query.pageSize);
    w.key("hasMore");
    w.value(next.has_value());
    if (previous) {
        w.key("previous");
        w.value(QString::fromLatin1(previous->encode()));
    }
    if (next) {
        w.key("next");
        w.value(QString::fromLatin1(next->encode()));
    }
    w.key("data");
    w.beginArray();
    for (const auto &r : rows)
        w.rawJson(r.second);
    w.endArray();
    w.endObject();
    w.endObject();
    return Response::json(w.take());
}

Response offsetPageResponse(const Cursor &cursor, const QList<QByteArray> &items) {
    const qint64 offset = std::max<qint64>(0, cursor.offset);
    const qint64 size = cursor.query.pageSize;
    Json::Writer w;
    w.beginObject();
    w.key("cursor");
    w.beginObject();
    w.key("pageSize");
    w.value(size);
    const bool more = offset + size < items.size();
    w.key("hasMore");
    w.value(more);
    if (offset > 0) {
        Cursor prev = cursor;
        prev.key = QStringLiteral("offset");
        prev.offset = std::max<qint64>(0, offset - size);
        w.key("previous");
        w.value(QString::fromLatin1(prev.encode()));
    }
    if (more) {
        Cursor next = cursor;
        next.key = QStringLiteral("offset");
        next.offset = offset + size;
        w.key("next");
        w.value(QString::fromLatin1(next.encode()));
    }
    w.key("data");
    w.beginArray();
    for (qint64 i = offset; i < std::min<qint64>(items.size(), offset + size); ++i)
        w.rawJson(items[i]);
    w.endArray();
    w.endObject();
    w.endObject();
    return Response::json(w.take());
}

void writeVolumes(Json::Writer &w, const std::map<QString, Volume> &byAsset) {
    w.beginObject();
    for (const auto &[asset, v] : byAsset) {
        w.key(asset);
        w.beginObject();
        w.key("input");
        w.value(v.input);
        w.key("output");
        w.value(v.output);
        w.key("balance");
        w.value(v.balance());
        w.endObject();
    }
    w.endObject();
}

void writeAggregated(Json::Writer &w, const VolumeMap &v) {
    w.beginObject();
    for (const auto &[account, byAsset] : v) {
        w.key(account);
        writeVolumes(w, byAsset);
    }
    w.endObject();
}

VolumeMap parseAggregated(const QByteArray &json) {
    VolumeMap out;
    const auto doc = Json::Document::parse(json);
    if (!doc)
        return out;
    for (const auto &[acc, assets] : doc->root().members())
        for (const auto &[asset, v] : assets.members())
            out[QString::fromUtf8(acc.data(), qsizetype(acc.size()))]
               [QString::fromUtf8(asset.data(), qsizetype(asset.size()))] =
                   Volume{BigInt::fromString(v["input"].numberText()).value_or(BigInt()),
                          BigInt::fromString(v["output"].numberText()).value_or(BigInt())};
    return out;
}

} // namespace Formance::Sandbox
