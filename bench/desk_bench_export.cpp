// desk-bench-export [--transactions N] [--dir DIR] [--format csv|jsonl|both] [--keep] [URL LEDGER]
// Exports a ledger's transactions to CSV and to JSON Lines the way the app does (walkRawPages, one
// request ahead; each page formatted by app/ledger/TransactionExport and written, then dropped) and
// prints, per format, transactions/s, the file's size and the process's peak memory (VmHWM, reset
// between formats). Without URL it pages from a local PageServer in a child process (its pages do
// not count in this process's memory): N transactions, 1,000 a page, cycling 20 distinct pages.
#include "PageServer.h"

#include "ledger/TransactionExport.h"

#include <Formance/Client.h>
#include <Formance/Pagination.h>
#include <Formance/Sdk.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>

#include <cstdio>

#include <sys/resource.h>

using namespace Formance;

namespace {

double cpuSeconds() { // this process's (the client's), all threads: comparable on a busy machine
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

qint64 statusKb(const char *field) {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').first().toLongLong();
    return -1;
}

// Writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0+): each format's own peak.
void resetPeak() {
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

int serve(int pages) {
    FormanceBench::PageServer server(FormanceBench::PageServer::renderCyclePages(qMin(pages, 20)), pages);
    const quint16 port = server.start();
    if (port == 0)
        return 1;
    std::printf("port %u\n", unsigned(port));
    std::fflush(stdout);
    // Until the parent closes our stdin (or dies).
    QFile in;
    if (in.open(stdin, QIODevice::ReadOnly))
        in.readAll();
    return 0;
}

struct Run {
    qint64 transactions = 0;
    qint64 bytes = 0;
    double seconds = 0;
    double cpu = 0;
    qint64 peakKb = 0;
    QString error;
};

Run exportTo(Client &client, const QString &ledger, const QString &path, TransactionExport::Format format) {
    Run run;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        run.error = file.errorString();
        return run;
    }
    resetPeak();
    QElapsedTimer timer;
    timer.start();
    const double cpuStart = cpuSeconds();
    QByteArray buffer = TransactionExport::header(format);
    CallOptions options;
    options.apiGeneration = ApiGeneration::V3_0; // the bench server does not answer getVersions
    QString badRow;
    auto call = walkRawPages(
        client, Ledger::V2::V2ListTransactionsRequest{.ledger = ledger}, 1000,
        [&](const Json::Value &page) {
            for (const Json::Value tx : page.elements())
                if (!TransactionExport::append(buffer, tx, format, &badRow))
                    return false;
            run.transactions += page.size();
            if (file.write(buffer) != buffer.size())
                return false;
            run.bytes += buffer.size();
            buffer.resize(0); // keeps its capacity for the next page
            return true;
        },
        options);
    const auto result = call.result();
    file.close();
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    run.cpu = cpuSeconds() - cpuStart;
    run.peakKb = statusKb("VmHWM:");
    if (!result)
        run.error = result.error().message();
    else if (!badRow.isEmpty())
        run.error = badRow;
    else if (result.value().stopped)
        run.error = QStringLiteral("writing %1 failed: %2").arg(path, file.errorString());
    return run;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("desk-bench-export"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Exports a ledger's transactions to CSV and JSON Lines and times it."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("URL"),
                                 QStringLiteral("A stack's base URL (default: a local server)"));
    parser.addPositionalArgument(QStringLiteral("LEDGER"), QStringLiteral("The ledger's name"));
    const QCommandLineOption count(QStringLiteral("transactions"),
                                   QStringLiteral("Transactions the local server holds (default 1000000)"),
                                   QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption dir(QStringLiteral("dir"),
                                 QStringLiteral("Where to write the files (default /tmp)"),
                                 QStringLiteral("DIR"), QDir::tempPath());
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          QStringLiteral("csv, jsonl or both (default)"), QStringLiteral("F"),
                                          QStringLiteral("both"));
    const QCommandLineOption keep(QStringLiteral("keep"),
                                  QStringLiteral("Keep the files (default: removed)"));
    const QCommandLineOption serveOption(QStringLiteral("serve"),
                                         QStringLiteral("internal: be the local server"));
    const QCommandLineOption clientId(QStringLiteral("client-id"), QStringLiteral("OAuth2 client id"),
                                      QStringLiteral("ID"));
    const QCommandLineOption clientSecret(QStringLiteral("client-secret"),
                                          QStringLiteral("OAuth2 client secret"), QStringLiteral("SECRET"));
    parser.addOptions({count, dir, formatOption, keep, serveOption, clientId, clientSecret});
    parser.process(app);
    const int pages = qMax(1, (parser.value(count).toInt() + 999) / 1000);
    if (parser.isSet(serveOption))
        return serve(pages);

    SdkConfig config;
    QString ledger = QStringLiteral("bench");
    QProcess server;
    const QStringList args = parser.positionalArguments();
    if (args.size() == 2) {
        config.server.url = args.at(0);
        ledger = args.at(1);
        if (parser.isSet(clientId))
            config.credentials = ClientCredentials{parser.value(clientId), parser.value(clientSecret), {}};
    } else {
        server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        server.start(
            QCoreApplication::applicationFilePath(),
            {QStringLiteral("--serve"), QStringLiteral("--transactions"), QString::number(pages * 1000)});
        QByteArray line;
        while (!line.endsWith('\n') && server.waitForReadyRead(60000))
            line += server.readLine();
        if (!line.startsWith("port ")) {
            std::fprintf(stderr, "desk-bench-export: the local server did not start\n");
            return 1;
        }
        config.server.url = QStringLiteral("http://127.0.0.1:%1").arg(line.mid(5).trimmed().toInt());
    }
    Client client(config);

    const QString which = parser.value(formatOption);
    QList<std::pair<QString, TransactionExport::Format>> formats;
    if (which != QLatin1String("jsonl"))
        formats.append({QStringLiteral("csv"), TransactionExport::Format::Csv});
    if (which != QLatin1String("csv"))
        formats.append({QStringLiteral("jsonl"), TransactionExport::Format::JsonLines});
    std::printf("machine: load %s", qPrintable(QString::fromLatin1([] {
                    QFile f(QStringLiteral("/proc/loadavg"));
                    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("?\n");
                }())));
    int status = 0;
    for (const auto &[name, format] : formats) {
        const QString path = QDir(parser.value(dir)).filePath(QStringLiteral("desk-bench-export.") + name);
        const Run run = exportTo(client, ledger, path, format);
        if (!run.error.isEmpty()) {
            std::fprintf(stderr, "desk-bench-export: %s: %s\n", qPrintable(name), qPrintable(run.error));
            status = 1;
            continue;
        }
        std::printf(
            "%-5s %lld transactions in %.2f s: %.0f transactions/s, %.0f MB (%.0f MB/s), peak RSS %.1f MB; "
            "client CPU %.2f s (%.0f transactions per CPU second)\n",
            qPrintable(name), static_cast<long long>(run.transactions), run.seconds,
            double(run.transactions) / run.seconds, double(run.bytes) / 1e6,
            double(run.bytes) / 1e6 / run.seconds, double(run.peakKb) / 1024.0, run.cpu,
            double(run.transactions) / run.cpu);
        if (!parser.isSet(keep))
            QFile::remove(path);
    }
    if (server.state() != QProcess::NotRunning) {
        server.closeWriteChannel();
        if (!server.waitForFinished(10000))
            server.kill();
    }
    return status;
}
