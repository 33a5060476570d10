#include "Profile.h"

#include <QCoreApplication>
#include <QUrl>

QString Profile::validate() const {
    if (name.trimmed().isEmpty())
        return tr("Give the profile a name.");
    if (serverUrl.trimmed().isEmpty() && organization.trimmed().isEmpty())
        return tr("Enter a server URL, or a Formance Cloud organization.");
    if (!serverUrl.trimmed().isEmpty()) {
        const QUrl url(serverUrl.trimmed(), QUrl::StrictMode);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
            url.host().isEmpty())
            return tr("The server URL must look like https://stack.example.com.");
    }
    if (stage != QLatin1String("development") && stage != QLatin1String("staging") &&
        stage != QLatin1String("production"))
        return tr("Choose development, staging or production.");
    if (!caCertificatesPem.trimmed().isEmpty() && caCertificates().isEmpty())
        return tr("The trusted CA must be a PEM certificate (-----BEGIN CERTIFICATE----- …).");
    return {};
}

QList<QSslCertificate> Profile::caCertificates() const {
    if (caCertificatesPem.trimmed().isEmpty())
        return {};
    return QSslCertificate::fromData(caCertificatesPem.toUtf8(), QSsl::Pem);
}
