// The one way a service registers its routes. Every handler returns a Reply — the response, or
// the LedgerError that refuses the request — and the error becomes the spec's error answer here,
// in one place (a service whose error enum differs, such as ledger v1, passes its own writer).
// Paths are relative to the service's prefix ("/api/wallets" + "/wallets/{id}").
//
//     Routes routes(router, QStringLiteral("/api/wallets"));
//     routes.on("GET", "/wallets/{id}", this, &WalletsService::getWallet);
//     routes.on("GET", "/_info", [this](const Request &) { return infoResponse(version); });
#pragma once

#include "Router.h"
#include "ledger/LedgerError.h"

namespace Formance::Sandbox {

// What a handler returns: a Response, or a refusal (LedgerError) written once by Routes.
using Reply = Expected<Response>;
using ReplyHandler = std::function<Reply(const Request &)>;
using ErrorWriter = std::function<Response(const LedgerError &)>;

// {"errorCode", "errorMessage"} with the error's status: what every service but ledger v1 sends.
Response errorResponse(const LedgerError &e);
// 204 when `done` holds a value, else its error.
template <class T> Reply noContent(const Expected<T> &done) {
    if (!done)
        return done.error();
    return Response::empty(204);
}

class Routes {
public:
    Routes(Router &router, QString prefix, ErrorWriter errors = errorResponse)
        : m_router(router)
        , m_prefix(std::move(prefix))
        , m_errors(std::move(errors)) {}

    // handler may return a Response or a Reply (a Response converts to a Reply).
    Routes &on(const char *method, const char *path, ReplyHandler handler);
    // A member function of the service (or of one of its API parts).
    template <class T, class R>
    Routes &on(const char *method, const char *path, T *self, R (T::*fn)(const Request &)) {
        return on(method, path,
                  ReplyHandler([self, fn](const Request &r) -> Reply { return (self->*fn)(r); }));
    }
    // Wraps every handler registered afterwards (ledger v1 normalises its query first).
    void setFilter(std::function<Reply(const Request &, const ReplyHandler &)> filter) {
        m_filter = std::move(filter);
    }
    // Turns a reply into what goes on the wire: the response, or the error written.
    Response toResponse(Reply reply) const;
    const QString &prefix() const { return m_prefix; }

private:
    Router &m_router;
    QString m_prefix;
    ErrorWriter m_errors;
    std::function<Reply(const Request &, const ReplyHandler &)> m_filter;
};

} // namespace Formance::Sandbox
