#include "LedgerV2Api.h"
#include "V2Support.h"

#include "ledger/AmountKey.h"

namespace Formance::Sandbox {

using namespace V2;

// --- ledgers ---

static void writeLedger(Json::Writer &w, const QString &name, const QString &bucket, const QString &addedAt,
                        const QByteArray &metadata) {
    w.beginObject();
    w.key("name");
    w.value(name);
    w.key("addedAt");
    w.value(addedAt);
    w.key("bucket");
    w.value(bucket);
    w.key("metadata");
    w.rawJson(metadata);
    w.endObject();
}

Reply LedgerV2Api::listLedgers(const Request &r) {
    auto c = listQuery(r, {});
    if (!c)
        return c.error();
    PageSpec spec;
    spec.from = QStringLiteral("FROM ledgers WHERE 1");
    spec.keyExpr = QStringLiteral("name");
    spec.columns = QStringLiteral("name, bucket, added_at, metadata");
    return pageResponse(m_store, c.value(), spec, [](Json::Writer &w, const QSqlQuery &q) {
        writeLedger(w, q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                    q.value(4).toByteArray());
    });
}

Reply LedgerV2Api::getLedger(const Request &r) {
    auto l = m_engine.requireLedger(r.param(QStringLiteral("ledger")));
    if (!l)
        return l.error();
    return dataResponse([&](Json::Writer &w) {
        writeLedger(w, l->name, l->bucket, l->addedAt, LedgerStore::metadataJson(l->metadata));
    });
}

Reply LedgerV2Api::createLedger(const Request &r) {
    auto body = parseBody(r.body, false);
    if (!body)
        return body.error();
    const Json::Value root = body.value()->root();
    if (!root.isNull() && !root.isObject())
        return LedgerError::validation(QStringLiteral("the body must be a JSON object"));
    if (!root["bucket"].isNull() && !root["bucket"].isString())
        return LedgerError::validation(QStringLiteral("bucket must be a string"));
    auto md = LedgerStore::metadataFrom(root["metadata"], QStringLiteral("metadata"));
    if (!md)
        return md.error();
    auto created =
        m_engine.createLedger(r.param(QStringLiteral("ledger")), root["bucket"].toString(), md.value());
    if (!created)
        return created.error();
    return Response::empty(204);
}

Reply LedgerV2Api::ledgerInfo(const Request &r) {
    auto l = m_engine.requireLedger(r.param(QStringLiteral("ledger")));
    if (!l)
        return l.error();
    return dataResponse([&](Json::Writer &w) {
        w.beginObject();
        w.key("name");
        w.value(l->name);
        w.key("storage");
        w.beginObject();
        w.key("migrations");
        w.beginArray();
        w.beginObject();
        w.key("version"); // an integer in v2.1.1, a string in v3.0.1
        if (m_api == ApiGeneration::V3)
            w.value("1");
        else
            w.value(1);
        w.key("name");
        w.value("sandbox-schema-1");
        w.key("date");
        w.value(l->addedAt);
        w.key("state");
        w.value("DONE");
        w.endObject();
        w.endArray();
        w.endObject();
        w.endObject();
    });
}

Reply LedgerV2Api::updateLedgerMetadata(const Request &r) {
    auto body = parseBody(r.body, true);
    if (!body)
        return body.error();
    auto md = LedgerStore::metadataFrom(body.value()->root(), QStringLiteral("metadata"));
    if (!md)
        return md.error();
    auto done = m_engine.updateLedgerMetadata(r.param(QStringLiteral("ledger")), md.value());
    return noContent(done);
}

Reply LedgerV2Api::deleteLedgerMetadata(const Request &r) {
    auto done =
        m_engine.deleteLedgerMetadata(r.param(QStringLiteral("ledger")), r.param(QStringLiteral("key")));
    return noContent(done);
}

Reply LedgerV2Api::stats(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto l = m_engine.requireLedger(ledger);
    if (!l)
        return l.error();
    QSqlQuery a = m_store.query(QStringLiteral("SELECT COUNT(*) FROM accounts WHERE ledger = ?"), {ledger});
    a.next();
    const qint64 transactions = m_store.transactionCount(ledger, QStringLiteral("all"), QString());
    return dataResponse([&](Json::Writer &w) {
        w.beginObject();
        w.key("accounts");
        w.value(a.value(0).toLongLong());
        w.key("transactions");
        w.value(transactions);
        w.endObject();
    });
}
} // namespace Formance::Sandbox
