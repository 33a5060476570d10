// A self-signed certificate for 127.0.0.1, made with openssl for one test run: TLS servers on
// loopback without committing a private key.
#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QString>

struct TestCertificate {
    QSslCertificate certificate;
    QSslKey key;
    QByteArray pem; // the certificate as PEM text, as an operator would paste it

    // Empty certificate and *error set when openssl is missing or fails.
    static TestCertificate make(QString *error);
};
