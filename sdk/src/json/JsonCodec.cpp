#include <Formance/json/JsonCodec.h>
#include <Formance/json/JsonReader.h> // Detail::sameText

#include "Digits.h"

#include <QSemaphore>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <atomic>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace Formance::Json {

bool DecodeContext::fail(const QString &message) {
    if (!m_failed) {
        m_failed = true;
        m_message = message;
    }
    return false;
}

bool DecodeContext::expected(const char *what, const Value &got) {
    return fail(QStringLiteral("expected %1, got %2").arg(QLatin1String(what), describe(got)));
}

bool DecodeContext::missing(std::string_view key) {
    fail(QStringLiteral("required property is missing"));
    return failedAt(key);
}

bool DecodeContext::failedAtSegment(const char *key, qsizetype n) {
    if (m_failed)
        m_unwound.push_back({key, n});
    return false;
}

QString DecodeContext::path() const {
    QString p = QStringLiteral("$");
    for (auto seg = m_unwound.rbegin(); seg != m_unwound.rend(); ++seg) {
        if (seg->key)
            p += u'.' + QString::fromUtf8(seg->key, seg->n);
        else
            p += u'[' + QString::number(seg->n) + u']';
    }
    return p;
}

const QString &DecodeContext::error() const {
    if (m_failed && m_error.isEmpty())
        m_error = path() + QStringLiteral(": ") + m_message;
    return m_error;
}

namespace {
constexpr std::size_t kInternSlots = 1024; // power of two: ~80 KB per thread that decodes
constexpr std::size_t kInternBytes = 40;   // longer strings rarely repeat
// A string moves to the permanent table after this many hits in its slot. A page's one-off
// accounts repeat two or three times within their transaction (postings, both volume maps): held
// as ordinary shared strings, they never reach the table, whose index lookups (a large hash map,
// behind a lock) cost more than the reference counts they would save.
constexpr std::uint32_t kPermanentAfter = 4;

struct Interned {
    std::uint32_t hash = 0;
    std::uint32_t size = 0;      // 0: empty slot
    std::uint32_t candidate = 0; // hash of the last string that missed this slot
    std::uint32_t hits = 0;      // since it took the slot; kPermanentAfter moves it to the table
    char text[kInternBytes];
    QString value;
};

struct InternCache {
    std::unique_ptr<Interned[]> entries{new Interned[kInternSlots]};
};

// The strings the cache keeps (those that repeat: account names, assets, metadata keys) are
// copied once into a process-wide table that is never freed, and handed out as
// QString::fromRawData, like a literal: copying and destroying them touches no reference count,
// which was a third of reading a string. The table holds each text once (two strings that share
// a cache slot would otherwise be copied again each time they take turns) and is bounded, index
// included (kTableBytes); once full, strings are shared as before. It stays reachable until exit,
// so leak checkers see no leak.
constexpr std::size_t kTableBytes = 16 * 1024 * 1024;
constexpr std::size_t kTableBlock = 64 * 1024; // char16_t units per block
constexpr std::size_t kIndexEntryBytes = 96;   // an index node, its key's string, its bucket

class StringTable {
public:
    static StringTable &instance() {
        static StringTable *table = new StringTable; // never destroyed: its strings outlive statics
        return *table;
    }

