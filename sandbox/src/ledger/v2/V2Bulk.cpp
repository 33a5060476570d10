#include "LedgerV2Api.h"
#include "V2Support.h"

#include "ledger/AmountKey.h"

#include <QElapsedTimer>
#include <QTimer>

namespace Formance::Sandbox {

using namespace V2;

// --- bulk ---

namespace {
// A bulk runs in slices of at most this long; other requests are served between two slices.
constexpr qint64 kBulkSliceMs = 20;

struct BulkJob {
    QString ledger;
    std::shared_ptr<Json::Document> doc; // keeps the elements' values alive
    std::vector<Json::Value> elements;
    size_t next = 0;
    bool continueOnFailure = false;
    bool failed = false;
    bool v3 = false;        // v3.0.1's bulk answer: each result has its logID, a failure its error
    LedgerError firstError; // the first element that failed
    Json::Writer w;

    bool done() const { return next >= elements.size() || (failed && !continueOnFailure); }
    Response finish() {
        w.endArray();
        if (v3 && failed) { // V2BulkResponse includes V2ErrorResponse in v3.0.1
            w.key("errorCode");
            w.value(firstError.code);
            w.key("errorMessage");
            w.value(firstError.message);
        }
        w.endObject();
        return Response::json(w.take(), failed ? 400 : 200);
    }
};

// The next slice on the next turn of the event loop; pending slices die with `context`.
void runSlices(QObject *context, const std::shared_ptr<BulkJob> &job, const std::function<bool()> &slice,
               const Response::Send &send) {
    QTimer::singleShot(0, context, [context, job, slice, send] {
        if (slice())
            send(job->finish());
        else
            runSlices(context, job, slice, send);
    });
}
} // namespace

// Elements are applied one by one, each in its own SQLite transaction, as ledger v2.1 does: when
// one fails, the elements before it stay written (the answer lists each element's outcome, the
// failed one with its error) and, without continueOnFailure, the ones after it are not tried.
// A long bulk yields to the event loop every kBulkSliceMs, so it never stalls other clients.
Reply LedgerV2Api::bulk(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto l = m_engine.requireLedger(ledger);
    if (!l)
        return l.error();
    auto body = parseBody(r.body, true);
    if (!body)
        return body.error();
    const Json::Value root = body.value()->root();
    if (!root.isArray())
        return LedgerError::validation(QStringLiteral("the bulk body must be an array"));
    auto continueOnFailure = boolParam(r, QStringLiteral("continueOnFailure"));
    if (!continueOnFailure)
        return continueOnFailure.error();
    auto job = std::make_shared<BulkJob>();
    job->ledger = ledger;
    job->doc = body.value();
    for (const Json::Value &e : root.elements())
        job->elements.push_back(e);
    job->continueOnFailure = continueOnFailure.value();
    job->v3 = m_api == ApiGeneration::V3;
    job->w.beginObject();
    job->w.key("data");
    job->w.beginArray();

    // Runs elements for up to one slice; true when the job is done.
    auto slice = [this, job] {
        QElapsedTimer clock;
        clock.start();
        while (!job->done() && clock.elapsed() < kBulkSliceMs)
            if (const size_t i = job->next++;
                !bulkElement(job->ledger, job->elements[i], i, job->continueOnFailure, job->w,
                             job->failed ? nullptr : &job->firstError))
                job->failed = true;
        return job->done();
    };
    if (slice())
        return job->finish();
    Response pending;
    pending.deferred = [this, job, slice](Response::Send send) { runSlices(&m_jobs, job, slice, send); };
    return pending;
}

bool LedgerV2Api::bulkElement(const QString &ledger, const Json::Value &e, size_t index,
                              bool continueOnFailure, Json::Writer &w, LedgerError *failure) {
    bool ok = true;
    const QString action = e["action"].toString();
    const Json::Value data = e["data"];
    // v3.0.1: the id of the log the element wrote (0 for a failed one, which wrote none).
    auto logID = [&](bool written) {
        if (m_api != ApiGeneration::V3)
            return;
        qint64 id = 0;
        if (written) {
            QSqlQuery q =
                m_store.query(QStringLiteral("SELECT MAX(id) FROM logs WHERE ledger = ?"), {ledger});
            id = q.next() ? q.value(0).toLongLong() : 0;
        }
        w.key("logID");
        w.value(id);
    };
    auto fail = [&](const LedgerError &err) {
        ok = false;
        if (failure)
            *failure = err;
        w.beginObject();
        w.key("responseType");
        w.value("ERROR");
        logID(false);
        w.key("errorCode");
        w.value(err.code);
        w.key("errorDescription");
        // Says what became of the rest: the elements before this one stay written.
        w.value(QStringLiteral("%1 (element %2 of the bulk; the elements before it stay written, %3)")
                    .arg(err.message, QString::number(index),
                         continueOnFailure ? QStringLiteral("the ones after it are still applied")
                                           : QStringLiteral("the ones after it are not applied")));
        w.endObject();
    };
    auto target = [&](TargetType &type, QString &id) -> std::optional<LedgerError> {
        const QString tt = data["targetType"].toString();
        if (tt != QLatin1String("TRANSACTION") && tt != QLatin1String("ACCOUNT"))
            return LedgerError::validation(QStringLiteral("targetType must be TRANSACTION or ACCOUNT"));
        type = tt == QLatin1String("TRANSACTION") ? TargetType::Transaction : TargetType::Account;
        const Json::Value t = data["targetId"];
        id = t.isNumber() ? qs(t.numberText()) : t.toString();
        if (id.isEmpty())
            return LedgerError::validation(QStringLiteral("targetId is required"));
        return std::nullopt;
    };
    if (!e.isObject() || !data.isObject()) {
        fail(LedgerError::validation(QStringLiteral("each bulk element needs an action and a data object")));
    } else if (action == QLatin1String("CREATE_TRANSACTION")) {
        auto tx = parsePostTransaction(data);
        auto created =
            tx ? m_engine.createTransaction(ledger, tx.value(), false) : Expected<Transaction>(tx.error());
        if (!created) {
            fail(created.error());
        } else {
            w.beginObject();
            w.key("responseType");
            w.value("CREATE_TRANSACTION");
            logID(true);
            w.key("data");
            w.beginObject();
            PostingEngine::writeTransaction(w, created.value());
            w.endObject();
            w.endObject();
        }
    } else if (action == QLatin1String("ADD_METADATA") || action == QLatin1String("DELETE_METADATA")) {
        TargetType type;
        QString id;
        if (auto err = target(type, id)) {
            fail(*err);
            return ok;
        }
        Expected<bool> done = true;
        if (action == QLatin1String("ADD_METADATA")) {
            auto md = LedgerStore::metadataFrom(data["metadata"], QStringLiteral("metadata"));
            done = md ? m_engine.setMetadata(ledger, type, id, md.value()) : Expected<bool>(md.error());
        } else {
            done = m_engine.deleteMetadata(ledger, type, id, data["key"].toString());
        }
        if (!done) {
            fail(done.error());
        } else {
            w.beginObject();
            w.key("responseType");
            w.value(action);
            logID(true);
            w.endObject();
        }
    } else if (action == QLatin1String("REVERT_TRANSACTION")) {
        const auto id = BigInt::fromString(data["id"].numberText()).value_or(-1).toInt64().value_or(-1);
        auto reverted =
            id < 0 ? Expected<Transaction>(LedgerError::validation(QStringLiteral("id must be an integer")))
                   : m_engine.revert(ledger, id, data["force"].toBool(), data["atEffectiveDate"].toBool());
        if (!reverted) {
            fail(reverted.error());
        } else {
            w.beginObject();
            w.key("responseType");
            w.value("REVERT_TRANSACTION");
            logID(true);
            w.key("data");
            w.beginObject();
            PostingEngine::writeTransaction(w, reverted.value());
            w.endObject();
            w.endObject();
        }
    } else {
        fail(LedgerError::validation(QStringLiteral("unknown bulk action '%1'").arg(action.left(100))));
    }
    return ok;
}

} // namespace Formance::Sandbox
