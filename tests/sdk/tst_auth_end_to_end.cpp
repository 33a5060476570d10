// OAuth2 client credentials and logging, end to end against a real HTTP server on loopback.
#include <Formance/Client.h>
#include <Formance/Logging.h>
#include <Formance/TokenProvider.h>

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QSet>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

using namespace Formance;

namespace {
const QString kClientId = QStringLiteral("desk-tests");
const QString kSecret = QStringLiteral("s3cr3t-Zq9-do-not-log");

// A minimal stack: a token endpoint and one protected route.
class AuthServer {
public:
    int tokenFetches = 0;
    int apiCalls = 0;
    int ttlSeconds = 3600;
    bool alwaysUnauthorized = false;
    QSet<QByteArray> validTokens;
    QList<QByteArray> issued;

    quint16 start() {
        server.route(
            QStringLiteral("/api/auth/oauth/token"), QHttpServerRequest::Method::Post,
            [this](const QHttpServerRequest &req) {
                const QUrlQuery form(QString::fromUtf8(req.body()));
                if (form.queryItemValue(QStringLiteral("grant_type")) !=
                        QLatin1String("client_credentials") ||
                    form.queryItemValue(QStringLiteral("client_id")) != kClientId ||
                    form.queryItemValue(QStringLiteral("client_secret"), QUrl::FullyDecoded) != kSecret)
                    return QHttpServerResponse(QJsonObject{{"error", "invalid_client"}},
                                               QHttpServerResponse::StatusCode::Unauthorized);
                ++tokenFetches;
                const QByteArray token = "tok-" + QByteArray::number(tokenFetches) + "-QmFzZTY0VG9rZW4";
                validTokens.insert(token);
                issued.append(token);
                return QHttpServerResponse(QJsonObject{{"access_token", QString::fromLatin1(token)},
                                                       {"token_type", "Bearer"},
                                                       {"expires_in", ttlSeconds}});
            });
        server.route(QStringLiteral("/versions"), [this](const QHttpServerRequest &req) {
            ++apiCalls;
            const QByteArray auth = req.value("Authorization");
            if (alwaysUnauthorized || !auth.startsWith("Bearer ") || !validTokens.contains(auth.mid(7)))
                return QHttpServerResponse(
                    QByteArray("application/json"),
                    QByteArray(R"({"errorCode":"UNAUTHORIZED","errorMessage":"invalid token"})"),
                    QHttpServerResponse::StatusCode::Unauthorized);
            return QHttpServerResponse(QJsonObject{{"region", "local"}, {"env", "test"}});
        });
        return server.listen(QHostAddress::LocalHost, 0);
    }

private:
    QHttpServer server;
};

SdkConfig configFor(quint16 port, const QString &secret = kSecret) {
    SdkConfig config;
    config.server = ServerConfig::fromUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    config.credentials = ClientCredentials{kClientId, secret, {}};
    config.timeoutMs = 10000;
    return config;
}

HttpRequest versions() {
    HttpRequest r;
    r.path = QStringLiteral("/versions");
    return r;
}

QStringList *g_log = nullptr;
QtMessageHandler g_previous = nullptr;
void captureLog(QtMsgType type, const QMessageLogContext &ctx, const QString &msg) {
    if (g_log)
        g_log->append(QString::fromLatin1(ctx.category) + u' ' + msg);
    Q_UNUSED(type);
}
} // namespace

class TestAuthEndToEnd : public QObject {
    Q_OBJECT
private slots:
    void fiftyConcurrentCallsShareOneToken() {
        AuthServer server;
        const quint16 port = server.start();
        QVERIFY(port);
        Client client(configFor(port));
        QList<Call<HttpResponse>> calls;
        for (int i = 0; i < 50; ++i)
            calls.append(client.send(versions()));
        for (const auto &call : calls) {
            const auto result = call.result();
            QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        }
        QCOMPARE(server.tokenFetches, 1);
        QCOMPARE(server.apiCalls, 50);
    }

