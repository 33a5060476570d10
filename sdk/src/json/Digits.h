// Decimal digits eight at a time (one 64-bit load, a few multiplications), for the amounts and
// numbers of large pages, where a byte-by-byte loop was a tenth of building the models.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace Formance::Json::Digits {

inline constexpr bool kWordAtATime = std::endian::native == std::endian::little;

inline std::uint64_t load8(const char *p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
}

// True when the eight bytes of `w` (as loaded by load8) are all '0'..'9': each byte's high nibble
// is 3, and adding 6 does not carry past 9.
inline bool eightDigits(std::uint64_t w) {
    constexpr std::uint64_t high = 0xF0F0F0F0F0F0F0F0ull;
    return ((w & high) | (((w + 0x0606060606060606ull) & high) >> 4)) == 0x3333333333333333ull;
}

// The value of eight digits (first byte most significant): pairs, then fours, then all eight.
inline std::uint32_t eightDigitsValue(std::uint64_t w) {
    w -= 0x3030303030303030ull;
    w = w * 10 + (w >> 8); // each even byte: two digits
    const std::uint64_t pairs = 0x000000FF000000FFull;
    return std::uint32_t(
        ((w & pairs) * (100 + (1000000ull << 32)) + ((w >> 16) & pairs) * (1 + (10000ull << 32))) >> 32);
}

// Length of the run of digits that starts `s`.
inline std::size_t digitRun(std::string_view s) {
    std::size_t i = 0;
    if constexpr (kWordAtATime) {
        while (i + 8 <= s.size() && eightDigits(load8(s.data() + i)))
            i += 8;
    }
    while (i < s.size() && s[i] >= '0' && s[i] <= '9')
        ++i;
    return i;
}

// An optional '-' and 1 to 18 digits (always within 64 bits) into *out; false for anything else,
// which the caller reads the long way.
inline bool smallInteger(std::string_view s, long long *out) {
    const bool negative = !s.empty() && s.front() == '-';
    if (negative)
        s.remove_prefix(1);
    if (s.empty() || s.size() > 18)
        return false;
    std::uint64_t value = 0;
    std::size_t i = 0;
    if constexpr (kWordAtATime) {
        for (; i + 8 <= s.size(); i += 8) {
            const std::uint64_t w = load8(s.data() + i);
            if (!eightDigits(w))
                return false;
            value = value * 100000000u + eightDigitsValue(w);
        }
    }
    for (; i < s.size(); ++i) {
        const unsigned d = unsigned(s[i]) - '0';
        if (d > 9)
            return false;
        value = value * 10 + d;
    }
    *out = negative ? -(long long)(value) : (long long)(value);
    return true;
}

} // namespace Formance::Json::Digits
