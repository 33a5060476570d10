// TLS is verified, always: a server whose certificate no trusted CA signed is an error naming the
// handshake, and a profile's own CA (SdkConfig::caCertificates) is trusted for that client only.
#include "TestCertificate.h"
#include <Formance/Client.h>

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QTest>

using namespace Formance;

class TestTls : public QObject {
    Q_OBJECT
private:
    TestCertificate m_tls;
    QHttpServer m_server;
    quint16 m_port = 0;

    SdkConfig config(bool withCredentials, bool trusted) const {
        SdkConfig c;
        c.server = ServerConfig::fromUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_port));
        if (withCredentials)
            c.credentials = ClientCredentials{QStringLiteral("id"), QStringLiteral("secret"), {}};
        if (trusted)
            c.caCertificates = QSslCertificate::fromData(m_tls.pem, QSsl::Pem);
        c.timeoutMs = 10000;
        return c;
    }

    static HttpRequest versions() {
        HttpRequest r;
        r.path = QStringLiteral("/versions");
        return r;
    }

private slots:
    void initTestCase() {
        QString why;
        m_tls = TestCertificate::make(&why);
        QVERIFY2(!m_tls.certificate.isNull(), qPrintable(why));
        m_server.route(QStringLiteral("/api/auth/oauth/token"), QHttpServerRequest::Method::Post, [] {
            return QHttpServerResponse(QJsonObject{{"access_token", "t"}, {"expires_in", 60}});
        });
        m_server.route(QStringLiteral("/versions"), [] {
            return QHttpServerResponse(QJsonObject{{"env", "tls"}});
        });
        m_server.sslSetup(m_tls.certificate, m_tls.key);
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(m_port);
    }

    void untrustedServerIsATlsError_data() {
        QTest::addColumn<bool>("withCredentials");
        QTest::newRow("API call") << false;
        QTest::newRow("token request") << true;
    }

    void untrustedServerIsATlsError() {
        QFETCH(bool, withCredentials);
        Client client(config(withCredentials, false));
        const auto result = client.send(versions()).result();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::Kind::Tls);
        QVERIFY2(result.error().message().contains(QStringLiteral("TLS handshake")),
                 qPrintable(result.error().message()));
    }

    void customCaIsTrustedForItsClientOnly() {
        Client trusted(config(true, true));
        const auto ok = trusted.send(versions()).result();
        QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.error().toString()));
        QVERIFY(ok->body.contains("tls"));

        Client other(config(true, false)); // no process-wide trust was added
        QCOMPARE(other.send(versions()).result().error().kind(), Error::Kind::Tls);
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
