// One bank account kept by payments: creating it (IBAN checked by its mod-97 checksum, account
// numbers by their characters, as the operator types), forwarding it to a connector, and its
// metadata (added and changed keys; the v1 API removes none). Writes are refused on a read-only
// profile.
#pragma once

#include <functional>

#include "core/Controller.h"

#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class BankAccountController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString bankAccountId READ bankAccountId WRITE setBankAccountId NOTIFY bankAccountIdChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY stateChanged)
    // {name, country, iban, accountNumber, swiftBicCode, connectorId, createdAt}
    Q_PROPERTY(QVariantMap details READ details NOTIFY stateChanged)
    // [{connectorId, accountId, provider, createdAt}] the connectors it was forwarded to.
    Q_PROPERTY(QVariantList related READ related NOTIFY stateChanged)
    Q_PROPERTY(QVariantMap metadata READ metadata NOTIFY stateChanged)
public:
    explicit BankAccountController(QObject *parent = nullptr);

    QString bankAccountId() const { return m_id; }
    void setBankAccountId(const QString &id);
    bool loaded() const { return m_loaded; }
    QVariantMap details() const { return m_details; }
    QVariantList related() const { return m_related; }
    QVariantMap metadata() const { return m_metadata; }

    // Empty when `iban` is empty or a valid IBAN (country, check digits, mod 97).
    Q_INVOKABLE QString ibanProblem(const QString &iban) const;
    Q_INVOKABLE QString accountNumberProblem(const QString &number) const;
    // The first problem of the create form {name, country, iban, accountNumber, swiftBicCode}.
    Q_INVOKABLE QString createProblem(const QVariantMap &form) const;

    Q_INVOKABLE void load();
    Q_INVOKABLE void create(const QVariantMap &form);
    Q_INVOKABLE void forward(const QString &connectorId);
    Q_INVOKABLE QVariantList metadataDiff(const QVariantMap &edited) const;
    Q_INVOKABLE void saveMetadata(const QVariantMap &edited);

signals:
    void bankAccountIdChanged();
    void stateChanged();
    void changed();
    void created(const QString &id);
    void metadataSaved();

private:
    bool startWrite();
    // payments v3: forwards bank account `id` to the connector and follows the task.
    void forwardV3(const QString &id, const QString &connectorId, std::function<void()> done,
                   std::function<void()> failed);
    QString m_id;
    bool m_loaded = false;
    QVariantMap m_details;
    QVariantList m_related;
    QVariantMap m_metadata;
};
