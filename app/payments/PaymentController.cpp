#include "PaymentController.h"

#include "core/ListSupport.h"
#include "core/MetadataChanges.h"
#include <Formance/Client.h>
#include <Formance/Money.h>
#include <Formance/json/JsonWriter.h>
#include <Formance/ledger/v2/LedgerV2Api.h>
#include <Formance/payments/v1/PaymentsV1Api.h>

#include <QJsonDocument>

using namespace Formance;

PaymentController::PaymentController(QObject *parent)
    : Controller(parent)
    , m_links(new CallHolder(this)) {
    connect(m_links, &CallHolder::busyChanged, this, &PaymentController::transactionsChanged);
    connect(m_links, &CallHolder::errorChanged, this, &PaymentController::transactionsChanged);
}

void PaymentController::setPaymentId(const QString &id) {
    if (id == m_paymentId)
        return;
    m_paymentId = id;
    call()->cancel();
    m_links->cancel();
    call()->clearError();
    m_loaded = false;
    m_details.clear();
    m_adjustments.clear();
    m_metadata.clear();
    m_rawText.clear();
    m_transactions.clear();
    emit paymentIdChanged();
    emit stateChanged();
    emit transactionsChanged();
}

void PaymentController::setLedger(const QString &ledger) {
    if (ledger == m_ledger)
        return;
    m_ledger = ledger;
    emit ledgerChanged();
    if (m_loaded)
        findTransactions();
}

bool PaymentController::transactionsBusy() const {
    return m_links->busy();
}

QString PaymentController::transactionsError() const {
    return m_links->error();
}

void PaymentController::load() {
    if (!client() || m_paymentId.isEmpty()) {
        call()->setError(tr("No payment selected."));
        emit stateChanged();
        return;
    }
    call()->start(
        client()->payments().v1().getPayment({m_paymentId}),
        [this](const auto &body) {
            const Models::Payment &p = body.data;
            m_details = {{QStringLiteral("reference"), p.reference},
                         {QStringLiteral("type"), p.type.toString()},
                         {QStringLiteral("status"), p.status.toString()},
                         {QStringLiteral("scheme"), p.scheme.toString()},
                         {QStringLiteral("amount"), Money::format(p.amount, p.asset)},
                         {QStringLiteral("initialAmount"), Money::format(p.initialAmount, p.asset)},
                         {QStringLiteral("asset"), p.asset},
                         {QStringLiteral("connectorId"), p.connectorID},
                         {QStringLiteral("provider"), p.provider ? p.provider->toString() : QString()},
                         {QStringLiteral("sourceAccountId"), p.sourceAccountID},
                         {QStringLiteral("destinationAccountId"), p.destinationAccountID},
                         {QStringLiteral("createdAt"), ListSupport::localTimeText(p.createdAt)}};
            m_adjustments.clear();
            for (const auto &a : p.adjustments)
                m_adjustments.append(
                    QVariantMap{{QStringLiteral("reference"), a.reference},
                                {QStringLiteral("createdAt"), ListSupport::localTimeText(a.createdAt)},
                                {QStringLiteral("status"), a.status.toString()},
                                {QStringLiteral("amount"), Money::format(a.amount, p.asset)}});
            // Raw provider data, indented for reading. QJsonDocument is for display only here
            // (the raw data is the provider's, not an amount this app computes with).
            m_rawText = p.raw && !p.raw->isNull()
                            ? QString::fromUtf8(
                                  QJsonDocument::fromJson(p.raw->json()).toJson(QJsonDocument::Indented))
                            : QString();
            m_metadata =
                p.metadata ? ListSupport::toVariantMap(QMap<QString, QString>(*p.metadata)) : QVariantMap();
            m_loaded = true;
            emit stateChanged();
            findTransactions();
        },
        [this](const QString &) { emit stateChanged(); });
}

void PaymentController::findTransactions() {
    m_transactions.clear();
    emit transactionsChanged();
    if (!client() || m_ledger.isEmpty() || !m_loaded)
        return;
    // {"$or": [{"$match": {"reference": …}}, {"$match": {"metadata[paymentId]": …}}]}
    Json::Writer w;
    w.beginObject();
    w.key("$or");
    w.beginArray();
    const QList<std::pair<const char *, QString>> matches{
        {"reference", m_details.value(QStringLiteral("reference")).toString()},
        {"metadata[paymentId]", m_paymentId}};
    for (const auto &[key, value] : matches) {
        w.beginObject();
        w.key("$match");
        w.beginObject();
        w.key(key);
        w.value(value);
        w.endObject();
        w.endObject();
    }
    w.endArray();
    w.endObject();
    Ledger::V2::V2ListTransactionsRequest request;
    request.ledger = m_ledger;
    request.pageSize = 25;
    request.body = Json::Any::fromJson(w.take());
    m_links->start(client()->ledger().v2().listTransactions(request), [this](const auto &body) {
        for (const auto &tx : body.cursor.data)
            m_transactions.append(
                QVariantMap{{QStringLiteral("id"), tx.id.toString()},
                            {QStringLiteral("reference"), tx.reference.value_or(QString())},
                            {QStringLiteral("timestamp"), ListSupport::localTimeText(tx.timestamp)}});
        emit transactionsChanged();
    });
}

QVariantList PaymentController::metadataDiff(const QVariantMap &edited) const {
    return MetadataChanges::diffRows(m_metadata, edited);
}

void PaymentController::saveMetadata(const QVariantMap &edited) {
    const MetadataChanges changes = MetadataChanges::between(m_metadata, edited);
    if (changes.isEmpty() || !checkWritable()) {
        emit stateChanged();
        return;
    }
    if (!changes.removals.isEmpty()) {
        call()->setError(tr("Payments cannot remove a metadata key (%1): the API only adds and changes keys.")
                             .arg(changes.removals.join(QStringLiteral(", "))));
        emit stateChanged();
        return;
    }
    Payments::V1::UpdateMetadataRequest request{.paymentId = m_paymentId,
                                                .body = Models::PaymentMetadata(changes.upserts)};
    call()->start(
        client()->payments().v1().updateMetadata(request),
        [this](const auto &) {
            emit metadataSaved();
            load();
        },
        [this](const QString &) { emit stateChanged(); });
}
