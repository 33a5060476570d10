// Placeholder until the service is implemented: it is listed, and has no routes yet.
#include "core/Service.h"

namespace Formance::Sandbox {

namespace {
class SearchService final : public Service {
public:
    explicit SearchService(ServiceContext &context)
        : m_context(context) {}
    QString name() const override { return QStringLiteral("search"); }
    void registerRoutes(Router &, const Guard &) override {}

private:
    ServiceContext &m_context;
};
} // namespace

std::unique_ptr<Service> makeSearchService(ServiceContext &context) {
    return std::make_unique<SearchService>(context);
}

} // namespace Formance::Sandbox
