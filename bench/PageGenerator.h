// Deterministic ledger v2 listTransactions pages for the benchmarks: what a busy ledger sends back
// for GET /api/ledger/v2/{ledger}/transactions?pageSize=1000&expand=volumes. Each transaction has
// 1–4 postings, 2–4 metadata entries, pre- and post-commit volumes of every account it touches, and
// about one in 25 moves an amount past 2^64 (so volumes and balances past 2^64 follow).
#pragma once

#include <QByteArray>
#include <QString>

namespace FormanceBench {

struct PageSpec {
    int page = 0; // which page of the ledger: ids and timestamps continue across pages
    int transactions = 1000;
    QString next;     // the cursor to put in `next` (hasMore is true when set)
    QString previous; // the cursor to put in `previous`, when set
};

// The JSON body of one page (about 1.2 MB for 1,000 transactions). Same spec, same bytes.
QByteArray transactionsPage(const PageSpec &spec);

// The first transaction of every page (index 0) moves this amount, exactly: 2^64 * 3 + 12345.
inline constexpr const char *kFirstAmount = "55340232221128667193";

} // namespace FormanceBench