    void unauthorizedTriggersOneRefreshAndReplay() {
        AuthServer server;
        const quint16 port = server.start();
        Client client(configFor(port));
        QVERIFY(client.send(versions()).result().ok());
        server.validTokens.clear(); // revoked on the server side
        const auto replayed = client.send(versions()).result();
        QVERIFY(replayed.ok());
        QCOMPARE(server.tokenFetches, 2);
        QCOMPARE(server.apiCalls, 3);
    }

    void secondUnauthorizedSurfacesAsError() {
        AuthServer server;
        server.alwaysUnauthorized = true;
        const quint16 port = server.start();
        Client client(configFor(port));
        const auto result = client.send(versions()).result();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().httpStatus(), 401);
        QCOMPARE(result.error().errorCode(), QStringLiteral("UNAUTHORIZED"));
        QCOMPARE(server.apiCalls, 2);     // the call and one replay, never a loop
        QCOMPARE(server.tokenFetches, 2); // the first token and one refresh
    }

    void wrongSecretIsAnAuthError() {
        AuthServer server;
        const quint16 port = server.start();
        Client client(configFor(port, QStringLiteral("wrong")));
        const auto result = client.send(versions()).result();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::Kind::Auth);
        QVERIFY2(result.error().message().contains(QStringLiteral("wrong client id or secret")),
                 qPrintable(result.error().message()));
        QCOMPARE(server.apiCalls, 0);
    }

    void expiredTokenIsRenewedBeforeUse() {
        AuthServer server;
        server.ttlSeconds = 1;
        const quint16 port = server.start();
        Client client(configFor(port));
        QVERIFY(client.send(versions()).result().ok());
        QVERIFY(client.send(versions()).result().ok());
        QCOMPARE(server.tokenFetches, 1);
        QTest::qWait(1100); // the token's own lifetime: nothing shorter can show expiry
        QVERIFY(client.send(versions()).result().ok());
        QCOMPARE(server.tokenFetches, 2);
        QCOMPARE(server.apiCalls, 3); // renewed before use, no 401 round trip
    }

    void unreachableTokenEndpointIsExplained() {
        quint16 closedPort;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            closedPort = probe.serverPort();
        }
        Client client(configFor(closedPort));
        const auto result = client.send(versions()).result();
        QCOMPARE(result.error().kind(), Error::Kind::Auth);
        QVERIFY(result.error().message().contains(QStringLiteral("could not reach the token endpoint")));
    }

    void debugLogHasNoSecretsOrTokens() {
        QStringList log;
        g_log = &log;
        g_previous = qInstallMessageHandler(captureLog);
        QLoggingCategory::setFilterRules(QStringLiteral("formance.sdk.*.debug=true"));
        {
            AuthServer server;
            const quint16 port = server.start();
            Client client(configFor(port));
            QVERIFY(client.send(versions()).result().ok());
            server.validTokens.clear();
            QVERIFY(client.send(versions()).result().ok());
            HttpRequest post;
            post.method = "POST";
            post.path = QStringLiteral("/versions");
            post.body = R"({"client_secret":"s3cr3t-Zq9-do-not-log","name":"x"})";
            client.send(post).result();
            QCOMPARE(server.issued.size(), 2);
            QLoggingCategory::setFilterRules(QString());
            qInstallMessageHandler(g_previous);
            g_log = nullptr;

            const QString all = log.join(u'\n');
            QVERIFY2(all.contains(QStringLiteral("formance.sdk.http")), "the session was logged");
            QVERIFY(all.contains(QStringLiteral("/versions")));
            QVERIFY(all.contains(QStringLiteral("[redacted]")));
            QVERIFY2(!all.contains(kSecret), "client secret leaked into the log");
            for (const QByteArray &token : server.issued)
                QVERIFY2(!all.contains(QString::fromLatin1(token)), "token leaked into the log");
        }
    }
};

QTEST_GUILESS_MAIN(TestAuthEndToEnd)
#include "tst_auth_end_to_end.moc"
