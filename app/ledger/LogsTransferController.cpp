#include "LogsTransferController.h"

#include <Formance/Client.h>
#include <Formance/ledger/v2/LedgerV2Api.h>

#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>

using namespace Formance;
using namespace Formance::Ledger::V2;

namespace {
QString localPath(const QUrl &url) {
    return url.isLocalFile() ? url.toLocalFile() : url.toString();
}
} // namespace

LogsTransferController::LogsTransferController(QObject *parent)
    : Controller(parent) {}

void LogsTransferController::setProgress(int step, int steps, const QString &status) {
    m_step = step;
    m_steps = steps;
    m_status = status;
    emit progressChanged();
}

void LogsTransferController::exportTo(const QString &ledger, const QUrl &file) {
    if (!client()) {
        call()->setError(tr("Not connected."));
        return;
    }
    if (ledger.isEmpty()) {
        call()->setError(tr("Choose a ledger first."));
        return;
    }
    const QString path = localPath(file);
    m_bytes = 0;
    setProgress(0, 1, tr("Exporting the log of %1…").arg(ledger));
    call()->start(client()->ledger().v2().exportLogs({.ledger = ledger}), [this, path](const auto &response) {
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(response.bytes) != response.bytes.size() ||
            !out.commit()) {
            call()->setError(tr("Could not write %1: %2").arg(path, out.errorString()));
            setProgress(0, 1, QString());
            return;
        }
        m_bytes = response.bytes.size();
        m_lastFile = path;
        const int lines = int(response.bytes.count('\n'));
        setProgress(1, 1,
                    tr("%1 log entries (%2 bytes) written to %3.")
                        .arg(QLocale().toString(lines), QLocale().toString(m_bytes), path));
        emit exported(path);
    });
}

QString LogsTransferController::ledgerNameProblem(const QString &name) const {
    static const QRegularExpression re(QStringLiteral("^[0-9A-Za-z_-]{1,63}$"));
    if (name.trimmed().isEmpty())
        return tr("Name the new ledger.");
    if (!re.match(name.trimmed()).hasMatch())
        return tr("A ledger name is up to 63 letters, digits, _ or -.");
    return {};
}

void LogsTransferController::importInto(const QUrl &file, const QString &newLedger) {
    if (!checkWritable())
        return;
    if (const QString problem = ledgerNameProblem(newLedger); !problem.isEmpty()) {
        call()->setError(problem);
        return;
    }
    const QString path = localPath(file);
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        call()->setError(tr("Could not read %1: %2").arg(path, in.errorString()));
        return;
    }
    const QByteArray logs = in.readAll();
    const QString name = newLedger.trimmed();
    m_bytes = logs.size();
    // Logs go into an empty ledger only: it is created for them first.
    setProgress(0, 2, tr("Creating ledger %1…").arg(name));
    call()->start(client()->ledger().v2().createLedger({.ledger = name}), [this, name, logs](const auto &) {
        setProgress(1, 2, tr("Importing %1 bytes of logs into %2…").arg(QLocale().toString(m_bytes), name));
        call()->start(client()->ledger().v2().importLogs({.ledger = name, .body = logs}),
                      [this, name](const auto &) {
                          m_importedLedger = name;
                          setProgress(2, 2, tr("The logs were imported into %1.").arg(name));
                          emit imported(name);
                      });
    });
}

void LogsTransferController::cancel() {
    call()->cancel();
    setProgress(0, 0, tr("Canceled."));
}
