#include "HttpFrontend.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QMetaEnum>
#include <QUrlQuery>

#include <exception>

namespace Formance::Sandbox {

HttpFrontend::HttpFrontend(Callback callback, qint64 maxBodyBytes, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_callback(std::move(callback))
    , m_maxBodyBytes(maxBodyBytes) {}

static QByteArray methodName(QHttpServerRequest::Method m) {
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "UNKNOWN";
    }
}

bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) {
    Request req;
    req.method = methodName(request.method());
    req.path = request.url().path(QUrl::FullyEncoded);
    // As Go's net/url (the real stack) does, '+' in a query means a space.
    req.query =
        QUrlQuery(request.url().query(QUrl::FullyEncoded).replace(QLatin1Char('+'), QStringLiteral("%20")));
    req.headers = request.headers();
    req.body = request.body();

    Response resp;
    if (req.body.size() > m_maxBodyBytes) {
        // QHttpServer has already buffered it; refusing still protects the store and parsers.
        resp = Response::error(413, QStringLiteral("VALIDATION"),
                               QStringLiteral("request body larger than %1 bytes").arg(m_maxBodyBytes));
    } else {
        try {
            resp = m_callback(req);
        } catch (const std::exception &e) {
            resp = Response::error(500, QStringLiteral("INTERNAL"), QString::fromUtf8(e.what()));
        }
    }

    auto responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(resp.status));
    for (const auto &h : resp.headers)
        responder.writeHeader(h.first, h.second);
    const bool noBody = req.method == "HEAD" || resp.status == 204 || resp.status == 304;
    responder.writeHeader("Content-Length", QByteArray::number(noBody ? 0 : resp.body.size()));
    if (!noBody)
        responder.writeBody(resp.body);
    else
        responder.writeBody(QByteArray());
    return true;
}

void HttpFrontend::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) {
    // Unreachable: handleRequest answers everything. Kept for the abstract interface.
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

} // namespace Formance::Sandbox
