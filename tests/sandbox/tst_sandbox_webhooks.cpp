// Webhooks v1 of the sandbox, end to end through the SDK: configs, and real signed deliveries of
// ledger events to receivers running in this test, with retries and testConfig.
#include "SandboxFixture.h"

#include "Server.h"
#include "ledger/LedgerStore.h"
#include "webhooks/WebhookDelivery.h"
#include <Formance/Sdk.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QMessageAuthenticationCode>
#include <QTcpSocket>

using namespace SandboxTest;
using namespace Formance::Webhooks::V1;

namespace {

// A minimal HTTP/1.1 endpoint on loopback that records each request and answers with the
// scripted statuses in turn (200 once the script is used up).
class Receiver : public QObject {
public:
    struct Hit {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };
    QList<Hit> hits;
    QList<int> script;
    QByteArray answer = "received";
    bool hold = false; // record requests but answer only on release()

    void release() {
        hold = false;
        for (QTcpSocket *s : std::exchange(m_held, {}))
            respond(s);
    }

    Receiver() {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    QString url(const QString &path = QStringLiteral("/hook")) const {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
    }

private:
    void onData(QTcpSocket *s) {
        QByteArray &buf = m_buffers[s];
        buf += s->readAll();
        const qsizetype end = buf.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Hit hit;
        const QList<QByteArray> lines = buf.left(end).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        hit.method = first.value(0);
        hit.path = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                hit.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                   lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = hit.headers.value("content-length").toLongLong();
        if (buf.size() < end + 4 + length)
            return;
        hit.body = buf.mid(end + 4, length);
        m_buffers.remove(s);
        hits << hit;
        if (hold)
            m_held << s;
        else
            respond(s);
    }
    void respond(QTcpSocket *s) {
        const int status = script.isEmpty() ? 200 : script.takeFirst();
        s->write("HTTP/1.1 " + QByteArray::number(status) +
                 " X\r\nContent-Type: text/plain\r\nContent-Length: " + QByteArray::number(answer.size()) +
                 "\r\nConnection: close\r\n\r\n" + answer);
        s->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QTcpSocket *> m_held;
};

// What a receiver does to check a delivery: recompute the signature from the headers.
bool signatureValid(const Receiver::Hit &hit, const QString &secret) {
    const QByteArray message = hit.headers.value("formance-webhook-id") + '.' +
                               hit.headers.value("formance-webhook-timestamp") + '.' + hit.body;
    const QByteArray expected =
        "v1," +
        QMessageAuthenticationCode::hash(message, secret.toUtf8(), QCryptographicHash::Sha256).toBase64();
    return hit.headers.value("formance-webhook-signature") == expected;
}

Json::Value first(const Json::Value &array) {
    for (const Json::Value v : array.elements())
        return v;
    return {};
}

quint16 closedPort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort(); // closed again when probe goes
}

} // namespace

class TestSandboxWebhooks : public QObject {
    Q_OBJECT
    Fixture f;
    int m_ledgerSeq = 0;

