#include "ConnectorManager.h"

#include "ConnectorCatalogue.h"
#include "PaymentsCommon.h"

#include "ledger/AmountKey.h"

namespace Formance::Sandbox::Payments {

namespace {
struct TaskKind {
    const char *key;
    const char *name;
};
// What a DUMMY-PAY connector fetches, each a task.
constexpr TaskKind kDemoTasks[] = {{"fetch-accounts", "Fetch accounts"},
                                   {"fetch-balances", "Fetch balances"},
                                   {"fetch-payments", "Fetch payments"},
                                   {"read-files", "Read payment files"},
                                   {"initiate-transfers", "Initiate transfers"}};
constexpr qint64 kMinPeriodMs = 50;
} // namespace

ConnectorManager::ConnectorManager(PaymentsStore &store, TransferBook &transfers)
    : m_store(store)
    , m_transfers(transfers) {
    // With a data directory, installed connectors resume polling when the sandbox restarts.
    for (const ConnectorInfo &c : connectors())
        start(c);
}

ConnectorManager::~ConnectorManager() = default;

QString ConnectorManager::unreachableError(const QString &provider) {
    return QStringLiteral("%1 cannot be reached from the sandbox: only DUMMY-PAY connectors run here")
        .arg(provider);
}

std::optional<ConnectorInfo> ConnectorManager::connector(const QString &id) {
    QSqlQuery q = m_store.db().query(
        QStringLiteral("SELECT id, provider, name, config, tick FROM payments_connectors WHERE id = ?"),
        {id});
    if (!q.next())
        return std::nullopt;
    return ConnectorInfo{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                         q.value(3).toString().toUtf8(), q.value(4).toLongLong()};
}

Expected<ConnectorInfo> ConnectorManager::installed(const QString &id) {
    auto c = connector(id);
    if (!c)
        return LedgerError::validation(QStringLiteral("connector '%1' is not installed").arg(id));
    return *c;
}

QList<ConnectorInfo> ConnectorManager::connectors(const QString &provider) {
    QSqlQuery q = m_store.db().query(
        QStringLiteral(
            "SELECT id, provider, name, config, tick FROM payments_connectors WHERE ? = '' OR provider = ?"
            " ORDER BY seq"),
        {provider.isNull() ? QStringLiteral("") : provider, provider}); // a null QString binds NULL
    QList<ConnectorInfo> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                    q.value(3).toString().toUtf8(), q.value(4).toLongLong()});
    return out;
}

bool ConnectorManager::nameTaken(const QString &name, const QString &exceptId) {
    return m_store.db()
        .query(QStringLiteral("SELECT 1 FROM payments_connectors WHERE name = ? AND id <> ?"),
               {name, exceptId.isNull() ? QStringLiteral("") : exceptId})
        .next();
}

Expected<ConnectorInfo> ConnectorManager::only(const QString &provider) {
    const QList<ConnectorInfo> list = connectors(provider);
    if (list.isEmpty())
        return LedgerError::notFound(QStringLiteral("no %1 connector is installed").arg(provider));
    if (list.size() > 1)
        return LedgerError::validation(
            QStringLiteral("%1 %2 connectors are installed: use the routes with a connectorId")
                .arg(list.size())
                .arg(provider));
    return list.first();
}

QString ConnectorManager::configString(const QByteArray &config, const char *field) {
    const auto doc = Json::Document::parse(config);
    return doc ? doc->root()[field].toString() : QString();
}

qint64 ConnectorManager::configInt(const QByteArray &config, const char *field, qint64 fallback) {
    const auto doc = Json::Document::parse(config);
    if (!doc || !doc->root()[field].isNumber())
        return fallback;
    return BigInt::fromString(doc->root()[field].numberText())->toInt64().value_or(fallback);
}

ConnectorInfo ConnectorManager::install(const QString &provider, const QByteArray &config,
                                        const QString &reference, const QDateTime &historyEnd) {
    ConnectorInfo c;
    c.provider = provider;
    c.config = config;
    c.name = configString(config, "name");
    c.id = encodeId({{QStringLiteral("Provider"), provider},
                     {QStringLiteral("Reference"), reference.isEmpty() ? newUuid() : reference}});
    m_store.db().begin();
    m_store.db().query(
        QStringLiteral("INSERT INTO payments_connectors(id, provider, name, config, created_at, tick)"
                       " VALUES (?,?,?,?,?,0)"),
        {c.id, provider, c.name, QString::fromUtf8(config), nowTime()});
    prepare(c, historyEnd);
    m_store.db().commit();
    start(c);
    return c;
}

// Tasks, and for DUMMY-PAY the history a fresh install finds at the provider.
void ConnectorManager::prepare(const ConnectorInfo &c, const QDateTime &historyEnd) {
    const QDateTime end = historyEnd.isValid() ? historyEnd : QDateTime::currentDateTimeUtc();
    createTasks(c, isoTime(end.addDays(-30)));
    if (!ConnectorCatalogue::runsInSandbox(c.provider))
        return;
    DemoConnector demo(m_store, c);
    demo.pregenerate(
        int(std::clamp<qint64>(configInt(c.config, "numberOfAccountsPreGenerated", 3), 0, 50)),
        int(std::clamp<qint64>(configInt(c.config, "numberOfPaymentsPreGenerated", 10), 0, 2000)),
        end.addDays(-30), end.addSecs(-1));
}

