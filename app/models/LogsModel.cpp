#include "LogsModel.h"

#include "Client.h"
#include "controllers/ErrorText.h"
#include "formance/ledger/v2/LedgerV2Api.h"

#include <QLocale>

using namespace Formance;

LogsModel::LogsModel(QObject *parent)
    : PagedListModel(parent) {}

void LogsModel::setLedger(const QString &ledger) {
    if (ledger == m_ledger)
        return;
    m_ledger = ledger;
    emit ledgerChanged();
    scheduleReload();
}

void LogsModel::requestPage(const std::optional<QString> &cursor, int generation) {
    Ledger::V2::V2ListLogsRequest request;
    request.ledger = m_ledger;
    if (cursor)
        request.cursor = *cursor;
    else
        request.pageSize = pageSize();
    session()->client()->ledger().v2().listLogs(request).then(
        this, [this, generation](const Result<Ledger::V2::V2ListLogsResponse> &result) {
            if (!result || !result->body) {
                pageFailed(generation, result ? tr("The stack answered without a log page.")
                                              : ErrorText::describe(result.error()));
                return;
            }
            const auto &page = result->body->cursor;
            pageLoaded(generation, page.next, page.hasMore, [this, &page] {
                if (page.data.isEmpty())
                    return;
                beginInsertRows({}, count(), count() + int(page.data.size()) - 1);
                for (const auto &log : page.data)
                    m_rows.append({log.id, log.type.toString(), log.date, log.hash, log.data.json()});
                endInsertRows();
            });
        });
}

QVariant LogsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case IdRole:
        return row.id.toString();
    case TypeRole:
        return row.type;
    case DateRole:
        return QLocale().toString(row.date.toDateTime().toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case HashRole:
        return row.hash;
    case DataRole:
        return QString::fromUtf8(row.data);
    }
    return {};
}

QHash<int, QByteArray> LogsModel::roleNames() const {
    return {
        {IdRole, "logId"}, {TypeRole, "type"}, {DateRole, "date"}, {HashRole, "hash"}, {DataRole, "payload"}};
}
