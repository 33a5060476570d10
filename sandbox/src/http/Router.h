// Maps (method, path) to a handler. Patterns are slash-separated with `{name}` segments; when
// several patterns match, the one with more literal segments wins ("/v2/_info" over "/v2/{ledger}").
#pragma once

#include "HttpTypes.h"

#include <functional>
#include <vector>

namespace Formance::Sandbox {

using Handler = std::function<Response(const Request &)>;

class Router {
public:
    void add(const QByteArray &method, const QString &pattern, Handler handler);

    // Fills request.params. 404 when no pattern matches, 405 when only the method differs.
    Response dispatch(Request &request) const;

    static QStringList splitPath(const QString &encodedPath); // percent-decodes each segment

private:
    struct Route {
        QByteArray method;
        QStringList segments;
        int literals = 0;
        Handler handler;
    };
    std::vector<Route> m_routes;
};

} // namespace Formance::Sandbox
