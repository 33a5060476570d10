// A sandbox on a free loopback port in its own thread, and an SDK client authenticated
// against it. call() sends a hand-built request through the SDK and returns what came back,
// 2xx or not.
#pragma once

#include "SandboxThread.h"
#include <Formance/Client.h>
#include <Formance/json/JsonDocument.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

namespace SandboxTest {

using namespace Formance;

struct Reply {
    int status = 0;
    HeaderList headers;
    QByteArray body;
    Formance::Error error; // set when the SDK reported a failure
    bool transportFailed = false;

    QByteArray header(const QByteArray &name) const { return headerValue(headers, name); }
    Json::Value json() const {
        if (!m_doc)
            m_doc = std::make_shared<std::optional<Json::Document>>(Json::Document::parse(body));
        return *m_doc && m_doc->has_value() ? (*m_doc)->root() : Json::Value();
    }
    QString errorCode() const { return json()["errorCode"].toString(); }
    QString str(std::initializer_list<const char *> path) const {
        Json::Value v = json();
        for (const char *p : path)
            v = v[p];
        return v.isNumber() ? QString::fromUtf8(v.numberText().data(), qsizetype(v.numberText().size()))
                            : v.toString();
    }

private:
    mutable std::shared_ptr<std::optional<Json::Document>> m_doc;
};

inline QString num(const Json::Value &v) {
    return QString::fromUtf8(v.numberText().data(), qsizetype(v.numberText().size()));
}

inline SdkConfig
configFor(quint16 port, const QString &secret = QString::fromLatin1(Sandbox::Options::kDefaultClientSecret)) {
    SdkConfig config;
    config.server = ServerConfig::fromUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    config.credentials =
        ClientCredentials{QString::fromLatin1(Sandbox::Options::kDefaultClientId), secret, {}};
    config.timeoutMs = 60000;
    return config;
}

inline HttpRequest request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                           const QList<QPair<QString, QString>> &query = {}, const HeaderList &headers = {}) {
    HttpRequest r;
    r.method = method;
    r.path = path;
    r.body = body;
    r.query = query;
    r.headers = headers;
    r.acceptsIdempotencyKey = true;
    return r;
}

inline Reply toReply(const Result<HttpResponse> &result) {
    Reply reply;
    if (result.ok()) {
        reply.status = result.value().status;
        reply.headers = result.value().headers;
        reply.body = result.value().body;
    } else {
        reply.error = result.error();
        reply.status = result.error().httpStatus();
        reply.headers = result.error().headers();
        reply.body = result.error().body();
        reply.transportFailed = reply.status == 0;
    }
    return reply;
}

// Prism's sl-violations header, less deprecation warnings: what makes a reply off-spec.
inline QStringList specViolations(const HeaderList &headers) {
    QStringList out;
    const QByteArray header = headerValue(headers, "sl-violations");
    if (header.isEmpty())
        return out;
    for (const QJsonValue &v : QJsonDocument::fromJson(header).array()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("code")).toString() == QLatin1String("deprecated"))
            continue;
        out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    return out;
}

class Fixture {
public:
    // With SANDBOX_PRISM set (to Prism's binary) and SANDBOX_PRISM_SPEC (to the checked spec),
    // requests go through `prism proxy` in front of the sandbox, and any reply Prism finds off
    // the spec fails the test that received it. Tokens come straight from the sandbox: the token
    // endpoint is not part of the spec.
    static bool proxyRequested() { return qEnvironmentVariableIsSet("SANDBOX_PRISM"); }
    bool proxied() const { return m_prism != nullptr; }

    // SANDBOX_API=v2|v3 picks the generation the sandbox presents (the suites run in both where
    // the two differ); without it the test's options decide (v3 unless a test says otherwise).
    static std::optional<Sandbox::ApiGeneration> apiRequested() {
        const QByteArray v = qgetenv("SANDBOX_API");
        if (v == "v2")
            return Sandbox::ApiGeneration::V2;
        if (v == "v3")
            return Sandbox::ApiGeneration::V3;
        return std::nullopt;
    }
    bool v3() const { return m_api == Sandbox::ApiGeneration::V3; }

    bool start(Sandbox::Options options = {}, bool allowProxy = true) {
        if (const auto api = apiRequested())
            options.api = *api;
        m_api = options.api;
        QString error;
        const auto port = sandbox.start(options, &error);
        if (!port) {
            qWarning() << "sandbox did not start:" << error;
            return false;
        }
        SdkConfig config = configFor(*port);
        if (allowProxy && proxyRequested()) {
            const quint16 prismPort = startPrism(*port);
            if (!prismPort)
                return false;
            config.server = ServerConfig::fromUrl(QStringLiteral("http://127.0.0.1:%1").arg(prismPort));
            config.credentials->tokenUrl =
                QStringLiteral("http://127.0.0.1:%1/api/auth/oauth/token").arg(*port);
        }
        client = std::make_unique<Client>(config);
        direct = std::make_unique<Client>(configFor(*port));
        return true;
    }
    void stop() {
        client.reset();
        direct.reset();
        if (m_prism) {
            m_prism->kill();
            m_prism->waitForFinished(5000);
            m_prism.reset();
        }
        sandbox.stop();
    }
    ~Fixture() { stop(); }
    quint16 port() const { return sandbox.port(); }

