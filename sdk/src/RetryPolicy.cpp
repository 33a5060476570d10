#include <Formance/RetryPolicy.h>

#include <QRandomGenerator>

#include <cmath>

namespace Formance {

bool RetryPolicy::isRetryableStatus(int status) {
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

std::optional<qint64> RetryPolicy::parseRetryAfter(const QByteArray &value, const QDateTime &now) {
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = v.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? 0 : seconds * 1000;
    QDateTime when = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    return std::max<qint64>(0, now.msecsTo(when));
}

qint64 RetryPolicy::delayMs(int retry, const QByteArray &retryAfter, const QDateTime &now) const {
    const auto &b = m_config.backoff;
    if (auto hinted = parseRetryAfter(retryAfter, now))
        return *hinted;
    const double base = b.initialIntervalMs * std::pow(b.exponent, std::max(0, retry - 1));
    // Up to 25% jitter spreads clients that failed together.
    const double jitter = base * 0.25 * QRandomGenerator::global()->generateDouble();
    return qint64(std::min<double>(base + jitter, b.maxIntervalMs));
}

bool RetryPolicy::withinBudget(qint64 elapsedMs, qint64 delayMs) const {
    return m_config.enabled() && elapsedMs + delayMs <= m_config.backoff.maxElapsedTimeMs;
}

} // namespace Formance
