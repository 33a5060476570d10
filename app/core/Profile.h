// A stack the operator connects to. Everything but the client secret, which lives in the OS
// keychain (SecretStore), never in QSettings.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QSslCertificate>
#include <QString>

struct Profile {
    Q_GADGET
    Q_PROPERTY(QString id MEMBER id)
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(QString serverUrl MEMBER serverUrl)
    Q_PROPERTY(QString organization MEMBER organization)
    Q_PROPERTY(QString environment MEMBER environment)
    Q_PROPERTY(QString clientId MEMBER clientId)
    Q_PROPERTY(QString stage MEMBER stage)
    Q_PROPERTY(bool readOnly MEMBER readOnly)
    Q_PROPERTY(QString caCertificatesPem MEMBER caCertificatesPem)
    Q_DECLARE_TR_FUNCTIONS(Profile)

public:
    QString id;           // stable key for settings and keychain entries
    QString name;         // shown to the operator
    QString serverUrl;    // explicit URL; when empty, Formance Cloud organization + environment
    QString organization; // Formance Cloud
    QString environment = QStringLiteral("sandbox");
    QString clientId;
    QString stage =
        QStringLiteral("development"); // development | staging | production: the window's colour label
    bool readOnly = false;
    // A CA the stack's certificate chains to (a private PKI), PEM text: trusted for this profile's
    // connections only, on top of the system's. Public data, kept with the profile.
    QString caCertificatesPem;

    QList<QSslCertificate> caCertificates() const;

    bool isProduction() const { return stage == QLatin1String("production"); }
    // Empty when the profile can be used; otherwise what to fix, for the form.
    QString validate() const;
};
Q_DECLARE_METATYPE(Profile)
