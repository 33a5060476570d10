// Issues opaque bearer tokens for one client-credentials pair and checks them. Tokens live in
// memory only: a restart invalidates them, as a real stack's key rotation would.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <functional>

namespace Formance::Sandbox {

class TokenIssuer {
public:
    TokenIssuer(QString clientId, QString clientSecret, qint64 ttlSeconds);

    bool credentialsMatch(const QString &clientId, const QString &clientSecret) const;
    QByteArray issue(); // a new token valid for ttlSeconds()
    bool isValid(const QByteArray &token) const;
    qint64 ttlSeconds() const { return m_ttl; }

    // Tests shift the clock instead of sleeping; defaults to the wall clock in ms.
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

private:
    QString m_clientId;
    QString m_clientSecret;
    qint64 m_ttl;
    QHash<QByteArray, qint64> m_expiry; // token -> expiry, ms since epoch
    std::function<qint64()> m_now;
};

} // namespace Formance::Sandbox
