// Answers with a Content-Encoding, on a real socket: the SDK asks for gzip and deflate itself and
// inflates them as they arrive (Qt's own decoding inflated a bomb on the GUI thread). A gzip,
// zlib or raw deflate answer reads exactly as the plain one, in one piece or byte by byte, to a
// sink too; a cut, broken, unknown or oversized encoding is a Decode error that says so.
#include "HostileAnswers.h"

#include <Formance/Client.h>
#include <Formance/ledger/v2/LedgerV2Api.h>

#include <QBuffer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <zlib.h>

using namespace Formance;

namespace {

// zlib's deflate of `data`: windowBits 15 + 16 for gzip, 15 for zlib, -15 for raw deflate.
QByteArray compress(const QByteArray &data, int windowBits) {
    z_stream z{};
    deflateInit2(&z, 6, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(qsizetype(deflateBound(&z, uLong(data.size()))), '\0');
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    deflate(&z, Z_FINISH);
    out.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    return out;
}

QByteArray gzip(const QByteArray &data) {
    return compress(data, 15 + 16);
}

// A transaction whose amount is past 2^64, as the ledger sends it.
const QByteArray kAmount = "340282366920938463463374607431768211457";
QByteArray transactionJson(int postings = 1) {
    QByteArray list;
    for (int i = 0; i < postings; ++i)
        list += (i ? "," : "") + QByteArray(R"({"source":"world","destination":"users:)") +
                QByteArray::number(i) + R"(","asset":"USD/2","amount":)" + kAmount + "}";
    return R"({"data":{"id":7,"timestamp":"2024-05-01T10:00:00Z","postings":[)" + list +
           R"(],"metadata":{"note":"exact"},"reverted":false,"insertedAt":"2024-05-01T10:00:00Z"}})";
}

