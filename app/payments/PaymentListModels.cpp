#include "PaymentListModels.h"

#include "PaymentsOperations.h"

#include "core/ListSupport.h"
#include <Formance/Client.h>
#include <Formance/Money.h>
#include <Formance/payments/v1/PaymentsV1Api.h>
#include <Formance/payments/v3/PaymentsV3Api.h>

using namespace Formance;
using namespace Formance::Payments::V1;

namespace {
template <class Map> QString metadataText(const std::optional<Map> &metadata) {
    return metadata ? ListSupport::metadataText(QMap<QString, QString>(*metadata)) : QString();
}
} // namespace

FilteredPaymentsListModel::FilteredPaymentsListModel(QByteArrayList roles, QObject *parent)
    : PaymentsListModel(std::move(roles), parent) {
    // The operation (and whether it sorts) follows the generation, known once the stack answered.
    connect(this, &PagedListModel::sessionChanged, this, [this] {
        if (session())
            connect(session(), &Session::servicesChanged, this, &FilteredPaymentsListModel::sortableChanged,
                    Qt::UniqueConnection);
        emit sortableChanged();
    });
}

void FilteredPaymentsListModel::setFilters(const QVariantMap &filters) {
    if (filters == m_filters)
        return;
    m_filters = filters;
    emit filtersChanged();
    scheduleReload();
}

void FilteredPaymentsListModel::setSort(const QString &sort) {
    if (sort == m_sort)
        return;
    m_sort = sort;
    emit filtersChanged();
    scheduleReload();
}

PaymentsModel::PaymentsModel(QObject *parent)
    : FilteredPaymentsListModel({"paymentId", "reference", "type", "status", "amount", "initialAmount",
                                 "asset", "scheme", "connectorId", "provider", "sourceAccountId",
                                 "destinationAccountId", "createdAt", "metadataText"},
                                parent) {}

bool PaymentsModel::sortable() const {
    return !PaymentsOperations::viaV3(session(), PaymentsOperations::List::Payments);
}

void PaymentsModel::requestPage(const std::optional<QString> &cursor) {
    if (!sortable()) {
        // v3: a cursor page carries its query, nothing else may go with it.
        Payments::V3::V3ListPaymentsRequest v3{.pageSize = pageSize(), .cursor = cursor};
        if (!cursor)
            v3.query = query();
        startCursorPage(
            session()->client()->payments().v3().listPayments(v3), [](const Models::V3Payment &p) {
                return QVariantMap{
                    {QStringLiteral("paymentId"), p.id},
                    {QStringLiteral("reference"), p.reference},
                    {QStringLiteral("type"), p.type.toString()},
                    {QStringLiteral("status"), p.status.toString()},
                    {QStringLiteral("amount"), Money::format(p.amount, p.asset)},
                    {QStringLiteral("initialAmount"), Money::format(p.initialAmount, p.asset)},
                    {QStringLiteral("asset"), p.asset},
                    {QStringLiteral("scheme"), p.scheme},
                    {QStringLiteral("connectorId"), p.connectorID},
                    {QStringLiteral("provider"), p.provider},
                    {QStringLiteral("sourceAccountId"), p.sourceAccountID.value_or(QString())},
                    {QStringLiteral("destinationAccountId"), p.destinationAccountID.value_or(QString())},
                    {QStringLiteral("createdAt"), ListSupport::localTimeText(p.createdAt)},
                    {QStringLiteral("metadataText"), metadataText(p.metadata)}};
            });
        return;
    }
    const ListPaymentsRequest request{.pageSize = pageSize(),
                                      .cursor = cursor,
                                      .sort = cursor ? std::nullopt : sortList(),
                                      .query = query()};
    startCursorPage(session()->client()->payments().v1().listPayments(request), [](const Models::Payment &p) {
        return QVariantMap{{QStringLiteral("paymentId"), p.id},
                           {QStringLiteral("reference"), p.reference},
                           {QStringLiteral("type"), p.type.toString()},
                           {QStringLiteral("status"), p.status.toString()},
                           {QStringLiteral("amount"), Money::format(p.amount, p.asset)},
                           {QStringLiteral("initialAmount"), Money::format(p.initialAmount, p.asset)},
                           {QStringLiteral("asset"), p.asset},
                           {QStringLiteral("scheme"), p.scheme.toString()},
                           {QStringLiteral("connectorId"), p.connectorID},
                           {QStringLiteral("provider"), p.provider ? p.provider->toString() : QString()},
                           {QStringLiteral("sourceAccountId"), p.sourceAccountID},
                           {QStringLiteral("destinationAccountId"), p.destinationAccountID},
                           {QStringLiteral("createdAt"), ListSupport::localTimeText(p.createdAt)},
                           {QStringLiteral("metadataText"), metadataText(p.metadata)}};
    });
}

