// desk-bench-scroll [N]: memory of the transactions list after scrolling through N transactions
// (default 100,000) of a sandbox ledger, page by page as a view would. The sandbox runs as its own
// process so that only the app side is measured. Prints the peak resident set size; the target is
// under 300 MB for 100,000.
#include "core/Session.h"
#include "ledger/TransactionsModel.h"
#include <Formance/Client.h>
#include <Formance/json/JsonWriter.h>
#include <Formance/ledger/v2/LedgerV2Api.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTimer>

#include <cstdio>

using namespace Formance;

namespace {
long statusKb(const char *field) {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qsizetype(strlen(field))).trimmed().split(' ').first().toLong();
    return -1;
}

QString address(const char *pattern, int user) {
    const QString text = QString::fromLatin1(pattern);
    return text.contains(QLatin1String("%1")) ? text.arg(user) : text;
}

void waitUntil(const std::function<bool()> &done) {
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(1);
    loop.exec();
}
} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const int total = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;

    QProcess sandbox;
    sandbox.start(QStringLiteral(FORMANCE_SANDBOX_PATH),
                  {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--client-secret"),
                   QStringLiteral("bench")});
    QString port;
    waitUntil([&] {
        sandbox.waitForReadyRead(10);
        const auto m = QRegularExpression(QStringLiteral("listening on http://127.0.0.1:(\\d+)"))
                           .match(QString::fromUtf8(sandbox.peek(4096)));
        port = m.captured(1);
        return !port.isEmpty() || sandbox.state() == QProcess::NotRunning;
    });
    if (port.isEmpty()) {
        fprintf(stderr, "formance-sandbox did not start\n");
        return 1;
    }
    SdkConfig config;
    config.server = ServerConfig::fromUrl(QStringLiteral("http://127.0.0.1:") + port);
    config.credentials = ClientCredentials{QStringLiteral("sandbox"), QStringLiteral("bench"), {}};
    Session session(nullptr);
    session.adopt(std::make_unique<Client>(config), QStringLiteral("bench"), QStringLiteral("development"),
                  false);
    const QString ledger = QStringLiteral("scroll");
    session.client()->ledger().v2().createLedger({ledger, std::nullopt}).result();

    // Realistic rows: two postings, a reference and metadata each.
    for (int done = 0; done < total;) {
        const int batch = std::min(5000, total - done);
        Json::Writer w;
        w.beginArray();
        for (int i = done; i < done + batch; ++i) {
            w.beginObject();
            w.key("action");
            w.value("CREATE_TRANSACTION");
            w.key("data");
            w.beginObject();
            w.key("postings");
            w.beginArray();
            for (const auto &[from, to] :
                 {std::pair{"world", "users:%1"}, std::pair{"users:%1", "platform:fees"}}) {
                w.beginObject();
                w.key("source");
                w.value(address(from, i % 997));
                w.key("destination");
                w.value(address(to, i % 997));
                w.key("amount");
                w.value(qint64(1000 + i));
                w.key("asset");
                w.value("USD/2");
                w.endObject();
            }
            w.endArray();
            w.key("reference");
            w.value(QStringLiteral("ref-%1").arg(i));
            w.key("metadata");
            w.beginObject();
            w.key("order");
            w.value(QStringLiteral("ord_%1").arg(i, 8, 10, QChar(u'0')));
            w.key("channel");
            w.value("card");
            w.endObject();
            w.endObject();
            w.endObject();
        }
        w.endArray();
        HttpRequest bulk;
        bulk.method = "POST";
        bulk.path = QStringLiteral("/api/ledger/v2/%1/_bulk").arg(ledger);
        bulk.body = w.take();
        const auto r = session.client()->send(bulk).result();
        if (!r) {
            fprintf(stderr, "bulk: %s\n", qPrintable(r.error().toString()));
            return 1;
        }
        done += batch;
    }

    const long before = statusKb("VmRSS:");
    TransactionsModel model;
    model.setPageSize(100); // what a scrolling view asks for
    model.setSession(&session);
    model.setLedger(ledger);
    QElapsedTimer timer;
    timer.start();
    waitUntil([&] {
        if (model.canFetchMore({}))
            model.fetchMore({});
        return (!model.loading() && !model.canFetchMore({})) || !model.error().isEmpty();
    });
    if (!model.error().isEmpty()) {
        fprintf(stderr, "list: %s\n", qPrintable(model.error()));
        return 1;
    }
    printf("%d transactions listed in %lld ms; RSS before listing %ld MB, after %ld MB, peak %ld MB "
           "\n",
           model.rowCount(), timer.elapsed(), before / 1024, statusKb("VmRSS:") / 1024,
           statusKb("VmHWM:") / 1024);
    sandbox.terminate();
    sandbox.waitForFinished();
    return model.rowCount() == total ? 0 : 1;
}
