// Issues opaque bearer tokens for the sandbox's own client-credentials pair, and for the OAuth
// clients stored by the auth service (through a verifier it installs), and checks them. Tokens
// live in memory only: a restart invalidates them, as a real stack's key rotation would.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <functional>

namespace Formance::Sandbox {

class TokenIssuer {
public:
    TokenIssuer(QString clientId, QString clientSecret, qint64 ttlSeconds);

    // The Options pair, else whatever the installed verifier accepts.
    bool credentialsMatch(const QString &clientId, const QString &clientSecret) const;
    // Stored clients (auth service): true when clientSecret is one of clientId's live secrets.
    using ClientVerifier = std::function<bool(const QString &clientId, const QString &clientSecret)>;
    void setClientVerifier(ClientVerifier verifier) { m_verifier = std::move(verifier); }
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
    ClientVerifier m_verifier;
};

} // namespace Formance::Sandbox