// Answers each request with `body` under `encoding`, written `piece` bytes at a time (0: at once),
// and keeps the request heads it read.
class EncodedServer : public QObject {
public:
    EncodedServer(QByteArray encoding, QByteArray body, int piece = 0)
        : m_encoding(std::move(encoding))
        , m_body(std::move(body))
        , m_piece(piece) {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                s->setParent(this);
                auto head = std::make_shared<QByteArray>();
                connect(s, &QTcpSocket::readyRead, this, [this, s, head] {
                    *head += s->readAll();
                    if (!head->contains("\r\n\r\n") || s->property("served").toBool())
                        return;
                    s->setProperty("served", true);
                    heads.append(*head);
                    serve(s);
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    quint16 listen() { return m_server.listen(QHostAddress::LocalHost, 0) ? m_server.serverPort() : 0; }
    QList<QByteArray> heads;

private:
    void serve(QTcpSocket *s) {
        const QByteArray extra =
            m_encoding.isEmpty() ? QByteArray() : "Content-Encoding: " + m_encoding + "\r\n";
        s->write(Hostile::head(200, "application/json", m_body.size(), extra));
        if (m_piece <= 0) {
            s->write(m_body);
            return;
        }
        auto *timer = new QTimer(s);
        auto at = std::make_shared<qsizetype>(0);
        connect(timer, &QTimer::timeout, s, [this, s, timer, at] {
            s->write(m_body.mid(*at, m_piece));
            s->flush();
            *at += m_piece;
            if (*at >= m_body.size())
                timer->stop();
        });
        timer->start(1);
    }

    QTcpServer m_server;
    QByteArray m_encoding;
    QByteArray m_body;
    int m_piece;
};

SdkConfig configFor(EncodedServer &server, qint64 maxResponseBytes = 0) {
    SdkConfig config;
    const quint16 port = server.listen();
    config.server = ServerConfig::fromUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    config.timeoutMs = 20000;
    if (maxResponseBytes > 0)
        config.maxResponseBytes = maxResponseBytes;
    return config;
}

Result<Ledger::V2::V2GetTransactionResponse> getTransaction(Client &client) {
    Ledger::V2::V2GetTransactionRequest req;
    req.ledger = QStringLiteral("main");
    req.id = 7;
    return client.ledger().v2().getTransaction(req).result();
}

} // namespace

class TestContentEncoding : public QObject {
    Q_OBJECT

    void expectExact(const Result<Ledger::V2::V2GetTransactionResponse> &result, int postings = 1) {
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        const auto &tx = result.value().body.data;
        QCOMPARE(tx.id.toString(), QStringLiteral("7"));
        QCOMPARE(tx.postings.size(), postings);
        QCOMPARE(tx.postings.last().amount.toString(), QString::fromLatin1(kAmount));
        QCOMPARE(tx.metadata.value(QStringLiteral("note")), QStringLiteral("exact"));
    }

    void expectUnreadable(const Result<Ledger::V2::V2GetTransactionResponse> &result, const QString &why) {
        QVERIFY(!result.ok());
        QVERIFY2(result.error().kind() == Error::Kind::Decode, qPrintable(result.error().toString()));
        QVERIFY2(result.error().message().contains(why, Qt::CaseInsensitive),
                 qPrintable(result.error().message()));
    }

private slots:
    void encodedAnswersReadExactly_data() {
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("piece");
        const QByteArray json = transactionJson();
        QTest::newRow("plain") << QByteArray() << json << 0;
        QTest::newRow("gzip") << QByteArray("gzip") << gzip(json) << 0;
        QTest::newRow("gzip, a byte at a time") << QByteArray("gzip") << gzip(json) << 1;
        QTest::newRow("x-gzip, upper case") << QByteArray("X-GZIP") << gzip(json) << 0;
        QTest::newRow("two gzip members")
            << QByteArray("gzip") << gzip(json.left(40)) + gzip(json.mid(40)) << 0;
        QTest::newRow("deflate (zlib)") << QByteArray("deflate") << compress(json, 15) << 0;
        QTest::newRow("deflate (raw)") << QByteArray("deflate") << compress(json, -15) << 3;
        QTest::newRow("identity") << QByteArray("identity") << json << 0;
    }
    void encodedAnswersReadExactly() {
        QFETCH(QByteArray, encoding);
        QFETCH(QByteArray, body);
        QFETCH(int, piece);
        EncodedServer server(encoding, body, piece);
        Client client(configFor(server));
        expectExact(getTransaction(client));
        QCOMPARE(server.heads.size(), 1);
        QVERIFY2(server.heads.first().toLower().contains("\r\naccept-encoding: gzip, deflate\r\n"),
                 server.heads.first().constData());
    }

    // A transaction of 12,000 postings, 1.3 MB of JSON: past the point where the ratio is checked, and
    // read whole (real JSON compresses well under the bomb ratio).
    void largeGzipAnswerPassesTheRatioCheck() {
        const QByteArray json = transactionJson(12000);
        const QByteArray body = gzip(json);
        QVERIFY(json.size() > 1024 * 1024);
        qInfo().noquote() << QStringLiteral("FIGURES %1 bytes of JSON in %2 of gzip: %3 times")
                                 .arg(json.size())
                                 .arg(body.size())
                                 .arg(double(json.size()) / body.size(), 0, 'f', 1);
        EncodedServer server("gzip", body);
        Client client(configFor(server));
        expectExact(getTransaction(client), 12000);
    }

    void unreadableEncodingsAreDecodeErrors_data() {
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("why");
        const QByteArray z = gzip(transactionJson());
        QTest::newRow("cut") << QByteArray("gzip") << z.left(z.size() / 2) << QStringLiteral("ends before");
        QByteArray broken = z;
        broken[12] = char(broken[12] ^ 0x5a);
        broken[13] = char(broken[13] ^ 0x5a);
        QTest::newRow("broken") << QByteArray("gzip") << broken << QStringLiteral("broken");
        QTest::newRow("not gzip at all")
            << QByteArray("gzip") << transactionJson() << QStringLiteral("broken");
        QTest::newRow("brotli") << QByteArray("br") << QByteArray("\x1b\x03\x00", 3)
                                << QStringLiteral("\"br\"");
        QTest::newRow("data after deflate's end")
            << QByteArray("deflate") << compress(transactionJson(), 15) + "trailing"
            << QStringLiteral("follows");
    }
    void unreadableEncodingsAreDecodeErrors() {
        QFETCH(QByteArray, encoding);
        QFETCH(QByteArray, body);
        QFETCH(QString, why);
        EncodedServer server(encoding, body);
        Client client(configFor(server));
        expectUnreadable(getTransaction(client), why);
    }

    // The size limit applies to what the answer inflates to, not to what it weighs on the wire.
    void limitAppliesToTheInflatedSize() {
        const QByteArray json = transactionJson(2000); // about 220 kB, 10 kB of gzip
        EncodedServer server("gzip", gzip(json));
        Client client(configFor(server, 64 * 1024));
        expectUnreadable(getTransaction(client), QStringLiteral("limit"));
    }

    // A sink receives the inflated bytes.
    void sinkReceivesTheInflatedAnswer() {
        const QByteArray json = transactionJson(50);
        EncodedServer server("gzip", gzip(json), 512);
        Client client(configFor(server));
        QBuffer sink;
        QVERIFY(sink.open(QIODevice::WriteOnly));
        HttpRequest request;
        request.method = "GET";
        request.path = QStringLiteral("/api/ledger/v2/main/logs/export");
        request.binaryAnswer = true;
        request.authenticated = false;
        request.options.bodySink = &sink;
        const Result<HttpResponse> result = client.send(request).result();
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(sink.data(), json);
    }
};

QTEST_GUILESS_MAIN(TestContentEncoding)
#include "tst_content_encoding.moc"
