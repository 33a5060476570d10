// The payments v3 operations that are more than a v1 answer renamed: connectors and their
// schedules in v3's shapes, the creations v3 words differently, and the asynchronous operations
// (uninstall, reset, bank account forwarding, approve, retry, reverse, initiation without
// validation), which act at once on the shared store and answer a v3 task that v3GetTask shows
// PROCESSING, then SUCCEEDED or FAILED on the server's next event loop turn.
#include "ConnectorCatalogue.h"
#include "PaymentsCommon.h"
#include "PaymentsV3Api.h"

#include "ledger/AmountKey.h"

#include <QTimer>
#include <QUrl>

namespace Formance::Sandbox::Payments {

namespace {

QString enc(const QString &id) {
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

Response data(const std::function<void(Json::Writer &)> &write, int status) {
    return dataResponse(write, status);
}

// {"data": {"taskID": id}}, 202: what most of v3's asynchronous operations answer.
Response taskAnswer(const QString &taskId) {
    return data(
        [&](Json::Writer &w) {
            w.beginObject();
            w.key("taskID");
            w.value(taskId);
            w.endObject();
        },
        202);
}

// The reference a payments id encodes (base64url of {"Provider":..,"Reference":..}).
QString referenceOf(const QString &id) {
    const QByteArray json =
        QByteArray::fromBase64(id.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const auto doc = Json::Document::parse(json);
    return doc && doc->root()["Reference"].isString() ? doc->root()["Reference"].toString() : id;
}

// v3 names its providers in lower case without separators ("dummypay"); v1 as its enum does.
const ProviderSpec *providerNamed(const QString &name) {
    if (const ProviderSpec *spec = ConnectorCatalogue::find(name))
        return spec;
    auto bare = [](QString s) { return s.remove(QLatin1Char('-')).remove(QLatin1Char('_')).toLower(); };
    for (const ProviderSpec &spec : ConnectorCatalogue::providers())
        if (bare(spec.provider) == bare(name))
            return &spec;
    return nullptr;
}

// v3's configs name the polling period `pollingPeriod`; the catalogue names each provider's own.
QByteArray v1Config(const ProviderSpec &spec, const Json::Value &body) {
    Json::Writer w;
    w.beginObject();
    const bool rename = QByteArray(spec.periodField) != "pollingPeriod" && !body[spec.periodField].isValid();
    for (const auto &[key, value] : body.members()) {
        w.key(rename && key == "pollingPeriod" ? std::string_view(spec.periodField) : key);
        w.rawJson(value.toJson());
    }
    w.endObject();
    return w.take();
}

// v1's transfer initiation states in v3's words (as PaymentsV3Api's initiation shape says them).
QString v3InitiationStatus(const QString &v1) {
    static const QHash<QString, QString> map{
        {QStringLiteral("VALIDATED"), QStringLiteral("PROCESSING")},
        {QStringLiteral("ASK_RETRIED"), QStringLiteral("PROCESSING")},
        {QStringLiteral("ASK_REVERSED"), QStringLiteral("REVERSE_PROCESSING")},
        {QStringLiteral("PARTIALLY_REVERSED"), QStringLiteral("PROCESSED")}};
    return map.value(v1, v1);
}

void writeSchedule(Json::Writer &w, const QSqlQuery &q, int f) {
    w.beginObject();
    w.key("id");
    w.value(q.value(f).toString());
    w.key("connectorID");
    w.value(q.value(f + 1).toString());
    w.key("createdAt");
    w.value(q.value(f + 2).toString());
    w.endObject();
}
const QString kScheduleColumns =
    QStringLiteral("t.id, t.connector_id, t.created_at, t.updated_at, t.status, t.error");

} // namespace

void PaymentsV3Api::registerOperations(Routes &routes) {
    auto add = [&](const char *method, const char *path, Reply (PaymentsV3Api::*fn)(const Request &)) {
        on(routes, method, path, [this, fn](const Request &r) { return (this->*fn)(r); });
    };
    add("GET", "/v3/connectors", &PaymentsV3Api::listConnectors);
    add("POST", "/v3/connectors/install/{connector}", &PaymentsV3Api::install);
    add("DELETE", "/v3/connectors/{connectorID}", &PaymentsV3Api::uninstall);
    add("GET", "/v3/connectors/{connectorID}/config", &PaymentsV3Api::config);
    add("POST", "/v3/connectors/{connectorID}/reset", &PaymentsV3Api::reset);
    add("GET", "/v3/connectors/{connectorID}/schedules", &PaymentsV3Api::schedules);
    add("GET", "/v3/connectors/{connectorID}/schedules/{scheduleID}", &PaymentsV3Api::schedule);
    add("GET", "/v3/connectors/{connectorID}/schedules/{scheduleID}/instances", &PaymentsV3Api::instances);
    add("POST", "/v3/payments", &PaymentsV3Api::createPayment);
    add("POST", "/v3/bank-accounts", &PaymentsV3Api::createBankAccount);
    add("POST", "/v3/bank-accounts/{bankAccountID}/forward", &PaymentsV3Api::forwardBankAccount);
    add("POST", "/v3/payment-initiations", &PaymentsV3Api::initiate);
    on(routes, "POST", "/v3/payment-initiations/{paymentInitiationID}/approve",
       [this](const Request &r) { return viaV1WithTask(r, "/status", R"({"status":"VALIDATED"})"); });
    on(routes, "POST", "/v3/payment-initiations/{paymentInitiationID}/retry",
       [this](const Request &r) { return viaV1WithTask(r, "/retry", {}); });
    add("POST", "/v3/payment-initiations/{paymentInitiationID}/reverse", &PaymentsV3Api::reverse);
    add("GET", "/v3/payment-initiations/{paymentInitiationID}/adjustments", &PaymentsV3Api::adjustments);
    add("GET", "/v3/payment-initiations/{paymentInitiationID}/payments", &PaymentsV3Api::relatedPayments);
    add("GET", "/v3/tasks/{taskID}", &PaymentsV3Api::task);
}

// --- tasks ---

QString PaymentsV3Api::startTask(const QString &connectorId, Outcome outcome) {
    const QString now = nowTime();
    const QString id =
        encodeId({{QStringLiteral("Reference"), newUuid()}, {QStringLiteral("ConnectorID"), connectorId}});
    m.store.db().query(
        QStringLiteral("INSERT INTO payments_v3_tasks(id, connector_id, status, created_object_id, error,"
                       " created_at, updated_at) VALUES (?,?,'PROCESSING','','',?,?)"),
        {id, connectorId, now, now});
    // Queued after what the operation itself queued (ConnectorManager::kick): the outcome reads
    // the state the connector left.
    QTimer::singleShot(0, &m.connectors, [this, id, outcome = std::move(outcome)] {
        const auto [object, error] = outcome ? outcome() : std::pair<QString, QString>{};
        m.store.db().query(QStringLiteral("UPDATE payments_v3_tasks SET status = ?, created_object_id = ?,"
                                          " error = ?, updated_at = ? WHERE id = ?"),
                           {error.isEmpty() ? QStringLiteral("SUCCEEDED") : QStringLiteral("FAILED"), object,
                            error, nowTime(), id});
    });
    return id;
}

Reply PaymentsV3Api::task(const Request &r) {
    const QString id = r.param(QStringLiteral("taskID"));
    QSqlQuery q = m.store.db().query(
        QStringLiteral("SELECT id, status, created_at, updated_at, connector_id, created_object_id, error"
                       " FROM payments_v3_tasks WHERE id = ?"),
        {id});
    if (!q.next())
        return LedgerError::notFound(QStringLiteral("task '%1' not found").arg(id));
    return data(
        [&](Json::Writer &w) {
            w.beginObject();
            const char *keys[] = {"id",          "status",          "createdAt", "updatedAt",
                                  "connectorID", "createdObjectID", "error"};
            for (int i = 0; i < 7; ++i) {
                const QString v = q.value(i).toString();
                if (i >= 4 && v.isEmpty())
                    continue; // optional: absent rather than empty
                w.key(keys[i]);
                w.value(v);
            }
            w.endObject();
        },
        200);
}

// --- connectors ---

Expected<ConnectorInfo> PaymentsV3Api::pathConnector(const Request &r) {
    const QString id = r.param(QStringLiteral("connectorID"));
    const auto c = m.connectors.connector(id);
    if (!c)
        return LedgerError::notFound(QStringLiteral("connector '%1' not found").arg(id));
    return *c;
}

Reply PaymentsV3Api::listConnectors(const Request &r) {
    auto cursor = listQuery(r, {});
    if (!cursor)
        return cursor.error();
    PageSpec spec;
    spec.from = QStringLiteral("FROM payments_connectors t");
    spec.keyExpr = QStringLiteral("t.seq");
    spec.keyIsInt = true;
    spec.columns = QStringLiteral("t.id, t.name, t.created_at, t.provider, t.config");
    return pageResponse(m.store.db(), cursor.value(), spec, [](Json::Writer &w, const QSqlQuery &q) {
        w.beginObject();
        const QString id = q.value(1).toString();
        for (const auto &[key, value] :
             std::initializer_list<std::pair<const char *, QString>>{{"id", id},
                                                                     {"reference", referenceOf(id)},
                                                                     {"name", q.value(2).toString()},
                                                                     {"createdAt", q.value(3).toString()},
                                                                     {"provider", q.value(4).toString()}}) {
            w.key(key);
            w.value(value);
        }
        w.key("scheduledForDeletion");
        w.value(false); // uninstalling removes it at once
        w.key("config");
        writeRawJson(w, q.value(5).toString(), "{}");
        w.endObject();
    });
}

Reply PaymentsV3Api::install(const Request &r) {
    const QString name = r.param(QStringLiteral("connector"));
    const ProviderSpec *spec = providerNamed(name);
    if (!spec)
        return LedgerError::validation(
            QStringLiteral("unknown connector '%1': expected one of %2")
                .arg(name, ConnectorCatalogue::names().join(QStringLiteral(", "))));
    auto body = objectBody(r);
    if (!body)
        return body.error();
    const auto renamed = Json::Document::parse(v1Config(*spec, body.value()->root()));
    auto config = ConnectorCatalogue::normalize(*spec, renamed->root());
    if (!config)
        return config.error();
    const QString connectorName = renamed->root()["name"].toString();
    if (m.connectors.nameTaken(connectorName))
        return LedgerError::validation(
            QStringLiteral("a connector named '%1' is installed").arg(connectorName));
    const ConnectorInfo c = m.connectors.install(spec->provider, config.value());
    return data([&](Json::Writer &w) { w.value(c.id); }, 202);
}

Reply PaymentsV3Api::uninstall(const Request &r) {
    auto c = pathConnector(r);
    if (!c)
        return c.error();
    m.connectors.uninstall(c->id);
    return taskAnswer(startTask(c->id, {}));
}

Reply PaymentsV3Api::config(const Request &r) {
    auto c = pathConnector(r);
    if (!c)
        return c.error();
    return data([&](Json::Writer &w) { w.rawJson(c->config); }, 200);
}

Reply PaymentsV3Api::reset(const Request &r) {
    auto c = pathConnector(r);
    if (!c)
        return c.error();
    m.connectors.reset(c->id);
    const QString task = startTask(c->id, {});
    return data([&](Json::Writer &w) { w.value(task); }, 202);
}

// A connector's schedules are its polling tasks (fetch accounts, payments ...); each has run as
// one instance, its last round.
Reply PaymentsV3Api::schedules(const Request &r) {
    auto c = pathConnector(r);
    if (!c)
        return c.error();
    auto cursor = listQuery(r, {});
    if (!cursor)
        return cursor.error();
    PageSpec spec;
    spec.from = QStringLiteral("FROM payments_tasks t WHERE t.connector_id = ?");
    spec.binds = {c->id};
    spec.keyExpr = QStringLiteral("t.seq");
    spec.keyIsInt = true;
    spec.columns = kScheduleColumns;
    return pageResponse(m.store.db(), cursor.value(), spec,
                        [](Json::Writer &w, const QSqlQuery &q) { writeSchedule(w, q, 1); });
}

Reply PaymentsV3Api::schedule(const Request &r) {
    auto c = pathConnector(r);
    if (!c)
        return c.error();
    const QString id = r.param(QStringLiteral("scheduleID"));
    QSqlQuery q = m.store.db().query(
        QStringLiteral("SELECT %1 FROM payments_tasks t WHERE t.id = ? AND t.connector_id = ?")
            .arg(kScheduleColumns),
        {id, c->id});
    if (!q.next())
        return LedgerError::notFound(QStringLiteral("schedule '%1' not found").arg(id));
    return data([&](Json::Writer &w) { writeSchedule(w, q, 0); }, 200);
}

Reply PaymentsV3Api::instances(const Request &r) {
    auto c = pathConnector(r);
    if (!c)
        return c.error();
    auto cursor = listQuery(r, {});
    if (!cursor)
        return cursor.error();
    const QString id = r.param(QStringLiteral("scheduleID"));
    QSqlQuery q = m.store.db().query(
        QStringLiteral("SELECT %1 FROM payments_tasks t WHERE t.id = ? AND t.connector_id = ?")
            .arg(kScheduleColumns),
        {id, c->id});
    if (!q.next())
        return LedgerError::notFound(QStringLiteral("schedule '%1' not found").arg(id));
    Json::Writer w;
    w.beginObject();
    const QString updated = q.value(3).toString();
    const QString error = q.value(5).toString();
    for (const auto &[key, value] : std::initializer_list<std::pair<const char *, QString>>{
             {"id", uuidFor(id + QLatin1Char('/') + updated)},
             {"connectorID", c->id},
             {"scheduleID", id},
             {"createdAt", updated},
             {"updatedAt", updated},
             {"udpatedAt", updated}}) { // sic: the name v3.0.1 requires
        w.key(key);
        w.value(value);
    }
    w.key("terminated");
    w.value(true);
    w.key("terminatedAt");
    w.value(updated);
    if (!error.isEmpty()) {
        w.key("error");
        w.value(error);
    }
    w.endObject();
    return offsetPageResponse(cursor.value(), {w.take()});
}

// --- creations ---

// v3 gives a payment its initial amount and its history (adjustments; the last one's status is
// the payment's), has no status field, and leaves the scheme free.
Reply PaymentsV3Api::createPayment(const Request &r) {
    auto body = objectBody(r);
    if (!body)
        return body.error();
    const Json::Value v = body.value()->root();
    auto reference = requiredString(v, "reference");
    auto connectorId = requiredString(v, "connectorID");
    auto createdAt = requiredTime(v, "createdAt");
    auto type = requiredEnum(v, "type",
                             {QStringLiteral("UNKNOWN"), QStringLiteral("PAY-IN"), QStringLiteral("PAYOUT"),
                              QStringLiteral("TRANSFER"), QStringLiteral("OTHER")});
    auto initialAmount = requiredAmount(v, "initialAmount", true);
    auto amount = requiredAmount(v, "amount", true);
    auto asset = requiredString(v, "asset");
    auto scheme = requiredString(v, "scheme");
    auto source = optionalString(v, "sourceAccountID");
    auto destination = optionalString(v, "destinationAccountID");
    auto metadata = optionalMetadata(v, "metadata");
    if (const LedgerError *e = firstError(reference, connectorId, createdAt, type, initialAmount, amount,
                                          asset, scheme, source, destination, metadata))
        return *e;
    if (!validAsset(asset.value()))
        return LedgerError::validation(QStringLiteral("'asset' must look like EUR/2"));
    QString status = QStringLiteral("PENDING");
    if (v["adjustments"].isValid() && !v["adjustments"].isNull()) {
        if (!v["adjustments"].isArray())
            return LedgerError::validation(QStringLiteral("'adjustments' must be an array"));
        for (const Json::Value &a : v["adjustments"].elements()) {
            auto s = requiredString(a, "status");
            if (!s)
                return s.error();
            status = s.value();
        }
    }
    auto connector = m.connectors.installed(connectorId.value());
    if (!connector)
        return connector.error();
    for (const auto &account : {source.value(), destination.value()})
        if (account && !account->isEmpty() && !m.store.accountExists(*account))
            return LedgerError::validation(QStringLiteral("account '%1' does not exist").arg(*account));
    PaymentRow p;
    p.id = PaymentsStore::paymentId(reference.value(), type.value(), connector->id);
    if (m.store.paymentExists(p.id))
        return LedgerError::validation(
            QStringLiteral("a %1 payment with reference '%2' exists on this connector")
                .arg(type.value(), reference.value()));
    p.connectorId = connector->id;
    p.provider = connector->provider;
    p.reference = reference.value();
    p.type = type.value();
    p.status = status;
    p.initialAmount = initialAmount.value();
    p.amount = amount.value();
    p.scheme = scheme.value();
    p.asset = asset.value();
    p.createdAt = createdAt.value();
    p.sourceAccountId = source.value().value_or(QString());
    p.destinationAccountId = destination.value().value_or(QString());
    p.metadata = metadata.value();
    p.raw = "{}";
    m.store.insertPayment(p);
    Response read = v1("GET", QStringLiteral("/payments/") + enc(p.id));
    const auto shaped = rewrite(read.body, Shape{{}, {{"adjustments"}}});
    if (read.status != 200 || !shaped)
        return LedgerError::internal(QStringLiteral("the payment created cannot be read back"));
    return Response::json(*shaped, 201);
}

// A v3 bank account belongs to no connector until it is forwarded to one.
Reply PaymentsV3Api::createBankAccount(const Request &r) {
    auto body = objectBody(r);
    if (!body)
        return body.error();
    const Json::Value v = body.value()->root();
    auto name = requiredString(v, "name");
    auto country = optionalString(v, "country");
    auto number = optionalString(v, "accountNumber");
    auto iban = optionalString(v, "iban");
    auto swift = optionalString(v, "swiftBicCode");
    auto metadata = optionalMetadata(v, "metadata");
    if (const LedgerError *e = firstError(name, country, number, iban, swift, metadata))
        return *e;
    const QString accountNumber = number.value().value_or(QString());
    const QString ibanText = iban.value().value_or(QString()).remove(QLatin1Char(' '));
    if (accountNumber.isEmpty() && ibanText.isEmpty())
        return LedgerError::validation(QStringLiteral("a bank account needs an accountNumber or an iban"));
    if (!ibanText.isEmpty() && (ibanText.size() < 15 || ibanText.size() > 34 || !ibanText.at(0).isLetter() ||
                                !ibanText.at(1).isLetter()))
        return LedgerError::validation(QStringLiteral("'iban' is not an IBAN"));
    const QString id = newUuid();
    m.store.db().query(
        QStringLiteral("INSERT INTO payments_bank_accounts(id, name, created_at, country, connector_id,"
                       " account_number, iban, swift_bic_code, metadata, related)"
                       " VALUES (?,?,?,?,'',?,?,?,?,'[]')"),
        {id, name.value(), nowTime(), country.value().value_or(QString()), accountNumber, ibanText,
         swift.value().value_or(QString()), QString::fromUtf8(LedgerStore::metadataJson(metadata.value()))});
    return data([&](Json::Writer &w) { w.value(id); }, 201);
}

Reply PaymentsV3Api::forwardBankAccount(const Request &r) {
    const QString id = r.param(QStringLiteral("bankAccountID"));
    auto body = objectBody(r);
    if (!body)
        return body.error();
    auto connectorId = requiredString(body.value()->root(), "connectorID");
    if (!connectorId)
        return connectorId.error();
    BankAccountsApi bankAccounts(m);
    m.store.db().begin();
    auto done = bankAccounts.forward(id, connectorId.value(), nowTime());
    if (!done) {
        m.store.db().rollback();
        return done.error();
    }
    m.store.db().commit();
    const QString account = PaymentsStore::accountId(id, connectorId.value());
    return taskAnswer(startTask(connectorId.value(), [account] { return std::pair{account, QString()}; }));
}

// --- payment initiations ---

// v1's transfer initiation, with `validated` from noValidation: without validation the connector
// takes it at once, followed by a task.
Reply PaymentsV3Api::initiate(const Request &r) {
    auto body = objectBody(r);
    if (!body)
        return body.error();
    auto noValidation = boolParam(r, QStringLiteral("noValidation"), false);
    if (!noValidation)
        return noValidation.error();
    Json::Writer w;
    w.beginObject();
    for (const auto &[key, value] : body.value()->root().members()) {
        if (key == "validated")
            continue;
        w.key(key);
        w.rawJson(value.toJson());
    }
    w.key("validated");
    w.value(noValidation.value());
    w.endObject();
    const auto v1Body = Json::Document::parse(w.take());
    TransfersApi transfers(m);
    auto id = transfers.create(v1Body->root(), nowTime());
    if (!id)
        return id.error();
    QString task;
    if (noValidation.value()) {
        const QString initiation = id.value();
        task = startTask(m.transfers.get(initiation)->connectorId, [this, initiation] {
            const auto t = m.transfers.get(initiation);
            return std::pair{QString(), t && t->status == QLatin1String("FAILED") ? t->error : QString()};
        });
    }
    return data(
        [&](Json::Writer &out) {
            out.beginObject();
            out.key("paymentInitiationID");
            out.value(id.value());
            if (!task.isEmpty()) {
                out.key("taskID");
                out.value(task);
            }
            out.endObject();
        },
        202);
}

Reply PaymentsV3Api::viaV1WithTask(const Request &r, const char *v1Suffix, const QByteArray &body) {
    const QString id = r.param(QStringLiteral("paymentInitiationID"));
    Response answer =
        v1("POST", QStringLiteral("/transfer-initiations/%1%2").arg(enc(id), QLatin1String(v1Suffix)), body);
    if (answer.status >= 300)
        return answer;
    const QString connectorId = m.transfers.get(id)->connectorId;
    // Done once the connector took the initiation up: the payment it made, or why it failed.
    const QString task = startTask(connectorId, [this, id] {
        const auto t = m.transfers.get(id);
        if (!t)
            return std::pair{QString(), QStringLiteral("the payment initiation was deleted")};
        if (t->status == QLatin1String("FAILED"))
            return std::pair{QString(), t->error.isEmpty() ? QStringLiteral("failed") : t->error};
        const auto related = Json::Document::parse(t->relatedPayments.toUtf8());
        QString payment;
        if (related && related->root().isArray())
            for (const Json::Value &p : related->root().elements())
                payment = p["paymentID"].toString();
        return std::pair{payment, QString()};
    });
    return taskAnswer(task);
}

Reply PaymentsV3Api::reverse(const Request &r) {
    const QString id = r.param(QStringLiteral("paymentInitiationID"));
    Response answer = v1("POST", QStringLiteral("/transfer-initiations/%1/reverse").arg(enc(id)), r.body);
    if (answer.status >= 300)
        return answer;
    const auto t = m.transfers.get(id);
    // The reversal is the adjustment v1 recorded last.
    QString reversal;
    QSqlQuery q = m.store.db().query(
        QStringLiteral("SELECT related_adjustments FROM payments_transfers WHERE id = ?"), {id});
    if (q.next())
        if (const auto doc = Json::Document::parse(q.value(0).toString().toUtf8());
            doc && doc->root().isArray())
            for (const Json::Value &a : doc->root().elements())
                reversal = a["adjustmentID"].toString();
    const QString task = startTask(t->connectorId, [id] { return std::pair{id, QString()}; });
    return data(
        [&](Json::Writer &w) {
            w.beginObject();
            w.key("taskID");
            w.value(task);
            w.key("paymentInitiationReversalID");
            w.value(reversal);
            w.endObject();
        },
        202);
}

// v1 keeps an initiation's history (relatedAdjustments) and payments (relatedPayments) on it.
Reply PaymentsV3Api::adjustments(const Request &r) {
    const QString id = r.param(QStringLiteral("paymentInitiationID"));
    auto cursor = listQuery(r, {});
    if (!cursor)
        return cursor.error();
    Response answer = v1("GET", QStringLiteral("/transfer-initiations/%1").arg(enc(id)));
    if (answer.status >= 300)
        return answer;
    const auto doc = Json::Document::parse(answer.body);
    const Json::Value t = doc->root()["data"];
    QList<QByteArray> items;
    for (const Json::Value &a : t["relatedAdjustments"].elements()) {
        Json::Writer w;
        w.beginObject();
        w.key("id");
        w.value(a["adjustmentID"].toString());
        w.key("createdAt");
        w.value(a["createdAt"].toString());
        w.key("status");
        w.value(v3InitiationStatus(a["status"].toString()));
        w.key("amount");
        w.rawJson(t["amount"].toJson());
        w.key("asset");
        w.value(t["asset"].toString());
        if (!a["error"].toString().isEmpty()) {
            w.key("error");
            w.value(a["error"].toString());
        }
        w.key("metadata");
        w.rawJson(a["metadata"].isObject() ? a["metadata"].toJson() : QByteArray("{}"));
        w.endObject();
        items.prepend(w.take()); // newest first
    }
    return offsetPageResponse(cursor.value(), items);
}

Reply PaymentsV3Api::relatedPayments(const Request &r) {
    const QString id = r.param(QStringLiteral("paymentInitiationID"));
    auto cursor = listQuery(r, {});
    if (!cursor)
        return cursor.error();
    Response answer = v1("GET", QStringLiteral("/transfer-initiations/%1").arg(enc(id)));
    if (answer.status >= 300)
        return answer;
    const auto doc = Json::Document::parse(answer.body);
    QList<QByteArray> items;
    for (const Json::Value &p : doc->root()["data"]["relatedPayments"].elements()) {
        Response payment = v1("GET", QStringLiteral("/payments/") + enc(p["paymentID"].toString()));
        if (payment.status != 200)
            continue; // gone with a reset of its connector
        const auto shaped = rewrite(payment.body, Shape{{}, {{"adjustments"}}});
        const auto one = shaped ? Json::Document::parse(*shaped) : std::nullopt;
        if (one)
            items.append(one->root()["data"].toJson());
    }
    return offsetPageResponse(cursor.value(), items);
}

} // namespace Formance::Sandbox::Payments
