// The wallets of the connected stack (wallets service v1), optionally narrowed to one name.
#pragma once

#include "core/PagedListModel.h"
#include <Formance/Timestamp.h>

#include <QMap>
#include <QtQml/qqmlregistration.h>

struct WalletRow {
    QString id;
    QString name;
    QString ledger;
    Formance::Timestamp createdAt;
    QMap<QString, QString> metadata;
};

class WalletsModel : public PagedListModel {
    Q_OBJECT
    QML_ELEMENT
    // The service matches the whole name; empty lists every wallet.
    Q_PROPERTY(QString nameFilter READ nameFilter WRITE setNameFilter NOTIFY filterChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        LedgerRole,
        CreatedAtRole,
        MetadataRole,
        MetadataTextRole
    };
    explicit WalletsModel(QObject *parent = nullptr);

    int count() const override { return int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    const WalletRow &row(int i) const { return m_rows.at(i); }
    Q_INVOKABLE QString idAt(int row) const { return row >= 0 && row < count() ? m_rows[row].id : QString(); }
    Q_INVOKABLE QString nameAt(int row) const {
        return row >= 0 && row < count() ? m_rows[row].name : QString();
    }

    QString nameFilter() const { return m_nameFilter; }
    void setNameFilter(const QString &name);

signals:
    void filterChanged();

protected:
    void requestPage(const std::optional<QString> &cursor) override;
    void clearRows() override { m_rows.clear(); }

private:
    QList<WalletRow> m_rows;
    QString m_nameFilter;
};
