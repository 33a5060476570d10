// The QHttpServer end: turns each QHttpServerRequest into a Request, asks a callback for the
// Response and writes it. Uses QAbstractHttpServer directly so every header (Count, Location)
// and every status can be written, including HEAD answers without a body.
//
// QHttpServer 6.4 buffers a whole request body before anything sees the request, so each
// connection's bytes first pass a RequestGuard (HttpFrontend.cpp) that follows the HTTP/1.1
// framing itself: on each request's headers it refuses, before a byte of the body is read,
// a Content-Length that is repeated, negative or not a number (400), Content-Length together
// with Transfer-Encoding (400), a body over the limit the head policy gives (413, or 401 for a
// request without a valid token), and answers `Expect: 100-continue`. A refused connection gets
// its answer, its remaining body is read and dropped (never buffered), and it is closed.
//
// Every answer leaves through writeResponse(): the one place where a 5xx loses its detail
// (logged with a reference instead, so no SQL, path or exception text reaches a client).
#pragma once

#include "HttpTypes.h"

#include <QAbstractHttpServer>

#include <functional>

class QTcpServer;

namespace Formance::Sandbox {

class HttpFrontend : public QAbstractHttpServer {
    Q_OBJECT
public:
    using Callback = std::function<Response(Request &)>;
    // What a request's head allows: the body's size limit, and the answer when it is exceeded.
    struct BodyPolicy {
        qint64 maxBodyBytes = 0;
        Response refusal; // sent as is (status and body) when the declared body is larger
    };
    // Called with method, path and headers only (no body yet).
    using HeadPolicy = std::function<BodyPolicy(const Request &head)>;

    HttpFrontend(Callback callback, HeadPolicy policy, qint64 maxBodyBytes, QObject *parent = nullptr);

    // Listens through the guarded TCP server; the port, or 0.
    quint16 listenGuarded(const QHostAddress &address, quint16 port);

    // The bytes of one HTTP/1.1 response (status line, headers, Content-Length, body).
    static QByteArray serialize(const Response &response, bool headRequest, bool close);
    // 5xx: the message becomes a reference to the log line that keeps the detail.
    static Response sanitize(Response response);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Callback m_callback;
    HeadPolicy m_policy;
    qint64 m_maxBodyBytes;
};

} // namespace Formance::Sandbox