TransferInitiationsModel::TransferInitiationsModel(QObject *parent)
    : FilteredPaymentsListModel({"transferId", "reference", "type", "status", "amount", "initialAmount",
                                 "asset", "connectorId", "sourceAccountId", "destinationAccountId",
                                 "description", "error", "createdAt", "scheduledAt"},
                                parent) {}

void TransferInitiationsModel::requestPage(const std::optional<QString> &cursor) {
    const ListTransferInitiationsRequest request{.pageSize = pageSize(),
                                                 .cursor = cursor,
                                                 .sort = cursor ? std::nullopt : sortList(),
                                                 .query = query()};
    startCursorPage(session()->client()->payments().v1().listTransferInitiations(request),
                    [](const Models::TransferInitiation &t) {
                        return QVariantMap{
                            {QStringLiteral("transferId"), t.id},
                            {QStringLiteral("reference"), t.reference},
                            {QStringLiteral("type"), t.type.toString()},
                            {QStringLiteral("status"), t.status.toString()},
                            {QStringLiteral("amount"), Money::format(t.amount, t.asset)},
                            {QStringLiteral("initialAmount"), Money::format(t.initialAmount, t.asset)},
                            {QStringLiteral("asset"), t.asset},
                            {QStringLiteral("connectorId"), t.connectorID},
                            {QStringLiteral("sourceAccountId"), t.sourceAccountID},
                            {QStringLiteral("destinationAccountId"), t.destinationAccountID},
                            {QStringLiteral("description"), t.description},
                            {QStringLiteral("error"), t.error},
                            {QStringLiteral("createdAt"), ListSupport::localTimeText(t.createdAt)},
                            {QStringLiteral("scheduledAt"), ListSupport::localTimeText(t.scheduledAt)}};
                    });
}

PaymentAccountsModel::PaymentAccountsModel(QObject *parent)
    : FilteredPaymentsListModel({"accountId", "accountName", "reference", "type", "defaultAsset",
                                 "connectorId", "provider", "createdAt", "poolsText", "metadataText"},
                                parent) {}

bool PaymentAccountsModel::sortable() const {
    return !PaymentsOperations::viaV3(session(), PaymentsOperations::List::Accounts);
}

void PaymentAccountsModel::requestPage(const std::optional<QString> &cursor) {
    if (!sortable()) {
        Payments::V3::V3ListAccountsRequest v3{.pageSize = pageSize(), .cursor = cursor};
        if (!cursor)
            v3.query = query();
        startCursorPage(
            session()->client()->payments().v3().listAccounts(v3), [](const Models::V3Account &a) {
                return QVariantMap{{QStringLiteral("accountId"), a.id},
                                   {QStringLiteral("accountName"), a.name.value_or(QString())},
                                   {QStringLiteral("reference"), a.reference},
                                   {QStringLiteral("type"), a.type.toString()},
                                   {QStringLiteral("defaultAsset"), a.defaultAsset.value_or(QString())},
                                   {QStringLiteral("connectorId"), a.connectorID},
                                   {QStringLiteral("provider"), a.provider},
                                   {QStringLiteral("createdAt"), ListSupport::localTimeText(a.createdAt)},
                                   {QStringLiteral("poolsText"), QString()},
                                   {QStringLiteral("metadataText"), metadataText(a.metadata)}};
            });
        return;
    }
    const PaymentslistAccountsRequest request{.pageSize = pageSize(),
                                              .cursor = cursor,
                                              .sort = cursor ? std::nullopt : sortList(),
                                              .query = query()};
    startCursorPage(session()->client()->payments().v1().paymentslistAccounts(request),
                    [](const Models::PaymentsAccount &a) {
                        return QVariantMap{
                            {QStringLiteral("accountId"), a.id},
                            {QStringLiteral("accountName"), a.accountName},
                            {QStringLiteral("reference"), a.reference},
                            {QStringLiteral("type"), a.type.toString()},
                            {QStringLiteral("defaultAsset"), a.defaultAsset},
                            {QStringLiteral("connectorId"), a.connectorID},
                            {QStringLiteral("provider"), a.provider.value_or(QString())},
                            {QStringLiteral("createdAt"), ListSupport::localTimeText(a.createdAt)},
                            {QStringLiteral("poolsText"),
                             a.pools ? QStringList(*a.pools).join(QStringLiteral(", ")) : QString()},
                            {QStringLiteral("metadataText"), metadataText(a.metadata)}};
                    });
}

