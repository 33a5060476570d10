#include "ConnectionController.h"

#include "Client.h"

#include "core/ErrorText.h"
#include "core/Session.h"
#include "formance/Apis.h"
#include <QPointer>

using namespace Formance;

ConnectionController::ConnectionController(QObject *parent)
    : QObject(parent) {}

ConnectionController::~ConnectionController() = default;

void ConnectionController::setState(bool busy, bool ok, QString message, QVariantList services) {
    m_busy = busy;
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
    if (!configError.isEmpty()) {
        setState(false, false, configError);
        return;
    }
    if (!clientId.isEmpty())
        config.credentials = ClientCredentials{clientId, clientSecret, {}};
    config.timeoutMs = 15000;
    m_client = std::make_unique<Client>(config);
    const QString where = base.toString();
    setState(true, false, tr("Connecting to %1…").arg(where));
    m_client->getVersions().then(
        this, [this, where](const Result<GetVersionsResponse> &result) { report(where, result); });
}

void ConnectionController::testSession(Session *session) {
    if (!session || !session->client()) {
        setState(false, false, tr("Not connected."));
        return;
    }
    m_client.reset();
    const QString where = session->serverUrl();
    setState(true, false, tr("Connecting to %1…").arg(where));
    QPointer<Session> guard(session);
    session->client()->getVersions().then(this,
                                          [this, where, guard](const Result<GetVersionsResponse> &result) {
                                              if (guard)
                                                  report(where, result);
                                          });
}

void ConnectionController::report(const QString &where, const Result<GetVersionsResponse> &result) {
    if (!result) {
        // A 2xx that is not a versions answer is a Decode error: "not like a Formance Stack".
        setState(false, false, ErrorText::describe(result.error(), where));
        return;
    }
    QVariantList services;
    for (const auto &v : result->body.versions)
        services.append(QVariantMap{{QStringLiteral("name"), v.name},
                                    {QStringLiteral("version"), v.version},
                                    {QStringLiteral("health"), v.health}});
    const QString missingLedger = std::any_of(result->body.versions.cbegin(), result->body.versions.cend(),
                                              [](const auto &v) { return v.name == QLatin1String("ledger"); })
                                      ? QString()
                                      : tr(" The ledger service is missing.");
    setState(false, missingLedger.isEmpty(),
             tr("Connected to %1: %n service(s).", nullptr, int(services.size())).arg(where) + missingLedger,
             services);
}
