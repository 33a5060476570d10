#include "Transport.h"

#include "Logging.h"
#include "Redaction.h"
#include "RetryPolicy.h"
#include "TokenProvider.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>
#include <QSslError>
#include <QTimer>
#include <QUuid>

#include <optional>

namespace Formance {

namespace {

constexpr int kLoggedBodyBytes = 64 * 1024;
constexpr int kMaxRedirects = 5;

// scheme://host:port, the unit credentials are bound to (RFC 6454).
QString originOf(const QUrl &url) {
    const QString scheme = url.scheme().toLower();
    const int port = url.port(scheme == QLatin1String("https")  ? 443
                              : scheme == QLatin1String("http") ? 80
                                                                : -1);
    return QStringLiteral("%1://%2:%3").arg(scheme, url.host().toLower()).arg(port);
}

bool isConnectionError(QNetworkReply::NetworkError e) {
    switch (e) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownNetworkError:
        return true;
    default:
        return false;
    }
}

// One call from start to its final result, across token fetches, retries and a 401 replay.
class Exchange : public QObject {
public:
    Exchange(Transport *transport, HttpRequest request)
        : QObject(transport)
        , m_transport(transport)
        , m_request(std::move(request))
        , m_policy(m_request.options.retry.value_or(transport->config().retry)) {
        m_timeoutMs = m_request.options.timeoutMs.value_or(transport->config().timeoutMs);
        m_attemptTimer.setSingleShot(true);
        m_backoffTimer.setSingleShot(true);
        m_backoffTimer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5% early, before Retry-After
        connect(&m_attemptTimer, &QTimer::timeout, this, &Exchange::onAttemptTimeout);
        connect(&m_backoffTimer, &QTimer::timeout, this, &Exchange::start);
        // Generate the key once so that every attempt carries the same one.
        if (m_policy.config().enabled() && m_request.acceptsIdempotencyKey && !hasHeader("Idempotency-Key"))
            m_request.headers.append(
                {"Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)});
        m_promise.start();
    }

    QFuture<Result<HttpResponse>> future() { return m_promise.future(); }

    void begin() {
        m_elapsed.start();
        start();
    }

    void cancel() {
        if (m_done)
            return;
        m_canceled = true;
        m_backoffTimer.stop();
        if (m_reply)
            m_reply->abort(); // onFinished reports the cancellation
        else
            finish(Error(Error::Kind::Canceled, QStringLiteral("the call was canceled")));
    }

private:
    bool hasHeader(const QByteArray &name) const {
        for (const auto &h : m_request.headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        return false;
    }

    void start() {
        if (m_canceled)
            return;
        TokenProvider *tokens = m_transport->tokens();
        if (m_request.authenticated && tokens) {
            tokens->acquire(this, [this](const Result<QString> &token) {
                if (m_canceled) {
                    finish(Error(Error::Kind::Canceled, QStringLiteral("the call was canceled")));
                    return;
                }
                if (!token) {
                    finish(token.error());
                    return;
                }
                send(token.value());
            });
        } else {
            send({});
        }
    }

    void send(const QString &token) {
        const SdkConfig &config = m_transport->config();
        const QUrl url = m_transport->urlFor(m_request);
        if (!url.isValid()) {
            finish(Error(Error::Kind::Network, QStringLiteral("no valid server URL configured")));
            return;
        }
        QNetworkRequest req(url);
        req.setRawHeader("Accept", "application/json");
        req.setRawHeader("User-Agent", config.userAgent);
        if (!m_request.body.isEmpty())
            req.setRawHeader("Content-Type", m_request.contentType);
        for (const auto &h : m_request.headers)
            req.setRawHeader(h.first, h.second);
        for (const auto &h : m_request.options.headers)
            req.setRawHeader(h.first, h.second);
        m_token = token;
        if (!token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        config.applyTrust(req);
        if (config.requestHook)
            config.requestHook(req);
        // After the hook, so that nothing weakens it: every redirect is checked in onRedirected.
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
        req.setMaximumRedirectsAllowed(kMaxRedirects);

        ++m_attempt;
        qCDebug(lcHttp).noquote() << m_request.method << Redaction::url(url) << "attempt" << m_attempt;
        if (lcHttpBody().isDebugEnabled()) {
            for (const QByteArray &name : req.rawHeaderList())
                qCDebug(lcHttpBody).noquote()
                    << ">" << name + ":" << Redaction::header(name, req.rawHeader(name));
            if (!m_request.body.isEmpty())
                qCDebug(lcHttpBody).noquote()
                    << ">" << Redaction::text(m_request.body.left(kLoggedBodyBytes));
        }

        QNetworkAccessManager *nam = m_transport->network();
        if (m_request.method == "HEAD" && m_request.body.isEmpty())
            m_reply = nam->head(req);
        else
            m_reply = nam->sendCustomRequest(req, m_request.method, m_request.body);
        m_attemptStarted.start();
        m_timedOut = false;
        m_tooLarge = false;
        m_refusedRedirect.reset();
        connect(m_reply, &QNetworkReply::finished, this, &Exchange::onFinished);
        connect(m_reply, &QNetworkReply::redirected, this, &Exchange::onRedirected);
        connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
            const qint64 limit = m_transport->config().maxResponseBytes;
            if (limit > 0 && (received > limit || total > limit) && m_reply) {
                m_tooLarge = true;
                m_reply->abort();
            }
        });
        if (m_timeoutMs > 0)
            m_attemptTimer.start(m_timeoutMs);
    }

    // A redirect within the server's origin is followed (the token goes along); one to another
    // scheme, host or port is not followed at all, so the credentials never reach it.
    void onRedirected(const QUrl &target) {
        if (!m_reply)
            return;
        const QUrl from = m_reply->url();
        if (originOf(target) == originOf(m_transport->baseUrl())) {
            qCDebug(lcHttp).noquote()
                << m_request.method << Redaction::url(from) << "redirected to" << Redaction::url(target);
            emit m_reply->redirectAllowed();
            return;
        }
        RefusedRedirect refused;
        refused.status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        refused.target = target;
        for (const auto &pair : m_reply->rawHeaderPairs())
            refused.headers.append(pair);
        m_refusedRedirect = refused;
        qCWarning(lcHttp).noquote() << m_request.method << Redaction::url(from) << "redirect to"
                                    << Redaction::url(target) << "refused: another origin";
        m_reply->abort();
    }

    void onAttemptTimeout() {
        if (m_reply) {
            m_timedOut = true;
            m_reply->abort();
        }
    }

    void onFinished() {
        m_attemptTimer.stop();
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->deleteLater();
        const qint64 ms = m_attemptStarted.elapsed();
        const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);

        if (m_canceled) {
            finish(Error(Error::Kind::Canceled, QStringLiteral("the call was canceled")));
            return;
        }
        if (m_refusedRedirect) {
            const RefusedRedirect &r = *m_refusedRedirect;
            finish(Error(Error::Kind::Http,
                         QStringLiteral("%1 answered HTTP %2, a redirect to %3: not followed, because it "
                                        "leaves %4 and the request carries credentials")
                             .arg(Redaction::url(reply->url()))
                             .arg(r.status)
                             .arg(Redaction::url(r.target), originOf(m_transport->baseUrl())))
                       .withHttp(r.status, r.headers, {}));
            return;
        }
        const qint64 limit = m_transport->config().maxResponseBytes;
        if (m_tooLarge) {
            qCDebug(lcHttp).noquote()
                << m_request.method << Redaction::url(reply->url()) << "answer too large";
            finish(Error(Error::Kind::Decode,
                         QStringLiteral("the answer is larger than the %1-byte limit; refused").arg(limit))
                       .withHttp(statusAttr.toInt(), {}, {}));
            return;
        }
        if (m_timedOut) {
            qCDebug(lcHttp).noquote()
                << m_request.method << Redaction::url(reply->url()) << "timed out after" << ms << "ms";
            Error e(
                Error::Kind::Timeout,
                QStringLiteral("no answer from %1 within %2 ms").arg(reply->url().host()).arg(m_timeoutMs));
            if (!retryAfterConnectionProblem())
                finish(e);
            return;
        }
        if (!statusAttr.isValid()) {
            const auto code = reply->error();
            qCDebug(lcHttp).noquote()
                << m_request.method << Redaction::url(reply->url()) << "failed:" << reply->errorString();
            if (code == QNetworkReply::SslHandshakeFailedError) {
                finish(Error(Error::Kind::Tls, QStringLiteral("TLS handshake with %1 failed: %2")
                                                   .arg(reply->url().host(), reply->errorString())));
                return;
            }
            Error e(code == QNetworkReply::OperationCanceledError ? Error::Kind::Timeout
                                                                  : Error::Kind::Network,
                    QStringLiteral("%1 %2: %3")
                        .arg(QString::fromLatin1(m_request.method),
                             reply->url().toDisplayString(QUrl::RemoveQuery), reply->errorString()));
            if (!(isConnectionError(code) && retryAfterConnectionProblem()))
                finish(e);
            return;
        }

        HttpResponse response;
        response.status = statusAttr.toInt();
        for (const auto &pair : reply->rawHeaderPairs())
            response.headers.append(pair);
        response.body = reply->readAll();
        if (limit > 0 && response.body.size() > limit) {
            finish(Error(Error::Kind::Decode,
                         QStringLiteral("the answer is larger than the %1-byte limit; refused").arg(limit)));
            return;
        }
        qCDebug(lcHttp).noquote() << m_request.method << Redaction::url(reply->url()) << "->"
                                  << response.status << "in" << ms << "ms," << response.body.size()
                                  << "bytes";
        if (lcHttpBody().isDebugEnabled() && !response.body.isEmpty())
            qCDebug(lcHttpBody).noquote() << "<" << Redaction::text(response.body.left(kLoggedBodyBytes));

        if (response.status == 401 && m_request.authenticated && m_transport->tokens() && !m_replayed401) {
            // The token may have been revoked or expired early: one fresh token, one replay.
            m_replayed401 = true;
            m_transport->tokens()->invalidate(m_token);
            start();
            return;
        }
        if (RetryPolicy::isRetryableStatus(response.status) && mayRetry()) {
            if (scheduleRetry(response.header("Retry-After")))
                return;
        }
        if (response.status >= 200 && response.status < 300)
            finish(std::move(response));
        else
            finish(Error::fromHttpResponse(response.status, response.headers, response.body));
    }

    bool mayRetry() const {
        return m_policy.config().enabled() &&
               (m_request.isIdempotentMethod() || hasHeader("Idempotency-Key"));
    }

    bool retryAfterConnectionProblem() {
        return m_policy.config().retryConnectionErrors && mayRetry() && scheduleRetry({});
    }

    bool scheduleRetry(const QByteArray &retryAfter) {
        const qint64 delay = m_policy.delayMs(m_attempt, retryAfter);
        if (!m_policy.withinBudget(m_elapsed.elapsed(), delay))
            return false;
        qCDebug(lcRetry).noquote() << m_request.method << m_request.path << "retry" << m_attempt << "in"
                                   << delay << "ms";
        m_backoffTimer.start(int(std::min<qint64>(delay, std::numeric_limits<int>::max())));
        return true;
    }

    void finish(Result<HttpResponse> result) {
        if (m_done)
            return;
        m_done = true;
        m_promise.addResult(std::move(result));
        m_promise.finish();
        deleteLater();
    }

    struct RefusedRedirect {
        int status = 0;
        QUrl target;
        HeaderList headers;
    };

    Transport *m_transport;
    HttpRequest m_request;
    std::optional<RefusedRedirect> m_refusedRedirect;
    RetryPolicy m_policy;
    int m_timeoutMs = 0;
    QPromise<Result<HttpResponse>> m_promise;
    QPointer<QNetworkReply> m_reply;
    QTimer m_attemptTimer;
    QTimer m_backoffTimer;
    QElapsedTimer m_elapsed;
    QElapsedTimer m_attemptStarted;
    QString m_token;
    int m_attempt = 0;
    bool m_replayed401 = false;
    bool m_timedOut = false;
    bool m_tooLarge = false;
    bool m_canceled = false;
    bool m_done = false;
};

} // namespace

Transport::Transport(SdkConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config)) {
    m_baseUrl = m_config.server.resolve(&m_configError);
    m_network = m_config.network ? m_config.network : new QNetworkAccessManager(this);
    if (m_config.credentials) {
        QUrl tokenUrl = m_config.credentials->tokenUrl.isEmpty()
                            ? QUrl(m_baseUrl.toString() + QStringLiteral("/api/auth/oauth/token"))
                            : m_baseUrl.resolved(QUrl(m_config.credentials->tokenUrl));
        m_tokens = new TokenProvider(m_network, tokenUrl, *m_config.credentials, m_config, this);
    }
}

