#include "PaymentsCommon.h"

#include "core/GoDuration.h"
#include "ledger/AmountKey.h"

#include <QRegularExpression>
#include <QUuid>

namespace Formance::Sandbox::Payments {

QString qs(std::string_view v) {
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

QString encodeId(const QList<QPair<QString, QString>> &fields) {
    Json::Writer w;
    w.beginObject();
    for (const auto &[k, v] : fields) {
        w.key(k);
        w.value(v);
    }
    w.endObject();
    return QString::fromLatin1(
        w.data().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString newUuid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString uuidFor(const QString &name) {
    static const QUuid ns(QStringLiteral("6f1c2b1e-3a57-4d0e-9a43-5b1d0c7e2f10"));
    return QUuid::createUuidV5(ns, name).toString(QUuid::WithoutBraces);
}

Expected<std::shared_ptr<Json::Document>> objectBody(const Request &r) {
    auto doc = parseBody(r.body, true);
    if (!doc)
        return doc.error();
    if (!doc.value()->root().isObject())
        return LedgerError::validation(QStringLiteral("the body must be a JSON object"));
    return doc;
}

Expected<QString> requiredString(const Json::Value &body, const char *field, bool allowEmpty) {
    const Json::Value v = body[field];
    if (!v.isString())
        return LedgerError::validation(QStringLiteral("'%1' is required and must be a string").arg(field));
    if (!allowEmpty && v.toString().trimmed().isEmpty())
        return LedgerError::validation(QStringLiteral("'%1' must not be empty").arg(field));
    return v.toString();
}

Expected<std::optional<QString>> optionalString(const Json::Value &body, const char *field) {
    const Json::Value v = body[field];
    if (v.isNull())
        return std::optional<QString>();
    if (!v.isString())
        return LedgerError::validation(QStringLiteral("'%1' must be a string").arg(field));
    return std::optional<QString>(v.toString());
}

Expected<BigInt> requiredAmount(const Json::Value &body, const char *field, bool allowZero) {
    const Json::Value v = body[field];
    const auto text = v.numberText();
    const bool digits = v.isNumber() && !text.empty() &&
                        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits)
        return LedgerError::validation(
            QStringLiteral("'%1' is required and must be a non-negative integer").arg(field));
    const BigInt amount = *BigInt::fromString(text);
    if (!allowZero && amount.isZero())
        return LedgerError::validation(QStringLiteral("'%1' must be greater than zero").arg(field));
    return amount;
}

Expected<QString> requiredTime(const Json::Value &body, const char *field) {
    const Json::Value v = body[field];
    const auto t = v.isString() ? parseTime(v.toString()) : std::nullopt;
    if (!t)
        return LedgerError::validation(
            QStringLiteral("'%1' is required and must be an RFC 3339 date-time").arg(field));
    return *t;
}

Expected<QString> requiredEnum(const Json::Value &body, const char *field, const QStringList &allowed) {
    auto s = requiredString(body, field);
    if (!s)
        return s.error();
    if (!allowed.contains(s.value()))
        return LedgerError::validation(QStringLiteral("'%1' must be one of %2")
                                           .arg(QLatin1String(field), allowed.join(QStringLiteral(", "))));
    return s;
}

Expected<Metadata> optionalMetadata(const Json::Value &body, const char *field) {
    return LedgerStore::metadataFrom(body[field], QString::fromLatin1(field));
}

bool validAsset(const QString &asset) {
    static const QRegularExpression re(QStringLiteral("^[A-Z][A-Z0-9]{0,16}(/[0-9]{1,6})?$"));
    return re.match(asset).hasMatch();
}

const QStringList kPaymentTypes{QStringLiteral("PAY-IN"), QStringLiteral("PAYOUT"),
                                QStringLiteral("TRANSFER"), QStringLiteral("OTHER")};
const QStringList kPaymentStatuses{
    QStringLiteral("PENDING"),          QStringLiteral("SUCCEEDED"), QStringLiteral("CANCELLED"),
    QStringLiteral("FAILED"),           QStringLiteral("EXPIRED"),   QStringLiteral("REFUNDED"),
    QStringLiteral("REFUNDED_FAILURE"), QStringLiteral("DISPUTE"),   QStringLiteral("DISPUTE_WON"),
    QStringLiteral("DISPUTE_LOST"),     QStringLiteral("OTHER")};
const QStringList kPaymentSchemes{
    QStringLiteral("unknown"),     QStringLiteral("other"),  QStringLiteral("visa"),
    QStringLiteral("mastercard"),  QStringLiteral("amex"),   QStringLiteral("diners"),
    QStringLiteral("discover"),    QStringLiteral("jcb"),    QStringLiteral("unionpay"),
    QStringLiteral("alipay"),      QStringLiteral("cup"),    QStringLiteral("sepa debit"),
    QStringLiteral("sepa credit"), QStringLiteral("sepa"),   QStringLiteral("apple pay"),
    QStringLiteral("google pay"),  QStringLiteral("doku"),   QStringLiteral("dragonpay"),
    QStringLiteral("maestro"),     QStringLiteral("molpay"), QStringLiteral("a2a"),
    QStringLiteral("ach debit"),   QStringLiteral("ach"),    QStringLiteral("rtp")};
const QStringList kAccountTypes{QStringLiteral("UNKNOWN"), QStringLiteral("INTERNAL"),
                                QStringLiteral("EXTERNAL")};

std::optional<qint64> parseDuration(const QString &text) {
    const auto ms = Sandbox::parseDuration(text);
    if (!ms || *ms < 1 || text != text.trimmed())
        return std::nullopt;
    return ms;
}

namespace {

Expected<QString> fieldCondition(const QList<ListField> &fields, const QString &op, const QString &field,
                                 const Json::Value &value, QVariantList &binds) {
    if (op == QLatin1String("$exists") || op == QLatin1String("$in"))
        return LedgerError::validation(QStringLiteral("%1 is not supported here").arg(op));
    for (const ListField &f : fields) {
        if (f.kind == ListField::Metadata) {
            const auto key = FilterQuery::bracketKey(field, f.name);
            if (!key)
                continue;
            if (op != QLatin1String("$match") || !value.isString())
                return LedgerError::validation(QStringLiteral("metadata filters are $match on strings"));
            binds << *key << value.toString();
            return QStringLiteral("EXISTS (SELECT 1 FROM json_each(%1) md WHERE md.key = ? AND md.value = ?)")
                .arg(f.column);
        }
        if (f.name != field)
            continue;
        switch (f.kind) {
        case ListField::Text:
            if (!value.isString())
                return LedgerError::validation(QStringLiteral("'%1' is compared with a string").arg(field));
            binds << value.toString();
            break;
        case ListField::Time: {
            const auto t = value.isString() ? parseTime(value.toString()) : std::nullopt;
            if (!t)
                return LedgerError::validation(
                    QStringLiteral("'%1' is compared with a date-time").arg(field));
            binds << *t;
            break;
        }
        case ListField::Amount: {
            const auto a = value.isNumber() ? BigInt::fromString(value.numberText()) : std::nullopt;
            if (!a)
                return LedgerError::validation(QStringLiteral("'%1' is compared with an integer").arg(field));
            binds << amountKey(*a);
            break;
        }
        case ListField::Metadata:
            break;
        }
        return QStringLiteral("%1 %2 ?").arg(f.column, FilterQuery::sqlOperator(op));
    }
    return LedgerError::validation(QStringLiteral("unknown filter field '%1'").arg(field));
}

} // namespace

Expected<PageSpec> listSpec(const Cursor &cursor, const QString &table, const QString &where,
                            const QVariantList &binds, const QList<ListField> &fields,
                            const QString &defaultSort, const QString &columns) {
    PageSpec spec;
    spec.binds = binds;
    QString sort = cursor.query.params.value(QStringLiteral("sort"));
    if (sort.isEmpty())
        sort = defaultSort;
    const QStringList parts = sort.split(QLatin1Char(':'));
    const ListField *by = nullptr;
    for (const ListField &f : fields)
        if (f.name == parts.first() && f.kind != ListField::Metadata)
            by = &f;
    const QString dir = parts.size() > 1 ? parts[1].toLower() : QStringLiteral("asc");
    if (!by || parts.size() > 2 || (dir != QLatin1String("asc") && dir != QLatin1String("desc")))
        return LedgerError::validation(
            QStringLiteral("invalid sort '%1': expected field:asc|desc").arg(sort));
    spec.ascending = dir == QLatin1String("asc");
    spec.keyExpr = QStringLiteral("%1 || char(1) || printf('%020d', t.seq)").arg(by->column);
    spec.columns = columns;

    QByteArray filter = cursor.query.params.value(QStringLiteral("query")).toUtf8();
    if (filter.trimmed().isEmpty())
        filter = cursor.query.body;
    auto cond = FilterQuery::compile(
        filter, [&](const QString &op, const QString &field, const Json::Value &value, QVariantList &b) {
            return fieldCondition(fields, op, field, value, b);
        });
    if (!cond)
        return cond.error();
    spec.from = QStringLiteral("FROM %1 t WHERE (%2) AND (%3)")
                    .arg(table, where.isEmpty() ? QStringLiteral("1") : where, cond->sql);
    spec.binds << cond->binds;
    return spec;
}

// Merges the body's keys into a stored metadata column.
Reply mergeMetadata(LedgerStore &store, const QString &table, const QString &id, const Json::Value &md) {
    auto add = LedgerStore::metadataFrom(md, QStringLiteral("metadata"));
    if (!add)
        return add.error();
    QSqlQuery q = store.query(QStringLiteral("SELECT metadata FROM %1 WHERE id = ?").arg(table), {id});
    if (!q.next())
        return LedgerError::notFound(QStringLiteral("'%1' not found").arg(id));
    Metadata merged = LedgerStore::metadataFromText(q.value(0).toString());
    for (auto it = add->cbegin(); it != add->cend(); ++it)
        merged.insert(it.key(), it.value());
    q.finish();
    store.query(QStringLiteral("UPDATE %1 SET metadata = ? WHERE id = ?").arg(table),
                {QString::fromUtf8(LedgerStore::metadataJson(merged)), id});
    return Response::empty(204);
}

void writeRawJson(Json::Writer &w, const QString &text, const char *fallback) {
    w.rawJson(text.isEmpty() ? QByteArray(fallback) : text.toUtf8());
}

void writeMetadata(Json::Writer &w, const QString &text) {
    writeRawJson(w, text, "{}");
}

} // namespace Formance::Sandbox::Payments
