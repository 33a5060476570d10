// The "new transaction" form: postings with asset-aware amounts (never rounded; bad input
// refused inline), reference, metadata and timestamp; a dry run that previews the balances
// it would leave; and a commit sent with an idempotency key that stays the same until the
// form changes, so pressing "Commit" again after a lost answer can never post twice.
#pragma once

#include "core/Controller.h"

#include <QVariantList>

#include <optional>

namespace Formance::Models {
struct V2PostTransaction;
}
class NewTransactionController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString ledger MEMBER m_ledger NOTIFY ledgerChanged)
    Q_PROPERTY(QVariantList postings READ postings NOTIFY formChanged)
    // The postings as of the last add/remove/reset: what a view builds its rows from, so typing
    // in a field never rebuilds the rows (and never steals the focus).
    Q_PROPERTY(QVariantList postingRows READ postingRows NOTIFY rowsChanged)
    Q_PROPERTY(QString reference READ reference WRITE setReference NOTIFY formChanged)
    Q_PROPERTY(QString metadataText READ metadataText WRITE setMetadataText NOTIFY formChanged)
    Q_PROPERTY(QString timestamp READ timestamp WRITE setTimestamp NOTIFY formChanged)
    Q_PROPERTY(QStringList postingErrors READ postingErrors NOTIFY formChanged)
    Q_PROPERTY(QString formError READ formError NOTIFY formChanged)
    Q_PROPERTY(bool valid READ valid NOTIFY formChanged)
    // The dry run's balances for the form as it is now; any edit clears it.
    Q_PROPERTY(QVariantList preview READ preview NOTIFY previewChanged)
    // A dry run of the form as it is now went through: Commit is offered only then.
    Q_PROPERTY(bool previewed READ previewed NOTIFY previewChanged)
    Q_PROPERTY(QString committedId READ committedId NOTIFY committedIdChanged)
public:
    explicit NewTransactionController(QObject *parent = nullptr);

    QVariantList postings() const { return m_postings; }
    QVariantList postingRows() const { return m_rows; }
    QString reference() const { return m_reference; }
    void setReference(const QString &v);
    QString metadataText() const { return m_metadataText; }
    void setMetadataText(const QString &v);
    QString timestamp() const { return m_timestamp; }
    void setTimestamp(const QString &v);
    QStringList postingErrors() const { return m_postingErrors; }
    QString formError() const { return m_formError; }
    bool valid() const;
    QVariantList preview() const { return m_preview; }
    bool previewed() const { return m_previewed; }
    QString committedId() const { return m_committedId; }

    Q_INVOKABLE void addPosting();
    Q_INVOKABLE void removePosting(int index);
    Q_INVOKABLE void setPostingField(int index, const QString &field, const QString &value);
    Q_INVOKABLE void dryRun();
    Q_INVOKABLE void commit();
    Q_INVOKABLE void reset();

    QString idempotencyKey() const { return m_idempotencyKey; } // for tests

signals:
    void ledgerChanged();
    void formChanged();
    void rowsChanged();
    void previewChanged();
    void committedIdChanged();
    void committed(const QString &transactionId);

private:
    void formEdited();
    void rowsEdited();
    void validate();
    std::optional<Formance::Models::V2PostTransaction> build(QString *error) const;
    void computePreview();
    void setPreview(const QVariantList &preview, bool previewed);
    QString m_ledger;
    QVariantList m_postings;
    QVariantList m_rows;
    QString m_reference;
    QString m_metadataText;
    QString m_timestamp;
    QStringList m_postingErrors;
    QString m_formError;
    QVariantList m_preview;
    bool m_previewed = false;
    QString m_committedId;
    QString m_idempotencyKey;
};
