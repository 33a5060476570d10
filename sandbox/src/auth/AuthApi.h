// The auth service's public face: the client-credentials token endpoint, the OIDC well-known
// document and _info; plus the bearer check every other route goes through.
#pragma once

#include "TokenIssuer.h"
#include "http/Router.h"

namespace Formance::Sandbox {

class AuthApi {
public:
    AuthApi(TokenIssuer &issuer, QString version)
        : m_issuer(issuer)
        , m_version(std::move(version)) {}
    void registerRoutes(Router &router, const Handler &versionsHandler);

    // nullopt when the request carries a valid bearer token, else the 401 to send.
    std::optional<Response> checkBearer(const Request &request) const;
    // Whether an Authorization header value carries a valid bearer token.
    bool authorized(const QByteArray &authorization) const;
    // The token of an Authorization value whose scheme is bearer (any case), else empty.
    static QByteArray bearerToken(const QByteArray &authorization);
    // The routes open without a token. Everything else goes through checkBearer, in Server's
    // one dispatch (not per service).
    static bool isPublic(const QByteArray &method, const QString &path);

private:
    Response token(const Request &request);
    Response wellKnown(const Request &request) const;

    TokenIssuer &m_issuer;
    QString m_version;
};

} // namespace Formance::Sandbox
