// Ledger v1: the 20 operations of /api/ledger/{ledger}/..., in v1's shapes, over the same
// storage as v2 (a v1 "ledger" is a v2 ledger, created on first write as v1 did).
#pragma once

#include "ApiSupport.h"
#include "LedgerV2Api.h"
#include "http/Router.h"
#include "ledger/PostingEngine.h"

namespace Formance::Sandbox {

class LedgerV1Api {
public:
    LedgerV1Api(LedgerStore &store, PostingEngine &engine, LedgerV2Api &v2, QString version)
        : m_store(store)
        , m_engine(engine)
        , m_v2(v2)
        , m_version(std::move(version)) {}

    void registerRoutes(Router &router, const std::function<Handler(Handler)> &guard);

private:
    LedgerStore &m_store;
    PostingEngine &m_engine;
    LedgerV2Api &m_v2;
    QString m_version;
};

} // namespace Formance::Sandbox
