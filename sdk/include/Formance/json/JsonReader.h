// Reading an answer's JSON text front to back straight into the typed models, without the node
// tree of Document: the answers' fast path (a page's tree was as large as its models and cost a
// third of decoding it). The reader only has to be right when it succeeds: on any failure,
// decodeOnePass reads the text again through Document and the tree readers (JsonCodec.h), which
// say what is wrong and where. So nothing here builds an error message.
#pragma once

#include <Formance/json/JsonCodec.h>

#include <QVarLengthArray>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <concepts>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string_view>

namespace Formance::Json {

struct DocumentData;
namespace Detail {
class ArraySplit;
}

namespace Detail {
// Whether the n bytes at a and b are the same: whole-word loads, the last overlapping, none past n
// (member names and cached strings are short: a call to memcmp cost more than the comparison).
inline bool sameText(const char *a, const char *b, std::size_t n) {
    const auto load8 = [](const char *q) {
        std::uint64_t w;
        std::memcpy(&w, q, 8);
        return w;
    };
    const auto load4 = [](const char *q) {
        std::uint32_t w;
        std::memcpy(&w, q, 4);
        return w;
    };
    if (n >= 8) {
        for (std::size_t i = 0; i + 8 < n; i += 8)
            if (load8(a + i) != load8(b + i))
                return false;
        return load8(a + n - 8) == load8(b + n - 8);
    }
    if (n >= 4)
        return load4(a) == load4(b) && load4(a + n - 4) == load4(b + n - 4);
    for (std::size_t i = 0; i < n; ++i)
        if (a[i] != b[i])
            return false;
    return true;
}
} // namespace Detail

class Reader {
public:
    // Whitespace skipped, the first byte of the next token (a zero byte at the end).
    char peek() { return *(m_p = space(m_p)); }

    // Containers. An object:  if (!r.beginObject()) fail; if (!r.endsNow('}')) do { key, value }
    // while (r.more('}')); then r.failed() tells a bad separator from the end.
    bool beginObject() { return open('{'); }
    bool beginArray() { return open('['); }
    bool endsNow(char close) { // an empty container: consumes its close
        if (peek() != close)
            return false;
        ++m_p;
        --m_depth;
        return true;
    }
    bool more(char close) { // after a member or element: ',' (true) or the close (false)
        const char c = peek();
        ++m_p;
        if (c == ',')
            return true;
        if (c != close)
            m_failed = true;
        --m_depth;
        return false;
    }
    bool key(std::string_view *key); // a member's name and the ':' after it
    // Whether the next member's name is `name` (plain ASCII, no escapes: its text as sent is the
    // name); when it is, consumes it and the ':' after it. The member that usually comes next is
    // tried this way, without scanning its name for escapes.
    bool keyIs(std::string_view name) {
        const char *p = space(m_p);
        const std::size_t n = name.size();
        if (*p != '"' || std::size_t(m_end - p) < n + 2 || p[n + 1] != '"' ||
            !Detail::sameText(p + 1, name.data(), n))
            return false;
        p = space(p + n + 2);
        if (*p != ':')
            return false;
        m_p = p + 1;
        return true;
    }

    bool string(std::string_view *out); // unescaped UTF-8: valid until the reader is gone
    bool number(std::string_view *out); // the number's exact text
    // An integer of 1 to 18 digits (so within 64 bits), consumed; false, and nothing consumed, for
    // any other value (then read as number()).
    bool smallInteger(long long *out);
    bool boolean(bool *out);
    bool null() { // consumes a null when one comes next
        if (peek() != 'n')
            return false;
        return literal("null", 4);
    }
    bool skip(std::string_view *source = nullptr); // any value, checked; *source: its text

    const char *position() const { return m_p; }
    std::ptrdiff_t remaining() const { return m_end - m_p; }

    bool fail() {
        m_failed = true;
        return false;
    }
    bool failed() const { return m_failed; }
    bool atEnd() { return !m_failed && peek() == 0 && m_p == m_end; } // nothing but whitespace left

    // A text with at least this much room after it (QByteArray::capacity) is read where it is:
    // the scanner's word loads past the end stay inside its allocation, and the QByteArray's
    // terminating zero ends every scan. Others are copied with zero padding.
    static constexpr qsizetype kInPlaceSlack = 16;

