// The wallet writes: create a wallet (with metadata), credit or debit it (a debit optionally as
// a hold) on a named balance, create a named balance, add or change its metadata, and read its
// summary (available, on hold, expired, expirable funds per asset). Amounts are typed in the
// asset's units and parsed exactly (Money); a bad input is kept, with the error at its field
// (fieldErrors). Every write is refused on a read-only profile; a credit or debit is sent with
// one idempotency key until it went through, so pressing again after a lost answer never moves
// money twice. Production asks for the wallet's name first (the one ConfirmDialog).
#pragma once

#include "core/Controller.h"

#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class CallGroup;

class WalletWriteController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString walletId READ walletId WRITE setWalletId NOTIFY walletIdChanged)
    Q_PROPERTY(QString walletName READ walletName NOTIFY stateChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY stateChanged)
    Q_PROPERTY(QVariantMap metadata READ metadata NOTIFY stateChanged)
    // {asset, available, hold, expired, expirable} per asset (exact text), from the summary.
    Q_PROPERTY(QVariantList summary READ summary NOTIFY stateChanged)
    // The wallet's named balances (main first), for a credit's or debit's choice.
    Q_PROPERTY(QStringList balanceNames READ balanceNames NOTIFY stateChanged)
    // Errors by field ("name", "amount", "asset", "balance", "expiresAt", "priority", "metadata").
    Q_PROPERTY(QVariantMap fieldErrors READ fieldErrors NOTIFY stateChanged)
public:
    explicit WalletWriteController(QObject *parent = nullptr);

    QString walletId() const { return m_walletId; }
    void setWalletId(const QString &id);
    QString walletName() const { return m_walletName; }
    bool loaded() const { return m_loaded; }
    QVariantMap metadata() const { return m_metadata; }
    QVariantList summary() const { return m_summary; }
    QStringList balanceNames() const { return m_balanceNames; }
    QVariantMap fieldErrors() const { return m_fieldErrors; }
    bool busy() const override;
    QString confirmationName() const override { return m_walletName; }

    // The wallet (name, metadata) and its summary and balances.
    Q_INVOKABLE void load();
    // `metadata`: key -> value. On success created(id).
    Q_INVOKABLE void createWallet(const QString &name, const QVariantMap &metadata);
    // `direction` "credit" or "debit"; `amount` in the asset's units ("12.50" for USD/2);
    // `balance` empty: main; `hold` makes a debit a pending hold. On success moved(holdId).
    Q_INVOKABLE void move(const QString &direction, const QString &amount, const QString &asset,
                          const QString &balance, bool hold, const QString &description);
    // `expiresAt` RFC 3339 or empty, `priority` an integer or empty. On success balanceCreated(name).
    Q_INVOKABLE void createBalance(const QString &name, const QString &expiresAt, const QString &priority);
    Q_INVOKABLE QVariantList metadataDiff(const QVariantMap &edited) const;
    Q_INVOKABLE void saveMetadata(const QVariantMap &edited);
    // Why `amount` in `asset` would be refused, in words; empty when fine.
    Q_INVOKABLE QString amountProblem(const QString &amount, const QString &asset) const;
    Q_INVOKABLE QString assetProblem(const QString &asset) const;
    // A new form: field errors and the pending idempotency key are forgotten.
    Q_INVOKABLE void resetForm();

signals:
    void walletIdChanged();
    void stateChanged();
    void created(const QString &id);
    void moved(const QString &holdId);
    void balanceCreated(const QString &name);
    void metadataSaved();

protected:
    void sessionChangedEvent() override;

private:
    bool startWrite(); // writable and a wallet chosen (errors set when not)
    void setFieldError(const QString &field, const QString &error);

    QString m_walletId;
    QString m_walletName;
    bool m_loaded = false;
    QVariantMap m_metadata;
    QVariantList m_summary;
    QStringList m_balanceNames;
    QVariantMap m_fieldErrors;
    QString m_moveKey; // the idempotency key of the credit or debit not yet confirmed
    CallGroup *m_parts;
};
