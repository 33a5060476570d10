// Placeholder until the service is implemented: it is listed, and has no routes yet.
#include "core/Service.h"

namespace Formance::Sandbox {

namespace {
class WalletsService final : public Service {
public:
    explicit WalletsService(ServiceContext &context)
        : m_context(context) {}
    QString name() const override { return QStringLiteral("wallets"); }
    void registerRoutes(Router &, const Guard &) override {}

private:
    ServiceContext &m_context;
};
} // namespace

std::unique_ptr<Service> makeWalletsService(ServiceContext &context) {
    return std::make_unique<WalletsService>(context);
}

} // namespace Formance::Sandbox
