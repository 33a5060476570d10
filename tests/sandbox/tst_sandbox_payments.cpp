// Payments v1 in the sandbox, end to end through the typed SDK: connectors (the DUMMY-PAY demo
// connector producing data over time, tasks, config, reset, uninstall), payments, accounts and
// balances, bank accounts, transfer initiations' state machine, pools, and the demo seed.
#include "SandboxFixture.h"

#include "Server.h"
#include "ledger/LedgerStore.h"
#include <Formance/Sdk.h>

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>

using namespace SandboxTest;
using namespace Formance::Payments::V1;

namespace {

template <class R> QString why(const Formance::Result<R> &r) {
    return r.ok() ? QString() : r.error().toString();
}

// A task's common fields, whichever alternative the SDK decoded it as.
struct TaskView {
    QString id;
    QString status;
    QString error;
    QString key;
};
template <class V> TaskView taskView(const V &variant) {
    TaskView out;
    std::visit(
        [&](const auto &t) {
            if constexpr (!std::is_same_v<std::decay_t<decltype(t)>, std::monostate>) {
                out.id = t.id;
                out.status = t.status.toString();
                out.error = t.error.value_or(QString());
            }
        },
        variant.value());
    const auto doc = Json::Document::parse(variant.json().json());
    if (doc)
        out.key = doc->root()["descriptor"]["key"].toString();
    return out;
}

QString jsonString(const QString &s) {
    return QString::fromUtf8(QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

} // namespace

class TestSandboxPayments : public QObject {
    Q_OBJECT
    Fixture f;
    QTemporaryDir m_dir;
    int m_seq = 0;

    PaymentsV1Api api() { return f.client->payments().v1(); }
    QString unique(const char *prefix) {
        return QStringLiteral("%1-%2").arg(QLatin1String(prefix)).arg(++m_seq);
    }

    // Installs a DUMMY-PAY connector; "" on failure.
    QString installDemo(const QString &name, const QString &period, qint64 accounts, qint64 payments,
                        const QString &directory = {}) {
        Models::DummyPayConfig config;
        config.name = name;
        config.directory = directory.isEmpty() ? m_dir.path() : directory;
        config.filePollingPeriod = period;
        config.numberOfAccountsPreGenerated = accounts;
        config.numberOfPaymentsPreGenerated = payments;
        InstallConnectorRequest req;
        req.connector = QStringLiteral("DUMMY-PAY");
        req.body = config;
        const auto res = api().installConnector(req).result();
        if (!res.ok() || res->statusCode != 201) {
            qWarning() << "install failed:" << why(res);
            return {};
        }
        return res->body.data.connectorID;
    }

    QList<Models::Payment> payments(const QString &query, qint64 pageSize = 1000) {
        ListPaymentsRequest req;
        req.pageSize = pageSize;
        req.query = query;
        const auto res = api().listPayments(req).result();
        return res.ok() ? res->body.cursor.data : QList<Models::Payment>{};
    }
    QList<Models::Payment> paymentsOf(const QString &connectorId) {
        return payments(QStringLiteral(R"({"$match":{"connectorID":%1}})").arg(jsonString(connectorId)));
    }
    QList<Models::PaymentsAccount> accountsOf(const QString &connectorId) {
        PaymentslistAccountsRequest req;
        req.pageSize = 1000;
        req.query = QStringLiteral(R"({"$match":{"connectorID":%1}})").arg(jsonString(connectorId));
        const auto res = api().paymentslistAccounts(req).result();
        return res.ok() ? res->body.cursor.data : QList<Models::PaymentsAccount>{};
    }
    QList<Models::AccountBalance> history(const QString &accountId) {
        GetAccountBalancesRequest req;
        req.accountId = accountId;
        req.pageSize = 1000;
        const auto res = api().getAccountBalances(req).result();
        return res.ok() ? res->body.cursor.data : QList<Models::AccountBalance>{};
    }
    // The balance of an account in an asset at an instant, from its history (newest first).
    BigInt balanceAt(const QString &accountId, const QString &asset, const Timestamp &at) {
        for (const auto &b : history(accountId))
            if (b.asset == asset && !(at < b.createdAt))
                return b.balance;
        return BigInt();
    }
    QList<TaskView> tasks(const QString &connectorId) {
        ListConnectorTasksV1Request req;
        req.connector = QStringLiteral("DUMMY-PAY");
        req.connectorId = connectorId;
        const auto res = api().listConnectorTasksV1(req).result();
        QList<TaskView> out;
        if (res.ok())
            for (const auto &t : res->body.cursor.data)
                out << taskView(t);
        return out;
    }
    TaskView task(const QString &connectorId, const QString &key) {
        for (const TaskView &t : tasks(connectorId))
            if (t.key == key)
                return t;
        return {};
    }
    std::optional<Models::TransferInitiation> transfer(const QString &id) {
        GetTransferInitiationRequest req;
        req.transferId = id;
        const auto res = api().getTransferInitiation(req).result();
        if (!res.ok())
            return std::nullopt;
        return res->body.data;
    }
    QString transferStatus(const QString &id) {
        const auto t = transfer(id);
        return t ? t->status.toString() : QString();
    }
    int setStatus(const QString &id, const char *status) {
        UdpateTransferInitiationStatusRequest req;
        req.transferId = id;
        req.body.status =
            Models::UpdateTransferInitiationStatusRequestStatus::fromString(QString::fromLatin1(status));
        const auto res = api().udpateTransferInitiationStatus(req).result();
        return res.ok() ? res->statusCode : res.error().httpStatus();
    }
    int reverse(const QString &id, const BigInt &amount, const QString &asset, const QString &reference) {
        ReverseTransferInitiationRequest req;
        req.transferId = id;
        req.body.reference = reference;
        req.body.description = QStringLiteral("given back");
        req.body.amount = amount;
        req.body.asset = asset;
        req.body.metadata = QMap<QString, QString>{{QStringLiteral("why"), QStringLiteral("test")}};
        const auto res = api().reverseTransferInitiation(req).result();
        return res.ok() ? res->statusCode : res.error().httpStatus();
    }
    Formance::Result<CreateTransferInitiationResponse>
    createTransfer(const QString &reference, const QString &source, const QString &destination,
                   const QString &connectorId, const BigInt &amount, const QString &asset, bool validated,
                   const char *type = "TRANSFER") {
        CreateTransferInitiationRequest req;
        req.body.reference = reference;
        req.body.scheduledAt = Timestamp::now();
        req.body.description = QStringLiteral("test transfer");
        req.body.sourceAccountID = source;
        req.body.destinationAccountID = destination;
        req.body.connectorID = connectorId;
        req.body.type = Models::TransferInitiationRequestType::fromString(QString::fromLatin1(type));
        req.body.amount = amount;
        req.body.asset = asset;
        req.body.validated = validated;
        return api().createTransferInitiation(req).result();
    }
    // Requests a proxied run cannot send through Prism (it refuses them itself): straight to the sandbox.
    Reply invalid(const QByteArray &method, const QString &path, const QByteArray &body = {}) {
        return f.callDirect(method, path, body);
    }
    void uninstallAll() {
        const auto res = api().listAllConnectors().result();
        if (!res.ok())
            return;
        for (const auto &c : res->body.data) {
            UninstallConnectorV1Request req;
            req.connector = c.provider.toString();
            req.connectorId = c.connectorID;
            api().uninstallConnectorV1(req).result();
        }
    }

    // How often the sandbox answered a v3 route ("POST /v3/connectors/{connectorID}/reset").
    qint64 v3Calls(const QString &route) {
        qint64 n = 0;
        f.sandbox.runInServerThread([&](Sandbox::Server &s) {
            QSqlQuery q = s.store()->query(
                QStringLiteral("SELECT calls FROM payments_v3_calls WHERE route = ?"), {route});
            n = q.next() ? q.value(0).toLongLong() : 0;
        });
        return n;
    }
    // A v3 task's status once it left PROCESSING ("" when it could not be read).
    Formance::Models::V3Task finishedTask(const QString &taskId) {
        Formance::Models::V3Task task;
        (void)QTest::qWaitFor(
            [&] {
                const auto res = f.client->payments().v3().getTask({taskId}).result();
                if (!res.ok())
                    return false;
                task = res->body.data;
                return task.status.toString() != QLatin1String("PROCESSING");
            },
            10000);
        return task;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(f.start());
    }
    void cleanupTestCase() { f.stop(); }

    void serverInfo() {
        const auto res = api().paymentsgetServerInfo().result();
        QVERIFY2(res.ok(), qPrintable(why(res)));
        QVERIFY(!res->body.version.isEmpty());
    }

    void connectorCatalogue() {
        const auto res = api().listConfigsAvailableConnectors().result();
        QVERIFY2(res.ok(), qPrintable(why(res)));
        QCOMPARE(res->body.data.connector.key.dataType, QStringLiteral("string"));
        const Reply raw = f.call("GET", "/api/payments/connectors/configs");
        const Json::Value data = raw.json()["data"];
        for (const char *provider : {"STRIPE", "DUMMY-PAY", "WISE", "MODULR", "CURRENCY-CLOUD",
                                     "BANKING-CIRCLE", "MANGOPAY", "MONEYCORP", "ATLAR", "ADYEN", "GENERIC"})
            QVERIFY2(data[provider].isObject(), provider);
        QVERIFY(data["DUMMY-PAY"]["directory"]["required"].toBool());
        QCOMPARE(data["DUMMY-PAY"]["filePollingPeriod"]["dataType"].toString(), QStringLiteral("duration"));
        QVERIFY(data["STRIPE"]["apiKey"]["required"].toBool());
        QVERIFY(!data["STRIPE"]["pollingPeriod"]["required"].toBool());
    }

    void installRefusals() {
        // Unknown provider (Prism refuses it before us: off the enum).
        Reply r = invalid("POST", "/api/payments/connectors/PAYPAL", R"({"name":"x","directory":"/tmp"})");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION"));
        r = invalid("POST", "/api/payments/connectors/DUMMY-PAY", R"({"name":"no-directory"})");
        QCOMPARE(r.status, 400);
        r = invalid("POST", "/api/payments/connectors/DUMMY-PAY",
                    R"({"name":"x","directory":"/tmp",)"
                    R"("filePollingPeriod":"soon"})");
        QCOMPARE(r.status, 400);
        r = invalid("POST", "/api/payments/connectors/DUMMY-PAY", "{not json");
        QCOMPARE(r.status, 400);
        const QString name = unique("twice");
        QVERIFY(!installDemo(name, QStringLiteral("1h"), 0, 0).isEmpty());
        Models::DummyPayConfig config;
        config.name = name;
        config.directory = m_dir.path();
        InstallConnectorRequest req;
        req.connector = QStringLiteral("DUMMY-PAY");
        req.body = config;
        const auto dup = api().installConnector(req).result();
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().httpStatus(), 400);
        // An unknown connector id: 404.
        ReadConnectorConfigV1Request read;
        read.connector = QStringLiteral("DUMMY-PAY");
        read.connectorId = QStringLiteral("nope");
        const auto missing = api().readConnectorConfigV1(read).result();
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().httpStatus(), 404);
        ListConnectorTasksV1Request tasksReq;
        tasksReq.connector = QStringLiteral("STRIPE");
        tasksReq.connectorId = QStringLiteral("nope");
        QCOMPARE(api().listConnectorTasksV1(tasksReq).result().error().httpStatus(), 404);
    }

