#include "FaultProxy.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

namespace FaultTest {

QString faultName(Fault fault) {
    switch (fault) {
    case Fault::None:
        return QStringLiteral("None");
    case Fault::DropBeforeForward:
        return QStringLiteral("DropBeforeForward");
    case Fault::DropAfterForward:
        return QStringLiteral("DropAfterForward");
    case Fault::Status429:
        return QStringLiteral("Status429");
    case Fault::Status429RetryAfter:
        return QStringLiteral("Status429RetryAfter");
    case Fault::Status502AfterForward:
        return QStringLiteral("Status502AfterForward");
    case Fault::Status503:
        return QStringLiteral("Status503");
    case Fault::Status503RetryAfter:
        return QStringLiteral("Status503RetryAfter");
    case Fault::Delay:
        return QStringLiteral("Delay");
    case Fault::StallPastTimeout:
        return QStringLiteral("StallPastTimeout");
    case Fault::TruncateBody:
        return QStringLiteral("TruncateBody");
    case Fault::ResetMidBody:
        return QStringLiteral("ResetMidBody");
    }
    return {};
}

QList<Fault> allFaults() {
    return {Fault::DropBeforeForward,
            Fault::DropAfterForward,
            Fault::Status429,
            Fault::Status429RetryAfter,
            Fault::Status502AfterForward,
            Fault::Status503,
            Fault::Status503RetryAfter,
            Fault::Delay,
            Fault::StallPastTimeout,
            Fault::TruncateBody,
            Fault::ResetMidBody};
}

QByteArray ProxiedRequest::header(const QByteArray &name) const {
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

int FaultProxy::Stats::faultTotal() const {
    int n = 0;
    for (auto it = faults.begin(); it != faults.end(); ++it)
        n += it.value();
    return n;
}

QString FaultProxy::Stats::faultSummary() const {
    QStringList parts;
    for (auto it = faults.begin(); it != faults.end(); ++it)
        parts << QStringLiteral("%1=%2").arg(faultName(it.key())).arg(it.value());
    return parts.join(u' ');
}

namespace {

// A message head: the start line and headers up to the blank line.
struct Head {
    QByteArray startLine;
    QList<QPair<QByteArray, QByteArray>> headers;
    qint64 contentLength = 0;
    bool chunked = false;
};

// Parses the head at the start of buf; returns its length including "\r\n\r\n", 0 while
// incomplete, -1 when it is not HTTP.
qsizetype parseHead(const QByteArray &buf, Head &head) {
    const qsizetype end = buf.indexOf("\r\n\r\n");
    if (end < 0)
        return buf.size() > 64 * 1024 ? -1 : 0;
    const QList<QByteArray> lines = buf.left(end).split('\n');
    head = {};
    head.startLine = lines.value(0).trimmed();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return -1;
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        head.headers.append({name, value});
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            head.contentLength = value.toLongLong();
        if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0 && value.contains("chunked"))
            head.chunked = true;
    }
    return end + 4;
}

QByteArray reasonPhrase(int status) {
    switch (status) {
    case 429:
        return "Too Many Requests";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}

} // namespace

struct FaultProxy::Connection : QObject {
    QTcpSocket *socket = nullptr;
    QByteArray buffer;
    bool busy = false; // a request is being handled; the next waits (no pipelining)
};

FaultProxy::FaultProxy(quint16 upstreamPort, quint64 seed, QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_upstreamPort(upstreamPort)
    , m_seed(seed)
    , m_kinds(allFaults()) {
    connect(m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
}

FaultProxy::~FaultProxy() = default;

quint16 FaultProxy::listen() {
    if (!m_server->listen(QHostAddress::LocalHost, 0))
        return 0;
    return m_server->serverPort();
}

quint16 FaultProxy::port() const {
    return m_server->serverPort();
}

void FaultProxy::onNewConnection() {
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *c = new Connection;
        c->setParent(this);
        c->socket = socket;
        socket->setParent(c);
        connect(socket, &QTcpSocket::readyRead, c, [this, c] { onClientData(c); });
        connect(socket, &QTcpSocket::disconnected, c, [c] { c->deleteLater(); });
    }
}

void FaultProxy::onClientData(Connection *c) {
    c->buffer += c->socket->readAll();
    if (c->busy)
        return;
    Head head;
    const qsizetype headLength = parseHead(c->buffer, head);
    if (headLength < 0) {
        dropClient(c, false);
        return;
    }
    if (headLength == 0 || c->buffer.size() < headLength + head.contentLength)
        return;
    ProxiedRequest request;
    const QList<QByteArray> parts = head.startLine.split(' ');
    request.method = parts.value(0);
    request.target = parts.value(1);
    request.headers = head.headers;
    request.body = c->buffer.mid(headLength, head.contentLength);
    c->buffer.remove(0, headLength + head.contentLength);
    c->busy = true;
    handle(c, std::move(request));
}

FaultProxy::Decision FaultProxy::decide(const ProxiedRequest &request) {
    if (m_filter && !m_filter(request))
        return {};
    // The same request content (a retry) is the n-th time seen: each attempt draws anew, but
    // from a sequence fixed by the seed and the content alone.
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(request.method);
    h.addData(request.path());
    h.addData(request.body);
    const QByteArray digest = h.result();
    const int nth = m_seenContent[digest]++;
    quint64 s = m_seed ^ (quint64(nth) * 0x9E3779B97F4A7C15ull);
    for (int i = 0; i < 8; ++i)
        s ^= quint64(quint8(digest[i])) << (8 * i);
    const quint32 words[2] = {quint32(s), quint32(s >> 32)};
    QRandomGenerator rng(words, 2);
    if (m_kinds.isEmpty() || rng.generateDouble() >= m_rate)
        return {};
    const Fault fault = m_kinds[int(rng.bounded(quint32(m_kinds.size())))];
    return {fault, fault == Fault::StallPastTimeout ? m_stallMs : 20 + int(rng.bounded(180))};
}

void FaultProxy::handle(Connection *c, ProxiedRequest request) {
    ++m_stats.requests;
    if (m_observer)
        m_observer(request);
    const QByteArray key = request.header("Idempotency-Key");
    if (!key.isEmpty())
        ++m_stats.attemptsPerKey[key];
    if (m_interceptor) {
        if (std::optional<CannedAnswer> canned = m_interceptor(request)) {
            sendCanned(c, std::move(*canned), 0);
            return;
        }
    }
    const Decision decision = decide(request);
    const Fault fault = decision.fault;
    if (fault != Fault::None)
        ++m_stats.faults[fault];

    switch (fault) {
    case Fault::DropBeforeForward:
        dropClient(c, false);
        return;
    case Fault::Status429:
    case Fault::Status429RetryAfter:
        answer(c, 429, "rate limited by the gateway", fault == Fault::Status429RetryAfter);
        return;
    case Fault::Status503:
    case Fault::Status503RetryAfter:
        answer(c, 503, "upstream unavailable", fault == Fault::Status503RetryAfter);
        return;
    case Fault::Delay:
    case Fault::StallPastTimeout: {
        ++m_inFlight;
        QTimer::singleShot(decision.delayMs, this,
                           [this, c = QPointer<Connection>(c), request, fault]() mutable {
                               --m_inFlight;
                               forward(c, std::move(request), fault);
                           });
        return;
    }
    default:
        forward(c, std::move(request), fault);
        return;
    }
}

void FaultProxy::forward(QPointer<Connection> c, ProxiedRequest request, Fault fault) {
    // One upstream connection per request keeps the bookkeeping trivial; loopback makes it cheap.
    auto *upstream = new QTcpSocket(this);
    auto *received = new QByteArray;
    ++m_inFlight;
    ++m_stats.forwarded;
    const bool headRequest = request.method == "HEAD";
    auto finished = std::make_shared<bool>(false);
    auto complete = [this, c, fault, upstream, received, headRequest, finished](bool eof) {
        if (*finished)
            return;
        Head head;
        const qsizetype headLength = parseHead(*received, head);
        bool whole = false;
        qint64 bodyLength = 0;
        if (headLength > 0) {
            const int status = head.startLine.split(' ').value(1).toInt();
            const bool noBody = headRequest || status == 204 || status == 304;
            if (head.chunked && !noBody)
                qFatal("FaultProxy: chunked answers are not supported");
            bodyLength = noBody ? 0 : head.contentLength;
            whole = received->size() >= headLength + bodyLength;
        }
        if (!whole && !eof && headLength >= 0)
            return; // more to come
        *finished = true;
        if (whole) {
            ++m_stats.upstreamStatuses[head.startLine.split(' ').value(1).toInt()];
            for (const auto &h : head.headers)
                if (h.first.compare("Idempotency-Hit", Qt::CaseInsensitive) == 0)
                    ++m_stats.replays;
            deliver(c, fault, received->left(headLength), received->mid(headLength, bodyLength));
        } else if (c) {
            dropClient(c, false); // the server closed without a whole answer: pass that on
        }
        --m_inFlight;
        upstream->disconnect(this);
        upstream->deleteLater();
        delete received;
    };
    connect(upstream, &QTcpSocket::readyRead, this, [upstream, received, complete] {
        *received += upstream->readAll();
        complete(false);
    });
    connect(upstream, &QTcpSocket::disconnected, this, [upstream, received, complete] {
        *received += upstream->readAll();
        complete(true);
    });
    connect(upstream, &QTcpSocket::errorOccurred, this, [upstream, received, complete](auto) {
        *received += upstream->readAll();
        complete(true);
    });
    connect(upstream, &QTcpSocket::connected, this, [upstream, request] {
        QByteArray out = request.method + ' ' + request.target + " HTTP/1.1\r\n";
        for (const auto &h : request.headers)
            out += h.first + ": " + h.second + "\r\n";
        out += "\r\n" + request.body;
        upstream->write(out);
    });
    upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
}

void FaultProxy::deliver(QPointer<Connection> c, Fault fault, const QByteArray &head,
                         const QByteArray &body) {
    if (!c || c->socket->state() != QAbstractSocket::ConnectedState)
        return; // the client gave up (its timeout); the server has done the work all the same
    switch (fault) {
    case Fault::DropAfterForward:
        dropClient(c, false);
        return;
    case Fault::Status502AfterForward:
        answer(c, 502, "bad gateway", false);
        return;
    case Fault::TruncateBody:
    case Fault::ResetMidBody: {
        // Cut in the body when there is one, else in the head.
        const QByteArray whole = head + body;
        const qsizetype cut = body.size() > 1 ? head.size() + body.size() / 2 : head.size() / 2;
        c->socket->write(whole.left(cut));
        c->socket->flush();
        dropClient(c, fault == Fault::ResetMidBody);
        return;
    }
    default:
        ++m_stats.answered;
        c->socket->write(head + body);
        done(c);
        return;
    }
}

void FaultProxy::answer(Connection *c, int status, const QByteArray &reason, bool retryAfter) {
    const QByteArray body = "<html><body><h1>" + QByteArray::number(status) + ' ' + reasonPhrase(status) +
                            "</h1><p>" + reason + "</p></body></html>";
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Content-Type: text/html\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (retryAfter)
        out += "Retry-After: 1\r\n";
    out += "\r\n" + body;
    c->socket->write(out);
    done(c);
}

void FaultProxy::sendCanned(QPointer<Connection> c, CannedAnswer canned, qsizetype offset) {
    if (!c)
        return; // the client went away
    const qsizetype n = canned.chunk > 0 ? canned.chunk : canned.bytes.size() - offset;
    c->socket->write(canned.bytes.constData() + offset, std::min(n, canned.bytes.size() - offset));
    offset += n;
    if (offset >= canned.bytes.size()) {
        done(c);
        return;
    }
    QTimer::singleShot(canned.intervalMs, this, [this, c, canned = std::move(canned), offset]() mutable {
        sendCanned(c, std::move(canned), offset);
    });
}

void FaultProxy::done(Connection *c) {
    c->busy = false;
    if (!c->buffer.isEmpty())
        QTimer::singleShot(0, c, [this, c] { onClientData(c); });
}

void FaultProxy::dropClient(Connection *c, bool reset) {
    if (reset && c->socket->socketDescriptor() >= 0) {
        // SO_LINGER 0: close() sends a TCP reset instead of a clean end of stream.
        linger l{1, 0};
        ::setsockopt(int(c->socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &l, sizeof l);
        c->socket->abort();
        c->deleteLater();
    } else {
        c->socket->disconnectFromHost();
    }
}

} // namespace FaultTest
