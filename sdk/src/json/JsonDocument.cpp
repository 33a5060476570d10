#include <Formance/json/JsonDocument.h>

#include <Formance/json/JsonCodec.h>
#include <Formance/json/JsonWriter.h>

#include "Digits.h"

#include <simdjson.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <vector>

namespace Formance::Json {

struct DocumentData {
    std::unique_ptr<char[]> input; // the JSON text plus kPadding zero bytes
    std::unique_ptr<char[]> text;  // unescaped strings that had escapes (the rest point at input)
    std::size_t inputCapacity = 0;
    std::vector<Node> nodes;
};

namespace {

// Zero bytes after the input: 16-byte loads near its end stay in the buffer, and a zero (a control
// character) ends every scan for a string's end.
constexpr std::size_t kPadding = 64;

// Parsing a page allocates a few megabytes (the padded copy, the string buffer, the nodes). Each
// thread keeps the buffers of its last released document for its next parse, so paging through a
// ledger reuses them instead of mapping fresh memory for every page.
constexpr std::size_t kMaxPooledInput = 64 * 1024 * 1024;

struct DocumentPool {
    DocumentData *spare = nullptr;
    bool closed = false;
    ~DocumentPool() {
        closed = true;
        delete spare;
        spare = nullptr;
    }
};
thread_local DocumentPool t_pool;

DocumentData *acquireData() {
    if (DocumentData *d = t_pool.spare) {
        t_pool.spare = nullptr;
        return d;
    }
    return new DocumentData;
}

void releaseData(DocumentData *d) {
    if (!t_pool.closed && !t_pool.spare && d->inputCapacity <= kMaxPooledInput) {
        d->nodes.clear();
        t_pool.spare = d;
        return;
    }
    delete d;
}

#if !defined(__SSE2__)
constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

// The bytes of `w` that are '"', '\\' or below 0x20, as their high bits. Exact for the lowest
// such byte, which is all a scan needs (a borrow can only mark bytes above it).
inline std::uint64_t stringStops(std::uint64_t w) {
    const std::uint64_t quote = w ^ (kOnes * '"');
    const std::uint64_t backslash = w ^ (kOnes * '\\');
    return ((quote - kOnes) & ~quote | (backslash - kOnes) & ~backslash | (w - kOnes * 0x20)) & ~w &
           kHighBits;
}
#endif

// A one-pass recursive-descent parser straight into the node tree. It replaced simdjson's
// on-demand iteration: a tree of every value is built anyway, and that iteration copied every
// string (here strings without escapes point at the input). UTF-8 is checked by simdjson's
// validator, on the strings that hold non-ASCII bytes only. The position travels as an argument
// and return value (null: failed) so that it stays in a register.
class TreeParser {
public:
    TreeParser(const char *input, std::size_t size, char *text, std::vector<Node> &nodes)
        : m_begin(input)
        , m_end(input + size)
        , m_text(text)
        , m_nodes(nodes) {}

    // Deeper documents are refused before this recursion can exhaust the stack.
    static constexpr int kMaxDepth = 256;

    // Parses the whole input; on failure returns false, error() saying what and where.
    bool parse() {
        const char *p = space(m_begin);
        if (p >= m_end) {
            fail(p, "the answer is empty");
            return false;
        }
        if (!(p = value(p)))
            return false;
        p = space(p);
        if (p != m_end) {
            fail(p, "unexpected text after the JSON value");
            return false;
        }
        return true;
    }
    QString error() const {
        return QStringLiteral("invalid JSON: %1 at byte %2").arg(m_error).arg(m_errorAt - m_begin);
    }

private:
    // Records the first failure (the innermost: it says the most); returns a null position.
    std::nullptr_t fail(const char *at, const char *what) {
        if (!m_error) {
            m_error = what;
            m_errorAt = std::min(at, m_end);
        }
        return nullptr;
    }
    std::nullptr_t failAt(const char *at, const char *what) {
        return fail(at, at >= m_end ? "the answer ends early" : what);
    }
    static const char *space(const char *p) {
        if (std::uint8_t(*p) > ' ') // compact JSON: no whitespace between tokens
            return p;
        while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
            ++p;
        return p;
    }

