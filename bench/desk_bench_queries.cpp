// desk-bench-queries DIR [LEDGER] [RUNS]: p50/p99 over HTTP of the ledger v2 list queries the app
// sends (the common filters, cursor pages, counts, accounts), against formance-sandbox --data DIR
// (a ledger seeded by desk-bench-seed). Each query runs RUNS times (default 50) with varied
// values; the target is p99 < 50 ms on 1,000,000 transactions.
#include "DeskBench.h"

#include <Formance/Client.h>
#include <Formance/json/JsonDocument.h>

#include <QCoreApplication>
#include <QUrlQuery>

#include <cstdio>

using namespace Formance;
using namespace DeskBench;

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        fprintf(stderr, "usage: desk-bench-queries DIR [LEDGER] [RUNS]\n");
        return 2;
    }
    const QString ledger = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("bench");
    const int runs = argc > 3 ? QByteArray(argv[3]).toInt() : 50;
    QProcess sandbox;
    const quint16 port = startSandbox(sandbox, QStringLiteral(FORMANCE_SANDBOX_PATH),
                                      {QStringLiteral("--data"), QString::fromLocal8Bit(argv[1]),
                                       QStringLiteral("--client-secret"), QStringLiteral("bench")});
    if (!port)
        return 1;
    SdkConfig config;
    config.server = ServerConfig::fromUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    config.credentials = ClientCredentials{QStringLiteral("sandbox"), QStringLiteral("bench"), {}};
    config.timeoutMs = 120000;
    Client client(config);

    const QString txPath = QStringLiteral("/api/ledger/v2/%1/transactions").arg(ledger);
    auto send = [&](const QByteArray &method, const QString &path, const QByteArray &body,
                    const QList<QPair<QString, QString>> &query, HttpResponse *out = nullptr) -> double {
        HttpRequest r;
        r.method = method;
        r.path = path;
        r.body = body;
        r.query = query;
        QElapsedTimer t;
        t.start();
        const auto result = client.send(r).result();
        const double ms = double(t.nsecsElapsed()) / 1e6;
        if (!result) {
            fprintf(stderr, "%s %s %s: %s\n", method.constData(), qPrintable(path), body.constData(),
                    qPrintable(result.error().toString()));
            std::exit(1);
        }
        if (out)
            *out = result.value();
        return ms;
    };
    send("GET", txPath, {}, {{QStringLiteral("pageSize"), QStringLiteral("1")}}); // a token, warm caches

    struct Case {
        const char *name;
        QByteArray method;
        QString path;
        std::function<QByteArray(int)> body; // run number -> filter body
        QList<QPair<QString, QString>> query;
    };
    auto match = [](const char *field, const QString &value) {
        return QStringLiteral(R"({"$match":{"%1":"%2"}})").arg(QLatin1String(field), value).toUtf8();
    };
    auto user = [](int i) {
        return QStringLiteral("users:%1").arg((i * 7919) % 20000, 5, 10, QLatin1Char('0'));
    };
    auto day = [](int i) { return QDate(2025, 1, 1).addDays((i * 37) % 360); };
    const QList<QPair<QString, QString>> page{{QStringLiteral("pageSize"), QStringLiteral("100")}};
    const QString accountsPath = QStringLiteral("/api/ledger/v2/%1/accounts").arg(ledger);
    const QList<Case> cases = {
        {"transactions, first page", "GET", txPath, [](int) { return QByteArray(); }, page},
        {"transactions, oldest first", "GET", txPath, [](int) { return QByteArray(); },
         page + QList<QPair<QString, QString>>{{QStringLiteral("reverse"), QStringLiteral("true")}}},
        {"account (users:N)", "GET", txPath, [&](int i) { return match("account", user(i)); }, page},
        {"account prefix (merchants:)", "GET", txPath,
         [&](int) { return match("account", QStringLiteral("merchants:")); }, page},
        {"account pattern (payouts:)", "GET", txPath,
         [&](int) { return match("account", QStringLiteral("payouts:")); }, page},
        {"source (users:N)", "GET", txPath, [&](int i) { return match("source", user(i)); }, page},
        {"destination (platform:fees)", "GET", txPath,
         [&](int) { return match("destination", QStringLiteral("platform:fees")); }, page},
        {"metadata (order, unique)", "GET", txPath,
         [&](int i) {
             return match("metadata[order]",
                          QStringLiteral("ord_%1").arg((i * 15485863) % 1000000, 8, 10, QLatin1Char('0')));
         },
         page},
        {"metadata (channel, frequent)", "GET", txPath,
         [&](int) { return match("metadata[channel]", QStringLiteral("sepa")); }, page},
        {"reference", "GET", txPath,
         [&](int i) { return match("reference", QStringLiteral("dep-%1").arg((i * 104729) % 1000000)); },
         page},
        {"date range (one day)", "GET", txPath,
         [&](int i) {
             return QStringLiteral(
                        R"({"$and":[{"$gte":{"timestamp":"%1T00:00:00Z"}},{"$lt":{"timestamp":"%2T00:00:00Z"}}]})")
                 .arg(day(i).toString(Qt::ISODate), day(i).addDays(1).toString(Qt::ISODate))
                 .toUtf8();
         },
         page},
        {"date range (one month)", "GET", txPath,
         [&](int i) {
             return QStringLiteral(
                        R"({"$and":[{"$gte":{"timestamp":"%1T00:00:00Z"}},{"$lt":{"timestamp":"%2T00:00:00Z"}}]})")
                 .arg(day(i).toString(Qt::ISODate), day(i).addMonths(1).toString(Qt::ISODate))
                 .toUtf8();
         },
         page},
        {"account and date", "GET", txPath,
         [&](int i) {
             return QStringLiteral(
                        R"({"$and":[{"$match":{"account":"%1"}},{"$gte":{"timestamp":"%2T00:00:00Z"}}]})")
                 .arg(user(i), day(i).toString(Qt::ISODate))
                 .toUtf8();
         },
         page},
        {"count, all", "HEAD", txPath, [](int) { return QByteArray(); }, {}},
        {"count, account (users:N)", "HEAD", txPath, [&](int i) { return match("account", user(i)); }, {}},
        {"count, account prefix (merchants:)",
         "HEAD",
         txPath,
         [&](int) { return match("account", QStringLiteral("merchants:")); },
         {}},
        {"count, metadata (order)",
         "HEAD",
         txPath,
         [&](int i) {
             return match("metadata[order]", QStringLiteral("ord_%1").arg(i * 997, 8, 10, QLatin1Char('0')));
         },
         {}},
        {"accounts, first page", "GET", accountsPath, [](int) { return QByteArray(); }, page},
        {"accounts, prefix (users:)", "GET", accountsPath,
         [&](int) { return match("address", QStringLiteral("users:")); }, page},
        {"accounts, count", "HEAD", accountsPath, [](int) { return QByteArray(); }, {}},
    };
    printf("%-32s %9s %9s %9s\n", "query (pageSize 100)", "p50 ms", "p99 ms", "max ms");
    double worst = 0;
    for (const Case &c : cases) {
        QList<double> ms;
        // Counts read every match: fewer runs.
        const int n = c.method == "HEAD" ? std::max(5, runs / 5) : runs;
        for (int i = 0; i < n; ++i)
            ms << send(c.method, c.path, c.body(i), c.query);
        const double p99 = percentile(ms, 0.99);
        worst = std::max(worst, p99);
        printf("%-32s %9.1f %9.1f %9.1f\n", c.name, percentile(ms, 0.5), p99, percentile(ms, 1.0));
        fflush(stdout);
    }
    // Cursor paging: RUNS next pages in a row from the newest, each timed.
    {
        QList<double> ms;
        HttpResponse r;
        ms << send("GET", txPath, {}, page, &r);
        for (int i = 1; i < runs; ++i) {
            const auto doc = Json::Document::parse(r.body);
            const QString next = doc ? doc->root()["cursor"]["next"].toString() : QString();
            if (next.isEmpty())
                break;
            ms << send("GET", txPath, {}, {{QStringLiteral("cursor"), next}}, &r);
        }
        const double p99 = percentile(ms, 0.99);
        worst = std::max(worst, p99);
        printf("%-32s %9.1f %9.1f %9.1f\n", "transactions, next pages", percentile(ms, 0.5), p99,
               percentile(ms, 1.0));
    }
    printf("worst p99: %.1f ms (target < 50 ms)\n", worst);
    sandbox.terminate();
    sandbox.waitForFinished();
    return 0;
}
