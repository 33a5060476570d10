// The ledger service: its v2 API (ledger/v2/, split by resource) and its v1 API (ledger/v1/), both
// over the one LedgerStore and PostingEngine that every other service shares through
// ServiceContext. Its demo seed is the store itself (DemoSeed, copied before services start).
#pragma once

#include "core/Service.h"
#include "ledger/v1/LedgerV1Api.h"
#include "ledger/v2/LedgerV2Api.h"

namespace Formance::Sandbox {

class LedgerService final : public Service {
public:
    explicit LedgerService(ServiceContext &context)
        : m_v2(context.store, context.ledger, context.versionOf(QStringLiteral("ledger")),
               context.options.api)
        , m_v1(context.store, context.ledger, m_v2, context.versionOf(QStringLiteral("ledger"))) {}
    QString name() const override { return QStringLiteral("ledger"); }
    void registerRoutes(Router &router) override {
        Routes v2(router, QStringLiteral("/api/ledger"));
        m_v2.registerRoutes(v2);
        m_v1.registerRoutes(router);
    }

private:
    LedgerV2Api m_v2;
    LedgerV1Api m_v1;
};

} // namespace Formance::Sandbox
