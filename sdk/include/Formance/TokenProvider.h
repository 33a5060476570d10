// OAuth2 client-credentials tokens, kept in memory only. Concurrent requests share one fetch;
// a token is reused until shortly before it expires.
#pragma once

#include <Formance/Result.h>
#include <Formance/SdkConfig.h>

#include <QDeadlineTimer>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Formance {

class TokenProvider : public QObject {
    Q_OBJECT
public:
    TokenProvider(QNetworkAccessManager *network, QUrl tokenUrl, ClientCredentials credentials,
                  const SdkConfig &config, QObject *parent = nullptr);
    ~TokenProvider() override;

    using Callback = std::function<void(const Result<QString> &)>;
    // Calls back with a valid access token, fetching one if needed. Callbacks whose context is
    // gone are dropped.
    void acquire(QObject *context, Callback callback);
    // Forgets `token` after the server refused it, unless a newer one already replaced it.
    void invalidate(const QString &token);

private:
    void fetch();
    void onFetched();
    void deliver(const Result<QString> &result);

    QNetworkAccessManager *m_network;
    QUrl m_tokenUrl;
    ClientCredentials m_credentials;
    const SdkConfig &m_config;
    QString m_token;
    QDeadlineTimer m_validUntil;
    QPointer<QNetworkReply> m_pending;
    QList<QPair<QPointer<QObject>, Callback>> m_waiters;
};

} // namespace Formance
