// One ledger's information (bucket, metadata, transaction and account counts), its metadata
// editing, and creating a new ledger.
#pragma once

#include "core/Controller.h"

#include <QVariantMap>

class LedgerController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString ledger READ ledger WRITE setLedger NOTIFY ledgerChanged)
    Q_PROPERTY(QString bucket READ bucket NOTIFY infoChanged)
    Q_PROPERTY(QString transactions READ transactions NOTIFY infoChanged)
    Q_PROPERTY(QString accounts READ accounts NOTIFY infoChanged)
    Q_PROPERTY(QVariantMap metadata READ metadata NOTIFY infoChanged)
public:
    explicit LedgerController(QObject *parent = nullptr);

    QString ledger() const { return m_ledger; }
    void setLedger(const QString &ledger);
    QString bucket() const { return m_bucket; }
    QString transactions() const { return m_transactions; }
    QString accounts() const { return m_accounts; }
    QVariantMap metadata() const { return m_metadata; }

    Q_INVOKABLE void load();
    Q_INVOKABLE QVariantList metadataDiff(const QVariantMap &edited) const;
    Q_INVOKABLE void saveMetadata(const QVariantMap &edited);
    // Names: letters, digits, _ and -, up to 63 characters. Empty bucket: the stack's default.
    Q_INVOKABLE void create(const QString &name, const QString &bucket, const QVariantMap &metadata);
    static QString validateName(const QString &name);
    Q_INVOKABLE QString nameProblem(const QString &name) const { return validateName(name.trimmed()); }

signals:
    void ledgerChanged();
    void infoChanged();
    void created(const QString &name);
    void metadataSaved();

protected:
    void sessionChangedEvent() override { load(); }

private:
    QString m_ledger;
    QString m_bucket;
    QString m_transactions;
    QString m_accounts;
    QVariantMap m_metadata;
};
