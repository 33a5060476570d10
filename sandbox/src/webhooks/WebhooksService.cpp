// Webhooks v1 inside the sandbox: configs (endpoint, event types, signing secret, active flag) in
// SQLite, and real deliveries: every stack event whose qualified type an active config listens to
// is POSTed, signed, to its endpoint, retried with backoff on failure, each attempt recorded.
#include "WebhookDelivery.h"

#include "api/ApiSupport.h"
#include "core/EventBus.h"
#include "core/Service.h"
#include "core/SqlRows.h"
#include "ledger/AmountKey.h"
#include "ledger/LedgerStore.h"

#include <Formance/json/JsonDocument.h>
#include <Formance/json/JsonWriter.h>

#include <QDateTime>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QUuid>

namespace Formance::Sandbox {

namespace {

using Webhooks::DeliverySettings;

constexpr qsizetype kMaxResponseBody = 64 * 1024; // kept of what an endpoint answers
const QByteArray kTestPayload = QByteArrayLiteral(R"({"data":"test"})");

// SQLite binds a null QString as NULL: text columns get "" instead.
QString text(const QString &s) {
    return s.isNull() ? QStringLiteral("") : s;
}

QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// As the real service: 24 random bytes, base64.
QString newSecret() {
    QByteArray raw(24, Qt::Uninitialized);
    for (char &c : raw)
        c = char(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(raw.toBase64());
}

LedgerError validation(const QString &message) {
    return LedgerError::validation(message);
}

std::optional<QString> secretProblem(const QString &secret) {
    const auto decoded =
        QByteArray::fromBase64Encoding(secret.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || secret.contains(QLatin1Char('-')) || secret.contains(QLatin1Char('_')))
        return QStringLiteral("'secret' must be base64 encoded");
    if (decoded.decoded.size() != 24)
        return QStringLiteral("'secret' must decode to 24 bytes, not %1").arg(decoded.decoded.size());
    return std::nullopt;
}

struct Config {
    QString id;
    QString name;
    QString endpoint;
    QString secret;
    QStringList eventTypes; // lower case
    bool active = true;
    QString createdAt;
    QString updatedAt;
};

void writeConfig(Json::Writer &w, const Config &c) {
    w.beginObject();
    w.key("id");
    w.value(c.id);
    if (!c.name.isEmpty()) {
        w.key("name");
        w.value(c.name);
    }
    w.key("endpoint");
    w.value(c.endpoint);
    w.key("secret");
    w.value(c.secret);
    w.key("eventTypes");
    w.beginArray();
    for (const QString &t : c.eventTypes)
        w.value(t);
    w.endArray();
    w.key("active");
    w.value(c.active);
    w.key("createdAt");
    w.value(c.createdAt);
    w.key("updatedAt");
    w.value(c.updatedAt);
    w.endObject();
}

QByteArray configJson(const Config &c) {
    Json::Writer w;
    writeConfig(w, c);
    return w.take();
}

QStringList typesFrom(const QString &json) {
    QStringList out;
    if (auto doc = Json::Document::parse(json.toUtf8()))
        for (const Json::Value v : doc->root().elements())
            out << v.toString();
    return out;
}

const char *const kConfigColumns = "id, name, endpoint, secret, event_types, active, created_at, updated_at";

Config readConfig(const QSqlQuery &q) {
    Config c;
    c.id = q.value(0).toString();
    c.name = q.value(1).toString();
    c.endpoint = q.value(2).toString();
    c.secret = q.value(3).toString();
    c.eventTypes = typesFrom(q.value(4).toString());
    c.active = q.value(5).toInt() != 0;
    c.createdAt = q.value(6).toString();
    c.updatedAt = q.value(7).toString();
    return c;
}

// What one POST came to: the endpoint's status (0 when it was never reached) and answer.
struct Outcome {
    int statusCode = 0;
    QByteArray responseBody;
    QString error; // transport failure, when statusCode is 0
    bool success() const { return statusCode >= 200 && statusCode < 300; }
};

QNetworkRequest signedRequest(const Config &c, const QString &webhookId, const QByteArray &payload,
                              bool isTest, int timeoutMs) {
    QNetworkRequest req{QUrl(c.endpoint)};
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("formance-webhooks/v0"));
    req.setRawHeader("formance-webhook-id", webhookId.toUtf8());
    req.setRawHeader("formance-webhook-timestamp", QByteArray::number(now));
    req.setRawHeader("formance-webhook-signature", Webhooks::signature(webhookId, now, c.secret, payload));
    req.setRawHeader("formance-webhook-test", isTest ? "true" : "false");
    req.setTransferTimeout(timeoutMs);
    return req;
}

Outcome outcomeOf(QNetworkReply *reply) {
    Outcome o;
    o.statusCode = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen()) // closed once aborted or timed out
        o.responseBody = reply->read(kMaxResponseBody);
    if (o.statusCode == 0)
        o.error = reply->errorString();
    return o;
}

struct Attempt {
    QString id;
    QString webhookId;
    QString createdAt;
    QByteArray config; // the config as it was when sent
    QByteArray payload;
    Outcome outcome;
    int retryAttempt = 0;
    QString status; // success, to retry, failed
    QString nextRetryAfter;
};

class WebhooksService final : public Service {
public:
    explicit WebhooksService(ServiceContext &context)
        : m_store(context.store)
        , m_v3(context.v3())
        , m_settings(Webhooks::deliverySettings()) {
        m_store.query(
            QStringLiteral("CREATE TABLE IF NOT EXISTS webhooks_configs ("
                           "id TEXT PRIMARY KEY, name TEXT NOT NULL, endpoint TEXT NOT NULL, "
                           "secret TEXT NOT NULL, event_types TEXT NOT NULL, active INTEGER NOT NULL, "
                           "created_at TEXT NOT NULL, updated_at TEXT NOT NULL, "
                           // Orders "most recently updated first" exactly: times can tie.
                           "update_seq INTEGER NOT NULL DEFAULT 0)"));
        m_store.query(
            QStringLiteral("CREATE TABLE IF NOT EXISTS webhooks_attempts ("
                           "id TEXT PRIMARY KEY, webhook_id TEXT NOT NULL, config_id TEXT NOT NULL, "
                           "config TEXT NOT NULL, payload TEXT NOT NULL, status_code INTEGER NOT NULL, "
                           "response_body TEXT NOT NULL, error TEXT NOT NULL, "
                           "retry_attempt INTEGER NOT NULL, status TEXT NOT NULL, next_retry_after TEXT, "
                           "is_test INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"));
        m_store.query(QStringLiteral("CREATE INDEX IF NOT EXISTS webhooks_attempts_webhook ON "
                                     "webhooks_attempts(webhook_id, retry_attempt)"));
        // Deliveries must never go through a proxy taken from the environment: endpoints are
        // the user's own (often loopback) receivers.
        m_nam.setProxy(QNetworkProxy::NoProxy);
        context.events.subscribe([this](const StackEvent &e) { onEvent(e); });
    }

