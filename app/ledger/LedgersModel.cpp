#include "LedgersModel.h"

#include "core/ErrorText.h"
#include "core/ListSupport.h"
#include "core/Session.h"
#include <Formance/Client.h>
#include <Formance/ledger/v2/LedgerV2Api.h>

using namespace Formance;

LedgersModel::LedgersModel(QObject *parent)
    : PagedListModel(parent) {}

void LedgersModel::requestPage(const std::optional<QString> &cursor) {
    Ledger::V2::V2ListLedgersRequest request;
    if (cursor)
        request.cursor = *cursor;
    else
        request.pageSize = pageSize();
    startPage(session()->client()->ledger().v2().listLedgers(request), m_rows, [](const Models::V2Ledger &l) {
        return LedgerRow{l.name, l.bucket, l.addedAt, l.metadata.value_or(QMap<QString, QString>())};
    });
}

QVariant LedgersModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LedgerRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case BucketRole:
        return row.bucket;
    case AddedAtRole:
        return ListSupport::localTimeText(row.addedAt);
    case MetadataRole:
        return ListSupport::toVariantMap(row.metadata);
    case MetadataTextRole:
        return ListSupport::metadataText(row.metadata);
    }
    return {};
}

QHash<int, QByteArray> LedgersModel::roleNames() const {
    return {{NameRole, "name"},
            {BucketRole, "bucket"},
            {AddedAtRole, "addedAt"},
            {MetadataRole, "metadata"},
            {MetadataTextRole, "metadataText"}};
}
