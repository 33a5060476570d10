// Transactions of one ledger, newest first by default, paged with cursors as the view
// scrolls. Filters (account, source, destination, reference, time range, metadata, point in
// time) are sent with every page, so they survive paging. Rows keep only what the table
// shows, so scrolling through 100,000 transactions stays within memory bounds.
#pragma once

#include "core/PagedListModel.h"
#include "ledger/ListCount.h"
#include <Formance/BigInt.h>
#include <Formance/Timestamp.h>

#include <QMap>
#include <QtQml/qqmlregistration.h>

namespace Formance::Ledger::V2 {
struct V2ListTransactionsRequest;
}

struct PostingRow {
    QString source;
    QString destination;
    Formance::BigInt amount;
    QString asset;
};

struct TransactionRow {
    Formance::BigInt id;
    Formance::Timestamp timestamp;
    QString reference;
    QList<PostingRow> postings;
    QMap<QString, QString> metadata;
    bool reverted = false;
};

struct TransactionFilter {
    QString account; // exact address, or a pattern where an empty segment matches any ("users:")
    QString source;
    QString destination;
    QString reference;
    QString metadataKey;
    QString metadataValue;
    std::optional<Formance::Timestamp> from; // inclusive
    std::optional<Formance::Timestamp> to;   // exclusive

    // The ledger v2 query body ($and of $match/$gte/$lt), or empty when nothing is filtered.
    QByteArray toQueryJson() const;
};

class TransactionsModel : public PagedListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString ledger READ ledger WRITE setLedger NOTIFY ledgerChanged)
    Q_PROPERTY(QString account READ account WRITE setAccount NOTIFY filterChanged)
    Q_PROPERTY(QString source READ source WRITE setSource NOTIFY filterChanged)
    Q_PROPERTY(QString destination READ destination WRITE setDestination NOTIFY filterChanged)
    Q_PROPERTY(QString reference READ reference WRITE setReference NOTIFY filterChanged)
    Q_PROPERTY(QString metadataKey READ metadataKey WRITE setMetadataKey NOTIFY filterChanged)
    Q_PROPERTY(QString metadataValue READ metadataValue WRITE setMetadataValue NOTIFY filterChanged)
    Q_PROPERTY(QString from READ from WRITE setFrom NOTIFY filterChanged)
    Q_PROPERTY(QString to READ to WRITE setTo NOTIFY filterChanged)
    Q_PROPERTY(QString pointInTime READ pointInTime WRITE setPointInTime NOTIFY filterChanged)
    Q_PROPERTY(bool oldestFirst READ oldestFirst WRITE setOldestFirst NOTIFY filterChanged)
    Q_PROPERTY(QString filterError READ filterError NOTIFY filterChanged)
    // The total for the filters and point in time (countTransactions), beside the list.
    Q_PROPERTY(ListCount *total READ total CONSTANT)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TimestampRole,
        TimeTextRole,
        ReferenceRole,
        PostingsRole,
        PostingsTextRole,
        AmountTextRole,
        MetadataRole,
        MetadataTextRole,
        RevertedRole,
    };
    Q_ENUM(Role)

    explicit TransactionsModel(QObject *parent = nullptr);

    int count() const override { return int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    const TransactionRow &row(int i) const { return m_rows.at(i); }
    TransactionFilter filter() const { return m_filter; }
    std::optional<Formance::Timestamp> pit() const { return m_pit; }
    // The first-page request for the current ledger, filters, point in time and order (exports use it too).
    Formance::Ledger::V2::V2ListTransactionsRequest firstPageRequest() const;

    ListCount *total() const { return m_total; }
    QString ledger() const { return m_ledger; }
    void setLedger(const QString &ledger);
    QString account() const { return m_filter.account; }
    void setAccount(const QString &v) { setField(m_filter.account, v); }
    QString source() const { return m_filter.source; }
    void setSource(const QString &v) { setField(m_filter.source, v); }
    QString destination() const { return m_filter.destination; }
    void setDestination(const QString &v) { setField(m_filter.destination, v); }
    QString reference() const { return m_filter.reference; }
    void setReference(const QString &v) { setField(m_filter.reference, v); }
    QString metadataKey() const { return m_filter.metadataKey; }
    void setMetadataKey(const QString &v) { setField(m_filter.metadataKey, v); }
    QString metadataValue() const { return m_filter.metadataValue; }
    void setMetadataValue(const QString &v) { setField(m_filter.metadataValue, v); }
    QString from() const { return m_fromText; }
    void setFrom(const QString &v);
    QString to() const { return m_toText; }
    void setTo(const QString &v);
    QString pointInTime() const { return m_pitText; }
    void setPointInTime(const QString &v);
    bool oldestFirst() const { return m_oldestFirst; }
    void setOldestFirst(bool v);
    QString filterError() const { return m_filterError; }

    Q_INVOKABLE QVariantMap get(int row) const;
    Q_INVOKABLE void clearFilters();

    // "2024-11-13", "2024-11-13 10:20", or RFC 3339; empty text means no bound.
    static std::optional<Formance::Timestamp> parseTimeInput(const QString &text, bool *ok);
    static QString postingsText(const TransactionRow &row);

signals:
    void ledgerChanged();
    void filterChanged();

protected:
    void requestPage(const std::optional<QString> &cursor) override;
    void clearRows() override { m_rows.clear(); }
    void firstPageLoaded() override;
    bool ready() const override;

private:
    void setField(QString &field, const QString &value);
    void updateTimes();

    QString m_ledger;
    TransactionFilter m_filter;
    QString m_fromText, m_toText, m_pitText;
    std::optional<Formance::Timestamp> m_pit;
    bool m_oldestFirst = false;
    QString m_filterError;
    QList<TransactionRow> m_rows;
    ListCount *m_total = new ListCount(this);
};