    QString name() const override { return QStringLiteral("webhooks"); }

    void registerRoutes(Router &router) override {
        Routes routes(router, QStringLiteral("/api/webhooks"));
        routes.on("GET", "/configs", [this](const Request &r) { return list(r); });
        routes.on("POST", "/configs", [this](const Request &r) { return insert(r); });
        routes.on("DELETE", "/configs/{id}", [this](const Request &r) { return remove(r); });
        if (m_v3) // updateConfig is new in v3.0.1
            routes.on("PUT", "/configs/{id}", [this](const Request &r) { return update(r); });
        routes.on("PUT", "/configs/{id}/activate", [this](const Request &r) { return setActive(r, true); });
        routes.on("PUT", "/configs/{id}/deactivate",
                  [this](const Request &r) { return setActive(r, false); });
        routes.on("PUT", "/configs/{id}/secret/change", [this](const Request &r) { return changeSecret(r); });
        routes.on("GET", "/configs/{id}/test", [this](const Request &r) { return test(r); });
    }

    void seedDemo() override {
        if (m_store.query(QStringLiteral("SELECT 1 FROM webhooks_configs LIMIT 1")).next())
            return;
        // Port 9 (discard) is closed on loopback: the demo shows deliveries failing and retried.
        Config failing;
        failing.id = newId();
        failing.name = QStringLiteral("demo-unreachable");
        failing.endpoint = QStringLiteral("http://127.0.0.1:9/ledger-events");
        failing.secret = newSecret();
        failing.eventTypes = {QStringLiteral("ledger.committed_transactions")};
        failing.active = true;
        failing.createdAt = failing.updatedAt = nowTime();
        insertConfig(failing);
        Config paused;
        paused.id = newId();
        paused.name = QStringLiteral("demo-paused");
        paused.endpoint = QStringLiteral("http://127.0.0.1:9/payments-events");
        paused.secret = newSecret();
        paused.eventTypes = {QStringLiteral("payments.saved_payment"),
                             QStringLiteral("ledger.reverted_transaction")};
        paused.active = false;
        paused.createdAt = paused.updatedAt = nowTime();
        insertConfig(paused);
    }

private:
    // ---- storage

