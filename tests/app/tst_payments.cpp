// The payments screens end to end against the embedded sandbox with its demo seed: the connector
// catalogue and the install form built from its schema (a refusal at its field, the form kept),
// DUMMY-PAY installed, its tasks running and its payments listed, its config changed, reset and
// uninstalled; a failing connector saying why; payments with exact amounts and metadata; transfer
// initiations approved to processed, rejected, reversed in part and deleted; pools' balances now
// and at a date; bank accounts (IBAN checked); the read-only guard. QAbstractItemModelTester
// watches every model. Registered twice: tst_payments_v2 runs it on a stack presenting v2.1.
#include "AppFixture.h"
#include "payments/BankAccountController.h"
#include "payments/ConnectorController.h"
#include "payments/ConnectorModels.h"
#include "payments/PaymentController.h"
#include "payments/PaymentListModels.h"
#include "payments/PoolController.h"
#include "payments/TransferController.h"

#include "Server.h"
#include "ledger/LedgerStore.h"
#include <Formance/Money.h>
#include <Formance/ledger/v2/LedgerV2Api.h>
#include <Formance/payments/v1/PaymentsV1Api.h>

#include <QAbstractItemModelTester>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Formance;
using namespace AppTest;

namespace {
using Tester = QAbstractItemModelTester;
constexpr auto kQtTest = QAbstractItemModelTester::FailureReportingMode::QtTest;

QVariantMap dummyPayValues(const QString &name, const QString &directory, const QString &period) {
    return {{QStringLiteral("name"), name},
            {QStringLiteral("directory"), directory},
            {QStringLiteral("filePollingPeriod"), period},
            {QStringLiteral("numberOfAccountsPreGenerated"), QStringLiteral("3")},
            {QStringLiteral("numberOfPaymentsPreGenerated"), QStringLiteral("12")}};
}
} // namespace

class TestPayments : public QObject {
    Q_OBJECT
    Fixture m_fixture;
    QTemporaryDir m_dir;

    QVariantList dummyPayFields() {
        ConnectorCatalogueModel catalogue;
        catalogue.setSession(m_fixture.session());
        if (!drain(catalogue))
            return {};
        return catalogue.fieldsOf(QStringLiteral("DUMMY-PAY"));
    }

    // A DUMMY-PAY connector of the test's own, installed through the form's controller.
    QString install(const QString &name, const QString &directory,
                    const QString &period = QStringLiteral("1s")) {
        ConnectorController c;
        c.setSession(m_fixture.session());
        c.setProvider(QStringLiteral("DUMMY-PAY"));
        QSignalSpy installed(&c, &ConnectorController::installed);
        c.install(dummyPayFields(), dummyPayValues(name, directory, period));
        if (!idle(c) || installed.size() != 1)
            return {};
        return installed.constFirst().constFirst().toString();
    }

    void uninstall(const QString &id) {
        ConnectorController c;
        c.setSession(m_fixture.session());
        c.setProvider(QStringLiteral("DUMMY-PAY"));
        c.setConnectorId(id);
        c.load();
        QVERIFY(idle(c));
        c.uninstall();
        QVERIFY(idle(c));
    }

    // The connector's INTERNAL accounts: {accountId, defaultAsset}.
    QList<QVariantMap> internalAccounts(const QString &connectorId) {
        PaymentAccountsModel accounts;
        accounts.setSession(m_fixture.session());
        accounts.setFilters({{QStringLiteral("connectorID"), connectorId},
                             {QStringLiteral("type"), QStringLiteral("INTERNAL")}});
        QList<QVariantMap> out;
        if (!QTest::qWaitFor([&] { return drain(accounts) && accounts.count() > 0; }, 20000))
            return out;
        for (int i = 0; i < accounts.count(); ++i)
            out.append(accounts.rowAt(i));
        return out;
    }

