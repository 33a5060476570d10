// One pool of connector accounts: its accounts, its balances now or at a chosen date, adding and
// removing an account, creating and deleting a pool. Writes are refused on a read-only profile;
// production asks for the pool's name before a delete.
#pragma once

#include "core/CallGroup.h"
#include "core/Controller.h"

#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class PoolController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString poolId READ poolId WRITE setPoolId NOTIFY poolIdChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY stateChanged)
    Q_PROPERTY(QString name READ name NOTIFY stateChanged)
    Q_PROPERTY(QStringList accounts READ accounts NOTIFY stateChanged)
    // [{asset, amount}] at balancesAt ("" = now), amounts exact in the asset's units.
    Q_PROPERTY(QVariantList balances READ balances NOTIFY stateChanged)
    Q_PROPERTY(QString balancesAt READ balancesAt NOTIFY stateChanged)
public:
    explicit PoolController(QObject *parent = nullptr);

    QString poolId() const { return m_poolId; }
    void setPoolId(const QString &id);
    bool loaded() const { return m_loaded; }
    QString name() const { return m_name; }
    QStringList accounts() const { return m_accounts; }
    QVariantList balances() const { return m_balances; }
    QString balancesAt() const { return m_balancesAt; }
    QString confirmationName() const override { return m_name; }

    // Why `text` is not a date ("2026-11-30" or an RFC 3339 time), or empty ("" is now).
    Q_INVOKABLE QString dateProblem(const QString &text) const;
    Q_INVOKABLE void load();
    // Balances at `date` (a day: its end, UTC; or an RFC 3339 time; empty: now).
    Q_INVOKABLE void loadBalances(const QString &date);
    Q_INVOKABLE void addAccount(const QString &accountId);
    Q_INVOKABLE void removeAccount(const QString &accountId);
    Q_INVOKABLE void create(const QString &name, const QStringList &accountIds);
    Q_INVOKABLE void remove();

signals:
    void poolIdChanged();
    void stateChanged();
    void changed();
    void created(const QString &id);
    void removed();

private:
    bool startWrite();
    std::optional<QDateTime> parseDate(const QString &text) const;

    CallGroup *m_parts;
    QString m_poolId;
    bool m_loaded = false;
    QString m_name;
    QStringList m_accounts;
    QVariantList m_balances;
    QString m_balancesAt;
};
