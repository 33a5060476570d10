// The app core every feature is built on: the call holder (cancels the call it replaces and the
// one its owner leaves behind, turns errors and missing bodies into text), the paged list base
// (a reload cancels the page in flight), the controller base (a real session property, writable),
// the one production-confirmation rule, the stage enum and the services getVersions reports.
// The network is a FakeNetwork: requests hang or answer as each test scripts them.
#include "FakeNetwork.h"
#include "core/CallGroup.h"
#include "core/CallHolder.h"
#include "core/Controller.h"
#include "core/Session.h"
#include "ledger/LedgerController.h"
#include "ledger/LedgersModel.h"
#include "ledger/TransactionDetailController.h"
#include <Formance/Apis.h>
#include <Formance/Client.h>
#include <Formance/ledger/v2/LedgerV2Api.h>

#include <QAbstractItemModelTester>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

using namespace Formance;

namespace {
const QByteArray kLedgerPage =
    R"({"cursor":{"pageSize":15,"hasMore":false,"data":[{"name":"main","bucket":"_default","addedAt":"2024-11-13T10:00:00Z","id":1}]}})";

std::unique_ptr<Client> clientOn(FakeNetwork *network) {
    SdkConfig config;
    config.server = ServerConfig::fromUrl(QStringLiteral("http://stack.test"));
    config.network = network;
    config.retry = RetryConfig::none();
    return std::make_unique<Client>(config);
}

// Counts the replies the network saw aborted (a canceled call aborts its reply).
struct AbortCounter {
    explicit AbortCounter(FakeNetwork *network) {
        QObject::connect(network, &QNetworkAccessManager::finished, network, [this](QNetworkReply *reply) {
            if (reply->error() == QNetworkReply::OperationCanceledError)
                ++aborted;
        });
    }
    int aborted = 0;
};
} // namespace

class TestAppCore : public QObject {
    Q_OBJECT

private slots:
    void holderCancelsTheCallItReplaces() {
        FakeNetwork network;
        network.setResponder([](const SeenRequest &r) {
            return r.url.path().endsWith(QLatin1String("/slow")) ? ScriptedReply::hanging()
                                                                 : ScriptedReply::json(200, kLedgerPage);
        });
        AbortCounter counter(&network);
        auto client = clientOn(&network);
        QObject owner;
        CallHolder holder(&owner);
        int first = 0, second = 0;
        holder.start(client->ledger().v2().getLedger({QStringLiteral("slow")}),
                     [&](const auto &) { ++first; });
        QVERIFY(holder.busy());
        holder.start(client->ledger().v2().listLedgers({}),
                     [&](const auto &body) { second = int(body.cursor.data.size()); });
        QVERIFY(QTest::qWaitFor([&] { return !holder.busy(); }, 5000));
        QCOMPARE(second, 1);
        QCOMPARE(first, 0);               // the superseded answer never reached its continuation
        QTRY_COMPARE(counter.aborted, 1); // and its request was aborted, not left to download
        QVERIFY(holder.error().isEmpty());
    }

    void holderCancelsWhenItsOwnerGoes() {
        FakeNetwork network;
        network.setResponder([](const SeenRequest &) { return ScriptedReply::hanging(); });
        AbortCounter counter(&network);
        auto client = clientOn(&network);
        bool called = false;
        {
            auto *owner = new QObject;
            auto *holder = new CallHolder(owner);
            holder->start(client->ledger().v2().listLedgers({}), [&](const auto &) { called = true; });
            QTRY_COMPARE(network.requests().size(), 1);
            delete owner; // the page closed
        }
        QTRY_COMPARE(counter.aborted, 1);
        QTest::qWait(50);
        QVERIFY(!called);
    }

    void holderSaysWhatWentWrongOnce() {
        FakeNetwork network;
        network.enqueue(
            ScriptedReply::json(400, R"({"errorCode":"VALIDATION","errorMessage":"invalid ledger name"})"));
        network.enqueue({204, {}, {}}); // an answer without the body getLedger promises: Decode
        auto client = clientOn(&network);
        QObject owner;
        CallHolder holder(&owner);
        QSignalSpy errors(&holder, &CallHolder::errorChanged);
        QString failed;
        holder.start(
            client->ledger().v2().getLedger({QStringLiteral("x")}), [](const auto &) {},
            [&](const QString &text) { failed = text; });
        QVERIFY(QTest::qWaitFor([&] { return !holder.busy(); }, 5000));
        QCOMPARE(holder.error(), QStringLiteral("invalid ledger name (VALIDATION)"));
        QCOMPARE(failed, holder.error());
        bool ran = false;
        holder.start(client->ledger().v2().getLedger({QStringLiteral("x")}),
                     [&](const auto &) { ran = true; });
        QVERIFY(holder.error().isEmpty()); // a new call starts clean
        QVERIFY(QTest::qWaitFor([&] { return !holder.busy(); }, 5000));
        QVERIFY(!ran);
        QVERIFY2(holder.error().contains(QStringLiteral("HTTP 204")), qPrintable(holder.error()));
        QVERIFY(errors.size() >= 3);
    }

