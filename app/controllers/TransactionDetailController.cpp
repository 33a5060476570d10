#include "TransactionDetailController.h"

#include "Client.h"
#include "ErrorText.h"
#include "MetadataChanges.h"
#include "Money.h"
#include "Session.h"
#include "formance/ledger/v2/LedgerV2Api.h"

using namespace Formance;
using namespace Formance::Ledger::V2;

TransactionDetailController::TransactionDetailController(QObject *parent)
    : QObject(parent) {}

void TransactionDetailController::fail(const QString &error) {
    m_loading = false;
    m_error = error;
    emit stateChanged();
}

bool TransactionDetailController::writable(QString *why) const {
    if (!m_session || !m_session->client()) {
        *why = tr("Not connected.");
        return false;
    }
    if (m_session->readOnly()) {
        *why = tr("This profile is read-only.");
        return false;
    }
    return true;
}

void TransactionDetailController::load() {
    const auto id = BigInt::fromString(m_id);
    if (!m_session || !m_session->client() || m_ledger.isEmpty() || !id) {
        fail(tr("No transaction selected."));
        return;
    }
    m_loading = true;
    m_error.clear();
    emit stateChanged();
    V2GetTransactionRequest request{m_ledger, *id, QStringLiteral("volumes"), std::nullopt};
    m_session->client()->ledger().v2().getTransaction(request).then(
        this, [this](const Result<V2GetTransactionResponse> &r) {
            if (!r) {
                fail(ErrorText::describe(r.error()));
                return;
            }
            const auto &tx = r->body.data;
            m_timestamp = tx.timestamp.toString();
            m_reference = tx.reference.value_or(QString());
            m_reverted = tx.reverted;
            m_postings.clear();
            for (const auto &p : tx.postings)
                m_postings.append(QVariantMap{{QStringLiteral("source"), p.source},
                                              {QStringLiteral("destination"), p.destination},
                                              {QStringLiteral("amount"), Money::format(p.amount, p.asset)},
                                              {QStringLiteral("asset"), p.asset}});
            m_metadata.clear();
            for (auto it = tx.metadata.cbegin(); it != tx.metadata.cend(); ++it)
                m_metadata.insert(it.key(), it.value());
            m_volumes.clear();
            if (tx.postCommitVolumes) {
                for (auto acc = tx.postCommitVolumes->cbegin(); acc != tx.postCommitVolumes->cend(); ++acc) {
                    for (auto asset = acc.value().cbegin(); asset != acc.value().cend(); ++asset) {
                        const auto post =
                            asset.value().balance.value_or(asset.value().input - asset.value().output);
                        BigInt pre;
                        if (tx.preCommitVolumes && tx.preCommitVolumes->contains(acc.key()) &&
                            tx.preCommitVolumes->value(acc.key()).contains(asset.key())) {
                            const auto v = tx.preCommitVolumes->value(acc.key()).value(asset.key());
                            pre = v.balance.value_or(v.input - v.output);
                        }
                        m_volumes.append(
                            QVariantMap{{QStringLiteral("account"), acc.key()},
                                        {QStringLiteral("asset"), asset.key()},
                                        {QStringLiteral("before"), Money::format(pre, asset.key())},
                                        {QStringLiteral("after"), Money::format(post, asset.key())}});
                    }
                }
            }
            m_loading = false;
            m_loaded = true;
            emit stateChanged();
        });
}

bool TransactionDetailController::confirmationMatches(const QString &typed) const {
    if (!m_session || m_session->stage() != QLatin1String("production"))
        return true;
    return typed == m_ledger;
}

void TransactionDetailController::revert(bool force) {
    QString why;
    const auto id = BigInt::fromString(m_id);
    if (!writable(&why) || !id) {
        fail(why.isEmpty() ? tr("No transaction selected.") : why);
        return;
    }
    m_loading = true;
    emit stateChanged();
    V2RevertTransactionRequest request{m_ledger, *id, force ? std::optional<bool>(true) : std::nullopt,
                                       std::nullopt};
    m_session->client()->ledger().v2().revertTransaction(request).then(
        this, [this](const Result<V2RevertTransactionResponse> &r) {
            if (!r) {
                fail(ErrorText::describe(r.error()));
                return;
            }
            const QString newId = r->body.data.id.toString();
            emit revertDone(newId);
            load();
        });
}

QVariantList TransactionDetailController::metadataDiff(const QVariantMap &edited) const {
    return MetadataChanges::diffRows(m_metadata, edited);
}

void TransactionDetailController::saveMetadata(const QVariantMap &edited) {
    QString why;
    const auto id = BigInt::fromString(m_id);
    if (!writable(&why) || !id) {
        fail(why);
        return;
    }
    const MetadataChanges changes = MetadataChanges::between(m_metadata, edited);
    if (changes.isEmpty())
        return;
    m_loading = true;
    emit stateChanged();
    auto &api = m_session->client()->ledger().v2();
    QList<MetadataWrite> writes;
    if (!changes.upserts.isEmpty())
        writes.append([this, &api, id = *id, upserts = changes.upserts](auto report) {
            api.addMetadataOnTransaction({m_ledger, id, std::nullopt, std::nullopt, upserts})
                .then(this, [report](const auto &r) {
                    report(r ? std::nullopt : std::optional<Error>(r.error()));
                });
        });
    for (const QString &key : changes.removals)
        writes.append([this, &api, id = *id, key](auto report) {
            api.deleteTransactionMetadata({m_ledger, id, key}).then(this, [report](const auto &r) {
                report(r ? std::nullopt : std::optional<Error>(r.error()));
            });
        });
    runMetadataWrites(writes, [this](const std::optional<Error> &error) {
        if (error) {
            fail(ErrorText::describe(*error));
            return;
        }
        emit metadataSaved();
        load();
    });
}

QString TransactionDetailController::curlCommand() const {
    if (!m_session || !m_session->client())
        return {};
    const QString base = m_session->client()->transport().baseUrl().toString();
    // The token is left as a variable: a copied command must never carry a credential.
    return QStringLiteral("curl -sS -H \"Authorization: Bearer $FORMANCE_TOKEN\" "
                          "'%1/api/ledger/v2/%2/transactions/%3?expand=volumes'")
        .arg(base, QString::fromLatin1(QUrl::toPercentEncoding(m_ledger)), m_id);
}
