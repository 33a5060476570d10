// The connection the whole window works with: one Formance::Client for the chosen profile (or
// the built-in demo stack), its stage, read-only flag and the services the stack reports. Views
// and models bind to it; nothing else builds clients. One change signal per property.
#pragma once

#include <Formance/ApiGeneration.h>

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <optional>

namespace Formance {
class Client;
struct SdkConfig;
} // namespace Formance
class SecretStore;
class QQmlEngine;
class QJSEngine;
class DemoStack;
class CallHolder;

class Session : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool connected READ connected NOTIFY clientChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString name READ name NOTIFY nameChanged)
    Q_PROPERTY(QString profileId READ profileId NOTIFY nameChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY clientChanged)
    Q_PROPERTY(Stage stage READ stage NOTIFY stageChanged)
    Q_PROPERTY(QString stageName READ stageName NOTIFY stageChanged)
    Q_PROPERTY(QString stageLabel READ stageLabel NOTIFY stageChanged)
    Q_PROPERTY(bool production READ production NOTIFY stageChanged)
    Q_PROPERTY(bool readOnly READ readOnly NOTIFY readOnlyChanged)
    Q_PROPERTY(bool demo READ demo NOTIFY demoChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    // Service names getVersions reported ("ledger", "wallets", …); empty until it answered.
    Q_PROPERTY(QStringList services READ services NOTIFY servicesChanged)
    Q_PROPERTY(bool servicesKnown READ servicesKnown NOTIFY servicesChanged)
    // service name -> version, as getVersions said ("ledger" -> "v2.2.0").
    Q_PROPERTY(QVariantMap serviceVersions READ serviceVersions NOTIFY servicesChanged)
public:
    enum class Stage { Development, Staging, Production };
    Q_ENUM(Stage)

    // No default argument: Qt 6.4 would then construct its own singleton instead of calling create().
    explicit Session(QObject *parent);
    ~Session() override;

    static Session *instance(); // the application's session (the QML singleton)
    // QML gets the same instance as C++ (main.cpp's --demo and --profile use it).
    static Session *create(QQmlEngine *, QJSEngine *);

    // "production", "staging", anything else: development (profiles store the name).
    static Stage stageFromName(const QString &name);
    static QString stageToName(Stage stage);
    // The stage as shown (translated, lower case): "production", "staging", "development" in English.
    static QString stageToLabel(Stage stage);

    Formance::Client *client() const { return m_client.get(); }
    bool connected() const { return m_client != nullptr; }
    bool busy() const { return m_busy; }
    QString name() const { return m_name; }
    QString profileId() const { return m_profileId; }
    QString serverUrl() const;
    Stage stage() const { return m_stage; }
    QString stageName() const { return stageToName(m_stage); }
    QString stageLabel() const { return stageToLabel(m_stage); }
    bool production() const { return m_stage == Stage::Production; }
    bool readOnly() const { return m_readOnly; }
    bool demo() const { return m_demo; }
    QString error() const { return m_error; }
    QString notice() const { return m_notice; }
    QStringList services() const { return m_services; }
    bool servicesKnown() const { return m_servicesKnown; }
    // Whether the stack offers `service` (true until getVersions answered, so nothing flickers away).
    Q_INVOKABLE bool hasService(const QString &service) const;
    QVariantMap serviceVersions() const;
    // The API generation `service` speaks ("v2.1", "v3.0"), or "" while unknown or when its
    // operations are the same in both. A feature picks its operations here, in one place.
    Q_INVOKABLE QString generationOf(const QString &service) const;
    std::optional<Formance::ApiGeneration> generation(const QString &service) const;

    // The one production-confirmation rule: on a production stack the operator types the name of
    // what is about to change (`expected`: a ledger, a wallet, an endpoint); surrounding spaces
    // are forgiven, case is not. Other stages ask for no typing.
    Q_INVOKABLE bool confirmationMatches(const QString &typed, const QString &expected) const;

    Q_INVOKABLE void connectProfile(const QString &profileId);
    Q_INVOKABLE void startDemo();
    Q_INVOKABLE void disconnectFromStack();

    // Takes a ready client (tests, demo stack).
    void adopt(std::unique_ptr<Formance::Client> client, const QString &name, const QString &stage,
               bool readOnly, bool demo = false, const QString &profileId = {});

signals:
    void clientChanged();
    void busyChanged();
    void nameChanged();
    void stageChanged();
    void readOnlyChanged();
    void demoChanged();
    void errorChanged();
    void noticeChanged();
    void servicesChanged();

private:
    void setBusy(bool busy, const QString &error = {});
    void setNotice(const QString &notice);
    void setIdentity(const QString &name, const QString &profileId, Stage stage, bool readOnly, bool demo);
    void loadServices();

    std::unique_ptr<Formance::Client> m_client;
    std::unique_ptr<DemoStack> m_demoStack;
    std::unique_ptr<DemoStack> m_startingDemo; // until it listens

    SecretStore *m_secrets;
    CallHolder *m_versions;
    bool m_busy = false;
    QString m_name;
    QString m_profileId;
    Stage m_stage = Stage::Development;
    bool m_readOnly = false;
    bool m_demo = false;
    QString m_error;
    QString m_notice;
    QStringList m_services;
    QMap<QString, QString> m_serviceVersions;
    bool m_servicesKnown = false;
};
