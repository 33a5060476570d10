// The demo stack's content: three ledgers with a few months of deterministic, realistic
// activity (deposits, purchases with platform fees, payouts, refunds by revert; USD/2, EUR/2,
// ETH/18 with a few amounts past 2^64). Generating it takes seconds, so it is generated once
// into a cache file and copied from there at every start (well under a second).
#pragma once

#include <QString>

namespace Formance::Sandbox {

class LedgerStore;
class PostingEngine;

class DemoSeed {
public:
    static constexpr int kVersion = 6; // bump when the generated content or the schema changes

    // Writes the demo ledgers through the engine, in one SQLite transaction.
    static bool generate(LedgerStore &store, PostingEngine &engine, QString *error);
    // The cache file in dir, generated first if missing. Empty and *error on failure.
    static QString ensureCache(const QString &dir, QString *error);
};

} // namespace Formance::Sandbox
