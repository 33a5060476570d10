// A ledger's balances summed over the accounts a filter selects, at a point in time: exactly what
// GET /api/ledger/v2/{ledger}/aggregate/balances?pit=... answers (the real reconciliation service
// calls that endpoint too). It is asked of the ledger v2 API in process, through its own routes,
// so the filter language, its validation and the arithmetic stay the ledger's.
#pragma once

#include "core/Service.h"
#include "reconciliation/Drift.h"

#include "ledger/LedgerError.h"

#include <memory>
#include <optional>

namespace Formance::Sandbox {

class LedgerV2Api;

class LedgerBalances {
public:
    explicit LedgerBalances(ServiceContext &context);
    ~LedgerBalances();

    // filter: the ledger's filter query as JSON text ({} or empty: every account). at: RFC 3339
    // (canonical) or none for now. LEDGER_NOT_FOUND, or VALIDATION for a filter the ledger refuses.
    Expected<AssetBalances> aggregate(const QString &ledger, const QByteArray &filter,
                                      const std::optional<QString> &at = std::nullopt);

private:
    std::unique_ptr<LedgerV2Api> m_api;
    Router m_router;
};

} // namespace Formance::Sandbox
