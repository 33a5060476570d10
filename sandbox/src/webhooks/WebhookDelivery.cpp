#include "WebhookDelivery.h"

#include <QMessageAuthenticationCode>
#include <QMutex>

#include <optional>

namespace Formance::Sandbox::Webhooks {

namespace {
QMutex g_mutex; // tests set the settings from their thread; services read them in the server's
std::optional<DeliverySettings> g_settings;

DeliverySettings fromEnvironment() {
    DeliverySettings s;
    if (qEnvironmentVariableIsSet("FORMANCE_SANDBOX_WEBHOOK_RETRY_MS")) {
        s.retryDelaysMs.clear();
        const QString spec = qEnvironmentVariable("FORMANCE_SANDBOX_WEBHOOK_RETRY_MS");
        for (const QString &part : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const int ms = part.trimmed().toInt(&ok);
            if (ok && ms >= 0)
                s.retryDelaysMs << ms;
        }
    }
    bool ok = false;
    const int timeout = qEnvironmentVariableIntValue("FORMANCE_SANDBOX_WEBHOOK_TIMEOUT_MS", &ok);
    if (ok && timeout > 0)
        s.timeoutMs = timeout;
    return s;
}
} // namespace

DeliverySettings deliverySettings() {
    QMutexLocker lock(&g_mutex);
    if (!g_settings)
        g_settings = fromEnvironment();
    return *g_settings;
}

void setDeliverySettings(const DeliverySettings &settings) {
    QMutexLocker lock(&g_mutex);
    g_settings = settings;
}

void resetDeliverySettings() {
    QMutexLocker lock(&g_mutex);
    g_settings.reset();
}

QByteArray signature(const QString &webhookId, qint64 unixSeconds, const QString &secret,
                     const QByteArray &body) {
    const QByteArray message = webhookId.toUtf8() + '.' + QByteArray::number(unixSeconds) + '.' + body;
    return "v1," +
           QMessageAuthenticationCode::hash(message, secret.toUtf8(), QCryptographicHash::Sha256).toBase64();
}

} // namespace Formance::Sandbox::Webhooks
