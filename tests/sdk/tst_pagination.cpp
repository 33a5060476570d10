// walkPages over a real HTTP server on loopback: follows `next` until `hasMore` is false, sends the
// page size once and nothing but the cursor (and path parameters) after that, stops on request,
// reports errors, and keeps amounts past 2^64 exact.
#include <Formance/Client.h>
#include <Formance/Pagination.h>

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QTest>
#include <QThread>
#include <QUrlQuery>

using namespace Formance;

namespace {

struct Seen {
    QString ledger;
    QList<QPair<QString, QString>> query;
    QByteArray body;
};

// (Plain string literals: moc 6.4 loses track of this file with raw strings here.)
QByteArray page(int index, bool hasMore, int perPage = 3) {
    QByteArray tx;
    for (int i = 0; i < perPage; ++i) {
        if (!tx.isEmpty())
            tx += ',';
        tx +=
            "{\"timestamp\":\"2024-11-13T10:20:30.123456Z\",\"postings\":[{\"amount\":36893488147419103232,"
            "\"asset\":\"USD/2\",\"destination\":\"users:1\",\"source\":\"world\"}],\"metadata\":{},\"id\":" +
            QByteArray::number(index * perPage + i) + ",\"reverted\":false}";
    }
    QByteArray json = "{\"cursor\":{\"pageSize\":3,\"hasMore\":" + QByteArray(hasMore ? "true" : "false");
    if (hasMore)
        json += ",\"next\":\"page-" + QByteArray::number(index + 1) + "\"";
    json += ",\"data\":[" + tx + "]}}";
    return json;
}

class PagingServer {
public:
    QList<Seen> seen;
    int pages = 3;
    int perPage = 3;
    bool failSecond = false;
    bool notAPage = false; // 200 with JSON that is not a page

    quint16 start() {
        server.route(QStringLiteral("/api/ledger/v2/<arg>/transactions"), [this](
                                                                              const QString &ledger,
                                                                              const QHttpServerRequest &req) {
            seen.append({ledger, QUrlQuery(req.url()).queryItems(QUrl::FullyDecoded), req.body()});
            const QString cursor = QUrlQuery(req.url()).queryItemValue(QStringLiteral("cursor"));
            const int index = cursor.isEmpty() ? 0 : cursor.mid(5).toInt();
            if (failSecond && index == 1)
                return QHttpServerResponse(QByteArray("application/json"),
                                           QByteArray(R"({"errorCode":"INTERNAL","errorMessage":"boom"})"),
                                           QHttpServerResponse::StatusCode::BadRequest);
            if (notAPage)
                return QHttpServerResponse(QByteArray("application/json"),
                                           QByteArray("{\"cursor\":{\"hasMore\":false,\"data\":{}}}"));
            return QHttpServerResponse(QByteArray("application/json"),
                                       page(index, index + 1 < pages, perPage));
        });
        return server.listen(QHostAddress::LocalHost, 0);
    }

private:
    QHttpServer server;
};

SdkConfig configFor(quint16 port) {
    SdkConfig config;
    config.server = ServerConfig::fromUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    config.timeoutMs = 10000;
    config.apiGeneration = ApiGeneration::V2_1; // the filter as a body (tst_stack_versions covers the choice)
    return config;
}

Ledger::V2::V2ListTransactionsRequest firstRequest() {
    Ledger::V2::V2ListTransactionsRequest first;
    first.ledger = QStringLiteral("main:eu");
    first.expand = QStringLiteral("volumes");
    first.reverse = true;
    first.body = Json::Any::fromJson(R"({"$match":{"account":"users:"}})");
    return first;
}

// A configuration that adds "request <cursor>" to events as each request goes out.
SdkConfig recordingRequests(quint16 port, QStringList &events) {
    SdkConfig config = configFor(port);
    config.requestHook = [&events](QNetworkRequest &r) {
        events << QStringLiteral("request ") + QUrlQuery(r.url()).queryItemValue(QStringLiteral("cursor"));
    };
    return config;
}

// Transactions a page needs to be parsed and decoded on a pool thread (Detail::kOffThreadPageBytes).
int largePage() {
    const qsizetype perTransaction = page(0, false, 2).size() - page(0, false, 1).size();
    return int(Detail::kOffThreadPageBytes / perTransaction) + 10;
}

// Walks every page with walkPages or walkRawPages, counting the pages handed over.
Result<PageWalk> walkCounting(Client &client, bool raw, int &pages) {
    pages = 0;
    if (raw)
        return walkRawPages(client, firstRequest(), 3,
                            [&pages](const Json::Value &) {
                                ++pages;
                                return true;
                            })
            .result();
    return walkPages(client, firstRequest(), 3,
                     [&pages](const QList<Models::V2ExpandedTransaction> &) {
                         ++pages;
                         return true;
                     })
        .result();
}

} // namespace

