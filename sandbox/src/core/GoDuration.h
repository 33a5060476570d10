// Durations written as Go writes them ("1h30m", "2.5s", "300ms", "1500us"), as the stack's
// services take them in configs (workflow delays, connector polling periods).
#pragma once

#include <QString>

#include <optional>

namespace Formance::Sandbox {

// In milliseconds, rounded up; "0" is 0; nullopt if invalid (no unit, unknown unit, other text).
std::optional<qint64> parseDuration(const QString &text);

} // namespace Formance::Sandbox
