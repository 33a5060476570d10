// The ledger's log: every committed change, newest first, with its hash chain checked as pages
// arrive, and filtered by a date range and a point in time.
//
// The chain: each log's hash covers the hash of the log before it, so an altered or dropped log
// breaks the link at its row. The OpenAPI documents say only that `hash` is a string; how a real
// ledger computes it (Go JSON encodings of the log) is not derivable from them. The check follows
// the sandbox's algorithm (sandbox/src/ledger/LedgerStore.cpp, logHash): lowercase hex SHA-256 of
//   previous hash (hex text, "" before log 0) + id (decimal) + type + date + data (JSON, as sent)
// with the date as RFC 3339 UTC with 6 fraction digits. A stack whose hashes are not 64 hex digits
// uses another algorithm: then no row is checked (chainNote says so), rather than every row flagged.
#pragma once

#include "core/PagedListModel.h"
#include <Formance/BigInt.h>
#include <Formance/Timestamp.h>

#include <QtQml/qqmlregistration.h>

struct LogRow {
    Formance::BigInt id;
    QString type;
    Formance::Timestamp date;
    QString hash;
    QByteArray data; // the entry's JSON, exact
    enum class Link { Unchecked, Intact, Broken };
    Link link = Link::Unchecked; // this log's hash against its predecessor's
};

class LogsModel : public PagedListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString ledger READ ledger WRITE setLedger NOTIFY ledgerChanged)
    // Filters: inclusive start and exclusive end of the log's date, and a point in time.
    Q_PROPERTY(QString from READ from WRITE setFrom NOTIFY filterChanged)
    Q_PROPERTY(QString to READ to WRITE setTo NOTIFY filterChanged)
    Q_PROPERTY(QString pointInTime READ pointInTime WRITE setPointInTime NOTIFY filterChanged)
    Q_PROPERTY(QString fromError READ fromError NOTIFY filterChanged)
    Q_PROPERTY(QString toError READ toError NOTIFY filterChanged)
    Q_PROPERTY(QString pointInTimeError READ pointInTimeError NOTIFY filterChanged)
    Q_PROPERTY(int brokenCount READ brokenCount NOTIFY chainChanged)
    Q_PROPERTY(QString chainNote READ chainNote NOTIFY chainChanged)
public:
    enum Role { IdRole = Qt::UserRole + 1, TypeRole, DateRole, HashRole, DataRole, LinkRole, LinkTextRole };
    explicit LogsModel(QObject *parent = nullptr);

    int count() const override { return int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    const LogRow &row(int i) const { return m_rows.at(i); }

    QString ledger() const { return m_ledger; }
    void setLedger(const QString &ledger);
    QString from() const { return m_fromText; }
    void setFrom(const QString &v);
    QString to() const { return m_toText; }
    void setTo(const QString &v);
    QString pointInTime() const { return m_pitText; }
    void setPointInTime(const QString &v);
    QString fromError() const { return m_fromError; }
    QString toError() const { return m_toError; }
    QString pointInTimeError() const { return m_pitError; }
    int brokenCount() const { return m_broken; }
    QString chainNote() const { return m_chainNote; }

    // The hash the log should carry after `previousHash` (see above).
    static QString expectedHash(const QString &previousHash, const LogRow &log);

signals:
    void ledgerChanged();
    void filterChanged();
    void chainChanged();

protected:
    void requestPage(const std::optional<QString> &cursor) override;
    void clearRows() override;
    bool ready() const override;

private:
    void updateFilters();
    void checkChain(int firstNew);

    QString m_ledger;
    QString m_fromText, m_toText, m_pitText;
    QString m_fromError, m_toError, m_pitError;
    std::optional<Formance::Timestamp> m_from, m_to, m_pit;
    QList<LogRow> m_rows;
    int m_broken = 0;
    QString m_chainNote;
};
