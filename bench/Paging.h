// Pages through GET /api/ledger/v2/{ledger}/transactions with the SDK's typed operation: the first
// request with pageSize, then only the `next` cursor until hasMore is false. Shared by the paging
// benchmark and the sdk-bench-paging program.
#pragma once

#include <Formance/Client.h>

#include <QString>

namespace FormanceBench {

struct PagingRun {
    qint64 transactions = 0;
    int pages = 0;
    qint64 postings = 0;
    qint64 bigAmounts = 0; // postings whose amount does not fit in 64 bits
    QString error;         // empty on success
};

// Blocking (runs a local event loop per page): for benchmarks and command-line tools.
PagingRun pageThrough(Formance::Client &client, const QString &ledger, int pageSize = 1000,
                      int maxPages = -1);

} // namespace FormanceBench
