// Auth v1 inside the sandbox: OAuth clients and their secrets (stored in SQLite, secrets only as
// salted hashes), a fixed set of users, and the hook that lets stored clients obtain tokens from
// the token endpoint (TokenIssuer). The token endpoint, the OIDC well-knowns and _info are served
// by AuthApi.
#include "api/ApiSupport.h"
#include "auth/TokenIssuer.h"
#include "core/Service.h"
#include "core/SqlRows.h"
#include "ledger/AmountKey.h"
#include "ledger/LedgerStore.h"

#include <Formance/json/JsonDocument.h>
#include <Formance/json/JsonWriter.h>

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QUuid>

namespace Formance::Sandbox {

namespace {

// What the sandbox has instead of a user directory: a fixed, read-only set.
struct User {
    const char *id;
    const char *subject;
    const char *email;
};
constexpr User kUsers[] = {
    {"6f1a2c8e-3b9d-4e57-9a0c-1d2e3f4a5b6c", "Sandbox Admin", "admin@sandbox.formance.local"},
    {"b7c4d1e2-8f3a-4b6c-9d0e-7a1b2c3d4e5f", "Demo Operator", "operator@sandbox.formance.local"},
};

QByteArray randomBytes(int n) {
    QByteArray raw(n, Qt::Uninitialized);
    for (int i = 0; i < n; ++i)
        raw[i] = char(QRandomGenerator::system()->bounded(256));
    return raw;
}

QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Secrets are random and long, so one salted SHA-256 is enough to keep the clear value out of
// the database; the salt keeps equal secrets from having equal rows.
QString secretHash(const QByteArray &salt, const QString &secret) {
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(salt);
    h.addData(secret.toUtf8());
    return QString::fromLatin1(h.result().toHex());
}

bool sameText(const QString &a, const QString &b) {
    // Compares every character whatever the first difference, so the time says nothing.
    if (a.size() != b.size())
        return false;
    ushort diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= a[i].unicode() ^ b[i].unicode();
    return diff == 0;
}

Response validation(const QString &message) {
    return Response::error(400, QStringLiteral("VALIDATION"), message);
}
Response notFound(const QString &message) {
    return Response::error(404, QStringLiteral("NOT_FOUND"), message);
}

Expected<QStringList> stringList(const Json::Value &v, const char *name) {
    QStringList out;
    if (!v.isValid() || v.isNull())
        return out;
    if (!v.isArray())
        return LedgerError::validation(
            QStringLiteral("'%1' must be an array of strings").arg(QLatin1String(name)));
    for (const Json::Value e : v.elements()) {
        if (!e.isString())
            return LedgerError::validation(
                QStringLiteral("'%1' must be an array of strings").arg(QLatin1String(name)));
        out << e.toString();
    }
    return out;
}

// An object of any values, kept as its JSON text; "{}" when absent.
Expected<QByteArray> metadataText(const Json::Value &v) {
    if (!v.isValid() || v.isNull())
        return QByteArrayLiteral("{}");
    if (!v.isObject())
        return LedgerError::validation(QStringLiteral("'metadata' must be an object"));
    return v.toJson();
}

// ClientOptions, as the create and update requests carry them.
struct ClientFields {
    QString name;
    std::optional<QString> description;
    bool isPublic = false;
    bool trusted = false;
    QStringList redirectUris;
    QStringList postLogoutRedirectUris;
    QStringList scopes;
    QByteArray metadata;
};

Expected<ClientFields> clientFields(const QByteArray &body) {
    auto doc = parseBody(body, true);
    if (!doc)
        return doc.error();
    const Json::Value root = doc.value()->root();
    if (!root.isObject())
        return LedgerError::validation(QStringLiteral("the body must be a JSON object"));
    ClientFields f;
    const Json::Value name = root["name"];
    if (!name.isString() || name.toString().trimmed().isEmpty())
        return LedgerError::validation(QStringLiteral("'name' is required and must be a non-empty string"));
    f.name = name.toString();
    const Json::Value description = root["description"];
    if (description.isValid() && !description.isNull()) {
        if (!description.isString())
            return LedgerError::validation(QStringLiteral("'description' must be a string"));
        f.description = description.toString();
    }
    for (auto [key, target] : {std::pair{"public", &f.isPublic}, std::pair{"trusted", &f.trusted}}) {
        const Json::Value b = root[key];
        if (b.isValid() && !b.isNull()) {
            if (!b.isBool())
                return LedgerError::validation(
                    QStringLiteral("'%1' must be a boolean").arg(QLatin1String(key)));
            *target = b.toBool();
        }
    }
    for (auto [key, target] :
         {std::pair{"redirectUris", &f.redirectUris},
          std::pair{"postLogoutRedirectUris", &f.postLogoutRedirectUris}, std::pair{"scopes", &f.scopes}}) {
        auto list = stringList(root[key], key);
        if (!list)
            return list.error();
        *target = list.value();
    }
    auto md = metadataText(root["metadata"]);
    if (!md)
        return md.error();
    f.metadata = md.value();
    return f;
}

class ClientsService final : public Service {
public:
    explicit ClientsService(ServiceContext &context)
        : m_context(context)
        , m_store(context.store) {
        m_store.query(
            QStringLiteral("CREATE TABLE IF NOT EXISTS auth_clients ("
                           "id TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT, "
                           "public INTEGER NOT NULL, trusted INTEGER NOT NULL, "
                           "redirect_uris TEXT NOT NULL, post_logout_redirect_uris TEXT NOT NULL, "
                           "scopes TEXT NOT NULL, metadata TEXT NOT NULL, created_at TEXT NOT NULL)"));
        m_store.query(QStringLiteral("CREATE TABLE IF NOT EXISTS auth_client_secrets ("
                                     "id TEXT PRIMARY KEY, client_id TEXT NOT NULL, name TEXT NOT NULL, "
                                     "metadata TEXT NOT NULL, salt BLOB NOT NULL, hash TEXT NOT NULL, "
                                     "last_digits TEXT NOT NULL, created_at TEXT NOT NULL)"));
        m_store.query(QStringLiteral(
            "CREATE INDEX IF NOT EXISTS auth_client_secrets_client ON auth_client_secrets(client_id)"));
        m_context.tokens.setClientVerifier(
            [this](const QString &id, const QString &secret) { return verify(id, secret); });
    }
    ~ClientsService() override { m_context.tokens.setClientVerifier({}); }

