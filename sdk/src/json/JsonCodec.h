// Typed reading and writing of JSON for the SDK's models. Generated models provide
//   static bool fromJson(const Json::Value &, T &, Json::DecodeContext &);
//   void toJson(Json::Writer &) const;
// and the overloads below handle scalars, containers and optionals. A failed read names
// the JSON path ("$.data[3].postings[0].amount: expected an integer, got a string").
#pragma once

#include "BigInt.h"
#include "Timestamp.h"
#include "json/JsonAny.h"
#include "json/JsonDocument.h"
#include "json/JsonWriter.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>
#include <variant>
#include <vector>

namespace Formance::Json {

class DecodeContext {
public:
    void push(std::string_view key) { m_path.emplace_back(std::string(key)); }
    void push(qsizetype index) { m_path.emplace_back(index); }
    void pop() { m_path.pop_back(); }

    bool fail(const QString &message); // records the first failure; always returns false
    bool expected(const char *what, const Value &got);
    bool missing(std::string_view key);

    QString path() const;
    const QString &error() const { return m_error; }

private:
    std::vector<std::variant<std::string, qsizetype>> m_path;
    QString m_error;
};

// Describes a JSON type for error messages: "a string", "null", "an object"...
QString describe(const Value &v);

template <class T>
concept Model = requires(const Value &v, T &t, DecodeContext &ctx, Writer &w) {
    { T::fromJson(v, t, ctx) } -> std::same_as<bool>;
    t.toJson(w);
};

bool read(const Value &v, QString &out, DecodeContext &ctx);
bool read(const Value &v, bool &out, DecodeContext &ctx);
bool read(const Value &v, qint64 &out, DecodeContext &ctx);
bool read(const Value &v, int &out, DecodeContext &ctx);
bool read(const Value &v, double &out, DecodeContext &ctx);
bool read(const Value &v, BigInt &out, DecodeContext &ctx);
bool read(const Value &v, Timestamp &out, DecodeContext &ctx);
bool read(const Value &v, Any &out, DecodeContext &ctx);

template <Model T>
bool read(const Value &v, T &out, DecodeContext &ctx)
{
    return T::fromJson(v, out, ctx);
}

template <class T>
bool read(const Value &v, std::optional<T> &out, DecodeContext &ctx)
{
    if (v.isNull()) {
        out.reset();
        return true;
    }
    T value{};
    if (!read(v, value, ctx))
        return false;
    out = std::move(value);
    return true;
}

template <class T>
bool read(const Value &v, QList<T> &out, DecodeContext &ctx)
{
    if (!v.isArray())
        return ctx.expected("an array", v);
    out.clear();
    qsizetype i = 0;
    for (const Value e : v.elements()) {
        ctx.push(i++);
        T item{};
        if (!read(e, item, ctx))
            return false;
        out.append(std::move(item));
        ctx.pop();
    }
    return true;
}

template <class T>
bool read(const Value &v, QMap<QString, T> &out, DecodeContext &ctx)
{
    if (!v.isObject())
        return ctx.expected("an object", v);
    out.clear();
    for (auto [key, e] : v.members()) {
        ctx.push(key);
        T item{};
        if (!read(e, item, ctx))
            return false;
        out.insert(QString::fromUtf8(key.data(), qsizetype(key.size())), std::move(item));
        ctx.pop();
    }
    return true;
}

// Reads member `key` of object `v` into `out`; a missing or null member leaves an optional empty
// and fails a required one.
template <class T>
bool readMember(const Value &object, std::string_view key, T &out, DecodeContext &ctx, bool required)
{
    const Value v = object[key];
    if (!v.isValid()) {
        if (required)
            return ctx.missing(key);
        return true;
    }
    ctx.push(key);
    const bool ok = read(v, out, ctx);
    if (ok)
        ctx.pop();
    return ok;
}

void write(Writer &w, const QString &v);
void write(Writer &w, bool v);
void write(Writer &w, qint64 v);
void write(Writer &w, int v);
void write(Writer &w, double v);
void write(Writer &w, const BigInt &v);
void write(Writer &w, const Timestamp &v);
void write(Writer &w, const Any &v);

template <Model T>
void write(Writer &w, const T &v)
{
    v.toJson(w);
}

template <class T>
void write(Writer &w, const std::optional<T> &v)
{
    if (v)
        write(w, *v);
    else
        w.null();
}

template <class T>
void write(Writer &w, const QList<T> &v)
{
    w.beginArray();
    for (const T &item : v)
        write(w, item);
    w.endArray();
}

template <class T>
void write(Writer &w, const QMap<QString, T> &v)
{
    w.beginObject();
    for (auto it = v.cbegin(); it != v.cend(); ++it) {
        w.key(it.key());
        write(w, it.value());
    }
    w.endObject();
}

// Writes `key: value`, skipping unset optionals.
template <class T>
void writeMember(Writer &w, std::string_view key, const T &v)
{
    w.key(key);
    write(w, v);
}
template <class T>
void writeMember(Writer &w, std::string_view key, const std::optional<T> &v)
{
    if (!v)
        return;
    w.key(key);
    write(w, *v);
}

struct DecodeResult {
    bool ok = false;
    QString error;
};

// Parses `json` and reads it into `out`.
template <class T>
DecodeResult decode(const QByteArray &json, T &out)
{
    QString parseError;
    auto doc = Document::parse(json, &parseError);
    if (!doc)
        return {false, parseError};
    DecodeContext ctx;
    if (!read(doc->root(), out, ctx))
        return {false, ctx.error()};
    return {true, {}};
}

template <class T>
QByteArray encode(const T &value)
{
    Writer w;
    write(w, value);
    return w.take();
}

} // namespace Formance::Json
