// Credentials never leave their origin: redirects to another scheme, host or port are not followed,
// the token request follows none, and nothing reaches the other listener. Real servers on loopback.
#include "TestCertificate.h"
#include <Formance/Client.h>

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Formance;

namespace {
const QString kClientId = QStringLiteral("desk-tests");
const QString kSecret = QStringLiteral("redirect-secret-7Qk2");
const QByteArray kToken = "tok-redirect-9XcV";

// Where a hostile server would like the client to go: counts connections and keeps every byte.
class Elsewhere {
public:
    Elsewhere() {
        QObject::connect(&server, &QTcpServer::newConnection, [this] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                ++connections;
                QObject::connect(socket, &QTcpSocket::readyRead,
                                 [this, socket] { received += socket->readAll(); });
            }
        });
    }
    quint16 listen() { return server.listen(QHostAddress::LocalHost, 0) ? server.serverPort() : 0; }
    QString url(const QString &path) const {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(server.serverPort()).arg(path);
    }

    int connections = 0;
    QByteArray received;

private:
    QTcpServer server;
};

QHttpServerResponse redirect(QHttpServerResponse::StatusCode status, const QString &location) {
    QHttpServerResponse response(status);
    response.setHeader("Location", location.toUtf8());
    return response;
}

// The stack the client is configured for: a token endpoint and API routes that redirect.
class Origin {
public:
    QString tokenLocation; // when set, the token endpoint redirects there
    QString apiLocation;   // where /api/ledger/v2 redirects
    int landed = 0;        // calls that reached /landing
    QByteArray landedAuth; // the Authorization they carried
    int tokenFetches = 0;

    quint16 listen(const QSslCertificate *cert = nullptr, const QSslKey *key = nullptr) {
        server.route(QStringLiteral("/api/auth/oauth/token"), QHttpServerRequest::Method::Post,
                     [this](const QHttpServerRequest &) {
                         if (!tokenLocation.isEmpty())
                             return redirect(QHttpServerResponse::StatusCode::TemporaryRedirect,
                                             tokenLocation);
                         ++tokenFetches;
                         return QHttpServerResponse(QJsonObject{{"access_token", QString::fromLatin1(kToken)},
                                                                {"expires_in", 3600}});
                     });
        server.route(QStringLiteral("/api/ledger/v2"), [this](const QHttpServerRequest &) {
            return redirect(QHttpServerResponse::StatusCode::Found, apiLocation);
        });
        server.route(QStringLiteral("/landing"), [this](const QHttpServerRequest &req) {
            ++landed;
            landedAuth = req.value("Authorization");
            return QHttpServerResponse(QJsonObject{{"landed", true}});
        });
        if (cert && key)
            server.sslSetup(*cert, *key);
        return server.listen(QHostAddress::LocalHost, 0);
    }

private:
    QHttpServer server;
};

SdkConfig configFor(const QString &base) {
    SdkConfig config;
    config.server = ServerConfig::fromUrl(base);
    config.credentials = ClientCredentials{kClientId, kSecret, {}};
    config.timeoutMs = 10000;
    return config;
}

HttpRequest ledgerInfo() {
    HttpRequest r;
    r.path = QStringLiteral("/api/ledger/v2");
    return r;
}

// Lets a connection that should not happen show up before counting (nothing to wait on otherwise).
void settle() {
    QTest::qWait(150);
}
} // namespace

