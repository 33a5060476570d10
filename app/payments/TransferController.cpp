#include "TransferController.h"

#include "PaymentsOperations.h"
#include "core/ListSupport.h"
#include <Formance/Client.h>
#include <Formance/Money.h>
#include <Formance/Timestamp.h>
#include <Formance/payments/v1/PaymentsV1Api.h>
#include <Formance/payments/v3/PaymentsV3Api.h>

#include <QUuid>

using namespace Formance;
using namespace Formance::Payments::V1;
using PaymentsOperations::viaV3;
using PaymentsOperations::Write;

namespace {
// The task id of a v3 answer (approve and retry name it always, reverse may not).
QString taskIdOf(const QString &id) {
    return id;
}
QString taskIdOf(const std::optional<QString> &id) {
    return id.value_or(QString());
}
} // namespace

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

// A v3 step answers a task: done once the task finished (the initiation then reads its outcome).
template <class Call> void TransferController::stepWithTask(const Call &c) {
    call()->start(
        c,
        [this](const auto &body) {
            PaymentsOperations::followTask(
                call(), this, client(), taskIdOf(body.data.taskID),
                [this](const QString &) {
                    emit changed();
                    load();
                },
                [this] { emit stateChanged(); });
        },
        [this](const QString &) { emit stateChanged(); });
}

void TransferController::setStatus(const QString &status) {
    if (!startWrite())
        return;
    const bool approve = status == QLatin1String("VALIDATED");
    if (viaV3(session(), approve ? Write::InitiationApprove : Write::InitiationReject)) {
        if (approve)
            stepWithTask(client()->payments().v3().approvePaymentInitiation({m_transferId}));
        else
            step(client()->payments().v3().rejectPaymentInitiation({m_transferId}));
        return;
    }
    UdpateTransferInitiationStatusRequest request{.transferId = m_transferId};
    request.body.status = Models::UpdateTransferInitiationStatusRequestStatus::fromString(status);
    step(client()->payments().v1().udpateTransferInitiationStatus(request));
}

void TransferController::retry() {
    if (!startWrite())
        return;
    if (viaV3(session(), Write::InitiationRetry)) {
        stepWithTask(client()->payments().v3().retryPaymentInitiation({m_transferId}));
        return;
    }
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
    const QString reference = m_details.value(QStringLiteral("reference")).toString() +
                              QStringLiteral("-reversal-") +
                              QUuid::createUuid().toString(QUuid::Id128).left(8);
    const BigInt amount = *Money::parse(amountText, asset).value;
    if (viaV3(session(), Write::InitiationReverse)) {
        Payments::V3::V3ReversePaymentInitiationRequest request{.paymentInitiationID = m_transferId};
        request.body = Models::V3ReversePaymentInitiationRequest{
            .reference = reference, .description = description, .amount = amount, .asset = asset};
        stepWithTask(client()->payments().v3().reversePaymentInitiation(request));
        return;
    }
    ReverseTransferInitiationRequest request{.transferId = m_transferId};
    request.body.reference = reference;
    request.body.description = description;
    request.body.amount = amount;
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
    auto done = [this](const QString &id) {
        m_transferId = id;
        emit transferIdChanged();
        emit created(id);
        emit changed();
        load();
    };
    if (viaV3(session(), Write::InitiationCreate)) {
        // v3 takes a validated initiation as one that needs no validation.
        Models::V3InitiatePaymentRequest body{
            .reference = text("reference"),
            .scheduledAt = Timestamp::now(),
            .connectorID = text("connectorId"),
            .description = text("description"),
            .type = Models::V3PaymentInitiationTypeEnum::fromString(
                text("type").isEmpty() ? QStringLiteral("TRANSFER") : text("type")),
            .amount = *Money::parse(text("amount"), text("asset")).value,
            .asset = text("asset"),
            .sourceAccountID = text("sourceAccountId"),
            .destinationAccountID = text("destinationAccountId")};
        const Payments::V3::V3InitiatePaymentRequest request{
            .noValidation = form.value(QStringLiteral("validated")).toBool(), .body = body};
        call()->start(
            client()->payments().v3().initiatePayment(request),
            [done](const auto &response) { done(response.data.paymentInitiationID.value_or(QString())); },
            [this](const QString &) { emit stateChanged(); });
        return;
    }
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
        [done](const auto &body) { done(body.data.id); }, [this](const QString &) { emit stateChanged(); });
}
