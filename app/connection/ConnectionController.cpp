#include "ConnectionController.h"
#include "ProfilesModel.h"

#include "core/Session.h"

#include <Formance/ApiGeneration.h>
#include <Formance/Apis.h>
#include <Formance/Client.h>

using namespace Formance;

ConnectionController::ConnectionController(QObject *parent)
    : QObject(parent)
    , m_call(new CallHolder(this)) {
    connect(m_call, &CallHolder::busyChanged, this, &ConnectionController::stateChanged);
}

ConnectionController::~ConnectionController() {
    m_call->cancel(); // before the client it runs on goes
}

void ConnectionController::setState(bool ok, QString message, QVariantList services) {
    m_ok = ok;
    m_message = std::move(message);
    m_services = std::move(services);
    emit stateChanged();
}

void ConnectionController::test(const QVariantMap &profile, const QString &clientSecret) {
    const QString url = profile.value(QStringLiteral("serverUrl")).toString().trimmed();
    const QString clientId = profile.value(QStringLiteral("clientId")).toString().trimmed();
    SdkConfig config;
    config.server =
        url.isEmpty()
            ? ServerConfig::cloud(
                  profile.value(QStringLiteral("organization")).toString().trimmed(),
                  profile.value(QStringLiteral("environment"), QStringLiteral("sandbox")).toString())
            : ServerConfig::fromUrl(url);
    QString configError;
    const QUrl base = config.server.resolve(&configError);
    m_call->cancel(); // a test in flight runs on the client replaced here
    if (!configError.isEmpty()) {
        setState(false, configError);
        return;
    }
    if (!clientId.isEmpty())
        config.credentials = ClientCredentials{clientId, clientSecret, {}};
    config.timeoutMs = 15000;
    // The form's CA read the way the saved profile reads it (one parse, Profile::caCertificates).
    const Profile form = ProfilesModel::fromMap(profile);
    if (!form.caCertificatesPem.isEmpty()) {
        config.caCertificates = form.caCertificates();
        if (config.caCertificates.isEmpty()) {
            setState(false, tr("The trusted CA is not a PEM certificate."));
            return;
        }
    }
    m_client = std::make_unique<Client>(config);
    testClient(*m_client, base.toString());
}

void ConnectionController::testSession(Session *session) {
    m_call->cancel();
    if (!session || !session->client()) {
        setState(false, tr("Not connected."));
        return;
    }
    m_client.reset();
    testClient(*session->client(), session->serverUrl());
}

void ConnectionController::testClient(Client &client, const QString &where) {
    // A 2xx that is not a versions answer is a Decode error: "not like a Formance Stack".
    m_call->setServerUrl(where);
    setState(false, tr("Connecting to %1…").arg(where));
    m_call->start(
        client.getVersions(),
        [this, where](const Models::GetVersionsResponse &versions) { report(where, versions); },
        [this](const QString &error) { setState(false, error); });
}

void ConnectionController::report(const QString &where, const Models::GetVersionsResponse &versions) {
    QVariantList services;
    for (const auto &v : versions.versions) {
        // The API generation the service speaks (what the app's screens will use with it).
        const auto generation = generationOfService(v.name, v.version);
        services.append(QVariantMap{{QStringLiteral("name"), v.name},
                                    {QStringLiteral("version"), v.version},
                                    {QStringLiteral("api"), generation ? toString(*generation) : QString()},
                                    {QStringLiteral("health"), v.health}});
    }
    const QString missingLedger = std::any_of(versions.versions.cbegin(), versions.versions.cend(),
                                              [](const auto &v) { return v.name == QLatin1String("ledger"); })
                                      ? QString()
                                      : tr(" The ledger service is missing.");
    setState(missingLedger.isEmpty(),
             tr("Connected to %1: %n service(s).", nullptr, int(services.size())).arg(where) + missingLedger,
             services);
}
