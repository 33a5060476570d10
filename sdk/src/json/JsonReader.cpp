#include <Formance/json/JsonReader.h>

#include "Scanner.h"

#include <QSemaphore>
#include <QThread>

#include <cstring>
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
std::atomic<int> g_passed{0};
std::atomic<int> g_taken{0};
std::atomic<bool> g_threadIdle{true};
} // namespace

struct ArraySplit::State {
    // The front's latest element boundary, as its offset from the text's start, shifted left by
    // one; the low bit set: the back has claimed the rest from that offset.
    std::atomic<std::uintptr_t> word{0};
    std::atomic<bool> frontDone{false}; // the front has read the array, or read on alone
    std::function<bool(Reader &)> readBack;
    std::uintptr_t cut = 0;     // where the back starts, as an offset in the front's text
    const char *copy = nullptr; // the text from the cut on, padded, then room to unescape it
    std::size_t size = 0;       // of the text from the cut
    int depth = 0;
    // The back has read the rest of the array; backEnd: where it ended, as an offset in the text.
    std::atomic<bool> backDone{false};
    std::uintptr_t backEnd = 0;
    int backDepth = 0;

    // On the helper: claims the back unless the front is there already, and reads it.
    void run() {
        std::uintptr_t w = word.load(std::memory_order_acquire);
        do {
            if ((w >> 1) >= cut || frontDone.load(std::memory_order_relaxed))
                return; // the front is there already
        } while (!word.compare_exchange_weak(w, cut << 1 | 1, std::memory_order_acq_rel,
                                             std::memory_order_acquire));
        g_splits.fetch_add(1, std::memory_order_relaxed);
        Reader back(copy, copy + size, const_cast<char *>(copy) + size + kPadding);
        back.m_depth = depth;
        do {
            if (!readBack(back) || frontDone.load(std::memory_order_relaxed))
                return;
        } while (back.more(']'));
        if (back.failed())
            return; // the front meets the same error where it is
        backEnd = cut + std::uintptr_t(back.m_p - copy);
        backDepth = back.m_depth;
        backDone.store(true, std::memory_order_release);
    }
};

namespace {
// The text at an element boundary `at` (just after a ','), from that ',' to the first member's ':'
// within 64 bytes; empty when there is none.
std::string_view boundarySignature(const char *at, const char *begin, const char *end) {
    if (at == begin || at[-1] != ',')
        return {};
    const auto *colon =
        static_cast<const char *>(std::memchr(at, ':', std::size_t(std::min<std::ptrdiff_t>(end - at, 64))));
    return colon ? std::string_view(at - 1, std::size_t(colon + 2 - at)) : std::string_view();
}

// One thread for the backs of all splits, at idle priority: it only ever uses a core nothing else
// wants, so on a busy machine it takes no time from the front, which then reads on alone. It has
// one split at a time, and one buffer for that split's text (held until it is done with it).
class SplitHelper {
public:
    static SplitHelper &instance() {
        static auto *helper = new SplitHelper; // never destroyed: its thread waits until exit
        return *helper;
    }

    // The buffer for a split's text, when the helper is free (it is then reserved for that split
    // until the helper has run it); null when it is busy.
    char *reserve(std::size_t size) {
        bool busy = false;
        if (!m_busy.compare_exchange_strong(busy, true, std::memory_order_acquire))
            return nullptr;
        if (size > m_capacity || (size < m_capacity / 8 && m_capacity > kKeptBytes)) {
            m_buffer.reset(new char[size]);
            m_capacity = size;
        }
        return m_buffer.get();
    }
    void start(std::shared_ptr<ArraySplit::State> state) {
        m_job = std::move(state);
        // The semaphore orders this too, but inside Qt, where ThreadSanitizer cannot see it.
        m_posted.store(true, std::memory_order_release);
        m_ready.release();
    }

private:
    static constexpr std::size_t kKeptBytes = 16 * 1024 * 1024;
    SplitHelper() {
        QThread *thread = QThread::create([this] {
            for (;;) {
                m_ready.acquire();
                m_posted.load(std::memory_order_acquire);
                std::shared_ptr<ArraySplit::State> job = std::move(m_job);
                job->run();
                job.reset(); // the back's list may be freed here, if the front has gone
                m_busy.store(false, std::memory_order_release);
            }
        });
        thread->setObjectName(QStringLiteral("Formance JSON split"));
        thread->start(g_threadIdle.load() ? QThread::IdlePriority : QThread::NormalPriority);
    }
    std::atomic<bool> m_busy{false};
    std::atomic<bool> m_posted{false};
    QSemaphore m_ready;
    std::shared_ptr<ArraySplit::State> m_job; // handed over through m_posted and m_ready
    std::unique_ptr<char[]> m_buffer;
    std::size_t m_capacity = 0;
};
} // namespace

