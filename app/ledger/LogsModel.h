// The ledger's log: every committed change in order, with its hash chain.
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
};

class LogsModel : public PagedListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString ledger READ ledger WRITE setLedger NOTIFY ledgerChanged)
public:
    enum Role { IdRole = Qt::UserRole + 1, TypeRole, DateRole, HashRole, DataRole };
    explicit LogsModel(QObject *parent = nullptr);

    int count() const override { return int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    const LogRow &row(int i) const { return m_rows.at(i); }

    QString ledger() const { return m_ledger; }
    void setLedger(const QString &ledger);

signals:
    void ledgerChanged();

protected:
    void requestPage(const std::optional<QString> &cursor) override;
    void clearRows() override { m_rows.clear(); }
    bool ready() const override { return PagedListModel::ready() && !m_ledger.isEmpty(); }

private:
    QString m_ledger;
    QList<LogRow> m_rows;
};
