// The common subset of Numscript, compiled straight to postings:
//   vars { account $user  monetary $amount  number $n  string $s  asset $a }
//   send [USD/2 100] ( source = @world  destination = $user )
//   send $amount ( source = @a allowing unbounded overdraft  destination = @b )
//   set_tx_meta("key", "value")   set_account_meta(@acc, "key", $var)
// Anything else (portions, multiple sources, `*`, kept, overdraft bounds ...) is refused with
// COMPILATION_FAILED and a message naming what is not supported, never a crash or a 500.
#pragma once

#include "LedgerError.h"
#include "PostingEngine.h"

#include <Formance/json/JsonDocument.h>

namespace Formance::Sandbox {

class Numscript {
public:
    // vars: the request's "vars" object (may be invalid/null).
    static Expected<NewTransaction> compile(const QString &script, const Json::Value &vars);
    // Same, with vars given as strings (ledger v1's script endpoint, tests).
    static Expected<NewTransaction> compile(const QString &script, const QMap<QString, QString> &vars);
};

} // namespace Formance::Sandbox