// The front finds the cut (where the signature next occurs after the middle of the array's rest) and
// copies the text from there for the helper, which then never reads the front's text: the front
// can finish and free it whenever it likes, and never waits for the helper.
ArraySplit::ArraySplit(const Reader &front, std::ptrdiff_t rest, std::function<bool(Reader &)> readBack)
    : m_state(std::make_shared<State>())
    , m_begin(front.m_begin) {
    if (QThread::idealThreadCount() < 2)
        return;
    const std::string_view signature = boundarySignature(front.m_p, front.m_begin, front.m_end);
    if (signature.empty())
        return;
    const char *const middle = front.m_p + std::min(rest, front.m_end - front.m_p) / 2;
    const std::size_t found = std::string_view(middle, std::size_t(front.m_end - middle)).find(signature);
    if (found == std::string_view::npos)
        return;
    State &s = *m_state;
    s.cut = std::uintptr_t(middle + found + 1 - front.m_begin);
    s.size = std::size_t(front.m_end - front.m_begin) - s.cut;
    char *const copy = SplitHelper::instance().reserve(2 * (s.size + kPadding));
    if (!copy)
        return;
    std::memcpy(copy, front.m_begin + s.cut, s.size);
    std::memset(copy + s.size, 0, kPadding);
    s.copy = copy;
    s.readBack = std::move(readBack);
    s.depth = front.m_depth;
    s.word.store(std::uintptr_t(front.m_p - front.m_begin) << 1, std::memory_order_relaxed);
    SplitHelper::instance().start(m_state);
    m_started = true;
}

ArraySplit::~ArraySplit() {
    m_state->frontDone.store(true, std::memory_order_relaxed); // the helper stops, if it reads
}

ArraySplit::Step ArraySplit::at(const char *boundary) {
    if (!m_started)
        return Step::Alone;
    const std::uintptr_t q = std::uintptr_t(boundary - m_begin);
    if (!m_claimSeen) {
        std::uintptr_t w = m_state->word.load(std::memory_order_relaxed);
        if (!(w & 1) && m_state->word.compare_exchange_strong(w, q << 1, std::memory_order_acq_rel,
                                                              std::memory_order_acquire))
            return Step::GoOn;
        m_claimSeen = true; // the compare-and-swap failed: the back has claimed
        m_cut = w >> 1;
    }
    if (q < m_cut)
        return Step::GoOn;
    if (q == m_cut)
        return Step::AtCut;
    m_state->frontDone.store(true, std::memory_order_relaxed); // the back's work is dropped
    g_passed.fetch_add(1, std::memory_order_relaxed);
    return Step::Alone;
}

bool ArraySplit::take(Reader &front) {
    if (!m_state->backDone.load(std::memory_order_acquire))
        return false;
    front.m_p = front.m_begin + m_state->backEnd; // the helper touches the back's list no more
    g_taken.fetch_add(1, std::memory_order_relaxed);
    front.m_depth = m_state->backDepth;
    return true;
}

void ArraySplit::setThreadIdle(bool idle) {
    g_threadIdle.store(idle);
}

int ArraySplit::splits() {
    return g_splits.load();
}

int ArraySplit::passed() {
    return g_passed.load();
}

int ArraySplit::taken() {
    return g_taken.load();
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
