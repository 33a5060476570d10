// Answers a hostile or broken server sends, shared by the SDK's and the app's hostile-server tests.
#pragma once

#include <QByteArray>

namespace Hostile {

// A status line and headers announcing `length` bytes of body.
QByteArray head(int status, const QByteArray &contentType, qint64 length, const QByteArray &extra = {});

// gzip of `size` zero bytes: about a thousandth of it.
QByteArray gzipOfZeros(qint64 size);

// A ledger v2 list answer of about `bytes`: one ledger, "huge-0", and an unknown member holding
// an array of 1 kB strings (work for the parser, none for the model). When not `valid` it breaks
// off before its end.
QByteArray ledgerList(qint64 bytes, bool valid);

} // namespace Hostile
