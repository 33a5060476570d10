// Auth, bad input and concurrency: what must never go wrong, whatever clients send.
#include "SandboxFixture.h"

#include "Server.h"
#include "auth/TokenIssuer.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFutureSynchronizer>
#include <QSet>

using namespace SandboxTest;

class TestSandboxRobustness : public QObject {
    Q_OBJECT
    Fixture f;

    HttpRequest unauthenticated(const QByteArray &method, const QString &path, const QByteArray &body = {},
                                const HeaderList &headers = {}) {
        HttpRequest r = request(method, path, body, {}, headers);
        r.authenticated = false;
        return r;
    }
    QByteArray
    fetchToken(const QString &secret = QString::fromLatin1(Sandbox::Options::kDefaultClientSecret)) {
        HttpRequest r = unauthenticated("POST", "/api/auth/oauth/token",
                                        "grant_type=client_credentials&client_id=sandbox&client_secret=" +
                                            secret.toUtf8());
        r.contentType = "application/x-www-form-urlencoded";
        const Reply reply = f.raw(r);
        return reply.status == 200 ? reply.json()["access_token"].toString().toLatin1() : QByteArray();
    }

private slots:
    void initTestCase() {
        Sandbox::Options o;
        o.maxBodyBytes = 256 * 1024;
        QVERIFY(f.start(o));
        QVERIFY(f.createLedger("main"));
    }
    void cleanupTestCase() { f.stop(); }

    void tokenEndpointAndBearerCheck() {
        const QByteArray token = fetchToken();
        QVERIFY(token.startsWith("sbx_"));
        QVERIFY(fetchToken("wrong").isEmpty());
        HttpRequest r = unauthenticated("POST", "/api/auth/oauth/token",
                                        "grant_type=client_credentials&client_id=sandbox&client_secret=nope");
        r.contentType = "application/x-www-form-urlencoded";
        QCOMPARE(f.raw(r).status, 401);
        // Every API route needs the token, _info included (as the spec); /versions and the
        // well-known document do not.
        Reply denied = f.raw(unauthenticated("GET", "/api/ledger/v2/main"));
        QCOMPARE(denied.status, 401);
        QVERIFY(!denied.errorCode().isEmpty());
        QCOMPARE(f.raw(unauthenticated("GET", "/versions")).status, 200);
        QCOMPARE(
            f.raw(unauthenticated("GET", "/api/ledger/v2/main", {}, {{"Authorization", "Bearer forged"}}))
                .status,
            401);
        QCOMPARE(
            f.raw(unauthenticated("GET", "/api/ledger/v2/main", {}, {{"Authorization", "Bearer " + token}}))
                .status,
            200);
        QCOMPARE(f.raw(unauthenticated("GET", "/api/auth/.well-known/openid-configuration")).status, 200);
        for (const char *info :
             {"/api/ledger/_info", "/api/ledger/v2/_info", "/api/wallets/_info", "/api/auth/_info",
              "/api/payments/_info", "/api/orchestration/v2/_info", "/api/search/_info"}) {
            const Reply r = f.raw(unauthenticated("GET", QString::fromLatin1(info)));
            QVERIFY2(r.status == 401, info);
            QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION"));
            QCOMPARE(f.raw(unauthenticated("GET", QString::fromLatin1(info), {},
                                           {{"Authorization", "Bearer " + token}}))
                         .status,
                     200);
        }
        // RFC 7235: the scheme is case-insensitive.
        for (const QByteArray scheme : {"bearer ", "BEARER ", "bEaReR  "})
            QCOMPARE(
                f.raw(unauthenticated("GET", "/api/ledger/v2/main", {}, {{"Authorization", scheme + token}}))
                    .status,
                200);
        QCOMPARE(
            f.raw(unauthenticated("GET", "/api/ledger/v2/main", {}, {{"Authorization", "Basic " + token}}))
                .status,
            401);
        QCOMPARE(
            f.raw(unauthenticated("GET", "/api/ledger/v2/main", {}, {{"Authorization", "Bearer"}})).status,
            401);
    }