    // The JSON text to read, in place or copied with the padding the scanner needs, and the buffer
    // for unescaped strings (both reused by the thread).
    class Input {
    public:
        explicit Input(const QByteArray &json);
        ~Input();
        Input(const Input &) = delete;
        Input &operator=(const Input &) = delete;
        bool ok() const { return m_ok; } // false past 4 GB
        Reader reader() const;

    private:
        QByteArray m_json; // read in place: kept alive
        DocumentData *m_data;
        const char *m_begin = nullptr;
        std::size_t m_size;
        bool m_ok;
    };

private:
    friend class Detail::ArraySplit;
    Reader(const char *begin, const char *end, char *text)
        : m_p(begin)
        , m_begin(begin)
        , m_end(end)
        , m_text(text) {}
    static const char *space(const char *p) {
        if (std::uint8_t(*p) > ' ')
            return p;
        while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
            ++p;
        return p;
    }
    bool open(char c);
    bool literal(const char *word, std::size_t n);
    bool skipValue(int depth);

    const char *m_p;
    const char *m_begin;
    const char *m_end;
    char *m_text; // where the next unescaped string goes
    int m_depth = 0;
    bool m_failed = false;
};

bool read(Reader &r, QString &out);
bool read(Reader &r, bool &out);
bool read(Reader &r, qint64 &out);
bool read(Reader &r, int &out);
bool read(Reader &r, double &out);
bool read(Reader &r, BigInt &out);
bool read(Reader &r, Timestamp &out);
bool read(Reader &r, Any &out);

// A value the tree readers handle (anyOf unions, which try each alternative; envelopes, which
// look for a member before reading): its text parsed on its own and read from that tree.
template <class T> bool readThroughTree(Reader &r, T &out) {
    std::string_view source;
    if (!r.skip(&source))
        return false;
    const auto doc = Document::parse(QByteArray::fromRawData(source.data(), qsizetype(source.size())));
    DecodeContext ctx;
    return (doc && read(doc->root(), out, ctx)) || r.fail();
}

// Types the one pass reads: scalars, the generated models (Formance/models/Readers.h) and
// containers of them. A hand-written model with only a tree reader is decoded through the tree.
template <class T>
concept OnePassReadable = requires(Reader &r, T &t) {
    { read(r, t) } -> std::same_as<bool>;
};

template <OnePassReadable T> bool read(Reader &r, std::optional<T> &out) {
    if (r.null()) {
        out.reset();
        return true;
    }
    return read(r, out.emplace()) || r.fail(); // in place: no temporary to move
}

namespace Detail {
// The first elements or entries of a list or map wait here until it is known whether more come:
// a short one (postings, an account's assets) is then allocated once at its size, as the tree
// readers (which know the size) do. A longer one reserves at once the length of the last long one
// of its type (a page's items: one allocation, not a doubling series of moves).
inline constexpr qsizetype kStaged = 4;
template <class T> std::atomic<qsizetype> &lastLongSize() {
    static std::atomic<qsizetype> size{2 * kStaged};
    return size;
}
} // namespace Detail

namespace Detail {
// An array of models may be read by two threads (unless setParallelDecoding(false)) when the last
// long one of its type had this many elements at least and the rest of it, so estimated from its
// first elements' size, is this long: not the short lists inside each element of a page.
inline constexpr qsizetype kSplitElements = 256;
inline constexpr std::ptrdiff_t kSplitBytes = 256 * 1024;

// Two threads for one long array of models: this thread (the front) reads it from the start; the
// SDK's split thread, when it is free, reads the rest from a cut near the middle into its own list.
// The cut is a guess: where the text looks as it does at the front's element boundaries. The back
// claims it with one compare-and-swap against the front's published boundary, unless the front is
// there already. When the front reaches that offset at a boundary of its own, the guess was right
// (the back parsed from a true element start, as the front would have); when it passes it (a nested
// object that looked the same), it drops the back's work. The front never waits: from the cut on it
// reads on itself, and takes the back's list at the first boundary where the back has finished (on
// a busy machine the split thread, at idle priority, may not run at all).
class ArraySplit {
public:
    // `rest`: the estimated size of the array's text from the front's position.
    ArraySplit(const Reader &front, std::ptrdiff_t rest, std::function<bool(Reader &)> readBack);
    ~ArraySplit(); // tells the split thread to stop reading the back (its list outlives this)
    ArraySplit(const ArraySplit &) = delete;
    ArraySplit &operator=(const ArraySplit &) = delete;