    QString freshLedger() {
        const QString name = QStringLiteral("w%1").arg(++m_ledgerSeq);
        if (!f.createLedger(name))
            qFatal("cannot create ledger");
        return name;
    }
    Formance::Models::WebhooksConfig insert(const QString &endpoint, const QList<QString> &types,
                                            const std::optional<QString> &secret = std::nullopt) {
        InsertConfigRequest req;
        req.body.endpoint = endpoint;
        req.body.eventTypes = types;
        req.body.secret = secret;
        auto res = f.client->webhooks().v1().insertConfig(req).result();
        if (!res) {
            qWarning() << res.error().toString();
            return {};
        }
        return res->body.data;
    }
    QList<Formance::Models::WebhooksConfig> list(std::optional<QString> id = {},
                                                 std::optional<QString> endpoint = {}) {
        GetManyConfigsRequest req;
        req.id = std::move(id);
        req.endpoint = std::move(endpoint);
        auto res = f.client->webhooks().v1().getManyConfigs(req).result();
        return res ? res->body.cursor.data : QList<Formance::Models::WebhooksConfig>{};
    }
    // Attempts the sandbox recorded for one webhook: (retry_attempt, status, status_code).
    QList<std::tuple<int, QString, int>> attempts(const QByteArray &webhookId) {
        QList<std::tuple<int, QString, int>> out;
        f.sandbox.runInServerThread([&](Sandbox::Server &s) {
            QSqlQuery q = s.store()->query(
                QStringLiteral("SELECT retry_attempt, status, status_code FROM "
                               "webhooks_attempts WHERE webhook_id = ? ORDER BY retry_attempt"),
                {QString::fromUtf8(webhookId)});
            while (q.next())
                out.append({q.value(0).toInt(), q.value(1).toString(), q.value(2).toInt()});
        });
        return out;
    }
    QList<std::tuple<int, QString, int>> attemptsOfConfig(const QString &configId) {
        QList<std::tuple<int, QString, int>> out;
        f.sandbox.runInServerThread([&](Sandbox::Server &s) {
            QSqlQuery q =
                s.store()->query(QStringLiteral("SELECT retry_attempt, status, status_code FROM "
                                                "webhooks_attempts WHERE config_id = ? AND is_test = 0 "
                                                "ORDER BY retry_attempt"),
                                 {configId});
            while (q.next())
                out.append({q.value(0).toInt(), q.value(1).toString(), q.value(2).toInt()});
        });
        return out;
    }

private slots:
    void initTestCase() {
        // Short retries so the backoff tests take a second, not seven.
        Sandbox::Webhooks::DeliverySettings settings;
        settings.retryDelaysMs = {100, 200, 400};
        settings.timeoutMs = 2000;
        Sandbox::Webhooks::setDeliverySettings(settings);
        QVERIFY(f.start());
    }
    void cleanupTestCase() {
        f.stop();
        Sandbox::Webhooks::resetDeliverySettings();
    }

    void configLifecycle() {
        const QString endpoint = QStringLiteral("https://example.com/lifecycle");
        const auto c = insert(endpoint, {QStringLiteral("LEDGER.Committed_Transactions"),
                                         QStringLiteral("ledger.saved_metadata")});
        QVERIFY(!c.id.isEmpty());
        QCOMPARE(c.endpoint, endpoint);
        QCOMPARE(c.eventTypes, (QList<QString>{QStringLiteral("ledger.committed_transactions"),
                                               QStringLiteral("ledger.saved_metadata")}));
        QVERIFY(c.active);
        // Generated as the real service does: 24 random bytes, base64.
        QCOMPARE(QByteArray::fromBase64(c.secret.toLatin1()).size(), 24);
        const auto other =
            insert(QStringLiteral("http://127.0.0.1:1/other"), {QStringLiteral("ledger.saved_metadata")});
        QVERIFY(other.secret != c.secret);

        // Filters; newest update first.
        QCOMPARE(list(c.id).size(), 1);
        QCOMPARE(list(c.id).first().id, c.id);
        QCOMPARE(list({}, endpoint).size(), 1);
        QCOMPARE(list(QStringLiteral("00000000-0000-0000-0000-000000000000")).size(), 0);
        QList<Formance::Models::WebhooksConfig> all = list();
        QVERIFY(all.size() >= 2);
        QCOMPARE(all.first().id, other.id);

        DeactivateConfigRequest off;
        off.id = c.id;
        auto deactivated = f.client->webhooks().v1().deactivateConfig(off).result();
        QVERIFY(deactivated);
        QVERIFY(!deactivated->body.data.active);
        QVERIFY(!list(c.id).first().active);
        QCOMPARE(list().first().id, c.id);                                 // updated last
        QVERIFY(f.client->webhooks().v1().deactivateConfig(off).result()); // already off: unchanged
        ActivateConfigRequest on;
        on.id = c.id;
        auto activated = f.client->webhooks().v1().activateConfig(on).result();
        QVERIFY(activated);
        QVERIFY(activated->body.data.active);

        // A given secret must be base64 of 24 bytes; an empty one means "generate".
        const QString given = QString::fromLatin1(QByteArray(24, 'k').toBase64());
        ChangeConfigSecretRequest change;
        change.id = c.id;
        change.body = Formance::Models::ConfigChangeSecret{given};
        auto changed = f.client->webhooks().v1().changeConfigSecret(change).result();
        QVERIFY2(changed, qPrintable(changed ? QString() : changed.error().toString()));
        QCOMPARE(changed->body.data.secret, given);
        change.body = Formance::Models::ConfigChangeSecret{QString()};
        changed = f.client->webhooks().v1().changeConfigSecret(change).result();
        QVERIFY(changed);
        QVERIFY(changed->body.data.secret != given);
        QCOMPARE(QByteArray::fromBase64(changed->body.data.secret.toLatin1()).size(), 24);
        QCOMPARE(list(c.id).first().secret, changed->body.data.secret);

        const auto withSecret =
            insert(QStringLiteral("http://127.0.0.1:1/s"), {QStringLiteral("a.b")}, given);
        QCOMPARE(withSecret.secret, given);

        DeleteConfigRequest del;
        del.id = c.id;
        auto deleted = f.client->webhooks().v1().deleteConfig(del).result();
        QVERIFY(deleted);
        QCOMPARE(deleted->statusCode, 200);
        QCOMPARE(list(c.id).size(), 0);
        for (const Reply &r :
             {f.call("DELETE", "/api/webhooks/configs/" + c.id),
              f.call("PUT", "/api/webhooks/configs/" + c.id + "/activate"),
              f.call("PUT", "/api/webhooks/configs/" + c.id + "/deactivate"),
              f.call("PUT", "/api/webhooks/configs/" + c.id + "/secret/change", R"({"secret":""})"),
              f.call("GET", "/api/webhooks/configs/" + c.id + "/test")}) {
            QCOMPARE(r.status, 404);
            QCOMPARE(r.errorCode(), QStringLiteral("NOT_FOUND"));
        }
        for (const QString &id : {other.id, withSecret.id})
            QCOMPARE(f.call("DELETE", "/api/webhooks/configs/" + id).status, 200);
    }