    std::optional<Config> config(const QString &id) {
        QSqlQuery q = m_store.query(
            QStringLiteral("SELECT %1 FROM webhooks_configs WHERE id = ?").arg(QLatin1String(kConfigColumns)),
            {id});
        if (!q.next())
            return std::nullopt;
        return readConfig(q);
    }

    void insertConfig(const Config &c) {
        m_store.query(
            QStringLiteral("INSERT INTO webhooks_configs (%1, update_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                           "(SELECT COALESCE(MAX(update_seq), 0) + 1 FROM webhooks_configs))")
                .arg(QLatin1String(kConfigColumns)),
            {c.id, text(c.name), c.endpoint, c.secret, SqlRows::jsonList(c.eventTypes), int(c.active),
             c.createdAt, c.updatedAt});
    }

    void record(const Attempt &a, const QString &configId, bool isTest) {
        const QString now = nowTime();
        m_store.query(
            QStringLiteral("INSERT INTO webhooks_attempts (id, webhook_id, config_id, config, payload, "
                           "status_code, response_body, error, retry_attempt, status, next_retry_after, "
                           "is_test, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {a.id, a.webhookId, configId, text(QString::fromUtf8(a.config)),
             text(QString::fromUtf8(a.payload)), a.outcome.statusCode,
             text(QString::fromUtf8(a.outcome.responseBody)), text(a.outcome.error), a.retryAttempt, a.status,
             a.nextRetryAfter.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                        : QVariant(a.nextRetryAfter),
             int(isTest), a.createdAt, now});
    }

    // ---- deliveries

    struct Delivery {
        QString webhookId; // the same for every attempt, so receivers can drop duplicates
        QString configId;
        QByteArray payload;
        int attempt = 0;
    };

    void onEvent(const StackEvent &e) {
        const QString type = e.qualifiedType().toLower();
        QList<Delivery> deliveries;
        QSqlQuery q = m_store.query(
            QStringLiteral("SELECT %1 FROM webhooks_configs WHERE active = 1 ORDER BY created_at")
                .arg(QLatin1String(kConfigColumns)));
        QByteArray body;
        while (q.next()) {
            const Config c = readConfig(q);
            if (!c.eventTypes.contains(type))
                continue;
            if (body.isEmpty())
                body = e.envelope();
            deliveries.append(Delivery{newId(), c.id, body, 0});
        }
        for (const Delivery &d : deliveries)
            send(d);
    }

