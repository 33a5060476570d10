#include "PaymentsService.h"

#include "api/ApiSupport.h"

namespace Formance::Sandbox {

namespace Payments {

PaymentsService::PaymentsService(ServiceContext &context)
    : m_context(context)
    , m_store(context.store)
    , m_transfers(m_store)
    , m_connectors(m_store, m_transfers)
    , m_parts{m_store, m_transfers, m_connectors}
    , m_connectorsApi(m_parts)
    , m_paymentsApi(m_parts)
    , m_bankAccountsApi(m_parts)
    , m_transfersApi(m_parts)
    , m_poolsApi(m_parts) {
    context.pools = this;
}

void PaymentsService::registerRoutes(Router &router) {
    for (Router *target : {&router, &m_v1Routes}) {
        Routes routes(*target, QStringLiteral("/api/payments"));
        routes.on("GET", "/_info", [this](const Request &) {
            return infoResponse(m_context.versionOf(QStringLiteral("payments")));
        });
        m_connectorsApi.registerRoutes(routes);
        m_paymentsApi.registerRoutes(routes);
        m_bankAccountsApi.registerRoutes(routes);
        m_transfersApi.registerRoutes(routes);
        m_poolsApi.registerRoutes(routes);
    }
    if (m_context.v3()) {
        Routes routes(router, QStringLiteral("/api/payments"));
        m_v3Api.registerRoutes(routes);
    }
}

Expected<std::map<QString, BigInt>> PaymentsService::poolBalancesAt(const QString &poolId,
                                                                    const QString &at) {
    return m_poolsApi.balancesAt(poolId, at);
}

} // namespace Payments

std::unique_ptr<Service> makePaymentsService(ServiceContext &context) {
    return std::make_unique<Payments::PaymentsService>(context);
}

} // namespace Formance::Sandbox
