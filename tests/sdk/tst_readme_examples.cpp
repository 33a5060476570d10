// Every example of sdk/README.md, compiled and run against a local stack (QHttpServer on loopback).
// The README's code blocks are copied verbatim from the blocks between "README example" markers
// below; the sdk_readme_snippets test fails when they differ.
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QTest>
#include <QUrlQuery>

#include <functional>

// ---- README example: client setup ----
#include <Formance/Client.h> // Formance::Client, SdkConfig, Call, Result, Error
#include <Formance/Sdk.h>    // every generated operation and model

// Blocking style: result() waits, running a local event loop (scripts, tools, tests; never the GUI thread).
QString stackRegion(const QString &serverUrl) {
    Formance::SdkConfig config;
    config.server.url = serverUrl; // default: server index 0, http://localhost
    config.credentials = Formance::ClientCredentials{"<YOUR_CLIENT_ID_HERE>", "<YOUR_CLIENT_SECRET_HERE>"};
    Formance::Client client(config); // fetches and renews the OAuth2 token by itself

    const auto res = client.getVersions().result();
    if (!res) {
        qWarning() << res.error().toString();
        return {};
    }
    return res->body.region; // res->body: Models::GetVersionsResponse
}
// ---- end ----

// ---- README example: async ----
// Asynchronous style: every operation returns at once a Call<T> (a QFuture<Result<T>> that can be
// canceled); then() runs the callback on the receiver's thread, unless the receiver is gone.
void showRegionLater(Formance::Client &client, QObject *receiver, std::function<void(QString)> show) {
    client.getVersions().then(receiver, [show](const Formance::Result<Formance::GetVersionsResponse> &res) {
        show(res ? res->body.region : res.error().toString());
    });
}
// ---- end ----

// ---- README example: retries per call ----
// Retries for one call: exponential backoff on 429, 500, 502, 503 and 504 (initial interval 1 ms,
// at most 50 ms between attempts, exponent 1.1, give up after 100 ms), not on connection errors.
Formance::Call<Formance::GetVersionsResponse> versionsWithRetries(Formance::Client &client) {
    Formance::CallOptions options;
    options.retry = Formance::RetryConfig::withBackoff({1, 50, 1.1, 100}, false);
    return client.getVersions({}, options);
}
// ---- end ----

// ---- README example: retries for every call ----
// Retries for every call of a client (a call's own options.retry still wins).
Formance::SdkConfig retryingConfig(const QString &serverUrl) {
    Formance::SdkConfig config;
    config.server.url = serverUrl;
    config.retry = Formance::RetryConfig::withBackoff({1, 50, 1.1, 100}, false);
    return config;
}
// ---- end ----

// ---- README example: limits per call ----
// Limits for one call: 5 s per attempt, at most 2 s without a byte, 20 s for the whole call with
// its retries (connection errors and timeouts included).
Formance::Call<Formance::GetVersionsResponse> versionsWithinLimits(Formance::Client &client) {
    Formance::CallOptions options;
    options.timeoutMs = 5000;
    options.idleTimeoutMs = 2000;
    options.totalTimeoutMs = 20000;
    options.retry = Formance::RetryConfig::withBackoff({100, 2000, 2.0, 20000}, true);
    return client.getVersions({}, options);
}
// ---- end ----

// ---- README example: error handling ----
// No exceptions: a call's Result holds either the typed response or a Formance::Error saying what
// went wrong (kind), with the HTTP status, the service's errorCode and message, headers and raw body.
QString createTransactions(Formance::Client &client) {
    Formance::Ledger::V1::CreateTransactionsRequest req;
    req.ledger = "ledger001";
    Formance::Models::TransactionData tx;
    for (int i = 0; i < 3; ++i)
        tx.postings.append(
            {.amount = 100, .asset = "COIN", .destination = "users:002", .source = "users:001"});
    tx.reference = "ref:001";
    req.body.transactions.append(tx);

    const auto res = client.ledger().v1().createTransactions(req).result();
    if (res)
        return QStringLiteral("created %1").arg(res->body.data.size());
    const Formance::Error &e = res.error();
    switch (e.kind()) {
    case Formance::Error::Kind::Api: // the service's error payload: e.api(), e.errorCode()
        return QStringLiteral("%1 (HTTP %2): %3")
            .arg(e.errorCode())
            .arg(e.httpStatus())
            .arg(e.api()->errorMessage);
    case Formance::Error::Kind::Http:    // another non-2xx answer: e.body(), e.headers()
    case Formance::Error::Kind::Network: // also Timeout, Tls, Canceled, Auth, Decode
    default:
        return e.toString();
    }
}
// ---- end ----

// ---- README example: server selection ----
// Server by index, with the spec's variables: 1 is https://{organization}.{environment}.formance.cloud
Formance::SdkConfig cloudConfig() {
    Formance::SdkConfig config;
    config.server.index = Formance::ServerConfig::CloudServer;
    config.server.variables = {{"organization", "orgID-stackID"}, {"environment", "eu-west-1"}};
    // the same: config.server = Formance::ServerConfig::cloud("orgID-stackID", "eu-west-1");
    return config;
}

