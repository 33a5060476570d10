// Ledger v2: the 26 operations of /api/ledger/v2, over LedgerStore (reads) and PostingEngine
// (writes), with the spec's response shapes.
#pragma once

#include "ApiSupport.h"
#include "http/Router.h"
#include "ledger/PostingEngine.h"

#include <QObject>

namespace Formance::Sandbox {

class LedgerV2Api {
public:
    LedgerV2Api(LedgerStore &store, PostingEngine &engine, QString version)
        : m_store(store)
        , m_engine(engine)
        , m_version(std::move(version)) {}

    // guard: wraps each handler (the bearer check).
    void registerRoutes(Router &router, const std::function<Handler(Handler)> &guard);

    // Shared with v1, which reads the same storage.
    static Expected<NewTransaction> parsePostTransaction(const Json::Value &body);
    VolumeMap volumesAt(const QString &ledger, const QStringList &accounts, const std::optional<QString> &pit,
                        const std::optional<QString> &oot = {}, bool byInsertion = false);

private:
    Response listLedgers(const Request &r);
    Response info(const Request &r);
    Response getLedger(const Request &r);
    Response createLedger(const Request &r);
    Response bulk(const Request &r);
    // One bulk element (index from 0), its result appended to w; false when it failed.
    bool bulkElement(const QString &ledger, const Json::Value &e, size_t index, bool continueOnFailure,
                     Json::Writer &w);
    Response ledgerInfo(const Request &r);
    Response listAccounts(const Request &r, bool countOnly);
    Response getAccount(const Request &r);
    Response addAccountMetadata(const Request &r);
    Response deleteAccountMetadata(const Request &r);
    Response aggregateBalances(const Request &r);
    Response listLogs(const Request &r);
    Response exportLogs(const Request &r);
    Response importLogs(const Request &r);
    Response updateLedgerMetadata(const Request &r);
    Response deleteLedgerMetadata(const Request &r);
    Response stats(const Request &r);
    Response listTransactions(const Request &r, bool countOnly);
    Response createTransaction(const Request &r);
    Response getTransaction(const Request &r);
    Response addTransactionMetadata(const Request &r);
    Response deleteTransactionMetadata(const Request &r);
    Response revertTransaction(const Request &r);
    Response volumes(const Request &r);

    Expected<SqlCondition> transactionFilter(const QByteArray &body);
    Expected<SqlCondition> accountFilter(const QByteArray &body);
    void writeExpandedTransaction(Json::Writer &w, const QString &ledger, const Transaction &tx, bool volumes,
                                  bool effective);
    void writeAccount(Json::Writer &w, const QString &ledger, const QString &address, const QString &metadata,
                      const QString &firstUsage, const QString &insertionDate, const QString &updatedAt,
                      bool volumes, bool effective, const std::optional<QString> &pit);
    Response count(const QString &from, const QVariantList &binds);

    LedgerStore &m_store;
    PostingEngine &m_engine;
    QString m_version;
    QObject m_jobs; // context of the slices of long bulks: they stop when the API goes away
};

} // namespace Formance::Sandbox