    Reply call(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QList<QPair<QString, QString>> &query = {}, const HeaderList &headers = {}) {
        // Prism's proxy refuses GET/HEAD with a body (stoplightio/prism#2259): those filtered
        // lists go straight to the sandbox, unchecked.
        // v3.0.1's V2BulkResponse includes V2ErrorResponse (errorCode and errorMessage required)
        // even in a 200, which no successful bulk can satisfy (the real ledger v2.2 sends
        // {"data": [...]} alone): under the v3 document bulks go straight too.
        const bool v3Bulk = m_prism && v3() && method == "POST" && path.endsWith(QLatin1String("/_bulk"));
        if (v3Bulk || (m_prism && (method == "GET" || method == "HEAD") && !body.isEmpty())) {
            ++bypassed;
            return toReply(direct->send(request(method, path, body, query, headers)).result());
        }
        return checked(toReply(client->send(request(method, path, body, query, headers)).result()));
    }
    // Around Prism even when proxied: for deprecated operations, which Prism (--errors) refuses.
    Reply callDirect(const QByteArray &method, const QString &path, const QByteArray &body = {}) {
        return toReply(direct->send(request(method, path, body)).result());
    }
    Reply raw(HttpRequest r) { return checked(toReply(client->send(std::move(r)).result())); }
    Reply checked(Reply r) {
        if (m_prism) {
            const QStringList bad = specViolations(r.headers);
            if (!bad.isEmpty())
                QTest::qFail(qPrintable(QStringLiteral("off-spec (Prism): %1").arg(bad.join(u' '))), __FILE__,
                             __LINE__);
        }
        return r;
    }

    // POST a v2 transaction of one posting; returns the reply.
    Reply post(const QString &ledger, const QString &from, const QString &to, const QString &asset,
               const QString &amount, const QString &extra = {}) {
        // The spec requires metadata: send {} unless extra brings its own.
        const QString md =
            extra.contains(QLatin1String("\"metadata\"")) ? QString() : QStringLiteral(R"(,"metadata":{})");
        const QByteArray body =
            QStringLiteral(
                R"({"postings":[{"source":"%1","destination":"%2","asset":"%3","amount":%4}]%5%6})")
                .arg(from, to, asset, amount, md, extra.isEmpty() ? QString() : QStringLiteral(",") + extra)
                .toUtf8();
        return call("POST", QStringLiteral("/api/ledger/v2/%1/transactions").arg(ledger), body);
    }
    bool createLedger(const QString &name) {
        return call("POST", QStringLiteral("/api/ledger/v2/%1").arg(name)).status == 204;
    }
    QString balance(const QString &ledger, const QString &account, const QString &asset) {
        const Reply r = call("GET", QStringLiteral("/api/ledger/v2/%1/accounts/%2").arg(ledger, account), {},
                             {{QStringLiteral("expand"), QStringLiteral("volumes")}});
        const Json::Value v = r.json()["data"]["volumes"][asset.toStdString()]["balance"];
        return v.isNumber() ? QString::fromUtf8(v.numberText().data(), qsizetype(v.numberText().size()))
                            : QStringLiteral("0");
    }
    qint64 count(const QString &ledger, const QString &what, const QByteArray &filter = {}) {
        const Reply r = call("HEAD", QStringLiteral("/api/ledger/v2/%1/%2").arg(ledger, what), filter);
        return r.status == 204 ? r.header("Count").toLongLong() : -1;
    }

    Sandbox::SandboxThread sandbox;
    std::unique_ptr<Client> client; // through Prism when proxied
    std::unique_ptr<Client> direct; // always straight to the sandbox
    int bypassed = 0;

private:
    quint16 startPrism(quint16 upstream) {
        quint16 port = 0;
        {
            QTcpServer probe;
            if (!probe.listen(QHostAddress::LocalHost, 0))
                return 0;
            port = probe.serverPort();
        }
        m_prism = std::make_unique<QProcess>();
        m_prism->setProcessChannelMode(QProcess::MergedChannels);
        m_prism->start(qEnvironmentVariable("SANDBOX_PRISM"),
                       {QStringLiteral("proxy"), QStringLiteral("-p"), QString::number(port),
                        QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("--errors"),
                        qEnvironmentVariable("SANDBOX_PRISM_SPEC"),
                        QStringLiteral("http://127.0.0.1:%1").arg(upstream)});
        QByteArray log;
        const bool up = QTest::qWaitFor(
            [&] {
                log += m_prism->readAll();
                return log.contains("Prism is listening") || m_prism->state() == QProcess::NotRunning;
            },
            120000);
        if (!up || m_prism->state() != QProcess::Running) {
            qWarning() << "prism proxy did not start:" << log.right(2000);
            m_prism.reset();
            return 0;
        }
        // Keep draining its log so the pipe never fills.
        QObject::connect(m_prism.get(), &QProcess::readyRead, m_prism.get(),
                         [p = m_prism.get()] { p->readAll(); });
        return port;
    }
    std::unique_ptr<QProcess> m_prism;
    Sandbox::ApiGeneration m_api = Sandbox::ApiGeneration::V3;
};

} // namespace SandboxTest
