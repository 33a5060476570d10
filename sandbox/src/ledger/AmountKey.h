// Text encodings that let SQLite compare big integers and instants exactly as text.
#pragma once

#include <Formance/BigInt.h>
#include <Formance/Timestamp.h>

#include <QString>

namespace Formance::Sandbox {

// Order-preserving text for a signed integer of any size: sign flag, digit count, digits
// (nine's complement for negatives). "b > x" in SQL is then exact, past 2^64 too.
QString amountKey(const BigInt &value);

// RFC 3339 UTC with exactly six fraction digits: fixed width, so text order is time order.
QString canonicalTime(const Timestamp &ts);
std::optional<QString> parseTime(const QString &text); // canonicalTime of a client's timestamp
QString nowTime();

} // namespace Formance::Sandbox
