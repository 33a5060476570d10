// Bulk import: transactions from a CSV or JSON Lines file (or pasted), every row checked locally
// (addresses, assets, exact amounts in the asset's units) with the bad rows listed by line, a
// dry-run preview of the balances the good rows would leave, then one `_bulk` of the good rows
// with a result per element. What the stack does when one element fails is chosen, and said, in
// one place from the ledger's generation (bulkPolicy).
#pragma once

#include "core/CallGroup.h"
#include "core/Controller.h"
#include <Formance/BigInt.h>

#include <QAbstractListModel>
#include <QUrl>
#include <QVariantList>

struct BulkRow {
    int line = 0;
    QString summary; // "world → users:0001 12.34 USD/2 · ref"
    QString problem; // why the row is refused locally
    struct Posting {
        QString source, destination, asset;
        Formance::BigInt amount;
    };
    QList<Posting> postings;
    QString reference;
    QMap<QString, QString> metadata;
    QString timestamp;
    enum class State { Bad, Ready, Posted, Failed, NotTried } state = State::Ready;
    QString result; // the transaction id, or the stack's error
};

// The rows of an import, each with its line and its state.
class BulkRowsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by BulkController")
public:
    enum Role { LineRole = Qt::UserRole + 1, SummaryRole, ProblemRole, StateRole, ResultRole };
    using QAbstractListModel::QAbstractListModel;
    int rowCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    const QList<BulkRow> &rows() const { return m_rows; }
    void setRows(QList<BulkRow> rows);
    void update(int i, BulkRow::State state, const QString &result);

private:
    QList<BulkRow> m_rows;
};

class BulkController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString ledger MEMBER m_ledger NOTIFY ledgerChanged)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY rowsChanged)
    Q_PROPERTY(QString source READ source NOTIFY rowsChanged)
    Q_PROPERTY(QString format READ format NOTIFY rowsChanged) // "csv", "jsonl" or ""
    Q_PROPERTY(BulkRowsModel *rows READ rows CONSTANT)
    Q_PROPERTY(int total READ total NOTIFY rowsChanged)
    Q_PROPERTY(int bad READ bad NOTIFY rowsChanged)
    Q_PROPERTY(int ready READ ready NOTIFY rowsChanged)
    // "line 4: …" for each bad row.
    Q_PROPERTY(QStringList problems READ problems NOTIFY rowsChanged)
    Q_PROPERTY(QVariantList preview READ preview NOTIFY previewChanged)
    Q_PROPERTY(bool previewed READ previewed NOTIFY previewChanged)
    Q_PROPERTY(int overdrawn READ overdrawn NOTIFY previewChanged)
    Q_PROPERTY(int posted READ posted NOTIFY resultsChanged)
    Q_PROPERTY(int failed READ failed NOTIFY resultsChanged)
    Q_PROPERTY(int notTried READ notTried NOTIFY resultsChanged)
    Q_PROPERTY(bool sent READ sent NOTIFY resultsChanged)
    // What this stack's bulk does when an element fails, in words.
    Q_PROPERTY(QString policy READ policy NOTIFY policyChanged)
public:
    explicit BulkController(QObject *parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString &text);
    QString source() const { return m_source; }
    QString format() const { return m_format; }
    BulkRowsModel *rows() const { return m_rows; }
    int total() const { return int(m_rows->rows().size()); }
    int bad() const;
    int ready() const;
    QStringList problems() const;
    QVariantList preview() const { return m_preview; }
    bool previewed() const { return m_previewed; }
    int overdrawn() const { return m_overdrawn; }
    int posted() const { return countState(BulkRow::State::Posted); }
    int failed() const { return countState(BulkRow::State::Failed); }
    int notTried() const { return countState(BulkRow::State::NotTried); }
    bool sent() const { return m_sent; }
    QString policy() const;
    bool busy() const override { return Controller::busy() || m_bulk->busy(); }

    // Reads a local file (CSV or JSON Lines) as if pasted.
    Q_INVOKABLE bool loadFile(const QUrl &url);
    Q_INVOKABLE void dryRun();
    Q_INVOKABLE void send();
    Q_INVOKABLE void clear() { setText(QString()); }

    // One place for what differs between generations: the _bulk flags sent.
    struct Policy {
        bool continueOnFailure;
        QString description;
    };
    Policy bulkPolicy() const;

    // Parses an import (JSON Lines when the first line is an object, else CSV with a header).
    static QList<BulkRow> parse(const QString &text, QString *format);

signals:
    void ledgerChanged();
    void rowsChanged();
    void previewChanged();
    void resultsChanged();
    void policyChanged();
    void done();

private:
    int countState(BulkRow::State s) const;
    void setPreview(const QVariantList &rows, bool previewed);
    void sessionChangedEvent() override;

    QString m_ledger;
    QString m_text;
    QString m_source;
    QString m_format;
    QString m_importKey; // the elements' idempotency keys: this import's key and the row's line
    BulkRowsModel *m_rows;
    CallGroup *m_bulk;
    QVariantList m_preview;
    bool m_previewed = false;
    int m_overdrawn = 0;
    bool m_sent = false;
};
