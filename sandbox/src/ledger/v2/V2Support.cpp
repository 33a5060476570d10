#include "V2Support.h"

#include "ledger/AmountKey.h"

namespace Formance::Sandbox::V2 {

QString qs(std::string_view v) {
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

bool isUnsignedIntegerText(std::string_view t) {
    if (t.empty())
        return false;
    for (char c : t)
        if (c < '0' || c > '9')
            return false;
    return true;
}

Expected<qint64> idParam(const Request &r, const QString &name) {
    bool ok = false;
    const qint64 id = r.param(name).toLongLong(&ok);
    if (!ok || id < 0)
        return LedgerError::validation(QStringLiteral("'%1' must be a non-negative integer").arg(name));
    return id;
}

QSet<QString> expandOf(const QString &expand) {
    QSet<QString> out;
    for (const QString &e : expand.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out.insert(e.trimmed());
    return out;
}

// Filters on timestamps accept any RFC 3339 text; stored ones are canonical.
Expected<QVariant> timeValue(const Json::Value &v, const QString &field) {
    if (!v.isString())
        return LedgerError::validation(
            QStringLiteral("'%1' must be compared with an RFC 3339 date-time").arg(field));
    auto t = parseTime(v.toString());
    if (!t)
        return LedgerError::validation(
            QStringLiteral("'%1': invalid date-time '%2'").arg(field, v.toString()));
    return QVariant(*t);
}

Expected<QString> metadataCondition(const QString &op, const QString &field, const Json::Value &value,
                                    const QString &column, QVariantList &binds) {
    if (op == QLatin1String("$exists")) {
        if (field != QLatin1String("metadata") || !value.isString())
            return LedgerError::validation(QStringLiteral("$exists expects {\"metadata\": \"key\"}"));
        binds << value.toString();
        // json_each compares keys exactly, whatever they contain (dots, quotes, '$').
        return QStringLiteral("EXISTS (SELECT 1 FROM json_each(%1) md WHERE md.key = ?)").arg(column);
    }
    const auto key = FilterQuery::bracketKey(field, QStringLiteral("metadata"));
    if (!key)
        return LedgerError::validation(QStringLiteral("unknown filter field '%1'").arg(field));
    if (op != QLatin1String("$match"))
        return LedgerError::validation(QStringLiteral("metadata only supports $match and $exists"));
    if (!value.isString())
        return LedgerError::validation(QStringLiteral("metadata values are strings"));
    binds << *key << value.toString();
    // EXISTS is never NULL, so $not of a missing key matches.
    return QStringLiteral("EXISTS (SELECT 1 FROM json_each(%1) md WHERE md.key = ? AND md.value = ?)")
        .arg(column);
}

Expected<QString> balanceCondition(const QString &op, const QString &field, const Json::Value &value,
                                   const QString &ledgerCol, const QString &accountCol, QVariantList &binds) {
    if (op == QLatin1String("$exists") || op == QLatin1String("$in"))
        return LedgerError::validation(QStringLiteral("%1 is not supported on balances").arg(op));
    const auto asset = FilterQuery::bracketKey(field, QStringLiteral("balance"));
    if (!value.isNumber())
        return LedgerError::validation(QStringLiteral("'%1' must be compared with an integer").arg(field));
    auto amount = BigInt::fromString(value.numberText());
    if (!amount)
        return LedgerError::validation(QStringLiteral("'%1' must be compared with an integer").arg(field));
    QString sql = QStringLiteral("EXISTS (SELECT 1 FROM volumes bv WHERE bv.ledger = %1 AND bv.account = %2")
                      .arg(ledgerCol, accountCol);
    if (asset) {
        sql += QStringLiteral(" AND bv.asset = ?");
        binds << *asset;
    }
    sql += QStringLiteral(" AND bv.balance_key %1 ?)").arg(FilterQuery::sqlOperator(op));
    binds << amountKey(*amount);
    return sql;
}

Expected<QString> scalarCondition(const QString &op, const QString &column, const QVariant &v,
                                  QVariantList &binds) {
    if (op == QLatin1String("$exists") || op == QLatin1String("$in"))
        return LedgerError::validation(QStringLiteral("%1 is not supported on %2").arg(op, column));
    binds << v;
    return QStringLiteral("%1 %2 ?").arg(column, FilterQuery::sqlOperator(op));
}

} // namespace Formance::Sandbox::V2
