// A ledger's log out to a file and into a new ledger: exportLogs written to the chosen file
// (through a QSaveFile, so a canceled or failed export leaves no half file), and a file of
// logs imported into a ledger created for it (createLedger, then importLogs), each step shown.
// The SDK hands the export over once the answer is complete (it buffers the body): progress is
// the step, and Cancel drops the call in flight.
#pragma once

#include "core/Controller.h"

#include <QUrl>

class LogsTransferController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString status READ status NOTIFY progressChanged)
    // 0..steps: how far the export (1 step) or import (2 steps) got.
    Q_PROPERTY(int step READ step NOTIFY progressChanged)
    Q_PROPERTY(int steps READ steps NOTIFY progressChanged)
    Q_PROPERTY(qint64 bytes READ bytes NOTIFY progressChanged)
    Q_PROPERTY(QString lastFile READ lastFile NOTIFY progressChanged)
    Q_PROPERTY(QString importedLedger READ importedLedger NOTIFY progressChanged)
public:
    explicit LogsTransferController(QObject *parent = nullptr);

    QString status() const { return m_status; }
    int step() const { return m_step; }
    int steps() const { return m_steps; }
    qint64 bytes() const { return m_bytes; }
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
    QString m_status;
    int m_step = 0;
    int m_steps = 0;
    qint64 m_bytes = 0;
    QString m_lastFile;
    QString m_importedLedger;
};
