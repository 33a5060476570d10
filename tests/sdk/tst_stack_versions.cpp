// One SDK for both API generations: which form an operation the v2.1.1 and v3.0.1 documents disagree
// on is sent in, learned from the stack's getVersions answer, against a real HTTP server on loopback.
// Also what the decoders accept from either generation (the wallet summary envelope, a migration's
// version as an integer or a string).
#include <Formance/Client.h>
#include <Formance/Pagination.h>
#include <Formance/Sdk.h>
#include <Formance/StackVersions.h>

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QTest>
#include <QUrlQuery>

using namespace Formance;

namespace {

struct Seen {
    QString path;
    QList<QPair<QString, QString>> query;
    QByteArray body;
};

// (Plain string literals: moc 6.4 loses track of a file with raw strings.)
const QByteArray kPage = "{\"cursor\":{\"pageSize\":15,\"hasMore\":false,\"data\":[{\"timestamp\":"
                         "\"2024-11-13T10:20:30.123456Z\",\"postings\":[],\"metadata\":{},\"id\":7,"
                         "\"reverted\":false}]}}";

// A stack that says which versions it runs, and records what it was sent.
class Stack {
public:
    QList<Seen> seen;
    QString ledgerVersion = QStringLiteral("v2.1.4");
    QString paymentsVersion = QStringLiteral("v2.0.9");
    bool versionsFail = false;
    QHttpServerResponse::StatusCode ledgersStatus = QHttpServerResponse::StatusCode::Ok;

    int versionRequests() const {
        return int(std::count_if(seen.cbegin(), seen.cend(),
                                 [](const Seen &s) { return s.path == QLatin1String("/versions"); }));
    }
    QList<Seen> without(const char *path) const {
        QList<Seen> out;
        for (const Seen &s : seen) {
            if (s.path != QLatin1String(path))
                out.append(s);
        }
        return out;
    }