    QString name() const override { return QStringLiteral("auth"); }

    void registerRoutes(Router &router) override {
        Routes routes(router, QStringLiteral("/api/auth"));
        routes.on("GET", "/clients", [this](const Request &r) { return listClients(r); });
        routes.on("POST", "/clients", [this](const Request &r) { return createClient(r); });
        routes.on("GET", "/clients/{clientId}", [this](const Request &r) { return readClient(r); });
        routes.on("PUT", "/clients/{clientId}", [this](const Request &r) { return updateClient(r); });
        routes.on("DELETE", "/clients/{clientId}", [this](const Request &r) { return deleteClient(r); });
        routes.on("POST", "/clients/{clientId}/secrets",
                  [this](const Request &r) { return createSecret(r); });
        routes.on("DELETE", "/clients/{clientId}/secrets/{secretId}",
                  [this](const Request &r) { return deleteSecret(r); });
        routes.on("GET", "/users", [](const Request &) { return listUsers(); });
        routes.on("GET", "/users/{userId}", [](const Request &r) { return readUser(r); });
    }

    void seedDemo() override {
        if (m_store.query(QStringLiteral("SELECT 1 FROM auth_clients LIMIT 1")).next())
            return;
        ClientFields f;
        f.name = QStringLiteral("desk-demo");
        f.description = QStringLiteral("Demo client of Formance Desk (its secret was never shown)");
        f.scopes = {QStringLiteral("ledger:read"), QStringLiteral("ledger:write")};
        f.metadata = QByteArrayLiteral(R"({"seed":"demo"})");
        insertClient(QStringLiteral("desk-demo"), f);
        // A secret whose clear value is dropped at once: the client lists one, nobody knows it.
        insertSecret(QStringLiteral("desk-demo"), QStringLiteral("default"), QByteArrayLiteral("{}"));
    }

private:
    bool verify(const QString &clientId, const QString &secret) {
        QSqlQuery q = m_store.query(
            QStringLiteral("SELECT salt, hash FROM auth_client_secrets WHERE client_id = ?"), {clientId});
        bool match = false;
        while (q.next())
            match |= sameText(secretHash(q.value(0).toByteArray(), secret), q.value(1).toString());
        return match;
    }

    bool clientExists(const QString &id) {
        return m_store.query(QStringLiteral("SELECT 1 FROM auth_clients WHERE id = ?"), {id}).next();
    }