    enum class Step { GoOn, AtCut, Alone };
    // The front at an element boundary before the cut: AtCut when the back's part starts here;
    // Alone when there is no back (the split thread was busy) or the back's start was not a
    // boundary: the front then reads on without asking again.
    Step at(const char *boundary);
    // From the cut on, at each boundary: whether the back has read the rest of the array; then the
    // front is moved past the array's end and the back's list is the rest.
    bool take(Reader &front);

    // Since the start, for tests: backs the split thread claimed; claims the front passed; backs
    // the front took.
    static int splits();
    static int passed();
    static int taken();
    // The split thread runs at idle priority, so on a machine whose cores are all busy it may not
    // run at all (the front then reads alone). Tests of the two-thread path start it at normal
    // priority instead; read once, when the thread starts (the first split).
    static void setThreadIdle(bool idle);

    struct State;

private:
    std::shared_ptr<State> m_state;
    const char *m_begin;
    bool m_started = false; // the split thread has the back
    bool m_claimSeen = false;
    std::uintptr_t m_cut = 0;
};

template <class T> bool readSplit(Reader &r, QList<T> &out, std::ptrdiff_t rest) {
    // Shared with the helper, which may still be reading into it when the front leaves.
    auto back = std::make_shared<QList<T>>();
    back->reserve(out.capacity() / 2 + 16);
    ArraySplit split(r, rest, [back](Reader &b) { return read(b, back->emplace_back()); });
    qsizetype atCut = -1; // the front's elements when it reached the cut
    for (bool alone = false;;) {
        if (!alone && atCut < 0) {
            switch (split.at(r.position())) {
            case ArraySplit::Step::AtCut:
                atCut = out.size();
                break;
            case ArraySplit::Step::Alone:
                alone = true;
                break;
            case ArraySplit::Step::GoOn:
                break;
            }
        }
        if (atCut >= 0 && split.take(r)) { // what the front read past the cut, the back read too
            out.remove(atCut, out.size() - atCut);
            out.reserve(out.size() + back->size());
            for (T &e : *back)
                out.push_back(std::move(e));
            return true;
        }
        if (!read(r, out.emplace_back()))
            return r.fail();
        if (!r.more(']'))
            break;
    }
    return !r.failed();
}
} // namespace Detail

template <OnePassReadable T> bool read(Reader &r, QList<T> &out) {
    if (!r.beginArray())
        return false;
    out.clear();
    if (r.endsNow(']'))
        return true;
    const char *const first = r.position();
    QVarLengthArray<T, Detail::kStaged> staged; // never past its inline room
    bool more;
    do {
        if (!read(r, staged.emplace_back()))
            return r.fail();
        more = r.more(']');
    } while (more && staged.size() < Detail::kStaged);
    if (r.failed())
        return false;
    std::atomic<qsizetype> &longSize = Detail::lastLongSize<QList<T>>();
    out.reserve(more ? std::max(longSize.load(std::memory_order_relaxed), 2 * Detail::kStaged)
                     : staged.size());
    for (T &e : staged)
        out.push_back(std::move(e));
    if (more) {
        if constexpr (Model<T>) {
            const qsizetype expected = longSize.load(std::memory_order_relaxed);
            const std::ptrdiff_t rest =
                std::ptrdiff_t(expected - staged.size()) * ((r.position() - first) / staged.size());
            if (parallelDecoding() && expected >= Detail::kSplitElements && rest >= Detail::kSplitBytes) {
                if (!Detail::readSplit(r, out, rest))
                    return false;
                longSize.store(out.size(), std::memory_order_relaxed);
                return true;
            }
        }
        do {
            if (!read(r, out.emplace_back())) // read in place: no temporary to move
                return r.fail();
        } while (r.more(']'));
        if (r.failed())
            return false;
        longSize.store(out.size(), std::memory_order_relaxed);
    }
    return true;
}

template <OnePassReadable T> bool read(Reader &r, QMap<QString, T> &out) {
    if (!r.beginObject())
        return false;
    out.clear();
    if (r.endsNow('}'))
        return true;
    do {
        std::string_view key;
        T item{};
        if (!r.key(&key) || !read(r, item))
            return r.fail();
        out.insert(DecodeContext::string(key), item);
    } while (r.more('}'));
    return !r.failed();
}

template <OnePassReadable T> bool read(Reader &r, FlatMap<QString, T> &out) {
    if (!r.beginObject())
        return false;
    out.clear();
    if (r.endsNow('}'))
        return true;
    QVarLengthArray<std::pair<QString, T>, Detail::kStaged> staged; // never past its inline room
    bool more;
    do {
        std::string_view key;
        if (!r.key(&key))
            return r.fail();
        auto &entry = staged.emplace_back(DecodeContext::string(key), T{});
        if (!read(r, entry.second))
            return r.fail();
        more = r.more('}');
    } while (more && staged.size() < Detail::kStaged);
    if (r.failed())
        return false;
    std::atomic<qsizetype> &longSize = Detail::lastLongSize<FlatMap<QString, T>>();
    out.reserve(more ? std::max(longSize.load(std::memory_order_relaxed), 2 * Detail::kStaged)
                     : staged.size());
    for (auto &[key, value] : staged)
        out.appendUnsorted(std::move(key), std::move(value));
    if (more) {
        do {
            std::string_view key;
            if (!r.key(&key) || !read(r, out.appendUnsorted(DecodeContext::string(key))))
                return r.fail();
        } while (r.more('}'));
        if (r.failed())
            return false;
        longSize.store(out.size(), std::memory_order_relaxed);
    }
    out.finish();
    return true;
}

// Which of the model's `keys` `key` is (n: none of them); the key found is remembered as the one
// that follows `previous` (hints, as in Value::collect: only a guess).
inline std::uint32_t matchKey(std::string_view key, const std::string_view *keys, std::uint32_t n,
                              std::atomic<std::uint16_t> *hints, std::uint32_t previous) {
    const auto same = [](std::string_view a, std::string_view b) {
        return a.size() == b.size() && Detail::sameText(a.data(), b.data(), a.size());
    };
    for (std::uint32_t f = 0; f < n; ++f) {
        if (same(keys[f], key)) {
            hints[previous].store(std::uint16_t(f), std::memory_order_relaxed);
            return f;
        }
    }
    return n;
}

// A model's object: member(i, r) reads the member keys[i]; a repeated member's later values and
// unknown members are skipped (checked), as the tree readers ignore them; every member of
// `required` (a bit per key) must come.
template <class Member>
bool readObject(Reader &r, const std::string_view *keys, std::uint32_t n, std::atomic<std::uint16_t> *hints,
                std::uint64_t required, Member member) {
    if (!r.beginObject())
        return false;
    std::uint64_t seen = 0;
    if (!r.endsNow('}')) {
        std::uint32_t previous = n;
        do {
            // The member that followed the previous one last time, compared as it is sent; else
            // its name is read and looked up.
            std::uint32_t f = hints[previous].load(std::memory_order_relaxed);
            if (f >= n || !r.keyIs(keys[f])) {
                std::string_view key;
                if (!r.key(&key))
                    return false;
                f = matchKey(key, keys, n, hints, previous);
            }
            if (f == n || (seen >> f & 1)) {
                if (!r.skip())
                    return false;
                continue;
            }
            seen |= std::uint64_t(1) << f;
            previous = f;
            if (!member(f))
                return r.fail();
        } while (r.more('}'));
        if (r.failed())
            return false;
    }
    return (seen & required) == required || r.fail();
}

// The one pass alone: true when it read all of `json` into `out`. False says nothing of why, and
// leaves `out` partly read. Long arrays of models may be read by two threads (setParallelDecoding).
template <class T> bool readOnePass(const QByteArray &json, T &out) {
    if constexpr (!OnePassReadable<T>) {
        return false;
    } else {
        const Reader::Input input(json);
        if (!input.ok())
            return false;
        Reader r = input.reader();
        return read(r, out) && r.atEnd();
    }
}

// Parses `json` and reads it into `out` in one pass; when that fails, through Document and the tree
// readers, whose error says what and where (`out` is reset before).
template <class T> DecodeResult decodeOnePass(const QByteArray &json, T &out) {
    if (readOnePass(json, out))
        return {true, {}};
    out = T{};
    return decode(json, out);
}

} // namespace Formance::Json
