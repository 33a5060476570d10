#include "ConnectorCatalogue.h"
#include "PaymentsApis.h"
#include "PaymentsCommon.h"

#include "ledger/AmountKey.h"

namespace Formance::Sandbox::Payments {

Reply createdRow(PaymentsStore &store, const Request &r,
                 const std::function<Expected<QString>(const Json::Value &, const QString &)> &create,
                 const QString &table, const QString &columns,
                 void (*writer)(Json::Writer &, const QSqlQuery &, int)) {
    auto body = objectBody(r);
    if (!body)
        return body.error();
    auto id = create(body.value()->root(), nowTime());
    if (!id)
        return id.error();
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

void ConnectorsApi::registerRoutes(Routes &routes) {
    routes.on("GET", "/connectors", [this](const Request &) { return list(); });
    routes.on("GET", "/connectors/configs",
              [](const Request &) { return Response::json(ConnectorCatalogue::configsJson()); });
    routes.on("POST", "/connectors/{connector}", [this](const Request &r) { return install(r); });
    routes.on("POST", "/connectors/{connector}/transfers", [this](const Request &r) { return transfer(r); });
    // The deprecated routes act on the provider's only connector; the others name it.
    for (const char *prefix : {"/connectors/{connector}", "/connectors/{connector}/{connectorId}"}) {
        const QByteArray p(prefix);
        routes.on("DELETE", p.constData(),
                  [this](const Request &r) { return actOnTarget(r, &ConnectorManager::uninstall); });
        routes.on("GET", (p + "/config").constData(), [this](const Request &r) { return readConfig(r); });
        routes.on("POST", (p + "/reset").constData(),
                  [this](const Request &r) { return actOnTarget(r, &ConnectorManager::reset); });
        routes.on("GET", (p + "/tasks").constData(), [this](const Request &r) { return tasks(r); });
        routes.on("GET", (p + "/tasks/{taskId}").constData(), [this](const Request &r) { return task(r); });
    }
    routes.on("POST", "/connectors/{connector}/{connectorId}/config",
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

Reply ConnectorsApi::list() {
    return dataResponse([&](Json::Writer &w) {
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
    });
}

Reply ConnectorsApi::install(const Request &r) {
    auto provider = providerParam(r);
    if (!provider)
        return provider.error();
    auto body = objectBody(r);
    if (!body)
        return body.error();
    auto config =
        ConnectorCatalogue::normalize(*ConnectorCatalogue::find(provider.value()), body.value()->root());
    if (!config)
        return config.error();
    const QString name = body.value()->root()["name"].toString();
    if (m.connectors.nameTaken(name))
        return LedgerError::validation(QStringLiteral("a connector named '%1' is installed").arg(name));
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

Reply ConnectorsApi::actOnTarget(const Request &r, void (ConnectorManager::*act)(const QString &)) {
    auto c = target(r);
    if (!c)
        return c.error();
    (m.connectors.*act)(c->id);
    return Response::empty(204);
}

Reply ConnectorsApi::readConfig(const Request &r) {
    auto c = target(r);
    if (!c)
        return c.error();
    return dataJson(c->config);
}

Reply ConnectorsApi::updateConfig(const Request &r) {
    auto c = target(r);
    if (!c)
        return c.error();
    auto body = objectBody(r);
    if (!body)
        return body.error();
    auto config = ConnectorCatalogue::normalize(*ConnectorCatalogue::find(c->provider), body.value()->root());
    if (!config)
        return config.error();
    const QString name = body.value()->root()["name"].toString();
    if (m.connectors.nameTaken(name, c->id))
        return LedgerError::validation(QStringLiteral("a connector named '%1' is installed").arg(name));
    m.connectors.updateConfig(c->id, config.value());
    return Response::empty(204);
}

Reply ConnectorsApi::tasks(const Request &r) {
    auto c = target(r);
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
    spec.columns = PaymentsStore::kTaskColumns;
    return pageResponse(m.store.db(), cursor.value(), spec,
                        [](Json::Writer &w, const QSqlQuery &q) { PaymentsStore::writeTask(w, q, 1); });
}

Reply ConnectorsApi::task(const Request &r) {
    auto c = target(r);
    if (!c)
        return c.error();
    const QString id = r.param(QStringLiteral("taskId"));
    QSqlQuery q = m.store.db().query(
        QStringLiteral("SELECT %1 FROM payments_tasks t WHERE t.id = ? AND t.connector_id = ?")
            .arg(PaymentsStore::kTaskColumns),
        {id, c->id});
    if (!q.next())
        return LedgerError::notFound(QStringLiteral("task '%1' not found").arg(id));
    Json::Writer w;
    PaymentsStore::writeTask(w, q, 0);
    return dataJson(w.take());
}

// The legacy one-shot transfer: a transfer initiation, validated at once, on the provider's
// connector; its id is the initiation's.
Reply ConnectorsApi::transfer(const Request &r) {
    auto c = target(r);
    if (!c)
        return c.error();
    auto body = objectBody(r);
    if (!body)
        return body.error();
    const Json::Value v = body.value()->root();
    auto amount = requiredAmount(v, "amount", false);
    auto asset = requiredString(v, "asset");
    auto destination = requiredString(v, "destination");
    auto source = optionalString(v, "source");
    if (const LedgerError *e = firstError(amount, asset, destination, source))
        return *e;
    QString from = source.value().value_or(QString());
    if (from.isEmpty()) {
        QSqlQuery q = m.store.db().query(
            QStringLiteral("SELECT id FROM payments_accounts WHERE connector_id = ? AND type = 'INTERNAL'"
                           " AND default_asset = ? ORDER BY seq LIMIT 1"),
            {c->id, asset.value()});
        if (!q.next())
            return LedgerError::validation(
                QStringLiteral("no account of this connector holds %1: name a source").arg(asset.value()));
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
        return id.error();
    Json::Writer out;
    out.beginObject();
    out.key("id");
    out.value(id.value());
    out.endObject();
    return Response::json(out.take());
}

} // namespace Formance::Sandbox::Payments
