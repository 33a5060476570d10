// The Webhooks screen end to end against the embedded sandbox with its demo seed: the config list
// (QAbstractItemModelTester watching it), pausing and activating, a test delivery to the demo's
// unreachable endpoint, the create form's checks, a new secret, delete, and the read-only guard.
#include "Client.h"
#include "SandboxThread.h"
#include "controllers/Session.h"
#include "controllers/WebhookConfigController.h"
#include "models/WebhookConfigsModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Formance;

namespace {
const QString kUnreachable = QStringLiteral("http://127.0.0.1:9/ledger-events");
const QString kPaused = QStringLiteral("http://127.0.0.1:9/payments-events");

bool drain(PagedListModel &model, int timeoutMs = 30000) {
    return QTest::qWaitFor(
        [&] {
            if (model.canFetchMore({}))
                model.fetchMore({});
            return !model.loading() && !model.canFetchMore({});
        },
        timeoutMs);
}

bool idle(WebhookConfigController &c) {
    return QTest::qWaitFor([&] { return !c.busy(); }, 30000);
}
} // namespace

class TestWebhooks : public QObject {
    Q_OBJECT
    Sandbox::SandboxThread m_sandbox;
    Session *m_session = nullptr;
    QMap<QString, QString> m_ids; // endpoint → config id

    void adopt(const QString &stage, bool readOnly) {
        SdkConfig config;
        config.server = ServerConfig::fromUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_sandbox.port()));
        config.credentials =
            ClientCredentials{QStringLiteral("webhooks-test"), QStringLiteral("webhooks-secret"), {}};
        m_session->adopt(std::make_unique<Client>(config), QStringLiteral("test"), stage, readOnly);
    }

    bool loadAndWait(WebhookConfigController &c, const QString &id) {
        c.setProperty("session", QVariant::fromValue(m_session));
        c.setConfigId(id);
        c.load();
        return idle(c) && c.loaded();
    }

    QList<QString> listedIds() {
        WebhookConfigsModel configs;
        configs.setSession(m_session);
        if (!drain(configs))
            return {};
        QList<QString> ids;
        for (int i = 0; i < configs.count(); ++i)
            ids.append(configs.idAt(i));
        return ids;
    }