Transport::~Transport() = default;

QUrl Transport::urlFor(const HttpRequest &request) const {
    if (!m_baseUrl.isValid())
        return {};
    QUrl url(m_baseUrl.toString(QUrl::FullyEncoded) + request.path, QUrl::StrictMode);
    if (!request.query.isEmpty()) {
        // Encode by hand: QUrlQuery leaves '+' alone, which servers read as a space.
        QByteArray query;
        for (const auto &[k, v] : request.query) {
            if (!query.isEmpty())
                query += '&';
            query += QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v);
        }
        url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    }
    return url;
}

Call<HttpResponse> Transport::execute(HttpRequest request) {
    if (!m_configError.isEmpty()) {
        QPromise<Result<HttpResponse>> failed;
        failed.start();
        failed.addResult(
            Error(Error::Kind::Network, QStringLiteral("bad server configuration: ") + m_configError));
        failed.finish();
        return Call<HttpResponse>(failed.future(), {});
    }
    auto *exchange = new Exchange(this, std::move(request));
    auto future = exchange->future();
    QPointer<Exchange> guard(exchange);
    exchange->begin();
    return Call<HttpResponse>(future, [guard]() {
        if (guard)
            QMetaObject::invokeMethod(guard.data(), [guard]() {
                if (guard)
                    guard->cancel();
            });
    });
}

} // namespace Formance