    const char *value(const char *p) {
        switch (*p) {
        case '{':
            return object(p);
        case '[':
            return array(p);
        case '"':
            return string(p);
        case 't':
            return atom(p, "true", 4, Type::Bool, true);
        case 'f':
            return atom(p, "false", 5, Type::Bool, false);
        case 'n':
            return atom(p, "null", 4, Type::Null, false);
        default:
            if (*p == '-' || (*p >= '0' && *p <= '9'))
                return number(p);
            return failAt(p, "unexpected character");
        }
    }

    const char *object(const char *start) {
        if (++m_depth > kMaxDepth)
            return fail(start, "nested too deep");
        const std::size_t self = push(Type::Object);
        std::uint32_t count = 0;
        const char *p = space(start + 1);
        if (*p != '}') {
            for (;;) {
                if (*p != '"')
                    return failAt(p, "expected a member name");
                if (!(p = string(p)))
                    return nullptr;
                p = space(p);
                if (*p != ':')
                    return failAt(p, "expected ':'");
                p = space(p + 1);
                if (!(p = value(p)))
                    return nullptr;
                ++count;
                p = space(p);
                if (*p == ',') {
                    p = space(p + 1);
                    continue;
                }
                if (*p == '}')
                    break;
                return failAt(p, "expected ',' or '}'");
            }
        }
        return close(self, start, p + 1, count);
    }

    const char *array(const char *start) {
        if (++m_depth > kMaxDepth)
            return fail(start, "nested too deep");
        const std::size_t self = push(Type::Array);
        std::uint32_t count = 0;
        const char *p = space(start + 1);
        if (*p != ']') {
            for (;;) {
                if (!(p = value(p)))
                    return nullptr;
                ++count;
                p = space(p);
                if (*p == ',') {
                    p = space(p + 1);
                    continue;
                }
                if (*p == ']')
                    break;
                return failAt(p, "expected ',' or ']'");
            }
        }
        return close(self, start, p + 1, count);
    }

    const char *close(std::size_t self, const char *start, const char *end, std::uint32_t count) {
        Node &n = m_nodes[self];
        n.end = std::uint32_t(m_nodes.size());
        n.count = count;
        n.data = start;
        n.size = std::uint32_t(end - start);
        --m_depth;
        return end;
    }

    const char *atom(const char *p, const char *word, std::size_t n, Type type, bool boolean) {
        if (std::size_t(m_end - p) < n || std::memcmp(p, word, n) != 0)
            return fail(p, "unexpected character");
        const std::size_t i = push(type);
        m_nodes[i].boolean = boolean;
        m_nodes[i].end = std::uint32_t(i + 1);
        return p + n;
    }

    // RFC 8259's number grammar; the node keeps the exact text.
    const char *number(const char *start) {
        const char *p = start + (*start == '-');
        auto digits = [this](const char *q) { return q + Digits::digitRun({q, std::size_t(m_end - q)}); };
        if (*p == '0') {
            ++p;
        } else {
            const char *q = digits(p);
            if (q == p)
                return fail(p, "malformed number");
            p = q;
        }
        if (*p == '.') {
            const char *q = digits(p + 1);
            if (q == p + 1)
                return fail(p, "malformed number");
            p = q;
        }
        if (*p == 'e' || *p == 'E') {
            ++p;
            if (*p == '+' || *p == '-')
                ++p;
            const char *q = digits(p);
            if (q == p)
                return fail(p, "malformed number");
            p = q;
        }
        leaf(Type::Number, start, std::size_t(p - start));
        return p;
    }

    // A string at p (its opening quote), as a leaf: its text points at the input when it has no
    // escapes, else at its unescaped copy in the text buffer.
    const char *string(const char *quote) {
        const char *const start = quote + 1;
        const char *p = start;
        bool ascii = true;
#if defined(__SSE2__)
        // Sixteen bytes a step: the first quote, backslash or control character ends the scan.
        const __m128i quotes = _mm_set1_epi8('"'), backslashes = _mm_set1_epi8('\\');
        const __m128i control = _mm_set1_epi8(0x1F);
        for (;;) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            const __m128i stop =
                _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quotes), _mm_cmpeq_epi8(v, backslashes)),
                             _mm_cmpeq_epi8(_mm_max_epu8(v, control), control));
            const unsigned stops = unsigned(_mm_movemask_epi8(stop));
            const unsigned high = unsigned(_mm_movemask_epi8(v));
            if (stops) {
                const int at = std::countr_zero(stops);
                ascii &= (high & ((1u << at) - 1)) == 0;
                p += at;
                break;
            }
            ascii &= high == 0;
            p += 16;
        }
