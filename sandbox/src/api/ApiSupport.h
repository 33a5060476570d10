// Helpers shared by the ledger APIs: errors in the spec's shape, body and parameter parsing,
// Idempotency-Key replay, keyset pagination with opaque cursors, and volume arithmetic.
#pragma once

#include "http/Routes.h"
#include "ledger/Cursor.h"
#include "ledger/FilterQuery.h"
#include "ledger/LedgerStore.h"

#include <Formance/json/JsonDocument.h>
#include <Formance/json/JsonWriter.h>

#include <functional>
#include <map>

namespace Formance::Sandbox {

// {"data": what `write` writes}: the services' envelope around one value.
Response dataResponse(const std::function<void(Json::Writer &)> &write, int status = 200);
// A service's `_info` answer: {"version": ...}.
Response infoResponse(const QString &version);

// The JSON body, or VALIDATION for malformed JSON. An empty body gives a null root when !required.
Expected<std::shared_ptr<Json::Document>> parseBody(const QByteArray &body, bool required);
Expected<bool> boolParam(const Request &r, const QString &name, bool fallback = false);
Expected<std::optional<QString>> timeParam(const QString &value, const QString &name);

// Runs op once per Idempotency-Key: a retry with the same request gets the first answer, a
// different request with the same key is refused.
Reply withIdempotency(LedgerStore &store, const Request &r, const QString &ledger,
                      const std::function<Reply()> &op);

// The list's query: from the cursor when one is sent (it carries the original query), else
// from the request's parameters named in `params` and its body.
Expected<Cursor> listQuery(const Request &r, const QStringList &params);
// What a cursor of this request's list is bound to: the decoded path (GET and HEAD share it).
QString cursorScope(const Request &r);

struct PageSpec {
    QString from; // "FROM transactions t WHERE ..."; no ORDER BY / LIMIT
    QVariantList binds;
    QString keyExpr; // a unique, sortable expression
    bool keyIsInt = false;
    bool ascending = true;
    QString columns; // selected after the key
};
// Writes one row (columns start at index 1) as one JSON value.
using RowWriter = std::function<void(Json::Writer &, const QSqlQuery &)>;
Response pageResponse(LedgerStore &store, const Cursor &cursor, const PageSpec &spec, const RowWriter &row);
// The same cursor envelope around an already computed list (grouped volumes): offset paging.
Response offsetPageResponse(const Cursor &cursor, const QList<QByteArray> &items);

using VolumeMap = std::map<QString, std::map<QString, Volume>>; // account -> asset -> volume
void writeVolumes(Json::Writer &w, const std::map<QString, Volume> &byAsset);
void writeAggregated(Json::Writer &w, const VolumeMap &v);
VolumeMap parseAggregated(const QByteArray &json);

} // namespace Formance::Sandbox
