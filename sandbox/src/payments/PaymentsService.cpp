// Placeholder until the service is implemented: it is listed, and has no routes yet.
#include "core/Service.h"

namespace Formance::Sandbox {

namespace {
class PaymentsService final : public Service {
public:
    explicit PaymentsService(ServiceContext &context)
        : m_context(context) {}
    QString name() const override { return QStringLiteral("payments"); }
    void registerRoutes(Router &, const Guard &) override {}

private:
    ServiceContext &m_context;
};
} // namespace

std::unique_ptr<Service> makePaymentsService(ServiceContext &context) {
    return std::make_unique<PaymentsService>(context);
}

} // namespace Formance::Sandbox
