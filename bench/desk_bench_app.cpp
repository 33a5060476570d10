// desk-bench-app DIR [LEDGER] [ROWS]: the app's transactions list (TransactionsModel on
// PagedListModel, as the transactions page drives it) against formance-sandbox --data DIR, a
// ledger seeded by desk-bench-seed. Prints the time to the first rows on opening, after each of a
// few filter changes, then scrolls through ROWS rows (default 100,000) page by page as the view
// asks and prints the peak resident set size. Targets: 300 ms, 500 ms, 300 MB.
#include "DeskBench.h"

#include "core/Session.h"
#include "ledger/TransactionsModel.h"
#include <Formance/Client.h>

#include <QCoreApplication>

#include <cstdio>

using namespace Formance;
using namespace DeskBench;

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        fprintf(stderr, "usage: desk-bench-app DIR [LEDGER] [ROWS]\n");
        return 2;
    }
    const QString ledger = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("bench");
    const int scroll = argc > 3 ? QByteArray(argv[3]).toInt() : 100000;
    QProcess sandbox;
    const quint16 port = startSandbox(sandbox, QStringLiteral(FORMANCE_SANDBOX_PATH),
                                      {QStringLiteral("--data"), QString::fromLocal8Bit(argv[1]),
                                       QStringLiteral("--client-secret"), QStringLiteral("bench")});
    if (!port)
        return 1;
    SdkConfig config;
    config.server = ServerConfig::fromUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    config.credentials = ClientCredentials{QStringLiteral("sandbox"), QStringLiteral("bench"), {}};
    Session session(nullptr);
    session.adopt(std::make_unique<Client>(config), QStringLiteral("bench"), QStringLiteral("development"),
                  false);
    // The session's own first calls (versions, token) are part of connecting, not of the page.
    waitUntil([&] { return session.servicesKnown(); }, 10000);
    const long before = statusKb("VmRSS:");

    TransactionsModel model;
    bool failed = false;
    QElapsedTimer timer;
    // First rows: after the model reset for the change, the first rows arrived (or the answer
    // was empty).
    bool reset = false, sawLoading = false, answered = false;
    QObject::connect(&model, &QAbstractItemModel::modelReset, [&] { reset = true; });
    QObject::connect(&model, &PagedListModel::loadingChanged, [&] {
        if (!reset)
            return;
        if (model.loading())
            sawLoading = true;
        else if (sawLoading)
            answered = true;
    });
    auto firstRows = [&](const char *what, const std::function<void()> &change) {
        reset = sawLoading = answered = false;
        timer.start();
        change();
        const bool ok = waitUntil(
            [&] { return reset && (model.rowCount() > 0 || answered || !model.error().isEmpty()); });
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!ok || !model.error().isEmpty()) {
            fprintf(stderr, "%s: %s\n", what, qPrintable(model.error()));
            failed = true;
        }
        printf("%-44s %8.1f ms (%d rows)\n", what, ms, model.rowCount());
        fflush(stdout);
        return ms;
    };
    double worstFilter = 0;
    const double open = firstRows("open: first rows", [&] {
        model.setSession(&session);
        model.setLedger(ledger);
    });
    const std::pair<const char *, std::function<void()>> changes[] = {
        {"filter: account users:01234", [&] { model.setAccount(QStringLiteral("users:01234")); }},
        {"filter: account prefix merchants:", [&] { model.setAccount(QStringLiteral("merchants:")); }},
        {"filter: metadata order=ord_00424242",
         [&] {
             model.setAccount({});
             model.setMetadataKey(QStringLiteral("order"));
             model.setMetadataValue(QStringLiteral("ord_00424242"));
         }},
        {"filter: date range 2025-06-01..06-02",
         [&] {
             model.setMetadataKey({});
             model.setMetadataValue({});
             model.setFrom(QStringLiteral("2025-06-01T00:00:00Z"));
             model.setTo(QStringLiteral("2025-06-02T00:00:00Z"));
         }},
        {"filter: reference dep-500000",
         [&] {
             model.setFrom({});
             model.setTo({});
             model.setReference(QStringLiteral("dep-500000"));
         }},
        {"filter cleared", [&] { model.clearFilters(); }},
    };
    for (const auto &[what, change] : changes)
        worstFilter = std::max(worstFilter, firstRows(what, change));
    waitUntil([&] { return !model.loading(); });

    // Scrolling: the view asks for more whenever it nears the end.
    timer.start();
    waitUntil(
        [&] {
            if (model.canFetchMore({}))
                model.fetchMore({});
            return model.rowCount() >= scroll || (!model.loading() && !model.canFetchMore({})) ||
                   !model.error().isEmpty();
        },
        600000);
    const double scrolled = double(timer.nsecsElapsed()) / 1e6;
    printf(
        "scrolled %d rows in %.0f ms (%.0f rows/s); RSS before the list %ld MB, after %ld MB, peak (VmHWM) "
        "%ld MB\n",
        model.rowCount(), scrolled, model.rowCount() * 1000.0 / scrolled, before / 1024,
        statusKb("VmRSS:") / 1024, statusKb("VmHWM:") / 1024);
    printf("open %.1f ms (target 300), worst filter change %.1f ms (target 500), peak %ld MB (target 300)\n",
           open, worstFilter, statusKb("VmHWM:") / 1024);
    sandbox.terminate();
    sandbox.waitForFinished();
    return failed || model.rowCount() < scroll ? 1 : 0;
}
