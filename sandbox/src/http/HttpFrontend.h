// The QHttpServer end: turns each QHttpServerRequest into a Request, asks a callback for the
// Response and writes it. Uses QAbstractHttpServer directly so every header (Count, Location)
// and every status can be written, including HEAD answers without a body.
#pragma once

#include "HttpTypes.h"

#include <QAbstractHttpServer>

#include <functional>

namespace Formance::Sandbox {

class HttpFrontend : public QAbstractHttpServer {
    Q_OBJECT
public:
    using Callback = std::function<Response(Request &)>;
    explicit HttpFrontend(Callback callback, qint64 maxBodyBytes, QObject *parent = nullptr);

    // 5xx: the message becomes a reference to the log line that keeps the detail.
    static Response sanitize(Response response);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Callback m_callback;
    qint64 m_maxBodyBytes;
};

} // namespace Formance::Sandbox
