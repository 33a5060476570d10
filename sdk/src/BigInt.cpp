#include <Formance/BigInt.h>

#include <QDebug>

#include <boost/multiprecision/cpp_int.hpp>

#include <charconv>
#include <cstdint>
#include <limits>

namespace Formance {

using boost::multiprecision::cpp_int;

struct BigInt::Big {
    cpp_int value;
};

namespace {
constexpr std::size_t kFastDigits = 18;    // 10^18 - 1 fits in qint64 with room to spare
constexpr std::size_t kFast128Digits = 38; // 10^38 - 1 fits in an unsigned 128-bit integer

bool allDigits(std::string_view s) {
    if (s.empty())
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}
} // namespace

BigInt BigInt::fromBig(Big &&big) {
    BigInt r;
    if (big.value >= std::numeric_limits<qint64>::min() && big.value <= std::numeric_limits<qint64>::max()) {
        r.m_small = big.value.convert_to<qint64>();
    } else {
        r.m_big = std::make_shared<const Big>(std::move(big));
    }
    return r;
}

BigInt::Big BigInt::toBig() const {
    return m_big ? *m_big : Big{cpp_int(m_small)};
}

std::optional<BigInt> BigInt::fromString(std::string_view text) {
    const bool negative = !text.empty() && text.front() == '-';
    std::string_view digits = negative ? text.substr(1) : text;
    if (!allDigits(digits))
        return std::nullopt;
    // Leading zeros: cpp_int would read "0…" as octal (and throw on an 8 or 9).
    while (digits.size() > 1 && digits.front() == '0')
        digits.remove_prefix(1);
    if (digits.size() <= kFastDigits) {
        qint64 v = 0;
        for (char c : digits)
            v = v * 10 + (c - '0');
        return BigInt(negative ? -v : v);
    }
    if (digits.size() <= kFast128Digits) {
        // Amounts past 2^64 are common in ledgers: up to 38 digits, no decimal-string parse.
        unsigned __int128 v = 0;
        for (char c : digits)
            v = v * 10 + unsigned(c - '0');
        constexpr unsigned __int128 kMaxPositive = std::numeric_limits<qint64>::max();
        if (v <= kMaxPositive)
            return BigInt(negative ? -qint64(v) : qint64(v));
        if (negative && v == kMaxPositive + 1)
            return BigInt(std::numeric_limits<qint64>::min());
        cpp_int big = std::uint64_t(v >> 64);
        big <<= 64;
        big |= std::uint64_t(v);
        if (negative)
            big = -big;
        BigInt r;
        r.m_big = std::make_shared<const Big>(Big{std::move(big)});
        return r;
    }
    Big big{cpp_int(std::string(digits))};
    if (negative)
        big.value = -big.value;
    return fromBig(std::move(big));
}

std::optional<BigInt> BigInt::fromString(const QString &text) {
    const QByteArray utf8 = text.toUtf8();
    return fromString(std::string_view(utf8.constData(), size_t(utf8.size())));
}

std::string BigInt::toStdString() const {
    return m_big ? m_big->value.str() : std::to_string(m_small);
}

QString BigInt::toString() const {
    return QString::fromStdString(toStdString());
}

void BigInt::appendTo(QByteArray &out) const {
    if (!m_big) {
        char buf[24];
        auto res = std::to_chars(buf, buf + sizeof buf, m_small);
        out.append(buf, res.ptr - buf);
    } else {
        out.append(m_big->value.str());
    }
}

std::optional<qint64> BigInt::toInt64() const {
    if (m_big)
        return std::nullopt;
    return m_small;
}

int BigInt::sign() const {
    if (m_big)
        return m_big->value.sign();
    return m_small < 0 ? -1 : (m_small > 0 ? 1 : 0);
}

BigInt BigInt::operator-() const {
    if (!m_big && m_small != std::numeric_limits<qint64>::min())
        return BigInt(-m_small);
    return fromBig(Big{-toBig().value});
}

BigInt operator+(const BigInt &a, const BigInt &b) {
    qint64 r;
    if (!a.m_big && !b.m_big && !__builtin_add_overflow(a.m_small, b.m_small, &r))
        return BigInt(r);
    return BigInt::fromBig(BigInt::Big{a.toBig().value + b.toBig().value});
}

BigInt operator-(const BigInt &a, const BigInt &b) {
    qint64 r;
    if (!a.m_big && !b.m_big && !__builtin_sub_overflow(a.m_small, b.m_small, &r))
        return BigInt(r);
    return BigInt::fromBig(BigInt::Big{a.toBig().value - b.toBig().value});
}

BigInt operator*(const BigInt &a, const BigInt &b) {
    qint64 r;
    if (!a.m_big && !b.m_big && !__builtin_mul_overflow(a.m_small, b.m_small, &r))
        return BigInt(r);
    return BigInt::fromBig(BigInt::Big{a.toBig().value * b.toBig().value});
}

std::strong_ordering operator<=>(const BigInt &a, const BigInt &b) {
    if (!a.m_big && !b.m_big)
        return a.m_small <=> b.m_small;
    const int c = a.toBig().value.compare(b.toBig().value);
    return c < 0 ? std::strong_ordering::less
                 : (c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
}

} // namespace Formance

QDebug operator<<(QDebug debug, const Formance::BigInt &value) {
    QDebugStateSaver saver(debug);
    debug.nospace() << "BigInt(" << value.toString() << ')';
    return debug;
}