// Or any URL: it wins over the index.
Formance::SdkConfig localConfig() {
    Formance::SdkConfig config;
    config.server.url = "http://localhost:8080";
    return config;
}
// ---- end ----

// ---- README example: custom network manager ----
// Your own QNetworkAccessManager (proxy, cookies, TLS configuration, caching, or a subclass that
// adds logic to every request), shared with the rest of your app; the client does not own it.
class HeaderAddingNetwork : public QNetworkAccessManager {
protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override {
        QNetworkRequest r(request);
        r.setRawHeader("Client-Level-Header", "added by client");
        return QNetworkAccessManager::createRequest(op, r, data);
    }
};

Formance::SdkConfig configWithNetwork(const QString &serverUrl, QNetworkAccessManager *network) {
    Formance::SdkConfig config;
    config.server.url = serverUrl;
    config.network = network;
    // Or, for headers only, a hook that has the last word on every request:
    config.requestHook = [](QNetworkRequest &request) {
        request.setRawHeader("x-custom-header", "someValue");
    };
    return config;
}
// ---- end ----

// ---- README example: debug logging ----
// Debug logs go through Qt's logging categories, off by default. Secrets (Authorization,
// client_secret, tokens) are replaced by [redacted] before anything is logged.
void enableSdkDebugLogs() {
    QLoggingCategory::setFilterRules("formance.sdk.*.debug=true");
    // formance.sdk.http: method, URL, status, duration   formance.sdk.http.body: headers and bodies
    // formance.sdk.auth: token fetches                    formance.sdk.retry: retry decisions
    // The same from the environment: QT_LOGGING_RULES="formance.sdk.*.debug=true"
}
// ---- end ----

// ---- README example: stack versions ----
// One client speaks both API generations. Where they disagree (ledger filters, the ledger's _info),
// an operation takes the form of the service in front of it, from the stack's getVersions answer:
// the first such call asks by itself, and any answer asked for is learned.
QString ledgerGeneration(Formance::Client &client) {
    if (!client.getVersions().result())
        return {};
    const Formance::StackVersions &stack = client.stackVersions();
    return Formance::toString(stack.generation("ledger")); // "v2.1" (ledger < v2.2) or "v3.0"
}

// Or say it: for every call of a client (nothing is asked), or for one call.
Formance::SdkConfig v21Config(const QString &serverUrl) {
    Formance::SdkConfig config;
    config.server.url = serverUrl;
    config.apiGeneration = Formance::ApiGeneration::V2_1;
    return config;
}
// ---- end ----

namespace {

// A minimal stack: token endpoint, /versions (503 `failFirst` times), ledger v1 batch creation.
class Stack {
public:
    int versionCalls = 0;
    int failFirst = 0;
    QByteArray lastCustomHeader, lastClientHeader, lastAuthorization;

    QString start() {
        server.route(QStringLiteral("/api/auth/oauth/token"), QHttpServerRequest::Method::Post,
                     [](const QHttpServerRequest &req) {
                         const QUrlQuery form(QString::fromUtf8(req.body()));
                         if (form.queryItemValue(QStringLiteral("grant_type")) !=
                             QLatin1String("client_credentials"))
                             return QHttpServerResponse(QJsonObject{{"error", "unsupported_grant_type"}},
                                                        QHttpServerResponse::StatusCode::BadRequest);
                         return QHttpServerResponse(QJsonObject{
                             {"access_token", "tok-readme"}, {"token_type", "Bearer"}, {"expires_in", 3600}});
                     });
        server.route(QStringLiteral("/versions"), [this](const QHttpServerRequest &req) {
            ++versionCalls;
            lastCustomHeader = req.value("x-custom-header");
            lastClientHeader = req.value("Client-Level-Header");
            lastAuthorization = req.value("Authorization");
            if (versionCalls <= failFirst)
                return QHttpServerResponse(QByteArray("application/json"),
                                           QByteArray(R"({"errorCode":"INTERNAL","errorMessage":"busy"})"),
                                           QHttpServerResponse::StatusCode::ServiceUnavailable);
            return QHttpServerResponse(
                QJsonObject{{"region", "local"}, {"env", "readme"}, {"versions", QJsonArray{}}});
        });
        server.route(
            QStringLiteral("/api/ledger/<arg>/transactions/batch"), QHttpServerRequest::Method::Post,
            [](const QString &ledger, const QHttpServerRequest &req) {
                if (ledger != QLatin1String("ledger001") || !req.body().contains("\"reference\":\"ref:001\""))
                    return QHttpServerResponse(
                        QByteArray("application/json"),
                        QByteArray(R"({"errorCode":"NOT_FOUND","errorMessage":"no such ledger"})"),
                        QHttpServerResponse::StatusCode::NotFound);
                return QHttpServerResponse(
                    QByteArray("application/json"),
                    QByteArray(
                        R"({"errorCode":"INSUFFICIENT_FUND","errorMessage":"account users:001 has insufficient funds"})"),
                    QHttpServerResponse::StatusCode::BadRequest);
            });
        const quint16 port = server.listen(QHostAddress::LocalHost, 0);
        return port ? QStringLiteral("http://127.0.0.1:%1").arg(port) : QString();
    }

private:
    QHttpServer server;
};

QStringList g_logged;
void captureLogs(QtMsgType, const QMessageLogContext &context, const QString &message) {
    g_logged.append(QString::fromLatin1(context.category) + u' ' + message);
}

} // namespace

