// The Webhooks screen end to end against the embedded sandbox with its demo seed: the config list
// (QAbstractItemModelTester watching it), pausing and activating, a test delivery to the demo's
// unreachable endpoint, the create form's checks, a new secret, delete, and the read-only guard.
#include "AppFixture.h"
#include "webhooks/WebhookConfigController.h"
#include "webhooks/WebhookConfigsModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Formance;

using namespace AppTest;

namespace {
const QString kUnreachable = QStringLiteral("http://127.0.0.1:9/ledger-events");
const QString kPaused = QStringLiteral("http://127.0.0.1:9/payments-events");
} // namespace

// Each test makes what it changes (its own config) and finds the demo's by endpoint, so any
// test runs alone.
class TestWebhooks : public QObject {
    Q_OBJECT
    Fixture m_fixture;

    bool loadAndWait(WebhookConfigController &c, const QString &id) {
        c.setSession(m_fixture.session());
        c.setConfigId(id);
        c.load();
        return idle(c) && c.loaded();
    }

    QList<QString> listedIds() {
        WebhookConfigsModel configs;
        configs.setSession(m_fixture.session());
        if (!drain(configs))
            return {};
        QList<QString> ids;
        for (int i = 0; i < configs.count(); ++i)
            ids.append(configs.idAt(i));
        return ids;
    }

    // The id of the config posting to `endpoint` (the demo seeds two).
    QString idOf(const QString &endpoint) {
        WebhookConfigsModel configs;
        configs.setSession(m_fixture.session());
        configs.setEndpointFilter(endpoint);
        if (!drain(configs) || configs.count() == 0)
            return {};
        return configs.idAt(0);
    }