    // updateConfig (PUT /configs/{id}) is new in v3.0.1: it replaces name, endpoint and event
    // types, and the secret only when one is sent. v2.1.1 has no such operation (405).
    void updateConfig() {
        const auto c =
            insert(QStringLiteral("https://example.com/before"), {QStringLiteral("ledger.saved_metadata")});
        const QString path = QStringLiteral("/api/webhooks/configs/%1").arg(c.id);
        const QByteArray body = "{\"name\":\"renamed\",\"endpoint\":\"https://example.com/"
                                "after\",\"eventTypes\":[\"LEDGER.Committed_Transactions\"]}";
        if (!f.v3()) {
            const Reply r = f.callDirect("PUT", path, body);
            QCOMPARE(r.status, 405);
            return;
        }
        Reply r = f.call("PUT", path, body);
        QCOMPARE(r.status, 200);
        const auto after = list(c.id);
        QCOMPARE(after.size(), 1);
        QCOMPARE(after.first().endpoint, QStringLiteral("https://example.com/after"));
        QCOMPARE(after.first().eventTypes, (QList<QString>{QStringLiteral("ledger.committed_transactions")}));
        QCOMPARE(after.first().secret, c.secret); // none sent: kept
        QCOMPARE(after.first().active, c.active);
        QCOMPARE(f.call("PUT",
                        QStringLiteral("/api/webhooks/configs/%1")
                            .arg(QStringLiteral("00000000-0000-0000-0000-000000000000")),
                        body)
                     .status,
                 404);
        r = f.callDirect("PUT", path, "{\"endpoint\":\"ftp://x\",\"eventTypes\":[\"a\"]}");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION"));
    }

