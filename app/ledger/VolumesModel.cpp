#include "VolumesModel.h"

#include "core/ListSupport.h"
#include "ledger/TransactionsModel.h"
#include <Formance/Client.h>
#include <Formance/Money.h>
#include <Formance/ledger/v2/LedgerV2Api.h>

using namespace Formance;

VolumesModel::VolumesModel(QObject *parent)
    : PagedListModel(parent) {}

void VolumesModel::setLedger(const QString &v) {
    if (v == m_ledger)
        return;
    m_ledger = v;
    emit ledgerChanged();
    scheduleReload();
}

void VolumesModel::windowEdited() {
    bool okStart = true, okEnd = true;
    m_start = TransactionsModel::parseTimeInput(m_startText, &okStart);
    m_end = TransactionsModel::parseTimeInput(m_endText, &okEnd);
    m_windowError.clear();
    if (!okStart || !okEnd)
        m_windowError = tr("Dates look like 2024-11-13, 2024-11-13 10:20 or 2024-11-13T10:20:30Z.");
    else if (m_start && m_end && !(*m_start < *m_end))
        m_windowError = tr("The window must start before it ends.");
    emit windowChanged();
    scheduleReload();
}

void VolumesModel::setStartTime(const QString &v) {
    if (v != m_startText) {
        m_startText = v;
        windowEdited();
    }
}
void VolumesModel::setEndTime(const QString &v) {
    if (v != m_endText) {
        m_endText = v;
        windowEdited();
    }
}
void VolumesModel::setInsertionDate(bool v) {
    if (v != m_insertionDate) {
        m_insertionDate = v;
        windowEdited();
    }
}
void VolumesModel::setGroupBy(int v) {
    if (v != m_groupBy && v >= 0) {
        m_groupBy = v;
        windowEdited();
    }
}
void VolumesModel::setAddressFilter(const QString &v) {
    if (v != m_addressFilter) {
        m_addressFilter = v;
        windowEdited();
    }
}

void VolumesModel::requestPage(const std::optional<QString> &cursor) {
    Ledger::V2::V2GetVolumesWithBalancesRequest request;
    request.ledger = m_ledger;
    if (cursor) {
        request.cursor = *cursor;
    } else {
        request.pageSize = pageSize();
        request.startTime = m_start;
        request.endTime = m_end;
        if (m_insertionDate)
            request.insertionDate = true;
        if (m_groupBy > 0)
            request.groupBy = BigInt(qint64(m_groupBy));
        if (!m_addressFilter.trimmed().isEmpty())
            request.body = Json::Any::fromJson(ListSupport::matchQuery("address", m_addressFilter.trimmed()));
    }
    startPage(session()->client()->ledger().v2().getVolumesWithBalances(request), m_rows,
              [](const Models::V2VolumesWithBalance &v) {
                  return VolumeRow{v.account, v.asset, v.input, v.output, v.balance};
              });
}

QVariant VolumesModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const VolumeRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case AccountRole:
        return r.account;
    case AssetRole:
        return r.asset;
    case InputRole:
        return Money::format(r.input, r.asset);
    case OutputRole:
        return Money::format(r.output, r.asset);
    case BalanceRole:
        return Money::format(r.balance, r.asset);
    default:
        return {};
    }
}

QHash<int, QByteArray> VolumesModel::roleNames() const {
    return {{AccountRole, "account"},
            {AssetRole, "asset"},
            {InputRole, "input"},
            {OutputRole, "output"},
            {BalanceRole, "balance"}};
}
