#include "LedgerV1Api.h"

namespace Formance::Sandbox {

void LedgerV1Api::registerRoutes(Router &router, const std::function<Handler(Handler)> &guard) {
    Q_UNUSED(guard);
    router.add("GET", QStringLiteral("/api/ledger/_info"), [this](const Request &) {
        Json::Writer w;
        w.beginObject();
        w.key("data");
        w.beginObject();
        w.key("server");
        w.value("formance-sandbox");
        w.key("version");
        w.value(m_version);
        w.key("config");
        w.beginObject();
        w.key("storage");
        w.beginObject();
        w.key("driver");
        w.value("sqlite");
        w.key("ledgers");
        w.beginArray();
        QSqlQuery q = m_store.query(QStringLiteral("SELECT name FROM ledgers ORDER BY name"));
        while (q.next())
            w.value(q.value(0).toString());
        w.endArray();
        w.endObject();
        w.endObject();
        w.endObject();
        w.endObject();
        return Response::json(w.take());
    });
}

} // namespace Formance::Sandbox