    void invalidConfigs() {
        // Endpoints are spliced in: moc misreads "//" inside raw string literals.
        QList<QByteArray> bad{"",
                              "{",
                              "[]",
                              R"({"eventTypes":["a.b"]})",
                              R"({"endpoint":"URL"})",
                              R"({"endpoint":"URL","eventTypes":[]})",
                              R"({"endpoint":"URL","eventTypes":[""]})",
                              R"({"endpoint":"URL","eventTypes":[1]})",
                              R"({"endpoint":"URL","eventTypes":"a.b"})",
                              R"({"endpoint":"not a url","eventTypes":["a.b"]})",
                              R"({"endpoint":"FTP","eventTypes":["a.b"]})",
                              R"({"endpoint":42,"eventTypes":["a.b"]})",
                              R"({"endpoint":"URL","eventTypes":["a.b"],"secret":"abc"})",
                              R"({"endpoint":"URL","eventTypes":["a.b"],"secret":"!!!!"})",
                              R"({"endpoint":"URL","eventTypes":["a.b"],"secret":7})"};
        for (QByteArray &body : bad)
            body.replace("FTP", "ftp://127.0.0.1/x").replace("URL", "http://127.0.0.1/x");
        const int before = list().size();
        for (const QByteArray &body : bad) {
            const Reply r = f.callDirect("POST", "/api/webhooks/configs", body);
            QVERIFY2(r.status == 400, body.constData());
            QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION"));
        }
        QCOMPARE(list().size(), before);
        const auto c = insert(QStringLiteral("http://127.0.0.1:1/x"), {QStringLiteral("a.b")});
        for (const QByteArray &body :
             {QByteArray("{"), QByteArray(R"({"secret":"short"})"), QByteArray(R"({"secret":1})")}) {
            const Reply r = f.callDirect("PUT", "/api/webhooks/configs/" + c.id + "/secret/change", body);
            QVERIFY2(r.status == 400, body.constData());
            QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION"));
        }
        QCOMPARE(list(c.id).first().secret, c.secret);
        QCOMPARE(f.call("DELETE", "/api/webhooks/configs/" + c.id).status, 200);
    }

    void signedDeliveryOfCommittedTransactions() {
        Receiver hooked, otherType, paused;
        const auto c = insert(hooked.url(), {QStringLiteral("ledger.committed_transactions")});
        const auto o = insert(otherType.url(), {QStringLiteral("ledger.saved_metadata"),
                                                QStringLiteral("payments.saved_payment")});
        const auto p = insert(paused.url(), {QStringLiteral("ledger.committed_transactions")});
        DeactivateConfigRequest off;
        off.id = p.id;
        QVERIFY(f.client->webhooks().v1().deactivateConfig(off).result());

        const QString l = freshLedger();
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        const Reply tx = f.post(l, "world", "users:hooked", "USD/2", "1234", R"("reference":"hooked-1")");
        QCOMPARE(tx.status, 200);
        const QString txId = tx.str({"data", "id"});

        QTRY_COMPARE_WITH_TIMEOUT(hooked.hits.size(), 1, 10000);
        const Receiver::Hit hit = hooked.hits.first();
        QCOMPARE(hit.method, QByteArray("POST"));
        QCOMPARE(hit.path, QByteArray("/hook"));
        QVERIFY(hit.headers.value("content-type").startsWith("application/json"));
        QVERIFY(!hit.headers.value("formance-webhook-id").isEmpty());
        const qint64 ts = hit.headers.value("formance-webhook-timestamp").toLongLong();
        QVERIFY(ts >= before && ts <= QDateTime::currentSecsSinceEpoch());
        QVERIFY(hit.headers.value("formance-webhook-signature").startsWith("v1,"));
        QVERIFY(signatureValid(hit, c.secret));
        QVERIFY(!signatureValid(hit, o.secret));

        auto doc = Json::Document::parse(hit.body);
        QVERIFY(doc);
        const Json::Value e = doc->root();
        QCOMPARE(e["app"].toString(), QStringLiteral("ledger"));
        QCOMPARE(e["type"].toString(), QStringLiteral("COMMITTED_TRANSACTIONS"));
        QCOMPARE(e["ledger"].toString(), l);
        const Json::Value t = first(e["payload"]["transactions"]);
        QCOMPARE(num(t["id"]), txId);
        QCOMPARE(t["reference"].toString(), QStringLiteral("hooked-1"));
        QCOMPARE(num(first(t["postings"])["amount"]), QStringLiteral("1234"));
        QCOMPARE(first(t["postings"])["destination"].toString(), QStringLiteral("users:hooked"));

        // One attempt recorded, successful; nothing for the others (other type, deactivated).
        QTRY_COMPARE(attempts(hit.headers.value("formance-webhook-id")).size(), 1);
        QCOMPARE(std::get<1>(attempts(hit.headers.value("formance-webhook-id")).first()),
                 QStringLiteral("success"));
        QTest::qWait(300);
        QCOMPARE(hooked.hits.size(), 1);
        QCOMPARE(otherType.hits.size(), 0);
        QCOMPARE(paused.hits.size(), 0);

        // Metadata saved: now the other receiver hears it, the first does not.
        QCOMPARE(f.call("POST", QStringLiteral("/api/ledger/v2/%1/transactions/%2/metadata").arg(l, txId),
                        R"({"note":"hello"})")
                     .status,
                 204);
        QTRY_COMPARE_WITH_TIMEOUT(otherType.hits.size(), 1, 10000);
        QVERIFY(signatureValid(otherType.hits.first(), o.secret));
        QVERIFY(otherType.hits.first().body.contains("SAVED_METADATA"));
        QTest::qWait(200);
        QCOMPARE(hooked.hits.size(), 1);
        QCOMPARE(paused.hits.size(), 0);

        for (const QString &id : {c.id, o.id, p.id})
            QCOMPARE(f.call("DELETE", "/api/webhooks/configs/" + id).status, 200);
    }

