// What the app-side benches share: a formance-sandbox process on a free port (only the app side
// is then measured in this process), waiting in the event loop, /proc/self/status figures and
// percentiles.
#pragma once

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>

namespace DeskBench {

// A field of /proc/self/status in kB (VmRSS:, VmHWM:), -1 when unknown.
inline long statusKb(const char *field) {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qsizetype(strlen(field))).trimmed().split(' ').first().toLong();
    return -1;
}

// Runs the event loop until done() (polled every millisecond) or timeoutMs; false on timeout.
inline bool waitUntil(const std::function<bool()> &done, int timeoutMs = 120000) {
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    QElapsedTimer clock;
    clock.start();
    bool ok = false;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done()) {
            ok = true;
            loop.quit();
        } else if (clock.elapsed() > timeoutMs) {
            loop.quit();
        }
    });
    poll.start(1);
    loop.exec();
    return ok;
}

// Starts formance-sandbox with args (plus --port 0) and returns its port, or 0.
inline quint16 startSandbox(QProcess &sandbox, const QString &program, QStringList args) {
    args << QStringLiteral("--port") << QStringLiteral("0");
    sandbox.setProcessChannelMode(QProcess::MergedChannels);
    sandbox.start(program, args);
    QString port;
    QByteArray out;
    waitUntil([&] {
        sandbox.waitForReadyRead(10);
        out += sandbox.readAll();
        port = QRegularExpression(QStringLiteral("listening on http://127.0.0.1:(\\d+)"))
                   .match(QString::fromUtf8(out))
                   .captured(1);
        return !port.isEmpty() || sandbox.state() == QProcess::NotRunning;
    });
    if (port.isEmpty())
        fprintf(stderr, "formance-sandbox did not start: %s\n", out.constData());
    return port.toUShort();
}

// The q-quantile (0..1) of samples, nearest rank.
inline double percentile(QList<double> samples, double q) {
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const qsizetype rank =
        std::clamp<qsizetype>(qsizetype(std::ceil(q * samples.size())) - 1, 0, samples.size() - 1);
    return samples[rank];
}

} // namespace DeskBench
