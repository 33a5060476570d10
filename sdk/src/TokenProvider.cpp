#include <Formance/TokenProvider.h>

#include <Formance/Logging.h>
#include <Formance/Redaction.h>
#include <Formance/json/JsonDocument.h>

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>

namespace Formance {

TokenProvider::TokenProvider(QNetworkAccessManager *network, QUrl tokenUrl, ClientCredentials credentials,
                             const SdkConfig &config, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_tokenUrl(std::move(tokenUrl))
    , m_credentials(std::move(credentials))
    , m_config(config) {}

TokenProvider::~TokenProvider() {
    if (m_pending)
        m_pending->abort();
}

void TokenProvider::acquire(QObject *context, Callback callback) {
    if (!m_token.isEmpty() && !m_validUntil.hasExpired()) {
        callback(m_token);
        return;
    }
    m_waiters.append({context, std::move(callback)});
    if (!m_pending)
        fetch();
}

void TokenProvider::invalidate(const QString &token) {
    if (token == m_token) {
        qCDebug(lcAuth) << "token refused by the server; the next request fetches a new one";
        m_token.clear();
    }
}

void TokenProvider::fetch() {
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    form.addQueryItem(QStringLiteral("client_id"), m_credentials.clientId);
    form.addQueryItem(QStringLiteral("client_secret"), m_credentials.clientSecret);
    QNetworkRequest request(m_tokenUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", m_config.userAgent);
    if (m_config.timeoutMs > 0)
        request.setTransferTimeout(m_config.timeoutMs);
    m_config.applyTrust(request);
    // The client secret goes to this URL and nowhere else: a redirect is reported, never followed.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    qCDebug(lcAuth) << "fetching a token from" << Redaction::url(m_tokenUrl) << "for client"
                    << m_credentials.clientId;
    m_pending = m_network->post(request, form.toString(QUrl::FullyEncoded).toUtf8());
    connect(m_pending, &QNetworkReply::finished, this, &TokenProvider::onFetched);
}

void TokenProvider::onFetched() {
    QNetworkReply *reply = m_pending;
    m_pending = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QByteArray body = reply->readAll();
    if (!statusAttr.isValid() && reply->error() == QNetworkReply::SslHandshakeFailedError) {
        deliver(Error(Error::Kind::Tls, QStringLiteral("TLS handshake with the token endpoint %1 failed: %2")
                                            .arg(Redaction::url(m_tokenUrl), reply->errorString())));
        return;
    }
    if (!statusAttr.isValid()) {
        deliver(Error(Error::Kind::Auth, QStringLiteral("could not reach the token endpoint %1: %2")
                                             .arg(m_tokenUrl.toString(), reply->errorString())));
        return;
    }
    const int status = statusAttr.toInt();
    HeaderList headers;
    for (const auto &pair : reply->rawHeaderPairs())
        headers.append(pair);
    if (status >= 300 && status < 400) {
        const QUrl target = m_tokenUrl.resolved(QUrl::fromEncoded(headerValue(headers, "Location")));
        deliver(
            Error(Error::Kind::Auth,
                  QStringLiteral("the token endpoint %1 answered HTTP %2, a redirect to %3: not followed, "
                                 "so that the client secret is sent nowhere else; set the token URL "
                                 "to the address it should be")
                      .arg(Redaction::url(m_tokenUrl))
                      .arg(status)
                      .arg(Redaction::url(target)))
                .withHttp(status, headers, {}));
        return;
    }
    if (status < 200 || status >= 300) {
        Error e = Error::fromHttpResponse(status, headers, body);
        const QString why =
            status == 401 || status == 400 || status == 403
                ? QStringLiteral("the token endpoint refused client \"%1\" (wrong client id or secret?)")
                      .arg(m_credentials.clientId)
                : QStringLiteral("the token endpoint answered HTTP %1").arg(status);
        deliver(Error(Error::Kind::Auth, why + QStringLiteral(": ") + e.message())
                    .withHttp(status, headers, body));
        return;
    }
    auto doc = Json::Document::parse(body);
    const QString token = doc ? doc->root()["access_token"].toString() : QString();
    if (token.isEmpty()) {
        deliver(
            Error(Error::Kind::Auth, QStringLiteral("the token endpoint answered without an access_token: %1")
                                         .arg(Redaction::text(body.left(200))))
                .withHttp(status, headers, body));
        return;
    }
    qint64 expiresIn = 3600;
    if (doc->root()["expires_in"].isNumber())
        expiresIn = QByteArray(doc->root()["expires_in"].numberText().data(),
                               qsizetype(doc->root()["expires_in"].numberText().size()))
                        .toLongLong();
    // Renew a little early so a token never expires in flight: 30 s, or a fifth of short lifetimes.
    const qint64 marginMs = std::min<qint64>(30000, expiresIn * 1000 / 5);
    m_token = token;
    m_validUntil = QDeadlineTimer(std::max<qint64>(0, expiresIn * 1000 - marginMs));
    qCDebug(lcAuth) << "token obtained, valid for" << expiresIn << "s";
    deliver(m_token);
}

void TokenProvider::deliver(const Result<QString> &result) {
    const auto waiters = std::exchange(m_waiters, {});
    for (const auto &[context, callback] : waiters)
        if (context)
            callback(result);
}

} // namespace Formance
