// The sandbox's request handling, in process: ledger v2 and v1 and wallets behind the router, on
// an in-memory store holding two small ledgers. Input: "METHOD /path?query" on the first line, the
// body after it. Every request is answered — a 2xx, or a 4xx in the services' error shape — and
// never with a crash or a 500 (a 500 would mean the server failed, not the client).
//
// Orchestration (trigger expressions) and webhooks (real outgoing deliveries) are left out: the
// former has its own known defect being fixed, the latter would send requests off the machine.
#include "FuzzSupport.h"

#include "Options.h"
#include "auth/TokenIssuer.h"
#include "core/EventBus.h"
#include "core/Service.h"
#include "http/Router.h"
#include "ledger/LedgerStore.h"
#include "ledger/PostingEngine.h"
#include <Formance/json/JsonDocument.h>

#include <QCoreApplication>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

using namespace Formance;
using namespace Formance::Sandbox;

namespace {

struct Stack {
    LedgerStore store;
    PostingEngine engine{store};
    EventBus events;
    Options options;
    TokenIssuer tokens{options.clientId, options.clientSecret, 3600};
    std::unique_ptr<ServiceContext> context;
    std::vector<std::unique_ptr<Service>> services;
    Router router;

    Stack() {
        QString error;
        if (!store.open(QString(), &error))
            qFatal("store: %s", qPrintable(error));
        engine.setEventBus(&events);
        context = std::make_unique<ServiceContext>(ServiceContext{store, engine, events, tokens, options});
        services.push_back(makeLedgerService(*context));
        services.push_back(makeWalletsService(*context));
        for (const auto &s : services)
            s->registerRoutes(router);
        // Two ledgers with a few transactions, so reads and reverts find something.
        for (const char *ledger : {"main", "other"}) {
            send("POST", QStringLiteral("/api/ledger/v2/%1").arg(QLatin1String(ledger)), {});
            for (int i = 0; i < 3; ++i)
                send(
                    "POST", QStringLiteral("/api/ledger/v2/%1/transactions").arg(QLatin1String(ledger)),
                    R"({"postings":[{"source":"world","destination":"users:1","asset":"USD/2","amount":100}],)"
                    R"("metadata":{"k":"v"}})");
        }
    }

    Response send(const QByteArray &method, const QString &target, const QByteArray &body) {
        // As HttpFrontend builds a Request from what QHttpServer parsed.
        const QUrl url(target);
        Request r;
        r.method = method;
        r.path = url.path(QUrl::FullyEncoded);
        r.query = QUrlQuery(url.query(QUrl::FullyEncoded).replace(QLatin1Char('+'), QStringLiteral("%20")));
        r.headers = {{"Content-Type", "application/json"}};
        r.body = body;
        return router.dispatch(r);
    }
};

// Never destroyed at exit: Qt Sql's own statics may be gone by then. Reachable, so not a leak.
Stack *g_stack = nullptr;
int g_runs = 0;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv) {
    static QCoreApplication *app = new QCoreApplication(*argc, *argv); // kept for the process's life
    Q_UNUSED(app);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, std::size_t size) {
    // A fresh store now and then keeps memory bounded and the state close to the seeds'.
    if (!g_stack || ++g_runs % 2000 == 0) {
        delete g_stack;
        g_stack = new Stack;
    }
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QByteArray line = newline < 0 ? input : input.left(newline);
    const QByteArray body = newline < 0 ? QByteArray() : input.mid(newline + 1);
    const qsizetype space = line.indexOf(' ');
    if (space <= 0)
        return 0;
    const QByteArray method = line.left(space);
    static const QList<QByteArray> methods = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"};
    if (!methods.contains(method))
        return 0;
    const QString target = QString::fromUtf8(line.mid(space + 1));
    if (!target.startsWith(u'/'))
        return 0;

    const Response resp = g_stack->send(method, target, body);
    if (resp.status >= 500 || qEnvironmentVariableIsSet("FUZZ_VERBOSE")) {
        std::fprintf(stderr, "HTTP %d for %s %s: %s\n", resp.status, method.constData(), qPrintable(target),
                     resp.body.left(2000).constData());
    }
    FUZZ_CHECK(resp.status >= 200 && resp.status < 500, "answered with a 2xx or a 4xx");
    if (resp.status >= 400) {
        const auto doc = Json::Document::parse(resp.body);
        // Every error is the services' error payload, except that the spec answers a bulk whose
        // elements failed with a 400 of V2BulkResponse (one result per element).
        const bool bulkResults = target.contains(QLatin1String("/_bulk")) && resp.status == 400 && doc &&
                                 doc->root()["data"].isArray();
        FUZZ_CHECK(bulkResults || (doc && doc->root()["errorCode"].isString()),
                   "an error carries an errorCode");
    }
    return 0;
}
