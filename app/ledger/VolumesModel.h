// Volumes with balances (getVolumesWithBalances) of one ledger over a window of time: from the
// origin of time (or a start) to now (or a point in time), dated by effective date or by
// insertion date, optionally summed by the first N segments of the addresses.
#pragma once

#include "core/PagedListModel.h"
#include <Formance/BigInt.h>
#include <Formance/Timestamp.h>

#include <QtQml/qqmlregistration.h>

struct VolumeRow {
    QString account, asset;
    Formance::BigInt input, output, balance;
};

class VolumesModel : public PagedListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString ledger READ ledger WRITE setLedger NOTIFY ledgerChanged)
    // Empty: the origin of time / now. Same formats as the transaction filters.
    Q_PROPERTY(QString startTime READ startTime WRITE setStartTime NOTIFY windowChanged)
    Q_PROPERTY(QString endTime READ endTime WRITE setEndTime NOTIFY windowChanged)
    Q_PROPERTY(bool insertionDate READ insertionDate WRITE setInsertionDate NOTIFY windowChanged)
    // 0: every account; N: summed by the first N segments.
    Q_PROPERTY(int groupBy READ groupBy WRITE setGroupBy NOTIFY windowChanged)
    Q_PROPERTY(QString addressFilter READ addressFilter WRITE setAddressFilter NOTIFY windowChanged)
    Q_PROPERTY(QString windowError READ windowError NOTIFY windowChanged)
public:
    enum Role { AccountRole = Qt::UserRole + 1, AssetRole, InputRole, OutputRole, BalanceRole };
    explicit VolumesModel(QObject *parent = nullptr);

    int count() const override { return int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    const VolumeRow &row(int i) const { return m_rows.at(i); }

    QString ledger() const { return m_ledger; }
    void setLedger(const QString &v);
    QString startTime() const { return m_startText; }
    void setStartTime(const QString &v);
    QString endTime() const { return m_endText; }
    void setEndTime(const QString &v);
    bool insertionDate() const { return m_insertionDate; }
    void setInsertionDate(bool v);
    int groupBy() const { return m_groupBy; }
    void setGroupBy(int v);
    QString addressFilter() const { return m_addressFilter; }
    void setAddressFilter(const QString &v);
    QString windowError() const { return m_windowError; }

signals:
    void ledgerChanged();
    void windowChanged();

protected:
    void requestPage(const std::optional<QString> &cursor) override;
    void clearRows() override { m_rows.clear(); }
    bool ready() const override {
        return PagedListModel::ready() && !m_ledger.isEmpty() && m_windowError.isEmpty();
    }

private:
    void windowEdited();
    QString m_ledger;
    QString m_startText, m_endText, m_addressFilter;
    std::optional<Formance::Timestamp> m_start, m_end;
    bool m_insertionDate = false;
    int m_groupBy = 0;
    QString m_windowError;
    QList<VolumeRow> m_rows;
};