class TestPagination : public QObject {
    Q_OBJECT
private slots:
    void walksEveryPageWithTheCursorAlone() {
        PagingServer server;
        const quint16 port = server.start();
        QVERIFY(port);
        Client client(configFor(port));
        QList<BigInt> ids;
        BigInt total;
        const Call<PageWalk> call =
            walkPages(client, firstRequest(), 5000, [&](const QList<Models::V2ExpandedTransaction> &items) {
                for (const auto &tx : items) {
                    ids.append(tx.id);
                    total += tx.postings.first().amount;
                }
                return true;
            });
        const Result<PageWalk> result = call.result();
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
        QCOMPARE(result->pages, 3);
        QCOMPARE(result->items, 9);
        QVERIFY(!result->stopped);
        QCOMPARE(ids.size(), 9);
        QCOMPARE(ids.last(), BigInt(8));
        QCOMPARE(total, *BigInt::fromString("332041393326771929088")); // 9 x 2^65, exact

        QCOMPARE(server.seen.size(), 3);
        // First request: everything the caller set, and the page size clamped to 1000.
        const Seen &first = server.seen[0];
        QCOMPARE(first.ledger, QStringLiteral("main:eu"));
        QVERIFY(first.query.contains(qMakePair(QStringLiteral("pageSize"), QStringLiteral("1000"))));
        QVERIFY(first.query.contains(qMakePair(QStringLiteral("expand"), QStringLiteral("volumes"))));
        QVERIFY(first.query.contains(qMakePair(QStringLiteral("reverse"), QStringLiteral("true"))));
        QVERIFY(!first.body.isEmpty());
        // Follow-ups: the cursor alone (the ledger is a path parameter), no body.
        for (int i = 1; i < 3; ++i) {
            const Seen &s = server.seen[i];
            QCOMPARE(s.ledger, QStringLiteral("main:eu"));
            QCOMPARE(s.query, (QList<QPair<QString, QString>>{
                                  {QStringLiteral("cursor"), QStringLiteral("page-%1").arg(i)}}));
            QVERIFY(s.body.isEmpty());
        }
    }

    void stopsWhenAsked() {
        PagingServer server;
        const quint16 port = server.start();
        Client client(configFor(port));
        const Result<PageWalk> result =
            walkPages(client, firstRequest(), 0, [](const QList<Models::V2ExpandedTransaction> &) {
                return false;
            }).result();
        QVERIFY(result.ok());
        QCOMPARE(result->pages, 1);
        QVERIFY(result->stopped);
        // The next page was asked for ahead (then canceled): never more than one request ahead.
        QVERIFY(server.seen.size() <= 2);
        QVERIFY(server.seen[0].query.contains(
            qMakePair(QStringLiteral("pageSize"), QStringLiteral("1")))); // clamped up
    }

    // Pipelining: page n+1 is requested (its cursor read from page n's JSON) before page n's models
    // are built and handed over, and the pages still arrive in order.
    void asksForTheNextPageBeforeHandingOverThisOne() {
        PagingServer server;
        server.pages = 4;
        const quint16 port = server.start();
        QStringList events;
        const SdkConfig config = recordingRequests(port, events);
        Client client(config);
        const Result<PageWalk> result =
            walkPages(client, firstRequest(), 3, [&](const QList<Models::V2ExpandedTransaction> &items) {
                events << QStringLiteral("page ") + items.first().id.toString();
                return true;
            }).result();
        QVERIFY(result.ok());
        QCOMPARE(result->pages, 4);
        QCOMPARE(events, (QStringList{"request ", "request page-1", "page 0", "request page-2", "page 3",
                                      "request page-3", "page 6", "page 9"}));
    }