    // Asynchronous: the reply's end, in this thread's event loop, records the attempt and
    // schedules the next one. Nothing here waits.
    void send(const Delivery &d) {
        const auto c = config(d.configId);
        if (!c || !c->active)
            return; // deleted or deactivated since: its pending retries stop
        const QString createdAt = nowTime();
        QNetworkReply *reply =
            m_nam.post(signedRequest(*c, d.webhookId, d.payload, false, m_settings.timeoutMs), d.payload);
        QObject::connect(reply, &QNetworkReply::finished, &m_context, [this, reply, d, cfg = *c, createdAt] {
            reply->deleteLater();
            finished(d, cfg, createdAt, outcomeOf(reply));
        });
    }

    void finished(const Delivery &d, const Config &c, const QString &createdAt, const Outcome &o) {
        Attempt a;
        a.id = newId();
        a.webhookId = d.webhookId;
        a.createdAt = createdAt;
        a.config = configJson(c);
        a.payload = d.payload;
        a.outcome = o;
        a.retryAttempt = d.attempt;
        const bool retry = !o.success() && d.attempt < m_settings.retryDelaysMs.size();
        a.status = o.success() ? QStringLiteral("success")
                   : retry     ? QStringLiteral("to retry")
                               : QStringLiteral("failed");
        if (retry) {
            const int delay = m_settings.retryDelaysMs.at(d.attempt);
            a.nextRetryAfter = QDateTime::currentDateTimeUtc().addMSecs(delay).toString(Qt::ISODateWithMs);
            Delivery next = d;
            next.attempt = d.attempt + 1;
            QTimer::singleShot(delay, &m_context, [this, next] { send(next); });
        }
        try {
            record(a, c.id, false);
        } catch (const std::exception &ex) {
            qWarning("webhooks: cannot record an attempt: %s", ex.what());
        }
    }

    // Handlers answer synchronously, and testConfig must answer with the attempt's outcome. A
    // nested event loop in the server thread would let other requests, deliveries and retries
    // run inside this handler; instead the one POST runs in a short-lived thread with its own
    // event loop while this thread waits for it, bounded by the delivery timeout. (An endpoint
    // served by this very sandbox therefore times out: the server is busy waiting.)
    Outcome sendNow(const Config &c, const QString &webhookId, const QByteArray &payload) {
        Outcome out;
        const QNetworkRequest req = signedRequest(c, webhookId, payload, true, m_settings.timeoutMs);
        const int hardLimit = m_settings.timeoutMs + 1000;
        std::unique_ptr<QThread> worker(QThread::create([&] {
            QNetworkAccessManager nam;
            nam.setProxy(QNetworkProxy::NoProxy);
            QEventLoop loop;
            QNetworkReply *reply = nam.post(req, payload);
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            QTimer::singleShot(hardLimit, &loop, [reply] { reply->abort(); });
            if (!reply->isFinished())
                loop.exec();
            out = outcomeOf(reply);
            delete reply;
        }));
        worker->start();
        worker->wait();
        return out;
    }

    // ---- handlers

    Response configResponse(const Config &c) {
        return dataResponse([&](Json::Writer &w) { writeConfig(w, c); });
    }

    Response notFound(const QString &id) {
        return Response::error(404, QStringLiteral("NOT_FOUND"),
                               QStringLiteral("config '%1' not found").arg(id));
    }

    Reply list(const Request &r) {
        QString sql =
            QStringLiteral("SELECT %1 FROM webhooks_configs WHERE 1 = 1").arg(QLatin1String(kConfigColumns));
        QVariantList binds;
        if (!r.queryValue(QStringLiteral("id")).isEmpty()) {
            sql += QStringLiteral(" AND id = ?");
            binds << r.queryValue(QStringLiteral("id"));
        }
        if (!r.queryValue(QStringLiteral("endpoint")).isEmpty()) {
            sql += QStringLiteral(" AND endpoint = ?");
            binds << r.queryValue(QStringLiteral("endpoint"));
        }
        sql += QStringLiteral(" ORDER BY update_seq DESC");
        QSqlQuery q = m_store.query(sql, binds);
        Json::Writer w;
        w.beginObject();
        w.key("cursor");
        w.beginObject();
        w.key("hasMore");
        w.value(false);
        w.key("data");
        w.beginArray();
        while (q.next())
            writeConfig(w, readConfig(q));
        w.endArray();
        w.endObject();
        w.endObject();
        return Response::json(w.take());
    }

