// The payments v1 service: connectors (a built-in DUMMY-PAY that produces data over time),
// payments, accounts and balances, bank accounts, transfer initiations and pools, under
// /api/payments. Provides pool balances to the reconciliation service.
#pragma once

#include "PaymentsApis.h"
#include "PaymentsV3Api.h"

#include "core/PoolBalanceSource.h"
#include "core/Service.h"

namespace Formance::Sandbox::Payments {

class PaymentsService final : public Service, public PoolBalanceSource {
public:
    explicit PaymentsService(ServiceContext &context);
    QString name() const override { return QStringLiteral("payments"); }
    void registerRoutes(Router &router) override;
    void seedDemo() override;
    Expected<std::map<QString, BigInt>> poolBalancesAt(const QString &poolId, const QString &at) override;

private:
    ServiceContext &m_context;
    PaymentsStore m_store;
    TransferBook m_transfers;
    ConnectorManager m_connectors;
    PaymentsParts m_parts;
    ConnectorsApi m_connectorsApi;
    PaymentsApi m_paymentsApi;
    BankAccountsApi m_bankAccountsApi;
    TransfersApi m_transfersApi;
    PoolsApi m_poolsApi;
    Router m_v1Routes; // the v1 routes again, read in process by the v3 API
    PaymentsV3Api m_v3Api{m_v1Routes, m_parts};
};

} // namespace Formance::Sandbox::Payments
