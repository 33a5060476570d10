// A sandbox on a free loopback port in its own thread, and an SDK client authenticated
// against it. call() sends a hand-built request through the SDK and returns what came back,
// 2xx or not.
#pragma once

#include "Client.h"
#include "SandboxThread.h"
#include "json/JsonDocument.h"

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

class Fixture {
public:
    bool start(Sandbox::Options options = {}) {
        QString error;
        const auto port = sandbox.start(options, &error);
        if (!port) {
            qWarning() << "sandbox did not start:" << error;
            return false;
        }
        client = std::make_unique<Client>(configFor(*port));
        return true;
    }
    void stop() {
        client.reset();
        sandbox.stop();
    }
    quint16 port() const { return sandbox.port(); }

    Reply call(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QList<QPair<QString, QString>> &query = {}, const HeaderList &headers = {}) {
        return toReply(client->send(request(method, path, body, query, headers)).result());
    }
    Reply raw(HttpRequest r) { return toReply(client->send(std::move(r)).result()); }

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
    std::unique_ptr<Client> client;
};

} // namespace SandboxTest
