// The sandbox's Numscript subset: any script (and vars object) compiles to postings or is refused
// with a 400 naming what is wrong — never a crash, never a 500. Input: the script, then a line
// "#vars", then the vars as JSON.
#include "FuzzSupport.h"

#include "ledger/Numscript.h"

using namespace Formance;
using namespace Formance::Sandbox;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, std::size_t size) {
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype split = input.indexOf("\n#vars\n");
    const QString script = QString::fromUtf8(split < 0 ? input : input.left(split));
    std::optional<Json::Document> vars;
    if (split >= 0)
        vars = Json::Document::parse(input.mid(split + 7));
    const auto compiled = Numscript::compile(script, vars ? vars->root() : Json::Value());
    if (!compiled) {
        FUZZ_CHECK(compiled.error().status >= 400 && compiled.error().status < 500, "a refusal is a 4xx");
        FUZZ_CHECK(!compiled.error().message.isEmpty(), "that says why");
        return 0;
    }
    for (const auto &p : compiled.value().postings)
        FUZZ_CHECK(!p.amount.isNegative(), "no negative posting");
    return 0;
}
