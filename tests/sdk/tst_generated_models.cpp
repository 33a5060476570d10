// Generated models: exact round trips (big amounts, negative balances, microsecond timestamps),
// enums that keep unknown values, oneOf/anyOf holders, and decode errors that name the JSON path.
#include <Formance/Sdk.h>
#include <Formance/models/ConnectorConfig.h>
#include <Formance/models/PaymentStatus.h>
#include <Formance/models/V2BulkElement.h>
#include <Formance/models/V2TargetId.h>
#include <Formance/models/V2TransactionsCursorResponse.h>

#include <Formance/Client.h>

#include <QTest>

using namespace Formance;

namespace {

template <class T> T decodeOrFail(const QByteArray &json) {
    T value{};
    const Json::DecodeResult r = Json::decode(json, value);
    if (!r.ok)
        qFatal("decode failed: %s", qPrintable(r.error));
    return value;
}

const QByteArray kTransactions =
    R"({"cursor":{"pageSize":15,"hasMore":true,"previous":"YXVsdCBhbmQgYSBtYXhpbXVtIG1heF9yZXN1bHRzLol=","next":"bmV4dA==","data":[{"timestamp":"2024-11-13T10:20:30.123456Z","postings":[{"amount":340282366920938463463374607431768211457,"asset":"USD/2","destination":"users:001","source":"world"}],"reference":"ref:001","metadata":{"admin":"true"},"id":18446744073709551617,"reverted":false,"insertedAt":"2024-11-13T10:20:30.654321Z","preCommitVolumes":{"world":{"USD/2":{"input":0,"output":340282366920938463463374607431768211457,"balance":-340282366920938463463374607431768211457}}},"postCommitVolumes":{"users:001":{"USD/2":{"input":340282366920938463463374607431768211457,"output":0,"balance":340282366920938463463374607431768211457}}},"someFieldFromANewerServer":{"x":[1,2,3]}}]}})";

} // namespace

class TestGeneratedModels : public QObject {
    Q_OBJECT
private slots:
    void transactionRoundTripIsExact() {
        const auto page = decodeOrFail<Models::V2TransactionsCursorResponse>(kTransactions);
        QCOMPARE(page.cursor.pageSize, 15);
        QVERIFY(page.cursor.hasMore);
        QCOMPARE(page.cursor.data.size(), 1);
        const Models::V2ExpandedTransaction &tx = page.cursor.data.first();
        const BigInt twoTo128Plus1 = *BigInt::fromString("340282366920938463463374607431768211457");
        QCOMPARE(tx.postings.first().amount, twoTo128Plus1);
        QCOMPARE(tx.id, *BigInt::fromString("18446744073709551617"));
        QCOMPARE(tx.metadata.value("admin"), QStringLiteral("true"));
        QVERIFY(tx.preCommitVolumes.has_value());
        QCOMPARE(*tx.preCommitVolumes->value("world").value("USD/2").balance, -twoTo128Plus1);
        QCOMPARE(tx.timestamp.nanos(), 123456000);
        QCOMPARE(tx.timestamp.toString(), QStringLiteral("2024-11-13T10:20:30.123456Z"));

        // Encode, decode again: same value; the text keeps every digit and the microseconds.
        const QByteArray encoded = Json::encode(page);
        QVERIFY2(encoded.contains("\"amount\":340282366920938463463374607431768211457"), encoded.constData());
        QVERIFY(encoded.contains("\"balance\":-340282366920938463463374607431768211457"));
        QVERIFY(encoded.contains("\"id\":18446744073709551617"));
        QVERIFY(encoded.contains("\"timestamp\":\"2024-11-13T10:20:30.123456Z\""));
        QVERIFY(!encoded.contains("someFieldFromANewerServer")); // tolerated on read, not invented on write
        const auto again = decodeOrFail<Models::V2TransactionsCursorResponse>(encoded);
        QVERIFY(again == page);
        QCOMPARE(Json::encode(again), encoded);
    }

    void decodeErrorNamesThePath() {
        QByteArray bad = kTransactions;
        bad.replace("\"amount\":340282366920938463463374607431768211457", "\"amount\":\"12.5\"");
        Models::V2TransactionsCursorResponse page;
        const Json::DecodeResult r = Json::decode(bad, page);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.startsWith(QStringLiteral("$.cursor.data[0].postings[0].amount:")),
                 qPrintable(r.error));