#else
        std::uint64_t seen = 0; // every byte scanned, or-ed: any high bit means non-ASCII text
        if constexpr (Digits::kWordAtATime) {
            for (;;) {
                const std::uint64_t w = Digits::load8(p);
                if (const std::uint64_t stops = stringStops(w)) {
                    const int at = std::countr_zero(stops) / 8;
                    seen |= w & ((std::uint64_t(1) << (8 * at)) - 1);
                    p += at;
                    break;
                }
                seen |= w;
                p += 8;
            }
        } else {
            while (*p != '"' && *p != '\\' && std::uint8_t(*p) >= 0x20)
                seen |= std::uint8_t(*p++);
        }
        ascii = (seen & kHighBits) == 0;
#endif
        if (*p == '"') [[likely]] {
            if (!ascii && !validUtf8(start, std::size_t(p - start)))
                return fail(start, "a string is not valid UTF-8");
            leaf(Type::String, start, std::size_t(p - start));
            return p + 1;
        }
        if (*p == '\\')
            return escaped(start, p, !ascii);
        return failAt(p, "control character in a string");
    }

    // The rest of a string from its first escape at p, unescaped into the text buffer; `high`:
    // the text before it was not all ASCII.
    const char *escaped(const char *start, const char *p, bool high) {
        char *const first = m_text;
        std::memcpy(first, start, std::size_t(p - start));
        char *o = first + (p - start);
        for (;;) {
            const unsigned char c = std::uint8_t(*p);
            if (c == '"')
                break;
            if (c < 0x20)
                return failAt(p, "control character in a string");
            if (c != '\\') {
                high |= c >= 0x80;
                *o++ = char(c);
                ++p;
                continue;
            }
            const char e = p[1];
            switch (e) {
            case '"':
            case '\\':
            case '/':
                *o++ = e;
                break;
            case 'b':
                *o++ = '\b';
                break;
            case 'f':
                *o++ = '\f';
                break;
            case 'n':
                *o++ = '\n';
                break;
            case 'r':
                *o++ = '\r';
                break;
            case 't':
                *o++ = '\t';
                break;
            case 'u': {
                int length = 6;
                const int cp = codePoint(p, length);
                if (cp < 0)
                    return fail(p, cp == kBadHex ? "malformed \\u escape in a string"
                                                 : "a lone surrogate in a string");
                o = utf8(o, std::uint32_t(cp));
                p += length;
                continue;
            }
            default:
                return failAt(p, "unknown escape in a string");
            }
            p += 2;
        }
        if (high && !validUtf8(first, std::size_t(o - first)))
            return fail(start, "a string is not valid UTF-8");
        leaf(Type::String, first, std::size_t(o - first));
        m_text = o;
        return p + 1;
    }

    // The code point of the \u escape at p, its low surrogate included when a pair (length: 12),
    // kBadHex, or kLoneSurrogate: half of a pair alone is no text, so its string is refused.
    static constexpr int kBadHex = -1;
    static constexpr int kLoneSurrogate = -2;
    static int codePoint(const char *p, int &length) {
        const int cp = hex4(p + 2);
        if (cp < 0xD800 || cp > 0xDFFF) // kBadHex included
            return cp;
        if (cp >= 0xDC00)
            return kLoneSurrogate;
        if (p[6] != '\\' || p[7] != 'u')
            return kLoneSurrogate;
        const int low = hex4(p + 8);
        if (low < 0)
            return kBadHex;
        if (low < 0xDC00 || low > 0xDFFF)
            return kLoneSurrogate;
        length = 12;
        return 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    static int hex4(const char *p) {
        int cp = 0;
        for (int i = 0; i < 4; ++i) { // a zero byte (the input's end) is no digit: no overrun
            const char c = p[i];
            const int d = c >= '0' && c <= '9'   ? c - '0'
                          : c >= 'a' && c <= 'f' ? c - 'a' + 10
                          : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                 : -1;
            if (d < 0)
                return -1;
            cp = cp << 4 | d;
        }
        return cp;
    }
    static char *utf8(char *o, std::uint32_t cp) {
        if (cp < 0x80) {
            *o++ = char(cp);
        } else if (cp < 0x800) {
            *o++ = char(0xC0 | cp >> 6);
            *o++ = char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            *o++ = char(0xE0 | cp >> 12);
            *o++ = char(0x80 | (cp >> 6 & 0x3F));
            *o++ = char(0x80 | (cp & 0x3F));
        } else {
            *o++ = char(0xF0 | cp >> 18);
            *o++ = char(0x80 | (cp >> 12 & 0x3F));
            *o++ = char(0x80 | (cp >> 6 & 0x3F));
            *o++ = char(0x80 | (cp & 0x3F));
        }
        return o;
    }
    static bool validUtf8(const char *s, std::size_t n) {
        return simdjson::validate_utf8(s, n);
    }

    std::size_t push(Type type) {
        Node &n = m_nodes.emplace_back();
        n.type = type;
        return m_nodes.size() - 1;
    }
    void leaf(Type type, const char *text, std::size_t size) {
        Node &n = m_nodes.emplace_back();
        n.data = text;
        n.size = std::uint32_t(size);
        n.end = std::uint32_t(m_nodes.size());
        n.type = type;
    }

    const char *const m_begin;
    const char *const m_end;
    char *m_text; // where the next unescaped string goes
    std::vector<Node> &m_nodes;
    int m_depth = 0;
    const char *m_error = nullptr;
    const char *m_errorAt = nullptr;
};

} // namespace

