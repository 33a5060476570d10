// Timestamp parse (RFC 3339 with up to nanoseconds): any text is parsed or refused; a parsed
// instant prints in UTC and parses back to the same instant.
#include "FuzzSupport.h"

#include <Formance/Timestamp.h>

#include <QString>

using namespace Formance;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, std::size_t size) {
    const std::string_view input = fuzzInput(data, size);
    const auto t = Timestamp::parse(input);
    const auto q = Timestamp::parse(QString::fromUtf8(input.data(), qsizetype(input.size())));
    FUZZ_CHECK(t.has_value() == q.has_value() && (!t || *t == *q), "both overloads agree");
    if (!t)
        return 0;
    FUZZ_CHECK(!t->isNull(), "a parsed timestamp is not null");
    FUZZ_CHECK(t->nanos() >= 0 && t->nanos() < 1000000000, "nanoseconds within a second");
    const QString text = t->toString();
    const auto back = Timestamp::parse(text);
    if (!back)
        std::fprintf(stderr, "printed as %s\n", qPrintable(text));
    FUZZ_CHECK(back.has_value(), "the printed form parses");
    FUZZ_CHECK(*back == *t, "and names the same instant");
    (void)t->toDateTime();
    return 0;
}
