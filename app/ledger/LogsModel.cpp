#include "LogsModel.h"

#include "core/ErrorText.h"
#include "core/ListSupport.h"
#include <Formance/Client.h>
#include <Formance/ledger/v2/LedgerV2Api.h>

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

void LogsModel::requestPage(const std::optional<QString> &cursor) {
    Ledger::V2::V2ListLogsRequest request;
    request.ledger = m_ledger;
    if (cursor)
        request.cursor = *cursor;
    else
        request.pageSize = pageSize();
    startPage(session()->client()->ledger().v2().listLogs(request), m_rows, [](const Models::V2Log &log) {
        return LogRow{log.id, log.type.toString(), log.date, log.hash, log.data.json()};
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
        return ListSupport::localTimeText(row.date);
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
