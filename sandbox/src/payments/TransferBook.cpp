#include "TransferBook.h"

#include "PaymentsCommon.h"

#include "core/SqlRows.h"
#include "ledger/AmountKey.h"

namespace Formance::Sandbox::Payments {

QString TransferBook::transferId(const QString &reference, const QString &connectorId) {
    return encodeId({{QStringLiteral("Reference"), reference}, {QStringLiteral("ConnectorID"), connectorId}});
}

std::optional<TransferRow> TransferBook::get(const QString &id) {
    QSqlQuery q = m_store.db().query(
        QStringLiteral(
            "SELECT id, reference, connector_id, provider, type, source_account_id, destination_account_id,"
            " asset, amount, initial_amount, status, error, related_payments FROM payments_transfers"
            " WHERE id = ?"),
        {id});
    if (!q.next())
        return std::nullopt;
    TransferRow t;
    SqlRows::readColumns(q, 0, t.id, t.reference, t.connectorId, t.provider, t.type, t.sourceAccountId,
                         t.destinationAccountId, t.asset, t.amount, t.initialAmount, t.status, t.error,
                         t.relatedPayments);
    return t;
}

void TransferBook::setStatus(const QString &id, const QString &status, const QString &error,
                             const QString &at, const Metadata &metadata) {
    QSqlQuery q = m_store.db().query(
        QStringLiteral("SELECT related_adjustments FROM payments_transfers WHERE id = ?"), {id});
    if (!q.next())
        return;
    Json::Writer w;
    w.beginObject();
    w.key("adjustmentID");
    w.value(newUuid());
    w.key("createdAt");
    w.value(at);
    w.key("status");
    w.value(status);
    w.key("error");
    w.value(error);
    w.key("metadata");
    w.rawJson(LedgerStore::metadataJson(metadata));
    w.endObject();
    m_store.db().query(
        QStringLiteral(
            "UPDATE payments_transfers SET status = ?, error = ?, related_adjustments = ? WHERE id = ?"),
        {status, error, PaymentsStore::appended(q.value(0).toString(), w.take()), id});
}

void TransferBook::settle(const TransferRow &t, const QString &at) {
    PaymentRow p;
    p.reference = t.reference;
    p.type = t.type;
    p.connectorId = t.connectorId;
    p.provider = t.provider;
    p.id = PaymentsStore::paymentId(p.reference, p.type, p.connectorId);
    p.status = QStringLiteral("SUCCEEDED");
    p.amount = p.initialAmount = t.amount;
    p.asset = t.asset;
    p.scheme = t.type == QLatin1String("PAYOUT") ? QStringLiteral("sepa credit") : QStringLiteral("a2a");
    p.createdAt = at;
    p.sourceAccountId = t.sourceAccountId;
    p.destinationAccountId = t.destinationAccountId;
    p.metadata.insert(QStringLiteral("transferInitiationID"), t.id);
    p.raw = "{}";
    if (!m_store.paymentExists(p.id))
        m_store.insertPayment(p);
    m_store.setBalance(t.sourceAccountId, t.asset, m_store.balance(t.sourceAccountId, t.asset) - t.amount,
                       at);
    const auto dest = m_store.account(t.destinationAccountId);
    if (dest && dest->connectorId == t.connectorId)
        m_store.setBalance(dest->id, t.asset, m_store.balance(dest->id, t.asset) + t.amount, at);
    Json::Writer w;
    w.beginObject();
    w.key("paymentID");
    w.value(p.id);
    w.key("createdAt");
    w.value(at);
    w.key("status");
    w.value("PROCESSED");
    w.key("error");
    w.value("");
    w.endObject();
    m_store.db().query(QStringLiteral("UPDATE payments_transfers SET related_payments = ? WHERE id = ?"),
                       {PaymentsStore::appended(t.relatedPayments, w.take()), t.id});
}

int TransferBook::advance(const QString &connectorId, const QString &unreachable, const QString &at) {
    QSqlQuery q = m_store.db().query(
        QStringLiteral("SELECT id FROM payments_transfers WHERE connector_id = ? AND status IN"
                       " ('VALIDATED', 'ASK_RETRIED', 'PROCESSING') AND scheduled_at <= ? ORDER BY seq"),
        {connectorId, at});
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    m_store.db().begin();
    for (const QString &id : ids) {
        const TransferRow t = *get(id);
        if (!unreachable.isEmpty()) {
            setStatus(id, QStringLiteral("FAILED"), unreachable, at);
        } else if (t.status != QLatin1String("PROCESSING")) {
            setStatus(id, QStringLiteral("PROCESSING"), QString(), at);
        } else {
            const BigInt available = m_store.balance(t.sourceAccountId, t.asset);
            if (available < t.amount) {
                setStatus(id, QStringLiteral("FAILED"),
                          QStringLiteral("insufficient funds: the source account holds %1 %2, %3 needed")
                              .arg(available.toString(), t.asset, t.amount.toString()),
                          at);
            } else {
                settle(t, at);
                setStatus(id, QStringLiteral("PROCESSED"), QString(), at);
            }
        }
    }
    m_store.db().commit();
    return int(ids.size());
}

Expected<bool> TransferBook::reverse(const QString &id, const BigInt &amount, const QString &asset,
                                     const QString &reference, const Metadata &metadata, const QString &at) {
    const auto t = get(id);
    if (!t)
        return LedgerError::notFound(QStringLiteral("transfer initiation '%1' not found").arg(id));
    if (t->status != QLatin1String("PROCESSED") && t->status != QLatin1String("PARTIALLY_REVERSED"))
        return LedgerError::validation(
            QStringLiteral("only a processed transfer initiation can be reversed (this one is %1)")
                .arg(t->status));
    if (asset != t->asset)
        return LedgerError::validation(
            QStringLiteral("the reversal's asset %1 differs from the transfer's %2").arg(asset, t->asset));
    if (amount > t->amount)
        return LedgerError::validation(QStringLiteral("cannot reverse %1: only %2 %3 remains to reverse")
                                           .arg(amount.toString(), t->amount.toString(), t->asset));
    const auto dest = m_store.account(t->destinationAccountId);
    const bool internalDest = dest && dest->connectorId == t->connectorId;
    if (internalDest && m_store.balance(dest->id, asset) < amount)
        return LedgerError::validation(
            QStringLiteral("the destination account no longer holds %1 %2").arg(amount.toString(), asset));
    const BigInt remaining = t->amount - amount;
    const QString status =
        remaining.isZero() ? QStringLiteral("REVERSED") : QStringLiteral("PARTIALLY_REVERSED");
    m_store.db().begin();
    m_store.db().query(
        QStringLiteral("UPDATE payments_transfers SET amount = ?, amount_key = ? WHERE id = ?"),
        {remaining.toString(), amountKey(remaining), id});
    setStatus(id, status, QString(), at, metadata);
    m_store.setBalance(t->sourceAccountId, asset, m_store.balance(t->sourceAccountId, asset) + amount, at);
    if (internalDest)
        m_store.setBalance(dest->id, asset, m_store.balance(dest->id, asset) - amount, at);
    const QString paymentId = PaymentsStore::paymentId(t->reference, t->type, t->connectorId);
    m_store.adjustPayment(paymentId, reference,
                          remaining.isZero() ? QStringLiteral("REFUNDED") : QStringLiteral("SUCCEEDED"),
                          remaining, at);
    m_store.db().commit();
    return true;
}

} // namespace Formance::Sandbox::Payments
