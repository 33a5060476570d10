// Typed reading and writing of JSON for the SDK's models. Generated models provide
//   static bool fromJson(const Json::Value &, T &, Json::DecodeContext &);
//   void toJson(Json::Writer &) const;
// and the overloads below handle scalars, containers and optionals. A failed read names
// the JSON path ("$.data[3].postings[0].amount: expected an integer, got a string").
#pragma once

#include <Formance/BigInt.h>
#include <Formance/FlatMap.h>
#include <Formance/Timestamp.h>
#include <Formance/json/JsonAny.h>
#include <Formance/json/JsonDocument.h>
#include <Formance/json/JsonWriter.h>

#include <QList>
#include <QMap>
#include <QString>

#include <functional>
#include <optional>
#include <variant>
#include <vector>

namespace Formance::Json {

// Where a read failed and why. Nothing is recorded while reads succeed: a failure is recorded
// where it happens (fail, expected, missing) and each enclosing reader adds its member or index
// while the failure returns through it, so the path costs nothing on the way of a good answer.
// A context reports its first failure; use a fresh one for each independent read.
class DecodeContext {
public:
    bool fail(const QString &message); // records the first failure; always returns false
    bool expected(const char *what, const Value &got);
    bool missing(std::string_view key);

    // Called by a reader whose member `key` or element `index` failed, on the way out. The key
    // is a view: it must stay valid until the error is read (literals and the keys of a document
    // still alive do).
    bool failedAt(std::string_view key) { return failedAtSegment(key.data(), qsizetype(key.size())); }
    bool failedAt(qsizetype index) { return failedAtSegment(nullptr, index); }

    QString path() const;         // of the first failure, "$" for the document itself
    const QString &error() const; // "path: message", empty while nothing failed

