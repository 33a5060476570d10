// Formats and parses amounts by an asset's precision: "USD/2" holds cents, so the
// minor-unit integer 12345 reads "123.45". Parsing never rounds: extra decimals are an error.
#pragma once

#include <Formance/BigInt.h>

#include <QString>

#include <optional>

namespace Formance {

class Money {
public:
    // Decimal places encoded in the asset code ("USD/2" → 2, "ETH/18" → 18, "JPY" → 0).
    static int precisionOf(const QString &asset);
    // Asset code without its precision suffix ("USD/2" → "USD").
    static QString currencyOf(const QString &asset);

    static QString format(const BigInt &minorUnits, const QString &asset);

    struct ParseResult {
        std::optional<BigInt> value;
        QString error; // set when value is empty, worded for a person typing in a form
    };
    // Accepts "-1234.5", "1,234.50" (comma as thousands separator), surrounding spaces.
    static ParseResult parse(const QString &text, const QString &asset);
};

} // namespace Formance
