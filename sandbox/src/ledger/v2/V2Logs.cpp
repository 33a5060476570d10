#include "LedgerV2Api.h"
#include "V2Support.h"

#include "ledger/AmountKey.h"

namespace Formance::Sandbox {

using namespace V2;

// --- logs ---

static void writeLog(Json::Writer &w, qint64 id, const QString &type, const QByteArray &data,
                     const QString &hash, const QString &date) {
    w.beginObject();
    w.key("id");
    w.value(id);
    w.key("type");
    w.value(type);
    w.key("data");
    w.rawJson(data);
    w.key("hash");
    w.value(hash);
    w.key("date");
    w.value(date);
    w.endObject();
}

Reply LedgerV2Api::listLogs(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto l = m_engine.requireLedger(ledger);
    if (!l)
        return l.error();
    auto c = listQuery(r, {QStringLiteral("pit")});
    if (!c)
        return c.error();
    auto filter = FilterQuery::compile(
        c->query.body,
        [](const QString &op, const QString &field, const Json::Value &value,
           QVariantList &binds) -> Expected<QString> {
            if (field == QLatin1String("id")) {
                if (!value.isNumber() || !isUnsignedIntegerText(value.numberText()))
                    return LedgerError::validation(QStringLiteral("'id' must be compared with an integer"));
                return scalarCondition(op, QStringLiteral("g.id"), qs(value.numberText()).toLongLong(),
                                       binds);
            }
            if (field == QLatin1String("date")) {
                auto t = timeValue(value, field);
                if (!t)
                    return t.error();
                return scalarCondition(op, QStringLiteral("g.date"), t.value(), binds);
            }
            return LedgerError::validation(QStringLiteral("unknown filter field '%1' for logs").arg(field));
        });
    if (!filter)
        return filter.error();
    auto pit = timeParam(c->query.params.value(QStringLiteral("pit")), QStringLiteral("pit"));
    if (!pit)
        return pit.error();
    PageSpec spec;
    spec.from = QStringLiteral("FROM logs g WHERE g.ledger = ? AND (%1)").arg(filter->sql);
    spec.binds = QVariantList{ledger} + filter->binds;
    if (pit.value()) {
        spec.from += QStringLiteral(" AND g.date <= ?");
        spec.binds << *pit.value();
    }
    spec.keyExpr = QStringLiteral("g.id");
    spec.keyIsInt = true;
    spec.ascending = false;
    spec.columns = QStringLiteral("g.id, g.type, g.data, g.hash, g.date");
    return pageResponse(m_store, c.value(), spec, [](Json::Writer &w, const QSqlQuery &q) {
        writeLog(w, q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toByteArray(),
                 q.value(4).toString(), q.value(5).toString());
    });
}

Reply LedgerV2Api::exportLogs(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto l = m_engine.requireLedger(ledger);
    if (!l)
        return l.error();
    QSqlQuery q = m_store.query(
        QStringLiteral("SELECT id, type, data, hash, date FROM logs WHERE ledger = ? ORDER BY id"), {ledger});
    QByteArray out;
    while (q.next()) {
        Json::Writer w;
        writeLog(w, q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toByteArray(),
                 q.value(3).toString(), q.value(4).toString());
        out += w.take();
        out += '\n';
    }
    Response resp;
    resp.status = 200;
    resp.body = out;
    resp.setHeader("Content-Type", "application/octet-stream");
    return resp;
}

Reply LedgerV2Api::importLogs(const Request &r) {
    auto n = m_engine.importLogs(r.param(QStringLiteral("ledger")), r.body);
    return noContent(n);
}

} // namespace Formance::Sandbox
