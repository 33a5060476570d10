// Small helpers shared by the payments service's parts: identifiers in the style of the real
// payments v1 (base64url of a JSON object, so an id tells what it designates), body field
// readers that refuse with the service's VALIDATION error, Go-style durations, and the list
// machinery (sort and `query` filter) the payments lists have in common.
#pragma once

#include "api/ApiSupport.h"
#include "ledger/LedgerStore.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Formance::Sandbox::Payments {

QString qs(std::string_view v);

// base64url (no padding) of {"k1":"v1",...} in the given order: stable, URL-safe, decodable.
QString encodeId(const QList<QPair<QString, QString>> &fields);
QString newUuid();
QString uuidFor(const QString &name); // a stable UUID (v5) for a name: deterministic demo data

// Body readers: the value, or VALIDATION naming the field.
Expected<std::shared_ptr<Json::Document>> objectBody(const Request &r);
Expected<QString> requiredString(const Json::Value &body, const char *field, bool allowEmpty = false);
Expected<std::optional<QString>> optionalString(const Json::Value &body, const char *field);
Expected<BigInt> requiredAmount(const Json::Value &body, const char *field, bool allowZero);
Expected<QString> requiredTime(const Json::Value &body, const char *field);
Expected<QString> requiredEnum(const Json::Value &body, const char *field, const QStringList &allowed);
Expected<Metadata> optionalMetadata(const Json::Value &body, const char *field);
bool validAsset(const QString &asset); // "EUR/2", "USD", "JPY/0" ...

// The first refusal among the readers' results, in argument order, or nullptr: a handler reads
// every field, then answers with the first field that was wrong.
template <class... T> const LedgerError *firstError(const Expected<T> &...results) {
    const LedgerError *first = nullptr;
    ((first = first ? first : (results ? nullptr : &results.error())), ...);
    return first;
}

extern const QStringList kPaymentTypes;
extern const QStringList kPaymentStatuses;
extern const QStringList kPaymentSchemes;
extern const QStringList kAccountTypes;

// A connector period: a Go duration ("10s", "500ms", "1m30s") of at least 1 ms; nullopt otherwise.
std::optional<qint64> parseDuration(const QString &text);

// One sortable, filterable list: field name -> SQL expression and kind.
struct ListField {
    enum Kind { Text, Time, Amount, Metadata };
    QString name;
    QString column; // for Amount: the amountKey column; for Metadata: the JSON column
    Kind kind = Text;
};

// The PageSpec of a list: rows of `table` (alias t, with an integer `seq`) filtered by the
// cursor's `query` (JSON filter text, or the body) and ordered by its `sort` ("field:asc").
Expected<PageSpec> listSpec(const Cursor &cursor, const QString &table, const QString &where,
                            const QVariantList &binds, const QList<ListField> &fields,
                            const QString &defaultSort, const QString &columns);

// Merges the object `md` (strings) into the metadata column of `table`'s row `id`: 204, or 400/404.
Reply mergeMetadata(LedgerStore &store, const QString &table, const QString &id, const Json::Value &md);

// The JSON value of a stored JSON text column, or `fallback` when empty.
void writeRawJson(Json::Writer &w, const QString &text, const char *fallback = "null");
void writeMetadata(Json::Writer &w, const QString &text);

} // namespace Formance::Sandbox::Payments
