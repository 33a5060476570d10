#include "TokenIssuer.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace Formance::Sandbox {

TokenIssuer::TokenIssuer(QString clientId, QString clientSecret, qint64 ttlSeconds)
    : m_clientId(std::move(clientId))
    , m_clientSecret(std::move(clientSecret))
    , m_ttl(ttlSeconds)
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); }) {}

bool TokenIssuer::credentialsMatch(const QString &clientId, const QString &clientSecret) const {
    if (clientId == m_clientId)
        return clientSecret == m_clientSecret;
    return !clientId.isEmpty() && !clientSecret.isEmpty() && m_verifier && m_verifier(clientId, clientSecret);
}

QByteArray TokenIssuer::issue() {
    const qint64 now = m_now();
    // Forget expired tokens now and then so a long-running demo does not grow without bound.
    if (m_expiry.size() > 1024)
        m_expiry.removeIf([now](auto it) { return it.value() <= now; });
    QByteArray raw(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / 4);
    const QByteArray token =
        "sbx_" + raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    m_expiry.insert(token, now + m_ttl * 1000);
    return token;
}

bool TokenIssuer::isValid(const QByteArray &token) const {
    const auto it = m_expiry.constFind(token);
    return it != m_expiry.constEnd() && m_now() < it.value();
}

} // namespace Formance::Sandbox
