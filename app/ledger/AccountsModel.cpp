#include "AccountsModel.h"

#include "core/ErrorText.h"
#include "core/ListSupport.h"
#include "core/Session.h"
#include "ledger/TransactionsModel.h"
#include <Formance/Client.h>
#include <Formance/Money.h>
#include <Formance/json/JsonWriter.h>
#include <Formance/ledger/v2/LedgerV2Api.h>

using namespace Formance;

AccountsModel::AccountsModel(QObject *parent)
    : PagedListModel(parent) {}

void AccountsModel::setLedger(const QString &ledger) {
    if (ledger == m_ledger)
        return;
    m_ledger = ledger;
    emit ledgerChanged();
    scheduleReload();
}

void AccountsModel::setAddressFilter(const QString &filter) {
    if (filter == m_addressFilter)
        return;
    m_addressFilter = filter;
    emit addressFilterChanged();
    scheduleReload();
}

void AccountsModel::setPointInTime(const QString &text) {
    if (text == m_pitText)
        return;
    m_pitText = text;
    bool ok = true;
    m_pit = TransactionsModel::parseTimeInput(text, &ok);
    m_pitError = ok ? QString() : tr("Dates look like 2024-11-13, 2024-11-13 10:20 or 2024-11-13T10:20:30Z.");
    emit pointInTimeChanged();
    scheduleReload();
}

void AccountsModel::requestPage(const std::optional<QString> &cursor) {
    Ledger::V2::V2ListAccountsRequest request;
    request.ledger = m_ledger;
    if (cursor) {
        request.cursor = *cursor;
    } else {
        request.pageSize = pageSize();
        request.expand = QStringLiteral("volumes");
        request.pit = m_pit;
        if (!m_addressFilter.trimmed().isEmpty())
            request.body = Json::Any::fromJson(ListSupport::matchQuery("address", m_addressFilter.trimmed()));
        m_total->start(session()->client()->ledger().v2().countAccounts(
            {.ledger = request.ledger, .pit = request.pit, .body = request.body}));
    }
    startPage(session()->client()->ledger().v2().listAccounts(request), m_rows,
              [](const Models::V2Account &a) {
                  AccountRow row{a.address, {}, a.metadata};
                  if (a.volumes)
                      for (auto it = a.volumes->cbegin(); it != a.volumes->cend(); ++it)
                          row.balances.insert(
                              it.key(), it.value().balance.value_or(it.value().input - it.value().output));
                  return row;
              });
}

QVariant AccountsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AccountRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case AddressRole:
        return row.address;
    case BalancesRole: {
        QVariantList list;
        for (auto it = row.balances.cbegin(); it != row.balances.cend(); ++it)
            list.append(QVariantMap{{QStringLiteral("asset"), it.key()},
                                    {QStringLiteral("balance"), Money::format(it.value(), it.key())},
                                    {QStringLiteral("negative"), it.value().isNegative()}});
        return list;
    }
    case BalancesTextRole: {
        QStringList parts;
        for (auto it = row.balances.cbegin(); it != row.balances.cend(); ++it)
            parts.append(Money::format(it.value(), it.key()) + u' ' + Money::currencyOf(it.key()));
        return parts.join(QStringLiteral(", "));
    }
    case MetadataRole:
        return ListSupport::toVariantMap(row.metadata);
    case MetadataTextRole:
        return ListSupport::metadataText(row.metadata);
    }
    return {};
}

QHash<int, QByteArray> AccountsModel::roleNames() const {
    return {{AddressRole, "address"},
            {BalancesRole, "balances"},
            {BalancesTextRole, "balancesText"},
            {MetadataRole, "metadata"},
            {MetadataTextRole, "metadataText"}};
}