    // UTF-8 text as a QString. A page repeats the same short strings many times (account names in
    // postings and in both volume maps, assets, metadata keys): a small per-thread cache converts
    // each once and then shares it (QString is implicitly shared, so this is invisible to callers).
    static QString string(std::string_view utf8);

private:
    struct Segment {
        const char *key; // null for an array index
        qsizetype n;     // the key's length, or the index
    };
    bool failedAtSegment(const char *key, qsizetype n);
    std::vector<Segment> m_unwound; // innermost first
    QString m_message;
    bool m_failed = false;
    mutable QString m_error; // composed when first read
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

template <Model T> bool read(const Value &v, T &out, DecodeContext &ctx) {
    return T::fromJson(v, out, ctx);
}

template <class T> bool read(const Value &v, std::optional<T> &out, DecodeContext &ctx) {
    if (v.isNull()) {
        out.reset();
        return true;
    }
    if (!read(v, out.emplace(), ctx)) { // read in place: no temporary to move
        out.reset();
        return false;
    }
    return true;
}

// On by default: a large array of models decodes on the calling thread plus a second one when it is
// free (the one-pass reader: the SDK's split thread, at idle priority, so it only takes a core that
// nothing else wants; the tree readers: a free thread of the global QThreadPool). Results are the
// same either way; false keeps every decode on its calling thread.
void setParallelDecoding(bool enabled);
bool parallelDecoding();

namespace Detail {
enum class Parallel { NotRun, Ok, Failed };
// Runs body(begin, end) over [0, n) in chunks, on this thread and, when one is free right now, on
// one thread of the global QThreadPool (never queued, so it cannot deadlock a busy pool).
// NotRun when no helper thread was free: nothing was done.
Parallel forChunks(qsizetype n, qsizetype chunk, const std::function<bool(qsizetype, qsizetype)> &body);
inline constexpr qsizetype kParallelMinItems = 256;
} // namespace Detail

template <class T> bool read(const Value &v, QList<T> &out, DecodeContext &ctx) {
    if (!v.isArray())
        return ctx.expected("an array", v);
    if constexpr (Model<T>) {
        // A large page of models (a 1,000-transaction listing): decode it on two threads. Each
        // element is independent and read in place; on any failure, the sequential read below
        // runs again to report the exact first error with its path.
        const qsizetype n = v.size();
        if (n >= Detail::kParallelMinItems) {
            std::vector<Value> items;
            items.reserve(size_t(n));
            for (const Value e : v.elements())
                items.push_back(e);
            out.clear();
            out.resize(n);
            T *data = out.data();
            const auto r = Detail::forChunks(n, 8, [&items, data](qsizetype begin, qsizetype end) {
                DecodeContext local;
                for (qsizetype i = begin; i < end; ++i)
                    if (!read(items[size_t(i)], data[i], local))
                        return false;
                return true;
            });
            if (r == Detail::Parallel::Ok)
                return true;
        }
    }
    out.clear();
    out.reserve(v.size());
    qsizetype i = 0;
    for (const Value e : v.elements()) {
        if (!read(e, out.emplace_back(), ctx)) // read in place: no temporary to move
            return ctx.failedAt(i);
        ++i;
    }
    return true;
}

template <class T> bool read(const Value &v, QMap<QString, T> &out, DecodeContext &ctx) {
    if (!v.isObject())
        return ctx.expected("an object", v);
    out.clear();
    for (auto [key, e] : v.members()) {
        T item{};
        if (!read(e, item, ctx))
            return ctx.failedAt(key);
        out.insert(DecodeContext::string(key), item);
    }
    return true;
}

template <class T> bool read(const Value &v, FlatMap<QString, T> &out, DecodeContext &ctx) {
    if (!v.isObject())
        return ctx.expected("an object", v);
    out.clear();
    out.reserve(v.size());
    for (auto [key, e] : v.members()) {
        if (!read(e, out.appendUnsorted(DecodeContext::string(key)), ctx)) // in place: no copy
            return ctx.failedAt(key);
    }
    out.finish();
    return true;
}

// Reads `v`, the member `key` of an object (invalid when missing, as Value::collect leaves it), into
// `out`; a missing or null member leaves an optional empty and fails a required one. The generated
// fromJson collects all members in one pass, then reads them in the model's order.
template <class T>
bool readField(const Value &v, std::string_view key, T &out, DecodeContext &ctx, bool required) {
    if (!v.isValid()) {
        if (required)
            return ctx.missing(key);
        return true;
    }
    return read(v, out, ctx) || ctx.failedAt(key);
}

// Looks member `key` of `object` up, then as readField.
template <class T>
bool readMember(const Value &object, std::string_view key, T &out, DecodeContext &ctx, bool required) {
    return readField(object[key], key, out, ctx, required);
}

void write(Writer &w, const QString &v);
void write(Writer &w, bool v);
void write(Writer &w, qint64 v);
void write(Writer &w, int v);
void write(Writer &w, double v);
void write(Writer &w, const BigInt &v);
void write(Writer &w, const Timestamp &v);
void write(Writer &w, const Any &v);
void write(Writer &w, const Value &v); // any parsed JSON, compact, numbers as their exact text

template <Model T> void write(Writer &w, const T &v) {
    v.toJson(w);
}

template <class T> void write(Writer &w, const std::optional<T> &v) {
    if (v)
        write(w, *v);
    else
        w.null();
}

template <class T> void write(Writer &w, const QList<T> &v) {
    w.beginArray();
    for (const T &item : v)
        write(w, item);
    w.endArray();
}

template <class T> void write(Writer &w, const QMap<QString, T> &v) {
    w.beginObject();
    for (auto it = v.cbegin(); it != v.cend(); ++it) {
        w.key(it.key());
        write(w, it.value());
    }
    w.endObject();
}

template <class T> void write(Writer &w, const FlatMap<QString, T> &v) {
    w.beginObject();
    for (auto it = v.cbegin(); it != v.cend(); ++it) {
        w.key(it.key());
        write(w, it.value());
    }
    w.endObject();
}

// Writes `key: value`, skipping unset optionals.
template <class T> void writeMember(Writer &w, std::string_view key, const T &v) {
    w.key(key);
    write(w, v);
}
template <class T> void writeMember(Writer &w, std::string_view key, const std::optional<T> &v) {
    if (!v)
        return;
    w.key(key);
    write(w, *v);
}

struct DecodeResult {
    bool ok = false;
    QString error;
};

// Reads an already parsed document into `out`.
template <class T> DecodeResult decode(const Document &doc, T &out) {
    DecodeContext ctx;
    if (!read(doc.root(), out, ctx))
        return {false, ctx.error()};
    return {true, {}};
}

// Parses `json` and reads it into `out`.
template <class T> DecodeResult decode(const QByteArray &json, T &out) {
    QString parseError;
    auto doc = Document::parse(json, &parseError);
    if (!doc)
        return {false, parseError};
    return decode(*doc, out);
}

template <class T> QByteArray encode(const T &value) {
    Writer w;
    write(w, value);
    return w.take();
}

} // namespace Formance::Json
