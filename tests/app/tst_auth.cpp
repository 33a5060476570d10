// OAuth clients and users end to end against the embedded sandbox: the lists
// (QAbstractItemModelTester watching), creating a client with scopes, editing it, a new secret
// that works for a token and is held only until forgotten, deleting a secret and a client, the
// form's inline check, a read-only profile refusing every write, production asking for the name.
#include "AppFixture.h"
#include "auth/AuthClientController.h"
#include "auth/AuthClientsModel.h"
#include <Formance/auth/v1/AuthV1Api.h>
#include <Formance/ledger/v2/LedgerV2Api.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Formance;
using namespace AppTest;

class TestAuth : public QObject {
    Q_OBJECT
    Fixture m_fixture;

    QString createClient(AuthClientController &c, const QString &name) {
        c.setSession(m_fixture.session());
        QSignalSpy created(&c, &AuthClientController::created);
        c.create(name, QStringLiteral("made by the desk tests"), QStringLiteral("ledger:read, ledger:write"));
        if (!idle(c) || created.size() != 1)
            return {};
        return created.constFirst().constFirst().toString();
    }
    int rowOf(AuthClientsModel &clients, const QString &id) {
        clients.reload();
        if (!drain(clients))
            return -2;
        return clients.find(QStringLiteral("clientId"), id);
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fixture.start(true, &error), qPrintable(error));
    }
    void init() { m_fixture.adopt(QStringLiteral("staging"), false); }

    void listsClientsAndUsers() {
        AuthClientsModel clients;
        QAbstractItemModelTester tester(&clients, QAbstractItemModelTester::FailureReportingMode::QtTest);
        clients.setSession(m_fixture.session());
        QVERIFY(drain(clients));
        QCOMPARE(clients.error(), QString());
        QVERIFY(clients.count() > 0);

        UsersModel users;
        QAbstractItemModelTester usersTester(&users, QAbstractItemModelTester::FailureReportingMode::QtTest);
        users.setSession(m_fixture.session());
        QVERIFY(drain(users));
        QCOMPARE(users.error(), QString());
        QVERIFY(users.count() > 0);
        UserController user;
        user.setSession(m_fixture.session());
        user.setUserId(users.row(0).id);
        user.load();
        QVERIFY(idle(user));
        QVERIFY(user.loaded());
        QCOMPARE(user.email(), users.row(0).email);
        QCOMPARE(user.subject(), users.row(0).subject);
    }

    void createEditSecretAndDelete() {
        AuthClientController c;
        const QString name = Fixture::unique(QStringLiteral("desk-client"));
        const QString id = createClient(c, name);
        QVERIFY(!id.isEmpty());
        QCOMPARE(c.name(), name);
        QCOMPARE(c.scopes(), QStringList({QStringLiteral("ledger:read"), QStringLiteral("ledger:write")}));
        AuthClientsModel clients;
        clients.setSession(m_fixture.session());
        QVERIFY(rowOf(clients, id) >= 0);

        // Edit: name and scopes.
        QSignalSpy saved(&c, &AuthClientController::saved);
        c.update(name + QStringLiteral("-2"), QStringLiteral("edited"), QStringLiteral("ledger:read"));
        QVERIFY(idle(c));
        QCOMPARE(saved.size(), 1);
        auto read = m_fixture.client().auth().v1().readClient({id}).result();
        QVERIFY(read && read->body.data);
        QCOMPARE(read->body.data->name, name + QStringLiteral("-2"));
        QCOMPARE(read->body.data->scopes.value_or(QList<QString>()),
                 QList<QString>{QStringLiteral("ledger:read")});

        // A new secret: shown once, and it really gets a token.
        QSignalSpy secretCreated(&c, &AuthClientController::secretCreated);
        c.createSecret(QStringLiteral("ci"));
        QVERIFY(idle(c));
        QCOMPARE(secretCreated.size(), 1);
        const QString secret = c.newSecret();
        QVERIFY(!secret.isEmpty());
        QCOMPARE(c.secrets().size(), 1);
        QVERIFY(secret.endsWith(c.secrets().constFirst().toMap().value("lastDigits").toString()));
        SdkConfig config = m_fixture.config();
        config.credentials = ClientCredentials{id, secret, {}};
        Client other(config);
        QVERIFY(other.ledger().v2().listLedgers({}).result());
        c.forgetSecret();
        QCOMPARE(c.newSecret(), QString());
        // Reading the client again never brings a clear value back.
        c.load();
        QVERIFY(idle(c));
        QCOMPARE(c.newSecret(), QString());

        // Delete the secret, then the client.
        const QString secretId = secretCreated.constFirst().constFirst().toString();
        c.deleteSecret(secretId);
        QVERIFY(idle(c));
        QVERIFY(idle(c));
        QCOMPARE(c.secrets().size(), 0);
        QSignalSpy removed(&c, &AuthClientController::removed);
        c.remove();
        QVERIFY(idle(c));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(rowOf(clients, id), -1);
    }

    void formIsCheckedInline() {
        AuthClientController c;
        c.setSession(m_fixture.session());
        c.create(QStringLiteral("  "), {}, {});
        QVERIFY(!c.formError().isEmpty());
        QVERIFY(!c.busy());
        QCOMPARE(AuthClientController::splitScopes(QStringLiteral("a b,c\nb")),
                 QStringList({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    }

    void readOnlyRefusesEveryWrite() {
        AuthClientController existing;
        const QString id = createClient(existing, Fixture::unique(QStringLiteral("ro")));
        QVERIFY(!id.isEmpty());
        m_fixture.adopt(QStringLiteral("staging"), true);
        AuthClientController c;
        c.setSession(m_fixture.session());
        c.create(QStringLiteral("nope"), {}, {});
        QVERIFY(c.formError().contains(QLatin1String("read-only")));
        c.setClientId(id);
        c.update(QStringLiteral("renamed"), {}, {});
        QVERIFY(c.error().contains(QLatin1String("read-only")));
        c.createSecret(QStringLiteral("x"));
        QVERIFY(c.error().contains(QLatin1String("read-only")));
        c.remove();
        QVERIFY(c.error().contains(QLatin1String("read-only")));
        QVERIFY(!c.busy());
        auto read = m_fixture.client().auth().v1().readClient({id}).result();
        QVERIFY(read && read->body.data);
        QVERIFY(read->body.data->name != QLatin1String("renamed"));
        QVERIFY(read->body.data->secrets.value_or(QList<Models::ClientSecret>()).isEmpty());
    }

    void productionAsksForTheClientsName() {
        AuthClientController c;
        const QString name = Fixture::unique(QStringLiteral("prod"));
        QVERIFY(!createClient(c, name).isEmpty());
        m_fixture.adopt(QStringLiteral("production"), false);
        QVERIFY(!c.confirmationMatches(QStringLiteral("other")));
        QVERIFY(c.confirmationMatches(name));
    }
};

QTEST_MAIN(TestAuth)
#include "tst_auth.moc"
