#include <Formance/Transport.h>

#include <Formance/Logging.h>
#include <Formance/Redaction.h>
#include <Formance/ResponseDecoding.h>
#include <Formance/RetryPolicy.h>
#include <Formance/TokenProvider.h>

#include "ContentDecoder.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QIODevice>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>
#include <QSslError>
#include <QTimer>
#include <QUuid>

#include <algorithm>
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

// What is kept of an answer that can only be an error (HTML where JSON was declared, say): enough
// for the error's excerpt, never the whole page.
constexpr qsizetype kExcerptBytes = 64 * 1024;
constexpr qint64 kMaxReservedBody = 64 * 1024 * 1024;
// How far Qt reads ahead of the SDK: the answer is taken as it arrives and checked against
// maxResponseBytes, so a huge answer is refused after about this much more, not after all of it.
constexpr qint64 kReadAheadBytes = 1024 * 1024;

// Failures of the connection itself (1–199), as opposed to HTTP statuses (200+) Qt also reports.
bool isTransportError(QNetworkReply::NetworkError e) {
    return e != QNetworkReply::NoError && int(e) < 200;
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
        , m_policy(m_request.options.retry.value_or(transport->config().retry))
        , m_sink(m_request.options.bodySink) {
        const SdkConfig &config = transport->config();
        m_timeoutMs = m_request.options.timeoutMs.value_or(config.timeoutMs);
        m_idleMs = m_request.options.idleTimeoutMs.value_or(config.idleTimeoutMs);
        m_totalMs = m_request.options.totalTimeoutMs.value_or(config.totalTimeoutMs);
        for (QTimer *t : {&m_attemptTimer, &m_idleTimer, &m_backoffTimer, &m_totalTimer})
            t->setSingleShot(true);
        m_backoffTimer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5% early, before Retry-After
        m_totalTimer.setTimerType(Qt::PreciseTimer);   // or 5% late, past the call's limit
        connect(&m_attemptTimer, &QTimer::timeout, this, [this] { onAttemptTimeout(Limit::Attempt); });
        connect(&m_idleTimer, &QTimer::timeout, this, [this] { onAttemptTimeout(Limit::Idle); });
        connect(&m_totalTimer, &QTimer::timeout, this, &Exchange::onTotalTimeout);
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
        if (m_totalMs > 0)
            m_totalTimer.start(m_totalMs);
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

    // The transport lets this call send now (see Transport::admit).
    void admitted() {
        m_holdsSlot = true;
        if (m_canceled || m_done) {
            releaseSlot();
            return;
        }
        acquireTokenAndSend();
    }

private:
    bool hasHeader(const QByteArray &name) const {
        for (const auto &h : m_request.headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        return false;
    }

    // Each attempt waits for one of the transport's slots, then for a token, then goes out: the
    // token is taken when the request can really leave, and the attempt's limits measure the
    // server, not a queue.
    void start() {
        if (m_canceled || m_done)
            return;
        m_transport->admit(this, [this] { admitted(); });
    }

    void releaseSlot() {
        if (m_holdsSlot) {
            m_holdsSlot = false;
            m_transport->release();
        }
    }

    void acquireTokenAndSend() {
        TokenProvider *tokens = m_transport->tokens();
        if (m_request.authenticated && tokens) {
            tokens->acquire(this, [this](const Result<QString> &token) {
                if (m_done)
                    return; // ended while the token came (its total limit)
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
        // Asked for here, so that Qt leaves the answer encoded: ContentDecoder inflates it within
        // the answer's limits (see ContentDecoder.h). A caller's header replaces it.
        req.setRawHeader("Accept-Encoding", "gzip, deflate");
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
        m_timedOut = Limit::None;
        m_tooLarge = false;
        m_refusedRedirect.reset();
        m_excerptOnly = false;
        m_excerptDone = false;
        m_excerpt.clear();
        m_body.clear();
        m_decoder.reset();
        m_decodeError.clear();
        m_streaming = false;
        m_reply->setReadBufferSize(kReadAheadBytes);
        connect(m_reply, &QNetworkReply::finished, this, &Exchange::onFinished);
        connect(m_reply, &QNetworkReply::redirected, this, &Exchange::onRedirected);
        connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
            if (m_request.options.downloadProgress)
                m_request.options.downloadProgress(received, total);
            const qint64 limit = m_transport->config().maxResponseBytes;
            if (limit > 0 && (received > limit || total > limit) && m_reply && !m_excerptOnly &&
                !m_streaming && !(m_sink && isSuccess(m_reply))) {
                m_tooLarge = true;
                m_reply->abort();
            }
        });
        if (m_request.options.uploadProgress)
            connect(m_reply, &QNetworkReply::uploadProgress, this, m_request.options.uploadProgress);
        connect(m_reply, &QNetworkReply::metaDataChanged, this, &Exchange::onHead);
        connect(m_reply, &QNetworkReply::readyRead, this, &Exchange::onBodyData);
        // The idle limit runs from the moment the request really leaves (Qt may queue it for a
        // connection first) and restarts with every sign of life.
        if (m_idleMs > 0) {
            const auto alive = [this] { m_idleTimer.start(m_idleMs); };
            connect(m_reply, &QNetworkReply::socketStartedConnecting, this, alive);
            connect(m_reply, &QNetworkReply::requestSent, this, alive);
            connect(m_reply, &QNetworkReply::metaDataChanged, this, alive);
            connect(m_reply, &QNetworkReply::readyRead, this, alive);
            connect(m_reply, &QNetworkReply::uploadProgress, this, alive);
        }
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

    // A generated operation declares JSON answers: a 2xx of another type can only be refused, and
    // an error page of any size is only worth an excerpt. Either way the rest is not downloaded.
    void onHead() {
        if (!m_reply || m_excerptOnly || m_streaming)
            return;
        m_decoder = Detail::ContentDecoder::forEncoding(m_reply->rawHeader("Content-Encoding"));
        const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray type = m_reply->rawHeader("Content-Type").toLower();
        if (status < 200 || status == 204 || (status >= 300 && status < 400) || m_request.method == "HEAD")
            return; // no body, or a redirect (followed or refused by onRedirected)
        // The declared type; a hand-built request (Client::send) or a binary answer may be of any type.
        if (type.isEmpty() || type.contains("json") ||
            (status < 300 && (m_request.operationId.isEmpty() || m_request.binaryAnswer))) {
            if (status < 300 && m_request.options.bodySink)
                beginStream();
            else
                reserveBody();
            return;
        }
        m_excerptOnly = true;
        onBodyData();
    }

    static bool isSuccess(QNetworkReply *reply) {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        return status >= 200 && status < 300;
    }

    // A 2xx answer with a sink: its body goes to the sink as it arrives.
    void beginStream() {
        if (!m_sink || !m_sink->isWritable()) {
            m_sinkError = QStringLiteral("the device to write the answer to is gone or not open for writing");
            m_reply->abort();
            return;
        }
        m_streaming = true;
    }

    void writeToSink(const QByteArray &data) {
        if (data.isEmpty() || !m_sinkError.isEmpty())
            return;
        if (!m_sink || m_sink->write(data) != data.size()) {
            m_sinkError = QStringLiteral("could not write the answer to its device: %1")
                              .arg(m_sink ? m_sink->errorString() : QStringLiteral("it is gone"));
            if (m_reply)
                m_reply->abort();
            return;
        }
        m_streamed += data.size();
    }

    // The answer's bytes as they come, inflated when they are encoded. False when they cannot be
    // read; the reply is then aborted and onFinished reports m_decodeError.
    // Room for the declared length (plus what the JSON reader may read past the end, so that it
    // reads the body where it is): a large answer arrives in many reads, and growing the buffer
    // for them moved it several times. A length past the limit or 64 MB is not trusted that far.
    void reserveBody() {
        if (m_decoder)
            return; // the decoded length is not known
        const qint64 declared = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        const qint64 limit = m_transport->config().maxResponseBytes;
        if (declared > 0 && declared <= kMaxReservedBody && (limit <= 0 || declared <= limit))
            m_body.reserve(declared + Json::Reader::kInPlaceSlack);
    }

    // What has arrived, appended to the body: read straight into its room (reserved from the
    // Content-Length), not through a temporary.
    void appendArrived() {
        const qint64 available = m_reply->bytesAvailable();
        if (available <= 0)
            return;
        const qsizetype size = m_body.size();
        m_body.resize(size + qsizetype(available));
        const qint64 got = m_reply->read(m_body.data() + size, available);
        m_body.resize(size + qsizetype(std::max<qint64>(got, 0)));
    }

    bool takeBody(const QByteArray &raw, QByteArray &into, qint64 limit) {
        if (!m_decoder) {
            into += raw;
            return true;
        }
        if (m_decoder->feed(raw, into, limit))
            return true;
        m_decodeError = m_decoder->error();
        m_tooLarge = m_decoder->tooLarge();
        if (m_reply)
            m_reply->abort();
        return false;
    }

    void onBodyData() {
        if (!m_reply || !m_decodeError.isEmpty())
            return;
        if (m_streaming) {
            QByteArray data;
            if (takeBody(m_reply->readAll(), data, 0))
                writeToSink(data);
            return;
        }
        if (!m_excerptOnly) {
            const qint64 limit = m_transport->config().maxResponseBytes;
            if (!m_decoder)
                appendArrived();
            else if (!takeBody(m_reply->readAll(), m_body, limit))
                return;
            if (limit > 0 && m_body.size() > limit) {
                m_tooLarge = true;
                m_reply->abort();
            }
            return;
        }
        if (!m_decoder) {
            m_excerpt += m_reply->read(kExcerptBytes - m_excerpt.size());
        } else if (takeBody(m_reply->readAll(), m_excerpt, 0)) {
            m_excerpt.truncate(kExcerptBytes);
        } else {
            m_decodeError.clear(); // an excerpt of an error page: what could be read of it is enough
            m_excerptDone = true;
            return;
        }
        if (m_excerpt.size() >= kExcerptBytes)
            finishExcerpt();
    }

    void finishExcerpt() {
        if (m_reply && !m_reply->isFinished()) {
            m_excerptDone = true;
            m_reply->abort(); // onFinished answers with the excerpt
        }
    }

    enum class Limit { None, Attempt, Idle, Total };

    void onAttemptTimeout(Limit which) {
        if (m_reply) {
            m_timedOut = which;
            m_reply->abort();
        }
    }

    void onTotalTimeout() {
        m_totalExpired = true;
        m_backoffTimer.stop();
        if (m_reply) {
            m_timedOut = Limit::Total;
            m_reply->abort();
            return;
        }
        finish(totalTimeoutError());
    }

    Error totalTimeoutError() const {
        const QString host = m_transport->urlFor(m_request).host();
        return Error(Error::Kind::Timeout, m_attempt > 0
                                               ? QStringLiteral("no answer from %1 within the call's total "
                                                                "limit of %2 ms (%3 attempts)")
                                                     .arg(host)
                                                     .arg(m_totalMs)
                                                     .arg(m_attempt)
                                               : QStringLiteral("the call did not start within its total "
                                                                "limit of %1 ms")
                                                     .arg(m_totalMs));
    }

    void onFinished() {
        // The current attempt's reply, once. Aborting a reply while it streams to a sink can make
        // Qt deliver its finished signal a second time, after this exchange has let go of it.
        if (!m_reply || sender() != m_reply)
            return;
        m_attemptTimer.stop();
        m_idleTimer.stop();
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->deleteLater();
        releaseSlot();
        const qint64 ms = m_attemptStarted.elapsed();
        const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);

        if (m_canceled) {
            finish(Error(Error::Kind::Canceled, QStringLiteral("the call was canceled")));
            return;
        }
        if (!m_sinkError.isEmpty()) {
            finish(Error(Error::Kind::Decode, m_sinkError).withHttp(statusAttr.toInt(), {}, {}));
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
        if (m_timedOut == Limit::Total) {
            finish(totalTimeoutError());
            return;
        }
        const qint64 limit = m_transport->config().maxResponseBytes;
        if (m_tooLarge) {
            qCDebug(lcHttp).noquote()
                << m_request.method << Redaction::url(reply->url()) << "answer too large";
            finish(tooLargeError(statusAttr.toInt()));
            return;
        }
        if (!m_decodeError.isEmpty()) {
            finishUnreadable(reply, statusAttr.toInt());
            return;
        }
        if (m_timedOut != Limit::None) {
            qCDebug(lcHttp).noquote()
                << m_request.method << Redaction::url(reply->url()) << "timed out after" << ms << "ms";
            Error e(Error::Kind::Timeout, m_timedOut == Limit::Idle
                                              ? QStringLiteral("%1 sent nothing for %2 ms (the idle limit)")
                                                    .arg(reply->url().host())
                                                    .arg(m_idleMs)
                                              : QStringLiteral("no complete answer from %1 within %2 ms")
                                                    .arg(reply->url().host())
                                                    .arg(m_timeoutMs));
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

        const auto code = reply->error();
        if (!m_excerptDone && isTransportError(code)) {
            // The head came, then the connection broke: what arrived is not the answer.
            qCDebug(lcHttp).noquote() << m_request.method << Redaction::url(reply->url())
                                      << "answer cut off:" << reply->errorString();
            Error e(
                Error::Kind::Network,
                QStringLiteral("the answer from %1 (HTTP %2) was cut off: %3")
                    .arg(reply->url().host())
                    .arg(statusAttr.toInt())
                    .arg(reply->errorString() + (m_streamed > 0 ? QStringLiteral(" (%1 bytes were written to "
                                                                                 "the sink; not retried)")
                                                                      .arg(m_streamed)
                                                                : QString())));
            if (!retryAfterConnectionProblem())
                finish(e);
            return;
        }
        const int status = statusAttr.toInt();
        if (!m_excerptDone && code != QNetworkReply::NoError && status >= 200 && status < 300) {
            // Qt reports no error for a 2xx it could read: this one it could not.
            finish(Error(Error::Kind::Decode,
                         QStringLiteral("the answer from %1 (HTTP %2) could not be read: %3")
                             .arg(reply->url().host())
                             .arg(status)
                             .arg(reply->errorString()))
                       .withHttp(status, {}, {}));
            return;
        }

        HttpResponse response;
        response.status = statusAttr.toInt();
        for (const auto &pair : reply->rawHeaderPairs())
            response.headers.append(pair);
        if (m_excerptOnly) {
            if (m_decoder && !m_excerptDone)
                takeBody(reply->readAll(), m_excerpt, 0);
            else if (!m_decoder)
                m_excerpt += reply->read(kExcerptBytes - m_excerpt.size());
            m_excerpt.truncate(kExcerptBytes);
            m_decodeError.clear(); // an excerpt is what could be read
        } else if (m_streaming) {
            QByteArray rest;
            if (takeBody(reply->readAll(), rest, 0))
                writeToSink(rest);
            if (!m_sinkError.isEmpty()) {
                finish(Error(Error::Kind::Decode, m_sinkError).withHttp(status, {}, {}));
                return;
            }
        } else {
            takeBody(reply->readAll(), m_body, limit);
        }
        if (m_decodeError.isEmpty() && !m_excerptOnly && m_decoder && m_decoder->started() &&
            !m_decoder->complete())
            m_decodeError = QStringLiteral("its compressed data ends before the end of its stream");
        if (!m_decodeError.isEmpty()) {
            if (m_tooLarge)
                finish(tooLargeError(status));
            else
                finishUnreadable(reply, status);
            return;
        }
        if (!m_streaming)
            response.body = m_excerptOnly ? m_excerpt : std::move(m_body);
        m_body.clear();
        if (m_excerptOnly && !response.body.isEmpty() && response.status >= 200 && response.status < 300) {
            // Refused at its head: the type says it is not the declared JSON.
            if (auto bad = checkJsonBody(response)) {
                finish(*bad);
                return;
            }
        }
        if (limit > 0 && response.body.size() > limit) {
            finish(tooLargeError(0));
            return;
        }
        qCDebug(lcHttp).noquote() << m_request.method << Redaction::url(reply->url()) << "->"
                                  << response.status << "in" << ms << "ms,"
                                  << (m_streaming ? m_streamed : response.body.size()) << "bytes"
                                  << (m_streaming ? "streamed" : "");
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

    // An answer past maxResponseBytes (inflated, when it came compressed). `status` 0: none recorded.
    Error tooLargeError(int status) const {
        Error e(Error::Kind::Decode, QStringLiteral("the answer is larger than the %1-byte limit; refused")
                                         .arg(m_transport->config().maxResponseBytes));
        return status ? e.withHttp(status, {}, {}) : e;
    }

    // An answer whose encoding could not be read (ContentDecoder's reason).
    void finishUnreadable(QNetworkReply *reply, int status) {
        qCDebug(lcHttp).noquote() << m_request.method << Redaction::url(reply->url())
                                  << "answer unreadable:" << m_decodeError;
        finish(Error(Error::Kind::Decode, QStringLiteral("the answer from %1 (HTTP %2) could not be read: %3")
                                              .arg(reply->url().host())
                                              .arg(status)
                                              .arg(m_decodeError))
                   .withHttp(status, {}, {}));
    }

    bool mayRetry() const {
        return m_policy.config().enabled() &&
               (m_request.isIdempotentMethod() || hasHeader("Idempotency-Key"));
    }

    bool retryAfterConnectionProblem() {
        if (m_streamed > 0)
            return false; // part of the answer is in the sink: a second attempt would append to it
        return m_policy.config().retryConnectionErrors && mayRetry() && scheduleRetry({});
    }

    bool scheduleRetry(const QByteArray &retryAfter) {
        const qint64 delay = m_policy.delayMs(m_attempt, retryAfter);
        if (!m_policy.withinBudget(m_elapsed.elapsed(), delay))
            return false;
        if (m_totalExpired || (m_totalMs > 0 && m_elapsed.elapsed() + delay >= m_totalMs))
            return false; // the next attempt could not start within the call's total limit
        qCDebug(lcRetry).noquote() << m_request.method << m_request.path << "retry" << m_attempt << "in"
                                   << delay << "ms";
        m_backoffTimer.start(int(std::min<qint64>(delay, std::numeric_limits<int>::max())));
        return true;
    }

    void finish(Result<HttpResponse> result) {
        if (m_done)
            return;
        m_done = true;
        m_totalTimer.stop();
        m_backoffTimer.stop();
        releaseSlot();
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
    int m_idleMs = 0;
    int m_totalMs = 0;
    QPromise<Result<HttpResponse>> m_promise;
    QPointer<QNetworkReply> m_reply;
    QTimer m_attemptTimer;
    QTimer m_idleTimer;
    QTimer m_backoffTimer;
    QTimer m_totalTimer;
    QByteArray m_excerpt;
    QByteArray m_body;                                 // the answer so far
    std::unique_ptr<Detail::ContentDecoder> m_decoder; // for an encoded answer (Content-Encoding)
    QString m_decodeError;                             // why the encoded answer could not be read
    QPointer<QIODevice> m_sink;                        // CallOptions::bodySink
    QString m_sinkError;                               // the sink went away or refused a write
    qint64 m_streamed = 0;                             // bytes written to the sink, over all attempts
    bool m_streaming = false;                          // this attempt's body goes to the sink
    QElapsedTimer m_elapsed;
    QElapsedTimer m_attemptStarted;
    QString m_token;
    int m_attempt = 0;
    bool m_replayed401 = false;
    Limit m_timedOut = Limit::None;
    bool m_totalExpired = false;
    bool m_tooLarge = false;
    bool m_excerptOnly = false; // an answer that can only be an error: keep an excerpt
    bool m_excerptDone = false; // and it was cut there on purpose
    bool m_holdsSlot = false;
    bool m_canceled = false;
    bool m_done = false;
};

} // namespace

static bool isLoopback(const QUrl &url) {
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Transport::Transport(SdkConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config)) {
    m_baseUrl = m_config.server.resolve(&m_configError);
    m_network = m_config.network ? m_config.network : new QNetworkAccessManager(this);
    QUrl tokenUrl;
    if (m_config.credentials)
        tokenUrl = m_config.credentials->tokenUrl.isEmpty()
                       ? QUrl(m_baseUrl.toString() + QStringLiteral("/api/auth/oauth/token"))
                       : m_baseUrl.resolved(QUrl(m_config.credentials->tokenUrl));
    if (!m_config.network) {
        if (m_config.proxy)
            m_network->setProxy(*m_config.proxy);
        else if (isLoopback(m_baseUrl) && (tokenUrl.isEmpty() || isLoopback(tokenUrl)))
            m_network->setProxy(QNetworkProxy::NoProxy);
    }
    if (m_config.credentials)
        m_tokens = new TokenProvider(m_network, tokenUrl, *m_config.credentials, m_config, this);
}

Transport::~Transport() = default;

void Transport::admit(QObject *context, std::function<void()> go) {
    const int limit = m_config.maxConcurrentRequests;
    if (limit > 0 && m_active >= limit) {
        m_waiting.append({context, std::move(go)});
        return;
    }
    ++m_active;
    go();
}

void Transport::release() {
    --m_active;
    while (!m_waiting.isEmpty()) {
        auto [context, go] = m_waiting.takeFirst();
        if (!context)
            continue; // its call ended while it waited
        ++m_active;
        go();
        return;
    }
}

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