    void expiredTokenIsRefused() {
        const QByteArray token = fetchToken();
        const HeaderList bearer{{"Authorization", "Bearer " + token}};
        QCOMPARE(f.raw(unauthenticated("GET", "/api/ledger/v2/main", {}, bearer)).status, 200);
        // Move the server's clock past the token's lifetime instead of sleeping an hour.
        f.sandbox.runInServerThread([](Sandbox::Server &s) {
            s.tokens()->setClock([] { return QDateTime::currentMSecsSinceEpoch() + 3601 * 1000; });
        });
        QCOMPARE(f.raw(unauthenticated("GET", "/api/ledger/v2/main", {}, bearer)).status, 401);
        f.sandbox.runInServerThread([](Sandbox::Server &s) {
            s.tokens()->setClock([] { return QDateTime::currentMSecsSinceEpoch(); });
        });
        QCOMPARE(f.raw(unauthenticated("GET", "/api/ledger/v2/main", {}, bearer)).status, 200);
    }

    void shortTokenTtlIsRenewedBySdk() {
        Fixture shortLived;
        Sandbox::Options o;
        o.tokenTtlSeconds = 1;
        QVERIFY(shortLived.start(o));
        QCOMPARE(shortLived.call("GET", "/api/ledger/v2").status, 200);
        const QByteArray first = fetchToken(); // a token from the other server is worthless here
        QCOMPARE(
            shortLived
                .raw(unauthenticated("GET", "/api/ledger/v2", {}, {{"Authorization", "Bearer " + first}}))
                .status,
            401);
        QTest::qWait(1300);
        QCOMPARE(shortLived.call("GET", "/api/ledger/v2").status, 200); // the SDK fetched a new one
        shortLived.stop();
    }

