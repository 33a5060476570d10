// Which proxy a client's requests take: a stack on loopback is reached directly even when the
// process has a default proxy, and SdkConfig::proxy, when set, is the one used. Real listeners.
#include <Formance/Client.h>

#include <QHttpServer>
#include <QNetworkProxy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Formance;

namespace {

// A would-be proxy: keeps every byte it is sent, answers nothing.
class Proxy {
public:
    Proxy() {
        QObject::connect(&server, &QTcpServer::newConnection, [this] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                ++connections;
                QObject::connect(socket, &QTcpSocket::readyRead,
                                 [this, socket] { received += socket->readAll(); });
            }
        });
    }
    QNetworkProxy proxy() const {
        return QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), server.serverPort());
    }
    QTcpServer server;
    int connections = 0;
    QByteArray received;
};

HttpRequest ping() {
    HttpRequest r;
    r.method = "GET";
    r.path = QStringLiteral("/api/ping");
    return r;
}

} // namespace

class TestProxy : public QObject {
    Q_OBJECT
    QHttpServer stack;
    quint16 stackPort = 0;
    Proxy proxy;

    SdkConfig config() const {
        SdkConfig c;
        c.server = ServerConfig::fromUrl(QStringLiteral("http://127.0.0.1:%1").arg(stackPort));
        c.timeoutMs = 600;
        return c;
    }

private slots:
    void initTestCase() {
        stack.route(QStringLiteral("/api/ping"), [] { return QStringLiteral("pong"); });
        stackPort = stack.listen(QHostAddress::LocalHost, 0);
        QVERIFY(stackPort);
        QVERIFY(proxy.server.listen(QHostAddress::LocalHost, 0));
    }
    void cleanup() {
        QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
        proxy.connections = 0;
        proxy.received.clear();
    }

    // The process-wide default proxy (what the system settings would give) does not catch a
    // stack on loopback: the in-process demo stack is never sent through a proxy.
    void loopbackStackIsReachedDirectly() {
        QNetworkProxy::setApplicationProxy(proxy.proxy());
        Client client(config());
        const auto result = client.send(ping()).result();
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
        QCOMPARE(result.value().body, QByteArray("pong"));
        QCOMPARE(proxy.connections, 0);
    }

    // An explicit proxy is used, even for loopback.
    void explicitProxyIsUsed() {
        SdkConfig c = config();
        c.proxy = proxy.proxy();
        Client client(c);
        const auto result = client.send(ping()).result();
        QVERIFY(!result.ok()); // this proxy never answers
        QCOMPARE(proxy.connections, 1);
        QVERIFY2(proxy.received.startsWith(
                     QStringLiteral("GET http://127.0.0.1:%1/api/ping ").arg(stackPort).toLatin1()),
                 proxy.received.left(80).constData());
    }

    // A manager the application injects keeps the proxy it was given.
    void injectedManagerKeepsItsProxy() {
        QNetworkAccessManager network;
        network.setProxy(proxy.proxy());
        SdkConfig c = config();
        c.network = &network;
        Client client(c);
        QVERIFY(!client.send(ping()).result().ok());
        QCOMPARE(proxy.connections, 1);
    }
};

QTEST_GUILESS_MAIN(TestProxy)
#include "tst_proxy.moc"
