// Placeholder until the service is implemented: it is listed, and has no routes yet.
#include "core/Service.h"

namespace Formance::Sandbox {

namespace {
class ClientsService final : public Service {
public:
    explicit ClientsService(ServiceContext &context)
        : m_context(context) {}
    QString name() const override { return QStringLiteral("auth"); }
    void registerRoutes(Router &, const Guard &) override {}

private:
    ServiceContext &m_context;
};
} // namespace

std::unique_ptr<Service> makeAuthClientsService(ServiceContext &context) {
    return std::make_unique<ClientsService>(context);
}

} // namespace Formance::Sandbox
