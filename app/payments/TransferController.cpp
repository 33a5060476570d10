#include "TransferController.h"

#include "core/ListSupport.h"
#include <Formance/Client.h>
#include <Formance/Money.h>
#include <Formance/Timestamp.h>
#include <Formance/payments/v1/PaymentsV1Api.h>

#include <QUuid>

using namespace Formance;
using namespace Formance::Payments::V1;

TransferController::TransferController(QObject *parent)
    : Controller(parent) {}

void TransferController::setTransferId(const QString &id) {
    if (id == m_transferId)
        return;
    m_transferId = id;
    call()->cancel();
    call()->clearError();
    m_loaded = false;
    m_details.clear();
    m_history.clear();
    m_payments.clear();
    emit transferIdChanged();
    emit stateChanged();
}

bool TransferController::canReverse() const {
    const QString s = status();
    return m_loaded && (s == QLatin1String("PROCESSED") || s == QLatin1String("PARTIALLY_REVERSED"));
}

QString TransferController::amountProblem(const QString &text, const QString &asset) const {
    if (text.trimmed().isEmpty())
        return tr("Type an amount.");
    const QString separators = ListSupport::amountInputProblem(text);
    if (!separators.isEmpty())
        return separators;
    const auto parsed = Money::parse(text, asset);
    if (!parsed.value)
        return parsed.error;
    if (parsed.value->isNegative() || parsed.value->isZero())
        return tr("The amount must be more than zero.");
    return {};
}

void TransferController::load() {
    if (!client() || m_transferId.isEmpty()) {
        call()->setError(tr("No transfer selected."));
        emit stateChanged();
        return;
    }
    call()->start(
        client()->payments().v1().getTransferInitiation({m_transferId}),
        [this](const auto &body) {
            const Models::TransferInitiation &t = body.data;
            m_details = {{QStringLiteral("reference"), t.reference},
                         {QStringLiteral("type"), t.type.toString()},
                         {QStringLiteral("status"), t.status.toString()},
                         {QStringLiteral("amount"), Money::format(t.amount, t.asset)},
                         {QStringLiteral("initialAmount"), Money::format(t.initialAmount, t.asset)},
                         {QStringLiteral("asset"), t.asset},
                         {QStringLiteral("connectorId"), t.connectorID},
                         {QStringLiteral("sourceAccountId"), t.sourceAccountID},
                         {QStringLiteral("destinationAccountId"), t.destinationAccountID},
                         {QStringLiteral("description"), t.description},
                         {QStringLiteral("error"), t.error},
                         {QStringLiteral("createdAt"), ListSupport::localTimeText(t.createdAt)},
                         {QStringLiteral("scheduledAt"), ListSupport::localTimeText(t.scheduledAt)}};
            m_history.clear();
            if (t.relatedAdjustments)
                for (const auto &a : *t.relatedAdjustments)
                    m_history.append(
                        QVariantMap{{QStringLiteral("status"), a.status.toString()},
                                    {QStringLiteral("createdAt"), ListSupport::localTimeText(a.createdAt)},
                                    {QStringLiteral("error"), a.error}});
            m_payments.clear();
            if (t.relatedPayments)
                for (const auto &p : *t.relatedPayments)
                    m_payments.append(
                        QVariantMap{{QStringLiteral("paymentId"), p.paymentID},
                                    {QStringLiteral("status"), p.status.toString()},
                                    {QStringLiteral("createdAt"), ListSupport::localTimeText(p.createdAt)},
                                    {QStringLiteral("error"), p.error}});
            m_loaded = true;
            emit stateChanged();
        },
        [this](const QString &) { emit stateChanged(); });
}

bool TransferController::startWrite() {
    if (!checkWritable() || m_transferId.isEmpty()) {
        if (m_transferId.isEmpty())
            call()->setError(tr("No transfer selected."));
        emit stateChanged();
        return false;
    }
    return true;
}

template <class Call> void TransferController::step(const Call &c) {
    call()->start(
        c,
        [this](const auto &) {
            emit changed();
            load();
        },
        [this](const QString &) { emit stateChanged(); });
}

void TransferController::setStatus(const QString &status) {
    if (!startWrite())
        return;
    UdpateTransferInitiationStatusRequest request{.transferId = m_transferId};
    request.body.status = Models::UpdateTransferInitiationStatusRequestStatus::fromString(status);
    step(client()->payments().v1().udpateTransferInitiationStatus(request));
}

void TransferController::retry() {
    if (!startWrite())
        return;
    step(client()->payments().v1().retryTransferInitiation({m_transferId}));
}

void TransferController::reverse(const QString &amountText, const QString &description) {
    if (!startWrite())
        return;
    const QString asset = m_details.value(QStringLiteral("asset")).toString();
    const QString problem = amountProblem(amountText, asset);
    if (!problem.isEmpty()) {
        call()->setError(problem);
        emit stateChanged();
        return;
    }
    ReverseTransferInitiationRequest request{.transferId = m_transferId};
    request.body.reference = m_details.value(QStringLiteral("reference")).toString() +
                             QStringLiteral("-reversal-") +
                             QUuid::createUuid().toString(QUuid::Id128).left(8);
    request.body.description = description;
    request.body.amount = *Money::parse(amountText, asset).value;
    request.body.asset = asset;
    step(client()->payments().v1().reverseTransferInitiation(request));
}

void TransferController::remove() {
    if (!startWrite())
        return;
    call()->start(
        client()->payments().v1().deleteTransferInitiation({m_transferId}),
        [this](const auto &) {
            m_loaded = false;
            emit stateChanged();
            emit removed();
        },
        [this](const QString &) { emit stateChanged(); });
}

QString TransferController::createProblem(const QVariantMap &form) const {
    auto text = [&form](const char *key) { return form.value(QLatin1String(key)).toString().trimmed(); };
    if (text("reference").isEmpty())
        return tr("Give the transfer a reference.");
    if (text("connectorId").isEmpty())
        return tr("Choose the connector that makes the transfer.");
    if (text("sourceAccountId").isEmpty() || text("destinationAccountId").isEmpty())
        return tr("Choose the source and destination accounts.");
    if (text("asset").isEmpty())
        return tr("Type the asset, such as EUR/2.");
    return amountProblem(text("amount"), text("asset"));
}

void TransferController::create(const QVariantMap &form) {
    if (!checkWritable()) {
        emit stateChanged();
        return;
    }
    const QString problem = createProblem(form);
    if (!problem.isEmpty()) {
        call()->setError(problem);
        emit stateChanged();
        return;
    }
    auto text = [&form](const char *key) { return form.value(QLatin1String(key)).toString().trimmed(); };
    CreateTransferInitiationRequest request;
    request.body.reference = text("reference");
    request.body.scheduledAt = Timestamp::now();
    request.body.description = text("description");
    request.body.sourceAccountID = text("sourceAccountId");
    request.body.destinationAccountID = text("destinationAccountId");
    request.body.connectorID = text("connectorId");
    request.body.type = Models::TransferInitiationRequestType::fromString(
        text("type").isEmpty() ? QStringLiteral("TRANSFER") : text("type"));
    request.body.amount = *Money::parse(text("amount"), text("asset")).value;
    request.body.asset = text("asset");
    request.body.validated = form.value(QStringLiteral("validated")).toBool();
    call()->start(
        client()->payments().v1().createTransferInitiation(request),
        [this](const auto &body) {
            m_transferId = body.data.id;
            emit transferIdChanged();
            emit created(body.data.id);
            emit changed();
            load();
        },
        [this](const QString &) { emit stateChanged(); });
}