    // A fan-out (a wallet's parts): a new round cancels the old one's calls and drops their
    // answers; onDone runs once, after the last call, counting calls added from a continuation.
    void groupCancelsTheRoundItReplaces() {
        FakeNetwork network;
        network.setResponder([](const SeenRequest &r) {
            return r.url.path().endsWith(QLatin1String("/slow")) ? ScriptedReply::hanging()
                                                                 : ScriptedReply::json(200, kLedgerPage);
        });
        AbortCounter counter(&network);
        auto client = clientOn(&network);
        QObject owner;
        CallGroup group(&owner);
        int oldAnswers = 0, oldDone = 0;
        group.begin([&] { ++oldDone; });
        group.add(client->ledger().v2().getLedger({QStringLiteral("slow")}),
                  [&](const auto &) { ++oldAnswers; });
        group.add(client->ledger().v2().listLedgers({}), [&](const auto &) { ++oldAnswers; });
        QVERIFY(group.busy());

        int answers = 0, done = 0, answersAtDone = -1;
        group.begin([&] {
            ++done;
            answersAtDone = answers;
        });
        group.add(client->ledger().v2().listLedgers({}),
                  [&](const Result<Ledger::V2::V2ListLedgersResponse> &r) {
                      QVERIFY(r);
                      ++answers;
                      // A part found by a part: the round waits for it too.
                      group.add(client->ledger().v2().listLedgers({}), [&](const auto &) { ++answers; });
                  });
        QVERIFY(QTest::qWaitFor([&] { return !group.busy(); }, 5000));
        QCOMPARE(done, 1);
        QCOMPARE(answersAtDone, 2);
        QCOMPARE(oldAnswers, 0); // the superseded round's answers never reached their continuations
        QCOMPARE(oldDone, 0);
        QTRY_VERIFY(counter.aborted >= 1); // its hanging request was aborted, not left to run on
    }

