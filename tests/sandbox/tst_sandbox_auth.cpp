// Auth v1 of the sandbox, end to end through the SDK: OAuth clients and their secrets, users, and
// stored clients obtaining tokens at the token endpoint.
#include "SandboxFixture.h"

#include "Server.h"
#include "ledger/LedgerStore.h"
#include <Formance/Sdk.h>

#include <QSqlRecord>

using namespace SandboxTest;
using namespace Formance::Auth::V1;

class TestSandboxAuth : public QObject {
    Q_OBJECT
    Fixture f;

    // Straight to the sandbox: the token endpoint is not part of the spec (Prism cannot proxy it).
    Reply token(const QString &id, const QString &secret) {
        HttpRequest r = request("POST", "/api/auth/oauth/token",
                                "grant_type=client_credentials&client_id=" + QUrl::toPercentEncoding(id) +
                                    "&client_secret=" + QUrl::toPercentEncoding(secret));
        r.contentType = "application/x-www-form-urlencoded";
        r.authenticated = false;
        return toReply(f.direct->send(r).result());
    }
    Reply tokenBasic(const QString &id, const QString &secret) {
        HttpRequest r = request(
            "POST", "/api/auth/oauth/token", "grant_type=client_credentials", {},
            {{"Authorization",
              "Basic " + (QUrl::toPercentEncoding(id) + ':' + QUrl::toPercentEncoding(secret)).toBase64()}});
        r.contentType = "application/x-www-form-urlencoded";
        r.authenticated = false;
        return toReply(f.direct->send(r).result());
    }
    // Off-spec requests go around Prism, which would refuse them itself (422) when proxied.
    Reply invalid(const QByteArray &method, const QString &path, const QByteArray &body) {
        return f.callDirect(method, path, body);
    }
    // So do refusals: the spec declares no error response for auth (only each operation's
    // success), so Prism flags every 404 as off-spec however well formed.
    Reply refused(const QByteArray &method, const QString &path, const QByteArray &body = {}) {
        return f.callDirect(method, path, body);
    }
    Formance::Models::ClientOptions options(const QString &name) {
        Formance::Models::ClientOptions o;
        o.name = name;
        return o;
    }
    QString createClient(const QString &name) {
        CreateClientRequest req;
        req.body = options(name);
        auto res = f.client->auth().v1().createClient(req).result();
        if (!res || !res->body.data)
            return {};
        return res->body.data->id;
    }

private slots:
    void initTestCase() { QVERIFY(f.start()); }
    void cleanupTestCase() { f.stop(); }

    void infoAndWellKnowns() {
        auto info = f.client->auth().v1().getServerInfo({}).result();
        QVERIFY2(info, qPrintable(info ? QString() : info.error().toString()));
        QVERIFY(!info->body.version.isEmpty());
        auto wk = f.client->auth().v1().getOidcWellKnowns({}).result();
        QVERIFY(wk);
        QCOMPARE(wk->statusCode, 200);
    }

