// How the sandbox's webhooks service delivers: the retry schedule and timeout (tunable, so tests
// need not wait for the demo's 1 s, 2 s, 4 s), and the Formance webhook signature.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Formance::Sandbox::Webhooks {

struct DeliverySettings {
    // Delay before each retry after a failed attempt: attempts = 1 + retryDelaysMs.size().
    QList<int> retryDelaysMs{1000, 2000, 4000};
    int timeoutMs = 10000; // per attempt, testConfig's included
};

// What a webhooks service built from now on uses. Defaults to DeliverySettings{}, or to the
// environment: FORMANCE_SANDBOX_WEBHOOK_RETRY_MS="1000,2000,4000" ("" for no retry) and
// FORMANCE_SANDBOX_WEBHOOK_TIMEOUT_MS. Tests set it before starting a sandbox.
DeliverySettings deliverySettings();
void setDeliverySettings(const DeliverySettings &settings);
void resetDeliverySettings(); // back to the defaults / environment

// "v1," + base64(HMAC-SHA256(key = the config's secret as sent to clients, message =
// id + "." + unixSeconds + "." + body)): what formance-webhook-signature carries, as the real
// service computes it (its security.Sign keys the HMAC with the secret string's bytes).
QByteArray signature(const QString &webhookId, qint64 unixSeconds, const QString &secret,
                     const QByteArray &body);

} // namespace Formance::Sandbox::Webhooks
