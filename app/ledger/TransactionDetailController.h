// One transaction: postings, pre/post-commit volumes, metadata editing with a diff before
// saving, revert, and a curl command that reproduces the read.
#pragma once

#include "core/Controller.h"
#include <Formance/BigInt.h>

#include <QVariantList>
#include <QVariantMap>

class TransactionDetailController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString ledger MEMBER m_ledger NOTIFY ledgerChanged)
    Q_PROPERTY(QString transactionId MEMBER m_id NOTIFY transactionIdChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY stateChanged)
    // The transaction that reverted this one, when the stack says (metadata of the revert).
    Q_PROPERTY(QString revertedBy READ revertedBy NOTIFY stateChanged)
    // The transaction this one reverts, when it is a revert.
    Q_PROPERTY(QString reverts READ reverts NOTIFY stateChanged)
    Q_PROPERTY(QString timestamp READ timestamp NOTIFY stateChanged)
    // The timestamp as the locale writes it, for people (ISO in the C locale).
    Q_PROPERTY(QString timeText READ timeText NOTIFY stateChanged)
    Q_PROPERTY(QString reference READ reference NOTIFY stateChanged)
    Q_PROPERTY(bool reverted READ reverted NOTIFY stateChanged)
    Q_PROPERTY(QVariantList postings READ postings NOTIFY stateChanged)
    Q_PROPERTY(QVariantList volumes READ volumes NOTIFY stateChanged)
    Q_PROPERTY(QVariantMap metadata READ metadata NOTIFY stateChanged)
public:
    explicit TransactionDetailController(QObject *parent = nullptr);

    bool loaded() const { return m_loaded; }
    QString revertedBy() const { return m_revertedBy; }
    QString reverts() const { return m_reverts; }
    QString timestamp() const { return m_timestamp; }
    QString timeText() const { return m_timeText; }
    QString reference() const { return m_reference; }
    bool reverted() const { return m_reverted; }
    QVariantList postings() const { return m_postings; }
    QVariantList volumes() const { return m_volumes; }
    QVariantMap metadata() const { return m_metadata; }

    Q_INVOKABLE void load();
    // atEffectiveDate: the revert takes the original's date (the API's atEffectiveDate), so
    // balances at any past point read as if it never happened; otherwise it is dated now.
    Q_INVOKABLE void revert(bool force, bool atEffectiveDate = false);
    // Rows {key, before, after, change: "added" | "changed" | "removed"} between the saved and the edited
    // map.
    Q_INVOKABLE QVariantList metadataDiff(const QVariantMap &edited) const;
    Q_INVOKABLE void saveMetadata(const QVariantMap &edited);
    Q_INVOKABLE QString curlCommand() const;
    // A revert on production asks for the ledger's name.
    QString confirmationName() const override { return m_ledger; }

signals:
    void ledgerChanged();
    void transactionIdChanged();
    void stateChanged();
    void revertDone(const QString &newTransactionId);
    void metadataSaved();

private:
    void findRevert();

    QString m_ledger;
    QString m_id;
    bool m_loaded = false;
    QString m_revertedBy;
    QString m_reverts;
    QString m_timestamp;
    QString m_timeText;
    QString m_reference;
    bool m_reverted = false;
    QVariantList m_postings;
    QVariantList m_volumes;
    QVariantMap m_metadata;
};
