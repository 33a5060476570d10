#include <Formance/json/JsonWriter.h>

#include <Formance/BigInt.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace Formance::Json {

void Writer::separator() {
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_depth == 0)
        return;
    if (m_depth <= kInlineDepth) {
        const std::uint64_t bit = std::uint64_t(1) << (m_depth - 1);
        if (!(m_first & bit))
            put(',');
        m_first &= ~bit;
    } else {
        if (!m_deepFirst.back())
            put(',');
        m_deepFirst.back() = false;
    }
}

void Writer::open(char bracket) {
    separator();
    put(bracket);
    if (++m_depth <= kInlineDepth)
        m_first |= std::uint64_t(1) << (m_depth - 1);
    else
        m_deepFirst.push_back(true);
}

void Writer::close(char bracket) {
    put(bracket);
    if (m_depth-- > kInlineDepth)
        m_deepFirst.pop_back();
}

void Writer::beginObject() {
    open('{');
}

void Writer::endObject() {
    close('}');
}

void Writer::beginArray() {
    open('[');
}

void Writer::endArray() {
    close(']');
}

void Writer::key(std::string_view name) {
    value(name);
    put(':');
    m_afterKey = true;
}

void Writer::key(const QString &name) {
    value(name);
    put(':');
    m_afterKey = true;
}

void Writer::null() {
    separator();
    put("null", 4);
}

void Writer::value(bool b) {
    separator();
    if (b)
        put("true", 4);
    else
        put("false", 5);
}

void Writer::value(qint64 n) {
    separator();
    char buf[24];
    auto res = std::to_chars(buf, buf + sizeof buf, n);
    put(buf, res.ptr - buf);
}

void Writer::value(double d) {
    separator();
    if (!std::isfinite(d)) {
        put("null", 4); // JSON has no NaN or infinity
        return;
    }
    char buf[32];
    auto res = std::to_chars(buf, buf + sizeof buf, d);
    put(buf, res.ptr - buf);
}

void Writer::grow(qsizetype n) {
    // The whole capacity becomes writable; a writer made on a caller's buffer (one per exported
    // row) uses its spare capacity first instead of reallocating.
    const qsizetype want = m_len + n;
    if (want > m_out.capacity())
        m_out.reserve(std::max({want, m_out.capacity() * 2, qsizetype(256)}));
    m_out.resize(m_out.capacity()); // within the capacity: no copy (but a detach when shared)
    m_buf = m_out.data();
    m_end = m_out.size();
}

void Writer::put(const char *s, qsizetype n) {
    // Most pieces are a few bytes: fixed-size copies (single moves), overlapping, instead of a
    // call to memcpy per piece.
    char *d = room(n);
    if (n >= 8 && n <= 16) {
        std::memcpy(d, s, 8);
        std::memcpy(d + n - 8, s + n - 8, 8);
    } else if (n >= 4 && n < 8) {
        std::memcpy(d, s, 4);
        std::memcpy(d + n - 4, s + n - 4, 4);
    } else if (n > 0 && n < 4) {
        d[0] = s[0];
        d[n / 2] = s[n / 2];
        d[n - 1] = s[n - 1];
    } else if (n > 16) {
        std::memcpy(d, s, size_t(n));
    }
    m_len += n;
}

// A JSON string's content, escaped, from UTF-8.
void Writer::escaped(std::string_view s) {
    static const char hex[] = "0123456789abcdef";
    // Plain runs are copied whole; at most 6 bytes per escaped byte.
    size_t runStart = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        put(s.data() + runStart, qsizetype(i - runStart));
        runStart = i + 1;
        switch (c) {
        case '"':
            put("\\\"", 2);
            break;
        case '\\':
            put("\\\\", 2);
            break;
        case '\n':
            put("\\n", 2);
            break;
        case '\r':
            put("\\r", 2);
            break;
        case '\t':
            put("\\t", 2);
            break;
        default: {
            const char esc[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            put(esc, 6);
        }
        }
    }
    put(s.data() + runStart, qsizetype(s.size() - runStart));
}

// The same from UTF-16 without a UTF-8 copy of the whole string: the plain ASCII that almost every
// key, account, asset and metadata value is goes straight in; from the first character that needs
// more (non-ASCII, a quote, a control character), the rest goes through QString's encoder.
void Writer::escaped(QStringView s) {
    const qsizetype n = s.size();
    char *d = room(n);
    const char16_t *p = s.utf16();
    qsizetype i = 0;
    for (; i < n; ++i) {
        const char16_t c = p[i];
        if (c >= 0x80 || c < 0x20 || c == u'"' || c == u'\\')
            break;
        d[i] = char(c);
    }
    m_len += i;
    if (i < n) {
        const QByteArray rest = s.mid(i).toUtf8();
        escaped(std::string_view(rest.constData(), size_t(rest.size())));
    }
}

void Writer::value(std::string_view s) {
    separator();
    put('"');
    escaped(s);
    put('"');
}

void Writer::value(const QString &s) {
    separator();
    put('"');
    escaped(QStringView(s));
    put('"');
}

void Writer::value(const BigInt &n) {
    separator();
    if (const auto small = n.toInt64()) {
        char buf[24];
        const auto res = std::to_chars(buf, buf + sizeof buf, *small);
        put(buf, res.ptr - buf);
        return;
    }
    QByteArray text;
    n.appendTo(text);
    put(text.constData(), text.size());
}

void Writer::rawNumber(std::string_view text) {
    separator();
    put(text);
}

void Writer::rawJson(const QByteArray &json) {
    separator();
    put(json.constData(), json.size());
}

} // namespace Formance::Json