    // The table's QString for `utf8`, or a null QString when it is full.
    QString find(std::string_view utf8) {
        if (m_full.load(std::memory_order_relaxed))
            return {};
        std::lock_guard<std::mutex> guard(m_lock);
        if (const auto it = m_index.find(utf8); it != m_index.end())
            return it->second;
        const QString s = QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
        const std::size_t need = std::size_t(s.size()) + 1;
        const std::size_t indexBytes = utf8.size() + kIndexEntryBytes;
        const std::size_t blockBytes = m_left < need ? kTableBlock * sizeof(char16_t) : 0;
        if (m_bytes + indexBytes + blockBytes > kTableBytes) {
            m_full.store(true, std::memory_order_relaxed);
            return {};
        }
        m_bytes += indexBytes + blockBytes;
        if (blockBytes) {
            m_blocks.emplace_back(new char16_t[kTableBlock]);
            m_free = m_blocks.back().get();
            m_left = kTableBlock;
        }
        char16_t *at = m_free;
        std::memcpy(at, s.utf16(), std::size_t(s.size()) * sizeof(char16_t));
        at[s.size()] = 0; // null-terminated, as QString's own data is
        m_free += need;
        m_left -= need;
        QString permanent = QString::fromRawData(reinterpret_cast<const QChar *>(at), s.size());
        m_index.emplace(std::string(utf8), permanent);
        return permanent;
    }

private:
    std::atomic<bool> m_full{false};
    std::mutex m_lock;
    struct TextHash {
        using is_transparent = void; // looked up by string_view, without a std::string
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, QString, TextHash, std::equal_to<>> m_index;
    std::vector<std::unique_ptr<char16_t[]>> m_blocks;
    char16_t *m_free = nullptr;
    std::size_t m_left = 0; // char16_t units left in the last block
    std::size_t m_bytes = 0;
};

std::uint32_t hashBytes(const char *p, std::size_t n) {
    // Whole-word loads only (the tail overlaps the last word): no byte loops, no store-forwarding
    // stalls. The cache compares the bytes on a hit, so this only needs to spread.
    auto load64 = [](const char *q) {
        std::uint64_t w;
        std::memcpy(&w, q, 8);
        return w;
    };
    auto load32 = [](const char *q) {
        std::uint32_t w;
        std::memcpy(&w, q, 4);
        return std::uint64_t(w);
    };
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    if (n >= 8) {
        const char *end = p + n;
        for (; p + 8 < end; p += 8)
            h = (h ^ load64(p)) * 0xBF58476D1CE4E5B9ull;
        h = (h ^ load64(end - 8)) * 0x94D049BB133111EBull;
    } else if (n >= 4) {
        h = (h ^ (load32(p) << 32 | load32(p + n - 4))) * 0x94D049BB133111EBull;
    } else {
        const std::uint64_t w = std::uint8_t(p[0]) | std::uint64_t(std::uint8_t(p[n / 2])) << 8 |
                                std::uint64_t(std::uint8_t(p[n - 1])) << 16;
        h = (h ^ w) * 0x94D049BB133111EBull;
    }
    return std::uint32_t(h >> 32);
}
} // namespace

QString DecodeContext::string(std::string_view utf8) {
    const std::size_t n = utf8.size();
    if (n == 0 || n > kInternBytes)
        return QString::fromUtf8(utf8.data(), qsizetype(n));
    thread_local InternCache cache;
    const std::uint32_t h = hashBytes(utf8.data(), n);
    Interned &slot = cache.entries[h & (kInternSlots - 1)];
    if (slot.size == n && slot.hash == h && Detail::sameText(slot.text, utf8.data(), n)) {
        if (++slot.hits == kPermanentAfter) {
            if (QString permanent = StringTable::instance().find(utf8); !permanent.isNull())
                slot.value = std::move(permanent);
        }
        return slot.value;
    }
    // A string takes the slot the second time it misses it in a row: text that repeats (accounts,
    // assets, keys) gets in, one-off text (order ids) does not push it out.
    if (slot.candidate != h) {
        slot.candidate = h;
        return QString::fromUtf8(utf8.data(), qsizetype(n));
    }
    slot.value = QString::fromUtf8(utf8.data(), qsizetype(n));
    slot.hash = h;
    slot.size = std::uint32_t(n);
    slot.hits = 0;
    std::memcpy(slot.text, utf8.data(), n);
    return slot.value;
}

namespace {
std::atomic<bool> g_parallelDecoding{true};
}

void setParallelDecoding(bool enabled) {
    g_parallelDecoding.store(enabled);
}

bool parallelDecoding() {
    return g_parallelDecoding.load();
}

Detail::Parallel Detail::forChunks(qsizetype n, qsizetype chunk,
                                   const std::function<bool(qsizetype, qsizetype)> &body) {
    if (!g_parallelDecoding.load(std::memory_order_relaxed) || QThread::idealThreadCount() < 2)
        return Parallel::NotRun;
    std::atomic<qsizetype> next{0};
    std::atomic<bool> failed{false};
    auto work = [&] {
        while (!failed.load(std::memory_order_relaxed)) {
            const qsizetype begin = next.fetch_add(chunk, std::memory_order_relaxed);
            if (begin >= n)
                return;
            if (!body(begin, std::min(n, begin + chunk)))
                failed.store(true, std::memory_order_relaxed);
        }
    };
    // The helper may start late (a busy machine): this thread takes chunks too, and when it has
    // taken the last one before the helper started, it withdraws the helper instead of waiting
    // for it. The helper touches this frame only after it has claimed its start.
    struct Handshake {
        std::atomic<int> state{0}; // 0 pending, 1 started, 2 withdrawn
        QSemaphore done;
    };
    auto handshake = std::make_shared<Handshake>();
    if (!QThreadPool::globalInstance()->tryStart([handshake, &work] {
            int pending = 0;
            if (!handshake->state.compare_exchange_strong(pending, 1))
                return; // withdrawn: the caller has finished and gone
            work();
            handshake->done.release();
        }))
        return Parallel::NotRun;
    work();
    int pending = 0;
    if (!handshake->state.compare_exchange_strong(pending, 2))
        handshake->done.acquire(); // it started: wait for its last chunk
    return failed.load() ? Parallel::Failed : Parallel::Ok;
}

QString describe(const Value &v) {
    if (!v.isValid())
        return QStringLiteral("nothing");
    switch (v.type()) {
    case Type::Null:
        return QStringLiteral("null");
    case Type::Bool:
        return QStringLiteral("a boolean");
    case Type::Number:
        return QStringLiteral("the number %1")
            .arg(QString::fromUtf8(v.numberText().data(), qsizetype(v.numberText().size())).left(40));
    case Type::String:
        return QStringLiteral("a string");
    case Type::Array:
        return QStringLiteral("an array");
    case Type::Object:
        return QStringLiteral("an object");
    }
    return {};
}

bool read(const Value &v, QString &out, DecodeContext &ctx) {
    if (!v.isString())
        return ctx.expected("a string", v);
    out = ctx.string(v.stringView());
    return true;
}

bool read(const Value &v, bool &out, DecodeContext &ctx) {
    if (!v.isBool())
        return ctx.expected("a boolean", v);
    out = v.toBool();
    return true;
}

namespace {
template <class Int> bool readInt(const Value &v, Int &out, DecodeContext &ctx) {
    if (!v.isNumber())
        return ctx.expected("an integer", v);
    const auto text = v.numberText();
    auto res = std::from_chars(text.data(), text.data() + text.size(), out);
    if (res.ec == std::errc::result_out_of_range)
        return ctx.fail(QStringLiteral("integer out of range: %1")
                            .arg(QString::fromUtf8(text.data(), qsizetype(text.size()))));
    if (res.ec != std::errc() || res.ptr != text.data() + text.size())
        return ctx.expected("an integer", v);
    return true;
}
} // namespace

bool read(const Value &v, qint64 &out, DecodeContext &ctx) {
    return readInt(v, out, ctx);
}

bool read(const Value &v, int &out, DecodeContext &ctx) {
    return readInt(v, out, ctx);
}

bool read(const Value &v, double &out, DecodeContext &ctx) {
    if (!v.isNumber())
        return ctx.expected("a number", v);
    const auto text = v.numberText();
    auto res = std::from_chars(text.data(), text.data() + text.size(), out);
    if (res.ec == std::errc::result_out_of_range) {
        out = text.front() == '-' ? -std::numeric_limits<double>::infinity()
                                  : std::numeric_limits<double>::infinity();
        return true;
    }
    if (res.ec != std::errc())
        return ctx.expected("a number", v);
    return true;
}

bool read(const Value &v, BigInt &out, DecodeContext &ctx) {
    // Some services send big integers as strings: accept digits either way, never a fraction.
    std::string_view text;
    if (v.isNumber())
        text = v.numberText();
    else if (v.isString())
        text = v.stringView();
    else
        return ctx.expected("an integer", v);
    if (qint64 value; Digits::smallInteger(text, &value)) { // the common case, inline
        out = BigInt(value);
        return true;
    }
    auto parsed = BigInt::fromString(text);
    if (!parsed)
        return ctx.fail(QStringLiteral("expected an integer, got %1")
                            .arg(QString::fromUtf8(text.data(), qsizetype(text.size())).left(40)));
    out = std::move(*parsed);
    return true;
}

bool read(const Value &v, Timestamp &out, DecodeContext &ctx) {
    if (!v.isString())
        return ctx.expected("an RFC 3339 date-time string", v);
    auto t = Timestamp::parse(v.stringView());
    if (!t)
        return ctx.fail(QStringLiteral("not an RFC 3339 date-time: \"%1\"").arg(v.toString().left(40)));
    out = *t;
    return true;
}

bool read(const Value &v, Any &out, DecodeContext &) {
    out = Any::fromJson(v.toJson());
    return true;
}

void write(Writer &w, const QString &v) {
    w.value(v);
}
void write(Writer &w, bool v) {
    w.value(v);
}
void write(Writer &w, qint64 v) {
    w.value(v);
}
void write(Writer &w, int v) {
    w.value(v);
}
void write(Writer &w, double v) {
    w.value(v);
}
void write(Writer &w, const BigInt &v) {
    w.value(v);
}
void write(Writer &w, const Timestamp &v) {
    thread_local QByteArray text; // no QString on the way (nor QDateTime), no allocation per value
    text.resize(0);
    v.appendTo(text);
    w.value(std::string_view(text.constData(), size_t(text.size())));
}
void write(Writer &w, const Any &v) {
    if (v.isNull())
        w.null();
    else
        w.rawJson(v.json());
}

} // namespace Formance::Json
