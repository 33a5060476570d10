#include "Routes.h"

namespace Formance::Sandbox {

Response errorResponse(const LedgerError &e) {
    return Response::error(e.status, e.code, e.message);
}

Response Routes::toResponse(Reply reply) const {
    if (!reply)
        return m_errors(reply.error());
    return std::move(reply.value());
}

Routes &Routes::on(const char *method, const char *path, ReplyHandler handler) {
    ReplyHandler h = m_filter ? ReplyHandler([filter = m_filter, inner = std::move(handler)](
                                                 const Request &r) { return filter(r, inner); })
                              : std::move(handler);
    m_router.add(method, m_prefix + QLatin1String(path),
                 [h = std::move(h), errors = m_errors](const Request &r) {
                     Reply reply = h(r);
                     if (!reply)
                         return errors(reply.error());
                     return std::move(reply.value());
                 });
    return *this;
}

} // namespace Formance::Sandbox
