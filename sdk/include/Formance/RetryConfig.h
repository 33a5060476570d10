// Retry settings with the reference SDK's meaning: exponential backoff on 429, 500, 502, 503
// and 504 (and, when asked, on connection errors), bounded by a total elapsed time.
#pragma once

#include <QtGlobal>

namespace Formance {

struct BackoffStrategy {
    int initialIntervalMs = 500;
    int maxIntervalMs = 60000;
    double exponent = 1.5;
    qint64 maxElapsedTimeMs = 3600000;
};

struct RetryConfig {
    enum class Strategy { None, Backoff };
    Strategy strategy = Strategy::None;
    BackoffStrategy backoff;
    bool retryConnectionErrors = false;

    static RetryConfig none() { return {}; }
    static RetryConfig withBackoff(BackoffStrategy backoff, bool retryConnectionErrors) {
        return {Strategy::Backoff, backoff, retryConnectionErrors};
    }
    bool enabled() const { return strategy == Strategy::Backoff; }
};

} // namespace Formance
