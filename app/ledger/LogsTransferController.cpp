#include "LogsTransferController.h"

#include <Formance/Client.h>
#include <Formance/ledger/v2/LedgerV2Api.h>

#include <QFile>
#include <QLocale>
#include <QPointer>
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

void LogsTransferController::setBytes(qint64 bytes, qint64 total) {
    m_bytes = bytes;
    m_totalBytes = total;
    emit progressChanged();
}

QString LogsTransferController::bytesText() const {
    if (m_bytes <= 0)
        return {};
    const QLocale locale;
    if (m_totalBytes <= 0)
        return locale.formattedDataSize(m_bytes);
    return tr("%1 of %2").arg(locale.formattedDataSize(m_bytes), locale.formattedDataSize(m_totalBytes));
}

void LogsTransferController::dropFile() {
    if (m_file) {
        m_file->cancelWriting(); // the temporary file goes; the chosen one is never touched
        m_file.reset();
    }
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
    dropFile();
    m_file = std::make_unique<QSaveFile>(path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        call()->setError(tr("Could not write %1: %2").arg(path, m_file->errorString()));
        m_file.reset();
        return;
    }
    setBytes(0, -1);
    setProgress(0, 1, tr("Exporting the log of %1…").arg(ledger));
    CallOptions options;
    options.bodySink = m_file.get();
    options.timeoutMs = 0; // a long log takes as long as it takes; the idle limit still applies
    options.downloadProgress = [self = QPointer(this)](qint64 received, qint64 total) {
        if (self)
            self->setBytes(received, total);
    };
    call()->start(
        client()->ledger().v2().exportLogs({.ledger = ledger}, options),
        [this, path](const auto &) {
            const qint64 size = m_file ? m_file->size() : 0;
            if (!m_file || !m_file->commit()) {
                call()->setError(
                    tr("Could not write %1: %2").arg(path, m_file ? m_file->errorString() : QString()));
                m_file.reset();
                setProgress(0, 1, QString());
                return;
            }
            m_file.reset();
            setBytes(size, size);
            m_lastFile = path;
            setProgress(1, 1, tr("%1 bytes of log written to %2.").arg(QLocale().toString(size), path));
            emit exported(path);
        },
        [this](const QString &) { dropFile(); });
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
    setBytes(0, logs.size());
    // Logs go into an empty ledger only: it is created for them first.
    setProgress(0, 2, tr("Creating ledger %1…").arg(name));
    call()->start(client()->ledger().v2().createLedger({.ledger = name}), [this, name, logs](const auto &) {
        setProgress(1, 2,
                    tr("Importing %1 bytes of logs into %2…").arg(QLocale().toString(logs.size()), name));
        CallOptions options;
        options.timeoutMs = 0; // replaying a long log takes as long as it takes
        options.uploadProgress = [self = QPointer(this)](qint64 sent, qint64 total) {
            if (self && total > 0)
                self->setBytes(sent, total);
        };
        call()->start(client()->ledger().v2().importLogs({.ledger = name, .body = logs}, options),
                      [this, name](const auto &) {
                          m_importedLedger = name;
                          setBytes(m_totalBytes, m_totalBytes);
                          setProgress(2, 2, tr("The logs were imported into %1.").arg(name));
                          emit imported(name);
                      });
    });
}

void LogsTransferController::cancel() {
    call()->cancel();
    dropFile();
    setProgress(0, 0, tr("Canceled."));
}
