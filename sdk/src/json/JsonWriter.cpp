#include <Formance/json/JsonWriter.h>

#include <Formance/BigInt.h>

#include <charconv>
#include <cmath>

namespace Formance::Json {

void Writer::separator() {
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first.empty()) {
        if (!m_first.back())
            m_out.append(',');
        m_first.back() = false;
    }
}

void Writer::beginObject() {
    separator();
    m_out.append('{');
    m_first.push_back(true);
}

void Writer::endObject() {
    m_out.append('}');
    m_first.pop_back();
}

void Writer::beginArray() {
    separator();
    m_out.append('[');
    m_first.push_back(true);
}

void Writer::endArray() {
    m_out.append(']');
    m_first.pop_back();
}

void Writer::key(std::string_view name) {
    value(name);
    m_out.append(':');
    m_afterKey = true;
}

void Writer::key(const QString &name) {
    const QByteArray utf8 = name.toUtf8();
    key(std::string_view(utf8.constData(), size_t(utf8.size())));
}

void Writer::null() {
    separator();
    m_out.append("null");
}

void Writer::value(bool b) {
    separator();
    m_out.append(b ? "true" : "false");
}

void Writer::value(qint64 n) {
    separator();
    char buf[24];
    auto res = std::to_chars(buf, buf + sizeof buf, n);
    m_out.append(buf, res.ptr - buf);
}

void Writer::value(double d) {
    separator();
    if (!std::isfinite(d)) {
        m_out.append("null"); // JSON has no NaN or infinity
        return;
    }
    char buf[32];
    auto res = std::to_chars(buf, buf + sizeof buf, d);
    m_out.append(buf, res.ptr - buf);
}

void Writer::value(std::string_view s) {
    separator();
    static const char hex[] = "0123456789abcdef";
    m_out.append('"');
    size_t runStart = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        m_out.append(s.data() + runStart, qsizetype(i - runStart));
        runStart = i + 1;
        switch (c) {
        case '"':
            m_out.append("\\\"");
            break;
        case '\\':
            m_out.append("\\\\");
            break;
        case '\n':
            m_out.append("\\n");
            break;
        case '\r':
            m_out.append("\\r");
            break;
        case '\t':
            m_out.append("\\t");
            break;
        default: {
            const char esc[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            m_out.append(esc, 6);
        }
        }
    }
    m_out.append(s.data() + runStart, qsizetype(s.size() - runStart));
    m_out.append('"');
}

void Writer::value(const QString &s) {
    const QByteArray utf8 = s.toUtf8();
    value(std::string_view(utf8.constData(), size_t(utf8.size())));
}

void Writer::value(const BigInt &n) {
    separator();
    n.appendTo(m_out);
}

void Writer::rawNumber(std::string_view text) {
    separator();
    m_out.append(text.data(), qsizetype(text.size()));
}

void Writer::rawJson(const QByteArray &json) {
    separator();
    m_out.append(json);
}

} // namespace Formance::Json
