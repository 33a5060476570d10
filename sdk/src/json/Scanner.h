// The token scanning that the tree parser (JsonDocument.cpp) and the one-pass reader
// (JsonReader.cpp) share: whitespace, strings (unescaped, UTF-8 checked), numbers (RFC 8259),
// literals. Internal to the SDK.
#pragma once

#include <Formance/json/JsonDocument.h>

#include "Digits.h"

#include <simdjson.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <bit>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace Formance::Json {

struct DocumentData {
    std::unique_ptr<char[]> input; // the JSON text plus kPadding zero bytes
    std::unique_ptr<char[]> text;  // unescaped strings that had escapes (the rest point at input)
    std::size_t inputCapacity = 0;
    std::size_t textCapacity = 0;
    std::vector<Node> nodes;
};

namespace Detail {

// Zero bytes after the input: 16-byte loads near its end stay in the buffer, and a zero (a control
// character) ends every scan for a string's end.
inline constexpr std::size_t kPadding = 64;

// A thread's buffers for the next parse (the padded copy, the string buffer, the nodes), reused
// from its last released document: paging through a ledger does not map fresh memory each page.
// fill() copies `json` with its padding; false when it is too large to be addressed.
DocumentData *acquireData();
void releaseData(DocumentData *d);
bool fill(DocumentData &d, const char *json, std::size_t size);
bool reserveText(DocumentData &d, std::size_t size); // room to unescape `size` bytes of input

#if !defined(__SSE2__)
inline constexpr std::uint64_t kOnes = 0x0101010101010101ull;
inline constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

// The bytes of `w` that are '"', '\\' or below 0x20, as their high bits. Exact for the lowest
// such byte, which is all a scan needs (a borrow can only mark bytes above it).
inline std::uint64_t stringStops(std::uint64_t w) {
    const std::uint64_t quote = w ^ (kOnes * '"');
    const std::uint64_t backslash = w ^ (kOnes * '\\');
    return ((quote - kOnes) & ~quote | (backslash - kOnes) & ~backslash | (w - kOnes * 0x20)) & ~w &
           kHighBits;
}
#endif

// Positions travel as arguments and return values (null: failed) so that they stay in registers
// (kept as a member, the position was reloaded at every call). The input ends with kPadding zero
// bytes.
class Scanner {
public:
    Scanner(const char *begin, const char *end, char *text)
        : m_begin(begin)
        , m_end(end)
        , m_text(text) {}

    // Deeper documents are refused before a recursion can exhaust the stack.
    static constexpr int kMaxDepth = 256;

    const char *begin() const { return m_begin; }
    const char *end() const { return m_end; }
    char *text() const { return m_text; }
    const char *error() const { return m_error; }
    const char *errorAt() const { return m_errorAt; }

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

    const char *literal(const char *p, const char *word, std::size_t n) {
        if (std::size_t(m_end - p) < n || std::memcmp(p, word, n) != 0)
            return fail(p, "unexpected character");
        return p + n;
    }

    // RFC 8259's number grammar at start; the number's exact text is [start, returned position).
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
        return p;
    }

    // The string at quote (its opening quote) into *out: pointing at the input when it has no
    // escapes, else at its unescaped copy in the text buffer.
    const char *string(const char *quote, std::string_view *out) {
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
            *out = {start, std::size_t(p - start)};
            return p + 1;
        }
        if (*p == '\\')
            return escaped(start, p, !ascii, out);
        return failAt(p, "control character in a string");
    }

private:
    // The rest of a string from its first escape at p, unescaped into the text buffer; `high`:
    // the text before it was not all ASCII.
    const char *escaped(const char *start, const char *p, bool high, std::string_view *out) {
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
        *out = {first, std::size_t(o - first)};
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

    const char *const m_begin;
    const char *const m_end;
    char *m_text; // where the next unescaped string goes
    const char *m_error = nullptr;
    const char *m_errorAt = nullptr;
};

} // namespace Detail
} // namespace Formance::Json
