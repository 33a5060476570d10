// The payments lists: payments, transfer initiations, connector accounts, bank accounts and
// pools, each a cursor-paged payments v1 list (both API generations serve it). Amounts are
// formatted from the exact integer with the asset's precision (Money), never through a double.
#pragma once

#include "PaymentsListModel.h"
#include <Formance/BigInt.h>

#include <QtQml/qqmlregistration.h>

// A list with the v1 filters ({"$match": …} on the given roles) and a sort ("createdAt:desc").
class FilteredPaymentsListModel : public PaymentsListModel {
    Q_OBJECT
    QML_ANONYMOUS
    // role -> value; empty values are ignored. Keys are the API's field names (status, asset,
    // connectorID, reference, "metadata[key]").
    Q_PROPERTY(QVariantMap filters READ filters WRITE setFilters NOTIFY filtersChanged)
    Q_PROPERTY(QString sort READ sort WRITE setSort NOTIFY filtersChanged)
    // Whether the list's operation takes a sort (the v1 lists do, the v3 ones do not).
    Q_PROPERTY(bool sortable READ sortable NOTIFY sortableChanged)
public:
    FilteredPaymentsListModel(QByteArrayList roles, QObject *parent);
    QVariantMap filters() const { return m_filters; }
    void setFilters(const QVariantMap &filters);
    QString sort() const { return m_sort; }
    void setSort(const QString &sort);
    virtual bool sortable() const { return true; }

signals:
    void filtersChanged();
    void sortableChanged();

protected:
    std::optional<QString> query() const { return matchFilter(m_filters); }
    std::optional<QList<QString>> sortList() const {
        return m_sort.isEmpty() ? std::nullopt : std::optional<QList<QString>>(QList<QString>{m_sort});
    }

private:
    QVariantMap m_filters;
    QString m_sort;
};

class PaymentsModel : public FilteredPaymentsListModel {
    Q_OBJECT
    QML_ELEMENT
public:
    explicit PaymentsModel(QObject *parent = nullptr);
    bool sortable() const override;

protected:
    void requestPage(const std::optional<QString> &cursor) override;
};

class TransferInitiationsModel : public FilteredPaymentsListModel {
    Q_OBJECT
    QML_ELEMENT
public:
    explicit TransferInitiationsModel(QObject *parent = nullptr);

protected:
    void requestPage(const std::optional<QString> &cursor) override;
};

class PaymentAccountsModel : public FilteredPaymentsListModel {
    Q_OBJECT
    QML_ELEMENT
public:
    explicit PaymentAccountsModel(QObject *parent = nullptr);
    bool sortable() const override;

protected:
    void requestPage(const std::optional<QString> &cursor) override;
};

class BankAccountsModel : public PaymentsListModel {
    Q_OBJECT
    QML_ELEMENT
public:
    explicit BankAccountsModel(QObject *parent = nullptr);

protected:
    void requestPage(const std::optional<QString> &cursor) override;
};

class PoolsModel : public FilteredPaymentsListModel {
    Q_OBJECT
    QML_ELEMENT
public:
    explicit PoolsModel(QObject *parent = nullptr);
    bool sortable() const override;

protected:
    void requestPage(const std::optional<QString> &cursor) override;
};

// An account's balances over time (getAccountBalances), for the balance history chart: rows
// {asset, amount (exact text), balance (minor units as text), at, lastUpdatedAt}.
class AccountBalancesModel : public PaymentsListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString accountId READ accountId WRITE setAccountId NOTIFY accountIdChanged)
    // The balance history of the first listed asset, for a chart: {asset, points: [0..1000, oldest
    // first], min, max (exact text), from, to}. The points are positions between min and max
    // computed with exact integers (BigInt), so no amount goes through a double even to be drawn.
    Q_PROPERTY(QVariantMap chart READ chart NOTIFY countChanged)
public:
    explicit AccountBalancesModel(QObject *parent = nullptr);
    QString accountId() const { return m_accountId; }
    void setAccountId(const QString &id);
    QVariantMap chart() const;
    // Where `value` lies between `min` and `max`, in thousandths (0 at min, 1000 at max).
    static int position(const Formance::BigInt &value, const Formance::BigInt &min,
                        const Formance::BigInt &max);

signals:
    void accountIdChanged();

protected:
    void requestPage(const std::optional<QString> &cursor) override;
    bool ready() const override { return PaymentsListModel::ready() && !m_accountId.isEmpty(); }

private:
    QString m_accountId;
};
