// Everything a Client is built from. Defaults match the reference SDK: local server, no retries.
#pragma once

#include <Formance/ApiGeneration.h>
#include <Formance/RetryConfig.h>
#include <Formance/ServerConfig.h>
#include <Formance/Version.h>

#include <QByteArray>
#include <QList>
#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace Formance {

struct ClientCredentials {
    QString clientId;
    QString clientSecret;
    QString tokenUrl; // empty: the spec's /api/auth/oauth/token, resolved against the server URL
};

struct SdkConfig {
    ServerConfig server;
    std::optional<ClientCredentials> credentials; // none: requests go out without a token
    RetryConfig retry;
    // Limits, each overridable per call (CallOptions); 0 disables one. See sdk/README.md, "Timeouts".
    int timeoutMs = 60000;     // one attempt: from sending the request to the answer's last byte
    int idleTimeoutMs = 30000; // one attempt: the longest silence (no byte sent or received)
    int totalTimeoutMs = 0;    // the whole call: every attempt, and the waits between them
    // Attempts on the wire at once (Qt opens six connections per host); the others wait in the
    // SDK, so their timeouts and tokens start when they can really leave. 0: no limit.
    int maxConcurrentRequests = 6;
    qint64 maxResponseBytes = 256 * 1024 * 1024;        // larger answers are refused, not buffered
    QNetworkAccessManager *network = nullptr;           // injected, not owned; a private one when null
    std::function<void(QNetworkRequest &)> requestHook; // last word on headers (not on redirects)
    QByteArray userAgent = "formance-sdk-qt/" FORMANCE_SDK_VERSION;
    // Trusted besides the system's CAs, for this client only (a self-hosted stack's own CA).
    // Certificates are always verified: there is no switch to turn that off.
    QList<QSslCertificate> caCertificates;
    // The proxy of the client's own network access manager (an injected one keeps its own). Unset:
    // the system's settings, except that a stack on loopback (127.0.0.0/8, ::1, localhost: the
    // embedded demo stack) is always reached directly, whatever http_proxy says. Qt would otherwise
    // ask libproxy from a thread of its own, which races the process's exit.
    std::optional<QNetworkProxy> proxy;

    void applyTrust(QNetworkRequest &request) const {
        if (caCertificates.isEmpty())
            return;
        QSslConfiguration tls = request.sslConfiguration();
        tls.addCaCertificates(caCertificates);
        request.setSslConfiguration(tls);
    }

    // The API generation every divergent operation speaks, whatever the stack's versions say. Unset
    // (the default): learned from getVersions (see StackVersions).
    std::optional<ApiGeneration> apiGeneration;
};

} // namespace Formance