private slots:
    void initTestCase() {
        QString error;
        Sandbox::Options options;
        options.seed = QStringLiteral("demo");
        options.clientId = QStringLiteral("webhooks-test");
        options.clientSecret = QStringLiteral("webhooks-secret");
        QVERIFY2(m_sandbox.start(options, &error), qPrintable(error));
        m_session = new Session(this);
        adopt(QStringLiteral("staging"), false);
    }

    void listsTheDemoConfigs() {
        WebhookConfigsModel configs;
        QAbstractItemModelTester tester(&configs, QAbstractItemModelTester::FailureReportingMode::QtTest);
        configs.setSession(m_session);
        QVERIFY(drain(configs));
        QCOMPARE(configs.error(), QString());
        QCOMPARE(configs.count(), 2);
        for (int i = 0; i < configs.count(); ++i)
            m_ids.insert(configs.endpointAt(i), configs.idAt(i));
        QVERIFY(m_ids.contains(kUnreachable));
        QVERIFY(m_ids.contains(kPaused));
        const QModelIndex unreachable = configs.index(configs.rowOf(m_ids.value(kUnreachable)));
        QCOMPARE(unreachable.data(WebhookConfigsModel::ActiveRole).toBool(), true);
        QCOMPARE(unreachable.data(WebhookConfigsModel::EventTypesRole).toStringList(),
                 QStringList{QStringLiteral("ledger.committed_transactions")});
        QVERIFY(!unreachable.data(WebhookConfigsModel::CreatedAtRole).toString().isEmpty());
        const QModelIndex paused = configs.index(configs.rowOf(m_ids.value(kPaused)));
        QCOMPARE(paused.data(WebhookConfigsModel::ActiveRole).toBool(), false);
        QCOMPARE(paused.data(WebhookConfigsModel::EventTypesRole).toStringList().size(), 2);

        // The endpoint filter narrows the list to the one config posting there.
        configs.setEndpointFilter(kPaused);
        QVERIFY(QTest::qWaitFor([&] { return configs.count() == 1 && !configs.loading(); }, 30000));
        QCOMPARE(configs.idAt(0), m_ids.value(kPaused));
    }

    void deactivateThenActivate() {
        WebhookConfigController c;
        QVERIFY(loadAndWait(c, m_ids.value(kUnreachable)));
        QCOMPARE(c.active(), true);
        QCOMPARE(c.endpoint(), kUnreachable);
        QSignalSpy changed(&c, &WebhookConfigController::configChanged);
        c.deactivate();
        QVERIFY(idle(c));
        QCOMPARE(c.error(), QString());
        QCOMPARE(c.active(), false);
        QCOMPARE(changed.size(), 1);
        QVERIFY(loadAndWait(c, m_ids.value(kUnreachable)));
        QCOMPARE(c.active(), false);
        c.activate();
        QVERIFY(idle(c));
        QCOMPARE(c.error(), QString());
        QCOMPARE(c.active(), true);
        QCOMPARE(changed.size(), 2);
    }

    void testingTheUnreachableConfigShowsAFailedAttempt() {
        WebhookConfigController c;
        QVERIFY(loadAndWait(c, m_ids.value(kUnreachable)));
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
        c.setProperty("session", QVariant::fromValue(m_session));
        QSignalSpy created(&c, &WebhookConfigController::created);
        c.create(QStringLiteral("bad"), QStringLiteral("ftp://example.com/hook"),
                 QStringLiteral("ledger.committed_transactions"), QString());
        QVERIFY(!c.busy());
        QVERIFY2(c.formError().contains(QStringLiteral("http")), qPrintable(c.formError()));
        c.create(QStringLiteral("bad"), QStringLiteral("not a url"), QStringLiteral("x.y"), QString());
        QVERIFY(!c.formError().isEmpty());
        c.create(QStringLiteral("bad"), QStringLiteral("https://example.com/hook"), QStringLiteral(" , "),
                 QString());
        QVERIFY2(c.formError().contains(QStringLiteral("event type")), qPrintable(c.formError()));
        QCOMPARE(created.size(), 0);
        QCOMPARE(listedIds().size(), 2);

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
        m_ids.insert(QStringLiteral("created"), id);
    }

    void changeSecretGivesANewOne() {
        WebhookConfigController c;
        QVERIFY(loadAndWait(c, m_ids.value(QStringLiteral("created"))));
        QCOMPARE(c.newSecret(), QString()); // a loaded config never shows its secret
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
        const QString id = m_ids.value(QStringLiteral("created"));
        WebhookConfigController c;
        QVERIFY(loadAndWait(c, id));
        QSignalSpy removed(&c, &WebhookConfigController::removed);
        c.remove();
        QVERIFY(idle(c));
        QCOMPARE(c.error(), QString());
        QCOMPARE(removed.size(), 1);
        const auto ids = listedIds();
        QCOMPARE(ids.size(), 2);
        QVERIFY(!ids.contains(id));
    }

    void productionAsksForTheEndpoint() {
        adopt(QStringLiteral("production"), false);
        WebhookConfigController c;
        QVERIFY(loadAndWait(c, m_ids.value(kPaused)));
        QVERIFY(!c.confirmationMatches(QString()));
        QVERIFY(!c.confirmationMatches(QStringLiteral("demo-paused")));
        QVERIFY(c.confirmationMatches(kPaused));
        adopt(QStringLiteral("staging"), false);
    }

    void readOnlyRefusesEveryChange() {
        adopt(QStringLiteral("staging"), true);
        WebhookConfigController c;
        QVERIFY(loadAndWait(c, m_ids.value(kPaused)));
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
        QVERIFY(loadAndWait(c, m_ids.value(kPaused)));
        QCOMPARE(c.active(), false);
        QCOMPARE(listedIds().size(), 2);
        adopt(QStringLiteral("staging"), false);
    }

    void cleanupTestCase() { m_sandbox.stop(); }
};

QTEST_MAIN(TestWebhooks)
#include "tst_webhooks.moc"
