// Exports what a list shows (every page of it, with its filters and point in time) to CSV or
// JSON Lines, with progress and cancel. Amounts are written exactly, as integers in minor
// units plus the decimal text. The file appears only when the export completes (QSaveFile).
#pragma once

#include "core/Controller.h"
#include "ledger/AccountsModel.h"
#include "ledger/TransactionsModel.h"

#include <Formance/support/PageWalker.h>

#include <QUrl>

#include <functional>
#include <memory>

class QSaveFile;

// Its walk over every page is not a CallHolder call: a cancel must still reach end() to discard the
// file and say "Export canceled.". The session, error text and writable come from Controller.
class ExportController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool running READ running NOTIFY progressChanged)
    Q_PROPERTY(qint64 exported READ exported NOTIFY progressChanged)
    Q_PROPERTY(QString lastFile READ lastFile NOTIFY progressChanged)
public:
    explicit ExportController(QObject *parent = nullptr);
    ~ExportController() override;

    bool running() const { return m_running; }
    qint64 exported() const { return m_exported; }
    QString lastFile() const { return m_lastFile; }

    // format: "csv" or "jsonl".
    Q_INVOKABLE void exportTransactions(TransactionsModel *source, const QUrl &file, const QString &format);
    Q_INVOKABLE void exportAccounts(AccountsModel *source, const QUrl &file, const QString &format);
    Q_INVOKABLE void cancel();

    static QByteArray csvField(const QString &value);

signals:
    void progressChanged();
    void finished(bool ok);

private:
    bool begin(const QUrl &file);
    void end(const QString &error);
    void finishWith(Formance::Call<Formance::PageWalk> call); // keeps its cancel, ends the export

    bool m_running = false;
    qint64 m_exported = 0;
    QString m_lastFile;
    QString m_badRow; // why a transactions export stopped on a row that is not a transaction
    std::unique_ptr<QSaveFile> m_file;
    std::function<void()> m_cancel;
};