BankAccountsModel::BankAccountsModel(QObject *parent)
    : PaymentsListModel({"bankAccountId", "name", "country", "iban", "accountNumber", "swiftBicCode",
                         "connectorId", "relatedText", "createdAt", "metadataText"},
                        parent) {}

void BankAccountsModel::requestPage(const std::optional<QString> &cursor) {
    if (PaymentsOperations::viaV3(session(), PaymentsOperations::List::BankAccounts)) {
        const Payments::V3::V3ListBankAccountsRequest v3{.pageSize = pageSize(), .cursor = cursor};
        startCursorPage(
            session()->client()->payments().v3().listBankAccounts(v3), [](const Models::V3BankAccount &b) {
                QStringList related;
                if (b.relatedAccounts)
                    for (const auto &r : *b.relatedAccounts)
                        related << r.accountID;
                return QVariantMap{{QStringLiteral("bankAccountId"), b.id},
                                   {QStringLiteral("name"), b.name},
                                   {QStringLiteral("country"), b.country.value_or(QString())},
                                   {QStringLiteral("iban"), b.iban.value_or(QString())},
                                   {QStringLiteral("accountNumber"), b.accountNumber.value_or(QString())},
                                   {QStringLiteral("swiftBicCode"), b.swiftBicCode.value_or(QString())},
                                   {QStringLiteral("connectorId"), QString()},
                                   {QStringLiteral("relatedText"), related.join(QStringLiteral(", "))},
                                   {QStringLiteral("createdAt"), ListSupport::localTimeText(b.createdAt)},
                                   {QStringLiteral("metadataText"), metadataText(b.metadata)}};
            });
        return;
    }
    const ListBankAccountsRequest request{.pageSize = pageSize(), .cursor = cursor};
    startCursorPage(
        session()->client()->payments().v1().listBankAccounts(request), [](const Models::BankAccount &b) {
            QStringList related;
            if (b.relatedAccounts)
                for (const auto &r : *b.relatedAccounts)
                    related << r.connectorID;
            return QVariantMap{{QStringLiteral("bankAccountId"), b.id},
                               {QStringLiteral("name"), b.name},
                               {QStringLiteral("country"), b.country},
                               {QStringLiteral("iban"), b.iban.value_or(QString())},
                               {QStringLiteral("accountNumber"), b.accountNumber.value_or(QString())},
                               {QStringLiteral("swiftBicCode"), b.swiftBicCode.value_or(QString())},
                               {QStringLiteral("connectorId"), b.connectorID.value_or(QString())},
                               {QStringLiteral("relatedText"), related.join(QStringLiteral(", "))},
                               {QStringLiteral("createdAt"), ListSupport::localTimeText(b.createdAt)},
                               {QStringLiteral("metadataText"), metadataText(b.metadata)}};
        });
}

PoolsModel::PoolsModel(QObject *parent)
    : FilteredPaymentsListModel({"poolId", "name", "accountCount", "accountsText"}, parent) {}

bool PoolsModel::sortable() const {
    return !PaymentsOperations::viaV3(session(), PaymentsOperations::List::Pools);
}

