// Aggregated balances per asset over every account matching an address pattern, optionally
// as they stood at a point in time.
#pragma once

#include "core/Controller.h"

#include <QVariantList>

class BalancesController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString ledger MEMBER m_ledger NOTIFY ledgerChanged)
    // {asset, balance (exact text), minorUnits, negative}: totals over every matching account.
    Q_PROPERTY(QVariantList balances READ balances NOTIFY resultChanged)
    // Whether a load answered since the last change (an empty list then means "no data").
    Q_PROPERTY(bool loaded READ loaded NOTIFY resultChanged)
public:
    explicit BalancesController(QObject *parent = nullptr);

    QVariantList balances() const { return m_balances; }
    bool loaded() const { return m_loaded; }

    // pattern: an address or a pattern ("users:"); pointInTime: empty for now.
    Q_INVOKABLE void load(const QString &pattern, const QString &pointInTime);

signals:
    void ledgerChanged();
    void resultChanged();

private:
    void clear();

    QString m_ledger;
    bool m_loaded = false;
    QVariantList m_balances;
};
