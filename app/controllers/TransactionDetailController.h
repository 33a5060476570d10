// One transaction: postings, pre/post-commit volumes, metadata editing with a diff before
// saving, revert, and a curl command that reproduces the read.
#pragma once

#include "BigInt.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include "controllers/Session.h"

class TransactionDetailController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Session *session MEMBER m_session NOTIFY changed)
    Q_PROPERTY(QString ledger MEMBER m_ledger NOTIFY changed)
    Q_PROPERTY(QString transactionId MEMBER m_id NOTIFY changed)
    Q_PROPERTY(bool loading READ loading NOTIFY stateChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(QString timestamp READ timestamp NOTIFY stateChanged)
    Q_PROPERTY(QString reference READ reference NOTIFY stateChanged)
    Q_PROPERTY(bool reverted READ reverted NOTIFY stateChanged)
    Q_PROPERTY(QVariantList postings READ postings NOTIFY stateChanged)
    Q_PROPERTY(QVariantList volumes READ volumes NOTIFY stateChanged)
    Q_PROPERTY(QVariantMap metadata READ metadata NOTIFY stateChanged)
public:
    explicit TransactionDetailController(QObject *parent = nullptr);

    bool loading() const { return m_loading; }
    bool loaded() const { return m_loaded; }
    QString error() const { return m_error; }
    QString timestamp() const { return m_timestamp; }
    QString reference() const { return m_reference; }
    bool reverted() const { return m_reverted; }
    QVariantList postings() const { return m_postings; }
    QVariantList volumes() const { return m_volumes; }
    QVariantMap metadata() const { return m_metadata; }

    Q_INVOKABLE void load();
    Q_INVOKABLE void revert(bool force);
    // Rows {key, before, after, change: "added" | "changed" | "removed"} between the saved and the edited
    // map.
    Q_INVOKABLE QVariantList metadataDiff(const QVariantMap &edited) const;
    Q_INVOKABLE void saveMetadata(const QVariantMap &edited);
    Q_INVOKABLE QString curlCommand() const;
    // Whether `typed` confirms a revert on this profile (production asks for the ledger's name).
    Q_INVOKABLE bool confirmationMatches(const QString &typed) const;

signals:
    void changed();
    void stateChanged();
    void revertDone(const QString &newTransactionId);
    void metadataSaved();

private:
    void fail(const QString &error);
    bool writable(QString *why) const;

    QPointer<Session> m_session;
    QString m_ledger;
    QString m_id;
    bool m_loading = false;
    bool m_loaded = false;
    QString m_error;
    QString m_timestamp;
    QString m_reference;
    bool m_reverted = false;
    QVariantList m_postings;
    QVariantList m_volumes;
    QVariantMap m_metadata;
};
