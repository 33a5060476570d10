// One wallet: its balance per asset, its named balances and its holds, with confirm and void
// on a hold (production asks for the wallet's name first, as the transaction revert asks for
// the ledger's). Amounts are exact text, never doubles.
#pragma once

#include "core/Controller.h"
#include <Formance/BigInt.h>

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class CallGroup;

class WalletDetailController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString walletId MEMBER m_walletId NOTIFY walletIdChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY stateChanged)
    Q_PROPERTY(QString name READ name NOTIFY stateChanged)
    Q_PROPERTY(QString ledger READ ledger NOTIFY stateChanged)
    Q_PROPERTY(QString createdAt READ createdAt NOTIFY stateChanged)
    // {asset, amount (exact text), negative} of the main balance.
    Q_PROPERTY(QVariantList balances READ balances NOTIFY stateChanged)
    // {name, expiresAt, priority, assetsText} per named balance.
    Q_PROPERTY(QVariantList namedBalances READ namedBalances NOTIFY stateChanged)
    // {id, asset, description, destination, remaining, original, open} per hold (open first).
    Q_PROPERTY(QVariantList holds READ holds NOTIFY stateChanged)
public:
    explicit WalletDetailController(QObject *parent = nullptr);

    // Busy while the wallet's call or its parts' (a CallGroup) are in flight.
    bool busy() const override;
    bool loaded() const { return m_loaded; }
    QString name() const { return m_name; }
    QString ledger() const { return m_ledger; }
    QString createdAt() const { return m_createdAt; }
    QVariantList balances() const { return m_balances; }
    QVariantList namedBalances() const { return m_namedBalances; }
    QVariantList holds() const { return m_holds; }

    Q_INVOKABLE void load();
    // `amount` in the asset's units ("12.50" for USD/2); empty confirms all that remains.
    // `final` returns what is not confirmed to the wallet.
    Q_INVOKABLE void confirmHold(const QString &holdId, const QString &amount, bool final);
    Q_INVOKABLE void voidHold(const QString &holdId);
    // Whether `typed` confirms a hold action on this profile (production asks for the wallet's name).
    Q_INVOKABLE bool confirmationMatches(const QString &typed) const;

signals:
    void walletIdChanged();
    void stateChanged();
    void holdChanged(const QString &holdId); // a confirmation or void went through

protected:
    // The parts of a load on the session before are dropped (the wallet's call is, by the base).
    void sessionChangedEvent() override;

private:
    struct HoldState {
        QString id, description, destination, asset;
        Formance::BigInt remaining, original;
        bool known = false; // getHold answered
    };
    void fail(const QString &error);
    bool writable(QString *why) const;
    void loadParts();
    void partsDone();
    QString holdAsset(const QString &holdId) const;

    QString m_walletId;
    CallGroup *m_parts;
    QString m_partError;
    bool m_loaded = false;
    QString m_name;
    QString m_ledger;
    QString m_createdAt;
    QVariantList m_balances;
    QVariantList m_namedBalances;
    QVariantList m_holds;
    QList<QVariantMap> m_nextNamed;
    QList<HoldState> m_nextHolds;
};
