// Search v1 of the sandbox (deprecated): queries over ledger data through the typed SDK. Prism
// refuses deprecated operations (--errors), so these calls go straight to the sandbox.
#include "SandboxFixture.h"

#include <Formance/Sdk.h>

#include <QSet>

using namespace SandboxTest;
namespace SV1 = Formance::Search::V1;

QT_WARNING_DISABLE_DEPRECATED

class TestSandboxSearch : public QObject {
    Q_OBJECT
    Fixture f;

    Result<SV1::SearchResponse> search(const QByteArray &query) {
        SV1::SearchRequest req;
        Json::DecodeContext ctx;
        const auto doc = Json::Document::parse(query);
        if (!doc || !Models::Query::fromJson(doc->root(), req.body, ctx))
            qFatal("bad test query");
        return f.direct->search().v1().search(req).result();
    }
    static QList<Json::Value> items(const Result<SV1::SearchResponse> &r, std::vector<Json::Document> &keep) {
        QList<Json::Value> out;
        for (const Json::Any &a : *r->body.cursor->data) {
            keep.push_back(*Json::Document::parse(a.json()));
            out << keep.back().root();
        }
        return out;
    }

    // Set up around Prism, which would round 2^64 through a JavaScript number.
    int post(const char *ledger, const char *from, const char *to, const char *asset, const char *amount,
             const char *extra = R"("metadata":{})") {
        return f
            .callDirect(
                "POST", QStringLiteral("/api/ledger/v2/%1/transactions").arg(QLatin1String(ledger)),
                QStringLiteral(
                    R"({"postings":[{"source":"%1","destination":"%2","asset":"%3","amount":%4}],%5})")
                    .arg(QLatin1String(from), QLatin1String(to), QLatin1String(asset), QLatin1String(amount),
                         QLatin1String(extra))
                    .toUtf8())
            .status;
    }

private slots:
    void initTestCase() {
        QVERIFY(f.start());
        QVERIFY(f.createLedger(QStringLiteral("shop")));
        QVERIFY(f.createLedger(QStringLiteral("bank")));
        QCOMPARE(post("shop", "world", "users:001", "USD/2", "100",
                      R"("reference":"order-1","metadata":{"channel":"web"})"),
                 200);
        QCOMPARE(
            post("shop", "users:001", "merchants:acme", "USD/2", "60", R"("metadata":{"channel":"pos"})"),
            200);
        QCOMPARE(post("shop", "world", "users:002", "ETH/18", "18446744073709551616"), 200);
        QCOMPARE(post("bank", "world", "central_bank1", "EUR/2", "5"), 200);
        QCOMPARE(
            f.call("POST", "/api/ledger/v2/shop/accounts/users:001/metadata", R"({"tier":"gold"})").status,
            204);
    }
    void cleanupTestCase() { f.stop(); }

    void serverInfo() {
        auto r = f.direct->search().v1().searchgetServerInfo().result();
        QVERIFY(r.ok());
        QVERIFY(!r->body.version.isEmpty());
    }