        Models::V2TransactionsCursorResponse missing;
        const Json::DecodeResult r2 =
            Json::decode(R"({"cursor":{"pageSize":1,"hasMore":false,"data":[{}]}})", missing);
        QVERIFY(!r2.ok);
        QVERIFY2(r2.error.startsWith(QStringLiteral("$.cursor.data[0].")), qPrintable(r2.error));
        QVERIFY2(r2.error.contains(QStringLiteral("missing")), qPrintable(r2.error));
    }

    void enumsKeepUnknownValues() {
        auto known = decodeOrFail<Models::PaymentStatus>(R"("SUCCEEDED")");
        QCOMPARE(known.value(), Models::PaymentStatus::Succeeded);
        QVERIFY(known.isKnown());
        auto unknown = decodeOrFail<Models::PaymentStatus>(R"("TELEPORTED")");
        QCOMPARE(unknown.value(), Models::PaymentStatus::Unrecognized);
        QCOMPARE(unknown.toString(), QStringLiteral("TELEPORTED"));
        QCOMPARE(Json::encode(unknown), QByteArray(R"("TELEPORTED")"));
        QCOMPARE(Json::encode(Models::PaymentStatus(Models::PaymentStatus::Pending)),
                 QByteArray(R"("PENDING")"));
    }

    void anyOfConnectorConfigsRoundTrip() {
        const QByteArray generic =
            R"({"name":"My Generic Connector","apiKey":"XXX","endpoint":"http://localhost:8080","pollingPeriod":"60s"})";
        auto config = decodeOrFail<Models::ConnectorConfig>(generic);
        QVERIFY(config.is<Models::GenericConfig>());
        QCOMPARE(config.get<Models::GenericConfig>()->endpoint, QStringLiteral("http://localhost:8080"));
        QCOMPARE(Json::encode(config), generic);

        const QByteArray stripe =
            R"({"name":"My Stripe Account","apiKey":"XXX","pageSize":50,"extra":{"a":12345678901234567890123}})";
        auto s = decodeOrFail<Models::ConnectorConfig>(stripe);
        QVERIFY(s.is<Models::StripeConfig>());
        QCOMPARE(Json::encode(s), stripe); // lossless, unknown members included

        Models::StripeConfig built;
        built.name = QStringLiteral("n");
        built.apiKey = QStringLiteral("k");
        const Models::ConnectorConfig fromCode(built);
        QCOMPARE(Json::encode(fromCode), QByteArray(R"({"name":"n","apiKey":"k"})"));
    }

    void oneOfWithDiscriminator() {
        const QByteArray revert =
            R"({"action":"REVERT_TRANSACTION","ik":"k1","data":{"id":340282366920938463463374607431768211457,"force":true}})";
        auto e = decodeOrFail<Models::V2BulkElement>(revert);
        QVERIFY(e.is<Models::V2BulkElementRevertTransaction>());
        QCOMPARE(e.get<Models::V2BulkElementRevertTransaction>()->data->id,
                 *BigInt::fromString("340282366920938463463374607431768211457"));
        QCOMPARE(Json::encode(e), revert);

        // An action this SDK does not know: kept as JSON, written back unchanged.
        const QByteArray future = R"({"action":"TELEPORT","data":{"to":"mars"}})";
        auto f = decodeOrFail<Models::V2BulkElement>(future);
        QVERIFY(std::holds_alternative<std::monostate>(f.value()));
        QCOMPARE(Json::encode(f), future);
    }

    void oneOfScalars() {
        auto s = decodeOrFail<Models::V2TargetId>(R"("users:001")");
        QVERIFY(s.is<QString>());
        auto n = decodeOrFail<Models::V2TargetId>("18446744073709551617");
        QVERIFY(n.is<BigInt>());
        QCOMPARE(Json::encode(n), QByteArray("18446744073709551617"));
        Models::V2TargetId bad;
        QVERIFY(!Json::decode("true", bad).ok);
    }

    void clientExposesTheGeneratedGroups() {
        Client client;
        // Reachable the way the reference SDK reaches them; not sent (no server in this test).
        Ledger::V2::LedgerV2Api &v2 = client.ledger().v2();
        Payments::V1::PaymentsV1Api &payments = client.payments().v1();
        Orchestration::V1::OrchestrationV1Api &flowsV1 = client.orchestration().v1();
        Q_UNUSED(v2);
        Q_UNUSED(payments);
        Q_UNUSED(flowsV1);
        QVERIFY(&client.auth().v1() != nullptr);
        QVERIFY(&client.wallets().v1() != nullptr);
        QVERIFY(&client.webhooks().v1() != nullptr);
        QVERIFY(&client.reconciliation().v1() != nullptr);
        QVERIFY(&client.search().v1() != nullptr);
        QVERIFY(&client.orchestration().v2() != nullptr);
        QVERIFY(&client.ledger().v1() != nullptr);
    }
};

QTEST_GUILESS_MAIN(TestGeneratedModels)
#include "tst_generated_models.moc"
