#include <Formance/json/JsonCodec.h>

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

namespace Formance::Json {

bool DecodeContext::fail(const QString &message) {
    if (m_error.isEmpty())
        m_error = path() + QStringLiteral(": ") + message;
    return false;
}

bool DecodeContext::expected(const char *what, const Value &got) {
    return fail(QStringLiteral("expected %1, got %2").arg(QLatin1String(what), describe(got)));
}

bool DecodeContext::missing(std::string_view key) {
    push(key);
    fail(QStringLiteral("required property is missing"));
    pop();
    return false;
}

QString DecodeContext::path() const {
    QString p = QStringLiteral("$");
    for (int i = 0; i < m_depth; ++i) {
        const Segment &seg = i < kInlineDepth ? m_path[i] : m_deep[size_t(i - kInlineDepth)];
        if (seg.isKey)
            p += u'.' + QString::fromUtf8(seg.key, seg.n);
        else
            p += u'[' + QString::number(seg.n) + u']';
    }
    return p;
}

namespace {
constexpr std::size_t kInternSlots = 1024; // power of two: ~80 KB per thread that decodes
constexpr std::size_t kInternBytes = 40;   // longer strings rarely repeat

struct Interned {
    std::uint32_t hash = 0;
    std::uint32_t size = 0; // 0: empty slot
    char text[kInternBytes];
    QString value;
};

struct InternCache {
    std::unique_ptr<Interned[]> entries{new Interned[kInternSlots]};
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
// memcmp for the cache's short strings, inline: whole-word loads, the last one overlapping.
bool sameBytes(const char *a, const char *b, std::size_t n) {
    auto load64 = [](const char *q) {
        std::uint64_t w;
        std::memcpy(&w, q, 8);
        return w;
    };
    if (n >= 8) {
        for (std::size_t i = 0; i + 8 < n; i += 8)
            if (load64(a + i) != load64(b + i))
                return false;
        return load64(a + n - 8) == load64(b + n - 8);
    }
    for (std::size_t i = 0; i < n; ++i)
        if (a[i] != b[i])
            return false;
    return true;
}
} // namespace

QString DecodeContext::string(std::string_view utf8) {
    const std::size_t n = utf8.size();
    if (n == 0 || n > kInternBytes)
        return QString::fromUtf8(utf8.data(), qsizetype(n));
    thread_local InternCache cache;
    const std::uint32_t h = hashBytes(utf8.data(), n);
    Interned &slot = cache.entries[h & (kInternSlots - 1)];
    if (slot.size == n && slot.hash == h && sameBytes(slot.text, utf8.data(), n))
        return slot.value;
    // A miss replaces whatever the slot held: the cache keeps what repeats.
    slot.value = QString::fromUtf8(utf8.data(), qsizetype(n));
    slot.hash = h;
    slot.size = std::uint32_t(n);
    std::memcpy(slot.text, utf8.data(), n);
    return slot.value;
}

namespace {
std::atomic<bool> g_parallelDecoding{false};
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
    if (!text.empty() && text.size() <= 18 && text.front() != '-') {
        // The common case, inline: up to 18 digits always fits in 64 bits.
        qint64 value = 0;
        bool digits = true;
        for (char c : text) {
            digits &= c >= '0' && c <= '9';
            value = value * 10 + (c - '0');
        }
        if (digits) {
            out = BigInt(value);
            return true;
        }
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
