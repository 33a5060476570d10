#include "ConnectorCatalogue.h"
#include "PaymentsApis.h"
#include "PaymentsCommon.h"

#include "ledger/AmountKey.h"

namespace Formance::Sandbox::Payments {

void RouteAdder::operator()(const char *method, const char *path, Handler h) const {
    m_router.add(method, QStringLiteral("/api/payments") + QString::fromLatin1(path), m_guard(std::move(h)));
}

Response createdRow(PaymentsStore &store, const Request &r,
                    const std::function<Expected<QString>(const Json::Value &, const QString &)> &create,
                    const QString &table, const QString &columns,
                    void (*writer)(Json::Writer &, const QSqlQuery &, int)) {
    auto body = objectBody(r);
    if (!body)
        return errorResponse(body.error());
    auto id = create(body.value()->root(), nowTime());
    if (!id)
        return errorResponse(id.error());
    return Response::json(*store.one(table, columns, id.value(), writer));
}

namespace {
Response dataJson(const QByteArray &inner) {
    return Response::json("{\"data\":" + inner + "}");
}
Expected<QString> providerParam(const Request &r) {
    const QString p = r.param(QStringLiteral("connector"));
    if (!ConnectorCatalogue::find(p))
        return LedgerError::validation(QStringLiteral("unknown connector '%1': expected one of %2")
                                           .arg(p, ConnectorCatalogue::names().join(QStringLiteral(", "))));
    return p;
}
} // namespace

void ConnectorsApi::registerRoutes(const RouteAdder &add) {
    add("GET", "/connectors", [this](const Request &) { return list(); });
    add("GET", "/connectors/configs",
        [](const Request &) { return Response::json(ConnectorCatalogue::configsJson()); });
    add("POST", "/connectors/{connector}", [this](const Request &r) { return install(r); });
    add("POST", "/connectors/{connector}/transfers", [this](const Request &r) { return transfer(r); });
    // The deprecated routes act on the provider's only connector; the others name it.
    for (const char *prefix : {"/connectors/{connector}", "/connectors/{connector}/{connectorId}"}) {
        const QByteArray p(prefix);
        add("DELETE", p.constData(),
            [this](const Request &r) { return actOnTarget(r, &ConnectorManager::uninstall); });
        add("GET", (p + "/config").constData(), [this](const Request &r) { return readConfig(r); });
        add("POST", (p + "/reset").constData(),
            [this](const Request &r) { return actOnTarget(r, &ConnectorManager::reset); });
        add("GET", (p + "/tasks").constData(), [this](const Request &r) { return tasks(r); });
        add("GET", (p + "/tasks/{taskId}").constData(), [this](const Request &r) { return task(r); });
    }
    add("POST", "/connectors/{connector}/{connectorId}/config",
        [this](const Request &r) { return updateConfig(r); });
}

Expected<ConnectorInfo> ConnectorsApi::target(const Request &r) {
    auto provider = providerParam(r);
    if (!provider)
        return provider.error();
    if (!r.params.contains(QStringLiteral("connectorId")))
        return m.connectors.only(provider.value());
    const QString id = r.param(QStringLiteral("connectorId"));
    const auto c = m.connectors.connector(id);
    if (!c || c->provider != provider.value())
        return LedgerError::notFound(QStringLiteral("%1 connector '%2' not found").arg(provider.value(), id));
    return *c;
}

Response ConnectorsApi::list() {
    Json::Writer w;
    w.beginObject();
    w.key("data");
    w.beginArray();
    for (const ConnectorInfo &c : m.connectors.connectors()) {
        w.beginObject();
        w.key("provider");
        w.value(c.provider);
        w.key("name");
        w.value(c.name);
        w.key("connectorID");
        w.value(c.id);
        w.key("enabled");
        w.value(true);
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return Response::json(w.take());
}

Response ConnectorsApi::install(const Request &r) {
    auto provider = providerParam(r);
    if (!provider)
        return errorResponse(provider.error());
    auto body = objectBody(r);
    if (!body)
        return errorResponse(body.error());
    auto config =
        ConnectorCatalogue::normalize(*ConnectorCatalogue::find(provider.value()), body.value()->root());
    if (!config)
        return errorResponse(config.error());
    const QString name = body.value()->root()["name"].toString();
    if (m.connectors.nameTaken(name))
        return errorResponse(
            LedgerError::validation(QStringLiteral("a connector named '%1' is installed").arg(name)));
    const ConnectorInfo c = m.connectors.install(provider.value(), config.value());
    Json::Writer w;
    w.beginObject();
    w.key("connectorID");
    w.value(c.id);
    w.endObject();
    Response resp = dataJson(w.take());
    resp.status = 201;
    return resp;
}

Response ConnectorsApi::actOnTarget(const Request &r, void (ConnectorManager::*act)(const QString &)) {
    auto c = target(r);
    if (!c)
        return errorResponse(c.error());
    (m.connectors.*act)(c->id);
    return Response::empty(204);
}

Response ConnectorsApi::readConfig(const Request &r) {
    auto c = target(r);
    if (!c)
        return errorResponse(c.error());
    return dataJson(c->config);
}

Response ConnectorsApi::updateConfig(const Request &r) {
    auto c = target(r);
    if (!c)
        return errorResponse(c.error());
    auto body = objectBody(r);
    if (!body)
        return errorResponse(body.error());
    auto config = ConnectorCatalogue::normalize(*ConnectorCatalogue::find(c->provider), body.value()->root());
    if (!config)
        return errorResponse(config.error());
    const QString name = body.value()->root()["name"].toString();
    if (m.connectors.nameTaken(name, c->id))
        return errorResponse(
            LedgerError::validation(QStringLiteral("a connector named '%1' is installed").arg(name)));
    m.connectors.updateConfig(c->id, config.value());
    return Response::empty(204);
}

Response ConnectorsApi::tasks(const Request &r) {
    auto c = target(r);
    if (!c)
        return errorResponse(c.error());
    auto cursor = listQuery(r, {});
    if (!cursor)
        return errorResponse(cursor.error());
    PageSpec spec;
    spec.from = QStringLiteral("FROM payments_tasks t WHERE t.connector_id = ?");
    spec.binds = {c->id};
    spec.keyExpr = QStringLiteral("t.seq");
    spec.keyIsInt = true;
    spec.columns = PaymentsStore::kTaskColumns;
    return pageResponse(m.store.db(), cursor.value(), spec,
                        [](Json::Writer &w, const QSqlQuery &q) { PaymentsStore::writeTask(w, q, 1); });
}

Response ConnectorsApi::task(const Request &r) {
    auto c = target(r);
    if (!c)
        return errorResponse(c.error());
    const QString id = r.param(QStringLiteral("taskId"));
    QSqlQuery q = m.store.db().query(
        QStringLiteral("SELECT %1 FROM payments_tasks t WHERE t.id = ? AND t.connector_id = ?")
            .arg(PaymentsStore::kTaskColumns),
        {id, c->id});
    if (!q.next())
        return errorResponse(LedgerError::notFound(QStringLiteral("task '%1' not found").arg(id)));
    Json::Writer w;
    PaymentsStore::writeTask(w, q, 0);
    return dataJson(w.take());
}

// The legacy one-shot transfer: a transfer initiation, validated at once, on the provider's
// connector; its id is the initiation's.
Response ConnectorsApi::transfer(const Request &r) {
    auto c = target(r);
    if (!c)
        return errorResponse(c.error());
    auto body = objectBody(r);
    if (!body)
        return errorResponse(body.error());
    const Json::Value v = body.value()->root();
    auto amount = requiredAmount(v, "amount", false);
    auto asset = requiredString(v, "asset");
    auto destination = requiredString(v, "destination");
    auto source = optionalString(v, "source");
    if (const LedgerError *e = firstError(amount, asset, destination, source))
        return errorResponse(*e);
    QString from = source.value().value_or(QString());
    if (from.isEmpty()) {
        QSqlQuery q = m.store.db().query(
            QStringLiteral("SELECT id FROM payments_accounts WHERE connector_id = ? AND type = 'INTERNAL'"
                           " AND default_asset = ? ORDER BY seq LIMIT 1"),
            {c->id, asset.value()});
        if (!q.next())
            return errorResponse(LedgerError::validation(
                QStringLiteral("no account of this connector holds %1: name a source").arg(asset.value())));
        from = q.value(0).toString();
    }
    const QString now = nowTime();
    Json::Writer w;
    w.beginObject();
    for (const auto &[k, val] : std::initializer_list<std::pair<const char *, QString>>{
             {"reference", QStringLiteral("transfer-") + newUuid()},
             {"scheduledAt", now},
             {"description", QStringLiteral("connectors transfer")},
             {"sourceAccountID", from},
             {"destinationAccountID", destination.value()},
             {"connectorID", c->id},
             {"type", QStringLiteral("TRANSFER")},
             {"asset", asset.value()}}) {
        w.key(k);
        w.value(val);
    }
    w.key("amount");
    w.value(amount.value());
    w.key("validated");
    w.value(true);
    w.endObject();
    const auto doc = Json::Document::parse(w.take());
    TransfersApi transfers(m);
    auto id = transfers.create(doc->root(), now);
    if (!id)
        return errorResponse(id.error());
    Json::Writer out;
    out.beginObject();
    out.key("id");
    out.value(id.value());
    out.endObject();
    return Response::json(out.take());
}

} // namespace Formance::Sandbox::Payments
