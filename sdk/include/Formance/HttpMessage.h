// The transport-level request an operation builds, and the answer it gets.
#pragma once

#include <Formance/ApiGeneration.h>
#include <Formance/Error.h>
#include <Formance/RetryConfig.h>

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>
#include <optional>

class QIODevice;

namespace Formance {

// Per-call overrides of the client's defaults.
struct CallOptions {
    std::optional<RetryConfig> retry;
    std::optional<int> timeoutMs;      // one attempt, to the answer's last byte (SdkConfig::timeoutMs)
    std::optional<int> idleTimeoutMs;  // the longest silence within an attempt (SdkConfig::idleTimeoutMs)
    std::optional<int> totalTimeoutMs; // the whole call, retries included (SdkConfig::totalTimeoutMs)
    HeaderList headers;                // extra headers for this call only
    // The form of an operation the two API generations disagree on, for this call only (wins over
    // SdkConfig::apiGeneration and over what the stack's versions say; see StackVersions).
    std::optional<ApiGeneration> apiGeneration;

    // Streaming: a 2xx answer's body is written to this device as it arrives, never held whole
    // (HttpResponse::body, and the operation's `bytes`, stay empty; maxResponseBytes does not
    // apply to it). Not owned: open for writing, it must outlive the call — if it goes away or a
    // write fails, the call ends with an error. An error answer is still buffered, as usual. Once
    // a byte went to the sink the call is not retried (a retry would append a second copy): a
    // cut-off stream is a Network error, with what arrived left in the sink for the caller to drop.
    QIODevice *bodySink = nullptr;
    // Progress of each attempt: the answer's body bytes so far and its length (-1 when the answer
    // has no Content-Length); the request body's bytes sent so far and its length.
    std::function<void(qint64 received, qint64 total)> downloadProgress;
    std::function<void(qint64 sent, qint64 total)> uploadProgress;
};

struct HttpRequest {
    QByteArray method = "GET";
    QString path;                         // already expanded and percent-encoded, from the server root
    QList<QPair<QString, QString>> query; // raw values; encoded by the transport
    HeaderList headers;
    QByteArray body;
    QByteArray contentType = "application/json";
    bool authenticated = true;
    bool acceptsIdempotencyKey = false; // the operation takes an Idempotency-Key header
    bool binaryAnswer = false;          // the answer is bytes of any type (a log export), not JSON
    QString operationId;                // for logs
    CallOptions options;

    // GET, HEAD, PUT, DELETE, OPTIONS may be repeated; POST and PATCH only with an Idempotency-Key.
    bool isIdempotentMethod() const {
        return method == "GET" || method == "HEAD" || method == "PUT" || method == "DELETE" ||
               method == "OPTIONS";
    }
};

struct HttpResponse {
    int status = 0;
    HeaderList headers;
    QByteArray body;
    QByteArray header(const QByteArray &name) const { return headerValue(headers, name); }
};

} // namespace Formance
