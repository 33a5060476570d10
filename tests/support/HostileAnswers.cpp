#include "HostileAnswers.h"

#include <zlib.h>

namespace Hostile {

QByteArray head(int status, const QByteArray &contentType, qint64 length, const QByteArray &extra) {
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + contentType +
           "\r\nContent-Length: " + QByteArray::number(length) + "\r\n" + extra + "\r\n";
}

QByteArray gzipOfZeros(qint64 size) {
    z_stream z{};
    deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
    QByteArray out;
    QByteArray in(1 << 20, '\0');
    QByteArray buf(1 << 16, '\0');
    for (qint64 left = size; left > 0 || z.avail_in > 0;) {
        if (z.avail_in == 0) {
            const qint64 n = std::min<qint64>(left, in.size());
            z.next_in = reinterpret_cast<Bytef *>(in.data());
            z.avail_in = uInt(n);
            left -= n;
        }
        do {
            z.next_out = reinterpret_cast<Bytef *>(buf.data());
            z.avail_out = uInt(buf.size());
            deflate(&z, left > 0 ? Z_NO_FLUSH : Z_FINISH);
            out.append(buf.constData(), buf.size() - z.avail_out);
        } while (z.avail_out == 0);
    }
    deflateEnd(&z);
    return out;
}

QByteArray ledgerList(qint64 bytes, bool valid) {
    QByteArray out = R"({"cursor":{"pageSize":100,"hasMore":false,"data":[{"name":"huge-0",)"
                     R"("addedAt":"2024-01-01T00:00:00Z","bucket":"_default","metadata":{}}]},"padding":[)";
    const QByteArray item = '"' + QByteArray(1024, 'p') + "\",";
    out.reserve(bytes + 64);
    while (out.size() < bytes)
        out += item;
    out.chop(1);
    out += valid ? "]}" : "], \"cut\": tr";
    return out;
}

} // namespace Hostile
