#include "HttpFrontend.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QMetaEnum>
#include <QUrlQuery>

#include "json/JsonDocument.h"

#include <QAtomicInteger>

#include <exception>

namespace Formance::Sandbox {

namespace {
constexpr qsizetype kMaxQueryItems = 200;
QAtomicInteger<quint64> g_reference{0};
} // namespace

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

Response HttpFrontend::sanitize(Response response) {
    if (response.status < 500 || response.body.isEmpty())
        return response;
    const quint64 ref = ++g_reference;
    qWarning("sandbox: internal error #%llu (%d): %s", static_cast<unsigned long long>(ref), response.status,
             response.body.left(4000).constData());
    const QString code = [&] {
        const auto doc = Json::Document::parse(response.body);
        const QString c = doc ? doc->root()["errorCode"].toString() : QString();
        return c.isEmpty() ? QStringLiteral("INTERNAL") : c;
    }();
    Response clean = Response::error(
        response.status, code,
        QStringLiteral("internal error #%1 in the sandbox; its log has the details").arg(ref));
    for (const auto &h : response.headers)
        if (h.first.compare("Content-Type", Qt::CaseInsensitive) != 0)
            clean.setHeader(h.first, h.second);
    return clean;
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
    const qsizetype queryItems = req.query.queryItems().size();
    if (queryItems > kMaxQueryItems) {
        // Each metadata[...] parameter is a condition: thousands would only exhaust the store.
        resp = Response::error(
            400, QStringLiteral("VALIDATION"),
            QStringLiteral("%1 query parameters: at most %2").arg(queryItems).arg(kMaxQueryItems));
    } else if (req.body.size() > m_maxBodyBytes) {
        // QHttpServer has already buffered it; refusing still protects the store and parsers.
        resp = Response::error(413, QStringLiteral("VALIDATION"),
                               QStringLiteral("request body larger than %1 bytes").arg(m_maxBodyBytes));
    } else {
        try {
            resp = m_callback(req);
        } catch (const RequestTooComplex &e) {
            qWarning("sandbox: %s %s: refused by the store: %s", req.method.constData(),
                     qPrintable(req.path.left(200)), e.what());
            resp =
                Response::error(400, QStringLiteral("VALIDATION"),
                                QStringLiteral("the request is too large or complex for the store (%1): use "
                                               "fewer filter terms or values")
                                    .arg(QString::fromUtf8(e.what()).left(80)));
        } catch (const std::exception &e) {
            resp = Response::error(500, QStringLiteral("INTERNAL"), QString::fromUtf8(e.what()));
        }
    }

    resp = sanitize(std::move(resp)); // the one place a 5xx loses its detail
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