    // The raw walk: the same requests and pipelining, each page's items as parsed JSON, exact.
    void rawWalkHandsOverTheParsedItems() {
        PagingServer server;
        const quint16 port = server.start();
        Client client(configFor(port));
        QByteArrayList lines;
        const Result<PageWalk> result =
            walkRawPages(client, firstRequest(), 3, [&](const Json::Value &items) {
                for (const Json::Value tx : items.elements())
                    lines.append(tx.toJson());
                return true;
            }).result();
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
        QCOMPARE(result->pages, 3);
        QCOMPARE(result->items, 9);
        QCOMPARE(lines.size(), 9);
        QVERIFY(lines.first().contains("\"amount\":36893488147419103232")); // past 2^64, as sent
        QVERIFY(lines.last().contains("\"id\":8,"));
        QCOMPARE(server.seen.size(), 3);
        QCOMPARE(server.seen[2].query,
                 (QList<QPair<QString, QString>>{{QStringLiteral("cursor"), QStringLiteral("page-2")}}));
    }

    void rawWalkStopsAndRefusesWhatIsNotAPage() {
        PagingServer server;
        const quint16 port = server.start();
        Client client(configFor(port));
        const Result<PageWalk> stopped =
            walkRawPages(client, firstRequest(), 3, [](const Json::Value &) { return false; }).result();
        QVERIFY(stopped.ok());
        QCOMPARE(stopped->pages, 1);
        QVERIFY(stopped->stopped);
        // A 200 answer whose items are not a list: a decode error, no page handed over.
        PagingServer wrong;
        wrong.notAPage = true;
        const quint16 port2 = wrong.start();
        Client client2(configFor(port2));
        int pages = 0;
        const Result<PageWalk> bad = walkCounting(client2, true, pages);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind(), Error::Kind::Decode);
        QCOMPARE(pages, 0);
    }

    // Both walks report the first error as the typed call does.
    void reportsTheFirstError_data() {
        QTest::addColumn<bool>("raw");
        QTest::addColumn<bool>("large");
        QTest::newRow("models") << false << false;
        QTest::newRow("parsed JSON") << true << false;
        QTest::newRow("models, large pages") << false << true;
        QTest::newRow("parsed JSON, large pages") << true << true;
    }
    void reportsTheFirstError() {
        QFETCH(bool, raw);
        QFETCH(bool, large);
        PagingServer server;
        server.failSecond = true;
        if (large)
            server.perPage = largePage();
        const quint16 port = server.start();
        Client client(configFor(port));
        int pages = 0;
        const Result<PageWalk> result = walkCounting(client, raw, pages);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::Kind::Api);
        QCOMPARE(result.error().errorCode(), QStringLiteral("INTERNAL"));
        QCOMPARE(pages, 1);
    }

    // Large pages are parsed and decoded on a pool thread: the same requests in the same order,
    // every item, amounts exact, and onPage on the walk's own thread, one page at a time.
    void largePagesKeepTheirOrderAndThread_data() {
        QTest::addColumn<bool>("raw");
        QTest::newRow("models") << false;
        QTest::newRow("parsed JSON") << true;
    }
    void largePagesKeepTheirOrderAndThread() {
        QFETCH(bool, raw);
        PagingServer server;
        server.pages = 4;
        server.perPage = largePage();
        QVERIFY(page(0, true, server.perPage).size() >= Detail::kOffThreadPageBytes);
        const quint16 port = server.start();
        QStringList events;
        const SdkConfig config = recordingRequests(port, events);
        Client client(config);
        QThread *const here = QThread::currentThread();
        bool elsewhere = false;
        int inOnPage = 0, overlapped = 0;
        qint64 items = 0;
        BigInt total;
        auto enter = [&] {
            elsewhere |= QThread::currentThread() != here;
            overlapped += inOnPage++ ? 1 : 0;
        };
        Result<PageWalk> result = Error(Error::Kind::Canceled, QString());
        if (raw) {
            result = walkRawPages(client, firstRequest(), 1000, [&](const Json::Value &data) {
                         enter();
                         events << QStringLiteral("page %1").arg(
                             QString::fromUtf8(data.elements().begin().operator*()["id"].numberText()));
                         for (const Json::Value tx : data.elements())
                             total += *BigInt::fromString(
                                 tx["postings"].elements().begin().operator*()["amount"].numberText());
                         items += data.size();
                         --inOnPage;
                         return true;
                     }).result();
        } else {
            result = walkPages(client, firstRequest(), 1000,
                               [&](const QList<Models::V2ExpandedTransaction> &page) {
                                   enter();
                                   events << QStringLiteral("page ") + page.first().id.toString();
                                   for (const auto &tx : page)
                                       total += tx.postings.first().amount;
                                   items += page.size();
                                   --inOnPage;
                                   return true;
                               })
                         .result();
        }
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
        const int n = server.perPage;
        QCOMPARE(result->pages, 4);
        QCOMPARE(items, qint64(4) * n);
        QCOMPARE(result->items, qint64(4) * n);
        QVERIFY(!elsewhere);
        QCOMPARE(overlapped, 0);
        QCOMPARE(total, BigInt(4 * n) * *BigInt::fromString("36893488147419103232")); // 2^65 each
        QCOMPARE(events,
                 (QStringList{"request ", "request page-1", QStringLiteral("page 0"), "request page-2",
                              QStringLiteral("page %1").arg(n), "request page-3",
                              QStringLiteral("page %1").arg(2 * n), QStringLiteral("page %1").arg(3 * n)}));
    }

    // Canceled while a large page is decoded on the pool (from the request for the next page,
    // which goes out meanwhile): the walk ends canceled and that page is not handed over.
    void largePagesCanBeCanceled() {
        PagingServer server;
        server.pages = 1000;
        server.perPage = largePage();
        const quint16 port = server.start();
        SdkConfig config = configFor(port);
        Call<PageWalk> call;
        config.requestHook = [&call](QNetworkRequest &r) {
            if (QUrlQuery(r.url()).queryItemValue(QStringLiteral("cursor")) == QLatin1String("page-1"))
                call.cancel();
        };
        Client client(config);
        int pages = 0;
        call =
            walkPages(client, firstRequest(), 1000, [&pages](const QList<Models::V2ExpandedTransaction> &) {
                ++pages;
                return true;
            });
        const Result<PageWalk> result = call.result();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::Kind::Canceled);
        QCOMPARE(pages, 0);
        QVERIFY(server.seen.size() <= 2);
    }

    // The typed walk asks for the next page from the cursor read ahead of the items: in any
    // member order, only when hasMore is true, and not from text that is not JSON before them.
    void readsTheCursorAheadOfTheItems_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("next");
        QTest::newRow("as ledgers send it")
            << QByteArray(R"({"cursor":{"pageSize":2,"hasMore":true,"next":"n2","data":[1,2]}})") << "n2";
        QTest::newRow("next first, items unread")
            << QByteArray(R"({"cursor":{"next":"n2","hasMore":true,"data":[1,}})") << "n2";
        QTest::newRow("items first")
            << QByteArray(R"( { "other" : [ {"next":"x"} ] , "cursor" : { "data" : [ {"hasMore":true} ] ,)"
                          R"( "hasMore" : true , "next" : "n3" } } )")
            << "n3";
        QTest::newRow("no more") << QByteArray(R"({"cursor":{"hasMore":false,"next":"n2","data":[]}})") << "";
        QTest::newRow("hasMore not a boolean")
            << QByteArray(R"({"cursor":{"hasMore":"true","next":"n2","data":[]}})") << "";
        QTest::newRow("no next") << QByteArray(R"({"cursor":{"hasMore":true,"data":[]}})") << "";
        QTest::newRow("broken before") << QByteArray(R"({"cursor":{"hasMore":true,,"next":"n2"}})") << "";
        QTest::newRow("not an object") << QByteArray(R"(["cursor",{"hasMore":true,"next":"n2"}])") << "";
        QTest::newRow("empty") << QByteArray() << "";
    }
    void readsTheCursorAheadOfTheItems() {
        QFETCH(QByteArray, body);
        QFETCH(QString, next);
        QCOMPARE(Detail::nextPageCursor(body), next);
    }

    void canBeCanceled() {
        PagingServer server;
        server.pages = 1000;
        const quint16 port = server.start();
        Client client(configFor(port));
        Call<PageWalk> call;
        int pages = 0;
        call = walkPages(client, firstRequest(), 3, [&](const QList<Models::V2ExpandedTransaction> &) {
            if (++pages == 2)
                call.cancel();
            return true;
        });
        const Result<PageWalk> result = call.result();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::Kind::Canceled);
        QVERIFY(server.seen.size() <= 3);
    }
};

QTEST_GUILESS_MAIN(TestPagination)
#include "tst_pagination.moc"
