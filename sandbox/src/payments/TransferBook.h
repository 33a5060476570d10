// Transfer initiations and their state machine:
//   WAITING_FOR_VALIDATION -> VALIDATED | REJECTED          (the client, udpateTransferInitiationStatus)
//   VALIDATED | ASK_RETRIED -> PROCESSING -> PROCESSED | FAILED   (the connector, round by round)
//   FAILED -> ASK_RETRIED                                    (retry)
//   PROCESSED | PARTIALLY_REVERSED -> PARTIALLY_REVERSED | REVERSED   (reverse, up to what remains)
// Every change is recorded as a related adjustment; processing records the related payment.
#pragma once

#include "PaymentsStore.h"

#include <optional>

namespace Formance::Sandbox::Payments {

struct TransferRow {
    QString id;
    QString reference;
    QString connectorId;
    QString provider;
    QString type;
    QString sourceAccountId;
    QString destinationAccountId;
    QString asset;
    BigInt amount;
    BigInt initialAmount;
    QString status;
    QString error;
    QString relatedPayments;
};

class TransferBook {
public:
    explicit TransferBook(PaymentsStore &store)
        : m_store(store) {}

    static QString transferId(const QString &reference, const QString &connectorId);
    std::optional<TransferRow> get(const QString &id);
    void setStatus(const QString &id, const QString &status, const QString &error, const QString &at,
                   const Metadata &metadata = {});

    // One processing step for the connector's transfers; `unreachable` non-empty: the connector
    // cannot process (its provider is out of reach), so they fail with that error. Returns how
    // many transfers moved.
    int advance(const QString &connectorId, const QString &unreachable, const QString &at);

    // Gives back `amount` of a processed transfer: balances restored, the related payment
    // adjusted (REFUNDED once nothing remains). VALIDATION when the state or amount forbids it.
    Expected<bool> reverse(const QString &id, const BigInt &amount, const QString &asset,
                           const QString &reference, const Metadata &metadata, const QString &at);

private:
    void settle(const TransferRow &t, const QString &at);
    PaymentsStore &m_store;
};

} // namespace Formance::Sandbox::Payments
