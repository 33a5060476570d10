// sdk-bench-paging URL LEDGER [--client-id ID --client-secret S] [--page-size N] [--max-pages N]
// Pages through GET URL/api/ledger/v2/LEDGER/transactions with the SDK (page size 1000, following
// `next`) and prints "N transactions in T ms" and the rate, so the client can be timed against any
// server and data.
#include "Paging.h"

#include <Formance/Client.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sdk-bench-paging"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Pages through a ledger's transactions with the Formance Qt SDK and times it."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("URL"),
                                 QStringLiteral("The stack's base URL, e.g. http://127.0.0.1:8080"));
    parser.addPositionalArgument(QStringLiteral("LEDGER"), QStringLiteral("The ledger's name"));
    const QCommandLineOption clientId(QStringLiteral("client-id"), QStringLiteral("OAuth2 client id"),
                                      QStringLiteral("ID"));
    const QCommandLineOption clientSecret(QStringLiteral("client-secret"),
                                          QStringLiteral("OAuth2 client secret"), QStringLiteral("SECRET"));
    const QCommandLineOption pageSize(QStringLiteral("page-size"),
                                      QStringLiteral("Page size, 1-1000 (default 1000)"), QStringLiteral("N"),
                                      QStringLiteral("1000"));
    const QCommandLineOption maxPages(QStringLiteral("max-pages"),
                                      QStringLiteral("Stop after N pages (default: all)"),
                                      QStringLiteral("N"), QStringLiteral("-1"));
    parser.addOptions({clientId, clientSecret, pageSize, maxPages});
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: sdk-bench-paging URL LEDGER [--client-id ID --client-secret S]\n");
        return 2;
    }

    Formance::SdkConfig config;
    config.server.url = args.at(0);
    if (parser.isSet(clientId))
        config.credentials =
            Formance::ClientCredentials{parser.value(clientId), parser.value(clientSecret), {}};
    Formance::Client client(config);

    QElapsedTimer timer;
    timer.start();
    const auto run = FormanceBench::pageThrough(
        client, args.at(1), qBound(1, parser.value(pageSize).toInt(), 1000), parser.value(maxPages).toInt());
    const qint64 ns = timer.nsecsElapsed();
    if (!run.error.isEmpty()) {
        std::fprintf(stderr, "sdk-bench-paging: %s\n", qPrintable(run.error));
        return 1;
    }
    const double ms = double(ns) / 1e6;
    std::printf("%lld transactions in %.0f ms\n", static_cast<long long>(run.transactions), ms);
    std::printf("%.0f transactions/s (%d pages, %lld postings, %lld amounts past 64 bits)\n",
                ms > 0 ? double(run.transactions) * 1000.0 / ms : 0.0, run.pages,
                static_cast<long long>(run.postings), static_cast<long long>(run.bigAmounts));
    return 0;
}
