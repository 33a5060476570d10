#include "Paging.h"

#include <Formance/Sdk.h>

namespace FormanceBench {

PagingRun pageThrough(Formance::Client &client, const QString &ledger, int pageSize, int maxPages) {
    using namespace Formance::Ledger::V2;
    PagingRun run;
    V2ListTransactionsRequest request;
    request.ledger = ledger;
    request.pageSize = pageSize;
    while (maxPages < 0 || run.pages < maxPages) {
        const auto result = client.ledger().v2().listTransactions(request).result();
        if (!result) {
            run.error = result.error().message();
            return run;
        }
        const auto &cursor = result.value().body.cursor;
        ++run.pages;
        run.transactions += cursor.data.size();
        for (const auto &tx : cursor.data) {
            run.postings += tx.postings.size();
            for (const auto &p : tx.postings)
                run.bigAmounts += p.amount.fitsInt64() ? 0 : 1;
        }
        if (!cursor.hasMore || !cursor.next || cursor.next->isEmpty())
            break;
        V2ListTransactionsRequest next;
        next.ledger = ledger;
        next.cursor = *cursor.next;
        request = std::move(next);
    }
    return run;
}

} // namespace FormanceBench