class TestReadmeExamples : public QObject {
    Q_OBJECT
private slots:
    void clientSetup() {
        Stack stack;
        const QString url = stack.start();
        QVERIFY(!url.isEmpty());
        QCOMPARE(stackRegion(url), QStringLiteral("local"));
        QCOMPARE(stack.lastAuthorization, QByteArray("Bearer tok-readme"));
    }

    void async() {
        Stack stack;
        Formance::Client client(
            Formance::SdkConfig{.server = Formance::ServerConfig::fromUrl(stack.start())});
        QObject receiver;
        QString shown;
        showRegionLater(client, &receiver, [&shown](QString region) { shown = region; });
        QTRY_COMPARE(shown, QStringLiteral("local"));
    }

    void retriesPerCall() {
        Stack stack;
        stack.failFirst = 2;
        Formance::Client client(
            Formance::SdkConfig{.server = Formance::ServerConfig::fromUrl(stack.start())});
        const auto res = versionsWithRetries(client).result();
        QVERIFY2(res, res ? "" : qPrintable(res.error().toString()));
        QCOMPARE(stack.versionCalls, 3);
        // Without options: the client's default, no retries.
        stack.versionCalls = 0;
        QCOMPARE(client.getVersions().result().error().httpStatus(), 503);
    }

    void retriesForEveryCall() {
        Stack stack;
        stack.failFirst = 1;
        Formance::Client client(retryingConfig(stack.start()));
        const auto res = client.getVersions().result();
        QVERIFY2(res, res ? "" : qPrintable(res.error().toString()));
        QCOMPARE(stack.versionCalls, 2);
    }

    void limitsPerCall() {
        Stack stack;
        stack.failFirst = 1;
        Formance::Client client(
            Formance::SdkConfig{.server = Formance::ServerConfig::fromUrl(stack.start())});
        const auto res = versionsWithinLimits(client).result();
        QVERIFY2(res, res ? "" : qPrintable(res.error().toString()));
        QCOMPARE(stack.versionCalls, 2);
    }

    void errorHandling() {
        Stack stack;
        Formance::Client client(
            Formance::SdkConfig{.server = Formance::ServerConfig::fromUrl(stack.start())});
        QCOMPARE(createTransactions(client),
                 QStringLiteral("INSUFFICIENT_FUND (HTTP 400): account users:001 has insufficient funds"));
    }

    void serverSelection() {
        Formance::Client cloud(cloudConfig());
        QCOMPARE(cloud.transport().baseUrl(),
                 QUrl(QStringLiteral("https://orgID-stackID.eu-west-1.formance.cloud")));
        Formance::Client local(localConfig());
        QCOMPARE(local.transport().baseUrl(), QUrl(QStringLiteral("http://localhost:8080")));
        QCOMPARE(Formance::Client().transport().baseUrl(), QUrl(QStringLiteral("http://localhost")));
    }

    void customNetworkManager() {
        Stack stack;
        HeaderAddingNetwork network;
        Formance::Client client(configWithNetwork(stack.start(), &network));
        QCOMPARE(client.transport().network(), &network);
        QVERIFY(client.getVersions().result());
        QCOMPARE(stack.lastClientHeader, QByteArray("added by client"));
        QCOMPARE(stack.lastCustomHeader, QByteArray("someValue"));
    }

    void debugLogging() {
        Stack stack;
        const QString url = stack.start();
        g_logged.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureLogs);
        enableSdkDebugLogs();
        const QString region = stackRegion(url);
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QCOMPARE(region, QStringLiteral("local"));
        const QString all = g_logged.join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("formance.sdk.http GET")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("formance.sdk.auth")), qPrintable(all));
        QVERIFY2(!all.contains(QStringLiteral("tok-readme")) &&
                     !all.contains(QStringLiteral("<YOUR_CLIENT_SECRET_HERE>")),
                 qPrintable(all));
    }

    void stackVersions() {
        Stack stack;
        Formance::SdkConfig config;
        config.server.url = stack.start();
        config.credentials =
            Formance::ClientCredentials{"<YOUR_CLIENT_ID_HERE>", "<YOUR_CLIENT_SECRET_HERE>"};
        Formance::Client client(config);
        // this stack names no service: the default, v3.0
        QCOMPARE(ledgerGeneration(client), QStringLiteral("v3.0"));
        QVERIFY(client.stackVersions().isKnown());
        Formance::Client v21(v21Config(config.server.url));
        QCOMPARE(Formance::toString(v21.stackVersions().generation("ledger")), QStringLiteral("v2.1"));
    }
};

QTEST_GUILESS_MAIN(TestReadmeExamples)
#include "tst_readme_examples.moc"