    void wrongSecretIsAnAuthError() {
        Client wrong(configFor(f.port(), QStringLiteral("not-the-secret")));
        const auto result = wrong.send(request("GET", "/api/ledger/v2")).result();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), Error::Kind::Auth);
    }

    void badInputIsAClientError_data() {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QString tx = QStringLiteral("/api/ledger/v2/main/transactions");
        QTest::newRow("malformed json")
            << QByteArray("POST") << tx << QByteArray("{\"postings\": [") << 400 << "VALIDATION";
        QTest::newRow("not an object")
            << QByteArray("POST") << tx << QByteArray("[1,2]") << 400 << "VALIDATION";
        QTest::newRow("amount as string")
            << QByteArray("POST") << tx
            << QByteArray(
                   R"({"postings":[{"source":"world","destination":"a","asset":"USD","amount":"10"}],"metadata":{}})")
            << 400 << "VALIDATION";
        QTest::newRow("negative amount")
            << QByteArray("POST") << tx
            << QByteArray(
                   R"({"postings":[{"source":"world","destination":"a","asset":"USD","amount":-1}],"metadata":{}})")
            << 400 << "VALIDATION";
        QTest::newRow("fractional amount")
            << QByteArray("POST") << tx
            << QByteArray(
                   R"({"postings":[{"source":"world","destination":"a","asset":"USD","amount":1.5}],"metadata":{}})")
            << 400 << "VALIDATION";
        QTest::newRow("bad address")
            << QByteArray("POST") << tx
            << QByteArray(
                   R"({"postings":[{"source":"world","destination":"a b","asset":"USD","amount":1}],"metadata":{}})")
            << 400 << "VALIDATION";
        QTest::newRow("bad asset")
            << QByteArray("POST") << tx
            << QByteArray(
                   R"({"postings":[{"source":"world","destination":"a","asset":"usd","amount":1}],"metadata":{}})")
            << 400 << "VALIDATION";
        QTest::newRow("no postings") << QByteArray("POST") << tx
                                     << QByteArray(R"({"postings":[],"metadata":{}})") << 400
                                     << "NO_POSTINGS";
        QTest::newRow("metadata not strings")
            << QByteArray("POST") << tx
            << QByteArray(
                   R"({"postings":[{"source":"world","destination":"a","asset":"USD","amount":1}],"metadata":{"a":{"b":1}}})")
            << 400 << "VALIDATION";
        QTest::newRow("bad timestamp")
            << QByteArray("POST") << tx
            << QByteArray(
                   R"({"postings":[{"source":"world","destination":"a","asset":"USD","amount":1}],"metadata":{},"timestamp":"soon"})")
            << 400 << "VALIDATION";
        QTest::newRow("unknown ledger")
            << QByteArray("POST") << QStringLiteral("/api/ledger/v2/nope/transactions")
            << QByteArray(
                   R"({"postings":[{"source":"world","destination":"a","asset":"USD","amount":1}],"metadata":{}})")
            << 404 << "LEDGER_NOT_FOUND";
        QTest::newRow("unknown ledger get") << QByteArray("GET") << QStringLiteral("/api/ledger/v2/nope")
                                            << QByteArray() << 404 << "LEDGER_NOT_FOUND";
        QTest::newRow("bad ledger name") << QByteArray("POST") << QStringLiteral("/api/ledger/v2/bad%20name")
                                         << QByteArray() << 400 << "VALIDATION";
        QTest::newRow("bad tx id") << QByteArray("GET")
                                   << QStringLiteral("/api/ledger/v2/main/transactions/abc") << QByteArray()
                                   << 400 << "VALIDATION";
        QTest::newRow("missing tx") << QByteArray("GET")
                                    << QStringLiteral("/api/ledger/v2/main/transactions/123456")
                                    << QByteArray() << 404 << "NOT_FOUND";
        QTest::newRow("filter not json")
            << QByteArray("GET") << tx << QByteArray("{$match") << 400 << "VALIDATION";
        QTest::newRow("bulk not array") << QByteArray("POST") << QStringLiteral("/api/ledger/v2/main/_bulk")
                                        << QByteArray("{}") << 400 << "VALIDATION";
        QTest::newRow("import garbage")
            << QByteArray("POST") << QStringLiteral("/api/ledger/v2/main/logs/import")
            << QByteArray("garbage") << 400 << "IMPORT";
        QTest::newRow("unknown route")
            << QByteArray("GET") << QStringLiteral("/api/ledger/v2/main/nothing/here") << QByteArray() << 404
            << "NOT_FOUND";
        QTest::newRow("wrong method") << QByteArray("PATCH") << QStringLiteral("/api/ledger/v2/main")
                                      << QByteArray() << 405 << "VALIDATION";
        QTest::newRow("too large") << QByteArray("POST") << tx << QByteArray(300 * 1024, ' ') << 413
                                   << "VALIDATION";
    }

    void badInputIsAClientError() {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const Reply r = f.call(method, path, body);
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
        QVERIFY(!r.str({"errorMessage"}).isEmpty());
        // The server is still fine afterwards.
        QCOMPARE(f.call("GET", "/api/ledger/v2/main").status, 200);
    }

    void hostileInputIsRefusedNotFatal() {
        const QString tx = QStringLiteral("/api/ledger/v2/main/transactions");
        // Nesting that would abort the JSON parser: refused before parsing.
        Reply r = f.call("POST", tx, QByteArray(5000, '[') + QByteArray(5000, ']'));
        QCOMPARE(r.status, 400);
        QVERIFY(r.str({"errorMessage"}).contains(QStringLiteral("nested")));
        r = f.call("GET", tx,
                   QByteArray("{\"$not\":").repeated(3000) + "{}" + QByteArray("}").repeated(3000));
        QCOMPARE(r.status, 400);
        const QByteArray deepCursor =
            (QByteArray(3000, '[') + QByteArray(3000, ']'))
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        r = f.call("GET", tx, {}, {{"cursor", QString::fromLatin1(deepCursor)}});
        QCOMPARE(r.status, 400);
        r = f.call("POST", "/api/ledger/v2/main/logs/import", QByteArray(3000, '{'));
        QCOMPARE(r.status, 400);
        // Invalid UTF-8, absurd amounts, bad v1 regular expressions.
        r = f.call("POST", tx,
                   "{\"postings\":[{\"source\":\"world\",\"destination\":\"a\",\"asset\":\"USD\",\"amount\":"
                   "1}],\"metadata\":{\"k\":\"\xff\xfe\"}}");
        QCOMPARE(r.status, 400);
        r = f.post("main", "world", "a", "USD", QString(1001, QLatin1Char('9')));
        QCOMPARE(r.status, 400);
        QCOMPARE(f.post("main", "world", "a", "USD", QString(1000, QLatin1Char('9'))).status, 200);
        r = f.call("GET", "/api/ledger/main/accounts", {}, {{"address", "((("}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION"));
        // Still serving.
        QCOMPARE(f.call("GET", "/api/ledger/v2/main").status, 200);
    }

    void eightClientsPostingAtOnce() {
        QVERIFY(f.createLedger("race"));
        QCOMPARE(f.post("race", "world", "users:pool", "USD", "1000").status, 200);
        constexpr int kClients = 8;
        constexpr int kEach = 150; // 1200 attempts of 1 against 1000 units
        std::vector<std::unique_ptr<Client>> clients;
        for (int i = 0; i < kClients; ++i)
            clients.push_back(std::make_unique<Client>(configFor(f.port())));
        QList<Call<HttpResponse>> calls;
        for (int n = 0; n < kEach; ++n)
            for (int i = 0; i < kClients; ++i) {
                // Half move pool -> client, half bounce client -> pool -> client (same accounts, both ways).
                const QByteArray body =
                    n % 2 == 0
                        ? QStringLiteral(
                              R"({"postings":[{"source":"users:pool","destination":"users:c%1","asset":"USD","amount":1}],"metadata":{}})")
                              .arg(i)
                              .toUtf8()
                        : QStringLiteral(
                              R"({"postings":[{"source":"users:pool","destination":"users:c%1","asset":"USD","amount":1},{"source":"users:c%1","destination":"users:pool","asset":"USD","amount":1},{"source":"users:pool","destination":"users:c%1","asset":"USD","amount":1}],"metadata":{}})")
                              .arg(i)
                              .toUtf8();
                calls << clients[i]->send(request("POST", "/api/ledger/v2/race/transactions", body));
            }
        int ok = 0, refused = 0, other = 0;
        for (const auto &c : calls) {
            const Reply r = toReply(c.result());
            if (r.status == 200)
                ++ok;
            else if (r.status == 400 && r.errorCode() == QLatin1String("INSUFFICIENT_FUND"))
                ++refused;
            else {
                ++other;
                qWarning() << r.status << r.body << r.error.toString();
            }
        }
        QCOMPARE(other, 0);
        QCOMPARE(ok + refused, kClients * kEach);
        QCOMPARE(ok, 1000); // every unit moved once, then the pool was empty
        QCOMPARE(f.balance("race", "users:pool", "USD"), QStringLiteral("0"));
        BigInt total;
        for (int i = 0; i < kClients; ++i)
            total += *BigInt::fromString(f.balance("race", QStringLiteral("users:c%1").arg(i), "USD"));
        QCOMPARE(total, BigInt(1000));
        QCOMPARE(f.count("race", "transactions"), 1001);
        // Never negative at any point: the balance filter finds no account below zero except world.
        QCOMPARE(f.count("race", "accounts", R"({"$lt":{"balance[USD]":0}})"), 1);
        // Every log once: 1001 logs with contiguous ids, each transaction logged exactly once.
        Reply exported = f.call("POST", "/api/ledger/v2/race/logs/export");
        const QList<QByteArray> lines = exported.body.trimmed().split('\n');
        QCOMPARE(lines.size(), 1001);
        QSet<QString> txIds;
        for (int i = 0; i < lines.size(); ++i) {
            const auto doc = Json::Document::parse(lines[i]);
            QVERIFY(doc);
            QCOMPARE(num(doc->root()["id"]).toInt(), i);
            txIds.insert(num(doc->root()["data"]["transaction"]["id"]));
        }
        QCOMPARE(txIds.size(), 1001);
    }
};

QTEST_GUILESS_MAIN(TestSandboxRobustness)
#include "tst_sandbox_robustness.moc"