class TestRedirects : public QObject {
    Q_OBJECT
private slots:
    void sameOriginRedirectIsFollowedWithTheToken() {
        Origin origin;
        const quint16 port = origin.listen();
        QVERIFY(port);
        origin.apiLocation = QStringLiteral("/landing");
        Client client(configFor(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        const auto result = client.send(ledgerInfo()).result();
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(origin.landed, 1);
        QCOMPARE(origin.landedAuth, "Bearer " + kToken);
    }

    void redirectToAnotherPortIsNotFollowed() {
        Origin origin;
        Elsewhere elsewhere;
        const quint16 port = origin.listen();
        QVERIFY(port && elsewhere.listen());
        origin.apiLocation = elsewhere.url(QStringLiteral("/landing"));
        Client client(configFor(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        const auto result = client.send(ledgerInfo()).result();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::Kind::Http);
        QCOMPARE(result.error().httpStatus(), 302);
        QVERIFY2(result.error().message().contains(elsewhere.url(QStringLiteral("/landing"))),
                 qPrintable(result.error().message()));
        QVERIFY(!result.error().message().contains(QString::fromLatin1(kToken)));
        settle();
        QCOMPARE(elsewhere.connections, 0);
        QVERIFY(elsewhere.received.isEmpty());
    }

    void redirectToAnotherHostIsNotFollowed() {
        // Same listener, same port, another host name: only the host differs.
        Origin origin;
        const quint16 port = origin.listen();
        QVERIFY(port);
        origin.apiLocation = QStringLiteral("http://127.0.0.1:%1/landing").arg(port);
        Client client(configFor(QStringLiteral("http://localhost:%1").arg(port)));
        const auto result = client.send(ledgerInfo()).result();
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message().contains(QStringLiteral("not followed")),
                 qPrintable(result.error().message()));
        QCOMPARE(origin.tokenFetches, 1); // the token went to localhost, its own origin
        settle();
        QCOMPARE(origin.landed, 0);
    }

    void tokenEndpointRedirectIsNeverFollowed_data() {
        QTest::addColumn<bool>("sameOrigin");
        QTest::newRow("to another origin") << false;
        QTest::newRow("within the origin") << true;
    }

    void tokenEndpointRedirectIsNeverFollowed() {
        QFETCH(bool, sameOrigin);
        Origin origin;
        Elsewhere elsewhere;
        const quint16 port = origin.listen();
        QVERIFY(port && elsewhere.listen());
        origin.tokenLocation =
            sameOrigin ? QStringLiteral("/landing") : elsewhere.url(QStringLiteral("/token"));
        origin.apiLocation = QStringLiteral("/landing");
        Client client(configFor(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        const auto result = client.send(ledgerInfo()).result();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::Kind::Auth);
        QCOMPARE(result.error().httpStatus(), 307);
        QVERIFY2(result.error().message().contains(QStringLiteral("/landing")) ||
                     result.error().message().contains(elsewhere.url(QStringLiteral("/token"))),
                 qPrintable(result.error().message()));
        QVERIFY(!result.error().message().contains(kSecret));
        settle();
        QCOMPARE(elsewhere.connections, 0);
        QCOMPARE(origin.landed, 0); // neither the secret nor the API call went anywhere
    }

    void httpsToHttpDowngradeIsNotFollowed() {
        QString why;
        const TestCertificate tls = TestCertificate::make(&why);
        QVERIFY2(!tls.certificate.isNull(), qPrintable(why));
        const QSslCertificate &cert = tls.certificate;
        const QSslKey &key = tls.key;

        Origin origin;
        Elsewhere elsewhere;
        const quint16 port = origin.listen(&cert, &key);
        QVERIFY(port && elsewhere.listen());
        origin.apiLocation = elsewhere.url(QStringLiteral("/landing")); // http://, a downgrade
        SdkConfig config = configFor(QStringLiteral("https://127.0.0.1:%1").arg(port));
        config.caCertificates = {cert}; // trusted for this client only; verification stays on
        Client client(config);
        const auto result = client.send(ledgerInfo()).result();
        QVERIFY(!result.ok());
        QCOMPARE(origin.tokenFetches, 1); // TLS worked: the token came over https
        QCOMPARE(result.error().httpStatus(), 302);
        QVERIFY2(result.error().message().contains(QStringLiteral("https://127.0.0.1:%1").arg(port)),
                 qPrintable(result.error().message()));
        settle();
        QCOMPARE(elsewhere.connections, 0);
    }
};

QTEST_GUILESS_MAIN(TestRedirects)
#include "tst_redirects.moc"
