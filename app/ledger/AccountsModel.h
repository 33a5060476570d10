// Accounts of one ledger with their balances per asset, optionally narrowed by an address
// pattern ("users:" matches every two-segment address under users).
#pragma once

#include "core/PagedListModel.h"
#include "ledger/ListCount.h"
#include <Formance/BigInt.h>
#include <Formance/Timestamp.h>

#include <QMap>
#include <QtQml/qqmlregistration.h>

struct AccountRow {
    QString address;
    QMap<QString, Formance::BigInt> balances; // asset → balance
    QMap<QString, QString> metadata;
};

class AccountsModel : public PagedListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString ledger READ ledger WRITE setLedger NOTIFY ledgerChanged)
    Q_PROPERTY(QString addressFilter READ addressFilter WRITE setAddressFilter NOTIFY addressFilterChanged)
    // Balances as they stood then (same formats as TransactionsModel's times); empty: now.
    Q_PROPERTY(QString pointInTime READ pointInTime WRITE setPointInTime NOTIFY pointInTimeChanged)
    Q_PROPERTY(QString pointInTimeError READ pointInTimeError NOTIFY pointInTimeChanged)
    // The total for the pattern and point in time (countAccounts), beside the list.
    Q_PROPERTY(ListCount *total READ total CONSTANT)
public:
    enum Role {
        AddressRole = Qt::UserRole + 1,
        BalancesRole,
        BalancesTextRole,
        MetadataRole,
        MetadataTextRole
    };
    explicit AccountsModel(QObject *parent = nullptr);

    int count() const override { return int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    const AccountRow &row(int i) const { return m_rows.at(i); }
    Q_INVOKABLE QString addressAt(int i) const {
        return i >= 0 && i < count() ? m_rows.at(i).address : QString();
    }

    ListCount *total() const { return m_total; }
    QString ledger() const { return m_ledger; }
    void setLedger(const QString &ledger);
    QString addressFilter() const { return m_addressFilter; }
    void setAddressFilter(const QString &filter);
    QString pointInTime() const { return m_pitText; }
    void setPointInTime(const QString &text);
    QString pointInTimeError() const { return m_pitError; }

signals:
    void ledgerChanged();
    void addressFilterChanged();
    void pointInTimeChanged();

protected:
    void requestPage(const std::optional<QString> &cursor) override;
    void clearRows() override { m_rows.clear(); }
    bool ready() const override {
        return PagedListModel::ready() && !m_ledger.isEmpty() && m_pitError.isEmpty();
    }

private:
    QString m_ledger;
    QString m_addressFilter;
    QString m_pitText;
    QString m_pitError;
    std::optional<Formance::Timestamp> m_pit;
    QList<AccountRow> m_rows;
    ListCount *m_total = new ListCount(this);
};