    // How often the sandbox answered a payments v3 route: which generation a write went to.
    qint64 v3Calls(const char *route) {
        qint64 n = 0;
        m_fixture.inServer([&](Sandbox::Server &server) {
            QSqlQuery q =
                server.store()->query(QStringLiteral("SELECT calls FROM payments_v3_calls WHERE route = ?"),
                                      {QString::fromLatin1(route)});
            n = q.next() ? q.value(0).toLongLong() : 0;
        });
        return n;
    }
    // Counts of the v3 routes named, to compare after the writes (calledV3).
    QMap<QString, qint64> v3Counts(std::initializer_list<const char *> routes) {
        QMap<QString, qint64> out;
        for (const char *r : routes)
            out.insert(QString::fromLatin1(r), v3Calls(r));
        return out;
    }
    // On a v3.0 stack each route was called `times` more than in `before`; on v2.1 none was.
    bool calledV3(const QMap<QString, qint64> &before, qint64 times = 1) {
        bool ok = true;
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            const qint64 now = v3Calls(it.key().toLatin1().constData());
            const qint64 expected = m_fixture.presentsV2() ? 0 : it.value() + times;
            if (now != expected) {
                qWarning() << it.key() << "called" << now << "times, expected" << expected;
                ok = false;
            }
        }
        return ok;
    }
    bool generationKnown() {
        return QTest::qWaitFor([&] { return m_fixture.session()->servicesKnown(); }, 20000);
    }

    QString transferStatus(TransferController &t) {
        t.load();
        return idle(t) ? t.status() : QString();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_fixture.start(true, &error), qPrintable(error));
    }
    void init() { m_fixture.adopt(QStringLiteral("staging"), false); }

    void catalogueOffersTheSchemas() {
        ConnectorCatalogueModel catalogue;
        Tester tester(&catalogue, kQtTest);
        catalogue.setSession(m_fixture.session());
        QVERIFY(drain(catalogue));
        QCOMPARE(catalogue.error(), QString());
        QVERIFY(catalogue.find(QStringLiteral("provider"), QStringLiteral("DUMMY-PAY")) >= 0);
        QVERIFY(catalogue.find(QStringLiteral("provider"), QStringLiteral("STRIPE")) >= 0);
        // The spec's literal "connector" entry is no provider.
        QCOMPARE(catalogue.find(QStringLiteral("provider"), QStringLiteral("connector")), -1);
        const QVariantList fields = catalogue.fieldsOf(QStringLiteral("DUMMY-PAY"));
        QVariantMap directory;
        QVariantMap polling;
        for (const QVariant &f : fields) {
            if (f.toMap().value(QStringLiteral("name")) == QLatin1String("directory"))
                directory = f.toMap();
            if (f.toMap().value(QStringLiteral("name")) == QLatin1String("filePollingPeriod"))
                polling = f.toMap();
        }
        QCOMPARE(directory.value(QStringLiteral("required")).toBool(), true);
        QCOMPARE(polling.value(QStringLiteral("dataType")).toString(), QStringLiteral("duration"));
        QCOMPARE(polling.value(QStringLiteral("defaultValue")).toString(), QStringLiteral("10s"));
        // Secrets are password inputs.
        bool apiKeySecret = false;
        for (const QVariant &f : catalogue.fieldsOf(QStringLiteral("STRIPE")))
            if (f.toMap().value(QStringLiteral("name")) == QLatin1String("apiKey"))
                apiKeySecret = f.toMap().value(QStringLiteral("secret")).toBool();
        QVERIFY(apiKeySecret);
    }

    void listsTheInstalledConnectors() {
        ConnectorsModel connectors;
        Tester tester(&connectors, kQtTest);
        connectors.setSession(m_fixture.session());
        QVERIFY(drain(connectors));
        QCOMPARE(connectors.error(), QString());
        const int eu = connectors.find(QStringLiteral("name"), QStringLiteral("demo-eu"));
        QVERIFY(eu >= 0);
        QCOMPARE(connectors.value(eu, QStringLiteral("provider")).toString(), QStringLiteral("DUMMY-PAY"));
    }

    // The form's fields come from the generation the install goes to: on a v3.0 stack v3's
    // configs (whose field names differ from v1's for some providers), on v2.1 v1's; read once
    // (a fetchMore before the model's scheduled reload used to start a first page of its own).
    void catalogueComesFromTheInstallsGeneration() {
        QVERIFY(generationKnown());
        const qint64 before = v3Calls("GET /v3/connectors/configs");
        QVERIFY(!dummyPayFields().isEmpty());
        const qint64 after = v3Calls("GET /v3/connectors/configs");
        if (m_fixture.presentsV2())
            QCOMPARE(after, before);
        else
            QCOMPARE(after, before + 1);
    }

    void formChecksAsTypedAndKeepsARefusal() {
        const QVariantList fields = dummyPayFields();
        QVERIFY(!fields.isEmpty());
        ConnectorController c;
        c.setSession(m_fixture.session());
        c.setProvider(QStringLiteral("DUMMY-PAY"));
        QVariantMap values =
            dummyPayValues(Fixture::unique(QStringLiteral("refused")), QString(), QStringLiteral("1s"));
        QVERIFY(!c.formProblem(fields, values).isEmpty()); // directory is required
        values[QStringLiteral("directory")] = m_dir.path();
        values[QStringLiteral("numberOfPaymentsPreGenerated")] = QStringLiteral("ten");
        QVERIFY(!c.formProblem(fields, values).isEmpty());
        values[QStringLiteral("numberOfPaymentsPreGenerated")] = QStringLiteral("10");
        QCOMPARE(c.formProblem(fields, values), QString());
        // Integers go as exact numbers, text as strings.
        QVERIFY(c.configJson(fields, values, false).contains("\"numberOfPaymentsPreGenerated\":10"));
        // The stack refuses a zero period: its message lands at that field.
        values[QStringLiteral("filePollingPeriod")] = QStringLiteral("0s");
        QSignalSpy installed(&c, &ConnectorController::installed);
        c.install(fields, values);
        QVERIFY(idle(c));
        QCOMPARE(installed.size(), 0);
        QVERIFY2(c.fieldErrors().contains(QStringLiteral("filePollingPeriod")),
                 qPrintable(c.error() + c.formError()));
        // A name taken is refused for the whole form.
        values[QStringLiteral("filePollingPeriod")] = QStringLiteral("1s");
        values[QStringLiteral("name")] = QStringLiteral("demo-eu");
        c.install(fields, values);
        QVERIFY(idle(c));
        QCOMPARE(installed.size(), 0);
        QVERIFY(c.formError().contains(QStringLiteral("demo-eu")));
    }

    void installRunListUpdateResetUninstall() {
        QVERIFY(generationKnown());
        const QVariantList fields = dummyPayFields();
        const QString name = Fixture::unique(QStringLiteral("desk-dummy"));
        const auto installs = v3Counts({"POST /v3/connectors/install/{connector}"});
        const QString id = install(name, m_dir.path());
        QVERIFY(!id.isEmpty());
        QVERIFY(calledV3(installs)); // on a v3.0 stack, v3InstallConnector

        ConnectorsModel connectors;
        connectors.setSession(m_fixture.session());
        QVERIFY(drain(connectors));
        QVERIFY(connectors.find(QStringLiteral("connectorId"), id) >= 0);

        // Its first task runs and succeeds.
        ConnectorTasksModel tasks;
        Tester tester(&tasks, kQtTest);
        tasks.setSession(m_fixture.session());
        tasks.setProvider(QStringLiteral("DUMMY-PAY"));
        tasks.setConnectorId(id);
        QVERIFY(QTest::qWaitFor(
            [&] {
                if (!drain(tasks))
                    return false;
                for (int i = 0; i < tasks.count(); ++i)
                    if (tasks.rowAt(i).value(QStringLiteral("ran")).toBool() &&
                        tasks.rowAt(i).value(QStringLiteral("status")).toString() != QLatin1String("FAILED"))
                        return true;
                tasks.reload();
                return false;
            },
            20000));
        QCOMPARE(tasks.failedCount(), 0);

        // Its payments appear in the list.
        PaymentsModel payments;
        Tester paymentsTester(&payments, kQtTest);
        payments.setSession(m_fixture.session());
        payments.setFilters({{QStringLiteral("connectorID"), id}});
        QVERIFY(drain(payments));
        QVERIFY(payments.count() > 0);
        for (int i = 0; i < payments.count(); ++i)
            QCOMPARE(payments.rowAt(i).value(QStringLiteral("connectorId")).toString(), id);

        // Config: read, diff, update.
        ConnectorController c;
        c.setSession(m_fixture.session());
        c.setProvider(QStringLiteral("DUMMY-PAY"));
        c.setConnectorId(id);
        const auto reads = v3Counts({"GET /v3/connectors/{connectorID}/config"});
        c.load();
        QVERIFY(idle(c));
        QVERIFY(c.loaded());
        QVERIFY(calledV3(reads));
        QCOMPARE(c.name(), name);
        QCOMPARE(c.config().value(QStringLiteral("filePollingPeriod")).toString(), QStringLiteral("1s"));
        QVariantMap edited = c.config();
        edited[QStringLiteral("filePollingPeriod")] = QStringLiteral("2s");
        const QVariantList diff = c.configDiff(fields, edited);
        QCOMPARE(diff.size(), 1);
        QCOMPARE(diff.first().toMap().value(QStringLiteral("key")).toString(),
                 QStringLiteral("filePollingPeriod"));
        QSignalSpy saved(&c, &ConnectorController::configSaved);
        c.updateConfig(fields, edited);
        QVERIFY(QTest::qWaitFor([&] { return saved.size() == 1 && !c.busy(); }, 20000));
        QCOMPARE(c.config().value(QStringLiteral("filePollingPeriod")).toString(), QStringLiteral("2s"));

        // Reset, then uninstall; on a v3.0 stack each a v3 operation whose task the app follows.
        const auto resets = v3Counts({"POST /v3/connectors/{connectorID}/reset"});
        const auto tasksRead = v3Calls("GET /v3/tasks/{taskID}");
        QSignalSpy reset(&c, &ConnectorController::resetDone);
        c.reset();
        QVERIFY(QTest::qWaitFor([&] { return reset.size() == 1 && !c.busy(); }, 20000));
        QCOMPARE(c.error(), QString());
        QVERIFY(calledV3(resets));
        const auto uninstalls = v3Counts({"DELETE /v3/connectors/{connectorID}"});
        QSignalSpy gone(&c, &ConnectorController::uninstalled);
        c.uninstall();
        QVERIFY(QTest::qWaitFor([&] { return gone.size() == 1 && !c.busy(); }, 20000));
        QCOMPARE(c.error(), QString());
        QVERIFY(calledV3(uninstalls));
        if (m_fixture.presentsV2())
            QCOMPARE(v3Calls("GET /v3/tasks/{taskID}"), 0);
        else
            QVERIFY(v3Calls("GET /v3/tasks/{taskID}") >= tasksRead + 2);
        connectors.reload();
        QVERIFY(drain(connectors));
        QCOMPARE(connectors.find(QStringLiteral("connectorId"), id), -1);
    }

    void failingConnectorSaysWhy() {
        const QString missing = m_dir.path() + QStringLiteral("/no-such-folder");
        const QString id = install(Fixture::unique(QStringLiteral("desk-broken")), missing);
        QVERIFY(!id.isEmpty());
        ConnectorTasksModel tasks;
        tasks.setSession(m_fixture.session());
        tasks.setProvider(QStringLiteral("DUMMY-PAY"));
        tasks.setConnectorId(id);
        QVERIFY(QTest::qWaitFor(
            [&] {
                if (!drain(tasks))
                    return false;
                if (tasks.failedCount() > 0)
                    return true;
                tasks.reload();
                return false;
            },
            20000));
        QVERIFY2(tasks.firstError().contains(QStringLiteral("does not exist")),
                 qPrintable(tasks.firstError()));
        uninstall(id);
    }

    void paymentDetailIsExactAndEditsMetadata() {
        const QString connectorId =
            install(Fixture::unique(QStringLiteral("desk-exact")), m_dir.path(), QStringLiteral("1h"));
        QVERIFY(!connectorId.isEmpty());
        // A payment of 2^70 + 1 cents: no double could carry it.
        Payments::V1::CreatePaymentRequest request;
        request.body.reference = Fixture::unique(QStringLiteral("huge"));
        request.body.connectorID = connectorId;
        request.body.createdAt = Timestamp::now();
        request.body.amount = *BigInt::fromString("1180591620717411303425");
        request.body.type = Models::PaymentType::fromString(QStringLiteral("PAY-IN"));
        request.body.status = Models::PaymentStatus::fromString(QStringLiteral("SUCCEEDED"));
        request.body.scheme = Models::PaymentScheme::fromString(QStringLiteral("sepa credit"));
        request.body.asset = QStringLiteral("EUR/2");
        const auto created = m_fixture.client().payments().v1().createPayment(request).result();
        QVERIFY2(bool(created), created ? "" : qPrintable(created.error().message()));
        const QString paymentId = created->body.data.id;

        PaymentsModel payments;
        payments.setSession(m_fixture.session());
        payments.setFilters({{QStringLiteral("reference"), request.body.reference}});
        QVERIFY(drain(payments));
        QCOMPARE(payments.count(), 1);
        QCOMPARE(payments.rowAt(0).value(QStringLiteral("amount")).toString(),
                 QStringLiteral("11805916207174113034.25"));

        PaymentController p;
        p.setSession(m_fixture.session());
        p.setPaymentId(paymentId);
        p.load();
        QVERIFY(idle(p));
        QVERIFY(p.loaded());
        QCOMPARE(p.details().value(QStringLiteral("amount")).toString(),
                 QStringLiteral("11805916207174113034.25"));
        QCOMPARE(p.details().value(QStringLiteral("status")).toString(), QStringLiteral("SUCCEEDED"));

        // The ledger transactions that reference it: one by its reference, one by metadata paymentId.
        const QString ledger = Fixture::unique(QStringLiteral("payledger"));
        QVERIFY(m_fixture.client().ledger().v2().createLedger({ledger, std::nullopt}).result().ok());
        auto post = [&](const std::optional<QString> &reference, const Models::V2Metadata &metadata) {
            Ledger::V2::V2CreateTransactionRequest tx{.ledger = ledger};
            tx.body.postings = QList<Models::V2Posting>{{.amount = *BigInt::fromString("100"),
                                                         .asset = QStringLiteral("EUR/2"),
                                                         .destination = QStringLiteral("bank:eu"),
                                                         .source = QStringLiteral("world")}};
            tx.body.reference = reference;
            tx.body.metadata = metadata;
            return m_fixture.client().ledger().v2().createTransaction(tx).result().ok();
        };
        QVERIFY(post(request.body.reference, {}));
        QVERIFY(post(std::nullopt,
                     Models::V2Metadata(QMap<QString, QString>{{QStringLiteral("paymentId"), paymentId}})));
        QVERIFY(post(Fixture::unique(QStringLiteral("other")), {}));
        p.setLedger(ledger);
        QVERIFY(
            QTest::qWaitFor([&] { return !p.transactionsBusy() && p.transactions().size() == 2; }, 20000));
        QCOMPARE(p.transactionsError(), QString());

        QVariantMap edited = p.metadata();
        edited[QStringLiteral("desk")] = QStringLiteral("checked");
        QCOMPARE(p.metadataDiff(edited).size(), 1);
        QSignalSpy saved(&p, &PaymentController::metadataSaved);
        p.saveMetadata(edited);
        QVERIFY(QTest::qWaitFor([&] { return saved.size() == 1 && !p.busy() && p.loaded(); }, 20000));
        QCOMPARE(p.metadata().value(QStringLiteral("desk")).toString(), QStringLiteral("checked"));
        // v1 cannot remove a key: refused with a sentence, nothing sent.
        edited.remove(QStringLiteral("desk"));
        p.saveMetadata(edited);
        QVERIFY(p.error().contains(QStringLiteral("desk")));
        uninstall(connectorId);
    }

    void transfersApproveRejectReverseDelete() {
        QVERIFY(generationKnown());
        const QString connectorId =
            install(Fixture::unique(QStringLiteral("desk-pay")), m_dir.path(), QStringLiteral("200ms"));
        QVERIFY(!connectorId.isEmpty());
        const QList<QVariantMap> accounts = internalAccounts(connectorId);
        QVERIFY(accounts.size() >= 2);
        // The source: the account holding most of its default asset (balances are exact text).
        QString source;
        QString asset;
        for (const QVariantMap &a : accounts) {
            AccountBalancesModel balances;
            balances.setSession(m_fixture.session());
            balances.setAccountId(a.value(QStringLiteral("accountId")).toString());
            QVERIFY(drain(balances));
            for (int i = 0; i < balances.count(); ++i) {
                const QString amount = balances.rowAt(i).value(QStringLiteral("amount")).toString();
                if (balances.rowAt(i).value(QStringLiteral("asset")) ==
                        a.value(QStringLiteral("defaultAsset")) &&
                    !amount.startsWith(u'-') && amount.size() > 4) {
                    source = a.value(QStringLiteral("accountId")).toString();
                    asset = a.value(QStringLiteral("defaultAsset")).toString();
                }
            }
            if (!source.isEmpty())
                break;
        }
        QVERIFY2(!source.isEmpty(), "no funded account");
        QString destination;
        for (const QVariantMap &a : accounts)
            if (a.value(QStringLiteral("accountId")).toString() != source)
                destination = a.value(QStringLiteral("accountId")).toString();
        const QString one = Money::format(*BigInt::fromString("100"), asset); // 1.00 of a 2-decimal asset

        TransferInitiationsModel list;
        Tester tester(&list, kQtTest);
        list.setSession(m_fixture.session());

        auto create = [&](TransferController &t, const QString &reference) {
            QSignalSpy created(&t, &TransferController::created);
            t.setSession(m_fixture.session());
            const QVariantMap form{{QStringLiteral("reference"), reference},
                                   {QStringLiteral("connectorId"), connectorId},
                                   {QStringLiteral("sourceAccountId"), source},
                                   {QStringLiteral("destinationAccountId"), destination},
                                   {QStringLiteral("amount"), one},
                                   {QStringLiteral("asset"), asset},
                                   {QStringLiteral("type"), QStringLiteral("TRANSFER")},
                                   {QStringLiteral("description"), QStringLiteral("desk test")}};
            QCOMPARE(t.createProblem(form), QString());
            t.create(form);
            QVERIFY(QTest::qWaitFor([&] { return created.size() == 1 && !t.busy() && t.loaded(); }, 20000));
        };

        // Approve -> processed, then reverse part of it.
        // (On a v3.0 stack: v3InitiatePayment, v3ApprovePaymentInitiation and its task.)
        TransferController approved;
        const QString approvedRef = Fixture::unique(QStringLiteral("approve"));
        const auto initiations = v3Counts({"POST /v3/payment-initiations"});
        create(approved, approvedRef);
        QVERIFY(calledV3(initiations));
        QCOMPARE(approved.status(), QStringLiteral("WAITING_FOR_VALIDATION"));
        QVERIFY(approved.canDecide());
        const auto approvals = v3Counts({"POST /v3/payment-initiations/{paymentInitiationID}/approve"});
        approved.approve();
        QVERIFY(idle(approved));
        QCOMPARE(approved.error(), QString());
        QVERIFY(calledV3(approvals));
        QVERIFY(
            QTest::qWaitFor([&] { return transferStatus(approved) == QLatin1String("PROCESSED"); }, 20000));
        QVERIFY(approved.history().size() >= 2); // its status history
        QVERIFY(approved.canReverse());
        // A reversal amount is parsed exactly: a third decimal on a 2-decimal asset is refused.
        QVERIFY(!approved.amountProblem(QStringLiteral("0.001"), asset).isEmpty());
        const auto reversals = v3Counts({"POST /v3/payment-initiations/{paymentInitiationID}/reverse"});
        approved.reverse(Money::format(*BigInt::fromString("40"), asset), QStringLiteral("part back"));
        QVERIFY(idle(approved));
        QCOMPARE(approved.error(), QString());
        QVERIFY(calledV3(reversals));
        QVERIFY(QTest::qWaitFor(
            [&] { return transferStatus(approved) == QLatin1String("PARTIALLY_REVERSED"); }, 20000));

        // Reject.
        TransferController rejected;
        create(rejected, Fixture::unique(QStringLiteral("reject")));
        const auto rejections = v3Counts({"POST /v3/payment-initiations/{paymentInitiationID}/reject"});
        rejected.reject();
        QVERIFY(idle(rejected));
        QVERIFY(calledV3(rejections));
        QCOMPARE(rejected.status(), QStringLiteral("REJECTED"));
        QVERIFY(!rejected.canDecide());

        // Retry a failed one (more than the source holds): on a v3.0 stack v3RetryPaymentInitiation,
        // whose task ends as the connector's new attempt does.
        TransferController failing;
        QSignalSpy failingCreated(&failing, &TransferController::created);
        failing.setSession(m_fixture.session());
        failing.create(
            {{QStringLiteral("reference"), Fixture::unique(QStringLiteral("fail"))},
             {QStringLiteral("connectorId"), connectorId},
             {QStringLiteral("sourceAccountId"), source},
             {QStringLiteral("destinationAccountId"), destination},
             {QStringLiteral("amount"), Money::format(*BigInt::fromString("9000000000000000"), asset)},
             {QStringLiteral("asset"), asset},
             {QStringLiteral("type"), QStringLiteral("TRANSFER")},
             {QStringLiteral("validated"), true}});
        QVERIFY(QTest::qWaitFor([&] { return failingCreated.size() == 1 && !failing.busy(); }, 20000));
        QVERIFY(QTest::qWaitFor([&] { return transferStatus(failing) == QLatin1String("FAILED"); }, 20000));
        const auto retries = v3Counts({"POST /v3/payment-initiations/{paymentInitiationID}/retry"});
        failing.retry();
        QVERIFY(QTest::qWaitFor([&] { return !failing.busy(); }, 20000));
        QVERIFY(calledV3(retries));
        QVERIFY(QTest::qWaitFor([&] { return transferStatus(failing) == QLatin1String("FAILED"); }, 20000));

        // The list shows them; delete the rejected one.
        // (The model tester already pulled the unfiltered first page: wait for the filtered reload.)
        list.setFilters({{QStringLiteral("reference"), approvedRef}});
        QVERIFY(QTest::qWaitFor([&] { return drain(list) && list.count() == 1; }, 20000));
        QCOMPARE(list.rowAt(0).value(QStringLiteral("status")).toString(),
                 QStringLiteral("PARTIALLY_REVERSED"));
        QSignalSpy removed(&rejected, &TransferController::removed);
        rejected.remove();
        QVERIFY(idle(rejected));
        QCOMPARE(removed.size(), 1);

        // Read-only: every step refused before any call.
        m_fixture.adopt(QStringLiteral("staging"), true);
        TransferController readOnly;
        readOnly.setSession(m_fixture.session());
        readOnly.setTransferId(approved.transferId());
        readOnly.load();
        QVERIFY(idle(readOnly));
        readOnly.reverse(QStringLiteral("0.10"), QString());
        QVERIFY(readOnly.error().contains(QStringLiteral("read-only")));
        QCOMPARE(transferStatus(readOnly), QStringLiteral("PARTIALLY_REVERSED"));
        m_fixture.adopt(QStringLiteral("staging"), false);
        uninstall(connectorId);
    }

    void poolBalancesNowAndAtADate() {
        const QString connectorId =
            install(Fixture::unique(QStringLiteral("desk-pool")), m_dir.path(), QStringLiteral("1h"));
        QVERIFY(!connectorId.isEmpty());
        const QList<QVariantMap> accounts = internalAccounts(connectorId);
        QVERIFY(accounts.size() >= 2);
        PoolController pool;
        pool.setSession(m_fixture.session());
        QSignalSpy created(&pool, &PoolController::created);
        const QString name = Fixture::unique(QStringLiteral("pool"));
        pool.create(name, {accounts.at(0).value(QStringLiteral("accountId")).toString()});
        QVERIFY(QTest::qWaitFor([&] { return created.size() == 1 && !pool.busy() && pool.loaded(); }, 20000));
        QCOMPARE(pool.accounts().size(), 1);

        PoolsModel pools;
        Tester tester(&pools, kQtTest);
        pools.setSession(m_fixture.session());
        QVERIFY(drain(pools));
        QVERIFY(pools.find(QStringLiteral("name"), name) >= 0);

        pool.addAccount(accounts.at(1).value(QStringLiteral("accountId")).toString());
        QVERIFY(QTest::qWaitFor([&] { return !pool.busy() && pool.accounts().size() == 2; }, 20000));
        QVERIFY(QTest::qWaitFor([&] { return !pool.balances().isEmpty(); }, 20000));
        const QVariantList now = pool.balances();
        // Long before the accounts existed the pool held nothing.
        QCOMPARE(pool.dateProblem(QStringLiteral("2001-01-31")), QString());
        QVERIFY(!pool.dateProblem(QStringLiteral("31/01/2001")).isEmpty());
        pool.loadBalances(QStringLiteral("2001-01-31"));
        QVERIFY(QTest::qWaitFor(
            [&] { return pool.balancesAt() == QLatin1String("2001-01-31") && pool.balances() != now; },
            20000));
        for (const QVariant &b : pool.balances())
            QVERIFY(b.toMap().value(QStringLiteral("amount")).toString().remove(u'0').remove(u'.').isEmpty());

        pool.removeAccount(accounts.at(1).value(QStringLiteral("accountId")).toString());
        QVERIFY(QTest::qWaitFor([&] { return !pool.busy() && pool.accounts().size() == 1; }, 20000));
        QSignalSpy removed(&pool, &PoolController::removed);
        pool.remove();
        QVERIFY(idle(pool));
        QCOMPARE(removed.size(), 1);
        uninstall(connectorId);
    }

    void bankAccountsCheckedCreatedForwarded() {
        BankAccountController b;
        b.setSession(m_fixture.session());
        QCOMPARE(b.ibanProblem(QStringLiteral("FR76 3000 6000 0112 3456 7890 189")), QString());
        QVERIFY(!b.ibanProblem(QStringLiteral("FR76 3000 6000 0112 3456 7890 188")).isEmpty());
        QVERIFY(!b.ibanProblem(QStringLiteral("12345")).isEmpty());
        QVERIFY(!b.accountNumberProblem(QStringLiteral("12")).isEmpty());

        ConnectorsModel connectors;
        connectors.setSession(m_fixture.session());
        QVERIFY(drain(connectors));
        const QString connectorId =
            connectors.idAt(connectors.find(QStringLiteral("name"), QStringLiteral("demo-eu")));
        QVERIFY(!connectorId.isEmpty());
        const QString name = Fixture::unique(QStringLiteral("bank"));
        QVERIFY(generationKnown());
        // On a v3.0 stack: v3CreateBankAccount, then v3ForwardBankAccount to the connector chosen.
        const auto creations = v3Counts({"POST /v3/bank-accounts"});
        const auto forwards = v3Counts({"POST /v3/bank-accounts/{bankAccountID}/forward"});
        QSignalSpy created(&b, &BankAccountController::created);
        b.create({{QStringLiteral("name"), name},
                  {QStringLiteral("country"), QStringLiteral("FR")},
                  {QStringLiteral("iban"), QStringLiteral("FR76 3000 6000 0112 3456 7890 189")},
                  {QStringLiteral("connectorId"), connectorId}});
        QVERIFY(QTest::qWaitFor([&] { return created.size() == 1 && !b.busy() && b.loaded(); }, 20000));
        QCOMPARE(b.details().value(QStringLiteral("iban")).toString(),
                 QStringLiteral("FR7630006000011234567890189"));
        QCOMPARE(b.related().size(), 1); // linked to the connector chosen, in either generation
        QVERIFY(calledV3(creations));
        QVERIFY(calledV3(forwards));

        BankAccountsModel list;
        Tester tester(&list, kQtTest);
        list.setSession(m_fixture.session());
        QVERIFY(drain(list));
        QVERIFY(list.find(QStringLiteral("name"), name) >= 0);

        const QString us =
            connectors.idAt(connectors.find(QStringLiteral("name"), QStringLiteral("demo-us")));
        b.forward(us);
        QVERIFY(QTest::qWaitFor([&] { return !b.busy() && b.related().size() == 2; }, 20000));
        QCOMPARE(b.error(), QString());
        QVERIFY(calledV3(forwards, 2));
    }

    // The lists go to payments v3 on a v3.0 stack (no sort there) and to v1 on v2.1, with the same rows.
    void listsFollowTheGeneration() {
        QVERIFY(QTest::qWaitFor([&] { return m_fixture.session()->servicesKnown(); }, 20000));
        PaymentsModel payments;
        PaymentAccountsModel accounts;
        PoolsModel pools;
        BankAccountsModel bankAccounts;
        Tester t1(&payments, kQtTest), t2(&accounts, kQtTest), t3(&pools, kQtTest),
            t4(&bankAccounts, kQtTest);
        for (PagedListModel *m :
             std::initializer_list<PagedListModel *>{&payments, &accounts, &pools, &bankAccounts}) {
            m->setSession(m_fixture.session());
            QVERIFY(drain(*m));
            QCOMPARE(m->error(), QString());
            QVERIFY(m->count() > 0);
        }
        QCOMPARE(payments.sortable(), m_fixture.presentsV2());
        QCOMPARE(pools.sortable(), m_fixture.presentsV2());
        // The same payment reads alike through either operation: exact amount text, asset, status.
        const int row = payments.find(QStringLiteral("reference"), QStringLiteral("demo-refunded-payout"));
        QVERIFY(row >= 0);
        QCOMPARE(payments.value(row, QStringLiteral("asset")).toString(), QStringLiteral("EUR/2"));
        QVERIFY(payments.value(row, QStringLiteral("amount")).toString().contains(u'.'));
        QCOMPARE(pools
                     .value(pools.find(QStringLiteral("name"), QStringLiteral("Treasury pool")),
                            QStringLiteral("accountCount"))
                     .toInt(),
                 3);
    }

    // The balance chart's positions come from exact integers: amounts past 2^64 place correctly.
    void balanceChartPositionsAreExact() {
        const BigInt min = *BigInt::fromString("-18446744073709551616000");
        const BigInt max = *BigInt::fromString("18446744073709551616000");
        QCOMPARE(AccountBalancesModel::position(min, min, max), 0);
        QCOMPARE(AccountBalancesModel::position(max, min, max), 1000);
        QCOMPARE(AccountBalancesModel::position(BigInt(0), min, max), 500);
        QCOMPARE(AccountBalancesModel::position(BigInt(1), min, max), 500); // the next thousandth is far away
        QCOMPARE(AccountBalancesModel::position(BigInt(7), BigInt(7), BigInt(7)), 500);

        PaymentAccountsModel accounts;
        accounts.setSession(m_fixture.session());
        accounts.setFilters({{QStringLiteral("type"), QStringLiteral("INTERNAL")}});
        QVERIFY(QTest::qWaitFor([&] { return drain(accounts) && accounts.count() > 0; }, 20000));
        AccountBalancesModel balances;
        Tester tester(&balances, kQtTest);
        balances.setSession(m_fixture.session());
        balances.setAccountId(accounts.idAt(0));
        QVERIFY(QTest::qWaitFor([&] { return drain(balances) && balances.count() > 0; }, 20000));
        const QVariantMap chart = balances.chart();
        QCOMPARE(chart.value(QStringLiteral("asset")).toString(),
                 balances.rowAt(0).value(QStringLiteral("asset")).toString());
        for (const QVariant &p : chart.value(QStringLiteral("points")).toList())
            QVERIFY(p.toInt() >= 0 && p.toInt() <= 1000);
    }

    void readOnlyRefusesConnectorChanges() {
        m_fixture.adopt(QStringLiteral("staging"), true);
        ConnectorController c;
        c.setSession(m_fixture.session());
        c.setProvider(QStringLiteral("DUMMY-PAY"));
        QSignalSpy installed(&c, &ConnectorController::installed);
        c.install(dummyPayFields(),
                  dummyPayValues(Fixture::unique(QStringLiteral("ro")), m_dir.path(), QStringLiteral("1s")));
        QVERIFY(idle(c));
        QCOMPARE(installed.size(), 0);
        QVERIFY(c.error().contains(QStringLiteral("read-only")));
        QVERIFY(!c.writable());
    }
};

QTEST_MAIN(TestPayments)
#include "tst_payments.moc"