    void fixedUsers() {
        auto list = f.client->auth().v1().listUsers({}).result();
        QVERIFY2(list, qPrintable(list ? QString() : list.error().toString()));
        QVERIFY(list->body.data);
        const auto &users = *list->body.data;
        QVERIFY(users.size() >= 1);
        bool admin = false;
        for (const auto &u : users)
            admin |= u.email && u.email->startsWith(QLatin1String("admin@"));
        QVERIFY(admin);
        ReadUserRequest req;
        req.userId = *users.first().id;
        auto one = f.client->auth().v1().readUser(req).result();
        QVERIFY(one);
        QCOMPARE(*one->body.data->id, *users.first().id);
        QCOMPARE(*one->body.data->email, *users.first().email);
        const Reply missing = refused("GET", "/api/auth/users/nobody");
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.errorCode(), QStringLiteral("NOT_FOUND"));
    }

    void clientLifecycle() {
        CreateClientRequest create;
        create.body = options(QStringLiteral("reporting"));
        create.body->description = QStringLiteral("nightly reports");
        create.body->scopes = QList<QString>{QStringLiteral("ledger:read")};
        create.body->metadata = Json::Any::fromJson(R"({"team":"finance","level":2})");
        auto created = f.client->auth().v1().createClient(create).result();
        QVERIFY2(created, qPrintable(created ? QString() : created.error().toString()));
        QCOMPARE(created->statusCode, 201);
        const auto &c = *created->body.data;
        QVERIFY(!c.id.isEmpty());
        QCOMPARE(c.name, QStringLiteral("reporting"));
        QCOMPARE(*c.description, QStringLiteral("nightly reports"));
        QCOMPARE(*c.scopes, QList<QString>{QStringLiteral("ledger:read")});
        QCOMPARE(c.public_.value_or(true), false);
        QVERIFY(!c.secrets || c.secrets->isEmpty());

        ReadClientRequest read;
        read.clientId = c.id;
        auto got = f.client->auth().v1().readClient(read).result();
        QVERIFY(got);
        QCOMPARE(got->body.data->name, QStringLiteral("reporting"));
        Reply raw = f.call("GET", "/api/auth/clients/" + c.id);
        QCOMPARE(raw.str({"data", "metadata", "team"}), QStringLiteral("finance"));
        QCOMPARE(raw.str({"data", "metadata", "level"}), QStringLiteral("2"));

        auto list = f.client->auth().v1().listClients({}).result();
        QVERIFY(list);
        bool listed = false;
        for (const auto &x : *list->body.data)
            listed |= x.id == c.id;
        QVERIFY(listed);

        // PUT replaces the options whole.
        UpdateClientRequest update;
        update.clientId = c.id;
        update.body = options(QStringLiteral("reporting-v2"));
        update.body->trusted = true;
        update.body->redirectUris = QList<QString>{QStringLiteral("http://127.0.0.1/cb")};
        auto updated = f.client->auth().v1().updateClient(update).result();
        QVERIFY2(updated, qPrintable(updated ? QString() : updated.error().toString()));
        QCOMPARE(updated->body.data->name, QStringLiteral("reporting-v2"));
        QCOMPARE(*updated->body.data->trusted, true);
        QVERIFY(!updated->body.data->description);
        QCOMPARE(*updated->body.data->redirectUris, QList<QString>{QStringLiteral("http://127.0.0.1/cb")});
        got = f.client->auth().v1().readClient(read).result();
        QCOMPARE(got->body.data->name, QStringLiteral("reporting-v2"));

        DeleteClientRequest del;
        del.clientId = c.id;
        auto deleted = f.client->auth().v1().deleteClient(del).result();
        QVERIFY(deleted);
        QCOMPARE(deleted->statusCode, 204);
        Reply gone = refused("GET", "/api/auth/clients/" + c.id);
        QCOMPARE(gone.status, 404);
        QCOMPARE(gone.errorCode(), QStringLiteral("NOT_FOUND"));
        QCOMPARE(refused("DELETE", "/api/auth/clients/" + c.id).status, 404);
    }

    void storedClientGetsTokensUntilItsSecretIsDeleted() {
        const QString id = createClient(QStringLiteral("machine"));
        QVERIFY(!id.isEmpty());
        CreateSecretRequest cs;
        cs.clientId = id;
        cs.body = Formance::Models::CreateSecretRequest{};
        cs.body->name = QStringLiteral("ci");
        auto secret = f.client->auth().v1().createSecret(cs).result();
        QVERIFY2(secret, qPrintable(secret ? QString() : secret.error().toString()));
        const auto s = *secret->body.data;
        QVERIFY(s.clear.size() >= 32);
        QCOMPARE(s.lastDigits, s.clear.right(4));
        QCOMPARE(s.name, QStringLiteral("ci"));

        // Later reads show the secret, never its clear value.
        Reply raw = f.call("GET", "/api/auth/clients/" + id);
        QCOMPARE(raw.json()["data"]["secrets"].size(), 1u);
        QVERIFY(!raw.body.contains(s.clear.toUtf8()));
        for (const Json::Value listed : raw.json()["data"]["secrets"].elements()) {
            QVERIFY(!listed["clear"].isValid());
            QCOMPARE(listed["id"].toString(), s.id);
            QCOMPARE(listed["lastDigits"].toString(), s.lastDigits);
        }
        // ... nor does the store: a salted hash only.
        bool clearStored = true;
        f.sandbox.runInServerThread([&](Sandbox::Server &srv) {
            QSqlQuery q = srv.store()->query(QStringLiteral("SELECT * FROM auth_client_secrets"));
            clearStored = false;
            while (q.next())
                for (int i = 0; i < q.record().count(); ++i)
                    clearStored |= q.value(i).toString().contains(s.clear) ||
                                   q.value(i).toByteArray().contains(s.clear.toUtf8());
        });
        QVERIFY(!clearStored);

        // A second SDK client with those credentials: it gets a token and calls the ledger.
        SdkConfig config = configFor(f.port());
        config.credentials = ClientCredentials{id, s.clear, {}};
        if (f.proxied())
            config.server = f.client->config().server;
        config.credentials->tokenUrl =
            QStringLiteral("http://127.0.0.1:%1/api/auth/oauth/token").arg(f.port());
        {
            Client machine(config);
            Formance::Ledger::V2::V2CreateLedgerRequest req;
            req.ledger = QStringLiteral("machine-books");
            auto res = machine.ledger().v2().createLedger(req).result();
            QVERIFY2(res, qPrintable(res ? QString() : res.error().toString()));
            auto ledgers = machine.ledger().v2().listLedgers({}).result();
            QVERIFY2(ledgers, qPrintable(ledgers ? QString() : ledgers.error().toString()));
        }
        QCOMPARE(token(id, s.clear).status, 200);
        QCOMPARE(tokenBasic(id, s.clear).status, 200);
        QCOMPARE(token(id, s.clear + "x").status, 401);
        QCOMPARE(token(id, QString()).status, 401);
        // The sandbox's own client still works alongside.
        QCOMPARE(token(QStringLiteral("sandbox"), QStringLiteral("sandbox-secret")).status, 200);

        // A second secret; deleting the first refuses it and keeps the second.
        cs.body->name = QStringLiteral("backup");
        auto second = f.client->auth().v1().createSecret(cs).result();
        QVERIFY(second);
        DeleteSecretRequest ds;
        ds.clientId = id;
        ds.secretId = s.id;
        auto deleted = f.client->auth().v1().deleteSecret(ds).result();
        QVERIFY2(deleted, qPrintable(deleted ? QString() : deleted.error().toString()));
        QCOMPARE(deleted->statusCode, 204);
        Reply denied = token(id, s.clear);
        QCOMPARE(denied.status, 401);
        QCOMPARE(tokenBasic(id, s.clear).status, 401);
        QCOMPARE(denied.str({"error"}), QStringLiteral("invalid_client"));
        QCOMPARE(token(id, second->body.data->clear).status, 200);
        {
            Client machine(config);
            auto res = machine.ledger().v2().listLedgers({}).result();
            QVERIFY(!res);
            QCOMPARE(res.error().kind(), Error::Kind::Auth);
        }
        QCOMPARE(refused("DELETE", QStringLiteral("/api/auth/clients/%1/secrets/%2").arg(id, s.id)).status,
                 404);

        // Deleting the client takes its secrets along.
        QCOMPARE(f.call("DELETE", "/api/auth/clients/" + id).status, 204);
        QCOMPARE(token(id, second->body.data->clear).status, 401);
    }

    void unknownIds() {
        const QString missing = QStringLiteral("00000000-0000-0000-0000-000000000000");
        for (const Reply &r :
             {refused("GET", "/api/auth/clients/" + missing),
              refused("PUT", "/api/auth/clients/" + missing, R"({"name":"x"})"),
              refused("DELETE", "/api/auth/clients/" + missing),
              refused("POST", "/api/auth/clients/" + missing + "/secrets", R"({"name":"x"})"),
              refused("DELETE", "/api/auth/clients/" + missing + "/secrets/" + missing)}) {
            QCOMPARE(r.status, 404);
            QCOMPARE(r.errorCode(), QStringLiteral("NOT_FOUND"));
        }
        const QString id = createClient(QStringLiteral("lonely"));
        const Reply r = refused("DELETE", "/api/auth/clients/" + id + "/secrets/" + missing);
        QCOMPARE(r.status, 404);
    }

    void invalidBodies() {
        const QString id = createClient(QStringLiteral("strict"));
        QVERIFY(!id.isEmpty());
        const QList<QByteArray> bad{"",
                                    "{",
                                    "[]",
                                    R"({})",
                                    R"({"name":""})",
                                    R"({"name":3})",
                                    R"({"name":"x","public":"yes"})",
                                    R"({"name":"x","scopes":[1]})",
                                    R"({"name":"x","redirectUris":"a"})",
                                    R"({"name":"x","metadata":"m"})",
                                    R"({"name":"x","description":false})"};
        for (const QByteArray &body : bad) {
            Reply r = invalid("POST", "/api/auth/clients", body);
            QVERIFY2(r.status == 400, body.constData());
            QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION"));
            r = invalid("PUT", "/api/auth/clients/" + id, body);
            QVERIFY2(r.status == 400, body.constData());
        }
        for (const QByteArray &body : {QByteArray(), QByteArray("{}"), QByteArray(R"({"name":1})"),
                                       QByteArray(R"({"name":"n","metadata":[]})")}) {
            const Reply r = invalid("POST", "/api/auth/clients/" + id + "/secrets", body);
            QVERIFY2(r.status == 400, body.constData());
            QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION"));
        }
        // Nothing was changed by the refusals.
        const Reply r = f.call("GET", "/api/auth/clients/" + id);
        QCOMPARE(r.str({"data", "name"}), QStringLiteral("strict"));
        QCOMPARE(r.json()["data"]["secrets"].size(), 0u);
    }

    void demoSeed() {
        QTemporaryDir dir;
        Sandbox::Options o;
        o.seed = QStringLiteral("demo");
        o.dataDir = dir.path();
        for (int run = 0; run < 2; ++run) { // restarted on the same data: seeded once only
            Fixture demo;
            QVERIFY(demo.start(o, false));
            const Reply r = demo.call("GET", "/api/auth/clients");
            QCOMPARE(r.status, 200);
            int found = 0;
            for (const Json::Value c : r.json()["data"].elements()) {
                if (c["name"].toString() != QLatin1String("desk-demo"))
                    continue;
                ++found;
                QCOMPARE(c["id"].toString(), QStringLiteral("desk-demo"));
                QCOMPARE(c["secrets"].size(), 1u);
            }
            QCOMPARE(found, 1);
        }
    }
};

QTEST_MAIN(TestSandboxAuth)
#include "tst_sandbox_auth.moc"
