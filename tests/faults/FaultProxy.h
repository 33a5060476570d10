// An HTTP/1.1 proxy on 127.0.0.1 (port 0) that sits between the SDK and a server and injects the
// faults a real network and a real load balancer produce: a connection dropped before or after the
// request reached the server, 429/502/503 answers with and without Retry-After, delays (some past
// the client's timeout), bodies cut short, connections reset in the middle of a body.
//
// Which request gets which fault is decided from a seed and the request's own content (method,
// path, body) plus how many times that content was seen before, so a run's faults do not depend on
// the order concurrent requests happen to arrive in. Requests the filter excludes (the token
// endpoint, say) are always forwarded untouched.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPair>
#include <QPointer>

#include <functional>
#include <optional>

class QTcpServer;
class QTcpSocket;

namespace FaultTest {

enum class Fault {
    None,
    DropBeforeForward,     // closed without an answer; the server never saw the request
    DropAfterForward,      // the server handled it; the client's connection closes, no answer
    Status429,             // refused by the "gateway", not forwarded
    Status429RetryAfter,   // the same with Retry-After: 1
    Status502AfterForward, // the server handled it; the client gets 502 from the "gateway"
    Status503,             // not forwarded
    Status503RetryAfter,   // not forwarded, Retry-After: 1
    Delay,                 // forwarded after 20–200 ms
    StallPastTimeout,      // forwarded after the client's timeout has passed (the client gives up first)
    TruncateBody,          // the server handled it; its answer is cut in the middle and the connection closed
    ResetMidBody,          // the same, ended by a TCP reset
};
QString faultName(Fault fault);
QList<Fault> allFaults();

struct ProxiedRequest {
    QByteArray method;
    QByteArray target; // path and query as sent
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray header(const QByteArray &name) const;
    QByteArray path() const {
        return target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?'));
    }
};

class FaultProxy : public QObject {
    Q_OBJECT
public:
    FaultProxy(quint16 upstreamPort, quint64 seed, QObject *parent = nullptr);
    ~FaultProxy() override;

    // Listens on 127.0.0.1, any free port; returns it (0 on failure).
    quint16 listen();
    quint16 port() const;

    void setFaultRate(double rate) { m_rate = rate; }                  // 0..1, per request
    void setFaults(QList<Fault> kinds) { m_kinds = std::move(kinds); } // drawn uniformly
    void setStallMs(int ms) { m_stallMs = ms; }                        // StallPastTimeout's delay
    // Only requests for which this returns true may get a fault; default: all.
    void setFaultFilter(std::function<bool(const ProxiedRequest &)> f) { m_filter = std::move(f); }
    // An answer the proxy gives itself instead of forwarding: raw bytes (status line, headers,
    // body), sent `chunk` bytes every `intervalMs` (chunk 0: all at once). A hostile server.
    struct CannedAnswer {
        QByteArray bytes;
        int chunk = 0;
        int intervalMs = 0;
    };
    // Answers the requests for which it returns an answer; the others go on (and may get faults).
    void setInterceptor(std::function<std::optional<CannedAnswer>(const ProxiedRequest &)> f) {
        m_interceptor = std::move(f);
    }
    // Sees every request as it arrives (before any fault).
    void setObserver(std::function<void(const ProxiedRequest &)> f) { m_observer = std::move(f); }

    struct Stats {
        int requests = 0;  // requests received from clients
        int forwarded = 0; // sent on to the server
        int answered = 0;  // answers from the server passed back whole
        int replays = 0;   // answers the server marked Idempotency-Hit: a retry it recognised
        QMap<Fault, int> faults;
        QMap<int, int> upstreamStatuses;       // the server's answers by status
        QHash<QByteArray, int> attemptsPerKey; // Idempotency-Key -> requests seen with it
        int faultTotal() const;
        QString faultSummary() const; // "DropBeforeForward=12 Status429=9 ..."
    };
    const Stats &stats() const { return m_stats; }
    void resetStats() { m_stats = {}; }
    int inFlight() const { return m_inFlight; } // requests still being handled (delayed, forwarding)

private:
    struct Connection;
    void onNewConnection();
    void onClientData(Connection *c);
    void handle(Connection *c, ProxiedRequest request);
    struct Decision {
        Fault fault = Fault::None;
        int delayMs = 0; // for Delay and StallPastTimeout
    };
    Decision decide(const ProxiedRequest &request);
    void forward(QPointer<Connection> c, ProxiedRequest request, Fault fault);
    void deliver(QPointer<Connection> c, Fault fault, const QByteArray &head, const QByteArray &body);
    void answer(Connection *c, int status, const QByteArray &reason, bool retryAfter);
    void sendCanned(QPointer<Connection> c, CannedAnswer answer, qsizetype offset);
    void done(Connection *c);
    void dropClient(Connection *c, bool reset);

    QTcpServer *m_server;
    quint16 m_upstreamPort;
    quint64 m_seed;
    double m_rate = 0.2;
    int m_stallMs = 3000;
    QList<Fault> m_kinds;
    std::function<bool(const ProxiedRequest &)> m_filter;
    std::function<void(const ProxiedRequest &)> m_observer;
    std::function<std::optional<CannedAnswer>(const ProxiedRequest &)> m_interceptor;
    QHash<QByteArray, int> m_seenContent; // content digest -> times seen
    Stats m_stats;
    int m_inFlight = 0;
};

} // namespace FaultTest
