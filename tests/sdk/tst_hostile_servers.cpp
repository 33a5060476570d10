// Hostile or broken servers, through a real socket (QTcpServer on 127.0.0.1, port 0): a server that
// trickles a byte at a time, a 50 MB HTML page with status 200, a gzip bomb, invalid JSON, 200,000
// nested arrays, wrong types, a 400-digit amount. The SDK must answer each with a typed error (or
// the exact number) within its limits — the attempt timeout, the idle limit, the call's total
// limit — and without holding the whole answer in memory when it cannot be what was asked for.
//
// Each case prints one line "FIGURES <case>: <error kind>, <ms>, peak RSS +<MB>":
// `build/dev/tests/sdk/tst_hostile_servers -v1 | grep FIGURES`.
#include "HostileAnswers.h"
#include <Formance/Client.h>
#include <Formance/Sdk.h>

#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace Formance;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// Peak resident memory of this process, in kB, since the last reset.
qint64 peakRssKb() {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}
void resetPeakRss() {
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

// What a connection gets once the request head has arrived: the socket to write to.
using Behaviour = std::function<void(QTcpSocket *)>;

class HostileServer : public QObject {
public:
    explicit HostileServer(Behaviour behaviour)
        : m_behaviour(std::move(behaviour)) {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                s->setParent(this);
                auto head = std::make_shared<QByteArray>();
                connect(s, &QTcpSocket::readyRead, this, [this, s, head] {
                    *head += s->readAll();
                    if (head->contains("\r\n\r\n") && !s->property("served").toBool()) {
                        s->setProperty("served", true);
                        ++connections;
                        m_behaviour(s);
                    }
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    quint16 listen() { return m_server.listen(QHostAddress::LocalHost, 0) ? m_server.serverPort() : 0; }
    int connections = 0;

private:
    QTcpServer m_server;
    Behaviour m_behaviour;
};

using Hostile::head;

Behaviour answer(int status, const QByteArray &contentType, const QByteArray &body) {
    return [=](QTcpSocket *s) { s->write(head(status, contentType, body.size()) + body); };
}

// Writes `total` bytes of `filler` as the socket drains, so the server never holds them all.
Behaviour stream(const QByteArray &headBytes, qint64 total, char filler) {
    return [=](QTcpSocket *s) {
        s->write(headBytes);
        auto left = std::make_shared<qint64>(total);
        auto more = [s, left, filler] {
            static const QByteArray chunk(64 * 1024, 'x');
            while (*left > 0 && s->bytesToWrite() < 256 * 1024) {
                const qint64 n = std::min<qint64>(*left, chunk.size());
                s->write(filler == 'x' ? chunk.left(n) : QByteArray(n, filler));
                *left -= n;
            }
        };
        QObject::connect(s, &QTcpSocket::bytesWritten, s, more);
        more();
    };
}

// Sends the head, then one byte of body every intervalMs, forever.
Behaviour trickle(int intervalMs) {
    return [=](QTcpSocket *s) {
        s->write(head(200, "application/json", 1000000) + "{");
        auto *t = new QTimer(s);
        QObject::connect(t, &QTimer::timeout, s, [s] { s->write(" "); });
        t->start(intervalMs);
    };
}

using Hostile::gzipOfZeros;

struct Outcome {
    Result<Ledger::V2::V2GetTransactionResponse> result;
    qint64 ms = 0;
    qint64 peakGrowthMb = 0;
};

SdkConfig configFor(quint16 port) {
    SdkConfig config;
    config.server = ServerConfig::fromUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    config.timeoutMs = 10000;
    return config;
}

QString kindOf(const Outcome &o) {
    return o.result.ok() ? QStringLiteral("ok") : Error::kindName(o.result.error().kind());
}

} // namespace

class TestHostileServers : public QObject {
    Q_OBJECT

    Outcome getTransaction(HostileServer &server, CallOptions options = {}, SdkConfig config = {},
                           const QString &what = {}) {
        const quint16 port = server.listen();
        if (!port)
            qFatal("cannot listen");
        SdkConfig c = configFor(port);
        if (config.maxResponseBytes != SdkConfig{}.maxResponseBytes)
            c.maxResponseBytes = config.maxResponseBytes;
        if (config.retry.enabled())
            c.retry = config.retry;
        Client client(c);
        Ledger::V2::V2GetTransactionRequest req;
        req.ledger = QStringLiteral("main");
        req.id = 1;
        resetPeakRss();
        const qint64 before = peakRssKb();
        QElapsedTimer clock;
        clock.start();
        Outcome o{client.ledger().v2().getTransaction(req, options).result()};
        o.ms = clock.elapsed();
        o.peakGrowthMb = (peakRssKb() - before) / 1024;
        qInfo().noquote() << QStringLiteral("FIGURES %1: %2 in %3 ms, peak RSS +%4 MB%5")
                                 .arg(what, kindOf(o))
                                 .arg(o.ms)
                                 .arg(o.peakGrowthMb)
                                 .arg(o.result.ok() ? QString()
                                                    : QStringLiteral(" — ") + o.result.error().message());
        return o;
    }

    void checkMemory(const Outcome &o, qint64 limitMb) {
        if (kSanitized)
            return; // ASan's shadow memory and quarantine make RSS meaningless here
        QVERIFY2(o.peakGrowthMb < limitMb, qPrintable(QStringLiteral("+%1 MB").arg(o.peakGrowthMb)));
    }

private slots:
    // One byte a second keeps the connection alive, so only the attempt timeout ends it: set per call.
    void trickleEndsAtTheAttemptTimeout() {
        HostileServer server(trickle(1000));
        CallOptions options;
        options.timeoutMs = 1500;
        const Outcome o =
            getTransaction(server, options, {}, QStringLiteral("trickle, 1 byte/s, timeoutMs 1500"));
        QVERIFY(!o.result.ok());
        QCOMPARE(o.result.error().kind(), Error::Kind::Timeout);
        QVERIFY2(o.ms >= 1400 && o.ms < 3000, qPrintable(QString::number(o.ms)));
    }

    // The idle limit: no byte for idleTimeoutMs ends the attempt, however long the timeout.
    void trickleEndsAtTheIdleLimit() {
        HostileServer server(trickle(1000));
        CallOptions options;
        options.timeoutMs = 60000;
        options.idleTimeoutMs = 400;
        const Outcome o =
            getTransaction(server, options, {}, QStringLiteral("trickle, 1 byte/s, idleTimeoutMs 400"));
        QVERIFY(!o.result.ok());
        QCOMPARE(o.result.error().kind(), Error::Kind::Timeout);
        QVERIFY2(o.result.error().message().contains(QLatin1String("400 ms")),
                 qPrintable(o.result.error().message()));
        QVERIFY2(o.ms >= 350 && o.ms < 2500, qPrintable(QString::number(o.ms)));
    }

    // The total limit bounds the call across retries: each attempt times out, retries go on, and
    // totalTimeoutMs ends it all.
    void totalLimitEndsARetryingCall() {
        HostileServer server(trickle(1000));
        CallOptions options;
        options.timeoutMs = 700;
        options.totalTimeoutMs = 2000;
        options.retry = RetryConfig::withBackoff({10, 50, 1.5, 600000}, true);
        const Outcome o =
            getTransaction(server, options, {}, QStringLiteral("trickle, retrying, totalTimeoutMs 2000"));
        QVERIFY(!o.result.ok());
        QCOMPARE(o.result.error().kind(), Error::Kind::Timeout);
        QVERIFY2(o.ms >= 1900 && o.ms < 3500, qPrintable(QString::number(o.ms)));
        QVERIFY2(server.connections >= 2, qPrintable(QString::number(server.connections))); // it did retry
    }

    // The default idle limit (SdkConfig::idleTimeoutMs) applies when the call sets none.
    void silentServerEndsAtTheConfiguredIdleLimit() {
        HostileServer server([](QTcpSocket *s) { s->write("HTTP/1.1 200 OK\r\n"); }); // then nothing
        const quint16 port = server.listen();
        SdkConfig config = configFor(port);
        config.idleTimeoutMs = 300;
        Client client(config);
        QElapsedTimer clock;
        clock.start();
        const auto r = client.ledger().v2().getTransaction({QStringLiteral("main"), 1, {}, {}}).result();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind(), Error::Kind::Timeout);
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    }

    // 20 calls at once against a slow server: no more than maxConcurrentRequests are ever on the
    // wire; the rest wait in the SDK (so their attempt timeouts do not run while they wait).
    void concurrencyIsBoundedByTheClient() {
        int open = 0, maxOpen = 0;
        HostileServer server([&](QTcpSocket *s) {
            maxOpen = std::max(maxOpen, ++open);
            QTimer::singleShot(100, s, [s, &open] {
                --open;
                const QByteArray body = R"({"data":{"id":1,"timestamp":"2024-01-01T00:00:00Z","metadata":{},)"
                                        R"("reverted":false,"postings":[]}})";
                s->write(head(200, "application/json", body.size(), "Connection: close\r\n") + body);
                s->disconnectFromHost(); // one request per connection: this server serves one
            });
        });
        SdkConfig config = configFor(server.listen());
        config.maxConcurrentRequests = 2;
        config.timeoutMs =
            500; // 20 calls x 100 ms / 2 = 1 s of waiting: only the SDK's queue makes this pass
        Client client(config);
        QList<Call<Ledger::V2::V2GetTransactionResponse>> calls;
        for (int i = 0; i < 20; ++i)
            calls.append(client.ledger().v2().getTransaction({QStringLiteral("main"), i, {}, {}}));
        for (const auto &call : calls) {
            const auto r = call.result();
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        }
        QCOMPARE(maxOpen, 2);
    }

    // 50 MB of HTML with status 200: refused as soon as the head says HTML, not downloaded.
    void hugeHtmlPageIsRefusedEarly() {
        constexpr qint64 kSize = 50 * 1024 * 1024;
        HostileServer server(
            stream(head(200, "text/html; charset=utf-8", kSize) + "<html><body>", kSize - 12, 'x'));
        const Outcome o = getTransaction(server, {}, {}, QStringLiteral("50 MB HTML page, status 200"));
        QVERIFY(!o.result.ok());
        QCOMPARE(o.result.error().kind(), Error::Kind::Decode);
        QCOMPARE(o.result.error().httpStatus(), 200);
        QVERIFY2(o.result.error().message().contains(QLatin1String("text/html")),
                 qPrintable(o.result.error().message()));
        QVERIFY(o.result.error().body().startsWith("<html><body>")); // an excerpt kept for the error
        QVERIFY(o.result.error().body().size() <= 64 * 1024);
        QVERIFY2(o.ms < 5000, qPrintable(QString::number(o.ms)));
        checkMemory(o, 20);
    }

    // The same size of JSON: refused at maxResponseBytes, while it arrives.
    void jsonLargerThanTheLimitIsRefused() {
        constexpr qint64 kSize = 50 * 1024 * 1024;
        HostileServer server(stream(head(200, "application/json", kSize) + "[", kSize - 1, ' '));
        SdkConfig config;
        config.maxResponseBytes = 8 * 1024 * 1024;
        const Outcome o =
            getTransaction(server, {}, config, QStringLiteral("50 MB JSON, maxResponseBytes 8 MB"));
        QVERIFY(!o.result.ok());
        QCOMPARE(o.result.error().kind(), Error::Kind::Decode);
        QVERIFY2(o.result.error().message().contains(QLatin1String("limit")),
                 qPrintable(o.result.error().message()));
        checkMemory(o, 40);
    }

    // 1 MB of gzip that inflates to 1 GiB: never inflated in full.
    void gzipBombIsRefused() {
        const QByteArray bomb = gzipOfZeros(qint64(1) << 30);
        HostileServer server([bomb](QTcpSocket *s) {
            s->write(head(200, "application/json", bomb.size(), "Content-Encoding: gzip\r\n") + bomb);
        });
        const Outcome o = getTransaction(server, {}, {},
                                         QStringLiteral("gzip bomb, 1 GiB in %1 kB").arg(bomb.size() / 1024));
        QVERIFY(!o.result.ok());
        QVERIFY2(o.result.error().kind() == Error::Kind::Decode, qPrintable(o.result.error().toString()));
        QVERIFY2(o.result.error().message().contains(QLatin1String("could not be read")),
                 qPrintable(o.result.error().message()));
        QVERIFY2(o.ms < 10000, qPrintable(QString::number(o.ms)));
        checkMemory(o, 300);
    }

    void invalidJsonIsADecodeError() {
        HostileServer server(answer(200, "application/json", R"({"data":{"id":1,"postings":[)"));
        const Outcome o = getTransaction(server, {}, {}, QStringLiteral("invalid JSON"));
        QVERIFY(!o.result.ok());
        QCOMPARE(o.result.error().kind(), Error::Kind::Decode);
    }

    // 200,000 nested arrays: refused by the parser's depth limit, no stack overflow.
    void deepNestingIsRefused() {
        HostileServer server(
            answer(200, "application/json", QByteArray(200000, '[') + QByteArray(200000, ']')));
        const Outcome o = getTransaction(server, {}, {}, QStringLiteral("200,000 nested arrays"));
        QVERIFY(!o.result.ok());
        QCOMPARE(o.result.error().kind(), Error::Kind::Decode);
        QVERIFY2(o.ms < 3000, qPrintable(QString::number(o.ms)));
    }

    void wrongTypesNameThePath() {
        HostileServer server(answer(200, "application/json",
                                    R"({"data":{"id":1,"timestamp":"2024-01-01T00:00:00Z","metadata":{},)"
                                    R"("reverted":false,"postings":[{"source":"world","destination":"a",)"
                                    R"("asset":"USD/2","amount":[100]}]}})"));
        const Outcome o = getTransaction(server, {}, {}, QStringLiteral("wrong types"));
        QVERIFY(!o.result.ok());
        QCOMPARE(o.result.error().kind(), Error::Kind::Decode);
        QVERIFY2(o.result.error().message().contains(QLatin1String("$.data.postings[0].amount")),
                 qPrintable(o.result.error().message()));
    }

    void fourHundredDigitAmountIsExact() {
        QByteArray digits;
        for (int i = 0; i < 400; ++i)
            digits += char('1' + i % 9);
        HostileServer server(answer(200, "application/json",
                                    R"({"data":{"id":1,"timestamp":"2024-01-01T00:00:00Z","metadata":{},)"
                                    R"("reverted":false,"postings":[{"source":"world","destination":"a",)"
                                    R"("asset":"USD/2","amount":)" +
                                        digits + "}]}}"));
        const Outcome o = getTransaction(server, {}, {}, QStringLiteral("400-digit amount"));
        QVERIFY2(o.result.ok(), qPrintable(o.result.ok() ? QString() : o.result.error().toString()));
        QCOMPARE(o.result->body.data.postings[0].amount.toString(), QString::fromLatin1(digits));
    }
};

QTEST_GUILESS_MAIN(TestHostileServers)
#include "tst_hostile_servers.moc"
