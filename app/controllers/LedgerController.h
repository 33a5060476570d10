// One ledger's information (bucket, metadata, transaction and account counts), its metadata
// editing, and creating a new ledger.
#pragma once

#include "controllers/Session.h"

#include <QObject>
#include <QPointer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class LedgerController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Session *session MEMBER m_session NOTIFY changed)
    Q_PROPERTY(QString ledger MEMBER m_ledger NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(QString bucket READ bucket NOTIFY stateChanged)
    Q_PROPERTY(QString transactions READ transactions NOTIFY stateChanged)
    Q_PROPERTY(QString accounts READ accounts NOTIFY stateChanged)
    Q_PROPERTY(QVariantMap metadata READ metadata NOTIFY stateChanged)
public:
    explicit LedgerController(QObject *parent = nullptr);

    bool busy() const { return m_busy; }
    QString error() const { return m_error; }
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

signals:
    void changed();
    void stateChanged();
    void created(const QString &name);

private:
    void finish(const QString &error);
    bool writable();

    QPointer<Session> m_session;
    QString m_ledger;
    bool m_busy = false;
    QString m_error;
    QString m_bucket;
    QString m_transactions;
    QString m_accounts;
    QVariantMap m_metadata;
};