    // A config of this test's own, on an endpoint nobody listens to.
    QString createConfig() {
        WebhookConfigController c;
        c.setSession(m_fixture.session());
        QSignalSpy created(&c, &WebhookConfigController::created);
        c.create(QStringLiteral("desk-test"),
                 QStringLiteral("http://127.0.0.1:9/") + Fixture::unique(QStringLiteral("hook")),
                 QStringLiteral("ledger.committed_transactions, ledger.reverted_transaction"), QString());
        if (!idle(c) || created.size() != 1)
            return {};
        return created.constFirst().constFirst().toString();
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fixture.start(true, &error), qPrintable(error));
    }
    void init() { m_fixture.adopt(QStringLiteral("staging"), false); }

    void listsTheDemoConfigs() {
        WebhookConfigsModel configs;
        QAbstractItemModelTester tester(&configs, QAbstractItemModelTester::FailureReportingMode::QtTest);
        configs.setSession(m_fixture.session());
        QVERIFY(drain(configs));
        QCOMPARE(configs.error(), QString());
        QMap<QString, QString> ids; // endpoint → id
        for (int i = 0; i < configs.count(); ++i)
            ids.insert(configs.endpointAt(i), configs.idAt(i));
        QVERIFY(ids.contains(kUnreachable));
        QVERIFY(ids.contains(kPaused));
        const QModelIndex unreachable = configs.index(configs.rowOf(ids.value(kUnreachable)));
        QCOMPARE(unreachable.data(WebhookConfigsModel::ActiveRole).toBool(), true);
        QCOMPARE(unreachable.data(WebhookConfigsModel::EventTypesRole).toStringList(),
                 QStringList{QStringLiteral("ledger.committed_transactions")});
        QVERIFY(!unreachable.data(WebhookConfigsModel::CreatedAtRole).toString().isEmpty());
        const QModelIndex paused = configs.index(configs.rowOf(ids.value(kPaused)));
        QCOMPARE(paused.data(WebhookConfigsModel::ActiveRole).toBool(), false);
        QCOMPARE(paused.data(WebhookConfigsModel::EventTypesRole).toStringList().size(), 2);

        // The endpoint filter narrows the list to the one config posting there.
        configs.setEndpointFilter(kPaused);
        QVERIFY(QTest::qWaitFor([&] { return configs.count() == 1 && !configs.loading(); }, 30000));
        QCOMPARE(configs.idAt(0), ids.value(kPaused));
    }

    void deactivateThenActivate() {
        const QString id = createConfig();
        QVERIFY(!id.isEmpty());
        WebhookConfigController c;
        QVERIFY(loadAndWait(c, id));
        QCOMPARE(c.active(), true);
        QSignalSpy changed(&c, &WebhookConfigController::configChanged);
        c.deactivate();
        QVERIFY(idle(c));
        QCOMPARE(c.error(), QString());
        QCOMPARE(c.active(), false);
        QCOMPARE(changed.size(), 1);
        QVERIFY(loadAndWait(c, id));
        QCOMPARE(c.active(), false);
        c.activate();
        QVERIFY(idle(c));
        QCOMPARE(c.error(), QString());
        QCOMPARE(c.active(), true);
        QCOMPARE(changed.size(), 2);
    }

    void testingTheUnreachableConfigShowsAFailedAttempt() {
        WebhookConfigController c;
        QVERIFY(loadAndWait(c, idOf(kUnreachable)));
        c.test();
        QVERIFY(idle(c));
        QCOMPARE(c.error(), QString());
        const QVariantMap attempt = c.attempt();
        QCOMPARE(attempt.value("status").toString(), QStringLiteral("failed"));
        QCOMPARE(attempt.value("ok").toBool(), false);
        QCOMPARE(attempt.value("statusCode").toInt(), 0);
        QVERIFY2(attempt.value("summary").toString().contains(QStringLiteral("could not be reached")),
                 qPrintable(attempt.value("summary").toString()));
        QVERIFY(attempt.value("payload").toString().contains(QStringLiteral("test")));
    }

    void createRefusesABadFormThenCreates() {
        WebhookConfigController c;
        c.setSession(m_fixture.session());
        QSignalSpy created(&c, &WebhookConfigController::created);
        const qsizetype before = listedIds().size();
        c.create(QStringLiteral("bad"), QStringLiteral("ftp://example.com/hook"),
                 QStringLiteral("ledger.committed_transactions"), QString());
        QVERIFY(!c.busy());
        QVERIFY2(c.formError().contains(QStringLiteral("http")), qPrintable(c.formError()));
        c.create(QStringLiteral("bad"), QStringLiteral("not a url"), QStringLiteral("x.y"), QString());
        QVERIFY(!c.formError().isEmpty());
        c.create(QStringLiteral("bad"), QStringLiteral("https://example.com/hook"), QStringLiteral(" , "),
                 QString());
        QVERIFY2(c.formError().contains(QStringLiteral("event type")), qPrintable(c.formError()));
        // A secret in the wrong format is refused here, in words, not with the server's message.
        c.create(QStringLiteral("bad"), QStringLiteral("https://example.com/hook"),
                 QStringLiteral("ledger.committed_transactions"), QStringLiteral("not-base64!"));
        QVERIFY2(c.formError().contains(QStringLiteral("24 random bytes")), qPrintable(c.formError()));
        QCOMPARE(created.size(), 0);
        QCOMPARE(listedIds().size(), before);

        c.create(QStringLiteral("desk-test"), QStringLiteral("http://127.0.0.1:9/desk"),
                 QStringLiteral("ledger.committed_transactions, ledger.reverted_transaction"), QString());
        QVERIFY(idle(c));
        QCOMPARE(c.formError(), QString());
        QCOMPARE(created.size(), 1);
        const QString id = created.constFirst().constFirst().toString();
        QCOMPARE(c.configId(), id);
        QVERIFY(!c.newSecret().isEmpty()); // generated, shown once
        QCOMPARE(c.eventTypes().size(), 2);
        QVERIFY(listedIds().contains(id));
    }

    void changeSecretGivesANewOne() {
        WebhookConfigController c;
        QVERIFY(loadAndWait(c, createConfig()));
        QCOMPARE(c.newSecret(), QString()); // a loaded config never shows its secret
        c.changeSecret(QStringLiteral("short"));
        QVERIFY2(c.error().contains(QStringLiteral("24 random bytes")), qPrintable(c.error()));
        QVERIFY(!c.busy());
        c.changeSecret(QString());
        QVERIFY(idle(c));
        QCOMPARE(c.error(), QString());
        const QString first = c.newSecret();
        QVERIFY(!first.isEmpty());
        c.changeSecret(QString());
        QVERIFY(idle(c));
        QVERIFY(!c.newSecret().isEmpty());
        QVERIFY(c.newSecret() != first);
        c.forgetSecret();
        QCOMPARE(c.newSecret(), QString());
    }

    void deleteRemovesIt() {
        const QString id = createConfig();
        QVERIFY(!id.isEmpty());
        const qsizetype before = listedIds().size();
        WebhookConfigController c;
        QVERIFY(loadAndWait(c, id));
        QSignalSpy removed(&c, &WebhookConfigController::removed);
        c.remove();
        QVERIFY(idle(c));
        QCOMPARE(c.error(), QString());
        QCOMPARE(removed.size(), 1);
        const auto ids = listedIds();
        QCOMPARE(ids.size(), before - 1);
        QVERIFY(!ids.contains(id));
    }

    void productionAsksForTheEndpoint() {
        m_fixture.adopt(QStringLiteral("production"), false);
        WebhookConfigController c;
        QVERIFY(loadAndWait(c, idOf(kPaused)));
        QVERIFY(!c.confirmationMatches(QString()));
        QVERIFY(!c.confirmationMatches(QStringLiteral("demo-paused")));
        QVERIFY(c.confirmationMatches(kPaused));
    }

    void readOnlyRefusesEveryChange() {
        const QString paused = idOf(kPaused);
        const qsizetype before = listedIds().size();
        m_fixture.adopt(QStringLiteral("staging"), true);
        WebhookConfigController c;
        QVERIFY(loadAndWait(c, paused));
        const QString readOnly = QStringLiteral("read-only");
        c.activate();
        QVERIFY(c.error().contains(readOnly));
        c.changeSecret(QString());
        QVERIFY(c.error().contains(readOnly));
        c.test();
        QVERIFY(c.error().contains(readOnly));
        c.remove();
        QVERIFY(c.error().contains(readOnly));
        c.create(QString(), QStringLiteral("https://example.com/x"), QStringLiteral("a.b"), QString());
        QVERIFY(c.formError().contains(readOnly));
        QVERIFY(!c.busy());
        QVERIFY(loadAndWait(c, paused));
        QCOMPARE(c.active(), false);
        QCOMPARE(listedIds().size(), before);
    }

    void cleanupTestCase() { m_fixture.stop(); }
};

QTEST_MAIN(TestWebhooks)
#include "tst_webhooks.moc"
