// Compiles the ledger's list-filter language into an SQL condition with bound values:
//   {"$and": [{"$match": {"account": "users:"}}, {"$gte": {"timestamp": "2024-01-01T00:00:00Z"}}]}
// $and/$or take arrays, $not an object; the leaf operators ($match, $lt, $lte, $gt, $gte,
// $exists, $in) take one {field: value} pair and are resolved by the caller's FieldResolver,
// which knows the resource's columns. Unknown operators and fields are VALIDATION errors.
#pragma once

#include "LedgerError.h"
#include <Formance/json/JsonDocument.h>

#include <QString>
#include <QVariantList>

#include <functional>

namespace Formance::Sandbox {

struct SqlCondition {
    QString sql = QStringLiteral("1");
    QVariantList binds;
};

// Returns the SQL for one leaf, appending its values to binds; or an error message.
using FieldResolver = std::function<Expected<QString>(const QString &op, const QString &field,
                                                      const Json::Value &value, QVariantList &binds)>;

class FilterQuery {
public:
    // body: the request body (empty, {} or an object whose filter is the whole object).
    static Expected<SqlCondition> compile(const QByteArray &body, const FieldResolver &resolver);
    static Expected<SqlCondition> compile(const Json::Value &filter, const FieldResolver &resolver);

    // An address or pattern ("users:" or "users::main" where an empty segment matches any one
    // segment) turned into SQL on `column`.
    static QString addressCondition(const QString &column, const QString &pattern, QVariantList &binds);
    static QString sqlOperator(const QString &op); // "$lt" -> "<"; "$match" -> "="
    // "metadata[key]" -> "key"; nullopt when the field is not of that form.
    static std::optional<QString> bracketKey(const QString &field, const QString &prefix);
    // parts (each in parentheses) joined by op ("AND", "OR") as a balanced tree: SQLite limits an
    // expression's depth (1000), and a flat "a OR b OR c ..." is as deep as it is long.
    static QString joinBalanced(const QStringList &parts, const QString &op);

    // The most leaf conditions ($in values count one each) a filter may have.
    static constexpr int kMaxTerms = 2000;

private:
    static Expected<QString> node(const Json::Value &v, const FieldResolver &resolver, QVariantList &binds,
                                  int depth, int &terms);
};

} // namespace Formance::Sandbox
