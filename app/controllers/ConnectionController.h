// Checks that a stack answers: calls getVersions with the given server and credentials and
// lists each service with its version, or explains in words an operator can act on what failed.
#pragma once

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace Formance {
class Client;
class Error;
}

class ConnectionController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString serverUrl MEMBER m_serverUrl NOTIFY changed)
    Q_PROPERTY(QString clientId MEMBER m_clientId NOTIFY changed)
    Q_PROPERTY(QString clientSecret MEMBER m_clientSecret NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(bool ok READ ok NOTIFY stateChanged)
    Q_PROPERTY(QString message READ message NOTIFY stateChanged)
    Q_PROPERTY(QVariantList services READ services NOTIFY stateChanged)
public:
    explicit ConnectionController(QObject *parent = nullptr);
    ~ConnectionController() override;

    bool busy() const { return m_busy; }
    bool ok() const { return m_ok; }
    QString message() const { return m_message; }
    QVariantList services() const { return m_services; }

    Q_INVOKABLE void testConnection();

    // An explanation of a failed connection an operator can act on.
    static QString explain(const Formance::Error &error, const QString &serverUrl);

signals:
    void changed();
    void stateChanged();

private:
    void setState(bool busy, bool ok, QString message, QVariantList services = {});

    QString m_serverUrl = QStringLiteral("http://localhost");
    QString m_clientId;
    QString m_clientSecret;
    bool m_busy = false;
    bool m_ok = false;
    QString m_message;
    QVariantList m_services;
    Formance::Client *m_client = nullptr;
};