    void reloadCancelsTheInFlightPage() {
        FakeNetwork network;
        int seen = 0;
        network.setResponder([&](const SeenRequest &r) {
            if (r.url.path() == QLatin1String("/versions"))
                return ScriptedReply::hanging();
            return ++seen == 1 ? ScriptedReply::hanging() : ScriptedReply::json(200, kLedgerPage);
        });
        AbortCounter counter(&network);
        Session session(nullptr);
        session.adopt(clientOn(&network), QStringLiteral("fake"), QStringLiteral("staging"), false);
        LedgersModel ledgers;
        QAbstractItemModelTester tester(&ledgers, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ledgers.setSession(&session);
        QTRY_VERIFY(ledgers.loading());
        QTRY_COMPARE(seen, 1); // the first page, hanging
        ledgers.reload();
        QTRY_COMPARE(counter.aborted, 1);
        QTRY_VERIFY(!ledgers.loading());
        QCOMPARE(ledgers.count(), 1);
        QCOMPARE(ledgers.value(0, QStringLiteral("name")).toString(), QStringLiteral("main"));
        QCOMPARE(ledgers.find(QStringLiteral("name"), QStringLiteral("main")), 0);
        QCOMPARE(ledgers.find(QStringLiteral("name"), QStringLiteral("other")), -1);
        // The date follows the locale as every list does (day first in French), not ISO.
        const QLocale before;
        QLocale::setDefault(QLocale(QStringLiteral("fr_FR")));
        const QDateTime added = QDateTime::fromString(QStringLiteral("2024-11-13T10:00:00Z"), Qt::ISODate);
        QCOMPARE(ledgers.value(0, QStringLiteral("addedAt")).toString(),
                 added.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm:ss")));
        QLocale::setDefault(before);
    }

    void controllerHasARealSessionProperty() {
        FakeNetwork network;
        network.setResponder([](const SeenRequest &) { return ScriptedReply::hanging(); });
        Session session(nullptr);
        LedgerController controller;
        QSignalSpy sessionChanged(&controller, &Controller::sessionChanged);
        QSignalSpy writableChanged(&controller, &Controller::writableChanged);
        QVERIFY(controller.setProperty("session", QVariant::fromValue(&session)));
        QCOMPARE(sessionChanged.size(), 1);
        QCOMPARE(controller.session(), &session);
        QVERIFY(!controller.writable()); // not connected
        session.adopt(clientOn(&network), QStringLiteral("fake"), QStringLiteral("staging"), false);
        QVERIFY(controller.writable());
        session.adopt(clientOn(&network), QStringLiteral("fake"), QStringLiteral("staging"), true);
        QVERIFY(!controller.writable()); // read-only
        QVERIFY(writableChanged.size() >= 2);
        controller.create(QStringLiteral("new"), {}, {});
        QCOMPARE(controller.error(), QStringLiteral("This profile is read-only."));
        QVERIFY(!controller.busy());
    }

    void oneProductionConfirmationRule() {
        FakeNetwork network;
        network.setResponder([](const SeenRequest &) { return ScriptedReply::hanging(); });
        Session session(nullptr);
        session.adopt(clientOn(&network), QStringLiteral("fake"), QStringLiteral("staging"), false);
        QCOMPARE(session.stage(), Session::Stage::Staging);
        QVERIFY(session.confirmationMatches(QString(), QStringLiteral("main"))); // only production asks
        session.adopt(clientOn(&network), QStringLiteral("fake"), QStringLiteral("production"), false);
        QCOMPARE(session.stage(), Session::Stage::Production);
        QVERIFY(session.production());
        QVERIFY(!session.confirmationMatches(QString(), QStringLiteral("main")));
        QVERIFY(!session.confirmationMatches(QStringLiteral("Main"), QStringLiteral("main"))); // case counts
        QVERIFY(!session.confirmationMatches(QStringLiteral("mai"), QStringLiteral("main")));
        QVERIFY(
            session.confirmationMatches(QStringLiteral("  main "), QStringLiteral("main"))); // spaces do not
        QVERIFY(!session.confirmationMatches(QString(), QString())); // nothing to name
        // Controllers ask the same rule with their own name (a revert: the ledger's).
        TransactionDetailController detail;
        detail.setProperty("session", QVariant::fromValue(&session));
        detail.setProperty("ledger", QStringLiteral("main"));
        QVERIFY(detail.confirmationMatches(QStringLiteral(" main")));
        QVERIFY(!detail.confirmationMatches(QStringLiteral("other")));
    }

    void stageNames() {
        QCOMPARE(Session::stageFromName(QStringLiteral("production")), Session::Stage::Production);
        QCOMPARE(Session::stageFromName(QStringLiteral("staging")), Session::Stage::Staging);
        QCOMPARE(Session::stageFromName(QStringLiteral("anything")), Session::Stage::Development);
        QCOMPARE(Session::stageToName(Session::Stage::Production), QStringLiteral("production"));
        // What the status bar shows is translated; the name profiles store is not.
        QCOMPARE(Session::stageToLabel(Session::Stage::Staging), QStringLiteral("staging"));
        QTranslator french;
        QVERIFY(french.load(QLocale(QStringLiteral("fr")), QStringLiteral("formance-desk"),
                            QStringLiteral("_"), QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&french);
        QCOMPARE(Session::stageToLabel(Session::Stage::Staging), QString::fromUtf8("préproduction"));
        QCOMPARE(Session::stageToLabel(Session::Stage::Development), QString::fromUtf8("développement"));
        QCOMPARE(Session::stageToName(Session::Stage::Staging), QStringLiteral("staging"));
        QCoreApplication::removeTranslator(&french);
    }

    void servicesTheStackDoesNotReportAreHidden() {
        FakeNetwork network;
        network.setResponder([](const SeenRequest &r) {
            if (r.url.path() == QLatin1String("/versions"))
                return ScriptedReply::json(
                    200,
                    R"({"region":"local","env":"test","versions":[{"name":"ledger","version":"v2.1.0","health":true}]})");
            return ScriptedReply::hanging();
        });
        Session session(nullptr);
        QSignalSpy services(&session, &Session::servicesChanged);
        session.adopt(clientOn(&network), QStringLiteral("fake"), QStringLiteral("staging"), false);
        QVERIFY(session.hasService(QStringLiteral("wallets"))); // not known yet: nothing hidden
        QTRY_VERIFY(session.servicesKnown());
        QCOMPARE(session.services(), QStringList{QStringLiteral("ledger")});
        QVERIFY(session.hasService(QStringLiteral("ledger")));
        QVERIFY(!session.hasService(QStringLiteral("wallets")));
        session.disconnectFromStack();
        QVERIFY(!session.servicesKnown());
        QVERIFY(services.size() >= 3);
    }

    // Features pick their operations by the generation each service speaks (getVersions).
    void eachServiceHasTheGenerationItsVersionSpeaks() {
        FakeNetwork network;
        network.setResponder([](const SeenRequest &r) {
            if (r.url.path() == QLatin1String("/versions"))
                return ScriptedReply::json(200, R"({"region":"local","env":"test","versions":[)"
                                                R"({"name":"ledger","version":"v2.1.4","health":true},)"
                                                R"({"name":"payments","version":"v3.0.2","health":true},)"
                                                R"({"name":"wallets","version":"v2.1.0","health":true}]})");
            return ScriptedReply::hanging();
        });
        Session session(nullptr);
        session.adopt(clientOn(&network), QStringLiteral("fake"), QStringLiteral("staging"), false);
        QCOMPARE(session.generationOf(QStringLiteral("payments")), QString()); // not known yet
        QTRY_VERIFY(session.servicesKnown());
        QCOMPARE(session.generationOf(QStringLiteral("ledger")), QStringLiteral("v2.1"));
        QCOMPARE(session.generationOf(QStringLiteral("payments")), QStringLiteral("v3.0"));
        QCOMPARE(session.generationOf(QStringLiteral("wallets")), QString()); // the same in both
        QCOMPARE(session.serviceVersions().value(QStringLiteral("payments")).toString(),
                 QStringLiteral("v3.0.2"));
        session.disconnectFromStack();
        QCOMPARE(session.generationOf(QStringLiteral("payments")), QString());
    }
};

QTEST_GUILESS_MAIN(TestAppCore)
#include "tst_app_core.moc"
