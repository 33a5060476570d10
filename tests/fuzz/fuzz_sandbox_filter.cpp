// The sandbox's list-filter compiler ($and/$or/$not over $match/$lt/.../$in/$exists): any body is
// compiled or refused with a 400; compiled SQL has exactly one placeholder per bound value, so no
// value is ever spliced into the statement.
#include "FuzzSupport.h"

#include "ledger/FilterQuery.h"

using namespace Formance;
using namespace Formance::Sandbox;

namespace {
// Resolves leaves the way the ledger's resources do: addresses by pattern, metadata[key] through
// JSON, everything else as a plain column.
Expected<QString> resolve(const QString &op, const QString &field, const Json::Value &value,
                          QVariantList &binds) {
    if (op == QLatin1String("$exists")) {
        binds << field;
        return QStringLiteral("json_extract(metadata, '$.' || ?) IS NOT NULL");
    }
    const bool isText = value.isString();
    if (!isText && !value.isNumber())
        return LedgerError::validation(QStringLiteral("'%1' expects a string or a number").arg(field));
    const QString text =
        isText ? value.toString()
               : QString::fromUtf8(value.numberText().data(), qsizetype(value.numberText().size()));
    if ((field == QLatin1String("address") || field == QLatin1String("source")) &&
        op == QLatin1String("$match"))
        return FilterQuery::addressCondition(QStringLiteral("address"), text, binds);
    if (const auto key = FilterQuery::bracketKey(field, QStringLiteral("metadata"))) {
        binds << *key << text;
        return QStringLiteral("json_extract(metadata, '$.' || ?) %1 ?").arg(FilterQuery::sqlOperator(op));
    }
    if (field != QLatin1String("timestamp") && field != QLatin1String("id"))
        return LedgerError::validation(QStringLiteral("unknown field '%1'").arg(field));
    binds << text;
    return QStringLiteral("%1 %2 ?").arg(field, FilterQuery::sqlOperator(op));
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, std::size_t size) {
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto compiled = FilterQuery::compile(body, resolve);
    if (!compiled) {
        FUZZ_CHECK(compiled.error().status == 400, "a bad filter is a 400");
        FUZZ_CHECK(!compiled.error().message.isEmpty(), "that says why");
        return 0;
    }
    const SqlCondition &c = compiled.value();
    FUZZ_CHECK(c.sql.count(u'?') == c.binds.size(), "one placeholder per bound value");
    return 0;
}