    void retriesWithBackoffUntilSuccess() {
        Receiver flaky;
        flaky.script = {500, 503};
        const auto c = insert(flaky.url(), {QStringLiteral("ledger.committed_transactions")});
        const QString l = freshLedger();
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(f.post(l, "world", "a", "EUR", "5").status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(flaky.hits.size(), 3, 10000);
        QVERIFY(clock.elapsed() >= 300); // 100 ms then 200 ms between attempts
        QTest::qWait(600);
        QCOMPARE(flaky.hits.size(), 3);
        const QByteArray id = flaky.hits.first().headers.value("formance-webhook-id");
        for (const auto &hit : std::as_const(flaky.hits)) {
            QCOMPARE(hit.headers.value("formance-webhook-id"), id); // one webhook, three attempts
            QCOMPARE(hit.body, flaky.hits.first().body);
            QVERIFY(signatureValid(hit, c.secret));
        }
        QTRY_COMPARE(attempts(id).size(), 3);
        const auto a = attempts(id);
        QCOMPARE(a[0], std::make_tuple(0, QStringLiteral("to retry"), 500));
        QCOMPARE(a[1], std::make_tuple(1, QStringLiteral("to retry"), 503));
        QCOMPARE(a[2], std::make_tuple(2, QStringLiteral("success"), 200));
        QCOMPARE(f.call("DELETE", "/api/webhooks/configs/" + c.id).status, 200);
    }

    void unreachableEndpointFailsAfterBoundedAttempts() {
        const auto c = insert(QStringLiteral("http://127.0.0.1:%1/").arg(closedPort()),
                              {QStringLiteral("ledger.committed_transactions")});
        const QString l = freshLedger();
        QCOMPARE(f.post(l, "world", "a", "EUR", "5").status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(attemptsOfConfig(c.id).size(), 4, 10000);
        const auto a = attemptsOfConfig(c.id);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(a[i], std::make_tuple(i, QStringLiteral("to retry"), 0));
        QCOMPARE(a[3], std::make_tuple(3, QStringLiteral("failed"), 0));
        QTest::qWait(600);
        QCOMPARE(attemptsOfConfig(c.id).size(), 4);
        QCOMPARE(f.call("DELETE", "/api/webhooks/configs/" + c.id).status, 200);
    }

    void deactivationOrDeletionStopsPendingRetries_data() {
        QTest::addColumn<bool>("deleteIt");
        QTest::newRow("deactivated") << false;
        QTest::newRow("deleted") << true;
    }
    void deactivationOrDeletionStopsPendingRetries() {
        QFETCH(bool, deleteIt);
        Receiver down;
        down.script = {500, 500, 500, 500};
        down.hold = true; // the first attempt stays unanswered until the config is switched off
        const auto c = insert(down.url(), {QStringLiteral("ledger.committed_transactions")});
        const QString l = freshLedger();
        QCOMPARE(f.post(l, "world", "a", "EUR", "5").status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(down.hits.size(), 1, 10000);
        if (deleteIt) {
            QCOMPARE(f.call("DELETE", "/api/webhooks/configs/" + c.id).status, 200);
        } else {
            DeactivateConfigRequest off;
            off.id = c.id;
            QVERIFY(f.client->webhooks().v1().deactivateConfig(off).result());
        }
        down.release(); // 500: a retry is scheduled, and finds the config gone or inactive
        const QByteArray id = down.hits.first().headers.value("formance-webhook-id");
        QTRY_COMPARE(attempts(id).size(), 1);
        QCOMPARE(attempts(id).first(), std::make_tuple(0, QStringLiteral("to retry"), 500));
        QTest::qWait(1000); // longer than the whole retry schedule
        QCOMPARE(down.hits.size(), 1);
        QCOMPARE(attempts(id).size(), 1);
        if (!deleteIt)
            QCOMPARE(f.call("DELETE", "/api/webhooks/configs/" + c.id).status, 200);
    }

    void changedSecretSignsTheNextDelivery() {
        Receiver r;
        const auto c = insert(r.url(), {QStringLiteral("ledger.committed_transactions")});
        const QString l = freshLedger();
        QCOMPARE(f.post(l, "world", "a", "EUR", "5").status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(r.hits.size(), 1, 10000);
        QVERIFY(signatureValid(r.hits[0], c.secret));

        ChangeConfigSecretRequest change;
        change.id = c.id;
        change.body = Formance::Models::ConfigChangeSecret{QString()};
        auto changed = f.client->webhooks().v1().changeConfigSecret(change).result();
        QVERIFY(changed);
        const QString secret = changed->body.data.secret;
        QVERIFY(secret != c.secret);
        QCOMPARE(f.post(l, "world", "a", "EUR", "6").status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(r.hits.size(), 2, 10000);
        QVERIFY(signatureValid(r.hits[1], secret));
        QVERIFY(!signatureValid(r.hits[1], c.secret));
        QCOMPARE(f.call("DELETE", "/api/webhooks/configs/" + c.id).status, 200);
    }

    void testConfigAgainstLiveAndClosedEndpoints() {
        Receiver live;
        live.answer = "pong";
        const auto c =
            insert(live.url(QStringLiteral("/test")), {QStringLiteral("ledger.committed_transactions")});
        TestConfigRequest req;
        req.id = c.id;
        auto res = f.client->webhooks().v1().testConfig(req).result();
        QVERIFY2(res, qPrintable(res ? QString() : res.error().toString()));
        const auto &a = res->body.data;
        QCOMPARE(a.status, QStringLiteral("success"));
        QCOMPARE(a.statusCode, 200);
        QCOMPARE(a.retryAttempt, 0);
        QCOMPARE(a.payload, QStringLiteral(R"({"data":"test"})"));
        QCOMPARE(a.config.id, c.id);
        QCOMPARE(live.hits.size(), 1);
        const auto &hit = live.hits.first();
        QCOMPARE(hit.path, QByteArray("/test"));
        QCOMPARE(hit.headers.value("formance-webhook-test"), QByteArray("true"));
        QCOMPARE(QString::fromUtf8(hit.headers.value("formance-webhook-id")), a.webhookID);
        QCOMPARE(hit.body, QByteArray(R"({"data":"test"})"));
        QVERIFY(signatureValid(hit, c.secret));
        Reply raw = f.call("GET", "/api/webhooks/configs/" + c.id + "/test");
        QCOMPARE(raw.status, 200);
        QCOMPARE(raw.str({"data", "responseBody"}), QStringLiteral("pong"));

        live.script = {418};
        res = f.client->webhooks().v1().testConfig(req).result();
        QVERIFY(res);
        QCOMPARE(res->body.data.status, QStringLiteral("failed"));
        QCOMPARE(res->body.data.statusCode, 418);

        const auto closed =
            insert(QStringLiteral("http://127.0.0.1:%1/").arg(closedPort()), {QStringLiteral("a.b")});
        req.id = closed.id;
        res = f.client->webhooks().v1().testConfig(req).result();
        QVERIFY2(res, qPrintable(res ? QString() : res.error().toString()));
        QCOMPARE(res->body.data.status, QStringLiteral("failed"));
        QCOMPARE(res->body.data.statusCode, 0);
        // An endpoint that never answers: the attempt ends at the timeout, and the handler too.
        Receiver silent;
        silent.hold = true;
        const auto mute = insert(silent.url(), {QStringLiteral("a.b")});
        req.id = mute.id;
        QElapsedTimer clock;
        clock.start();
        res = f.client->webhooks().v1().testConfig(req).result();
        QVERIFY2(res, qPrintable(res ? QString() : res.error().toString()));
        QCOMPARE(res->body.data.status, QStringLiteral("failed"));
        QCOMPARE(res->body.data.statusCode, 0);
        QVERIFY(clock.elapsed() >= 1900 && clock.elapsed() < 10000);
        QCOMPARE(silent.hits.size(), 1);
        QCOMPARE(f.call("DELETE", "/api/webhooks/configs/" + mute.id).status, 200);
        req.id = closed.id;

        // Tests are not deliveries: no retry follows.
        QTest::qWait(400);
        QCOMPARE(attemptsOfConfig(closed.id).size(), 0);
        for (const QString &id : {c.id, closed.id})
            QCOMPARE(f.call("DELETE", "/api/webhooks/configs/" + id).status, 200);
    }

    void demoSeed() {
        QTemporaryDir dir;
        Sandbox::Options o;
        o.seed = QStringLiteral("demo");
        o.dataDir = dir.path();
        QString activeId;
        {
            Fixture demo;
            QVERIFY(demo.start(o, false));
            const Reply r = demo.call("GET", "/api/webhooks/configs");
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json()["cursor"]["data"].size(), 2u);
            for (const Json::Value c : r.json()["cursor"]["data"].elements()) {
                if (c["active"].toBool()) {
                    QVERIFY(activeId.isEmpty());
                    activeId = c["id"].toString();
                    QVERIFY(c["endpoint"].toString().startsWith(QLatin1String("http://127.0.0.1:9/")));
                    QCOMPARE(first(c["eventTypes"]).toString(),
                             QStringLiteral("ledger.committed_transactions"));
                }
            }
            QVERIFY(!activeId.isEmpty());
            // The active demo config fails on every committed transaction, and is retried.
            QVERIFY(demo.createLedger(QStringLiteral("demo-hooks")));
            QCOMPARE(demo.post("demo-hooks", "world", "a", "USD", "1").status, 200);
            const auto failedAttempts = [&] {
                int n = 0;
                demo.sandbox.runInServerThread([&](Sandbox::Server &s) {
                    QSqlQuery q = s.store()->query(
                        QStringLiteral(
                            "SELECT COUNT(*) FROM webhooks_attempts WHERE config_id = ? AND status_code = 0"),
                        {activeId});
                    q.next();
                    n = q.value(0).toInt();
                });
                return n;
            };
            QTRY_COMPARE_WITH_TIMEOUT(failedAttempts(), 4, 10000);
        }
        // Restarted on the same data: seeded once only.
        Fixture again;
        QVERIFY(again.start(o, false));
        QCOMPARE(again.call("GET", "/api/webhooks/configs").json()["cursor"]["data"].size(), 2u);
    }
};

QTEST_MAIN(TestSandboxWebhooks)
#include "tst_sandbox_webhooks.moc"
