#include "WalletTransactionsModel.h"

#include "core/ListSupport.h"
#include <Formance/Client.h>
#include <Formance/Money.h>
#include <Formance/wallets/v1/WalletsV1Api.h>

using namespace Formance;

WalletTransactionsModel::WalletTransactionsModel(QObject *parent)
    : PagedListModel(parent) {
    setPageSize(20);
}

void WalletTransactionsModel::setWalletId(const QString &id) {
    if (id == m_walletId)
        return;
    m_walletId = id;
    emit walletIdChanged();
    scheduleReload();
}

bool WalletTransactionsModel::ready() const {
    return PagedListModel::ready() && !m_walletId.isEmpty();
}

void WalletTransactionsModel::requestPage(const std::optional<QString> &cursor) {
    Wallets::V1::GetTransactionsRequest request;
    if (cursor) {
        request.cursor = *cursor;
    } else {
        request.pageSize = pageSize();
        request.walletID = m_walletId;
    }
    startPage(session()->client()->wallets().v1().getTransactions(request), m_rows, [](const auto &t) {
        QStringList postings;
        for (const auto &p : t.postings)
            postings.append(QStringLiteral("%1 %2  %3 → %4")
                                .arg(Money::format(p.amount, p.asset), p.asset, p.source, p.destination));
        return WalletTransactionRow{t.id.toString(),
                                    t.ledger.value_or(QString()),
                                    t.timestamp,
                                    postings.join(QStringLiteral("; ")),
                                    t.reference.value_or(QString()),
                                    ListSupport::metadataText(t.metadata.toQMap())};
    });
}

QVariant WalletTransactionsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case PostingsRole:
        return row.postings;
    case IdRole:
        return row.id;
    case LedgerRole:
        return row.ledger;
    case TimeRole:
        return ListSupport::localTimeText(row.timestamp);
    case ReferenceRole:
        return row.reference;
    case MetadataTextRole:
        return row.metadataText;
    }
    return {};
}

QHash<int, QByteArray> WalletTransactionsModel::roleNames() const {
    return {{IdRole, "transactionId"},  {LedgerRole, "ledger"},       {TimeRole, "time"},
            {PostingsRole, "postings"}, {ReferenceRole, "reference"}, {MetadataTextRole, "metadataText"}};
}
