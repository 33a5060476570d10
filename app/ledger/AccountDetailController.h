// One account: volumes and balance per asset, and its metadata with a diff before saving.
#pragma once

#include "core/Controller.h"
#include <Formance/BigInt.h>

#include <QVariantList>
#include <QVariantMap>

class AccountDetailController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString ledger MEMBER m_ledger NOTIFY ledgerChanged)
    Q_PROPERTY(QString address MEMBER m_address NOTIFY addressChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY stateChanged)
    Q_PROPERTY(QVariantList volumes READ volumes NOTIFY stateChanged)
    Q_PROPERTY(QVariantMap metadata READ metadata NOTIFY stateChanged)
    // Balance after each of the latest transactions (up to 1,000), oldest first, for the chart:
    // {time (ms since epoch), position, text (exact)} for `chartAsset`. `position` places the
    // point between the lowest and highest balance: an integer 0…kChartSteps computed exactly
    // (BigInt); the only rounding is to 1/kChartSteps of the chart's height, never on a figure.
    Q_PROPERTY(QVariantList history READ history NOTIFY historyChanged)
    Q_PROPERTY(QString chartAsset READ chartAsset NOTIFY historyChanged)
    Q_PROPERTY(QString chartMin READ chartMin NOTIFY historyChanged) // exact, in the asset's units
    Q_PROPERTY(QString chartMax READ chartMax NOTIFY historyChanged)
    Q_PROPERTY(int chartSteps READ chartSteps CONSTANT)
public:
    explicit AccountDetailController(QObject *parent = nullptr);

    bool loaded() const { return m_loaded; }
    QVariantList volumes() const { return m_volumes; }
    QVariantMap metadata() const { return m_metadata; }
    QVariantList history() const { return m_history; }
    QString chartAsset() const { return m_chartAsset; }
    QString chartMin() const { return m_chartMin; }
    QString chartMax() const { return m_chartMax; }
    static constexpr int kChartSteps = 10000;
    int chartSteps() const { return kChartSteps; }
    // The largest k in [0, kChartSteps] with (max - min) * k <= (value - min) * kChartSteps.
    static int chartPosition(const Formance::BigInt &value, const Formance::BigInt &min,
                             const Formance::BigInt &max);

    Q_INVOKABLE void load();
    Q_INVOKABLE QVariantList metadataDiff(const QVariantMap &edited) const;
    Q_INVOKABLE void saveMetadata(const QVariantMap &edited);

signals:
    void ledgerChanged();
    void addressChanged();
    void stateChanged();
    void historyChanged();
    void metadataSaved();

private:
    void loadHistory(const QString &asset, const Formance::BigInt &balanceNow);

    CallHolder *m_historyCall;
    QString m_ledger;
    QString m_address;
    bool m_loaded = false;
    QVariantList m_volumes;
    QVariantMap m_metadata;
    QVariantList m_history;
    QString m_chartAsset;
    QString m_chartMin;
    QString m_chartMax;
};
