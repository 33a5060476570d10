#include "FilterQuery.h"

#include "ClientJson.h"

#include <QRegularExpression>

#include <algorithm>

namespace Formance::Sandbox {

Expected<SqlCondition> FilterQuery::compile(const QByteArray &body, const FieldResolver &resolver) {
    if (body.trimmed().isEmpty())
        return SqlCondition{};
    QString err;
    const auto doc = parseClientJson(body, &err);
    if (!doc)
        return LedgerError::validation(QStringLiteral("malformed JSON body: %1").arg(err));
    return compile(doc->root(), resolver);
}

Expected<SqlCondition> FilterQuery::compile(const Json::Value &filter, const FieldResolver &resolver) {
    if (filter.isNull())
        return SqlCondition{};
    if (!filter.isObject())
        return LedgerError::validation(QStringLiteral("the filter must be a JSON object"));
    if (filter.size() == 0)
        return SqlCondition{};
    SqlCondition c;
    int terms = 0;
    auto sql = node(filter, resolver, c.binds, 0, terms);
    if (!sql)
        return sql.error();
    c.sql = sql.value();
    return c;
}

QString FilterQuery::joinBalanced(const QStringList &parts, const QString &op) {
    // Each part comes parenthesised; a half of several parts gets its own parentheses.
    if (parts.size() == 1)
        return parts.first();
    const qsizetype half = parts.size() / 2;
    const QString left = joinBalanced(parts.mid(0, half), op);
    const QString right = joinBalanced(parts.mid(half), op);
    return QStringLiteral("%1 %2 %3")
        .arg(half > 1 ? QStringLiteral("(%1)").arg(left) : left, op,
             parts.size() - half > 1 ? QStringLiteral("(%1)").arg(right) : right);
}

Expected<QString> FilterQuery::node(const Json::Value &v, const FieldResolver &resolver, QVariantList &binds,
                                    int depth, int &terms) {
    if (depth > 32)
        return LedgerError::validation(QStringLiteral("filter nested too deeply"));
    if (!v.isObject() || v.size() != 1)
        return LedgerError::validation(
            QStringLiteral("each filter clause must be an object with exactly one operator"));
    const auto [opView, arg] = *v.members().begin();
    const QString op = QString::fromUtf8(opView.data(), qsizetype(opView.size()));
    auto tooMany = [] {
        return LedgerError::validation(
            QStringLiteral("the filter has more than %1 conditions ($in values count one each)")
                .arg(kMaxTerms));
    };
    if (op == QLatin1String("$and") || op == QLatin1String("$or")) {
        if (!arg.isArray())
            return LedgerError::validation(QStringLiteral("%1 expects an array").arg(op));
        QStringList parts;
        for (const Json::Value &e : arg.elements()) {
            auto p = node(e, resolver, binds, depth + 1, terms);
            if (!p)
                return p.error();
            parts << QStringLiteral("(%1)").arg(p.value());
        }
        if (parts.isEmpty())
            return QStringLiteral("1");
        return joinBalanced(parts,
                            op == QLatin1String("$and") ? QStringLiteral("AND") : QStringLiteral("OR"));
    }
    if (op == QLatin1String("$not")) {
        auto p = node(arg, resolver, binds, depth + 1, terms);
        if (!p)
            return p.error();
        return QStringLiteral("NOT (%1)").arg(p.value());
    }
    static const QStringList leaves = {
        QStringLiteral("$match"), QStringLiteral("$lt"),     QStringLiteral("$lte"), QStringLiteral("$gt"),
        QStringLiteral("$gte"),   QStringLiteral("$exists"), QStringLiteral("$in")};
    if (!leaves.contains(op))
        return LedgerError::validation(QStringLiteral("unknown filter operator '%1'").arg(op));
    if (!arg.isObject() || arg.size() != 1)
        return LedgerError::validation(QStringLiteral("%1 expects an object with one field").arg(op));
    const auto [fieldView, value] = *arg.members().begin();
    const QString field = QString::fromUtf8(fieldView.data(), qsizetype(fieldView.size()));
    if (op == QLatin1String("$in")) {
        // {"$in": {"f": [a, b]}} is {"$or": [{"$match": {"f": a}}, {"$match": {"f": b}}]}: every
        // field that supports $match supports $in.
        if (!value.isArray())
            return LedgerError::validation(QStringLiteral("$in expects an array"));
        QStringList parts;
        terms += int(std::min<size_t>(value.size(), kMaxTerms + 1));
        if (terms > kMaxTerms)
            return tooMany();
        for (const Json::Value &e : value.elements()) {
            auto p = resolver(QStringLiteral("$match"), field, e, binds);
            if (!p)
                return p.error();
            parts << QStringLiteral("(%1)").arg(p.value());
        }
        return parts.isEmpty() ? QStringLiteral("0") : joinBalanced(parts, QStringLiteral("OR"));
    }
    if (++terms > kMaxTerms)
        return tooMany();
    return resolver(op, field, value, binds);
}

QString FilterQuery::addressCondition(const QString &column, const QString &pattern, QVariantList &binds) {
    const QStringList segs = pattern.split(QLatin1Char(':'));
    if (!segs.contains(QString())) {
        binds << pattern;
        return QStringLiteral("%1 = ?").arg(column);
    }
    // The literal segments before the first wildcard bound a range an index can search
    // ("users:" is [users:, users;)); REGEXP then checks the rest.
    QString range;
    if (const qsizetype wildcard = segs.indexOf(QString()); wildcard > 0) {
        const QString prefix = QStringList(segs.mid(0, wildcard)).join(QLatin1Char(':')) + QLatin1Char(':');
        binds << prefix << prefix.chopped(1) + QLatin1Char(';');
        // Only the last segment open ("users:"): one more segment after the prefix, checked in
        // SQL, far cheaper than a REGEXP call per row.
        if (wildcard == segs.size() - 1) {
            binds << prefix.size() + 1;
            return QStringLiteral("(%1 > ? AND %1 < ? AND instr(substr(%1, ?), ':') = 0)").arg(column);
        }
        range = QStringLiteral("%1 >= ? AND %1 < ? AND ").arg(column);
    }
    QStringList re;
    for (const QString &s : segs)
        re << (s.isEmpty() ? QStringLiteral("[^:]+") : QRegularExpression::escape(s));
    binds << QStringLiteral("^%1$").arg(re.join(QLatin1Char(':')));
    return QStringLiteral("(%1%2 REGEXP ?)").arg(range, column);
}

QString FilterQuery::sqlOperator(const QString &op) {
    if (op == QLatin1String("$lt"))
        return QStringLiteral("<");
    if (op == QLatin1String("$lte"))
        return QStringLiteral("<=");
    if (op == QLatin1String("$gt"))
        return QStringLiteral(">");
    if (op == QLatin1String("$gte"))
        return QStringLiteral(">=");
    return QStringLiteral("=");
}

std::optional<QString> FilterQuery::bracketKey(const QString &field, const QString &prefix) {
    if (!field.startsWith(prefix + QLatin1Char('[')) || !field.endsWith(QLatin1Char(']')))
        return std::nullopt;
    return field.mid(prefix.size() + 1, field.size() - prefix.size() - 2);
}

} // namespace Formance::Sandbox