    void transactionsByTerms() {
        std::vector<Json::Document> keep;
        auto r = search(R"({"target":"TRANSACTION","terms":["destination=central_bank1"]})");
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message()));
        auto list = items(r, keep);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0]["ledger"].toString(), QStringLiteral("bank"));
        QCOMPARE(num(list[0]["txid"]), QStringLiteral("0"));
        QCOMPARE(list[0]["postings"].elements().begin().operator*()["asset"].toString(),
                 QStringLiteral("EUR/2"));

        r = search(R"({"target":"TRANSACTION","ledgers":["shop"],"terms":["account=users:001"]})");
        QCOMPARE(items(r, keep).size(), 2);
        r = search(R"({"target":"TRANSACTION","terms":["metadata.channel=web"]})");
        list = items(r, keep);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0]["reference"].toString(), QStringLiteral("order-1"));
        r = search(R"({"target":"TRANSACTION","terms":["asset=ETH/18"]})");
        list = items(r, keep);
        QCOMPARE(list.size(), 1);
        // Amounts stay exact past 2^64.
        QCOMPARE(num(list[0]["postings"].elements().begin().operator*()["amount"]),
                 QStringLiteral("18446744073709551616"));
        // OR and AND policies; a bare word searches the text.
        r = search(R"({"target":"TRANSACTION","terms":["reference=order-1","asset=EUR/2"],"policy":"OR"})");
        QCOMPARE(items(r, keep).size(), 2);
        r = search(R"({"target":"TRANSACTION","terms":["reference=order-1","asset=EUR/2"]})");
        QCOMPARE(items(r, keep).size(), 0);
        r = search(R"({"target":"TRANSACTION","terms":["acme"]})");
        QCOMPARE(items(r, keep).size(), 1);
        r = search(R"({"target":"TRANSACTION","ledgers":["shop"],"terms":["txid>=1"]})");
        QCOMPARE(items(r, keep).size(), 2);
    }

    void pagesWithCursors() {
        std::vector<Json::Document> keep;
        auto r = search(R"({"target":"TRANSACTION","ledgers":["shop"],"pageSize":2})");
        QVERIFY(r.ok());
        auto first = items(r, keep);
        QCOMPARE(first.size(), 2);
        QCOMPARE(num(first[0]["txid"]), QStringLiteral("2")); // newest first, as the real default sort
        QVERIFY(*r->body.cursor->hasMore);
        const QString next = *r->body.cursor->next;
        r = search(QStringLiteral(R"({"cursor":"%1"})").arg(next).toUtf8());
        QVERIFY(r.ok());
        auto second = items(r, keep);
        QCOMPARE(second.size(), 1);
        QCOMPARE(num(second[0]["txid"]), QStringLiteral("0"));
        QVERIFY(!*r->body.cursor->hasMore);
        QVERIFY(r->body.cursor->previous.has_value());
        r = search(R"({"target":"TRANSACTION","ledgers":["shop"],"pageSize":2,"sort":"txid:asc"})");
        QCOMPARE(num(items(r, keep)[0]["txid"]), QStringLiteral("0"));
    }

    void accountsAndLedgers() {
        std::vector<Json::Document> keep;
        auto r = search(R"({"target":"ACCOUNT","ledgers":["shop"],"terms":["address=users:"]})");
        QVERIFY(r.ok());
        auto list = items(r, keep);
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0]["address"].toString(), QStringLiteral("users:002")); // address desc
        r = search(R"({"target":"ACCOUNT","terms":["metadata[tier]=gold"]})");
        list = items(r, keep);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0]["address"].toString(), QStringLiteral("users:001"));
        r = search(R"({"target":"LEDGER","terms":["name=bank"]})");
        list = items(r, keep);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0]["name"].toString(), QStringLiteral("bank"));
    }

    void everyTargetAtOnce() {
        auto r = search(R"({"terms":["users:001"]})");
        QVERIFY(r.ok());
        QVERIFY(r->body.data.has_value());
        const auto doc = Json::Document::parse(r->body.data->json());
        const Json::Value data = doc->root();
        QCOMPARE(data["ACCOUNT"].size(), 1u);
        QCOMPARE(data["TRANSACTION"].size(), 2u);
        QCOMPARE(data["LEDGER"].size(), 0u);
        // A field only transactions have: the other targets match nothing.
        r = search(R"({"terms":["reference=order-1"]})");
        const auto doc2 = Json::Document::parse(r->body.data->json());
        QCOMPARE(doc2->root()["TRANSACTION"].size(), 1u);
        QCOMPARE(doc2->root()["ACCOUNT"].size(), 0u);
    }

    void refusals() {
        for (const char *q :
             {R"({"target":"PAYMENT"})", R"({"raw":{"query":{"match_all":{}}}})",
              R"({"target":"TRANSACTION","terms":["colour=red"]})",
              R"({"target":"TRANSACTION","terms":["txid>abc"]})",
              R"({"target":"TRANSACTION","sort":"amount:asc"})", R"({"pageSize":5000})",
              R"({"cursor":"garbage"})", R"({"target":"ACCOUNT","terms":["metadata.x>1"]})"}) {
            const Reply r = f.callDirect("POST", "/api/search/", q);
            QVERIFY2(r.status == 400, q);
            QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION"));
        }
        const Reply r =
            f.callDirect("POST", "/api/search/", R"({"target":"ACCOUNT","terms":["colour=red"]})");
        QVERIFY(r.json()["errorMessage"].toString().contains(QStringLiteral("colour")));
    }
};

QTEST_GUILESS_MAIN(TestSandboxSearch)
#include "tst_sandbox_search.moc"