    void demoConnectorProducesOverTime() {
        const QString id = installDemo(unique("live"), QStringLiteral("100ms"), 2, 3);
        QVERIFY(!id.isEmpty());
        const auto listed = api().listAllConnectors().result();
        QVERIFY(listed.ok());
        bool found = false;
        for (const auto &c : listed->body.data)
            found = found || (c.connectorID == id && c.provider.toString() == QLatin1String("DUMMY-PAY"));
        QVERIFY(found);
        // The pre-generated history is there at once, backdated.
        const auto first = paymentsOf(id);
        QVERIFY(first.size() >= 3);
        QVERIFY(accountsOf(id).size() >= 2);
        QVERIFY(first.last().createdAt <
                Timestamp::fromDateTime(QDateTime::currentDateTimeUtc().addDays(-1)));
        // ... and polling brings more.
        QTRY_VERIFY_WITH_TIMEOUT(paymentsOf(id).size() >= first.size() + 3, 10000);
        const auto fetch = task(id, QStringLiteral("fetch-payments"));
        QCOMPARE(fetch.status, QStringLiteral("PENDING")); // running
        QVERIFY(fetch.error.isEmpty());
        QCOMPARE(tasks(id).size(), 5);
        GetConnectorTaskV1Request one;
        one.connector = QStringLiteral("DUMMY-PAY");
        one.connectorId = id;
        one.taskId = fetch.id;
        const auto got = api().getConnectorTaskV1(one).result();
        QVERIFY2(got.ok(), qPrintable(why(got)));
        QCOMPARE(taskView(got->body.data).id, fetch.id);
        one.taskId = QStringLiteral("00000000-0000-0000-0000-000000000000");
        QCOMPARE(api().getConnectorTaskV1(one).result().error().httpStatus(), 404);
        // Balances are reported each round: the history grows.
        const QString account = accountsOf(id).first().id;
        QTRY_VERIFY_WITH_TIMEOUT(
            history(account).first().lastUpdatedAt.toString() > first.first().createdAt.toString(), 10000);
    }

