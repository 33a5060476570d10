// Opaque page tokens. A cursor carries the whole query it continues (filter body and query
// parameters) plus where to resume, so a client only sends `cursor` for the next page, as with
// the real ledger. Encoded as base64url JSON; anything that does not decode is a VALIDATION error.
#pragma once

#include "LedgerError.h"

#include <QByteArray>
#include <QMap>
#include <QString>

namespace Formance::Sandbox {

struct ListQuery {
    QMap<QString, QString> params; // query parameters that shape the result (pit, expand ...)
    QByteArray body;               // the filter body as sent, or empty
    int pageSize = 15;
};

struct Cursor {
    ListQuery query;
    QString key;           // keyset position: last (next) or first (previous) key of the page seen
    bool backward = false; // a `previous` cursor
    qint64 offset = -1;    // offset pagination, for lists without a stable key (grouped volumes)
    QString scope;         // the list it pages (its decoded path): refused by any other list

    QByteArray encode() const;
    static Expected<Cursor> decode(const QByteArray &token);
    // decode(), refusing a cursor that another list (another scope) handed out.
    static Expected<Cursor> decodeFor(const QByteArray &token, const QString &scope);
};

// The page size a request asks for: default 15, 1..1000 else VALIDATION.
Expected<int> pageSizeFrom(const QString &text);

} // namespace Formance::Sandbox
