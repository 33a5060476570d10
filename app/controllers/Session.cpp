#include "Session.h"

#include "Client.h"
#include "connection/DemoStack.h"
#include "connection/ProfileStore.h"
#include "connection/SecretStore.h"

#include <QJSEngine>
#include <QPointer>

using namespace Formance;

namespace {
QPointer<Session> g_instance;
}

Session::Session(QObject *parent)
    : QObject(parent)
    , m_secrets(new SecretStore(QStringLiteral("formance-desk"), this)) {
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

void Session::setBusy(bool busy, const QString &error) {
    m_busy = busy;
    m_error = error;
    emit changed();
}

void Session::adopt(std::unique_ptr<Client> client, const QString &name, const QString &stage, bool readOnly,
                    bool demo) {
    m_client = std::move(client);
    m_name = name;
    m_stage = stage;
    m_readOnly = readOnly;
    m_demo = demo;
    m_busy = false;
    m_error.clear();
    emit changed();
    emit clientChanged();
}

void Session::disconnectFromStack() {
    m_client.reset();
    m_demoStack.reset();
    m_startingDemo.reset();
    m_name.clear();
    m_demo = false;
    m_notice.clear();
    emit changed();
    emit clientChanged();
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
        m_notice = secret.sessionOnly
                       ? tr("The keychain is unavailable: the secret is kept for this session only.")
                       : QString();
        adopt(std::make_unique<Client>(config), profile.name, profile.stage, profile.readOnly);
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