    quint16 start() {
        const auto record = [this](const QHttpServerRequest &req) {
            seen.append({req.url().path(), QUrlQuery(req.url()).queryItems(QUrl::FullyDecoded), req.body()});
        };
        server.route(QStringLiteral("/versions"), [this, record](const QHttpServerRequest &req) {
            record(req);
            if (versionsFail)
                return QHttpServerResponse(QHttpServerResponse::StatusCode::InternalServerError);
            const QByteArray json =
                "{\"region\":\"local\",\"env\":\"test\",\"versions\":[{\"name\":\"ledger\","
                "\"version\":\"" +
                ledgerVersion.toUtf8() + "\",\"health\":true},{\"name\":\"payments\",\"version\":\"" +
                paymentsVersion.toUtf8() + "\",\"health\":true}]}";
            return QHttpServerResponse(QByteArray("application/json"), json);
        });
        server.route(QStringLiteral("/api/ledger/v2/<arg>/transactions"),
                     [record](const QString &, const QHttpServerRequest &req) {
                         record(req);
                         return QHttpServerResponse(QByteArray("application/json"), kPage);
                     });
        const auto info = [record](const QHttpServerRequest &req) {
            record(req);
            return QHttpServerResponse(QByteArray("application/json"),
                                       QByteArray("{\"server\":\"ledger\",\"version\":\"x\",\"config\":{}}"));
        };
        server.route(QStringLiteral("/api/ledger/v2/_info"), info);
        server.route(QStringLiteral("/api/ledger/_/info"), info);
        server.route(QStringLiteral("/api/ledger/v2"), [this, record](const QHttpServerRequest &req) {
            record(req);
            return QHttpServerResponse(
                QByteArray("application/json"),
                QByteArray("{\"cursor\":{\"pageSize\":15,\"hasMore\":false,\"data\":[]}}"), ledgersStatus);
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
    return config;
}

Ledger::V2::V2ListTransactionsRequest filtered() {
    Ledger::V2::V2ListTransactionsRequest req;
    req.ledger = QStringLiteral("main");
    req.body = Json::Any::fromJson("{\"$match\":{\"account\":\"users:\"}}");
    return req;
}

QString queryValue(const Seen &s, const char *name) {
    for (const auto &item : s.query) {
        if (item.first == QLatin1String(name))
            return item.second;
    }
    return {};
}

// Generations as text, so that QCOMPARE shows them.
QString text(std::optional<ApiGeneration> g) {
    return g ? toString(*g) : QStringLiteral("undecided");
}

template <class T> T decodeOrFail(const QByteArray &json) {
    T value{};
    const Json::DecodeResult r = Json::decode(json, value);
    if (!r.ok)
        qWarning() << r.error;
    return value;
}

} // namespace

class TestStackVersions : public QObject {
    Q_OBJECT
private slots:
    void serviceVersionsMapToGenerations() {
        QCOMPARE(text(generationOfService(QStringLiteral("ledger"), QStringLiteral("v2.1.4"))),
                 QStringLiteral("v2.1"));
        QCOMPARE(text(generationOfService(QStringLiteral("ledger"), QStringLiteral("v2.2.0"))),
                 QStringLiteral("v3.0"));
        QCOMPARE(text(generationOfService(QStringLiteral("ledger"), QStringLiteral("2.4.12"))),
                 QStringLiteral("v3.0"));
        QCOMPARE(text(generationOfService(QStringLiteral("ledger"), QStringLiteral("v2.0.0-sandbox"))),
                 QStringLiteral("v2.1"));
        QCOMPARE(text(generationOfService(QStringLiteral("Ledger"), QStringLiteral("v3.0.0-rc.1"))),
                 QStringLiteral("v3.0"));
        QCOMPARE(text(generationOfService(QStringLiteral("payments"), QStringLiteral("v2.0.9"))),
                 QStringLiteral("v2.1"));
        QCOMPARE(text(generationOfService(QStringLiteral("payments"), QStringLiteral("v3.0.0"))),
                 QStringLiteral("v3.0"));
        QCOMPARE(text(generationOfService(QStringLiteral("ledger"), QStringLiteral("develop"))),
                 QStringLiteral("undecided"));
        QCOMPARE(text(generationOfService(QStringLiteral("wallets"), QStringLiteral("v2.1.5"))),
                 QStringLiteral("undecided"));
    }

    // The first divergent call asks /versions once (callers meanwhile share it), then speaks v2.1 to a
    // ledger v2.1: the filter as a GET body, _info under /api/ledger/v2.
    void aV21LedgerGetsTheFilterAsABody() {
        Stack stack;
        const quint16 port = stack.start();
        QVERIFY(port);
        Client client(configFor(port));
        auto first = client.ledger().v2().listTransactions(filtered());
        auto second = client.ledger().v2().countTransactions(
            {.ledger = QStringLiteral("main"), .body = Json::Any::fromJson("{\"$match\":{}}")});
        QVERIFY(first.result().ok());
        QVERIFY(second.result().ok());
        QVERIFY(client.ledger().v2().getInfo().result().ok());
        QCOMPARE(stack.versionRequests(), 1);
        QCOMPARE(text(client.stackVersions().generation(QStringLiteral("ledger"))), QStringLiteral("v2.1"));
        QCOMPARE(client.stackVersions().versionOf(QStringLiteral("ledger")), QStringLiteral("v2.1.4"));
        const QList<Seen> calls = stack.without("/versions");
        QCOMPARE(calls.size(), 3);
        QCOMPARE(Json::Any::fromJson(calls[0].body),
                 Json::Any::fromJson("{\"$match\":{\"account\":\"users:\"}}"));
        QCOMPARE(queryValue(calls[0], "query"), QString());
        QCOMPARE(calls[1].body, QByteArray("{\"$match\":{}}"));
        QCOMPARE(calls[2].path, QStringLiteral("/api/ledger/v2/_info"));
    }

    // A ledger v2.2 or later speaks v3.0: the filter as the `query` parameter, _info under /api/ledger/_.
    void aV30LedgerGetsTheFilterAsAQueryParameter() {
        Stack stack;
        stack.ledgerVersion = QStringLiteral("v2.2.1");
        const quint16 port = stack.start();
        QVERIFY(port);
        Client client(configFor(port));
        auto r = client.ledger().v2().listTransactions(filtered()).result();
        QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
        QCOMPARE(r->body.cursor.data.size(), 1);
        QVERIFY(client.ledger().v2().getInfo().result().ok());
        const QList<Seen> calls = stack.without("/versions");
        QCOMPARE(calls.size(), 2);
        QVERIFY(calls[0].body.isEmpty());
        QCOMPARE(Json::Any::fromJson(queryValue(calls[0], "query").toUtf8()),
                 Json::Any::fromJson("{\"$match\":{\"account\":\"users:\"}}"));
        QCOMPARE(calls[1].path, QStringLiteral("/api/ledger/_/info"));
    }

    // An operation both documents agree on never waits for /versions.
    void agreedOperationsDoNotAsk() {
        Stack stack;
        const quint16 port = stack.start();
        QVERIFY(port);
        Client client(configFor(port));
        QVERIFY(client.ledger().v2().listLedgers().result().ok());
        QCOMPARE(stack.versionRequests(), 0);
        QCOMPARE(text(client.stackVersions().decided(QStringLiteral("ledger"))), QStringLiteral("undecided"));
    }

    // An operation with a single success answer always has its body; another 2xx is a Decode error.
    void anotherSuccessStatusIsADecodeError() {
        Stack stack;
        const quint16 port = stack.start();
        QVERIFY(port);
        Client client(configFor(port));
        const auto ok = client.ledger().v2().listLedgers().result();
        QVERIFY(ok.ok());
        QCOMPARE(ok->body.cursor.pageSize, 15);
        stack.ledgersStatus = QHttpServerResponse::StatusCode::Accepted;
        const auto odd = client.ledger().v2().listLedgers().result();
        QVERIFY(!odd.ok());
        QCOMPARE(odd.error().kind(), Error::Kind::Decode);
        QVERIFY2(odd.error().message().contains(QStringLiteral("202")), qPrintable(odd.error().message()));
    }

    // A getVersions answer the caller asked for is learned: nothing is asked again.
    void getVersionsIsLearned() {
        Stack stack;
        stack.ledgerVersion = QStringLiteral("v2.3.0");
        const quint16 port = stack.start();
        QVERIFY(port);
        Client client(configFor(port));
        QVERIFY(client.getVersions().result().ok());
        QVERIFY(client.stackVersions().isKnown());
        QVERIFY(client.ledger().v2().listTransactions(filtered()).result().ok());
        QCOMPARE(stack.versionRequests(), 1);
        QVERIFY(stack.seen.last().body.isEmpty()); // v3.0 form
        // wallets has no rule of its own: it follows the ledger
        QCOMPARE(text(client.stackVersions().generation(QStringLiteral("wallets"))), QStringLiteral("v3.0"));
        client.stackVersions().forget();
        QCOMPARE(text(client.stackVersions().decided(QStringLiteral("ledger"))), QStringLiteral("undecided"));
    }

    // SdkConfig::apiGeneration decides without asking; CallOptions::apiGeneration wins over it.
    void overridesWinWithoutAsking() {
        Stack stack;
        const quint16 port = stack.start();
        QVERIFY(port);
        SdkConfig config = configFor(port);
        config.apiGeneration = ApiGeneration::V3_0;
        Client client(config);
        QVERIFY(client.ledger().v2().listTransactions(filtered()).result().ok());
        CallOptions v21;
        v21.apiGeneration = ApiGeneration::V2_1;
        QVERIFY(client.ledger().v2().listTransactions(filtered(), v21).result().ok());
        QCOMPARE(stack.versionRequests(), 0);
        QCOMPARE(stack.seen.size(), 2);
        QVERIFY(stack.seen[0].body.isEmpty());
        QVERIFY(!queryValue(stack.seen[0], "query").isEmpty());
        QVERIFY(!stack.seen[1].body.isEmpty());
        QVERIFY(queryValue(stack.seen[1], "query").isEmpty());
    }

    // A stack that does not say: v3.0 (StackVersions::kDefault), and it is not asked again.
    void unansweredVersionsFallBackToTheDefault() {
        Stack stack;
        stack.versionsFail = true;
        const quint16 port = stack.start();
        QVERIFY(port);
        Client client(configFor(port));
        QVERIFY(client.ledger().v2().listTransactions(filtered()).result().ok());
        QVERIFY(client.ledger().v2().listTransactions(filtered()).result().ok());
        QCOMPARE(stack.versionRequests(), 1);
        QCOMPARE(text(client.stackVersions().generation(QStringLiteral("ledger"))),
                 toString(StackVersions::kDefault));
        QVERIFY(stack.seen.last().body.isEmpty());
    }

    // walkPages on a divergent cursor operation learns the generation before the first page.
    void walkPagesAsksFirst() {
        Stack stack;
        const quint16 port = stack.start();
        QVERIFY(port);
        Client client(configFor(port));
        qint64 items = 0;
        auto walk = walkPages(client, filtered(), 100, [&](const QList<Models::V2ExpandedTransaction> &page) {
                        items += page.size();
                        return true;
                    }).result();
        QVERIFY2(walk.ok(), qPrintable(walk ? QString() : walk.error().toString()));
        QCOMPARE(items, 1);
        QCOMPARE(stack.versionRequests(), 1);
        QVERIFY(!stack.seen.last().body.isEmpty()); // ledger v2.1.4: v2.1 form
        QCOMPARE(queryValue(stack.seen.last(), "pageSize"), QStringLiteral("100"));
    }

    // Canceling a call that waits for /versions ends it at once as Canceled.
    void cancelWhileAsking() {
        Stack stack;
        const quint16 port = stack.start();
        QVERIFY(port);
        Client client(configFor(port));
        auto call = client.ledger().v2().listTransactions(filtered());
        call.cancel();
        const auto r = call.result();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind(), Error::Kind::Canceled);
    }

    // The wallets service answers {"data": {...}} in both generations; v2.1.1's document says the
    // summary comes unwrapped. Both read.
    void walletSummaryReadsBothForms() {
        const QByteArray summary = "{\"balances\":[],\"availableFunds\":{\"USD/2\":36893488147419103232},"
                                   "\"expiredFunds\":{},\"expirableFunds\":{},\"holdFunds\":{}}";
        const auto wrapped = decodeOrFail<Models::GetWalletSummaryResponse>("{\"data\":" + summary + "}");
        const auto flat = decodeOrFail<Models::GetWalletSummaryResponse>(summary);
        QCOMPARE(wrapped.data.availableFunds.value(QStringLiteral("USD/2")).toString(),
                 QStringLiteral("36893488147419103232"));
        QCOMPARE(flat, wrapped);
    }

    // v3.0.1 folds the expanded transaction into V2Transaction (with insertedAt and the effective
    // volumes): V2ExpandedTransaction reads it, amounts past 2^64 exact.
    void v30TransactionReadsIntoTheExpandedModel() {
        const QByteArray tx =
            "{\"id\":3,\"timestamp\":\"2024-11-13T10:20:30.123456Z\",\"insertedAt\":\"2024-11-13T10:20:31Z\","
            "\"postings\":[{\"amount\":36893488147419103232,\"asset\":\"USD/2\",\"source\":\"world\","
            "\"destination\":\"users:1\"}],\"metadata\":{},\"reverted\":false,"
            "\"postCommitEffectiveVolumes\":{\"users:1\":{\"USD/2\":{\"input\":36893488147419103232,"
            "\"output\":0,\"balance\":36893488147419103232}}}}";
        const auto t = decodeOrFail<Models::V2ExpandedTransaction>(tx);
        QVERIFY(t.insertedAt.has_value());
        QCOMPARE(t.postings.value(0).amount.toString(), QStringLiteral("36893488147419103232"));
        QVERIFY(t.postCommitEffectiveVolumes.has_value());
        const auto volume =
            t.postCommitEffectiveVolumes->value(QStringLiteral("users:1")).value(QStringLiteral("USD/2"));
        QCOMPARE(volume.balance.value_or(BigInt()).toString(), QStringLiteral("36893488147419103232"));
        // an enum value only v3.0.1 knows is a known one
        QVERIFY(decodeOrFail<Models::V2Log>("{\"id\":1,\"type\":\"DELETE_METADATA\",\"data\":{},"
                                            "\"hash\":\"h\",\"date\":\"2024-11-13T10:20:30Z\"}")
                    .type.isKnown());
    }

    // A storage migration's version: an integer in v2.1.1, a string in v3.0.1.
    void migrationVersionReadsBothTypes() {
        const auto asInt = decodeOrFail<Models::V2MigrationInfo>("{\"version\":11,\"name\":\"m\"}");
        const auto asText = decodeOrFail<Models::V2MigrationInfo>("{\"version\":\"11\",\"name\":\"m\"}");
        QVERIFY(asInt.version && asInt.version->get<qint64>());
        QCOMPARE(*asInt.version->get<qint64>(), 11);
        QVERIFY(asText.version && asText.version->get<QString>());
        QCOMPARE(*asText.version->get<QString>(), QStringLiteral("11"));
    }
};

QTEST_GUILESS_MAIN(TestStackVersions)
#include "tst_stack_versions.moc"