std::optional<Document> Document::parse(const QByteArray &json, QString *error) {
    std::shared_ptr<DocumentData> data(acquireData(), releaseData);
    const std::size_t size = std::size_t(json.size());
    if (size > std::numeric_limits<std::uint32_t>::max() - kPadding) {
        if (error)
            *error = QStringLiteral("invalid JSON: the answer is larger than 4 GB");
        return std::nullopt;
    }
    if (data->inputCapacity < size + kPadding) {
        data->inputCapacity = size + size / 4 + kPadding;
        data->input.reset(new char[data->inputCapacity]);
        data->text.reset(new char[data->inputCapacity]); // unescaped text is never longer
    }
    std::memcpy(data->input.get(), json.constData(), size);
    std::memset(data->input.get() + size, 0, kPadding);
    data->nodes.reserve(size / 8 + 4);
    TreeParser parser(data->input.get(), size, data->text.get(), data->nodes);
    if (!parser.parse()) {
        if (error)
            *error = parser.error();
        return std::nullopt;
    }
    Document d;
    d.m_data = std::move(data);
    return d;
}

Value Document::root() const {
    return m_data ? Value(m_data->nodes.data(), 0) : Value();
}

QString Value::toString() const {
    const auto s = stringView();
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

std::uint32_t Value::size() const {
    return isValid() ? node().count : 0; // counted while parsing
}

namespace {
void writeValue(Writer &w, const Value &v) {
    if (!v.isValid()) {
        w.null();
        return;
    }
    switch (v.type()) {
    case Type::Null:
        w.null();
        break;
    case Type::Bool:
        w.value(v.toBool());
        break;
    case Type::Number:
        w.rawNumber(v.numberText());
        break;
    case Type::String:
        w.value(v.stringView());
        break;
    case Type::Array:
        w.beginArray();
        for (auto e : v.elements())
            writeValue(w, e);
        w.endArray();
        break;
    case Type::Object:
        w.beginObject();
        for (auto [k, e] : v.members()) {
            w.key(k);
            writeValue(w, e);
        }
        w.endObject();
        break;
    }
}
} // namespace

void write(Writer &w, const Value &v) {
    writeValue(w, v);
}

QByteArray Value::toJson() const {
    Writer w;
    writeValue(w, *this);
    return w.take();
}

} // namespace Formance::Json
