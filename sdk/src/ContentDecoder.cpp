#include "ContentDecoder.h"

#include <zlib.h>

#include <algorithm>
#include <limits>

namespace Formance::Detail {

struct ContentDecoder::Stream {
    z_stream z{};
    bool open = false;
    ~Stream() {
        if (open)
            inflateEnd(&z);
    }
};

namespace {
// Inflated in steps of this much output, each followed by the limits' check: a step is well
// under a millisecond, so neither a bomb nor a limit runs on past it.
constexpr uInt kStepBytes = 256 * 1024;

// Whether `b` starts with a zlib header (RFC 1950): HTTP's "deflate" should be one, yet some
// servers send the raw deflate data (RFC 1951) alone.
bool zlibHeader(QByteArrayView b) {
    if (b.size() < 2)
        return true; // too short to say; zlib will tell
    const auto cmf = std::uint8_t(b[0]), flg = std::uint8_t(b[1]);
    return (cmf & 0x0f) == 8 && (cmf * 256 + flg) % 31 == 0;
}
} // namespace

std::unique_ptr<ContentDecoder> ContentDecoder::forEncoding(const QByteArray &contentEncoding) {
    const QByteArray encoding = contentEncoding.trimmed().toLower();
    if (encoding.isEmpty() || encoding == "identity")
        return nullptr;
    return std::unique_ptr<ContentDecoder>(new ContentDecoder(encoding));
}

ContentDecoder::ContentDecoder(QByteArray encoding)
    : m_encoding(std::move(encoding))
    , m_stream(std::make_unique<Stream>()) {}

ContentDecoder::~ContentDecoder() = default;

bool ContentDecoder::fail(const QString &why) {
    m_error = why;
    return false;
}

bool ContentDecoder::feed(QByteArrayView in, QByteArray &out, qint64 maxOutput) {
    if (!m_error.isEmpty())
        return false;
    if (in.isEmpty())
        return true;
    m_fed = true;
    const bool gzip = m_encoding == "gzip" || m_encoding == "x-gzip";
    z_stream &z = m_stream->z;
    if (!m_stream->open) {
        int windowBits = 0;
        if (gzip)
            windowBits = 16 + MAX_WBITS;
        else if (m_encoding == "deflate")
            windowBits = zlibHeader(in) ? MAX_WBITS : -MAX_WBITS;
        else
            return fail(
                QStringLiteral("it is encoded as \"%1\", which this client neither asked for nor reads")
                    .arg(QString::fromLatin1(m_encoding.left(40))));
        if (inflateInit2(&z, windowBits) != Z_OK)
            return fail(QStringLiteral("zlib could not start"));
        m_stream->open = true;
    }

    const auto *next = reinterpret_cast<const Bytef *>(in.data());
    qsizetype left = in.size();
    while (left > 0 || z.avail_out == 0) {
        if (m_ended) {
            if (!gzip)
                return fail(QStringLiteral("data follows the end of its compressed stream"));
            inflateReset(&z); // gzip allows several members one after another
            m_ended = false;
        }
        const uInt given = uInt(std::min<qsizetype>(left, std::numeric_limits<uInt>::max()));
        z.next_in = const_cast<Bytef *>(next);
        z.avail_in = given;
        const qsizetype at = out.size();
        out.resize(at + kStepBytes);
        z.next_out = reinterpret_cast<Bytef *>(out.data() + at);
        z.avail_out = kStepBytes;
        const int rc = inflate(&z, Z_NO_FLUSH);
        const qsizetype used = qsizetype(given - z.avail_in);
        const qsizetype made = qsizetype(kStepBytes - z.avail_out);
        out.resize(at + made);
        next += used;
        left -= used;
        m_in += used;
        m_out += made;
        if (rc == Z_STREAM_END)
            m_ended = true;
        else if (rc == Z_BUF_ERROR && used == 0 && made == 0)
            break; // needs more input than this read brought
        else if (rc != Z_OK)
            return fail(
                QStringLiteral("its %1 data is broken (%2)")
                    .arg(QString::fromLatin1(m_encoding), QString::fromLatin1(z.msg ? z.msg : zError(rc))));
        if (maxOutput > 0 && m_out > maxOutput) {
            m_tooLarge = true;
            return fail(QStringLiteral("decompressed, it is larger than the %1-byte limit").arg(maxOutput));
        }
        if (m_out > kRatioCheckFrom && m_out > kMaxRatio * std::max<qint64>(m_in, 1))
            return fail(QStringLiteral("%1 compressed bytes inflate to over %2: more than %3 times, which no "
                                       "JSON answer does (a decompression bomb); refused")
                            .arg(m_in)
                            .arg(m_out)
                            .arg(kMaxRatio));
        if (m_ended && left == 0)
            break;
    }
    return true;
}

} // namespace Formance::Detail
