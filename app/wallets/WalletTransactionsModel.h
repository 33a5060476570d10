// One wallet's transactions (wallets service v1), newest first, page by page.
#pragma once

#include "core/PagedListModel.h"
#include <Formance/Timestamp.h>

#include <QtQml/qqmlregistration.h>

struct WalletTransactionRow {
    QString id;
    QString ledger;
    Formance::Timestamp timestamp;
    QString postings; // "12.00 USD/2 world → wallets:…:main"
    QString reference;
    QString metadataText;
};

class WalletTransactionsModel : public PagedListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString walletId READ walletId WRITE setWalletId NOTIFY walletIdChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        LedgerRole,
        TimeRole,
        PostingsRole,
        ReferenceRole,
        MetadataTextRole
    };
    explicit WalletTransactionsModel(QObject *parent = nullptr);

    QString walletId() const { return m_walletId; }
    void setWalletId(const QString &id);
    int count() const override { return int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    const WalletTransactionRow &row(int i) const { return m_rows.at(i); }

signals:
    void walletIdChanged();

protected:
    void requestPage(const std::optional<QString> &cursor) override;
    void clearRows() override { m_rows.clear(); }
    bool ready() const override;

private:
    QList<WalletTransactionRow> m_rows;
    QString m_walletId;
};