    void insertClient(const QString &id, const ClientFields &f) {
        m_store.query(
            QStringLiteral("INSERT INTO auth_clients (id, name, description, public, trusted, "
                           "redirect_uris, post_logout_redirect_uris, scopes, metadata, created_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {id, f.name, f.description ? QVariant(*f.description) : QVariant(QMetaType(QMetaType::QString)),
             int(f.isPublic), int(f.trusted), SqlRows::jsonList(f.redirectUris),
             SqlRows::jsonList(f.postLogoutRedirectUris), SqlRows::jsonList(f.scopes),
             QString::fromUtf8(f.metadata), nowTime()});
    }

    // Returns the clear secret: the only time it exists outside the caller's hands.
    struct NewSecret {
        QString id;
        QString clear;
        QString lastDigits;
    };
    NewSecret insertSecret(const QString &clientId, const QString &name, const QByteArray &metadata) {
        NewSecret s;
        s.id = newId();
        s.clear = QString::fromLatin1(
            randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        s.lastDigits = s.clear.right(4);
        const QByteArray salt = randomBytes(16);
        m_store.query(QStringLiteral("INSERT INTO auth_client_secrets (id, client_id, name, metadata, salt, "
                                     "hash, last_digits, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                      {s.id, clientId, name, QString::fromUtf8(metadata), salt, secretHash(salt, s.clear),
                       s.lastDigits, nowTime()});
        return s;
    }

    // Writes the Client object for id; false when there is none.
    bool writeClient(Json::Writer &w, const QString &id) {
        QSqlQuery q =
            m_store.query(QStringLiteral("SELECT id, name, description, public, trusted, redirect_uris, "
                                         "post_logout_redirect_uris, scopes, metadata "
                                         "FROM auth_clients WHERE id = ?"),
                          {id});
        if (!q.next())
            return false;
        writeClientRow(w, q);
        return true;
    }

    void writeClientRow(Json::Writer &w, const QSqlQuery &q) {
        const QString id = q.value(0).toString();
        w.beginObject();
        w.key("id");
        w.value(id);
        w.key("name");
        w.value(q.value(1).toString());
        if (!q.value(2).isNull()) {
            w.key("description");
            w.value(q.value(2).toString());
        }
        w.key("public");
        w.value(q.value(3).toInt() != 0);
        w.key("trusted");
        w.value(q.value(4).toInt() != 0);
        w.key("redirectUris");
        w.rawJson(q.value(5).toByteArray());
        w.key("postLogoutRedirectUris");
        w.rawJson(q.value(6).toByteArray());
        w.key("scopes");
        w.rawJson(q.value(7).toByteArray());
        w.key("metadata");
        w.rawJson(q.value(8).toByteArray());
        w.key("secrets");
        w.beginArray();
        QSqlQuery s =
            m_store.query(QStringLiteral("SELECT id, name, last_digits, metadata FROM auth_client_secrets "
                                         "WHERE client_id = ? ORDER BY created_at, id"),
                          {id});
        while (s.next()) {
            w.beginObject();
            w.key("id");
            w.value(s.value(0).toString());
            w.key("name");
            w.value(s.value(1).toString());
            w.key("lastDigits");
            w.value(s.value(2).toString());
            w.key("metadata");
            w.rawJson(s.value(3).toByteArray());
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }

    Response clientResponse(const QString &id, int status = 200) {
        return dataResponse([&](Json::Writer &w) { writeClient(w, id); }, status);
    }

    Reply listClients(const Request &) {
        return dataResponse([&](Json::Writer &w) {
            w.beginArray();
            QSqlQuery q =
                m_store.query(QStringLiteral("SELECT id, name, description, public, trusted, redirect_uris, "
                                             "post_logout_redirect_uris, scopes, metadata "
                                             "FROM auth_clients ORDER BY created_at, id"));
            while (q.next())
                writeClientRow(w, q);
            w.endArray();
        });
    }

    Reply createClient(const Request &r) {
        auto f = clientFields(r.body);
        if (!f)
            return f.error();
        const QString id = newId();
        insertClient(id, f.value());
        return clientResponse(id, 201);
    }

    Reply readClient(const Request &r) {
        const QString id = r.param(QStringLiteral("clientId"));
        if (!clientExists(id))
            return notFound(QStringLiteral("client '%1' not found").arg(id));
        return clientResponse(id);
    }

    Reply updateClient(const Request &r) {
        const QString id = r.param(QStringLiteral("clientId"));
        if (!clientExists(id))
            return notFound(QStringLiteral("client '%1' not found").arg(id));
        auto f = clientFields(r.body);
        if (!f)
            return f.error();
        // ClientOptions replace the client's options whole, as the real service's update does.
        const ClientFields &v = f.value();
        m_store.query(
            QStringLiteral("UPDATE auth_clients SET name = ?, description = ?, public = ?, trusted = ?, "
                           "redirect_uris = ?, post_logout_redirect_uris = ?, scopes = ?, metadata = ? "
                           "WHERE id = ?"),
            {v.name, v.description ? QVariant(*v.description) : QVariant(QMetaType(QMetaType::QString)),
             int(v.isPublic), int(v.trusted), SqlRows::jsonList(v.redirectUris),
             SqlRows::jsonList(v.postLogoutRedirectUris), SqlRows::jsonList(v.scopes),
             QString::fromUtf8(v.metadata), id});
        return clientResponse(id);
    }

    Reply deleteClient(const Request &r) {
        const QString id = r.param(QStringLiteral("clientId"));
        if (!clientExists(id))
            return notFound(QStringLiteral("client '%1' not found").arg(id));
        m_store.begin();
        try {
            m_store.query(QStringLiteral("DELETE FROM auth_client_secrets WHERE client_id = ?"), {id});
            m_store.query(QStringLiteral("DELETE FROM auth_clients WHERE id = ?"), {id});
            m_store.commit();
        } catch (...) {
            m_store.rollback();
            throw;
        }
        return Response::empty(204);
    }

    Reply createSecret(const Request &r) {
        const QString clientId = r.param(QStringLiteral("clientId"));
        if (!clientExists(clientId))
            return notFound(QStringLiteral("client '%1' not found").arg(clientId));
        auto doc = parseBody(r.body, true);
        if (!doc)
            return doc.error();
        const Json::Value root = doc.value()->root();
        if (!root.isObject())
            return validation(QStringLiteral("the body must be a JSON object"));
        const Json::Value name = root["name"];
        if (!name.isString() || name.toString().trimmed().isEmpty())
            return validation(QStringLiteral("'name' is required and must be a non-empty string"));
        auto md = metadataText(root["metadata"]);
        if (!md)
            return md.error();
        const NewSecret s = insertSecret(clientId, name.toString(), md.value());
        Json::Writer w;
        w.beginObject();
        w.key("data");
        w.beginObject();
        w.key("id");
        w.value(s.id);
        w.key("name");
        w.value(name.toString());
        w.key("lastDigits");
        w.value(s.lastDigits);
        w.key("clear");
        w.value(s.clear);
        w.key("metadata");
        w.rawJson(md.value());
        w.endObject();
        w.endObject();
        Response resp = Response::json(w.take());
        resp.setHeader("Cache-Control", "no-store"); // the clear secret: never cached
        return resp;
    }

    Reply deleteSecret(const Request &r) {
        const QString clientId = r.param(QStringLiteral("clientId"));
        const QString secretId = r.param(QStringLiteral("secretId"));
        if (!clientExists(clientId))
            return notFound(QStringLiteral("client '%1' not found").arg(clientId));
        if (!m_store
                 .query(QStringLiteral("SELECT 1 FROM auth_client_secrets WHERE id = ? AND client_id = ?"),
                        {secretId, clientId})
                 .next())
            return notFound(QStringLiteral("secret '%1' not found").arg(secretId));
        m_store.query(QStringLiteral("DELETE FROM auth_client_secrets WHERE id = ? AND client_id = ?"),
                      {secretId, clientId});
        return Response::empty(204);
    }

    static void writeUser(Json::Writer &w, const User &u) {
        w.beginObject();
        w.key("id");
        w.value(u.id);
        w.key("subject");
        w.value(u.subject);
        w.key("email");
        w.value(u.email);
        w.endObject();
    }

    static Response listUsers() {
        Json::Writer w;
        w.beginObject();
        w.key("data");
        w.beginArray();
        for (const User &u : kUsers)
            writeUser(w, u);
        w.endArray();
        w.endObject();
        return Response::json(w.take());
    }

    static Response readUser(const Request &r) {
        const QString id = r.param(QStringLiteral("userId"));
        for (const User &u : kUsers) {
            if (id == QLatin1String(u.id)) {
                return dataResponse([&](Json::Writer &w) { writeUser(w, u); });
            }
        }
        return notFound(QStringLiteral("user '%1' not found").arg(id));
    }

    ServiceContext &m_context;
    LedgerStore &m_store;
};
} // namespace

std::unique_ptr<Service> makeAuthClientsService(ServiceContext &context) {
    return std::make_unique<ClientsService>(context);
}

} // namespace Formance::Sandbox
