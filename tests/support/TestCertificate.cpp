#include "TestCertificate.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

TestCertificate TestCertificate::make(QString *error) {
    QTemporaryDir dir;
    const QString certPath = dir.filePath(QStringLiteral("cert.pem"));
    const QString keyPath = dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                   "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", keyPath, "-out", certPath});
    if (!openssl.waitForFinished(30000) || openssl.exitStatus() != QProcess::NormalExit ||
        openssl.exitCode() != 0) {
        *error = QStringLiteral("openssl failed: %1 %2")
                     .arg(openssl.errorString(), QString::fromUtf8(openssl.readAllStandardError()));
        return TestCertificate(); // not {}: QSslCertificate's default constructor is explicit (clang refuses)
    }
    QFile certFile(certPath), keyFile(keyPath);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("openssl wrote no certificate");
        return TestCertificate(); // not {}: QSslCertificate's default constructor is explicit (clang refuses)
    }
    TestCertificate made;
    made.pem = certFile.readAll();
    made.certificate = QSslCertificate(made.pem, QSsl::Pem);
    made.key = QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem);
    if (made.certificate.isNull() || made.key.isNull())
        *error = QStringLiteral("openssl wrote a certificate Qt cannot read");
    return made;
}