void ConnectorManager::createTasks(const ConnectorInfo &c, const QString &at) {
    auto add = [&](const char *key, const char *name, const QString &status, const QString &error) {
        Json::Writer d;
        d.beginObject();
        d.key("name");
        d.value(name);
        d.key("key");
        d.value(key);
        if (QByteArray(key) == "read-files") {
            d.key("fileName");
            d.value(configString(c.config, "directory"));
        }
        d.endObject();
        m_store.db().query(
            QStringLiteral("INSERT INTO payments_tasks(id, connector_id, key, descriptor, status, state,"
                           " error, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)"),
            {uuidFor(c.id + QLatin1Char('/') + QLatin1String(key)), c.id, QString::fromLatin1(key),
             QString::fromUtf8(d.take()), status, QStringLiteral("{}"), error, at, at});
    };
    if (ConnectorCatalogue::runsInSandbox(c.provider)) {
        for (const TaskKind &k : kDemoTasks)
            add(k.key, k.name, QStringLiteral("PENDING"), QString());
    } else {
        add("fetch-accounts", "Fetch accounts", QStringLiteral("FAILED"), unreachableError(c.provider));
    }
}

void ConnectorManager::setTask(const QString &connectorId, const QString &key, const QString &status,
                               const QByteArray &state, const QString &error, const QString &at) {
    m_store.db().query(
        QStringLiteral("UPDATE payments_tasks SET status = ?, state = ?, error = ?, updated_at = ?"
                       " WHERE connector_id = ? AND key = ?"),
        {status, QString::fromUtf8(state), error, at, connectorId, key});
}

void ConnectorManager::start(const ConnectorInfo &c) {
    stop(c.id);
    if (!ConnectorCatalogue::runsInSandbox(c.provider))
        return;
    const ProviderSpec *spec = ConnectorCatalogue::find(c.provider);
    const qint64 period = parseDuration(configString(c.config, spec->periodField)).value_or(10000);
    auto timer = std::make_unique<QTimer>();
    timer->setInterval(int(std::clamp<qint64>(period, kMinPeriodMs, 24 * 3600 * 1000)));
    const QString id = c.id;
    QObject::connect(timer.get(), &QTimer::timeout, this, [this, id] { runRound(id); });
    timer->start();
    m_timers[c.id] = std::move(timer);
}

void ConnectorManager::stop(const QString &id) {
    m_timers.erase(id);
}

void ConnectorManager::uninstall(const QString &id) {
    stop(id);
    m_store.clearConnectorData(id);
    m_store.db().query(QStringLiteral("DELETE FROM payments_connectors WHERE id = ?"), {id});
}

void ConnectorManager::reset(const QString &id) {
    stop(id);
    m_store.clearConnectorData(id);
    m_store.db().query(QStringLiteral("UPDATE payments_connectors SET tick = 0 WHERE id = ?"), {id});
    const auto c = connector(id);
    if (!c)
        return;
    m_store.db().begin();
    prepare(*c, {});
    m_store.db().commit();
    start(*c);
}

void ConnectorManager::updateConfig(const QString &id, const QByteArray &config) {
    const QString name = configString(config, "name");
    m_store.db().query(QStringLiteral("UPDATE payments_connectors SET config = ?, name = ? WHERE id = ?"),
                       {QString::fromUtf8(config), name, id});
    m_store.db().query(
        QStringLiteral("UPDATE payments_tasks SET descriptor = json_set(descriptor, '$.fileName', ?)"
                       " WHERE connector_id = ? AND key = 'read-files'"),
        {configString(config, "directory"), id});
    if (const auto c = connector(id))
        start(*c);
}

void ConnectorManager::kick(const QString &connectorId) {
    QTimer::singleShot(0, this, [this, connectorId] {
        const auto c = connector(connectorId);
        if (!c)
            return;
        const QString unreachable =
            ConnectorCatalogue::runsInSandbox(c->provider) ? QString() : unreachableError(c->provider);
        m_transfers.advance(connectorId, unreachable, nowTime());
    });
}

void ConnectorManager::runRound(const QString &id, const QString &atIn) {
    auto c = connector(id);
    if (!c || !ConnectorCatalogue::runsInSandbox(c->provider))
        return;
    const QString at = atIn.isEmpty() ? nowTime() : atIn;
    const qint64 round = c->tick + 1;
    m_store.db().query(QStringLiteral("UPDATE payments_connectors SET tick = ? WHERE id = ?"), {round, id});
    DemoConnector demo(m_store, *c);
    const DemoConnector::Round r = demo.tick(round, at);
    auto state = [&](const char *what, qint64 count) {
        Json::Writer w;
        w.beginObject();
        w.key("round");
        w.value(round);
        w.key(what);
        w.value(count);
        w.endObject();
        return w.take();
    };
    auto count = [&](const char *table) {
        QSqlQuery q = m_store.db().query(
            QStringLiteral("SELECT count(*) FROM %1 WHERE connector_id = ?").arg(QLatin1String(table)), {id});
        q.next();
        return q.value(0).toLongLong();
    };
    const QString running = QStringLiteral("PENDING");
    setTask(id, QStringLiteral("fetch-accounts"), running, state("accounts", count("payments_accounts")), {},
            at);
    setTask(id, QStringLiteral("fetch-balances"), running, state("balancesReported", r.balances), {}, at);
    setTask(id, QStringLiteral("fetch-payments"), running, state("payments", count("payments_payments")), {},
            at);
    const QString directory = configString(c->config, "directory");
    const auto files = demo.readFiles(directory, configString(c->config, "prefixFileToIngest"), at);
    if (files)
        setTask(id, QStringLiteral("read-files"), running, state("filesIngested", files.value()), {}, at);
    else
        setTask(id, QStringLiteral("read-files"), QStringLiteral("FAILED"), state("filesIngested", 0),
                files.error().message, at);
    const int moved = m_transfers.advance(id, QString(), at);
    setTask(id, QStringLiteral("initiate-transfers"), running, state("transfersAdvanced", moved), {}, at);
}

} // namespace Formance::Sandbox::Payments
