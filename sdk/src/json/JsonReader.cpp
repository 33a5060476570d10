#include <Formance/json/JsonReader.h>

#include "Scanner.h"

#include <QSemaphore>
#include <QThread>
#include <QThreadPool>

#include <limits>

namespace Formance::Json {

Reader::Input::Input(const QByteArray &json)
    : m_data(Detail::acquireData())
    , m_size(std::size_t(json.size())) {
    static_assert(kInPlaceSlack >= 16, "the scanner loads 16 bytes at a time");
    if (json.capacity() - json.size() >= kInPlaceSlack && json.constData()[json.size()] == 0) {
        m_json = json;
        m_begin = m_json.constData();
        m_ok = Detail::reserveText(*m_data, m_size);
    } else {
        m_ok = Detail::fill(*m_data, json.constData(), m_size);
        m_begin = m_data->input.get();
    }
}

Reader::Input::~Input() {
    Detail::releaseData(m_data);
}

Reader Reader::Input::reader() const {
    return Reader(m_begin, m_begin + m_size, m_data->text.get());
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

namespace Detail {

namespace {
std::atomic<int> g_splits{0};
}

struct ArraySplit::State {
    // The front's latest element boundary, as its offset from the text's start, shifted left by
    // one; the low bit set: the back has claimed the rest from that offset.
    std::atomic<std::uintptr_t> word{0};
    std::atomic<bool> frontDone{false}; // the front has read the array to its end
    std::atomic<int> handshake{0};      // 0 pending, 1 the helper started, 2 withdrawn
    QSemaphore finished;                // the helper is done with everything here
    std::function<bool(Reader &)> readBack;
    const char *begin = nullptr;
    const char *end = nullptr;
    char *textBegin = nullptr;
    int depth = 0;
    bool backOk = false; // written by the helper before it releases `finished`
    const char *backEnd = nullptr;
    int backDepth = 0;

    // A reader for the helper from `offset` on: strings read from there unescape past the same
    // offset of the text buffer, where the front's never reach (text is never longer than its input).
    Reader readerAt(std::uintptr_t offset) const {
        Reader r(begin, end, textBegin);
        r.m_p = begin + offset;
        r.m_text = textBegin + offset;
        r.m_depth = depth;
        return r;
    }

    void run() {
        const std::uintptr_t start = word.load(std::memory_order_acquire) >> 1;
        if (end - (begin + start) < kSplitBytes / 2)
            return; // the front is nearly done already
        const char *const middle = begin + start + (end - (begin + start)) / 2;
        // The skipped part is the front's to read, and to unescape into the text buffer: strings
        // skipped here unescape into this thread's own scratch, as long as that part at most.
        // Kept by the thread for its next split up to 16 MB (a page is about 1 MB).
        thread_local std::unique_ptr<char[]> kept;
        thread_local std::size_t keptSize = 0;
        const std::size_t need = std::size_t(end - begin) - start;
        std::unique_ptr<char[]> once;
        char *scratch = nullptr;
        if (need <= keptSize) {
            scratch = kept.get();
        } else if (need <= 16 * 1024 * 1024) {
            kept.reset(new char[need]);
            keptSize = need;
            scratch = kept.get();
        } else {
            once.reset(new char[need]);
            scratch = once.get();
        }
        Reader skipper = readerAt(start);
        skipper.m_text = skipper.m_textBegin = scratch;
        for (int n = 1;; ++n) {
            if (!skipper.skip() || !skipper.more(']'))
                return; // bad JSON (the front will meet it) or the array ends before the middle
            if (skipper.m_p >= middle)
                break;
            if (n % 16 == 0 && frontDone.load(std::memory_order_relaxed))
                return;
        }
        const std::uintptr_t cut = std::uintptr_t(skipper.m_p - begin);
        std::uintptr_t w = word.load(std::memory_order_acquire);
        do {
            if ((w >> 1) >= cut || frontDone.load(std::memory_order_relaxed))
                return; // the front is there already
        } while (!word.compare_exchange_weak(w, cut << 1 | 1, std::memory_order_acq_rel,
                                             std::memory_order_acquire));
        g_splits.fetch_add(1, std::memory_order_relaxed);
        Reader back = readerAt(cut);
        do {
            if (!readBack(back))
                return;
        } while (back.more(']'));
        backOk = !back.failed();
        backEnd = back.m_p;
        backDepth = back.m_depth;
    }
};

ArraySplit::ArraySplit(const Reader &front, std::function<bool(Reader &)> readBack)
    : m_state(std::make_shared<State>()) {
    State &s = *m_state;
    s.readBack = std::move(readBack);
    s.begin = front.m_begin;
    s.end = front.m_end;
    s.textBegin = front.m_textBegin;
    s.depth = front.m_depth;
    s.word.store(std::uintptr_t(front.m_p - front.m_begin) << 1, std::memory_order_relaxed);
    // Only a thread that is free now: never queued behind other work, so nothing can wait on it.
    if (QThread::idealThreadCount() < 2 || !QThreadPool::globalInstance()->tryStart([state = m_state] {
            int pending = 0;
            if (!state->handshake.compare_exchange_strong(pending, 1))
                return; // withdrawn: the front has finished and gone
            state->run();
            state->finished.release();
        }))
        s.handshake.store(2);
}

ArraySplit::~ArraySplit() {
    m_state->frontDone.store(true, std::memory_order_relaxed);
    int pending = 0;
    if (!m_joined && !m_state->handshake.compare_exchange_strong(pending, 2) && pending == 1)
        m_state->finished.acquire(); // it started: it may still be reading this frame's text
}

ArraySplit::Step ArraySplit::at(const char *boundary) {
    const std::uintptr_t q = std::uintptr_t(boundary - m_state->begin);
    if (!m_claimSeen) {
        std::uintptr_t w = m_state->word.load(std::memory_order_relaxed);
        if (!(w & 1) && m_state->word.compare_exchange_strong(w, q << 1, std::memory_order_acq_rel,
                                                              std::memory_order_acquire))
            return Step::GoOn;
        m_claimSeen = true; // the compare-and-swap failed: the back has claimed
        m_cut = w >> 1;
    }
    return q == m_cut ? Step::Stop : q < m_cut ? Step::GoOn : Step::Broken;
}

bool ArraySplit::join(Reader &front) {
    m_state->finished.acquire();
    m_joined = true;
    if (!m_state->backOk)
        return false;
    front.m_p = m_state->backEnd;
    front.m_depth = m_state->backDepth;
    return true;
}

int ArraySplit::splits() {
    return g_splits.load();
}

} // namespace Detail

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