    // A ConfigUser body (insertConfig, and updateConfig in v3.0.1): the config it describes, a
    // new secret when it sends none.
    static Expected<Config> parseConfigUser(const Json::Value &root) {
        Config c;
        const Json::Value name = root["name"];
        if (name.isValid() && !name.isNull()) {
            if (!name.isString())
                return validation(QStringLiteral("'name' must be a string"));
            c.name = name.toString();
        }
        const Json::Value endpoint = root["endpoint"];
        if (!endpoint.isString())
            return validation(QStringLiteral("'endpoint' is required and must be a string"));
        c.endpoint = endpoint.toString().trimmed();
        const QUrl url(c.endpoint, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            return validation(QStringLiteral("'endpoint' must be an http(s) URL"));
        const Json::Value types = root["eventTypes"];
        if (!types.isArray() || types.size() == 0)
            return validation(QStringLiteral("'eventTypes' is required: a non-empty array of strings"));
        for (const Json::Value t : types.elements()) {
            if (!t.isString() || t.toString().trimmed().isEmpty())
                return validation(QStringLiteral("'eventTypes' must hold non-empty strings"));
            const QString lower = t.toString().trimmed().toLower();
            if (!c.eventTypes.contains(lower))
                c.eventTypes << lower;
        }
        const Json::Value secret = root["secret"];
        if (secret.isValid() && !secret.isNull() && !secret.isString())
            return validation(QStringLiteral("'secret' must be a string"));
        c.secret = secret.isString() ? secret.toString() : QString();
        if (c.secret.isEmpty())
            c.secret = newSecret();
        else if (auto problem = secretProblem(c.secret))
            return validation(*problem);
        return c;
    }

    Reply insert(const Request &r) {
        auto doc = parseBody(r.body, true);
        if (!doc)
            return doc.error();
        const Json::Value root = doc.value()->root();
        if (!root.isObject())
            return validation(QStringLiteral("the body must be a JSON object"));
        auto parsed = parseConfigUser(root);
        if (!parsed)
            return parsed.error();
        Config c = parsed.value();
        c.id = newId();
        c.active = true;
        c.createdAt = c.updatedAt = nowTime();
        insertConfig(c);
        return configResponse(c);
    }

    // Replaces a config's name, endpoint, event types and, when the body sends one, its secret;
    // its id, creation date and active state stay. 200 without a body, as v3.0.1 declares.
    Reply update(const Request &r) {
        const QString id = r.param(QStringLiteral("id"));
        auto old = config(id);
        if (!old)
            return notFound(id);
        auto doc = parseBody(r.body, true);
        if (!doc)
            return doc.error();
        const Json::Value root = doc.value()->root();
        if (!root.isObject())
            return validation(QStringLiteral("the body must be a JSON object"));
        auto parsed = parseConfigUser(root);
        if (!parsed)
            return parsed.error();
        Config c = parsed.value();
        if (!root["secret"].isString() || root["secret"].toString().isEmpty())
            c.secret = old->secret;
        m_store.query(
            QStringLiteral("UPDATE webhooks_configs SET name = ?, endpoint = ?, secret = ?, event_types = ?, "
                           "updated_at = ?, update_seq = (SELECT COALESCE(MAX(update_seq), 0) + 1 FROM "
                           "webhooks_configs) WHERE id = ?"),
            {text(c.name), c.endpoint, c.secret, SqlRows::jsonList(c.eventTypes), nowTime(), id});
        return Response::empty(200);
    }

    Reply remove(const Request &r) {
        const QString id = r.param(QStringLiteral("id"));
        if (!config(id))
            return notFound(id);
        m_store.query(QStringLiteral("DELETE FROM webhooks_configs WHERE id = ?"), {id});
        return Response::empty(200);
    }

    Response setActive(const Request &r, bool active) {
        const QString id = r.param(QStringLiteral("id"));
        auto c = config(id);
        if (!c)
            return notFound(id);
        if (c->active != active) {
            c->active = active;
            c->updatedAt = nowTime();
            m_store.query(QStringLiteral(
                              "UPDATE webhooks_configs SET active = ?, updated_at = ?, update_seq = "
                              "(SELECT COALESCE(MAX(update_seq), 0) + 1 FROM webhooks_configs) WHERE id = ?"),
                          {int(active), c->updatedAt, id});
        }
        return configResponse(*c);
    }

    Reply changeSecret(const Request &r) {
        const QString id = r.param(QStringLiteral("id"));
        auto c = config(id);
        if (!c)
            return notFound(id);
        auto doc = parseBody(r.body, false);
        if (!doc)
            return doc.error();
        const Json::Value root = doc.value()->root();
        if (!root.isNull() && !root.isObject())
            return validation(QStringLiteral("the body must be a JSON object"));
        const Json::Value secret = root["secret"];
        if (secret.isValid() && !secret.isNull() && !secret.isString())
            return validation(QStringLiteral("'secret' must be a string"));
        QString next = secret.isString() ? secret.toString() : QString();
        if (next.isEmpty())
            next = newSecret();
        else if (auto problem = secretProblem(next))
            return validation(*problem);
        c->secret = next;
        c->updatedAt = nowTime();
        m_store.query(
            QStringLiteral("UPDATE webhooks_configs SET secret = ?, updated_at = ?, update_seq = "
                           "(SELECT COALESCE(MAX(update_seq), 0) + 1 FROM webhooks_configs) WHERE id = ?"),
            {c->secret, c->updatedAt, id});
        return configResponse(*c);
    }

    Reply test(const Request &r) {
        const QString id = r.param(QStringLiteral("id"));
        const auto c = config(id);
        if (!c)
            return notFound(id);
        Attempt a;
        a.id = newId();
        a.webhookId = newId();
        a.createdAt = nowTime();
        a.config = configJson(*c);
        a.payload = kTestPayload;
        a.outcome = sendNow(*c, a.webhookId, kTestPayload);
        a.status = a.outcome.success() ? QStringLiteral("success") : QStringLiteral("failed");
        record(a, c->id, true);
        const QString updatedAt = nowTime();

        return dataResponse([&](Json::Writer &w) {
            w.beginObject();
            w.key("id");
            w.value(a.id);
            w.key("webhookID");
            w.value(a.webhookId);
            w.key("createdAt");
            w.value(a.createdAt);
            w.key("updatedAt");
            w.value(updatedAt);
            w.key("config");
            w.rawJson(a.config);
            w.key("payload");
            w.value(QString::fromUtf8(a.payload));
            w.key("statusCode");
            w.value(a.outcome.statusCode);
            w.key("retryAttempt");
            w.value(a.retryAttempt);
            w.key("status");
            w.value(a.status);
            // Not in the spec's Attempt, which allows more members: what the endpoint answered, or
            // why it could not be reached. The point of testing a config.
            w.key("responseBody");
            w.value(QString::fromUtf8(a.outcome.responseBody));
            if (!a.outcome.error.isEmpty()) {
                w.key("error");
                w.value(a.outcome.error);
            }
            w.endObject();
        });
    }

    LedgerStore &m_store;
    bool m_v3 = false; // presenting API v3.0.1
    DeliverySettings m_settings;
    QNetworkAccessManager m_nam;
    // Context of pending replies' and retries' callbacks; declared after m_nam so it goes first,
    // and no callback runs into a half-destroyed service.
    QObject m_context;
};
} // namespace

std::unique_ptr<Service> makeWebhooksService(ServiceContext &context) {
    return std::make_unique<WebhooksService>(context);
}

} // namespace Formance::Sandbox
