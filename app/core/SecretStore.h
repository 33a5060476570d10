// Client secrets in the OS keychain (QtKeychain: Secret Service, KWallet, macOS Keychain,
// Windows Credential Store). When no keychain answers, a secret is kept in memory for this
// session only and the caller is told so: it is never written anywhere else.
#pragma once

#include <QHash>
#include <QObject>

#include <functional>

class SecretStore : public QObject {
    Q_OBJECT
public:
    explicit SecretStore(QString service = QStringLiteral("formance-desk"), QObject *parent = nullptr);

    struct Outcome {
        bool ok = false;
        bool sessionOnly = false; // the keychain was unreachable: kept in memory until the app quits
        QString secret;           // for reads
        QString error;            // for a person: what happened and what it means
    };
    using Callback = std::function<void(const Outcome &)>;

    void write(const QString &profileId, const QString &secret, QObject *context, Callback done);
    void read(const QString &profileId, QObject *context, Callback done);
    void remove(const QString &profileId, QObject *context, Callback done);

private:
    QString m_service;
    QHash<QString, QString> m_sessionOnly;
};
