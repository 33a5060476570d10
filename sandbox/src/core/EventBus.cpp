#include "EventBus.h"

#include <Formance/json/JsonWriter.h>

namespace Formance::Sandbox {

QByteArray StackEvent::envelope() const {
    Json::Writer w;
    w.beginObject();
    w.key("app");
    w.value(app);
    w.key("version");
    w.value("v2");
    w.key("type");
    w.value(type);
    w.key("date");
    w.value(date);
    if (!ledger.isEmpty()) {
        w.key("ledger");
        w.value(ledger);
    }
    w.key("payload");
    w.rawJson(payload.isEmpty() ? QByteArrayLiteral("{}") : payload);
    w.endObject();
    return w.take();
}

void EventBus::publish(const StackEvent &e) const {
    if (m_muted)
        return;
    for (const auto &s : m_subscribers)
        s(e);
}

} // namespace Formance::Sandbox
