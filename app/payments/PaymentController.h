// One payment: amounts exact in the asset's units, status, adjustments, the provider's raw data,
// metadata (edited with a diff; payments v1 adds and changes keys, it cannot remove one), and
// the ledger transactions that reference it in the chosen ledger (its reference, or metadata
// paymentId = its ID).
#pragma once

#include "core/Controller.h"

#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class PaymentController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString paymentId READ paymentId WRITE setPaymentId NOTIFY paymentIdChanged)
    Q_PROPERTY(QString ledger READ ledger WRITE setLedger NOTIFY ledgerChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY stateChanged)
    // {reference, type, status, scheme, amount, initialAmount, asset, connectorId, provider,
    //  sourceAccountId, destinationAccountId, createdAt}
    Q_PROPERTY(QVariantMap details READ details NOTIFY stateChanged)
    // [{reference, createdAt, status, amount}], the amounts in the payment's asset.
    Q_PROPERTY(QVariantList adjustments READ adjustments NOTIFY stateChanged)
    Q_PROPERTY(QString rawText READ rawText NOTIFY stateChanged)
    Q_PROPERTY(QVariantMap metadata READ metadata NOTIFY stateChanged)
    // [{id, reference, timestamp}] of the ledger's transactions that reference this payment.
    Q_PROPERTY(QVariantList transactions READ transactions NOTIFY transactionsChanged)
    Q_PROPERTY(bool transactionsBusy READ transactionsBusy NOTIFY transactionsChanged)
    Q_PROPERTY(QString transactionsError READ transactionsError NOTIFY transactionsChanged)
public:
    explicit PaymentController(QObject *parent = nullptr);

    QString paymentId() const { return m_paymentId; }
    void setPaymentId(const QString &id);
    QString ledger() const { return m_ledger; }
    void setLedger(const QString &ledger);
    bool loaded() const { return m_loaded; }
    QVariantMap details() const { return m_details; }
    QVariantList adjustments() const { return m_adjustments; }
    QString rawText() const { return m_rawText; }
    QVariantMap metadata() const { return m_metadata; }
    QVariantList transactions() const { return m_transactions; }
    bool transactionsBusy() const;
    QString transactionsError() const;

    Q_INVOKABLE void load();
    Q_INVOKABLE QVariantList metadataDiff(const QVariantMap &edited) const;
    Q_INVOKABLE void saveMetadata(const QVariantMap &edited);

signals:
    void paymentIdChanged();
    void ledgerChanged();
    void stateChanged();
    void transactionsChanged();
    void metadataSaved();

private:
    void findTransactions();

    CallHolder *m_links;
    QString m_paymentId;
    QString m_ledger;
    bool m_loaded = false;
    QVariantMap m_details;
    QVariantList m_adjustments;
    QString m_rawText;
    QVariantMap m_metadata;
    QVariantList m_transactions;
};