    void demoConnectorReadsItsDirectory() {
        QTemporaryDir dir;
        const QString id = installDemo(unique("files"), QStringLiteral("100ms"), 1, 0, dir.path());
        QVERIFY(!id.isEmpty());
        QFile good(dir.filePath(QStringLiteral("dummypay-1.json")));
        QVERIFY(good.open(QIODevice::WriteOnly));
        good.write(
            R"({"reference":"file-pay-1","amount":18446744073709551621,"asset":"EUR/2","type":"PAY-IN",)"
            R"("status":"SUCCEEDED","scheme":"sepa credit"})");
        good.close();
        const QString query =
            QStringLiteral(
                R"({"$and":[{"$match":{"connectorID":%1}},{"$match":{"reference":"file-pay-1"}}]})")
                .arg(jsonString(id));
        QTRY_COMPARE_WITH_TIMEOUT(payments(query).size(), 1, 10000);
        if (!f.proxied()) // Prism re-serialises numbers through JavaScript doubles
            QCOMPARE(payments(query).first().amount, *BigInt::fromString("18446744073709551621"));
        QCOMPARE(task(id, QStringLiteral("read-files")).status, QStringLiteral("PENDING"));
        QFile bad(dir.filePath(QStringLiteral("dummypay-2.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("[1, 2]");
        bad.close();
        QTRY_COMPARE_WITH_TIMEOUT(task(id, QStringLiteral("read-files")).status, QStringLiteral("FAILED"),
                                  10000);
        QVERIFY(task(id, QStringLiteral("read-files")).error.contains(QLatin1String("dummypay-2.json")));
        // The other fetches go on.
        QCOMPARE(task(id, QStringLiteral("fetch-payments")).status, QStringLiteral("PENDING"));
        // A directory that does not exist: that task fails, with the reason.
        const QString missing = installDemo(unique("nodir"), QStringLiteral("100ms"), 1, 0,
                                            dir.filePath(QStringLiteral("missing")));
        QTRY_COMPARE_WITH_TIMEOUT(task(missing, QStringLiteral("read-files")).status,
                                  QStringLiteral("FAILED"), 10000);
        QVERIFY(task(missing, QStringLiteral("read-files")).error.contains(QLatin1String("does not exist")));
    }

    void configReadAndUpdate() {
        const QString name = unique("cfg");
        const QString id = installDemo(name, QStringLiteral("1h"), 1, 0);
        ReadConnectorConfigV1Request read;
        read.connector = QStringLiteral("DUMMY-PAY");
        read.connectorId = id;
        auto res = api().readConnectorConfigV1(read).result();
        QVERIFY2(res.ok(), qPrintable(why(res)));
        const auto *config = std::get_if<Models::DummyPayConfig>(&res->body.data.value());
        QVERIFY(config);
        QCOMPARE(config->name, name);
        QCOMPARE(config->filePollingPeriod.value_or(QString()), QStringLiteral("1h"));
        QCOMPARE(config->prefixFileToIngest.value_or(QString()),
                 QStringLiteral("dummypay-")); // default filled in

        Models::DummyPayConfig updated = *config;
        updated.name = name + QStringLiteral("-renamed");
        updated.filePollingPeriod = QStringLiteral("100ms");
        UpdateConnectorConfigV1Request update;
        update.connector = QStringLiteral("DUMMY-PAY");
        update.connectorId = id;
        update.body = updated;
        const auto done = api().updateConnectorConfigV1(update).result();
        QVERIFY2(done.ok(), qPrintable(why(done)));
        QCOMPARE(done->statusCode, 204);
        res = api().readConnectorConfigV1(read).result();
        QCOMPARE(std::get_if<Models::DummyPayConfig>(&res->body.data.value())->name, updated.name);
        // The new period applies: rounds now come fast.
        const qsizetype before = paymentsOf(id).size();
        QTRY_VERIFY_WITH_TIMEOUT(paymentsOf(id).size() > before, 10000);
        // A name another connector has: refused.
        const QString other = unique("cfg-other");
        QVERIFY(!installDemo(other, QStringLiteral("1h"), 0, 0).isEmpty());
        updated.name = other;
        update.body = updated;
        QCOMPARE(api().updateConnectorConfigV1(update).result().error().httpStatus(), 400);
        update.connectorId = QStringLiteral("unknown");
        QCOMPARE(api().updateConnectorConfigV1(update).result().error().httpStatus(), 404);
    }

    void resetAndUninstall() {
        const QString id = installDemo(unique("reset"), QStringLiteral("1h"), 2, 4);
        QCOMPARE(paymentsOf(id).size(), 4);
        QCOMPARE(accountsOf(id).size(), 2);
        QSet<QString> references;
        for (const auto &p : paymentsOf(id))
            references.insert(p.reference);
        CreatePaymentRequest extra;
        extra.body.reference = QStringLiteral("manual-1");
        extra.body.connectorID = id;
        extra.body.createdAt = Timestamp::now();
        extra.body.amount = 42;
        extra.body.type = Models::PaymentType::fromString(QStringLiteral("PAY-IN"));
        extra.body.status = Models::PaymentStatus::fromString(QStringLiteral("SUCCEEDED"));
        extra.body.scheme = Models::PaymentScheme::fromString(QStringLiteral("visa"));
        extra.body.asset = QStringLiteral("EUR/2");
        const auto created = api().createPayment(extra).result();
        QVERIFY2(created.ok(), qPrintable(why(created)));
        QCOMPARE(paymentsOf(id).size(), 5);

        ResetConnectorV1Request reset;
        reset.connector = QStringLiteral("DUMMY-PAY");
        reset.connectorId = id;
        QCOMPARE(api().resetConnectorV1(reset).result()->statusCode, 204);
        // The data is fetched again from scratch: the same (deterministic) history, without the extra.
        QCOMPARE(paymentsOf(id).size(), 4);
        QSet<QString> again;
        for (const auto &p : paymentsOf(id))
            again.insert(p.reference);
        QCOMPARE(again, references);
        QCOMPARE(tasks(id).size(), 5);

        const QString someAccount = accountsOf(id).first().id;
        const QString somePayment = paymentsOf(id).first().id;
        UninstallConnectorV1Request uninstall;
        uninstall.connector = QStringLiteral("DUMMY-PAY");
        uninstall.connectorId = id;
        QCOMPARE(api().uninstallConnectorV1(uninstall).result()->statusCode, 204);
        QCOMPARE(paymentsOf(id).size(), 0);
        QCOMPARE(accountsOf(id).size(), 0);
        GetPaymentRequest get;
        get.paymentId = somePayment;
        QCOMPARE(api().getPayment(get).result().error().httpStatus(), 404);
        PaymentsgetAccountRequest acc;
        acc.accountId = someAccount;
        QCOMPARE(api().paymentsgetAccount(acc).result().error().httpStatus(), 404);
        ListConnectorTasksV1Request t;
        t.connector = QStringLiteral("DUMMY-PAY");
        t.connectorId = id;
        QCOMPARE(api().listConnectorTasksV1(t).result().error().httpStatus(), 404);
        QCOMPARE(api().uninstallConnectorV1(uninstall).result().error().httpStatus(), 404);
        QCOMPARE(api().resetConnectorV1(reset).result().error().httpStatus(), 404);
    }

    void paymentsCreateGetListAndMetadata() {
        const QString id = installDemo(unique("pay"), QStringLiteral("1h"), 1, 0);
        const QString account = accountsOf(id).first().id;
        CreatePaymentRequest req;
        req.body.reference = QStringLiteral("inv-1");
        req.body.connectorID = id;
        req.body.createdAt = *Timestamp::parse(QStringLiteral("2024-03-01T10:00:00.123456Z"));
        req.body.amount = 1500;
        req.body.type = Models::PaymentType::fromString(QStringLiteral("PAYOUT"));
        req.body.status = Models::PaymentStatus::fromString(QStringLiteral("PENDING"));
        req.body.scheme = Models::PaymentScheme::fromString(QStringLiteral("sepa credit"));
        req.body.asset = QStringLiteral("EUR/2");
        req.body.sourceAccountID = account;
        const auto created = api().createPayment(req).result();
        QVERIFY2(created.ok(), qPrintable(why(created)));
        const Models::Payment p = created->body.data;
        QCOMPARE(p.reference, QStringLiteral("inv-1"));
        QCOMPARE(p.amount, BigInt(1500));
        QCOMPARE(p.initialAmount, BigInt(1500));
        QCOMPARE(p.sourceAccountID, account);
        QCOMPARE(p.createdAt.toString(), QStringLiteral("2024-03-01T10:00:00.123456Z"));
        QCOMPARE(p.provider->toString(), QStringLiteral("DUMMY-PAY"));
        // Same reference and type on the same connector: refused.
        QCOMPARE(api().createPayment(req).result().error().httpStatus(), 400);
        // Unknown connector, unknown account, bad asset: refused.
        CreatePaymentRequest bad = req;
        bad.body.reference = QStringLiteral("inv-2");
        bad.body.connectorID = QStringLiteral("nope");
        QCOMPARE(api().createPayment(bad).result().error().httpStatus(), 400);
        bad.body.connectorID = id;
        bad.body.sourceAccountID = QStringLiteral("nope");
        QCOMPARE(api().createPayment(bad).result().error().httpStatus(), 400);
        bad.body.sourceAccountID = account;
        bad.body.asset = QStringLiteral("euros");
        QCOMPARE(api().createPayment(bad).result().error().httpStatus(), 400);
        Reply r = invalid("POST", "/api/payments/payments", R"({"connectorID":"x"})");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION"));

        GetPaymentRequest get;
        get.paymentId = p.id;
        auto got = api().getPayment(get).result();
        QVERIFY(got.ok());
        QCOMPARE(got->body.data.id, p.id);
        get.paymentId = QStringLiteral("unknown");
        QCOMPARE(api().getPayment(get).result().error().httpStatus(), 404);

        UpdateMetadataRequest md;
        md.paymentId = p.id;
        md.body = {{QStringLiteral("invoice"), QStringLiteral("1042")}};
        QCOMPARE(api().updateMetadata(md).result()->statusCode, 204);
        md.body = {{QStringLiteral("team"), QStringLiteral("ap")}};
        QCOMPARE(api().updateMetadata(md).result()->statusCode, 204);
        get.paymentId = p.id;
        got = api().getPayment(get).result();
        QCOMPARE(got->body.data.metadata->value(QStringLiteral("invoice")), QStringLiteral("1042"));
        QCOMPARE(got->body.data.metadata->value(QStringLiteral("team")), QStringLiteral("ap"));
        md.paymentId = QStringLiteral("unknown");
        QCOMPARE(api().updateMetadata(md).result().error().httpStatus(), 404);

        // Filter on metadata, sort on amount, page with cursors.
        QCOMPARE(payments(QStringLiteral(R"({"$match":{"metadata[invoice]":"1042"}})")).size(), 1);
        for (int i = 0; i < 4; ++i) {
            CreatePaymentRequest more = req;
            more.body.reference = QStringLiteral("page-%1").arg(i);
            more.body.amount = 10 + i;
            QVERIFY(api().createPayment(more).result().ok());
        }
        ListPaymentsRequest page;
        page.pageSize = 2;
        page.sort = QList<QString>{QStringLiteral("amount:asc")};
        page.query = QStringLiteral(R"({"$match":{"connectorID":%1}})").arg(jsonString(id));
        auto first = api().listPayments(page).result();
        QVERIFY2(first.ok(), qPrintable(why(first)));
        QCOMPARE(first->body.cursor.data.size(), 2);
        QCOMPARE(first->body.cursor.data[0].amount, BigInt(10));
        QCOMPARE(first->body.cursor.data[1].amount, BigInt(11));
        QVERIFY(first->body.cursor.hasMore);
        ListPaymentsRequest next;
        next.cursor = first->body.cursor.next;
        auto second = api().listPayments(next).result();
        QVERIFY(second.ok());
        QCOMPARE(second->body.cursor.data[0].amount, BigInt(12));
        QCOMPARE(payments(QStringLiteral(R"({"$gte":{"amount":1500}})")).size() >= 1, true);
        QCOMPARE(payments(QStringLiteral(R"({"$and":[{"$match":{"connectorID":%1}},{"$lt":{"amount":12}}]})")
                              .arg(jsonString(id)))
                     .size(),
                 2);
        ListPaymentsRequest badSort;
        badSort.sort = QList<QString>{QStringLiteral("colour:asc")};
        QCOMPARE(api().listPayments(badSort).result().error().httpStatus(), 400);
        ListPaymentsRequest badQuery;
        badQuery.query = QStringLiteral(R"({"$match":{"nope":"x"}})");
        QCOMPARE(api().listPayments(badQuery).result().error().httpStatus(), 400);
    }

    void amountsPast64Bits() {
        const QString id = installDemo(unique("big"), QStringLiteral("1h"), 0, 0);
        const QString big = QStringLiteral("340282366920938463463374607431768211457"); // 2^128 + 1
        // Prism re-serialises bodies through JavaScript numbers: big amounts go around it.
        Reply r = f.callDirect(
            "POST", "/api/payments/payments",
            QStringLiteral(R"({"reference":"whale","connectorID":%1,"createdAt":"2024-01-01T00:00:00Z",)"
                           R"("amount":%2,"type":"PAY-IN","status":"SUCCEEDED","scheme":"other",)"
                           R"("asset":"ETH/18"})")
                .arg(jsonString(id), big)
                .toUtf8());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.str({"data", "amount"}), big);
        const QString paymentId = r.str({"data", "id"});
        r = f.callDirect("GET", QStringLiteral("/api/payments/payments/%1").arg(paymentId));
        QCOMPARE(r.str({"data", "initialAmount"}), big);
        if (!f.proxied()) {
            GetPaymentRequest get;
            get.paymentId = paymentId;
            QCOMPARE(api().getPayment(get).result()->body.data.amount, *BigInt::fromString(big));
        }
        r = f.callDirect(
            "POST", "/api/payments/payments",
            QStringLiteral(
                R"({"reference":"neg","connectorID":%1,"createdAt":"2024-01-01T00:00:00Z",)"
                R"("amount":-5,"type":"PAY-IN","status":"SUCCEEDED","scheme":"other","asset":"EUR/2"})")
                .arg(jsonString(id))
                .toUtf8());
        QCOMPARE(r.status, 400);
    }

    void accountsAndBalances() {
        const QString id = installDemo(unique("acc"), QStringLiteral("1h"), 2, 12);
        CreateAccountRequest req;
        req.body.reference = QStringLiteral("ext-1");
        req.body.connectorID = id;
        req.body.createdAt = Timestamp::now();
        req.body.type = Models::AccountType::fromString(QStringLiteral("EXTERNAL"));
        req.body.defaultAsset = QStringLiteral("USD/2");
        req.body.accountName = QStringLiteral("Supplier");
        req.body.metadata = Models::AccountMetadata{{QStringLiteral("kind"), QStringLiteral("supplier")}};
        const auto created = api().createAccount(req).result();
        QVERIFY2(created.ok(), qPrintable(why(created)));
        QCOMPARE(created->body.data.accountName, QStringLiteral("Supplier"));
        QCOMPARE(created->body.data.type.toString(), QStringLiteral("EXTERNAL"));
        QCOMPARE(api().createAccount(req).result().error().httpStatus(), 400); // same reference
        req.body.reference = QStringLiteral("ext-2");
        req.body.connectorID = QStringLiteral("nope");
        QCOMPARE(api().createAccount(req).result().error().httpStatus(), 400);
        QCOMPARE(invalid("POST", "/api/payments/accounts", R"({"reference":"x"})").status, 400);

        PaymentsgetAccountRequest get;
        get.accountId = created->body.data.id;
        auto got = api().paymentsgetAccount(get).result();
        QVERIFY(got.ok());
        QCOMPARE(got->body.data.metadata->value(QStringLiteral("kind")), QStringLiteral("supplier"));
        get.accountId = QStringLiteral("nope");
        QCOMPARE(api().paymentsgetAccount(get).result().error().httpStatus(), 404);
        QCOMPARE(accountsOf(id).size(), 3);
        // Filter by a body too (the operation takes one).
        if (!f.proxied()) {
            Reply r = f.call("GET", "/api/payments/accounts", R"({"$match":{"accountName":"Supplier"}})");
            QCOMPARE(r.status, 200);
            QVERIFY(r.json()["cursor"]["data"].size() >= 1);
        }

        // Balance history of a generated account: newest first, one row per change.
        const auto accounts = accountsOf(id);
        QString account;
        for (const auto &a : accounts)
            if (a.type.toString() == QLatin1String("INTERNAL") && history(a.id).size() > 1)
                account = a.id;
        QVERIFY(!account.isEmpty());
        const auto rows = history(account);
        for (int i = 1; i < rows.size(); ++i)
            QVERIFY(!(rows[i - 1].createdAt < rows[i].createdAt));
        QCOMPARE(rows.first().currency, rows.first().asset);
        GetAccountBalancesRequest b;
        b.accountId = account;
        b.limit = BigInt(1);
        auto limited = api().getAccountBalances(b).result();
        QVERIFY2(limited.ok(), qPrintable(why(limited)));
        QCOMPARE(limited->body.cursor.data.size(), 1);
        QCOMPARE(limited->body.cursor.data[0].balance, rows.first().balance);
        b.limit.reset();
        b.asset = QStringLiteral("XXX/9");
        QCOMPARE(api().getAccountBalances(b).result()->body.cursor.data.size(), 0);
        // A window that only covers the opening: the first row alone.
        b.asset.reset();
        b.from = rows.last().createdAt;
        b.to = rows.last().createdAt;
        auto window = api().getAccountBalances(b).result();
        QCOMPARE(window->body.cursor.data.size(), 1);
        QCOMPARE(window->body.cursor.data[0].balance, rows.last().balance);
        b.from.reset();
        b.to.reset();
        b.sort = QList<QString>{QStringLiteral("createdAt:asc")};
        b.pageSize = 1;
        auto asc = api().getAccountBalances(b).result();
        QCOMPARE(asc->body.cursor.data[0].balance, rows.last().balance);
        QVERIFY(asc->body.cursor.hasMore);
        b.accountId = QStringLiteral("nope");
        QCOMPARE(api().getAccountBalances(b).result().error().httpStatus(), 404);
    }

    void bankAccounts() {
        const QString a = installDemo(unique("bank-a"), QStringLiteral("1h"), 1, 0);
        const QString b = installDemo(unique("bank-b"), QStringLiteral("1h"), 1, 0);
        CreateBankAccountRequest req;
        req.body.name = QStringLiteral("Acme Ltd");
        req.body.country = QStringLiteral("GB");
        req.body.connectorID = a;
        req.body.iban = QStringLiteral("GB33BUKB20201555555555");
        req.body.swiftBicCode = QStringLiteral("BUKBGB22");
        req.body.metadata = Models::BankAccountMetadata{{QStringLiteral("vendor"), QStringLiteral("acme")}};
        const auto created = api().createBankAccount(req).result();
        QVERIFY2(created.ok(), qPrintable(why(created)));
        const auto bank = created->body.data;
        QCOMPARE(bank.connectorID, a);
        QCOMPARE(bank.relatedAccounts->size(), 1);
        QCOMPARE(bank.relatedAccounts->first().connectorID, a);
        // The related account exists on the connector, EXTERNAL.
        PaymentsgetAccountRequest acc;
        acc.accountId = bank.relatedAccounts->first().accountID;
        auto related = api().paymentsgetAccount(acc).result();
        QVERIFY(related.ok());
        QCOMPARE(related->body.data.type.toString(), QStringLiteral("EXTERNAL"));

        ForwardBankAccountRequest fwd;
        fwd.bankAccountId = bank.id;
        fwd.body.connectorID = b;
        const auto forwarded = api().forwardBankAccount(fwd).result();
        QVERIFY2(forwarded.ok(), qPrintable(why(forwarded)));
        QCOMPARE(forwarded->body.data.relatedAccounts->size(), 2);
        QCOMPARE(forwarded->body.data.relatedAccounts->at(1).connectorID, b);
        QCOMPARE(api().forwardBankAccount(fwd).result().error().httpStatus(), 400); // already there
        fwd.body.connectorID = QStringLiteral("nope");
        QCOMPARE(api().forwardBankAccount(fwd).result().error().httpStatus(), 400);
        fwd.bankAccountId = QStringLiteral("nope");
        QCOMPARE(api().forwardBankAccount(fwd).result().error().httpStatus(), 404);

        UpdateBankAccountMetadataRequest md;
        md.bankAccountId = bank.id;
        md.body.metadata = Models::BankAccountMetadata{{QStringLiteral("tier"), QStringLiteral("gold")}};
        QCOMPARE(api().updateBankAccountMetadata(md).result()->statusCode, 204);
        GetBankAccountRequest get;
        get.bankAccountId = bank.id;
        auto got = api().getBankAccount(get).result();
        QVERIFY(got.ok());
        QCOMPARE(got->body.data.metadata->value(QStringLiteral("tier")), QStringLiteral("gold"));
        QCOMPARE(got->body.data.metadata->value(QStringLiteral("vendor")), QStringLiteral("acme"));
        QCOMPARE(got->body.data.iban.value_or(QString()), QStringLiteral("GB33BUKB20201555555555"));
        get.bankAccountId = QStringLiteral("nope");
        QCOMPARE(api().getBankAccount(get).result().error().httpStatus(), 404);
        md.bankAccountId = QStringLiteral("nope");
        QCOMPARE(api().updateBankAccountMetadata(md).result().error().httpStatus(), 404);

        // Neither an account number nor an IBAN; an unknown connector: refused.
        CreateBankAccountRequest bad = req;
        bad.body.iban.reset();
        QCOMPARE(api().createBankAccount(bad).result().error().httpStatus(), 400);
        bad = req;
        bad.body.connectorID = QStringLiteral("nope");
        QCOMPARE(api().createBankAccount(bad).result().error().httpStatus(), 400);
        QCOMPARE(invalid("POST", "/api/payments/bank-accounts", R"({"name":"x"})").status, 400);

        const auto list = api().listBankAccounts().result();
        QVERIFY(list.ok());
        QVERIFY(!list->body.cursor.data.isEmpty());
        QCOMPARE(list->body.cursor.data.first().id, bank.id); // newest first
    }

    // Payments v3 (--api v3) reads the same data as v1, in v3's names and envelopes; through
    // Prism under the v3.0.1 document. Under v2 the v3 routes do not exist.
    void paymentsV3ReadsTheSameData() {
        const QString id = installDemo(unique("v3"), QStringLiteral("1h"), 3, 5);
        QVERIFY(!id.isEmpty());
        if (!f.v3()) {
            QCOMPARE(f.callDirect("GET", "/api/payments/v3/accounts").status, 404);
            return;
        }
        const QString byConnector = QStringLiteral(R"({"$match":{"connectorID":%1}})").arg(jsonString(id));
        const QList<QPair<QString, QString>> query{{QStringLiteral("query"), byConnector},
                                                   {QStringLiteral("pageSize"), QStringLiteral("100")}};
        // Accounts: v1's accountName is v3's name.
        const Reply v1Accounts = f.call("GET", "/api/payments/accounts", {}, query);
        Reply r = f.call("GET", "/api/payments/v3/accounts", {}, query);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()["cursor"]["data"].size(), v1Accounts.json()["cursor"]["data"].size());
        QCOMPARE(r.json()["cursor"]["data"].size(), 3u);
        QString account;
        for (const Json::Value &a : r.json()["cursor"]["data"].elements()) {
            QVERIFY(!a["accountName"].isValid());
            QCOMPARE(a["connectorID"].toString(), id);
            if (a["type"].toString() == QLatin1String("INTERNAL"))
                account = a["id"].toString();
        }
        QVERIFY(!account.isEmpty());
        r = f.call("GET", QStringLiteral("/api/payments/v3/accounts/%1").arg(account));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.str({"data", "id"}), account);
        const Reply v1Account = f.call("GET", QStringLiteral("/api/payments/accounts/%1").arg(account));
        QCOMPARE(r.str({"data", "name"}), v1Account.str({"data", "accountName"}));
        QCOMPARE(f.call("GET", "/api/payments/v3/accounts/nope").status, 404);
        r = f.call(
            "POST", "/api/payments/v3/accounts",
            QStringLiteral(R"({"reference":"v3-ext","connectorID":%1,"createdAt":"2024-05-01T00:00:00Z",)"
                           R"("accountName":"Made in v3","type":"EXTERNAL","defaultAsset":"EUR/2"})")
                .arg(jsonString(id))
                .toUtf8());
        QCOMPARE(r.status, 201);
        QCOMPARE(r.str({"data", "name"}), QStringLiteral("Made in v3"));
        QCOMPARE(f.call("GET", QStringLiteral("/api/payments/accounts/%1").arg(r.str({"data", "id"})))
                     .str({"data", "accountName"}),
                 QStringLiteral("Made in v3"));
        QCOMPARE(f.callDirect("POST", "/api/payments/v3/accounts", R"({"reference":"x"})").status, 400);
        // Balances: accountID, no currency; the same amounts as v1.
        r = f.call("GET", QStringLiteral("/api/payments/v3/accounts/%1/balances").arg(account));
        QCOMPARE(r.status, 200);
        const Reply v1Balances =
            f.call("GET", QStringLiteral("/api/payments/accounts/%1/balances").arg(account));
        QCOMPARE(r.json()["cursor"]["data"].size(), v1Balances.json()["cursor"]["data"].size());
        for (const Json::Value &b : r.json()["cursor"]["data"].elements()) {
            QCOMPARE(b["accountID"].toString(), account);
            QVERIFY(!b["currency"].isValid());
        }
        // Payments: the same list (before a 2^128 amount joins it: Prism cannot carry that one).
        r = f.call("GET", "/api/payments/v3/payments", {}, query);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()["cursor"]["data"].size(),
                 f.call("GET", "/api/payments/payments", {}, query).json()["cursor"]["data"].size());
        // Payments: exact amounts past 2^64 (around Prism, which re-serialises numbers).
        const QString big = QStringLiteral("340282366920938463463374607431768211457"); // 2^128 + 1
        r = f.callDirect(
            "POST", "/api/payments/payments",
            QStringLiteral(R"({"reference":"v3-whale","connectorID":%1,"createdAt":"2024-01-01T00:00:00Z",)"
                           R"("amount":%2,"type":"PAY-IN","status":"SUCCEEDED","scheme":"other",)"
                           R"("asset":"ETH/18"})")
                .arg(jsonString(id), big)
                .toUtf8());
        QCOMPARE(r.status, 200);
        const QString payment = r.str({"data", "id"});
        r = f.callDirect("GET", QStringLiteral("/api/payments/v3/payments/%1").arg(payment));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.str({"data", "amount"}), big);
        QCOMPARE(r.str({"data", "initialAmount"}), big);
        // Payment metadata: v3's {"metadata": {...}}, the same payment as v1 reads.
        r = f.call("PATCH", QStringLiteral("/api/payments/v3/payments/%1/metadata").arg(payment),
                   R"({"metadata":{"desk":"v3"}})");
        QCOMPARE(r.status, 204);
        QCOMPARE(f.callDirect("GET", QStringLiteral("/api/payments/payments/%1").arg(payment))
                     .str({"data", "metadata", "desk"}),
                 QStringLiteral("v3"));
        QCOMPARE(f.callDirect("PATCH", QStringLiteral("/api/payments/v3/payments/%1/metadata").arg(payment),
                              R"({"desk":"x"})")
                     .status,
                 400);
        // Pools: created, read, changed and deleted through v3; balances summed as in v1.
        r = f.call(
            "POST", "/api/payments/v3/pools",
            QStringLiteral(R"({"name":"v3 pool","accountIDs":[%1]})").arg(jsonString(account)).toUtf8());
        QCOMPARE(r.status, 201);
        const QString pool = r.json()["data"].toString();
        QVERIFY(!pool.isEmpty());
        r = f.call("GET", QStringLiteral("/api/payments/v3/pools/%1").arg(pool));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.str({"data", "name"}), QStringLiteral("v3 pool"));
        QCOMPARE(r.json()["data"]["poolAccounts"].size(), 1u);
        QVERIFY(!r.str({"data", "createdAt"}).isEmpty());
        QVERIFY(f.call("GET", "/api/payments/v3/pools").json()["cursor"]["data"].size() >= 1);
        QString other;
        for (const Json::Value &a :
             f.call("GET", "/api/payments/v3/accounts", {}, query).json()["cursor"]["data"].elements())
            if (a["id"].toString() != account)
                other = a["id"].toString();
        QCOMPARE(
            f.call("POST", QStringLiteral("/api/payments/v3/pools/%1/accounts/%2").arg(pool, other)).status,
            204);
        QCOMPARE(f.call("GET", QStringLiteral("/api/payments/v3/pools/%1").arg(pool))
                     .json()["data"]["poolAccounts"]
                     .size(),
                 2u);
        r = f.call("GET", QStringLiteral("/api/payments/v3/pools/%1/balances").arg(pool));
        QCOMPARE(r.status, 200);
        QVERIFY(r.json()["data"].isArray());
        const QString at = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        const Reply v1Pool = f.call("GET", QStringLiteral("/api/payments/pools/%1/balances").arg(pool), {},
                                    {{QStringLiteral("at"), at}});
        QCOMPARE(r.json()["data"].size(), v1Pool.json()["data"]["balances"].size());
        QCOMPARE(
            f.call("DELETE", QStringLiteral("/api/payments/v3/pools/%1/accounts/%2").arg(pool, other)).status,
            204);
        QCOMPARE(f.call("DELETE", QStringLiteral("/api/payments/v3/pools/%1").arg(pool)).status, 204);
        QCOMPARE(f.call("GET", QStringLiteral("/api/payments/v3/pools/%1").arg(pool)).status, 404);
        // Payment initiations: v1's transfer initiations, v3's states.
        QString destination;
        for (const Json::Value &a :
             f.call("GET", "/api/payments/v3/accounts", {}, query).json()["cursor"]["data"].elements())
            if (a["id"].toString() != account)
                destination = a["id"].toString();
        const auto waiting =
            createTransfer(unique("pi"), account, destination, id, 1, QStringLiteral("USD/2"), false);
        QVERIFY(waiting.ok());
        const QString initiation = waiting->body.data.id;
        r = f.call("GET", QStringLiteral("/api/payments/v3/payment-initiations/%1").arg(initiation));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.str({"data", "status"}), QStringLiteral("WAITING_FOR_VALIDATION"));
        QCOMPARE(r.str({"data", "amount"}), QStringLiteral("1"));
        QVERIFY(f.call("GET", "/api/payments/v3/payment-initiations").json()["cursor"]["data"].size() >= 1);
        QCOMPARE(
            f.call("POST", QStringLiteral("/api/payments/v3/payment-initiations/%1/reject").arg(initiation))
                .status,
            204);
        QCOMPARE(f.call("GET", QStringLiteral("/api/payments/v3/payment-initiations/%1").arg(initiation))
                     .str({"data", "status"}),
                 QStringLiteral("REJECTED"));
        QCOMPARE(
            f.call("POST", QStringLiteral("/api/payments/v3/payment-initiations/%1/reject").arg(initiation))
                .status,
            400);
        const auto second =
            createTransfer(unique("pi"), account, destination, id, 1, QStringLiteral("USD/2"), false);
        QVERIFY(second.ok());
        QCOMPARE(f.call("DELETE",
                        QStringLiteral("/api/payments/v3/payment-initiations/%1").arg(second->body.data.id))
                     .status,
                 204);
        QCOMPARE(
            f.call("GET", QStringLiteral("/api/payments/v3/payment-initiations/%1").arg(second->body.data.id))
                .status,
            404);
        // Connector configs: the same catalogue as v1's.
        r = f.call("GET", "/api/payments/v3/connectors/configs");
        QCOMPARE(r.status, 200);
        QVERIFY(r.json()["data"]["DUMMY-PAY"]["directory"].isObject());
        QCOMPARE(r.body, f.call("GET", "/api/payments/connectors/configs").body);
        // Bank accounts.
        r = f.call("GET", "/api/payments/v3/bank-accounts");
        QCOMPARE(r.status, 200);
        QCOMPARE(f.call("GET", "/api/payments/v3/bank-accounts/nope").status, 404);
    }

    // The v3 operations that act (connectors, schedules, creations, and the asynchronous ones
    // with their tasks), through the typed v3 SDK — and Prism under the v3.0.1 document — on the
    // data v1 shows: one store, two presentations.
    void paymentsV3Operations() {
        if (!f.v3()) {
            QCOMPARE(f.callDirect("GET", "/api/payments/v3/connectors").status, 404);
            QCOMPARE(f.callDirect("GET", "/api/payments/v3/tasks/x").status, 404);
            return;
        }
        using namespace Formance::Payments::V3;
        const auto v3 = f.client->payments().v3();

        // Install under v3's provider name and config; v1 lists the same connector.
        Models::V3DummypayConfig config;
        config.name = unique("v3-ops");
        config.directory = m_dir.path();
        config.pollingPeriod = QStringLiteral("100ms");
        const qint64 installs = v3Calls(QStringLiteral("POST /v3/connectors/install/{connector}"));
        auto installed = v3.installConnector({.connector = QStringLiteral("dummypay"),
                                              .body = Models::V3ConnectorConfig(config)})
                             .result();
        QVERIFY2(installed.ok(), qPrintable(why(installed)));
        QCOMPARE(installed->statusCode, 202);
        const QString id = installed->body.data;
        QCOMPARE(v3Calls(QStringLiteral("POST /v3/connectors/install/{connector}")), installs + 1);
        bool inV1 = false;
        // Held: a range-for over a temporary's member ends the temporary first (until C++23).
        const auto v1Connectors = api().listAllConnectors().result();
        QVERIFY2(v1Connectors.ok(), qPrintable(why(v1Connectors)));
        for (const auto &c : v1Connectors->body.data)
            inV1 = inV1 || (c.connectorID == id && c.name == config.name);
        QVERIFY(inV1);
        QCOMPARE(v3.installConnector(
                       {.connector = QStringLiteral("nopay"), .body = Models::V3ConnectorConfig(config)})
                     .result()
                     .error()
                     .httpStatus(),
                 400);
        QCOMPARE(v3.installConnector(
                       {.connector = QStringLiteral("dummypay"), .body = Models::V3ConnectorConfig(config)})
                     .result()
                     .error()
                     .httpStatus(),
                 400); // the name is taken

        // List (cursor, paged) and config: the period under the catalogue's own field name.
        auto listed = v3.listConnectors({.pageSize = 1000}).result();
        QVERIFY2(listed.ok(), qPrintable(why(listed)));
        const Models::V3Connector *mine = nullptr;
        for (const auto &c : listed->body.cursor.data)
            if (c.id == id)
                mine = &c;
        QVERIFY(mine);
        QCOMPARE(mine->name, config.name);
        QCOMPARE(mine->provider, QStringLiteral("DUMMY-PAY"));
        QVERIFY(!mine->reference.isEmpty() && mine->reference != id);
        QVERIFY(!mine->scheduledForDeletion);
        auto paged = v3.listConnectors({.pageSize = 1}).result();
        QVERIFY(paged.ok());
        QCOMPARE(paged->body.cursor.data.size(), 1);
        auto read = v3.getConnectorConfig({id}).result();
        QVERIFY2(read.ok(), qPrintable(why(read)));
        auto readJson = Json::Document::parse(read->body.data.json().json());
        QVERIFY(readJson);
        QCOMPARE(readJson->root()["name"].toString(), config.name);
        QCOMPARE(readJson->root()["directory"].toString(), m_dir.path());
        QCOMPARE(readJson->root()["filePollingPeriod"].toString(), QStringLiteral("100ms"));
        QCOMPARE(v3.getConnectorConfig({QStringLiteral("nope")}).result().error().httpStatus(), 404);

        // Schedules: the connector's polling tasks, each with its last run.
        auto schedules = v3.listConnectorSchedules({.connectorID = id, .pageSize = 100}).result();
        QVERIFY2(schedules.ok(), qPrintable(why(schedules)));
        QCOMPARE(schedules->body.cursor.data.size(), tasks(id).size());
        QVERIFY(!schedules->body.cursor.data.isEmpty());
        const QString scheduleId = schedules->body.cursor.data.first().id;
        auto schedule = v3.getConnectorSchedule({.connectorID = id, .scheduleID = scheduleId}).result();
        QVERIFY2(schedule.ok(), qPrintable(why(schedule)));
        QCOMPARE(schedule->body.data.connectorID, id);
        auto instances =
            v3.listConnectorScheduleInstances({.connectorID = id, .scheduleID = scheduleId}).result();
        QVERIFY2(instances.ok(), qPrintable(why(instances)));
        QCOMPARE(instances->body.cursor.data.size(), 1);
        QCOMPARE(instances->body.cursor.data.first().scheduleID, scheduleId);
        QCOMPARE(v3.getConnectorSchedule({.connectorID = id, .scheduleID = QStringLiteral("nope")})
                     .result()
                     .error()
                     .httpStatus(),
                 404);

        // A payment created through v3: its initial amount kept, the last adjustment's status, v1 reads it.
        QTRY_VERIFY_WITH_TIMEOUT(accountsOf(id).size() >= 2, 10000);
        const auto accounts = accountsOf(id);
        const QString src = accounts[0].id, dst = accounts[1].id;
        const QString asset = accounts[0].defaultAsset;
        Models::V3CreatePaymentRequest payment;
        payment.reference = unique("v3-pay");
        payment.connectorID = id;
        payment.createdAt = Timestamp::now();
        payment.type = Models::V3PaymentTypeEnum::PayIn;
        payment.initialAmount = 1500;
        payment.amount = 1200;
        payment.asset = asset;
        payment.scheme = QStringLiteral("sepa credit");
        payment.destinationAccountID = dst;
        Models::V3CreatePaymentAdjustmentRequest adjustment;
        adjustment.reference = payment.reference;
        adjustment.createdAt = payment.createdAt;
        adjustment.status = Models::V3PaymentStatusEnum::fromString(QStringLiteral("SUCCEEDED"));
        payment.adjustments = QList<Models::V3CreatePaymentAdjustmentRequest>{adjustment};
        auto createdPayment = v3.createPayment({payment}).result();
        QVERIFY2(createdPayment.ok(), qPrintable(why(createdPayment)));
        QCOMPARE(createdPayment->statusCode, 201);
        QCOMPARE(createdPayment->body.data.initialAmount, BigInt(1500));
        QCOMPARE(createdPayment->body.data.amount, BigInt(1200));
        QCOMPARE(createdPayment->body.data.status.toString(), QStringLiteral("SUCCEEDED"));
        auto v1Payment = api().getPayment({createdPayment->body.data.id}).result();
        QVERIFY2(v1Payment.ok(), qPrintable(why(v1Payment)));
        QCOMPARE(v1Payment->body.data.initialAmount, BigInt(1500));
        QCOMPARE(v3.createPayment({payment}).result().error().httpStatus(), 400); // the same reference

        // A bank account belongs to no connector until forwarded; the task names the account made.
        Models::V3CreateBankAccountRequest bank;
        bank.name = unique("v3-bank");
        bank.iban = QStringLiteral("FR7630006000011234567890189");
        bank.country = QStringLiteral("FR");
        auto createdBank = v3.createBankAccount({bank}).result();
        QVERIFY2(createdBank.ok(), qPrintable(why(createdBank)));
        QCOMPARE(createdBank->statusCode, 201);
        const QString bankId = createdBank->body.data;
        auto v1Bank = api().getBankAccount({bankId}).result();
        QVERIFY2(v1Bank.ok(), qPrintable(why(v1Bank)));
        QCOMPARE(v1Bank->body.data.name, bank.name);
        QCOMPARE(
            v3.createBankAccount({Models::V3CreateBankAccountRequest{.name = QStringLiteral("no number")}})
                .result()
                .error()
                .httpStatus(),
            400);
        auto forwarded =
            v3.forwardBankAccount({.bankAccountID = bankId, .body = Models::V3ForwardBankAccountRequest{id}})
                .result();
        QVERIFY2(forwarded.ok(), qPrintable(why(forwarded)));
        QCOMPARE(forwarded->statusCode, 202);
        auto forwardTask = finishedTask(forwarded->body.data.taskID);
        QCOMPARE(forwardTask.status.toString(), QStringLiteral("SUCCEEDED"));
        QCOMPARE(forwardTask.connectorID.value_or(QString()), id);
        QVERIFY(api().paymentsgetAccount({forwardTask.createdObjectID.value_or(QString())}).result().ok());
        QCOMPARE(
            v3.forwardBankAccount({.bankAccountID = bankId, .body = Models::V3ForwardBankAccountRequest{id}})
                .result()
                .error()
                .httpStatus(),
            400); // forwarded already
        QCOMPARE(v3.forwardBankAccount({.bankAccountID = QStringLiteral("nope"),
                                        .body = Models::V3ForwardBankAccountRequest{id}})
                     .result()
                     .error()
                     .httpStatus(),
                 404);

        // Initiate, approve: the task ends once the connector made the payment; related payments
        // and adjustments read in v3's shapes.
        auto initiation = [&](const QString &reference, const BigInt &amount,
                              std::optional<bool> noValidation) {
            Models::V3InitiatePaymentRequest req;
            req.reference = reference;
            req.scheduledAt = Timestamp::now();
            req.connectorID = id;
            req.description = QStringLiteral("v3 initiation");
            req.type = Models::V3PaymentInitiationTypeEnum::Transfer;
            req.amount = amount;
            req.asset = asset;
            req.sourceAccountID = src;
            req.destinationAccountID = dst;
            return v3.initiatePayment({.noValidation = noValidation, .body = req}).result();
        };
        auto waiting = initiation(unique("v3-pi"), 5, std::nullopt);
        QVERIFY2(waiting.ok(), qPrintable(why(waiting)));
        QCOMPARE(waiting->statusCode, 202);
        QVERIFY(!waiting->body.data.taskID);
        const QString pi = waiting->body.data.paymentInitiationID.value_or(QString());
        QCOMPARE(transferStatus(pi), QStringLiteral("WAITING_FOR_VALIDATION"));
        auto approved = v3.approvePaymentInitiation({pi}).result();
        QVERIFY2(approved.ok(), qPrintable(why(approved)));
        QCOMPARE(approved->statusCode, 202);
        QCOMPARE(finishedTask(approved->body.data.taskID).status.toString(), QStringLiteral("SUCCEEDED"));
        QCOMPARE(v3.approvePaymentInitiation({pi}).result().error().httpStatus(), 400); // decided already
        QTRY_COMPARE_WITH_TIMEOUT(transferStatus(pi), QStringLiteral("PROCESSED"), 10000);
        auto related = v3.listPaymentInitiationRelatedPayments({.paymentInitiationID = pi}).result();
        QVERIFY2(related.ok(), qPrintable(why(related)));
        QCOMPARE(related->body.cursor.data.size(), 1);
        QCOMPARE(related->body.cursor.data.first().amount, BigInt(5));
        QCOMPARE(related->body.cursor.data.first().id, transfer(pi)->relatedPayments->first().paymentID);

        // Reverse: a task and the reversal's id; the adjustments, newest first, end REVERSED.
        Models::V3ReversePaymentInitiationRequest back;
        back.reference = unique("v3-rev");
        back.description = QStringLiteral("given back");
        back.amount = 5;
        back.asset = asset;
        auto reversed = v3.reversePaymentInitiation({.paymentInitiationID = pi, .body = back}).result();
        QVERIFY2(reversed.ok(), qPrintable(why(reversed)));
        QCOMPARE(reversed->statusCode, 202);
        QVERIFY(!reversed->body.data.paymentInitiationReversalID.value_or(QString()).isEmpty());
        QCOMPARE(finishedTask(reversed->body.data.taskID.value_or(QString())).status.toString(),
                 QStringLiteral("SUCCEEDED"));
        QCOMPARE(transferStatus(pi), QStringLiteral("REVERSED"));
        auto adjustments = v3.listPaymentInitiationAdjustments({.paymentInitiationID = pi}).result();
        QVERIFY2(adjustments.ok(), qPrintable(why(adjustments)));
        QCOMPARE(adjustments->body.cursor.data.size(), transfer(pi)->relatedAdjustments->size());
        QCOMPARE(adjustments->body.cursor.data.first().status.toString(), QStringLiteral("REVERSED"));
        QCOMPARE(adjustments->body.cursor.data.last().status.toString(),
                 QStringLiteral("WAITING_FOR_VALIDATION"));
        QCOMPARE(v3.reversePaymentInitiation({.paymentInitiationID = pi, .body = back})
                     .result()
                     .error()
                     .httpStatus(),
                 400);

        // Without validation: processed at once; more than the account holds fails, and so does
        // the task of its retry.
        const BigInt huge = *BigInt::fromString("9000000000000000");
        auto failing = initiation(unique("v3-fail"), huge, true);
        QVERIFY2(failing.ok(), qPrintable(why(failing)));
        const QString fail = failing->body.data.paymentInitiationID.value_or(QString());
        QVERIFY(failing->body.data.taskID);
        QTRY_COMPARE_WITH_TIMEOUT(transferStatus(fail), QStringLiteral("FAILED"), 10000);
        auto retried = v3.retryPaymentInitiation({fail}).result();
        QVERIFY2(retried.ok(), qPrintable(why(retried)));
        QCOMPARE(retried->statusCode, 202);
        const auto retryTask = finishedTask(retried->body.data.taskID);
        QTRY_COMPARE_WITH_TIMEOUT(transferStatus(fail), QStringLiteral("FAILED"), 10000);
        QVERIFY(v3.getTask({retried->body.data.taskID}).result()->body.data.status.toString() !=
                QLatin1String("PROCESSING"));
        Q_UNUSED(retryTask);
        QCOMPARE(v3.retryPaymentInitiation({pi}).result().error().httpStatus(), 400); // not failed
        QCOMPARE(v3.approvePaymentInitiation({QStringLiteral("nope")}).result().error().httpStatus(), 404);
        QCOMPARE(v3.getTask({QStringLiteral("nope")}).result().error().httpStatus(), 404);

        // Reset and uninstall: tasks that finish; v1 sees the connector gone.
        auto reset = v3.resetConnector({id}).result();
        QVERIFY2(reset.ok(), qPrintable(why(reset)));
        QCOMPARE(reset->statusCode, 202);
        QCOMPARE(finishedTask(reset->body.data).status.toString(), QStringLiteral("SUCCEEDED"));
        QVERIFY(!transfer(pi)); // a reset forgets what the connector brought in
        const qint64 uninstalls = v3Calls(QStringLiteral("DELETE /v3/connectors/{connectorID}"));
        auto uninstalled = v3.uninstallConnector({id}).result();
        QVERIFY2(uninstalled.ok(), qPrintable(why(uninstalled)));
        QCOMPARE(uninstalled->statusCode, 202);
        const auto uninstallTask = finishedTask(uninstalled->body.data.taskID);
        QCOMPARE(uninstallTask.status.toString(), QStringLiteral("SUCCEEDED"));
        QCOMPARE(uninstallTask.connectorID.value_or(QString()), id);
        QCOMPARE(v3Calls(QStringLiteral("DELETE /v3/connectors/{connectorID}")), uninstalls + 1);
        const auto afterUninstall = api().listAllConnectors().result();
        QVERIFY2(afterUninstall.ok(), qPrintable(why(afterUninstall)));
        for (const auto &c : afterUninstall->body.data)
            QVERIFY(c.connectorID != id);
        QCOMPARE(v3.uninstallConnector({id}).result().error().httpStatus(), 404);
        QCOMPARE(v3.resetConnector({id}).result().error().httpStatus(), 404);
    }

    void transferInitiationStateMachine() {
        const QString id = installDemo(unique("ti"), QStringLiteral("100ms"), 2, 0);
        const auto accounts = accountsOf(id);
        QCOMPARE(accounts.size(), 2);
        const QString src = accounts[0].id, dst = accounts[1].id;
        const QString asset = accounts[0].defaultAsset;

        // Waiting for validation: neither retried, reversed nor processed by hand.
        auto created = createTransfer(QStringLiteral("t-ok"), src, dst, id, 1, asset, false);
        QVERIFY2(created.ok(), qPrintable(why(created)));
        const QString ok = created->body.data.id;
        QCOMPARE(created->body.data.status.toString(), QStringLiteral("WAITING_FOR_VALIDATION"));
        QCOMPARE(created->body.data.initialAmount, BigInt(1));
        QCOMPARE(createTransfer(QStringLiteral("t-ok"), src, dst, id, 1, asset, false).error().httpStatus(),
                 400);
        RetryTransferInitiationRequest retry;
        retry.transferId = ok;
        QCOMPARE(api().retryTransferInitiation(retry).result().error().httpStatus(), 400);
        QCOMPARE(reverse(ok, 1, asset, QStringLiteral("r0")), 400);
        QCOMPARE(setStatus(ok, "PROCESSED"), 400);
        QCOMPARE(setStatus(ok, "VALIDATED"), 204);
        QCOMPARE(setStatus(ok, "REJECTED"), 400); // decided already
        QTRY_COMPARE_WITH_TIMEOUT(transferStatus(ok), QStringLiteral("PROCESSED"), 10000);
        auto t = transfer(ok);
        QCOMPARE(t->relatedPayments->size(), 1);
        QVERIFY(t->relatedAdjustments->size() >= 4); // waiting, validated, processing, processed
        GetPaymentRequest pay;
        pay.paymentId = t->relatedPayments->first().paymentID;
        auto payment = api().getPayment(pay).result();
        QVERIFY(payment.ok());
        QCOMPARE(payment->body.data.status.toString(), QStringLiteral("SUCCEEDED"));
        DeleteTransferInitiationRequest del;
        del.transferId = ok;
        QCOMPARE(api().deleteTransferInitiation(del).result().error().httpStatus(), 400);  // processed
        QCOMPARE(api().retryTransferInitiation(retry).result().error().httpStatus(), 400); // not failed

        // Reversal: never more than what remains.
        auto big = createTransfer(QStringLiteral("t-rev"), src, dst, id, 10, asset, true);
        QVERIFY(big.ok());
        const QString rev = big->body.data.id;
        QTRY_COMPARE_WITH_TIMEOUT(transferStatus(rev), QStringLiteral("PROCESSED"), 10000);
        QCOMPARE(reverse(rev, 11, asset, QStringLiteral("r1")), 400);
        QCOMPARE(reverse(rev, 4, QStringLiteral("XXX/2"), QStringLiteral("r1")), 400);
        QCOMPARE(reverse(rev, 4, asset, QStringLiteral("r1")), 204);
        t = transfer(rev);
        QCOMPARE(t->status.toString(), QStringLiteral("PARTIALLY_REVERSED"));
        QCOMPARE(t->amount, BigInt(6));
        QCOMPARE(t->initialAmount, BigInt(10));
        QCOMPARE(reverse(rev, 7, asset, QStringLiteral("r2")), 400);
        QCOMPARE(reverse(rev, 6, asset, QStringLiteral("r2")), 204);
        QCOMPARE(transferStatus(rev), QStringLiteral("REVERSED"));
        QCOMPARE(reverse(rev, 1, asset, QStringLiteral("r3")), 400);
        pay.paymentId = transfer(rev)->relatedPayments->first().paymentID;
        payment = api().getPayment(pay).result();
        QCOMPARE(payment->body.data.status.toString(), QStringLiteral("REFUNDED"));
        QCOMPARE(payment->body.data.adjustments.size(), 2);

        // More than the account holds: FAILED with the reason; a retry fails again; then deleted.
        // (Below 2^53: through Prism, larger numbers are rewritten as JavaScript doubles.)
        const BigInt huge = *BigInt::fromString("9000000000000000");
        auto failing = createTransfer(QStringLiteral("t-fail"), src, dst, id, huge, asset, true);
        QVERIFY(failing.ok());
        const QString fail = failing->body.data.id;
        QTRY_COMPARE_WITH_TIMEOUT(transferStatus(fail), QStringLiteral("FAILED"), 10000);
        QVERIFY(transfer(fail)->error.contains(QLatin1String("insufficient funds")));
        const qsizetype steps = transfer(fail)->relatedAdjustments->size();
        retry.transferId = fail;
        QCOMPARE(api().retryTransferInitiation(retry).result()->statusCode, 204);
        QTRY_VERIFY_WITH_TIMEOUT(transfer(fail)->relatedAdjustments->size() >= steps + 3 &&
                                     transferStatus(fail) == QLatin1String("FAILED"),
                                 10000);
        QCOMPARE(reverse(fail, 1, asset, QStringLiteral("r4")), 400);
        del.transferId = fail;
        QCOMPARE(api().deleteTransferInitiation(del).result()->statusCode, 204);
        QVERIFY(!transfer(fail));
        QCOMPARE(api().deleteTransferInitiation(del).result().error().httpStatus(), 404);

        // Rejected, then deleted.
        auto rejected = createTransfer(QStringLiteral("t-rej"), src, dst, id, 1, asset, false);
        QCOMPARE(setStatus(rejected->body.data.id, "REJECTED"), 204);
        QCOMPARE(transferStatus(rejected->body.data.id), QStringLiteral("REJECTED"));
        QCOMPARE(setStatus(rejected->body.data.id, "VALIDATED"), 400);
        del.transferId = rejected->body.data.id;
        QCOMPARE(api().deleteTransferInitiation(del).result()->statusCode, 204);

        // Refusals at creation.
        QCOMPARE(createTransfer(QStringLiteral("t-x"), QStringLiteral("nope"), dst, id, 1, asset, false)
                     .error()
                     .httpStatus(),
                 400);
        QCOMPARE(createTransfer(QStringLiteral("t-x"), src, QStringLiteral("nope"), id, 1, asset, false)
                     .error()
                     .httpStatus(),
                 400);
        QCOMPARE(createTransfer(QStringLiteral("t-x"), src, dst, QStringLiteral("nope"), 1, asset, false)
                     .error()
                     .httpStatus(),
                 400);
        QCOMPARE(createTransfer(QStringLiteral("t-x"), src, dst, id, 0, asset, false).error().httpStatus(),
                 400);
        QCOMPARE(invalid("POST", "/api/payments/transfer-initiations", R"({"reference":"x"})").status, 400);
        QCOMPARE(setStatus(QStringLiteral("nope"), "VALIDATED"), 404);
        retry.transferId = QStringLiteral("nope");
        QCOMPARE(api().retryTransferInitiation(retry).result().error().httpStatus(), 404);
        QCOMPARE(reverse(QStringLiteral("nope"), 1, asset, QStringLiteral("r")), 404);

        ListTransferInitiationsRequest list;
        list.query = QStringLiteral(R"({"$match":{"status":"REVERSED"}})");
        auto listed = api().listTransferInitiations(list).result();
        QVERIFY2(listed.ok(), qPrintable(why(listed)));
        QVERIFY(!listed->body.cursor.data.isEmpty());
        for (const auto &x : listed->body.cursor.data)
            QCOMPARE(x.status.toString(), QStringLiteral("REVERSED"));
    }

    void pools() {
        const QString id = installDemo(unique("pool"), QStringLiteral("1h"), 3, 20);
        const auto accounts = accountsOf(id);
        QCOMPARE(accounts.size(), 3);
        CreatePoolRequest req;
        req.body.name = unique("pool");
        req.body.accountIDs = {accounts[0].id, accounts[1].id};
        const auto created = api().createPool(req).result();
        QVERIFY2(created.ok(), qPrintable(why(created)));
        const QString pool = created->body.data.id;
        QCOMPARE(created->body.data.accounts.size(), 2);
        QCOMPARE(api().createPool(req).result().error().httpStatus(), 400); // same name
        CreatePoolRequest bad;
        bad.body.name = unique("pool");
        bad.body.accountIDs = {QStringLiteral("nope")};
        QCOMPARE(api().createPool(bad).result().error().httpStatus(), 400);

        // Balances at two dates: the sum of the accounts' balances at that instant.
        auto poolBalances = [&](const Timestamp &at) {
            GetPoolBalancesRequest b;
            b.poolId = pool;
            b.at = at;
            std::map<QString, BigInt> out;
            const auto res = api().getPoolBalances(b).result();
            if (res.ok())
                for (const auto &x : res->body.data.balances)
                    out[x.asset] = x.amount;
            return out;
        };
        auto expected = [&](const QStringList &ids, const Timestamp &at) {
            std::map<QString, BigInt> out;
            for (const QString &a : ids)
                for (const auto &row : history(a))
                    out.try_emplace(row.asset, BigInt());
            for (const QString &a : ids)
                for (auto &[asset, sum] : out)
                    sum += balanceAt(a, asset, at);
            for (auto it = out.begin(); it != out.end();)
                it = it->second.isZero() ? out.erase(it) : std::next(it);
            return out;
        };
        auto nonZero = [](std::map<QString, BigInt> m) {
            for (auto it = m.begin(); it != m.end();)
                it = it->second.isZero() ? m.erase(it) : std::next(it);
            return m;
        };
        const Timestamp now = Timestamp::now();
        const auto rows = history(accounts[0].id);
        // Before the (backdated) history begins, nothing.
        const Timestamp dawn = Timestamp::fromSecsSinceEpoch(rows.last().createdAt.secsSinceEpoch() - 60);
        QVERIFY(poolBalances(dawn).empty());
        QVERIFY(rows.size() >= 2);
        const Timestamp middle = rows[rows.size() / 2].createdAt;
        const QStringList members{accounts[0].id, accounts[1].id};
        QCOMPARE(nonZero(poolBalances(now)), expected(members, now));
        QCOMPARE(nonZero(poolBalances(middle)), expected(members, middle));
        QVERIFY(!poolBalances(now).empty());

        AddAccountToPoolRequest add;
        add.poolId = pool;
        add.body.accountID = accounts[2].id;
        QCOMPARE(api().addAccountToPool(add).result()->statusCode, 204);
        QCOMPARE(api().addAccountToPool(add).result().error().httpStatus(), 400); // already in
        QCOMPARE(nonZero(poolBalances(now)), expected(QStringList{members} << accounts[2].id, now));
        add.body.accountID = QStringLiteral("nope");
        QCOMPARE(api().addAccountToPool(add).result().error().httpStatus(), 400);
        RemoveAccountFromPoolRequest rm;
        rm.poolId = pool;
        rm.accountId = accounts[0].id;
        QCOMPARE(api().removeAccountFromPool(rm).result()->statusCode, 204);
        QCOMPARE(api().removeAccountFromPool(rm).result().error().httpStatus(), 404);
        GetPoolRequest get;
        get.poolId = pool;
        auto got = api().getPool(get).result();
        QVERIFY(got.ok());
        QCOMPARE(got->body.data.accounts, (QList<QString>{accounts[1].id, accounts[2].id}));
        // The account knows its pools.
        PaymentsgetAccountRequest acc;
        acc.accountId = accounts[1].id;
        QVERIFY(api().paymentsgetAccount(acc).result()->body.data.pools->contains(pool));

        const auto listed = api().listPools().result();
        QVERIFY(listed.ok());
        bool found = false;
        for (const auto &p : listed->body.cursor.data)
            found = found || p.id == pool;
        QVERIFY(found);

        DeletePoolRequest del;
        del.poolId = pool;
        QCOMPARE(api().deletePool(del).result()->statusCode, 204);
        QCOMPARE(api().getPool(get).result().error().httpStatus(), 404);
        QCOMPARE(api().deletePool(del).result().error().httpStatus(), 404);
        GetPoolBalancesRequest b;
        b.poolId = pool;
        b.at = now;
        QCOMPARE(api().getPoolBalances(b).result().error().httpStatus(), 404);
        add.poolId = pool;
        QCOMPARE(api().addAccountToPool(add).result().error().httpStatus(), 404);
        QCOMPARE(invalid("GET", QStringLiteral("/api/payments/pools/%1/balances").arg(pool)).status, 400);
    }

    // The deprecated routes act on a provider's only connector (around Prism: it refuses deprecated
    // operations).
    void deprecatedRoutesAndLegacyTransfer() {
        uninstallAll();
        QCOMPARE(invalid("GET", "/api/payments/connectors/DUMMY-PAY/config").status, 404);
        const QString name = unique("solo");
        const QString id = installDemo(name, QStringLiteral("100ms"), 2, 0);
        Reply r = invalid("GET", "/api/payments/connectors/DUMMY-PAY/config");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.str({"data", "name"}), name);
        r = invalid("GET", "/api/payments/connectors/DUMMY-PAY/tasks");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()["cursor"]["data"].size(), 5u);
        const QString taskId = (*r.json()["cursor"]["data"].elements().begin())["id"].toString();
        QVERIFY(!taskId.isEmpty());
        r = invalid("GET", QStringLiteral("/api/payments/connectors/DUMMY-PAY/tasks/%1").arg(taskId));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.str({"data", "connectorID"}), id);

        // The legacy one-shot transfer: a validated initiation, processed by the connector.
        const auto accounts = accountsOf(id);
        ConnectorsTransferRequest t;
        t.connector = QStringLiteral("DUMMY-PAY");
        t.body.amount = 1;
        t.body.asset = accounts[0].defaultAsset;
        t.body.source = accounts[0].id;
        t.body.destination = accounts[1].id;
        const auto sent = api().connectorsTransfer(t).result();
        QVERIFY2(sent.ok(), qPrintable(why(sent)));
        const QString transferId = sent->body.id.value_or(QString());
        QTRY_COMPARE_WITH_TIMEOUT(transferStatus(transferId), QStringLiteral("PROCESSED"), 10000);
        t.body.destination = QStringLiteral("nope");
        QCOMPARE(api().connectorsTransfer(t).result().error().httpStatus(), 400);

        QCOMPARE(invalid("POST", "/api/payments/connectors/DUMMY-PAY/reset").status, 204);
        QCOMPARE(paymentsOf(id).size() <= 2, true); // fresh: nothing but what the first rounds brought
        // Two of a kind: the deprecated routes cannot tell which.
        QVERIFY(!installDemo(unique("second"), QStringLiteral("1h"), 0, 0).isEmpty());
        QCOMPARE(invalid("GET", "/api/payments/connectors/DUMMY-PAY/config").status, 400);
        QCOMPARE(api().connectorsTransfer(t).result().error().httpStatus(), 400);
        uninstallAll();
        QVERIFY(api().listAllConnectors().result()->body.data.isEmpty());
        QCOMPARE(invalid("DELETE", "/api/payments/connectors/DUMMY-PAY").status, 404);
        QVERIFY(!installDemo(unique("third"), QStringLiteral("1h"), 0, 0).isEmpty());
        QCOMPARE(invalid("DELETE", "/api/payments/connectors/DUMMY-PAY").status, 204);
    }

    // Providers the sandbox cannot reach install, and say so through their tasks and transfers.
    void unreachableProvider() {
        Models::StripeConfig config;
        config.name = unique("stripe");
        config.apiKey = QStringLiteral("sk_test_123");
        InstallConnectorRequest req;
        req.connector = QStringLiteral("STRIPE");
        req.body = config;
        const auto installed = api().installConnector(req).result();
        QVERIFY2(installed.ok(), qPrintable(why(installed)));
        const QString id = installed->body.data.connectorID;
        ListConnectorTasksV1Request t;
        t.connector = QStringLiteral("STRIPE");
        t.connectorId = id;
        const auto listed = api().listConnectorTasksV1(t).result();
        QVERIFY2(listed.ok(), qPrintable(why(listed)));
        QCOMPARE(listed->body.cursor.data.size(), 1);
        const TaskView task = taskView(listed->body.cursor.data.first());
        QCOMPARE(task.status, QStringLiteral("FAILED"));
        QVERIFY(task.error.contains(QLatin1String("cannot be reached")));
        // Wrong provider in the path for that id: 404.
        t.connector = QStringLiteral("WISE");
        QCOMPARE(api().listConnectorTasksV1(t).result().error().httpStatus(), 404);

        CreateAccountRequest a;
        a.body.connectorID = id;
        a.body.createdAt = Timestamp::now();
        a.body.type = Models::AccountType::fromString(QStringLiteral("INTERNAL"));
        a.body.defaultAsset = QStringLiteral("EUR/2");
        a.body.reference = QStringLiteral("s1");
        const QString s1 = api().createAccount(a).result()->body.data.id;
        a.body.reference = QStringLiteral("s2");
        const QString s2 = api().createAccount(a).result()->body.data.id;
        auto created =
            createTransfer(QStringLiteral("stripe-1"), s1, s2, id, 5, QStringLiteral("EUR/2"), true);
        QVERIFY2(created.ok(), qPrintable(why(created)));
        QTRY_COMPARE_WITH_TIMEOUT(transferStatus(created->body.data.id), QStringLiteral("FAILED"), 10000);
        QVERIFY(transfer(created->body.data.id)->error.contains(QLatin1String("cannot be reached")));
    }

    void demoSeed() {
        Fixture demo;
        Sandbox::Options options;
        options.seed = QStringLiteral("demo");
        QVERIFY(demo.start(options));
        auto api = demo.client->payments().v1();
        const auto connectors = api.listAllConnectors().result();
        QVERIFY2(connectors.ok(), qPrintable(why(connectors)));
        QCOMPARE(connectors->body.data.size(), 2);
        ListPaymentsRequest p;
        p.pageSize = 1000;
        const auto payments = api.listPayments(p).result();
        QVERIFY(payments.ok());
        QVERIFY(payments->body.cursor.data.size() >= 60);
        const auto accounts = api.paymentslistAccounts().result();
        QVERIFY(accounts->body.cursor.data.size() >= 7);
        QSet<QString> states;
        const auto transfers = api.listTransferInitiations().result();
        QVERIFY(transfers.ok());
        for (const auto &t : transfers->body.cursor.data)
            states.insert(t.status.toString());
        for (const char *s :
             {"WAITING_FOR_VALIDATION", "REJECTED", "PROCESSED", "FAILED", "PARTIALLY_REVERSED"})
            QVERIFY2(states.contains(QLatin1String(s)), s);
        const auto banks = api.listBankAccounts().result();
        QCOMPARE(banks->body.cursor.data.size(), 1);
        QCOMPARE(banks->body.cursor.data.first().relatedAccounts->size(), 2);
        const auto pools = api.listPools().result();
        QCOMPARE(pools->body.cursor.data.size(), 1);
        GetPoolBalancesRequest b;
        b.poolId = pools->body.cursor.data.first().id;
        b.at = Timestamp::now();
        const auto balances = api.getPoolBalances(b).result();
        QVERIFY2(balances.ok(), qPrintable(why(balances)));
        QVERIFY(!balances->body.data.balances.isEmpty());
        demo.stop();
    }
};

QTEST_GUILESS_MAIN(TestSandboxPayments)
#include "tst_sandbox_payments.moc"
