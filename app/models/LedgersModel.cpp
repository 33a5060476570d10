#include "LedgersModel.h"

#include "Client.h"
#include "controllers/ErrorText.h"
#include "controllers/Session.h"
#include "formance/ledger/v2/LedgerV2Api.h"

#include <QLocale>

using namespace Formance;

LedgersModel::LedgersModel(QObject *parent)
    : PagedListModel(parent) {}

void LedgersModel::requestPage(const std::optional<QString> &cursor, int generation) {
    Ledger::V2::V2ListLedgersRequest request;
    if (cursor)
        request.cursor = *cursor;
    else
        request.pageSize = pageSize();
    session()->client()->ledger().v2().listLedgers(request).then(this, [this,
                                                                        generation](const Result<
                                                                                    Ledger::V2::
                                                                                        V2ListLedgersResponse>
                                                                                        &result) {
        if (!result || !result->body) {
            pageFailed(generation, result ? tr("The stack answered without a ledger list.")
                                          : ErrorText::describe(result.error()));
            return;
        }
        const auto &page = result->body->cursor;
        pageLoaded(generation, page.next, page.hasMore, [this, &page] {
            if (page.data.isEmpty())
                return;
            beginInsertRows({}, count(), count() + int(page.data.size()) - 1);
            for (const auto &l : page.data)
                m_rows.append({l.name, l.bucket, l.addedAt, l.metadata.value_or(QMap<QString, QString>())});
            endInsertRows();
        });
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
        return QLocale().toString(row.addedAt.toDateTime().toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"));
    case MetadataRole: {
        QVariantMap map;
        for (auto it = row.metadata.cbegin(); it != row.metadata.cend(); ++it)
            map.insert(it.key(), it.value());
        return map;
    }
    case MetadataTextRole: {
        QStringList parts;
        for (auto it = row.metadata.cbegin(); it != row.metadata.cend(); ++it)
            parts.append(it.key() + u'=' + it.value());
        return parts.join(QStringLiteral("  "));
    }
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
