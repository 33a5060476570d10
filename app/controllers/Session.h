// The connection the whole window works with: one Formance::Client for the chosen profile (or
// the built-in demo stack), its stage label and read-only flag. Views and models bind to it;
// nothing else builds clients.
#pragma once

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace Formance {
class Client;
struct SdkConfig;
} // namespace Formance
class SecretStore;
class QQmlEngine;
class QJSEngine;
class ProfileStore;
class DemoStack;

class Session : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool connected READ connected NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString name READ name NOTIFY changed)
    Q_PROPERTY(QString stage READ stage NOTIFY changed)
    Q_PROPERTY(bool readOnly READ readOnly NOTIFY changed)
    Q_PROPERTY(bool demo READ demo NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    Q_PROPERTY(QString notice READ notice NOTIFY changed)
public:
    // No default argument: Qt 6.4 would then construct its own singleton instead of calling create().
    explicit Session(QObject *parent);
    ~Session() override;

    static Session *instance(); // the application's session (the QML singleton)
    // QML gets the same instance as C++ (main.cpp's --demo and --profile use it).
    static Session *create(QQmlEngine *, QJSEngine *);

    Formance::Client *client() const { return m_client.get(); }
    bool connected() const { return m_client != nullptr; }
    bool busy() const { return m_busy; }
    QString name() const { return m_name; }
    QString stage() const { return m_stage; }
    bool readOnly() const { return m_readOnly; }
    bool demo() const { return m_demo; }
    QString error() const { return m_error; }
    QString notice() const { return m_notice; }

    Q_INVOKABLE void connectProfile(const QString &profileId);
    Q_INVOKABLE void startDemo();
    Q_INVOKABLE void disconnectFromStack();

    // Takes a ready client (tests, demo stack).
    void adopt(std::unique_ptr<Formance::Client> client, const QString &name, const QString &stage,
               bool readOnly, bool demo = false);

signals:
    void changed();
    void clientChanged();

private:
    void setBusy(bool busy, const QString &error = {});

    std::unique_ptr<Formance::Client> m_client;
    std::unique_ptr<DemoStack> m_demoStack;
    std::unique_ptr<DemoStack> m_startingDemo; // until it listens

    SecretStore *m_secrets;
    bool m_busy = false;
    QString m_name;
    QString m_stage = QStringLiteral("development");
    bool m_readOnly = false;
    bool m_demo = false;
    QString m_error;
    QString m_notice;
};
