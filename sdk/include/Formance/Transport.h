// Sends HttpRequests: authentication, retries with backoff, timeouts, size limits, logging and
// cancellation, in one place for every operation.
#pragma once

#include <Formance/Call.h>
#include <Formance/HttpMessage.h>
#include <Formance/SdkConfig.h>

#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace Formance {

class TokenProvider;

class Transport : public QObject {
    Q_OBJECT
public:
    explicit Transport(SdkConfig config, QObject *parent = nullptr);
    ~Transport() override;

    Call<HttpResponse> execute(HttpRequest request);

    const SdkConfig &config() const { return m_config; }
    QUrl baseUrl() const { return m_baseUrl; }
    QNetworkAccessManager *network() const { return m_network; }
    TokenProvider *tokens() const { return m_tokens; }
    QUrl urlFor(const HttpRequest &request) const;

    // At most config().maxConcurrentRequests attempts are on the wire at once; the others wait
    // here, in order, and go(), unless context is gone, when a slot frees (release()).
    void admit(QObject *context, std::function<void()> go);
    void release();

private:
    SdkConfig m_config;
    QUrl m_baseUrl;
    QString m_configError;
    QNetworkAccessManager *m_network = nullptr;
    TokenProvider *m_tokens = nullptr;
    int m_active = 0;
    QList<QPair<QPointer<QObject>, std::function<void()>>> m_waiting;
};

} // namespace Formance
