#include "WalletsModel.h"

#include "core/ErrorText.h"
#include "core/ListSupport.h"
#include "core/Session.h"
#include <Formance/Client.h>
#include <Formance/wallets/v1/WalletsV1Api.h>

using namespace Formance;

WalletsModel::WalletsModel(QObject *parent)
    : PagedListModel(parent) {}

void WalletsModel::setNameFilter(const QString &name) {
    const QString trimmed = name.trimmed();
    if (trimmed == m_nameFilter)
        return;
    m_nameFilter = trimmed;
    emit filterChanged();
    scheduleReload();
}

void WalletsModel::requestPage(const std::optional<QString> &cursor) {
    Wallets::V1::ListWalletsRequest request;
    if (cursor) {
        request.cursor = *cursor;
    } else {
        request.pageSize = pageSize();
        if (!m_nameFilter.isEmpty())
            request.name = m_nameFilter;
    }
    startPage(session()->client()->wallets().v1().listWallets(request), m_rows, [](const auto &w) {
        return WalletRow{w.id, w.name, w.ledger, w.createdAt, w.metadata.toQMap()};
    });
}

QVariant WalletsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const WalletRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case IdRole:
        return row.id;
    case LedgerRole:
        return row.ledger;
    case CreatedAtRole:
        return ListSupport::localTimeText(row.createdAt);
    case MetadataRole:
        return ListSupport::toVariantMap(row.metadata);
    case MetadataTextRole:
        return ListSupport::metadataText(row.metadata);
    }
    return {};
}

QHash<int, QByteArray> WalletsModel::roleNames() const {
    return {{IdRole, "walletId"},         {NameRole, "name"},         {LedgerRole, "ledger"},
            {CreatedAtRole, "createdAt"}, {MetadataRole, "metadata"}, {MetadataTextRole, "metadataText"}};
}
