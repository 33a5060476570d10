#include "HttpFrontend.h"

#include <Formance/json/JsonDocument.h>

#include <QAtomicInteger>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <exception>
#include <utility>

namespace Formance::Sandbox {

namespace {

constexpr qint64 kMaxHeadBytes = 64 * 1024; // request line and headers
constexpr qint64 kMaxChunkLine = 1024;
constexpr int kDrainMs = 5000;
constexpr qsizetype kMaxQueryItems = 200; // a refused connection's body is dropped for at most this long

QByteArray reasonPhrase(int status) {
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 417:
        return "Expectation Failed";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

bool isDigits(const QByteArray &s) {
    if (s.isEmpty() || s.size() > 18)
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

// A socket whose readyRead receivers can be counted: the guard needs one slot before
// QHttpServer's and one after it.
class RequestGuard;
class GuardedSocket : public QTcpSocket {
public:
    using QTcpSocket::QTcpSocket;
    int readyReadReceivers() const { return receivers(SIGNAL(readyRead())); }
    RequestGuard *guard = nullptr; // a child of this socket
};

// Follows one connection's HTTP/1.1 framing alongside QHttpServer (see HttpFrontend.h). Sees
// each byte once: `before` runs ahead of QHttpServer's readyRead slot and inspects the bytes
// it has not seen yet; `after` runs behind it and notes how many bytes QHttpServer left unread
// (all of them already inspected).
class RequestGuard : public QObject {
public:
    RequestGuard(QTcpSocket *socket, HttpFrontend::HeadPolicy policy)
        : QObject(socket)
        , m_socket(socket)
        , m_policy(std::move(policy)) {}

    void before() {
        if (m_state == State::Refused) {
            drop();
            return;
        }
        const qint64 available = m_socket->bytesAvailable();
        if (available <= m_unread)
            return;
        const QByteArray fresh = m_socket->peek(available).mid(m_unread);
        m_unread = available;
        inspect(fresh);
    }
    void after() {
        if (m_state != State::Refused)
            m_unread = m_socket->bytesAvailable();
    }

private:
    enum class State { Head, Body, ChunkSize, ChunkData, ChunkEnd, Trailer, Refused };

    void inspect(const QByteArray &data) {
        qsizetype i = 0;
        while (i < data.size() && m_state != State::Refused) {
            switch (m_state) {
            case State::Head: {
                if (m_line.isEmpty())
                    while (i < data.size() && (data[i] == '\r' || data[i] == '\n'))
                        ++i; // empty lines between requests are allowed (RFC 9112 2.2)
                if (i == data.size())
                    break;
                const qsizetype before = m_line.size();
                m_line += data.mid(i);
                const auto [emptyLine, past] = headEnd(std::max<qsizetype>(0, before - 3));
                if (emptyLine < 0) {
                    i = data.size();
                    if (m_line.size() > kMaxHeadBytes)
                        refuse(Response::error(
                                   431, QStringLiteral("VALIDATION"),
                                   QStringLiteral("request headers larger than %1 bytes").arg(kMaxHeadBytes)),
                               -1);
                    break;
                }
                const QByteArray head = m_line.left(emptyLine);
                m_line.clear();
                i += past - before;
                onHead(head, data.size() - i);
                break;
            }
            case State::Body:
            case State::ChunkData: {
                const qint64 take = std::min<qint64>(m_remaining, data.size() - i);
                i += take;
                m_remaining -= take;
                if (m_remaining == 0)
                    m_state = m_state == State::Body ? State::Head : State::ChunkEnd;
                break;
            }
            case State::ChunkSize:
            case State::ChunkEnd:
            case State::Trailer: {
                const qsizetype nl = data.indexOf('\n', i);
                m_line += data.mid(i, nl < 0 ? -1 : nl - i);
                i = nl < 0 ? data.size() : nl + 1;
                if (m_line.size() > kMaxChunkLine) {
                    refuse(Response::error(400, QStringLiteral("VALIDATION"),
                                           QStringLiteral("malformed chunked body")),
                           -1);
                    break;
                }
                if (nl < 0)
                    break;
                const QByteArray line = m_line.trimmed();
                m_line.clear();
                if (m_state == State::ChunkEnd) {
                    m_state = State::ChunkSize;
                } else if (m_state == State::Trailer) {
                    if (line.isEmpty())
                        m_state = State::Head;
                } else {
                    bool ok = false;
                    const QByteArray hex = line.split(';').first().trimmed(); // extensions ignored
                    const qint64 size = hex.size() <= 15 ? hex.toLongLong(&ok, 16) : -1;
                    if (!ok || size < 0) {
                        refuse(Response::error(400, QStringLiteral("VALIDATION"),
                                               QStringLiteral("malformed chunk size")),
                               -1);
                        break;
                    }
                    m_bodySoFar += size;
                    if (m_bodySoFar > m_limit.maxBodyBytes) {
                        refuse(m_limit.refusal, -1);
                        break;
                    }
                    m_remaining = size;
                    m_state = size == 0 ? State::Trailer : State::ChunkData;
                }
                break;
            }
            case State::Refused:
                break;
            }
        }
    }

    // Where the head in m_line ends (searching from `from`): the empty line's start and the
    // index just past it; {-1, -1} while incomplete. A bare LF ends a line too.
    std::pair<qsizetype, qsizetype> headEnd(qsizetype from) const {
        for (qsizetype p = m_line.indexOf('\n', from); p >= 0; p = m_line.indexOf('\n', p + 1)) {
            if (p + 1 < m_line.size() && m_line[p + 1] == '\n')
                return {p + 1, p + 2};
            if (p + 2 < m_line.size() && m_line[p + 1] == '\r' && m_line[p + 2] == '\n')
                return {p + 1, p + 3};
        }
        return {-1, -1};
    }

    // A request's head is complete; `following` bytes of this read come after it.
    void onHead(const QByteArray &head, qint64 following) {
        Request r;
        const QList<QByteArray> lines = head.split('\n');
        const QList<QByteArray> start = lines.value(0).trimmed().split(' ');
        r.method = start.value(0).toUpper();
        const QByteArray target = start.value(1);
        r.path = QString::fromLatin1(target.split('?').first());
        QByteArrayList lengths;
        QByteArray transferEncoding, expect;
        bool chunkedSeen = false;
        for (qsizetype n = 1; n < lines.size(); ++n) {
            const QByteArray line = lines[n].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed();
            const QByteArray value = line.mid(colon + 1).trimmed();
            r.headers.append({name, value});
            if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
                lengths.append(value);
            else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
                chunkedSeen = chunkedSeen || !transferEncoding.isEmpty();
                transferEncoding = value.toLower();
            } else if (name.compare("Expect", Qt::CaseInsensitive) == 0)
                expect = value.toLower();
        }
        auto bad = [&](const QString &why) {
            refuse(Response::error(400, QStringLiteral("VALIDATION"), why), -1);
        };
        if (lengths.size() > 1 || (lengths.size() == 1 && lengths[0].contains(',')))
            return bad(QStringLiteral("more than one Content-Length"));
        if (!lengths.isEmpty() && !transferEncoding.isEmpty())
            return bad(QStringLiteral("Content-Length and Transfer-Encoding together"));
        if (!transferEncoding.isEmpty() && (transferEncoding != "chunked" || chunkedSeen))
            return bad(QStringLiteral("only the chunked transfer coding is supported"));
        qint64 length = 0;
        if (!lengths.isEmpty()) {
            if (!isDigits(lengths[0]))
                return bad(QStringLiteral("Content-Length must be a non-negative integer"));
            length = lengths[0].toLongLong();
        }
        const bool hasBody = length > 0 || !transferEncoding.isEmpty();
        if (!expect.isEmpty() && expect != "100-continue")
            return refuse(Response::error(417, QStringLiteral("VALIDATION"),
                                          QStringLiteral("only Expect: 100-continue is supported")),
                          -1);
        m_limit = m_policy(r);
        if (length > m_limit.maxBodyBytes)
            return refuse(m_limit.refusal, length - following);
        if (hasBody && !expect.isEmpty())
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n"); // RFC 9110 10.1.1
        m_bodySoFar = 0;
        m_remaining = length;
        m_state = !transferEncoding.isEmpty() ? State::ChunkSize : length > 0 ? State::Body : State::Head;
    }

    // Answers, then drops what the client still sends (at most `drain` bytes, -1: unknown, for
    // at most kDrainMs) and closes. QHttpServer never sees the refused request's bytes.
    void refuse(const Response &answer, qint64 drain) {
        m_state = State::Refused;
        m_drain = drain;
        m_socket->write(HttpFrontend::serialize(HttpFrontend::sanitize(answer), false, true));
        QTimer::singleShot(kDrainMs, this, [s = m_socket] { s->disconnectFromHost(); });
        drop(true);
    }
    void drop(bool first = false) {
        if (m_socket->isTransactionStarted())
            m_socket->commitTransaction(); // frees what QHttpServer kept of a partial request
        const qint64 n = m_socket->bytesAvailable();
        m_socket->skip(n);
        m_unread = 0;
        if (!first && m_drain > 0)
            m_drain -= n;
        if (m_drain != -1 && m_drain <= 0)
            m_socket->disconnectFromHost(); // the whole declared body is gone: close now
    }

    QTcpSocket *m_socket;
    const HttpFrontend::HeadPolicy m_policy; // a copy: the guard may outlive the frontend's members
    State m_state = State::Head;
    QByteArray m_line;
    qint64 m_unread = 0;    // bytes at the front of the socket's buffer already inspected
    qint64 m_remaining = 0; // of the body or of the current chunk
    qint64 m_bodySoFar = 0; // chunked: the body's size so far
    HttpFrontend::BodyPolicy m_limit;
    qint64 m_drain = -1;
};

class GuardedTcpServer : public QTcpServer {
public:
    GuardedTcpServer(HttpFrontend::HeadPolicy policy, QObject *parent)
        : QTcpServer(parent)
        , m_policy(std::move(policy)) {}

    // Call after QAbstractHttpServer::bind(this). When QHttpServer takes sockets on
    // newConnection (after incomingConnection), its readyRead slot is connected then, by its
    // own newConnection slot: ours, connected later, runs after it and can follow.
    void followHttpServer() {
        connect(this, &QTcpServer::newConnection, this, [this] {
            for (const QPointer<GuardedSocket> &s : std::exchange(m_waiting, {}))
                if (s)
                    connectAfter(s);
        });
    }

protected:
    void incomingConnection(qintptr handle) override {
        auto *socket = new GuardedSocket(this);
        if (!socket->setSocketDescriptor(handle)) {
            delete socket;
            return;
        }
        auto *guard = new RequestGuard(socket, m_policy);
        socket->guard = guard;
        connect(socket, &QTcpSocket::readyRead, guard, [guard] { guard->before(); });
        addPendingConnection(socket);
        if (socket->readyReadReceivers() > 1)
            connectAfter(socket); // QHttpServer took it on pendingConnectionAvailable
        else
            m_waiting.append(socket);
    }

private:
    void connectAfter(GuardedSocket *socket) {
        if (RequestGuard *guard = socket->guard)
            connect(socket, &QTcpSocket::readyRead, guard, [guard] { guard->after(); });
    }
    const HttpFrontend::HeadPolicy m_policy;
    QList<QPointer<GuardedSocket>> m_waiting;
};

QAtomicInteger<quint64> g_reference{0};

} // namespace

HttpFrontend::HttpFrontend(Callback callback, HeadPolicy policy, qint64 maxBodyBytes, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_callback(std::move(callback))
    , m_policy(std::move(policy))
    , m_maxBodyBytes(maxBodyBytes) {}

quint16 HttpFrontend::listenGuarded(const QHostAddress &address, quint16 port) {
    auto *server = new GuardedTcpServer(m_policy, this);
    if (!server->listen(address, port)) {
        delete server;
        return 0;
    }
    bind(server);
    server->followHttpServer();
    return server->serverPort();
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

QByteArray HttpFrontend::serialize(const Response &resp, bool headRequest, bool close) {
    QByteArray out = "HTTP/1.1 " + QByteArray::number(resp.status) + ' ' + reasonPhrase(resp.status) + "\r\n";
    for (const auto &h : resp.headers)
        if (h.first.compare("Content-Length", Qt::CaseInsensitive) != 0 &&
            h.first.compare("Connection", Qt::CaseInsensitive) != 0)
            out += h.first + ": " + h.second + "\r\n";
    const bool noBody = headRequest || resp.status == 204 || resp.status == 304;
    out += "Content-Length: " + QByteArray::number(noBody ? 0 : resp.body.size()) + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (!noBody)
        out += resp.body;
    return out;
}

bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) {
    Request req;
    req.method = QByteArray(request.method() == QHttpServerRequest::Method::Get       ? "GET"
                            : request.method() == QHttpServerRequest::Method::Put     ? "PUT"
                            : request.method() == QHttpServerRequest::Method::Delete  ? "DELETE"
                            : request.method() == QHttpServerRequest::Method::Post    ? "POST"
                            : request.method() == QHttpServerRequest::Method::Head    ? "HEAD"
                            : request.method() == QHttpServerRequest::Method::Options ? "OPTIONS"
                            : request.method() == QHttpServerRequest::Method::Patch   ? "PATCH"
                                                                                      : "UNKNOWN");
    req.path = request.url().path(QUrl::FullyEncoded);
    // As Go's net/url (the real stack) does, '+' in a query means a space.
    req.query =
        QUrlQuery(request.url().query(QUrl::FullyEncoded).replace(QLatin1Char('+'), QStringLiteral("%20")));
    req.headers = request.headers();
    req.body = request.body();
    const bool head = req.method == "HEAD";
    const bool close = req.header("Connection").compare("close", Qt::CaseInsensitive) == 0;

    Response resp;
    const qsizetype queryItems = req.query.queryItems().size();
    if (queryItems > kMaxQueryItems) {
        // Each metadata[...] parameter is a condition: thousands would only exhaust the store.
        resp = Response::error(
            400, QStringLiteral("VALIDATION"),
            QStringLiteral("%1 query parameters: at most %2").arg(queryItems).arg(kMaxQueryItems));
    } else if (req.body.size() > m_maxBodyBytes) {
        // Normally refused by the guard from Content-Length; this catches anything it let by.
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
        } catch (...) {
            resp = Response::error(500, QStringLiteral("INTERNAL"), QStringLiteral("unknown failure"));
        }
    }

    QPointer<QTcpSocket> target(socket);
    auto send = [target, head, close](Response r) {
        if (!target)
            return; // the client went away meanwhile
        target->write(serialize(sanitize(std::move(r)), head, close));
        if (close)
            target->disconnectFromHost();
    };
    if (resp.deferred) {
        auto work = std::move(resp.deferred);
        work(send);
    } else {
        send(std::move(resp));
    }
    return true;
}

void HttpFrontend::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) {
    // Unreachable: handleRequest answers everything. Kept for the abstract interface.
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

} // namespace Formance::Sandbox
