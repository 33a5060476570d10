#include <Formance/json/JsonReader.h>

#include "Scanner.h"

#include <limits>

namespace Formance::Json {

Reader::Input::Input(const QByteArray &json)
    : m_data(Detail::acquireData())
    , m_size(std::size_t(json.size()))
    , m_ok(Detail::fill(*m_data, json.constData(), m_size)) {}

Reader::Input::~Input() {
    Detail::releaseData(m_data);
}

Reader Reader::Input::reader() const {
    const char *begin = m_data->input.get();
    return Reader(begin, begin + m_size, m_data->text.get());
}

bool Reader::open(char c) {
    if (peek() != c || ++m_depth > Detail::Scanner::kMaxDepth)
        return fail();
    ++m_p;
    return true;
}

bool Reader::literal(const char *word, std::size_t n) {
    if (std::size_t(m_end - m_p) < n || std::memcmp(m_p, word, n) != 0)
        return fail();
    m_p += n;
    return true;
}

bool Reader::key(std::string_view *key) {
    if (!string(key))
        return false;
    if (peek() != ':')
        return fail();
    ++m_p;
    return true;
}

bool Reader::string(std::string_view *out) {
    if (peek() != '"')
        return fail();
    Detail::Scanner s(m_p, m_end, m_text);
    const char *p = s.string(m_p, out);
    if (!p)
        return fail();
    m_p = p;
    m_text = s.text();
    return true;
}

bool Reader::number(std::string_view *out) {
    const char c = peek();
    if (c != '-' && (c < '0' || c > '9'))
        return fail();
    Detail::Scanner s(m_p, m_end, m_text);
    const char *p = s.number(m_p);
    if (!p)
        return fail();
    *out = {m_p, std::size_t(p - m_p)};
    m_p = p;
    return true;
}

bool Reader::smallInteger(long long *out) {
    const char *p = space(m_p);
    const bool negative = *p == '-';
    const char *const digits = p + negative;
    const char *q = digits;
    std::uint64_t value = 0;
    if constexpr (Digits::kWordAtATime) {
        for (int i = 0; i < 2; ++i) { // up to sixteen digits by words
            const std::uint64_t w = Digits::load8(q);
            if (!Digits::eightDigits(w))
                break;
            value = value * 100000000u + Digits::eightDigitsValue(w);
            q += 8;
        }
    }
    for (unsigned d; (d = unsigned(std::uint8_t(*q)) - '0') < 10; ++q)
        value = value * 10 + d;
    const std::size_t n = std::size_t(q - digits);
    if (n == 0 || n > 18 || (n > 1 && *digits == '0') || *q == '.' || *q == 'e' || *q == 'E')
        return false; // not an integer, or one to read the long way
    *out = negative ? -(long long)(value) : (long long)(value);
    m_p = q;
    return true;
}

bool Reader::boolean(bool *out) {
    switch (peek()) {
    case 't':
        *out = true;
        return literal("true", 4);
    case 'f':
        *out = false;
        return literal("false", 5);
    default:
        return fail();
    }
}

bool Reader::skip(std::string_view *source) {
    const char *start = (m_p = space(m_p));
    if (!skipValue(m_depth))
        return fail();
    if (source)
        *source = {start, std::size_t(m_p - start)};
    return true;
}

// The same grammar as the tree parser, nothing kept. `depth`: of the containers around this value.
bool Reader::skipValue(int depth) {
    std::string_view ignored;
    switch (peek()) {
    case '{':
        if (++depth > Detail::Scanner::kMaxDepth)
            return false;
        ++m_p;
        if (peek() == '}') {
            ++m_p;
            return true;
        }
        for (;;) {
            if (!string(&ignored) || peek() != ':')
                return false;
            ++m_p;
            if (!skipValue(depth))
                return false;
            const char c = peek();
            ++m_p;
            if (c == '}')
                return true;
            if (c != ',')
                return false;
        }
    case '[':
        if (++depth > Detail::Scanner::kMaxDepth)
            return false;
        ++m_p;
        if (peek() == ']') {
            ++m_p;
            return true;
        }
        for (;;) {
            if (!skipValue(depth))
                return false;
            const char c = peek();
            ++m_p;
            if (c == ']')
                return true;
            if (c != ',')
                return false;
        }
    case '"':
        return string(&ignored);
    case 't':
        return literal("true", 4);
    case 'f':
        return literal("false", 5);
    case 'n':
        return literal("null", 4);
    default:
        return number(&ignored);
    }
}

// The scalars, as their tree readers (JsonCodec.cpp) read them.

bool read(Reader &r, QString &out) {
    std::string_view s;
    if (!r.string(&s))
        return false;
    out = DecodeContext::string(s);
    return true;
}

bool read(Reader &r, bool &out) {
    return r.boolean(&out);
}

namespace {
template <class Int> bool readInt(Reader &r, Int &out) {
    std::string_view text;
    if (!r.number(&text))
        return false;
    const auto res = std::from_chars(text.data(), text.data() + text.size(), out);
    return (res.ec == std::errc() && res.ptr == text.data() + text.size()) || r.fail();
}
} // namespace

bool read(Reader &r, qint64 &out) {
    return readInt(r, out);
}

bool read(Reader &r, int &out) {
    return readInt(r, out);
}

bool read(Reader &r, double &out) {
    std::string_view text;
    if (!r.number(&text))
        return false;
    const auto res = std::from_chars(text.data(), text.data() + text.size(), out);
    if (res.ec == std::errc::result_out_of_range) {
        out = text.front() == '-' ? -std::numeric_limits<double>::infinity()
                                  : std::numeric_limits<double>::infinity();
        return true;
    }
    return res.ec == std::errc() || r.fail();
}

bool read(Reader &r, BigInt &out) {
    // Digits as a number or as a string, never a fraction (as the tree reader).
    if (long long value; r.peek() != '"' && r.smallInteger(&value)) { // most, in one step
        out = BigInt(qint64(value));
        return true;
    }
    std::string_view text;
    if (!(r.peek() == '"' ? r.string(&text) : r.number(&text)))
        return false;
    if (qint64 value; Digits::smallInteger(text, &value)) {
        out = BigInt(value);
        return true;
    }
    auto parsed = BigInt::fromString(text);
    if (!parsed)
        return r.fail();
    out = std::move(*parsed);
    return true;
}

bool read(Reader &r, Timestamp &out) {
    std::string_view text;
    if (!r.string(&text))
        return false;
    const auto t = Timestamp::parse(text);
    if (!t)
        return r.fail();
    out = *t;
    return true;
}

bool read(Reader &r, Any &out) {
    return readThroughTree(r, out); // its compact text, as the tree reader writes it
}

} // namespace Formance::Json
