#include "ConnectionController.h"

#include "Client.h"
#include "json/JsonDocument.h"

#include <QVariantMap>

using namespace Formance;

ConnectionController::ConnectionController(QObject *parent) : QObject(parent) {}

ConnectionController::~ConnectionController() = default;

void ConnectionController::setState(bool busy, bool ok, QString message, QVariantList services)
{
    m_busy = busy;
    m_ok = ok;
    m_message = std::move(message);
    m_services = std::move(services);
    emit stateChanged();
}

QString ConnectionController::explain(const Error &error, const QString &serverUrl)
{
    const QString body = error.message();
    switch (error.kind()) {
    case Error::Kind::Network:
        if (body.contains(QStringLiteral("not found"), Qt::CaseInsensitive))
            return tr("The server name in %1 could not be found. Check the URL or organization.").arg(serverUrl);
        if (body.contains(QStringLiteral("refused"), Qt::CaseInsensitive))
            return tr("Nothing is listening at %1. Is the stack running, and is the port right?").arg(serverUrl);
        return tr("Could not reach %1: %2").arg(serverUrl, body);
    case Error::Kind::Tls:
        return tr("The server's TLS certificate was not accepted: %1").arg(body);
    case Error::Kind::Timeout:
        return tr("%1 did not answer in time.").arg(serverUrl);
    case Error::Kind::Auth:
        if (error.httpStatus() == 400 || error.httpStatus() == 401 || error.httpStatus() == 403)
            return tr("The stack refused these credentials: check the client id and secret.");
        return tr("Could not obtain a token: %1").arg(body);
    case Error::Kind::Http:
    case Error::Kind::Api:
        if (error.httpStatus() == 404)
            return tr("%1 answered, but not as a Formance Stack (404). Check the URL.").arg(serverUrl);
        if (error.httpStatus() == 401 || error.httpStatus() == 403)
            return tr("The stack refused access (%1). Check the client's scopes.").arg(error.httpStatus());
        return tr("The stack answered with an error: %1").arg(body);
    case Error::Kind::Decode:
        return tr("%1 answered, but not like a Formance Stack: %2").arg(serverUrl, body);
    case Error::Kind::Canceled:
        return tr("Canceled.");
    }
    return body;
}

void ConnectionController::testConnection()
{
    if (m_busy)
        return;
    SdkConfig config;
    config.server = ServerConfig::fromUrl(m_serverUrl.trimmed());
    if (!m_clientId.isEmpty())
        config.credentials = ClientCredentials{m_clientId.trimmed(), m_clientSecret, {}};
    config.timeoutMs = 15000;
    delete m_client;
    m_client = new Client(config, this);
    setState(true, false, tr("Connecting to %1…").arg(m_serverUrl));

    HttpRequest request;
    request.path = QStringLiteral("/versions");
    m_client->send(request).then(this, [this](const Result<HttpResponse> &result) {
        if (!result) {
            setState(false, false, explain(result.error(), m_serverUrl));
            return;
        }
        auto doc = Json::Document::parse(result->body);
        if (!doc || !doc->root()["versions"].isArray()) {
            setState(false, false, tr("%1 answered, but not like a Formance Stack.").arg(m_serverUrl));
            return;
        }
        QVariantList services;
        for (const Json::Value v : doc->root()["versions"].elements())
            services.append(QVariantMap{{QStringLiteral("name"), v["name"].toString()},
                                        {QStringLiteral("version"), v["version"].toString()},
                                        {QStringLiteral("health"), v["health"].toBool()}});
        setState(false, true, tr("Connected: %n service(s).", nullptr, int(services.size())), services);
    });
}
