#include "JsonCodec.h"

#include <charconv>
#include <limits>

namespace Formance::Json {

bool DecodeContext::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = path() + QStringLiteral(": ") + message;
    return false;
}

bool DecodeContext::expected(const char *what, const Value &got)
{
    return fail(QStringLiteral("expected %1, got %2").arg(QLatin1String(what), describe(got)));
}

bool DecodeContext::missing(std::string_view key)
{
    push(key);
    fail(QStringLiteral("required property is missing"));
    pop();
    return false;
}

QString DecodeContext::path() const
{
    QString p = QStringLiteral("$");
    for (const auto &seg : m_path) {
        if (const auto *key = std::get_if<std::string>(&seg))
            p += u'.' + QString::fromStdString(*key);
        else
            p += u'[' + QString::number(std::get<qsizetype>(seg)) + u']';
    }
    return p;
}

QString describe(const Value &v)
{
    if (!v.isValid())
        return QStringLiteral("nothing");
    switch (v.type()) {
    case Type::Null:
        return QStringLiteral("null");
    case Type::Bool:
        return QStringLiteral("a boolean");
    case Type::Number:
        return QStringLiteral("the number %1").arg(QString::fromUtf8(v.numberText().data(), qsizetype(v.numberText().size())).left(40));
    case Type::String:
        return QStringLiteral("a string");
    case Type::Array:
        return QStringLiteral("an array");
    case Type::Object:
        return QStringLiteral("an object");
    }
    return {};
}

bool read(const Value &v, QString &out, DecodeContext &ctx)
{
    if (!v.isString())
        return ctx.expected("a string", v);
    out = v.toString();
    return true;
}

bool read(const Value &v, bool &out, DecodeContext &ctx)
{
    if (!v.isBool())
        return ctx.expected("a boolean", v);
    out = v.toBool();
    return true;
}

namespace {
template <class Int>
bool readInt(const Value &v, Int &out, DecodeContext &ctx)
{
    if (!v.isNumber())
        return ctx.expected("an integer", v);
    const auto text = v.numberText();
    auto res = std::from_chars(text.data(), text.data() + text.size(), out);
    if (res.ec == std::errc::result_out_of_range)
        return ctx.fail(QStringLiteral("integer out of range: %1").arg(QString::fromUtf8(text.data(), qsizetype(text.size()))));
    if (res.ec != std::errc() || res.ptr != text.data() + text.size())
        return ctx.expected("an integer", v);
    return true;
}
} // namespace

bool read(const Value &v, qint64 &out, DecodeContext &ctx)
{
    return readInt(v, out, ctx);
}

bool read(const Value &v, int &out, DecodeContext &ctx)
{
    return readInt(v, out, ctx);
}

bool read(const Value &v, double &out, DecodeContext &ctx)
{
    if (!v.isNumber())
        return ctx.expected("a number", v);
    const auto text = v.numberText();
    auto res = std::from_chars(text.data(), text.data() + text.size(), out);
    if (res.ec == std::errc::result_out_of_range) {
        out = text.front() == '-' ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
        return true;
    }
    if (res.ec != std::errc())
        return ctx.expected("a number", v);
    return true;
}

bool read(const Value &v, BigInt &out, DecodeContext &ctx)
{
    // Some services send big integers as strings: accept digits either way, never a fraction.
    std::string_view text;
    if (v.isNumber())
        text = v.numberText();
    else if (v.isString())
        text = v.stringView();
    else
        return ctx.expected("an integer", v);
    auto parsed = BigInt::fromString(text);
    if (!parsed)
        return ctx.fail(QStringLiteral("expected an integer, got %1")
                            .arg(QString::fromUtf8(text.data(), qsizetype(text.size())).left(40)));
    out = std::move(*parsed);
    return true;
}

bool read(const Value &v, Timestamp &out, DecodeContext &ctx)
{
    if (!v.isString())
        return ctx.expected("an RFC 3339 date-time string", v);
    auto t = Timestamp::parse(v.stringView());
    if (!t)
        return ctx.fail(QStringLiteral("not an RFC 3339 date-time: \"%1\"").arg(v.toString().left(40)));
    out = *t;
    return true;
}

bool read(const Value &v, Any &out, DecodeContext &)
{
    out = Any::fromJson(v.toJson());
    return true;
}

void write(Writer &w, const QString &v)
{
    w.value(v);
}
void write(Writer &w, bool v)
{
    w.value(v);
}
void write(Writer &w, qint64 v)
{
    w.value(v);
}
void write(Writer &w, int v)
{
    w.value(v);
}
void write(Writer &w, double v)
{
    w.value(v);
}
void write(Writer &w, const BigInt &v)
{
    w.value(v);
}
void write(Writer &w, const Timestamp &v)
{
    w.value(v.toString());
}
void write(Writer &w, const Any &v)
{
    if (v.isNull())
        w.null();
    else
        w.rawJson(v.json());
}

} // namespace Formance::Json
