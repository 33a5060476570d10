// Placeholder until the service is implemented: it is listed, and has no routes yet.
#include "core/Service.h"

namespace Formance::Sandbox {

namespace {
class ReconciliationService final : public Service {
public:
    explicit ReconciliationService(ServiceContext &context)
        : m_context(context) {}
    QString name() const override { return QStringLiteral("reconciliation"); }
    void registerRoutes(Router &, const Guard &) override {}

private:
    ServiceContext &m_context;
};
} // namespace

std::unique_ptr<Service> makeReconciliationService(ServiceContext &context) {
    return std::make_unique<ReconciliationService>(context);
}

} // namespace Formance::Sandbox
