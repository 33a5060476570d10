// BigInt and Money, parse and format: a number read from text prints back as its canonical text,
// arithmetic agrees with itself (a + b - b == a, a * b == b * a, the order matches the sign of
// a - b), and an amount parsed in an asset's units formats back to text that parses to the same
// minor-unit integer. Input: "ASSET\nAMOUNT" for Money, and the bytes split at a space for BigInt.
#include "FuzzSupport.h"

#include <Formance/BigInt.h>
#include <Formance/Money.h>

#include <QString>

#include <string>

using namespace Formance;

namespace {
std::string canonical(std::string_view text) {
    const bool negative = !text.empty() && text.front() == '-';
    std::string_view digits = negative ? text.substr(1) : text;
    while (digits.size() > 1 && digits.front() == '0')
        digits.remove_prefix(1);
    if (digits == "0")
        return "0";
    return (negative ? "-" : "") + std::string(digits);
}

void checkBigInt(std::string_view text) {
    const auto a = BigInt::fromString(text);
    if (!a)
        return;
    FUZZ_CHECK(a->toStdString() == canonical(text), "a parsed integer prints as its canonical text");
    FUZZ_CHECK(BigInt::fromString(a->toStdString()) == a, "printed text parses to the same integer");
    FUZZ_CHECK(a->toString().toStdString() == a->toStdString(), "QString and std::string agree");
    QByteArray appended;
    a->appendTo(appended);
    FUZZ_CHECK(appended.toStdString() == a->toStdString(), "appendTo agrees");
    FUZZ_CHECK((-(-*a)) == *a, "double negation");
    FUZZ_CHECK(a->fitsInt64() == a->toInt64().has_value(), "fitsInt64 agrees with toInt64");
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, std::size_t size) {
    const std::string_view input = fuzzInput(data, size);
    if (input.size() > 4096)
        return 0; // multiplication is quadratic; long inputs only slow the search
    checkBigInt(input);

    const std::size_t space = input.find(' ');
    if (space != std::string_view::npos) {
        const auto a = BigInt::fromString(input.substr(0, space));
        const auto b = BigInt::fromString(input.substr(space + 1));
        if (a && b) {
            checkBigInt(input.substr(0, space));
            FUZZ_CHECK(*a + *b - *b == *a, "a + b - b == a");
            FUZZ_CHECK(*a + *b == *b + *a, "addition commutes");
            FUZZ_CHECK(*a * *b == *b * *a, "multiplication commutes");
            FUZZ_CHECK((*a - *b).sign() == ((*a <=> *b) < 0   ? -1
                                            : (*a <=> *b) > 0 ? 1
                                                              : 0),
                       "the order matches the sign of the difference");
            FUZZ_CHECK((*a * *b).isZero() == (a->isZero() || b->isZero()), "zero products");
            BigInt c = *a;
            c += *b;
            c -= *a;
            FUZZ_CHECK(c == *b, "+= and -=");
        }
    }

    const std::size_t newline = input.find('\n');
    if (newline != std::string_view::npos) {
        const QString asset = QString::fromUtf8(input.data(), qsizetype(newline));
        const QString text =
            QString::fromUtf8(input.data() + newline + 1, qsizetype(input.size() - newline - 1));
        const int precision = Money::precisionOf(asset);
        FUZZ_CHECK(precision >= 0 && precision <= 256, "precision within bounds");
        (void)Money::currencyOf(asset);
        const Money::ParseResult parsed = Money::parse(text, asset);
        FUZZ_CHECK(parsed.value.has_value() != !parsed.error.isEmpty(), "a value or an error, never both");
        if (parsed.value) {
            const QString formatted = Money::format(*parsed.value, asset);
            const Money::ParseResult again = Money::parse(formatted, asset);
            FUZZ_CHECK(again.value == parsed.value, "format then parse gives the same amount");
        }
        // Any integer formats in any asset and parses back.
        if (const auto raw = BigInt::fromString(text.toStdString())) {
            const Money::ParseResult back = Money::parse(Money::format(*raw, asset), asset);
            FUZZ_CHECK(back.value == raw, "format of an integer parses back");
        }
    }
    return 0;
}
