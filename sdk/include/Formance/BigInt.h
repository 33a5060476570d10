// Arbitrary-size signed integer for amounts, balances, volumes and ledger ids.
// Values that fit in 64 bits stay inline; larger ones live in a shared, immutable
// Boost.Multiprecision cpp_int so copies stay cheap and headers stay light.
#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <compare>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace Formance {

class BigInt {
public:
    BigInt() = default;
    BigInt(qint64 value)
        : m_small(value) {} // NOLINT(google-explicit-constructor): amounts read naturally
    BigInt(int value)
        : m_small(value) {} // NOLINT(google-explicit-constructor)

    // Parses an optional '-' followed by decimal digits (no '+', no spaces, no exponent).
    static std::optional<BigInt> fromString(std::string_view text);
    static std::optional<BigInt> fromString(const QString &text);
    static std::optional<BigInt> fromString(const char *text) { return fromString(std::string_view(text)); }

    std::string toStdString() const;
    QString toString() const;
    void appendTo(QByteArray &out) const;

    bool fitsInt64() const { return !m_big; }
    std::optional<qint64> toInt64() const;
    int sign() const;
    bool isZero() const { return sign() == 0; }
    bool isNegative() const { return sign() < 0; }
    BigInt abs() const { return isNegative() ? -*this : *this; }

    BigInt operator-() const;
    friend BigInt operator+(const BigInt &a, const BigInt &b);
    friend BigInt operator-(const BigInt &a, const BigInt &b);
    friend BigInt operator*(const BigInt &a, const BigInt &b);
    BigInt &operator+=(const BigInt &o) { return *this = *this + o; }
    BigInt &operator-=(const BigInt &o) { return *this = *this - o; }

    friend std::strong_ordering operator<=>(const BigInt &a, const BigInt &b);
    friend bool operator==(const BigInt &a, const BigInt &b) { return (a <=> b) == 0; }

    struct Big;

private:
    static BigInt fromBig(Big &&big);
    Big toBig() const;

    qint64 m_small = 0;
    std::shared_ptr<const Big> m_big; // set only when the value does not fit in qint64
};

} // namespace Formance

QDebug operator<<(QDebug debug, const Formance::BigInt &value);
