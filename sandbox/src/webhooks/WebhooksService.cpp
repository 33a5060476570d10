// Placeholder until the service is implemented: it is listed, and has no routes yet.
#include "core/Service.h"

namespace Formance::Sandbox {

namespace {
class WebhooksService final : public Service {
public:
    explicit WebhooksService(ServiceContext &context)
        : m_context(context) {}
    QString name() const override { return QStringLiteral("webhooks"); }
    void registerRoutes(Router &, const Guard &) override {}

private:
    ServiceContext &m_context;
};
} // namespace

std::unique_ptr<Service> makeWebhooksService(ServiceContext &context) {
    return std::make_unique<WebhooksService>(context);
}

} // namespace Formance::Sandbox
