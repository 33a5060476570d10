// One transfer initiation: its status and status history (the related adjustments), the
// payments it made, and the operator's steps — approve, reject, retry a failed one, reverse all
// or part of a processed one, delete — plus creating one. Each step is confirmed in the page
// (production: by typing the reference) and refused on a read-only profile. Amounts are typed in
// the asset's units and parsed exactly (Money), never through a double.
#pragma once

#include "core/Controller.h"

#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class TransferController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString transferId READ transferId WRITE setTransferId NOTIFY transferIdChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY stateChanged)
    // {reference, type, status, amount, initialAmount, asset, connectorId, sourceAccountId,
    //  destinationAccountId, description, error, createdAt, scheduledAt}
    Q_PROPERTY(QVariantMap details READ details NOTIFY stateChanged)
    Q_PROPERTY(QString status READ status NOTIFY stateChanged)
    // [{status, createdAt, error}] oldest first.
    Q_PROPERTY(QVariantList history READ history NOTIFY stateChanged)
    // [{paymentId, status, createdAt, error}]
    Q_PROPERTY(QVariantList relatedPayments READ relatedPayments NOTIFY stateChanged)
    // What the status allows (buttons are enabled from these).
    Q_PROPERTY(bool canDecide READ canDecide NOTIFY stateChanged)
    Q_PROPERTY(bool canRetry READ canRetry NOTIFY stateChanged)
    Q_PROPERTY(bool canReverse READ canReverse NOTIFY stateChanged)
public:
    explicit TransferController(QObject *parent = nullptr);

    QString transferId() const { return m_transferId; }
    void setTransferId(const QString &id);
    bool loaded() const { return m_loaded; }
    QVariantMap details() const { return m_details; }
    QString status() const { return m_details.value(QStringLiteral("status")).toString(); }
    QVariantList history() const { return m_history; }
    QVariantList relatedPayments() const { return m_payments; }
    bool canDecide() const { return m_loaded && status() == QLatin1String("WAITING_FOR_VALIDATION"); }
    bool canRetry() const { return m_loaded && status() == QLatin1String("FAILED"); }
    bool canReverse() const;
    QString confirmationName() const override {
        return m_details.value(QStringLiteral("reference")).toString();
    }

    // Why `text` is not an amount of `asset` ("12.34" for USD/2), or empty.
    Q_INVOKABLE QString amountProblem(const QString &text, const QString &asset) const;

    Q_INVOKABLE void load();
    Q_INVOKABLE void approve() { setStatus(QStringLiteral("VALIDATED")); }
    Q_INVOKABLE void reject() { setStatus(QStringLiteral("REJECTED")); }
    Q_INVOKABLE void retry();
    // Gives back `amountText` (in the transfer's asset units) of a processed transfer.
    Q_INVOKABLE void reverse(const QString &amountText, const QString &description);
    Q_INVOKABLE void remove();
    // A new transfer initiation; created(id) when the stack took it. `validated`: no approval step.
    Q_INVOKABLE void create(const QVariantMap &form);
    // The first problem of the create form {reference, sourceAccountId, destinationAccountId,
    // connectorId, type, amount, asset}, or empty.
    Q_INVOKABLE QString createProblem(const QVariantMap &form) const;

signals:
    void transferIdChanged();
    void stateChanged();
    void changed(); // a step went through: lists reload
    void created(const QString &id);
    void removed();

private:
    template <class Call> void stepWithTask(const Call &c);
    void setStatus(const QString &status);
    bool startWrite();
    template <class Call> void step(const Call &call);

    QString m_transferId;
    bool m_loaded = false;
    QVariantMap m_details;
    QVariantList m_history;
    QVariantList m_payments;
};
