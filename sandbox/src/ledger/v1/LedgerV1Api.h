// Ledger v1: the 20 operations of /api/ledger/{ledger}/..., in v1's shapes, over the same
// storage as v2. As v1 did, a ledger springs into existence on its first write; reads of an
// unknown ledger see it empty. v1 metadata values may be any JSON: non-strings are stored as
// their compact JSON text (what the real ledger's v2 migration does too).
#pragma once

#include "api/ApiSupport.h"
#include "ledger/PostingEngine.h"
#include "ledger/v2/LedgerV2Api.h"

namespace Formance::Sandbox {

class LedgerV1Api {
public:
    LedgerV1Api(LedgerStore &store, PostingEngine &engine, LedgerV2Api &v2, QString version)
        : m_store(store)
        , m_engine(engine)
        , m_v2(v2)
        , m_version(std::move(version)) {}

    // Its 20 routes under /api/ledger, errors folded onto v1's enum.
    void registerRoutes(Router &router);

private:
    Reply info(const Request &r);
    Reply ledgerInfo(const Request &r);
    Reply listAccounts(const Request &r);
    Reply countAccounts(const Request &r);
    Reply accounts(const Request &r, bool countOnly);
    Reply getAccount(const Request &r);
    Reply addAccountMetadata(const Request &r);
    Reply aggregateBalances(const Request &r);
    Reply balances(const Request &r);
    Reply listLogs(const Request &r);
    Reply getMapping(const Request &r);
    Reply updateMapping(const Request &r);
    Reply runScript(const Request &r);
    Reply stats(const Request &r);
    Reply listTransactions(const Request &r);
    Reply countTransactions(const Request &r);
    Reply transactions(const Request &r, bool countOnly);
    Reply createTransaction(const Request &r);
    Reply createTransactions(const Request &r);
    Reply getTransaction(const Request &r);
    Reply addTransactionMetadata(const Request &r);
    Reply revertTransaction(const Request &r);

    Expected<bool> ensureLedger(const QString &name);
    void writeTransaction(Json::Writer &w, const Transaction &tx);

    LedgerStore &m_store;
    PostingEngine &m_engine;
    LedgerV2Api &m_v2;
    QString m_version;
};

} // namespace Formance::Sandbox
