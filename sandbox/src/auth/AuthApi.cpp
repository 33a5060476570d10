#include "AuthApi.h"

#include "api/ApiSupport.h"

#include <Formance/json/JsonWriter.h>

#include <QUrlQuery>

namespace Formance::Sandbox {

static QString baseUrl(const Request &r) {
    const QByteArray host = r.header("Host");
    return QStringLiteral("http://%1")
        .arg(QString::fromLatin1(host.isEmpty() ? QByteArray("127.0.0.1") : host));
}

void AuthApi::registerRoutes(Router &router, const Handler &versionsHandler) {
    router.add("POST", QStringLiteral("/api/auth/oauth/token"),
               [this](const Request &r) { return token(r); });
    router.add("GET", QStringLiteral("/api/auth/.well-known/openid-configuration"),
               [this](const Request &r) { return wellKnown(r); });
    router.add("GET", QStringLiteral("/api/auth/_info"),
               [this](const Request &) { return infoResponse(m_version); });
    router.add("GET", QStringLiteral("/versions"), versionsHandler);
}

bool AuthApi::isPublic(const QByteArray &method, const QString &path) {
    // As the spec: only /versions (NoAuthorization), the token endpoint and its discovery document.
    if (method == "POST")
        return path == QLatin1String("/api/auth/oauth/token");
    if (method == "GET" || method == "HEAD")
        return path == QLatin1String("/versions") ||
               path == QLatin1String("/api/auth/.well-known/openid-configuration");
    return false;
}

QByteArray AuthApi::bearerToken(const QByteArray &authorization) {
    // RFC 7235: the scheme is case-insensitive ("Bearer", "bearer", "BEARER").
    const QByteArray value = authorization.trimmed();
    const qsizetype space = value.indexOf(' ');
    if (space <= 0 || value.left(space).compare("bearer", Qt::CaseInsensitive) != 0)
        return {};
    return value.mid(space + 1).trimmed();
}

bool AuthApi::authorized(const QByteArray &authorization) const {
    const QByteArray token = bearerToken(authorization);
    return !token.isEmpty() && m_issuer.isValid(token);
}

Response AuthApi::token(const Request &request) {
    auto oauthError = [](int status, const char *code, const QString &description) {
        Json::Writer w;
        w.beginObject();
        w.key("error");
        w.value(code);
        w.key("error_description");
        w.value(description);
        w.endObject();
        return Response::json(w.take(), status);
    };
    const QUrlQuery form(QString::fromUtf8(request.body).replace(QLatin1Char('+'), QLatin1Char(' ')));
    if (form.queryItemValue(QStringLiteral("grant_type")) != QLatin1String("client_credentials"))
        return oauthError(400, "unsupported_grant_type",
                          QStringLiteral("only client_credentials is supported"));
    QString id = form.queryItemValue(QStringLiteral("client_id"), QUrl::FullyDecoded);
    QString secret = form.queryItemValue(QStringLiteral("client_secret"), QUrl::FullyDecoded);
    // RFC 6749 also allows the credentials in a Basic header.
    const QByteArray authz = request.header("Authorization");
    if (id.isEmpty() && authz.startsWith("Basic ")) {
        const QByteArray pair = QByteArray::fromBase64(authz.mid(6).trimmed());
        const qsizetype colon = pair.indexOf(':');
        if (colon > 0) {
            id = QUrl::fromPercentEncoding(pair.left(colon));
            secret = QUrl::fromPercentEncoding(pair.mid(colon + 1));
        }
    }
    if (!m_issuer.credentialsMatch(id, secret))
        return oauthError(401, "invalid_client", QStringLiteral("unknown client or wrong secret"));
    const QByteArray tok = m_issuer.issue();
    Json::Writer w;
    w.beginObject();
    w.key("access_token");
    w.value(QString::fromLatin1(tok));
    w.key("token_type");
    w.value("Bearer");
    w.key("expires_in");
    w.value(m_issuer.ttlSeconds());
    w.endObject();
    Response r = Response::json(w.take());
    r.setHeader("Cache-Control", "no-store");
    return r;
}

Response AuthApi::wellKnown(const Request &request) const {
    const QString base = baseUrl(request) + QStringLiteral("/api/auth");
    Json::Writer w;
    w.beginObject();
    w.key("issuer");
    w.value(base);
    w.key("token_endpoint");
    w.value(base + QStringLiteral("/oauth/token"));
    w.key("grant_types_supported");
    w.beginArray();
    w.value("client_credentials");
    w.endArray();
    w.key("token_endpoint_auth_methods_supported");
    w.beginArray();
    w.value("client_secret_post");
    w.value("client_secret_basic");
    w.endArray();
    w.endObject();
    return Response::json(w.take());
}

std::optional<Response> AuthApi::checkBearer(const Request &request) const {
    const QByteArray authz = request.header("Authorization");
    if (!authorized(authz)) {
        // V2ErrorsEnum has no UNAUTHORIZED; the status carries the meaning.
        Response r = Response::error(401, QStringLiteral("VALIDATION"),
                                     authz.isEmpty() ? QStringLiteral("missing bearer token")
                                                     : QStringLiteral("invalid or expired bearer token"));
        r.setHeader("WWW-Authenticate", "Bearer");
        return r;
    }
    return std::nullopt;
}

} // namespace Formance::Sandbox
