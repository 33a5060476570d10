// Ledger v1: the 20 operations of /api/ledger/{ledger}/..., in v1's shapes, over the same
// storage as v2. As v1 did, a ledger springs into existence on its first write; reads of an
// unknown ledger see it empty. v1 metadata values may be any JSON: non-strings are stored as
// their compact JSON text (what the real ledger's v2 migration does too).
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
    Response info(const Request &r);
    Response ledgerInfo(const Request &r);
    Response listAccounts(const Request &r, bool countOnly);
    Response getAccount(const Request &r);
    Response addAccountMetadata(const Request &r);
    Response aggregateBalances(const Request &r);
    Response balances(const Request &r);
    Response listLogs(const Request &r);
    Response getMapping(const Request &r);
    Response updateMapping(const Request &r);
    Response runScript(const Request &r);
    Response stats(const Request &r);
    Response listTransactions(const Request &r, bool countOnly);
    Response createTransaction(const Request &r);
    Response createTransactions(const Request &r);
    Response getTransaction(const Request &r);
    Response addTransactionMetadata(const Request &r);
    Response revertTransaction(const Request &r);

    Expected<bool> ensureLedger(const QString &name);
    void writeTransaction(Json::Writer &w, const Transaction &tx);

    LedgerStore &m_store;
    PostingEngine &m_engine;
    LedgerV2Api &m_v2;
    QString m_version;
};

} // namespace Formance::Sandbox
