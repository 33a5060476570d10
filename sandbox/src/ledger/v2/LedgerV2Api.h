// Ledger v2: the 26 operations of /api/ledger/v2, over LedgerStore (reads) and PostingEngine
// (writes), with the spec's response shapes. One class, its implementation split by resource:
// V2Ledgers.cpp (ledgers, _info, stats, ledger metadata), V2Transactions.cpp, V2Accounts.cpp,
// V2Volumes.cpp (volumes, aggregated balances), V2Logs.cpp (list, export, import), V2Bulk.cpp.
#pragma once

#include "Options.h"
#include "api/ApiSupport.h"
#include "ledger/PostingEngine.h"

#include <QObject>

namespace Formance::Sandbox {

class LedgerV2Api {
public:
    LedgerV2Api(LedgerStore &store, PostingEngine &engine, QString version, ApiGeneration api)
        : m_store(store)
        , m_engine(engine)
        , m_version(std::move(version))
        , m_api(api) {}

    // Below this many matching rows an account or metadata filter is looked up by index rather
    // than checked per transaction (tests set it to see both plans; <= 0: always per transaction).
    static void setFewMatches(int limit);

    // Its 26 routes, under the ledger's prefix (/api/ledger); with API v3.0.1 also /_/info and
    // /_/metrics. A list, count, aggregate or volumes filter is read from the GET body (v2.1.1)
    // or from the `query` parameter (v3.0.1), in either generation.
    void registerRoutes(Routes &routes);

    ApiGeneration api() const { return m_api; }

    // Shared with v1, which reads the same storage.
    static Expected<NewTransaction> parsePostTransaction(const Json::Value &body);
    VolumeMap volumesAt(const QString &ledger, const QStringList &accounts, const std::optional<QString> &pit,
                        const std::optional<QString> &oot = {}, bool byInsertion = false);

private:
    Reply listLedgers(const Request &r);
    Reply info(const Request &r);
    Reply metrics(const Request &r);
    Reply getLedger(const Request &r);
    Reply createLedger(const Request &r);
    Reply bulk(const Request &r);
    // One bulk element (index from 0), its result appended to w; false (and *failure) when it failed.
    bool bulkElement(const QString &ledger, const Json::Value &e, size_t index, bool continueOnFailure,
                     Json::Writer &w, LedgerError *failure);
    Reply ledgerInfo(const Request &r);
    Reply listAccounts(const Request &r);
    Reply countAccounts(const Request &r);
    Reply accounts(const Request &r, bool countOnly); // a page, or only its Count
    Reply getAccount(const Request &r);
    Reply addAccountMetadata(const Request &r);
    Reply deleteAccountMetadata(const Request &r);
    Reply aggregateBalances(const Request &r);
    Reply listLogs(const Request &r);
    Reply exportLogs(const Request &r);
    Reply importLogs(const Request &r);
    Reply updateLedgerMetadata(const Request &r);
    Reply deleteLedgerMetadata(const Request &r);
    Reply stats(const Request &r);
    Reply listTransactions(const Request &r);
    Reply countTransactions(const Request &r);
    Reply transactions(const Request &r, bool countOnly);
    Reply createTransaction(const Request &r);
    Reply getTransaction(const Request &r);
    Reply addTransactionMetadata(const Request &r);
    Reply deleteTransactionMetadata(const Request &r);
    Reply revertTransaction(const Request &r);
    Reply volumes(const Request &r);

    Expected<SqlCondition> transactionFilter(const QByteArray &body, const QString &ledger, bool counting);
    // Whether `from` (FROM ... WHERE ...) matches fewer rows than the few-matches limit.
    bool fewMatches(const QString &from, const QVariantList &binds);
    Expected<SqlCondition> accountFilter(const QByteArray &body);
    void writeExpandedTransaction(Json::Writer &w, const QString &ledger, const Transaction &tx, bool volumes,
                                  bool effective);
    void writeAccount(Json::Writer &w, const QString &ledger, const QString &address, const QString &metadata,
                      const QString &firstUsage, const QString &insertionDate, const QString &updatedAt,
                      bool volumes, bool effective, const std::optional<QString> &pit);
    Response count(const QString &from, const QVariantList &binds);
    Response countHeader(qint64 n);
    // A list whose filter is only a date range: the id window holding its matches, as SQL and binds.
    SqlCondition dateRangeWindow(const QString &ledger, const SqlCondition &range);

    LedgerStore &m_store;
    PostingEngine &m_engine;
    QString m_version;
    ApiGeneration m_api;
    QObject m_jobs; // context of the slices of long bulks: they stop when the API goes away
};

} // namespace Formance::Sandbox
