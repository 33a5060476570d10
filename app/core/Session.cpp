#include "Session.h"

#include "core/CallHolder.h"
#include "core/DemoStack.h"
#include "core/ProfileStore.h"
#include "core/SecretStore.h"
#include <Formance/Apis.h>
#include <Formance/Client.h>

#include <QJSEngine>
#include <QPointer>

using namespace Formance;

namespace {
QPointer<Session> g_instance;
}

Session::Session(QObject *parent)
    : QObject(parent)
    , m_secrets(new SecretStore(QStringLiteral("formance-desk"), this))
    , m_versions(new CallHolder(this)) {
    if (!g_instance)
        g_instance = this;
}

Session::~Session() = default;

Session *Session::instance() {
    if (!g_instance)
        g_instance = new Session(nullptr); // owned by the application: lives until exit
    return g_instance;
}

Session *Session::create(QQmlEngine *, QJSEngine *) {
    Session *session = instance();
    QJSEngine::setObjectOwnership(session, QJSEngine::CppOwnership);
    return session;
}

Session::Stage Session::stageFromName(const QString &name) {
    if (name == QLatin1String("production"))
        return Stage::Production;
    if (name == QLatin1String("staging"))
        return Stage::Staging;
    return Stage::Development;
}

QString Session::stageToName(Stage stage) {
    switch (stage) {
    case Stage::Production:
        return QStringLiteral("production");
    case Stage::Staging:
        return QStringLiteral("staging");
    case Stage::Development:
        break;
    }
    return QStringLiteral("development");
}

QString Session::stageToLabel(Stage stage) {
    switch (stage) {
    case Stage::Production:
        return tr("production");
    case Stage::Staging:
        return tr("staging");
    case Stage::Development:
        break;
    }
    return tr("development");
}

QString Session::serverUrl() const {
    return m_client ? m_client->transport().baseUrl().toString() : QString();
}

bool Session::hasService(const QString &service) const {
    return !m_servicesKnown || m_services.contains(service);
}

bool Session::confirmationMatches(const QString &typed, const QString &expected) const {
    if (m_stage != Stage::Production)
        return true;
    return !expected.isEmpty() && typed.trimmed() == expected;
}

void Session::setBusy(bool busy, const QString &error) {
    if (m_error != error) {
        m_error = error;
        emit errorChanged();
    }
    if (m_busy != busy) {
        m_busy = busy;
        emit busyChanged();
    }
}

void Session::setNotice(const QString &notice) {
    if (m_notice == notice)
        return;
    m_notice = notice;
    emit noticeChanged();
}

void Session::setIdentity(const QString &name, const QString &profileId, Stage stage, bool readOnly,
                          bool demo) {
    if (m_name != name || m_profileId != profileId) {
        m_name = name;
        m_profileId = profileId;
        emit nameChanged();
    }
    if (m_stage != stage) {
        m_stage = stage;
        emit stageChanged();
    }
    if (m_readOnly != readOnly) {
        m_readOnly = readOnly;
        emit readOnlyChanged();
    }
    if (m_demo != demo) {
        m_demo = demo;
        emit demoChanged();
    }
}

QVariantMap Session::serviceVersions() const {
    QVariantMap map;
    for (auto it = m_serviceVersions.cbegin(); it != m_serviceVersions.cend(); ++it)
        map.insert(it.key(), it.value());
    return map;
}

std::optional<Formance::ApiGeneration> Session::generation(const QString &service) const {
    const auto version = m_serviceVersions.constFind(service);
    if (version == m_serviceVersions.cend())
        return std::nullopt;
    return Formance::generationOfService(service, *version);
}

QString Session::generationOf(const QString &service) const {
    const auto g = generation(service);
    return g ? Formance::toString(*g) : QString();
}

void Session::loadServices() {
    m_services.clear();
    m_serviceVersions.clear();
    m_servicesKnown = false;
    emit servicesChanged();
    if (!m_client) {
        m_versions->cancel();
        return;
    }
    m_versions->start(m_client->getVersions(), [this](const Formance::Models::GetVersionsResponse &body) {
        QStringList names;
        m_serviceVersions.clear();
        for (const auto &v : body.versions) {
            names.append(v.name);
            m_serviceVersions.insert(v.name, v.version);
        }
        m_services = names;
        m_servicesKnown = true;
        emit servicesChanged();
    });
}

void Session::adopt(std::unique_ptr<Client> client, const QString &name, const QString &stage, bool readOnly,
                    bool demo, const QString &profileId) {
    m_client = std::move(client);
    setIdentity(name, profileId, stageFromName(stage), readOnly, demo);
    setBusy(false);
    emit clientChanged();
    loadServices();
}

void Session::disconnectFromStack() {
    m_client.reset();
    m_demoStack.reset();
    m_startingDemo.reset();
    setIdentity({}, {}, Stage::Development, false, false);
    setNotice({});
    emit clientChanged();
    loadServices();
}

void Session::connectProfile(const QString &profileId) {
    ProfileStore store;
    const QList<Profile> profiles = store.load();
    const auto it = std::find_if(profiles.begin(), profiles.end(),
                                 [&](const Profile &p) { return p.id == profileId || p.name == profileId; });
    if (it == profiles.end()) {
        setBusy(false, tr("There is no profile “%1”.").arg(profileId));
        return;
    }
    const Profile profile = *it;
    setBusy(true);
    m_secrets->read(profile.id, this, [this, profile](const SecretStore::Outcome &secret) {
        if (!secret.ok && !profile.clientId.isEmpty()) {
            setBusy(false, secret.error);
            return;
        }
        SdkConfig config;
        config.server = profile.serverUrl.isEmpty()
                            ? ServerConfig::cloud(profile.organization, profile.environment)
                            : ServerConfig::fromUrl(profile.serverUrl);
        if (!profile.clientId.isEmpty())
            config.credentials = ClientCredentials{profile.clientId, secret.secret, {}};
        config.retry = RetryConfig::withBackoff({500, 10000, 1.5, 60000}, true);
        config.caCertificates = profile.caCertificates();
        setNotice(secret.sessionOnly
                      ? tr("The keychain is unavailable: the secret is kept for this session only.")
                      : QString());
        adopt(std::make_unique<Client>(config), profile.name, profile.stage, profile.readOnly, false,
              profile.id);
    });
}

void Session::startDemo() {
    if (m_busy)
        return;
    setBusy(true);
    auto stack = std::make_unique<DemoStack>();
    DemoStack *starting = stack.get();
    m_startingDemo = std::move(stack);
    starting->start([this, starting](const QString &error) {
        if (m_startingDemo.get() != starting)
            return; // superseded
        std::unique_ptr<DemoStack> stack = std::move(m_startingDemo);
        if (!error.isEmpty()) {
            setBusy(false, tr("The demo stack did not start: %1").arg(error));
            return;
        }
        auto client = std::make_unique<Client>(stack->sdkConfig());
        m_demoStack = std::move(stack);
        adopt(std::move(client), tr("Demo stack"), QStringLiteral("development"), false, true);
    });
}
