// What the generated operations (sdk/generated/formance/<group>/<version>) call to build an
// HttpRequest from a typed request and to read the typed response: parameter text, query, header and
// path encoding, body decoding, the Count header. Written by hand, spec-independent, included by the
// generated .cpp files only.
#pragma once

#include "BigInt.h"
#include "HttpMessage.h"
#include "ResponseDecoding.h"
#include "Timestamp.h"
#include "json/JsonCodec.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace Formance::Detail {

inline QString paramText(const QString &v) {
    return v;
}
inline QString paramText(bool v) {
    return v ? QStringLiteral("true") : QStringLiteral("false");
}
inline QString paramText(qint64 v) {
    return QString::number(v);
}
inline QString paramText(int v) {
    return QString::number(v);
}
inline QString paramText(double v) {
    return QString::number(v, 'g', 17);
}
inline QString paramText(const BigInt &v) {
    return v.toString();
}
inline QString paramText(const Timestamp &v) {
    return v.toString();
}

// Query parameters, form style: arrays exploded (name=a&name=b).
template <class T> void addQuery(HttpRequest &r, const QString &name, const T &v) {
    r.query.append({name, paramText(v)});
}
template <class T> void addQuery(HttpRequest &r, const QString &name, const QList<T> &v) {
    for (const T &item : v)
        r.query.append({name, paramText(item)});
}
template <class T> void addQuery(HttpRequest &r, const QString &name, const std::optional<T> &v) {
    if (v)
        addQuery(r, name, *v);
}

// deepObject style: name[key]=value.
template <class T> void addDeepObject(HttpRequest &r, const QString &name, const FlatMap<QString, T> &v) {
    for (auto it = v.cbegin(); it != v.cend(); ++it)
        r.query.append({name + u'[' + it.key() + u']', paramText(it.value())});
}
template <class T> void addDeepObject(HttpRequest &r, const QString &name, const std::optional<T> &v) {
    if (v)
        addDeepObject(r, name, *v);
}

template <class T> void addHeader(HttpRequest &r, const QByteArray &name, const T &v) {
    r.headers.append({name, paramText(v).toUtf8()});
}
template <class T> void addHeader(HttpRequest &r, const QByteArray &name, const std::optional<T> &v) {
    if (v)
        addHeader(r, name, *v);
}

template <class T> QString pathSegment(const T &v) {
    return encodePathSegment(paramText(v));
}

// Decodes a JSON body into `out` (from `parsed`, the same body already parsed, when given); a
// decode error names the JSON path.
template <class T>
std::optional<Error> decodeBody(const HttpResponse &response, std::optional<T> &out,
                                const Json::Document *parsed = nullptr) {
    if (auto bad = checkJsonBody(response))
        return bad;
    T value{};
    const Json::DecodeResult decoded =
        parsed ? Json::decode(*parsed, value) : Json::decode(response.body, value);
    if (!decoded.ok)
        return decodeError(response, decoded.error);
    out = std::move(value);
    return std::nullopt;
}

// The Count header of the count operations (HEAD), exact.
inline std::optional<Error> countHeader(const HttpResponse &response, std::optional<BigInt> &out) {
    const QByteArray text = response.header("Count").trimmed();
    if (text.isEmpty())
        return std::nullopt;
    auto value = BigInt::fromString(std::string_view(text.constData(), size_t(text.size())));
    if (!value)
        return decodeError(
            response,
            QStringLiteral("the Count header is not an integer: %1").arg(QString::fromLatin1(text)));
    out = std::move(*value);
    return std::nullopt;
}

} // namespace Formance::Detail
