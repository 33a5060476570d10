#include "Cursor.h"

#include "ClientJson.h"

#include <Formance/json/JsonDocument.h>
#include <Formance/json/JsonWriter.h>

namespace Formance::Sandbox {

QByteArray Cursor::encode() const {
    Json::Writer w;
    w.beginObject();
    w.key("v");
    w.value(1);
    w.key("k");
    w.value(key);
    w.key("b");
    w.value(backward);
    w.key("o");
    w.value(offset);
    w.key("s");
    w.value(query.pageSize);
    w.key("e");
    w.value(scope);
    w.key("body");
    w.value(QString::fromUtf8(query.body));
    w.key("p");
    w.beginObject();
    for (auto it = query.params.cbegin(); it != query.params.cend(); ++it) {
        w.key(it.key());
        w.value(it.value());
    }
    w.endObject();
    w.endObject();
    return w.take().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

Expected<Cursor> Cursor::decode(const QByteArray &token) {
    const auto bad = LedgerError::validation(QStringLiteral("invalid 'cursor' query param"));
    auto decoded = QByteArray::fromBase64Encoding(token, QByteArray::Base64UrlEncoding |
                                                             QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return bad;
    const auto doc = parseClientJson(*decoded);
    if (!doc)
        return bad;
    const Json::Value r = doc->root();
    if (!r.isObject() || !r["v"].isNumber() || !r["k"].isString() || !r["b"].isBool() || !r["o"].isNumber() ||
        !r["s"].isNumber() || !r["body"].isString() || !r["p"].isObject())
        return bad;
    Cursor c;
    c.key = r["k"].toString();
    c.backward = r["b"].toBool();
    c.offset = QByteArray(r["o"].numberText().data(), qsizetype(r["o"].numberText().size())).toLongLong();
    const auto size =
        pageSizeFrom(QString::fromUtf8(r["s"].numberText().data(), qsizetype(r["s"].numberText().size())));
    if (!size)
        return bad;
    c.query.pageSize = size.value();
    c.query.body = r["body"].toString().toUtf8();
    c.scope = r["e"].toString();
    for (const auto &[k, v] : r["p"].members()) {
        if (!v.isString())
            return bad;
        c.query.params.insert(QString::fromUtf8(k.data(), qsizetype(k.size())), v.toString());
    }
    return c;
}

Expected<Cursor> Cursor::decodeFor(const QByteArray &token, const QString &scope) {
    auto c = decode(token);
    if (c && c->scope != scope)
        return LedgerError::validation(
            QStringLiteral("invalid 'cursor' query param: it belongs to another list (%1)")
                .arg(c->scope.left(200)));
    return c;
}

Expected<int> pageSizeFrom(const QString &text) {
    if (text.isEmpty())
        return 15;
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok || n < 1 || n > 1000)
        return LedgerError::validation(QStringLiteral("pageSize must be an integer between 1 and 1000"));
    return n;
}

} // namespace Formance::Sandbox
