// "Test connection": calls getVersions with a profile's server and credentials and lists each
// service with its version, or explains in words an operator can act on what failed.
#pragma once

#include "core/CallHolder.h"
#include "core/Session.h"

#include <QObject>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace Formance {
class Client;
namespace Models {
struct GetVersionsResponse;
}
} // namespace Formance

class ConnectionController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(bool ok READ ok NOTIFY stateChanged)
    Q_PROPERTY(QString message READ message NOTIFY stateChanged)
    Q_PROPERTY(QVariantList services READ services NOTIFY stateChanged)
public:
    explicit ConnectionController(QObject *parent = nullptr);
    ~ConnectionController() override;

    bool busy() const { return m_call->busy(); }
    bool ok() const { return m_ok; }
    QString message() const { return m_message; }
    QVariantList services() const { return m_services; }

    // `profile` has the keys of Profile (serverUrl, organization, environment, clientId).
    Q_INVOKABLE void test(const QVariantMap &profile, const QString &clientSecret);
    // Tests the stack the window is connected to (its own client and credentials).
    Q_INVOKABLE void testSession(Session *session);

signals:
    void stateChanged();

private:
    void setState(bool ok, QString message, QVariantList services = {});
    // Asks `client` for its versions (the test in flight, if any, is canceled).
    void testClient(Formance::Client &client, const QString &where);
    void report(const QString &where, const Formance::Models::GetVersionsResponse &versions);

    CallHolder *m_call;
    bool m_ok = false;
    QString m_message;
    QVariantList m_services;
    std::unique_ptr<Formance::Client> m_client;
};
