// A profile's trusted CA: a stack behind a private CA is refused (TLS is always verified) until
// the profile carries that CA's certificate, which then reaches the profile's clients only — the
// connection test and the session — and is kept with the profile (public data, not the keychain).
#include "TestCertificate.h"
#include "connection/ConnectionController.h"
#include "core/Profile.h"
#include "core/ProfileStore.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestProfileCa : public QObject {
    Q_OBJECT
private:
    TestCertificate m_tls;
    QHttpServer m_server;
    quint16 m_port = 0;

    QVariantMap profile(const QString &pem) const {
        return {{QStringLiteral("name"), QStringLiteral("private")},
                {QStringLiteral("serverUrl"), QStringLiteral("https://127.0.0.1:%1").arg(m_port)},
                {QStringLiteral("caCertificatesPem"), pem}};
    }

private slots:
    void initTestCase() {
        QString why;
        m_tls = TestCertificate::make(&why);
        QVERIFY2(!m_tls.certificate.isNull(), qPrintable(why));
        m_server.route(QStringLiteral("/versions"), [] {
            return QHttpServerResponse(
                "application/json",
                R"({"region":"private","env":"tls","versions":[{"name":"ledger","version":"v2.2.0","health":true}]})");
        });
        m_server.sslSetup(m_tls.certificate, m_tls.key);
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(m_port);
    }

    void connectionTestTrustsTheProfilesCaOnly() {
        ConnectionController tester;
        tester.test(profile({}), {});
        QVERIFY(QTest::qWaitFor([&] { return !tester.busy(); }, 20000));
        QVERIFY(!tester.ok());
        QVERIFY2(tester.message().contains(QStringLiteral("TLS")), qPrintable(tester.message()));

        tester.test(profile(QString::fromLatin1(m_tls.pem)), {});
        QVERIFY(QTest::qWaitFor([&] { return !tester.busy(); }, 20000));
        QVERIFY2(tester.ok(), qPrintable(tester.message()));
        QCOMPARE(tester.services().size(), 1);

        tester.test(profile(QStringLiteral("not a certificate")), {});
        QVERIFY(QTest::qWaitFor([&] { return !tester.busy(); }, 20000));
        QVERIFY(!tester.ok());
        QVERIFY2(tester.message().contains(QStringLiteral("PEM")), qPrintable(tester.message()));
    }

    void theCaIsKeptWithTheProfileAndChecked() {
        Profile p;
        p.id = QStringLiteral("p1");
        p.name = QStringLiteral("private");
        p.serverUrl = QStringLiteral("https://127.0.0.1:%1").arg(m_port);
        p.caCertificatesPem = QString::fromLatin1(m_tls.pem);
        QVERIFY2(p.validate().isEmpty(), qPrintable(p.validate()));
        QCOMPARE(p.caCertificates().size(), 1);
        QCOMPARE(p.caCertificates().first(), m_tls.certificate);

        QTemporaryDir dir;
        ProfileStore store(
            std::make_unique<QSettings>(dir.filePath(QStringLiteral("profiles.ini")), QSettings::IniFormat));
        store.save(p);
        const QList<Profile> loaded = store.load();
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.first().caCertificatesPem, p.caCertificatesPem);

        p.caCertificatesPem =
            QStringLiteral("-----BEGIN CERTIFICATE-----\nbroken\n-----END CERTIFICATE-----");
        QVERIFY(p.validate().contains(QStringLiteral("PEM")));
    }
};

QTEST_GUILESS_MAIN(TestProfileCa)
#include "tst_profile_ca.moc"
