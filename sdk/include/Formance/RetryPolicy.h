// Decides whether and when an attempt is retried. Pure logic, so it is tested without a network.
#pragma once

#include <Formance/RetryConfig.h>

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace Formance {

class RetryPolicy {
public:
    explicit RetryPolicy(RetryConfig config)
        : m_config(config) {}

    static bool isRetryableStatus(int status);

    // Delay before attempt number `retry` (1 for the first retry), jitter included, capped by
    // the max interval. A Retry-After header (seconds or HTTP date) takes precedence.
    qint64 delayMs(int retry, const QByteArray &retryAfter = {},
                   const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

    // Whether another attempt may start `delayMs` from now, `elapsedMs` after the first one.
    bool withinBudget(qint64 elapsedMs, qint64 delayMs) const;

    static std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &now);

    const RetryConfig &config() const { return m_config; }

private:
    RetryConfig m_config;
};

} // namespace Formance