void PoolsModel::requestPage(const std::optional<QString> &cursor) {
    if (!sortable()) {
        Payments::V3::V3ListPoolsRequest v3{.pageSize = pageSize(), .cursor = cursor};
        if (!cursor)
            v3.query = query();
        startCursorPage(session()->client()->payments().v3().listPools(v3), [](const Models::V3Pool &p) {
            return QVariantMap{
                {QStringLiteral("poolId"), p.id},
                {QStringLiteral("name"), p.name},
                {QStringLiteral("accountCount"), int(p.poolAccounts.size())},
                {QStringLiteral("accountsText"), QStringList(p.poolAccounts).join(QStringLiteral(", "))}};
        });
        return;
    }
    const ListPoolsRequest request{.pageSize = pageSize(),
                                   .cursor = cursor,
                                   .sort = cursor ? std::nullopt : sortList(),
                                   .query = query()};
    startCursorPage(session()->client()->payments().v1().listPools(request), [](const Models::Pool &p) {
        return QVariantMap{
            {QStringLiteral("poolId"), p.id},
            {QStringLiteral("name"), p.name},
            {QStringLiteral("accountCount"), int(p.accounts.size())},
            {QStringLiteral("accountsText"), QStringList(p.accounts).join(QStringLiteral(", "))}};
    });
}

AccountBalancesModel::AccountBalancesModel(QObject *parent)
    : PaymentsListModel({"key", "asset", "amount", "createdAt", "lastUpdatedAt", "minorUnits"}, parent) {}

int AccountBalancesModel::position(const BigInt &value, const BigInt &min, const BigInt &max) {
    const BigInt span = max - min;
    if (span.isZero() || span.isNegative())
        return 500;
    // The largest k in [0, 1000] with span * k <= (value - min) * 1000: a binary search with
    // exact multiplications (BigInt has no division).
    const BigInt scaled = (value - min) * BigInt(1000);
    int lo = 0;
    int hi = 1000;
    while (lo < hi) {
        const int mid = (lo + hi + 1) / 2;
        if (span * BigInt(mid) <= scaled)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

QVariantMap AccountBalancesModel::chart() const {
    if (count() == 0)
        return {};
    const QString asset = rowAt(0).value(QStringLiteral("asset")).toString();
    QList<BigInt> values;
    QStringList times;
    // Rows come newest first: the chart reads oldest first.
    for (int i = count() - 1; i >= 0; --i) {
        const QVariantMap &row = rowAt(i);
        if (row.value(QStringLiteral("asset")).toString() != asset)
            continue;
        if (const auto v = BigInt::fromString(row.value(QStringLiteral("minorUnits")).toString())) {
            values.append(*v);
            times.append(row.value(QStringLiteral("createdAt")).toString());
        }
    }
    if (values.isEmpty())
        return {};
    BigInt min = values.first();
    BigInt max = values.first();
    for (const BigInt &v : values) {
        if (v < min)
            min = v;
        if (v > max)
            max = v;
    }
    QVariantList points;
    for (const BigInt &v : values)
        points.append(position(v, min, max));
    return {{QStringLiteral("asset"), asset},
            {QStringLiteral("points"), points},
            {QStringLiteral("min"), Money::format(min, asset)},
            {QStringLiteral("max"), Money::format(max, asset)},
            {QStringLiteral("from"), times.first()},
            {QStringLiteral("to"), times.last()}};
}

void AccountBalancesModel::setAccountId(const QString &id) {
    if (id == m_accountId)
        return;
    m_accountId = id;
    emit accountIdChanged();
    scheduleReload();
}

void AccountBalancesModel::requestPage(const std::optional<QString> &cursor) {
    const GetAccountBalancesRequest request{
        .accountId = m_accountId, .pageSize = pageSize(), .cursor = cursor};
    startCursorPage(session()->client()->payments().v1().getAccountBalances(request),
                    [](const Models::AccountBalance &b) {
                        return QVariantMap{
                            {QStringLiteral("key"), b.asset + QLatin1Char('@') + b.createdAt.toString()},
                            {QStringLiteral("asset"), b.asset},
                            {QStringLiteral("amount"), Money::format(b.balance, b.asset)},
                            {QStringLiteral("createdAt"), ListSupport::localTimeText(b.createdAt)},
                            {QStringLiteral("lastUpdatedAt"), ListSupport::localTimeText(b.lastUpdatedAt)},
                            {QStringLiteral("minorUnits"), b.balance.toString()}};
                    });
}
