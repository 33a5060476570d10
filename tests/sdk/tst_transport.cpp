// Retry, timeout, idempotency and error handling against a scripted network.
#include "FakeNetwork.h"

#include <Formance/Client.h>
#include <Formance/ResponseDecoding.h>

#include <QRandomGenerator>
#include <QTest>

using namespace Formance;

namespace {
struct Versions {
    QString region;
    static bool fromJson(const Json::Value &v, Versions &out, Json::DecodeContext &ctx) {
        if (!v.isObject())
            return ctx.expected("an object", v);
        return Json::readMember(v, "region", out.region, ctx, true);
    }
    void toJson(Json::Writer &w) const {
        w.beginObject();
        Json::writeMember(w, "region", region);
        w.endObject();
    }
};

HttpRequest get(const QString &path = QStringLiteral("/versions")) {
    HttpRequest r;
    r.method = "GET";
    r.path = path;
    return r;
}

HttpRequest createTransaction() {
    HttpRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/api/ledger/v2/main/transactions");
    r.body =
        R"({"postings":[{"source":"world","destination":"users:1","amount":100,"asset":"USD/2"}],"metadata":{}})";
    r.acceptsIdempotencyKey = true;
    return r;
}

RetryConfig fastRetries(bool connectionErrors = false, qint64 maxElapsedMs = 10000) {
    return RetryConfig::withBackoff({50, 1000, 2.0, maxElapsedMs}, connectionErrors);
}

struct Fixture {
    FakeNetwork network;
    std::unique_ptr<Client> client;
    explicit Fixture(RetryConfig retry = {}, int timeoutMs = 5000) {
        SdkConfig config;
        config.server = ServerConfig::fromUrl(QStringLiteral("http://stack.test"));
        config.network = &network;
        config.retry = retry;
        config.timeoutMs = timeoutMs;
        client = std::make_unique<Client>(config);
    }
};
} // namespace

class TestTransport : public QObject {
    Q_OBJECT
private slots:
    void succeedsAfterTwo503WithinBackoffBounds() {
        Fixture f(fastRetries());
        f.network.enqueue(ScriptedReply::json(503, "{}"));
        f.network.enqueue(ScriptedReply::json(503, "{}"));
        f.network.enqueue(ScriptedReply::json(200, R"({"region":"eu"})"));
        const auto result = decodeJsonResponse<Versions>(f.client->send(get()).result());
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(result->region, QStringLiteral("eu"));
        QCOMPARE(f.network.requests().size(), 3);
        const auto t = f.network.requestTimesMs();
        // Backoff 50 ms then 100 ms, each with at most 25% jitter (plus scheduling slack).
        QVERIFY2(t[1] - t[0] >= 50 && t[1] - t[0] <= 50 * 1.25 + 150,
                 qPrintable(QString::number(t[1] - t[0])));
        QVERIFY2(t[2] - t[1] >= 100 && t[2] - t[1] <= 100 * 1.25 + 150,
                 qPrintable(QString::number(t[2] - t[1])));
    }

    void honoursRetryAfter() {
        Fixture f(RetryConfig::withBackoff({10, 5000, 1.0, 10000}, false));
        ScriptedReply throttled =
            ScriptedReply::json(429, R"({"errorCode":"TOO_MANY","errorMessage":"slow down"})");
        throttled.headers.emplaceBack("Retry-After", "1");
        f.network.enqueue(throttled);
        f.network.enqueue(ScriptedReply::json(200, R"({"region":"eu"})"));
        QVERIFY(f.client->send(get()).result().ok());
        const auto t = f.network.requestTimesMs();
        QCOMPARE(t.size(), 2);
        QVERIFY2(t[1] - t[0] >= 1000, qPrintable(QString::number(t[1] - t[0])));
    }

