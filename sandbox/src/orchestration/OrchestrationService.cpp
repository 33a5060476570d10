// Placeholder until the service is implemented: it is listed, and has no routes yet.
#include "core/Service.h"

namespace Formance::Sandbox {

namespace {
class OrchestrationService final : public Service {
public:
    explicit OrchestrationService(ServiceContext &context)
        : m_context(context) {}
    QString name() const override { return QStringLiteral("orchestration"); }
    void registerRoutes(Router &, const Guard &) override {}

private:
    ServiceContext &m_context;
};
} // namespace

std::unique_ptr<Service> makeOrchestrationService(ServiceContext &context) {
    return std::make_unique<OrchestrationService>(context);
}

} // namespace Formance::Sandbox
