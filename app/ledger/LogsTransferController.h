// A ledger's log out to a file and into a new ledger: exportLogs streamed to the chosen file as it
// arrives (CallOptions::bodySink, never held whole in memory) through a QSaveFile, so a canceled
// or failed export leaves no file at all, not a partial one; and a file of logs imported into a
// ledger created for it (createLedger, then importLogs), each step shown. Progress is the bytes so
// far and the total when the stack sends a length; Cancel drops the call in flight.
#pragma once

#include "core/Controller.h"

#include <QSaveFile>
#include <QUrl>

#include <memory>

class LogsTransferController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString status READ status NOTIFY progressChanged)
    // 0..steps: how far the export (1 step) or import (2 steps) got.
    Q_PROPERTY(int step READ step NOTIFY progressChanged)
    Q_PROPERTY(int steps READ steps NOTIFY progressChanged)
    Q_PROPERTY(qint64 bytes READ bytes NOTIFY progressChanged)
    // The transfer's size in bytes, -1 while unknown (an export without Content-Length).
    Q_PROPERTY(qint64 totalBytes READ totalBytes NOTIFY progressChanged)
    // bytes / totalBytes, for a progress bar; -1 while the total is unknown.
    Q_PROPERTY(double fraction READ fraction NOTIFY progressChanged)
    // "3.2 MB of 50 MB", "3.2 MB" when the total is unknown, "" before any byte.
    Q_PROPERTY(QString bytesText READ bytesText NOTIFY progressChanged)
    Q_PROPERTY(QString lastFile READ lastFile NOTIFY progressChanged)
    Q_PROPERTY(QString importedLedger READ importedLedger NOTIFY progressChanged)
public:
    explicit LogsTransferController(QObject *parent = nullptr);

    QString status() const { return m_status; }
    int step() const { return m_step; }
    int steps() const { return m_steps; }
    qint64 bytes() const { return m_bytes; }
    qint64 totalBytes() const { return m_totalBytes; }
    QString bytesText() const;
    double fraction() const { return m_totalBytes > 0 ? double(m_bytes) / double(m_totalBytes) : -1; }
    QString lastFile() const { return m_lastFile; }
    QString importedLedger() const { return m_importedLedger; }

    Q_INVOKABLE void exportTo(const QString &ledger, const QUrl &file);
    // Creates `newLedger` and imports the logs of `file` into it.
    Q_INVOKABLE void importInto(const QUrl &file, const QString &newLedger);
    Q_INVOKABLE void cancel();
    // Why `name` cannot be a new ledger's name ("" when it can).
    Q_INVOKABLE QString ledgerNameProblem(const QString &name) const;

signals:
    void progressChanged();
    void exported(const QString &file);
    void imported(const QString &ledger);

private:
    void setProgress(int step, int steps, const QString &status);
    void setBytes(qint64 bytes, qint64 total);
    void dropFile();
    QString m_status;
    int m_step = 0;
    int m_steps = 0;
    qint64 m_bytes = 0;
    qint64 m_totalBytes = -1;
    std::unique_ptr<QSaveFile> m_file; // the export in progress
    QString m_lastFile;
    QString m_importedLedger;
};