    void givesUpWhenElapsedBudgetIsSpent() {
        Fixture f(fastRetries(false, 300));
        f.network.setResponder([](const SeenRequest &) {
            return ScriptedReply::json(503, R"({"errorCode":"UNAVAILABLE","errorMessage":"down"})");
        });
        const auto result = f.client->send(get()).result();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().httpStatus(), 503);
        QCOMPARE(result.error().errorCode(), QStringLiteral("UNAVAILABLE"));
        QVERIFY(f.network.requests().size() >= 2);
        QVERIFY(f.network.requests().size() <= 4); // 50 + 100 + 200 ms fits 300 ms at most three times
    }

    void connectionRefusedWithoutConnectionRetriesFailsAtOnce() {
        Fixture f(fastRetries(false));
        f.network.enqueue(ScriptedReply::failure(QNetworkReply::ConnectionRefusedError));
        f.network.enqueue(ScriptedReply::json(200, R"({"region":"eu"})"));
        const auto result = f.client->send(get()).result();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::Kind::Network);
        QCOMPARE(f.network.requests().size(), 1);
    }

    void connectionErrorsRetriedWhenAsked() {
        Fixture f(fastRetries(true));
        f.network.enqueue(ScriptedReply::failure(QNetworkReply::ConnectionRefusedError));
        f.network.enqueue(ScriptedReply::failure(QNetworkReply::RemoteHostClosedError));
        f.network.enqueue(ScriptedReply::json(200, R"({"region":"eu"})"));
        QVERIFY(f.client->send(get()).result().ok());
        QCOMPARE(f.network.requests().size(), 3);
    }

    void retriedCreateTransactionKeepsOneIdempotencyKey() {
        Fixture f(fastRetries(true));
        f.network.enqueue(ScriptedReply::json(503, "{}"));
        f.network.enqueue(ScriptedReply::failure(QNetworkReply::RemoteHostClosedError));
        f.network.enqueue(ScriptedReply::json(500, "{}"));
        f.network.enqueue(ScriptedReply::json(200, R"({"data":{}})"));
        QVERIFY(f.client->send(createTransaction()).result().ok());
        const auto &seen = f.network.requests();
        QCOMPARE(seen.size(), 4);
        const QByteArray key = seen[0].header("Idempotency-Key");
        QVERIFY(!key.isEmpty());
        for (const auto &r : seen) {
            QCOMPARE(r.header("Idempotency-Key"), key);
            QCOMPARE(r.body, createTransaction().body);
        }
        // A second call is a different transaction: a different key.
        f.network.enqueue(ScriptedReply::json(200, R"({"data":{}})"));
        QVERIFY(f.client->send(createTransaction()).result().ok());
        QVERIFY(f.network.requests().last().header("Idempotency-Key") != key);
    }

    void callersIdempotencyKeyIsKept() {
        Fixture f(fastRetries());
        f.network.enqueue(ScriptedReply::json(503, "{}"));
        f.network.enqueue(ScriptedReply::json(200, "{}"));
        HttpRequest r = createTransaction();
        r.headers.emplaceBack("Idempotency-Key", "mine-1");
        QVERIFY(f.client->send(r).result().ok());
        QCOMPARE(f.network.requests().size(), 2);
        QCOMPARE(f.network.requests()[1].header("Idempotency-Key"), QByteArray("mine-1"));
    }

    void postWithoutIdempotencyIsNeverRetried() {
        Fixture f(fastRetries(true));
        HttpRequest r = createTransaction();
        r.acceptsIdempotencyKey = false;
        f.network.enqueue(ScriptedReply::json(503, "{}"));
        f.network.enqueue(ScriptedReply::json(200, "{}"));
        const auto result = f.client->send(r).result();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().httpStatus(), 503);
        QCOMPARE(f.network.requests().size(), 1);
        QVERIFY(f.network.requests()[0].header("Idempotency-Key").isEmpty());
    }

    void perCallRetryOverridesGlobal() {
        Fixture f; // no retries by default
        f.network.enqueue(ScriptedReply::json(502, "{}"));
        f.network.enqueue(ScriptedReply::json(200, R"({"region":"eu"})"));
        HttpRequest r = get();
        r.options.retry = fastRetries();
        QVERIFY(f.client->send(r).result().ok());
        QCOMPARE(f.network.requests().size(), 2);

        f.network.enqueue(ScriptedReply::json(502, "{}"));
        QVERIFY(!f.client->send(get()).result().ok());
        QCOMPARE(f.network.requests().size(), 3);
    }

    void hangingServerTimesOut() {
        Fixture f({}, 100);
        f.network.enqueue(ScriptedReply::hanging());
        const auto result = f.client->send(get()).result();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::Kind::Timeout);
        QVERIFY(result.error().message().contains(QStringLiteral("100 ms")));

        // Per call, shorter than the default.
        Fixture g({}, 60000);
        g.network.enqueue(ScriptedReply::hanging());
        HttpRequest r = get();
        r.options.timeoutMs = 50;
        QCOMPARE(g.client->send(r).result().error().kind(), Error::Kind::Timeout);
    }

    void cancelAbortsTheCall() {
        Fixture f;
        f.network.enqueue(ScriptedReply::hanging());
        auto call = f.client->send(get());
        QTimer::singleShot(20, [call] { call.cancel(); });
        const auto result = call.result();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::Kind::Canceled);
    }

    void htmlErrorPageIsExplained() {
        Fixture f;
        ScriptedReply page{502,
                           {{"Content-Type", "text/html"}},
                           "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad "
                           "Gateway</h1><hr>nginx</body></html>"};
        f.network.enqueue(page);
        const auto result = f.client->send(get()).result();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::Kind::Http);
        QCOMPARE(result.error().httpStatus(), 502);
        QVERIFY2(result.error().message().contains(QStringLiteral("text/html")),
                 qPrintable(result.error().message()));
        QVERIFY(result.error().message().contains(QStringLiteral("502 Bad Gateway")));
        QCOMPARE(result.error().body(), page.body);

        // The same page with a 200 status: a decode error that says what came back.
        f.network.enqueue(ScriptedReply{200, {{"Content-Type", "text/html; charset=utf-8"}}, page.body});
        const auto decoded = decodeJsonResponse<Versions>(f.client->send(get()).result());
        QCOMPARE(decoded.error().kind(), Error::Kind::Decode);
        QVERIFY2(decoded.error().message().contains(QStringLiteral("expected JSON, got text/html")),
                 qPrintable(decoded.error().message()));
    }

    void garbageBodiesFailCleanly() {
        QByteArray garbage(10 * 1024 * 1024, Qt::Uninitialized);
        auto *rng = QRandomGenerator::global();
        for (qsizetype i = 0; i < garbage.size(); ++i)
            garbage[i] = char(rng->bounded(256));
        Fixture f;
        f.network.enqueue(ScriptedReply::json(200, garbage));
        const auto decoded = decodeJsonResponse<Versions>(f.client->send(get()).result());
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().kind(), Error::Kind::Decode);
        QVERIFY(decoded.error().message().contains(QStringLiteral("invalid JSON")));

        // Over the size limit: refused before decoding.
        SdkConfig config;
        config.server = ServerConfig::fromUrl(QStringLiteral("http://stack.test"));
        FakeNetwork network;
        config.network = &network;
        config.maxResponseBytes = 1024 * 1024;
        Client small(config);
        network.enqueue(ScriptedReply::json(200, garbage));
        const auto refused = small.send(get()).result();
        QCOMPARE(refused.error().kind(), Error::Kind::Decode);
        QVERIFY(refused.error().message().contains(QStringLiteral("larger than")));
    }

    void schemaMismatchNamesThePath() {
        Fixture f;
        f.network.enqueue(ScriptedReply::json(200, R"({"region":42})"));
        const auto decoded = decodeJsonResponse<Versions>(f.client->send(get()).result());
        QCOMPARE(decoded.error().kind(), Error::Kind::Decode);
        QVERIFY2(decoded.error().message().contains(QStringLiteral("$.region: expected a string")),
                 qPrintable(decoded.error().message()));
    }

    void apiErrorCarriesTheServersCode() {
        Fixture f;
        f.network.enqueue(
            ScriptedReply::json(400, "{\"errorCode\":\"INSUFFICIENT_FUND\",\"errorMessage\":\"account "
                                     "users:1 has 0 USD/2\",\"details\":\"https://play.numscript.org\"}"));
        const auto result = f.client->send(createTransaction()).result();
        QCOMPARE(result.error().kind(), Error::Kind::Api);
        QCOMPARE(result.error().errorCode(), QStringLiteral("INSUFFICIENT_FUND"));
        QCOMPARE(result.error().api()->errorMessage, QStringLiteral("account users:1 has 0 USD/2"));
        QCOMPARE(result.error().httpStatus(), 400);
    }

    void sendsBodiesWithGetAndHead() {
        Fixture f;
        f.network.enqueue(ScriptedReply::json(200, "{}"));
        HttpRequest list = get(QStringLiteral("/api/ledger/v2/main/transactions"));
        list.body = R"({"$match":{"account":"users:"}})";
        list.query = {{QStringLiteral("pageSize"), QStringLiteral("100")},
                      {QStringLiteral("cursor"), QStringLiteral("a+b/c=")}};
        QVERIFY(f.client->send(list).result().ok());
        QCOMPARE(f.network.requests()[0].method, QByteArray("GET"));
        QCOMPARE(f.network.requests()[0].body, list.body);
        QCOMPARE(f.network.requests()[0].url.toString(QUrl::FullyEncoded),
                 QStringLiteral(
                     "http://stack.test/api/ledger/v2/main/transactions?pageSize=100&cursor=a%2Bb%2Fc%3D"));

        f.network.enqueue(ScriptedReply{204, {{"Count", "340282366920938463463374607431768211457"}}, {}});
        HttpRequest count = list;
        count.method = "HEAD";
        count.query.clear();
        const auto counted = f.client->send(count).result();
        QVERIFY(counted.ok());
        QCOMPARE(counted->status, 204);
        QCOMPARE(counted->header("count"), QByteArray("340282366920938463463374607431768211457"));
        QCOMPARE(f.network.requests()[1].method, QByteArray("HEAD"));
        QCOMPARE(f.network.requests()[1].body, list.body);
    }

    void requestHookHasTheLastWord() {
        FakeNetwork network;
        SdkConfig config;
        config.server = ServerConfig::fromUrl(QStringLiteral("http://stack.test/prefix/"));
        config.network = &network;
        config.requestHook = [](QNetworkRequest &r) { r.setRawHeader("X-Trace", "abc"); };
        Client client(config);
        network.enqueue(ScriptedReply::json(200, "{}"));
        QVERIFY(client.send(get()).result().ok());
        QCOMPARE(network.requests()[0].header("X-Trace"), QByteArray("abc"));
        QCOMPARE(network.requests()[0].url.toString(), QStringLiteral("http://stack.test/prefix/versions"));
    }

    void serverSelection() {
        QCOMPARE(ServerConfig{}.resolve().toString(), QStringLiteral("http://localhost"));
        QCOMPARE((ServerConfig{ServerConfig::CloudServer, {}, {}}.resolve().toString()),
                 QStringLiteral(
                     "https://orgid-stackid.sandbox.formance.cloud")); // host names are case-insensitive
        QCOMPARE(
            ServerConfig::cloud(QStringLiteral("acme"), QStringLiteral("eu-west-1")).resolve().toString(),
            QStringLiteral("https://acme.eu-west-1.formance.cloud"));
        QString error;
        QVERIFY(
            ServerConfig::cloud(QStringLiteral("acme"), QStringLiteral("mars")).resolve(&error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("unknown environment")));
        QVERIFY((ServerConfig{5, {}, {}}.resolve(&error).isEmpty()));
        QVERIFY(ServerConfig::fromUrl(QStringLiteral("not a url")).resolve(&error).isEmpty());

        // A bad configuration fails each call with a clear error rather than sending anywhere.
        SdkConfig config;
        config.server = ServerConfig::cloud(QStringLiteral("acme"), QStringLiteral("mars"));
        Client client(config);
        const auto result = client.send(get()).result();
        QVERIFY(!result.ok());
        QVERIFY(result.error().message().contains(QStringLiteral("unknown environment")));
    }
};

QTEST_GUILESS_MAIN(TestTransport)
#include "tst_transport.moc"
