#include "LedgerV2Api.h"
#include "V2Support.h"

#include "ledger/AmountKey.h"
#include "ledger/Numscript.h"

namespace Formance::Sandbox {

using namespace V2;

// --- parsing ---

Expected<NewTransaction> LedgerV2Api::parsePostTransaction(const Json::Value &body) {
    if (!body.isObject())
        return LedgerError::validation(QStringLiteral("the body must be a JSON object"));
    NewTransaction tx;
    const Json::Value postings = body["postings"];
    const Json::Value script = body["script"];
    if (!postings.isNull() && !script.isNull() && postings.size() > 0)
        return LedgerError::validation(QStringLiteral("send either postings or a script, not both"));
    if (!script.isNull()) {
        if (!script.isObject() || !script["plain"].isString())
            return LedgerError::validation(QStringLiteral("script.plain must be a string"));
        auto compiled = Numscript::compile(script["plain"].toString(), script["vars"]);
        if (!compiled)
            return compiled.error();
        tx = compiled.value();
    } else {
        if (!postings.isArray())
            return LedgerError::validation(QStringLiteral("postings must be an array"));
        qsizetype i = 0;
        for (const Json::Value &p : postings.elements()) {
            if (!p.isObject())
                return LedgerError::validation(QStringLiteral("postings[%1] must be an object").arg(i));
            for (const char *f : {"source", "destination", "asset"})
                if (!p[f].isString())
                    return LedgerError::validation(
                        QStringLiteral("postings[%1].%2 must be a string").arg(i).arg(QLatin1String(f)));
            if (!p["amount"].isNumber() || !isUnsignedIntegerText(p["amount"].numberText()))
                return LedgerError::validation(
                    QStringLiteral("postings[%1].amount must be a non-negative integer").arg(i));
            tx.postings.append({p["source"].toString(), p["destination"].toString(), p["asset"].toString(),
                                *BigInt::fromString(p["amount"].numberText())});
            ++i;
        }
    }
    auto md = LedgerStore::metadataFrom(body["metadata"], QStringLiteral("metadata"));
    if (!md)
        return md.error();
    for (auto it = md->cbegin(); it != md->cend(); ++it) {
        if (tx.metadata.contains(it.key()) && tx.metadata.value(it.key()) != it.value())
            return LedgerError{
                400, QStringLiteral("METADATA_OVERRIDE"),
                QStringLiteral("metadata '%1' is set by the script and the request").arg(it.key())};
        tx.metadata.insert(it.key(), it.value());
    }
    const Json::Value ts = body["timestamp"];
    if (!ts.isNull()) {
        auto t = ts.isString() ? parseTime(ts.toString()) : std::nullopt;
        if (!t)
            return LedgerError::validation(QStringLiteral("timestamp must be an RFC 3339 date-time"));
        tx.timestamp = *t;
    }
    const Json::Value ref = body["reference"];
    if (!ref.isNull()) {
        if (!ref.isString())
            return LedgerError::validation(QStringLiteral("reference must be a string"));
        tx.reference = ref.toString();
    }
    return tx;
}

// --- routes ---

// v3.0.1 sends a list's filter as the `query` parameter (JSON), v2.1.1 as the GET body: both
// reach the handlers as the body.
static Reply filterFromQuery(const Request &r, const ReplyHandler &next) {
    if ((r.method != "GET" && r.method != "HEAD") || !r.hasQuery(QStringLiteral("query")))
        return next(r);
    if (!r.body.trimmed().isEmpty())
        return LedgerError::validation(
            QStringLiteral("send the filter either as the 'query' parameter or as the body, not both"));
    Request copy = r;
    copy.body = r.queryValue(QStringLiteral("query")).toUtf8();
    copy.query.removeAllQueryItems(QStringLiteral("query"));
    return next(copy);
}

void LedgerV2Api::registerRoutes(Routes &routes) {
    using A = LedgerV2Api;
    routes.setFilter(filterFromQuery);
    if (m_api == ApiGeneration::V3)
        routes.on("GET", "/_/info", this, &A::info).on("GET", "/_/metrics", this, &A::metrics);
    routes.on("GET", "/v2/_info", this, &A::info)
        .on("GET", "/v2", this, &A::listLedgers)
        .on("GET", "/v2/{ledger}", this, &A::getLedger)
        .on("POST", "/v2/{ledger}", this, &A::createLedger)
        .on("POST", "/v2/{ledger}/_bulk", this, &A::bulk)
        .on("GET", "/v2/{ledger}/_info", this, &A::ledgerInfo)
        .on("GET", "/v2/{ledger}/accounts", this, &A::listAccounts)
        .on("HEAD", "/v2/{ledger}/accounts", this, &A::countAccounts)
        .on("GET", "/v2/{ledger}/accounts/{address}", this, &A::getAccount)
        .on("POST", "/v2/{ledger}/accounts/{address}/metadata", this, &A::addAccountMetadata)
        .on("DELETE", "/v2/{ledger}/accounts/{address}/metadata/{key}", this, &A::deleteAccountMetadata)
        .on("GET", "/v2/{ledger}/aggregate/balances", this, &A::aggregateBalances)
        .on("GET", "/v2/{ledger}/logs", this, &A::listLogs)
        .on("POST", "/v2/{ledger}/logs/export", this, &A::exportLogs)
        .on("POST", "/v2/{ledger}/logs/import", this, &A::importLogs)
        .on("PUT", "/v2/{ledger}/metadata", this, &A::updateLedgerMetadata)
        .on("DELETE", "/v2/{ledger}/metadata/{key}", this, &A::deleteLedgerMetadata)
        .on("GET", "/v2/{ledger}/stats", this, &A::stats)
        .on("GET", "/v2/{ledger}/transactions", this, &A::listTransactions)
        .on("HEAD", "/v2/{ledger}/transactions", this, &A::countTransactions)
        .on("POST", "/v2/{ledger}/transactions", this, &A::createTransaction)
        .on("GET", "/v2/{ledger}/transactions/{id}", this, &A::getTransaction)
        .on("POST", "/v2/{ledger}/transactions/{id}/metadata", this, &A::addTransactionMetadata)
        .on("DELETE", "/v2/{ledger}/transactions/{id}/metadata/{key}", this, &A::deleteTransactionMetadata)
        .on("POST", "/v2/{ledger}/transactions/{id}/revert", this, &A::revertTransaction)
        .on("GET", "/v2/{ledger}/volumes", this, &A::volumes);
}

// The ledger's in-memory metrics (v3.0.1 declares a free-form object): the store's counts.
Reply LedgerV2Api::metrics(const Request &) {
    Json::Writer w;
    w.beginObject();
    for (const char *table : {"ledgers", "transactions", "accounts", "logs"}) {
        QSqlQuery q = m_store.query(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table)));
        q.next();
        w.key(QStringLiteral("sandbox.%1").arg(QLatin1String(table)));
        w.value(q.value(0).toLongLong());
    }
    w.endObject();
    return Response::json(w.take());
}

Reply LedgerV2Api::info(const Request &) {
    Json::Writer w;
    w.beginObject();
    w.key("server");
    w.value("formance-sandbox");
    w.key("version");
    w.value(m_version);
    w.key("config");
    w.beginObject();
    w.key("storage");
    w.beginObject();
    w.key("driver");
    w.value("sqlite");
    w.endObject();
    w.endObject();
    w.endObject();
    return Response::json(w.take());
}
} // namespace Formance::Sandbox
