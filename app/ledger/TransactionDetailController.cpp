#include "TransactionDetailController.h"

#include "core/ListSupport.h"
#include "core/MetadataChanges.h"
#include <Formance/Client.h>
#include <Formance/Money.h>
#include <Formance/ledger/v2/LedgerV2Api.h>

using namespace Formance;
using namespace Formance::Ledger::V2;

namespace {
// What the ledger writes on a revert transaction: the id of the transaction it reverts.
const QString kRevertsKey = QStringLiteral("com.formance.spec/state/reverts");
} // namespace

TransactionDetailController::TransactionDetailController(QObject *parent)
    : Controller(parent) {}

void TransactionDetailController::load() {
    const auto id = BigInt::fromString(m_id);
    if (!client() || m_ledger.isEmpty() || !id) {
        call()->setError(tr("No transaction selected."));
        return;
    }
    V2GetTransactionRequest request{m_ledger, *id, QStringLiteral("volumes"), std::nullopt};
    call()->start(client()->ledger().v2().getTransaction(request), [this](const auto &body) {
        const auto &tx = body.data;
        m_timestamp = tx.timestamp.toString();
        m_timeText = ListSupport::localTimeText(tx.timestamp);
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
        m_reverts = tx.metadata.value(kRevertsKey);
        m_revertedBy.clear();
        m_loaded = true;
        emit stateChanged();
        if (tx.reverted)
            findRevert();
    });
}

void TransactionDetailController::findRevert() {
    // The revert carries this transaction's id in its metadata.
    V2ListTransactionsRequest request;
    request.ledger = m_ledger;
    request.pageSize = 1;
    const QByteArray key = "metadata[" + kRevertsKey.toUtf8() + "]";
    request.body = Json::Any::fromJson(
        ListSupport::matchQuery(std::string_view(key.constData(), size_t(key.size())), m_id));
    call()->start(client()->ledger().v2().listTransactions(request), [this](const auto &body) {
        if (!body.cursor.data.isEmpty()) {
            m_revertedBy = body.cursor.data.first().id.toString();
            emit stateChanged();
        }
    });
}

void TransactionDetailController::revert(bool force, bool atEffectiveDate) {
    const auto id = BigInt::fromString(m_id);
    if (!checkWritable())
        return;
    if (!id) {
        call()->setError(tr("No transaction selected."));
        return;
    }
    V2RevertTransactionRequest request{.ledger = m_ledger,
                                       .id = *id,
                                       .force = force ? std::optional<bool>(true) : std::nullopt,
                                       .atEffectiveDate =
                                           atEffectiveDate ? std::optional<bool>(true) : std::nullopt};
    call()->start(client()->ledger().v2().revertTransaction(request), [this](const auto &body) {
        const QString newId = body.data.id.toString();
        emit revertDone(newId);
        load();
    });
}

QVariantList TransactionDetailController::metadataDiff(const QVariantMap &edited) const {
    return MetadataChanges::diffRows(m_metadata, edited);
}

void TransactionDetailController::saveMetadata(const QVariantMap &edited) {
    const auto id = BigInt::fromString(m_id);
    const MetadataChanges changes = MetadataChanges::between(m_metadata, edited);
    if (changes.isEmpty() || !checkWritable() || !id)
        return;
    QList<WriteStep> steps;
    if (!changes.upserts.isEmpty())
        steps.append([this, id = *id, upserts = changes.upserts](auto next) {
            call()->start(client()->ledger().v2().addMetadataOnTransaction(
                              {m_ledger, id, std::nullopt, std::nullopt, upserts}),
                          [next](const auto &) { next(); });
        });
    for (const QString &key : changes.removals)
        steps.append([this, id = *id, key](auto next) {
            call()->start(client()->ledger().v2().deleteTransactionMetadata({m_ledger, id, key}),
                          [next](const auto &) { next(); });
        });
    runInOrder(steps, [this] {
        emit metadataSaved();
        load();
    });
}

QString TransactionDetailController::curlCommand() const {
    if (!client())
        return {};
    const QString base = client()->transport().baseUrl().toString();
    // The token is left as a variable: a copied command must never carry a credential.
    return QStringLiteral("curl -sS -H \"Authorization: Bearer $FORMANCE_TOKEN\" "
                          "'%1/api/ledger/v2/%2/transactions/%3?expand=volumes'")
        .arg(base, QString::fromLatin1(QUrl::toPercentEncoding(m_ledger)), m_id);
}
