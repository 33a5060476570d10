#include "Server.h"

#include "auth/AuthApi.h"
#include "auth/TokenIssuer.h"
#include "core/EventBus.h"
#include "core/Service.h"
#include "http/HttpFrontend.h"
#include "http/Router.h"
#include "ledger/DemoSeed.h"
#include "ledger/LedgerService.h"
#include "ledger/LedgerStore.h"
#include "ledger/PostingEngine.h"

#include <QDir>
#include <QLoggingCategory>

#include <algorithm>

namespace Formance::Sandbox {

namespace {
// The most a request without a valid token may send (the token endpoint's form, a 401's body).
constexpr qint64 kUnauthenticatedBodyBytes = 64 * 1024;

// Qt's own qt.httpserver category logs every request with its headers, bearer tokens and the
// token form's client_secret included. A logging rule cannot be trusted to keep it off (the
// environment's QT_LOGGING_RULES wins over the program's), so a category filter does.
QLoggingCategory::CategoryFilter g_previousFilter = nullptr;
void keepHttpServerQuiet(QLoggingCategory *category) {
    if (g_previousFilter)
        g_previousFilter(category);
    if (qstrncmp(category->categoryName(), "qt.httpserver", 13) == 0) {
        category->setEnabled(QtDebugMsg, false);
        category->setEnabled(QtInfoMsg, false);
    }
}
void installQuietHttpServerLogs() {
    static const bool installed = [] {
        g_previousFilter = QLoggingCategory::installFilter(keepHttpServerQuiet);
        return true;
    }();
    Q_UNUSED(installed);
}
} // namespace

struct Server::Impl {
    LedgerStore store;
    PostingEngine engine{store};
    EventBus events;
    std::unique_ptr<TokenIssuer> tokens;
    std::unique_ptr<ServiceContext> context;
    std::vector<std::unique_ptr<Service>> services; // after context: they hold references to it
    std::unique_ptr<AuthApi> auth;
    Router router;
    std::unique_ptr<HttpFrontend> http;
};

Server::Server(QObject *parent)
    : QObject(parent) {
    installQuietHttpServerLogs();
}

Server::~Server() {
    stop();
}

TokenIssuer *Server::tokens() const {
    return d ? d->tokens.get() : nullptr;
}

LedgerStore *Server::store() const {
    return d ? &d->store : nullptr;
}

// A body the API cannot mean (HTML, XML, a form, plain text...) is refused before it reaches a
// parser: bodies are JSON, except the token endpoint's form and a log import's NDJSON.
static std::optional<Response> unsupportedContentType(const Request &r) {
    if (r.body.isEmpty())
        return std::nullopt;
    const QByteArray type = r.header("Content-Type").split(';').first().trimmed().toLower();
    if (type.isEmpty() || type == "application/json" || type.endsWith("+json") || type == "*/*")
        return std::nullopt;
    if (type == "application/x-www-form-urlencoded" && r.path == QLatin1String("/api/auth/oauth/token"))
        return std::nullopt;
    if ((type == "application/octet-stream" || type == "application/x-ndjson") &&
        r.path.endsWith(QLatin1String("/logs/import")))
        return std::nullopt;
    return Response::error(415, QStringLiteral("VALIDATION"),
                           QStringLiteral("unsupported Content-Type '%1': send application/json")
                               .arg(QString::fromLatin1(type.left(100))));
}

static Response versions(const QStringList &names, ApiGeneration api) {
    Json::Writer w;
    w.beginObject();
    w.key("region");
    w.value("local");
    w.key("env");
    w.value("sandbox");
    w.key("versions");
    w.beginArray();
    for (const QString &name : names) {
        w.beginObject();
        w.key("name");
        w.value(name);
        w.key("version");
        w.value(Options::serviceVersion(api, name));
        w.key("health");
        w.value(true);
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return Response::json(w.take());
}

std::optional<quint16> Server::start(const Options &options, QString *error) {
    stop();
    auto fail = [&](const QString &m) -> std::optional<quint16> {
        if (error)
            *error = m;
        d.reset();
        return std::nullopt;
    };
    d = std::make_unique<Impl>();
    QString file;
    if (!options.dataDir.isEmpty()) {
        if (!QDir().mkpath(options.dataDir))
            return fail(QStringLiteral("cannot create data directory %1").arg(options.dataDir));
        file = QDir(options.dataDir).filePath(QStringLiteral("sandbox.sqlite"));
    }
    QString err;
    if (!d->store.open(file, &err))
        return fail(QStringLiteral("cannot open the store: %1").arg(err));
    if (options.seed == QLatin1String("demo") && d->store.isEmpty()) {
        const QString cacheDir = options.demoCacheDir.isEmpty() ? QDir::tempPath() : options.demoCacheDir;
        const QString cache = DemoSeed::ensureCache(cacheDir, &err);
        if (cache.isEmpty() || !d->store.copyFrom(cache, &err))
            return fail(QStringLiteral("cannot seed the demo ledgers: %1").arg(err));
    }

    d->tokens =
        std::make_unique<TokenIssuer>(options.clientId, options.clientSecret, options.tokenTtlSeconds);
    d->engine.setEventBus(&d->events);
    m_options = options;
    d->context = std::make_unique<ServiceContext>(
        ServiceContext{d->store, d->engine, d->events, *d->tokens, m_options});
    for (auto make :
         {makeLedgerService, makeAuthClientsService, makeWebhooksService, makeWalletsService,
          makePaymentsService, makeReconciliationService, makeOrchestrationService, makeSearchService})
        d->services.push_back(make(*d->context));
    if (options.seed == QLatin1String("demo")) {
        d->events.setMuted(true);
        for (const auto &service : d->services)
            service->seedDemo();
        d->events.setMuted(false);
    }
    QStringList names{QStringLiteral("auth")};
    for (const auto &service : d->services)
        if (!names.contains(service->name()))
            names << service->name();
    d->auth =
        std::make_unique<AuthApi>(*d->tokens, Options::serviceVersion(options.api, QStringLiteral("auth")));
    AuthApi *auth = d->auth.get();
    // Authentication happens once, before routing (below), not per route.
    d->auth->registerRoutes(d->router,
                            [names, api = options.api](const Request &) { return versions(names, api); });
    for (const auto &service : d->services)
        service->registerRoutes(d->router);

    Router *router = &d->router;
    d->http = std::make_unique<HttpFrontend>(
        [router, auth](Request &r) {
            if (!AuthApi::isPublic(r.method, r.path))
                if (auto denied = auth->checkBearer(r))
                    return *denied;
            if (auto refused = unsupportedContentType(r))
                return *refused;
            return router->dispatch(r);
        },
        [auth, max = options.maxBodyBytes](const Request &head) {
            // Decided on the headers, before the body is read: a request without a valid token
            // never gets more than kUnauthenticatedBodyBytes buffered.
            HttpFrontend::BodyPolicy p;
            const bool open = AuthApi::isPublic(head.method, head.path);
            if (open || auth->authorized(head.header("Authorization"))) {
                p.maxBodyBytes = open ? std::min(max, kUnauthenticatedBodyBytes) : max;
                p.refusal =
                    Response::error(413, QStringLiteral("VALIDATION"),
                                    QStringLiteral("request body larger than %1 bytes").arg(p.maxBodyBytes));
            } else {
                p.maxBodyBytes = kUnauthenticatedBodyBytes;
                p.refusal = *auth->checkBearer(head);
            }
            return p;
        },
        options.maxBodyBytes);
    const quint16 port = d->http->listenGuarded(options.address, options.port);
    if (port == 0)
        return fail(
            QStringLiteral("cannot listen on %1:%2").arg(options.address.toString()).arg(options.port));
    m_port = port;
    return port;
}

void Server::stop() {
    d.reset();
    m_port = 0;
}

std::unique_ptr<Service> makeLedgerService(ServiceContext &context) {
    return std::make_unique<LedgerService>(context);
}

} // namespace Formance::Sandbox
