#include "BankAccountController.h"

#include "PaymentsOperations.h"
#include "core/ListSupport.h"
#include "core/MetadataChanges.h"
#include <Formance/Client.h>
#include <Formance/payments/v1/PaymentsV1Api.h>
#include <Formance/payments/v3/PaymentsV3Api.h>

#include <QRegularExpression>

using namespace Formance;
using namespace Formance::Payments::V1;
using PaymentsOperations::viaV3;
using PaymentsOperations::Write;

namespace {
QString compact(const QString &text) {
    QString out = text;
    out.remove(QLatin1Char(' '));
    return out.toUpper();
}
} // namespace

BankAccountController::BankAccountController(QObject *parent)
    : Controller(parent) {}

void BankAccountController::setBankAccountId(const QString &id) {
    if (id == m_id)
        return;
    m_id = id;
    call()->cancel();
    call()->clearError();
    m_loaded = false;
    m_details.clear();
    m_related.clear();
    m_metadata.clear();
    emit bankAccountIdChanged();
    emit stateChanged();
}

QString BankAccountController::ibanProblem(const QString &text) const {
    const QString iban = compact(text);
    if (iban.isEmpty())
        return {};
    static const QRegularExpression shape(QStringLiteral("^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$"));
    if (!shape.match(iban).hasMatch())
        return tr("An IBAN is two letters, two check digits and up to 30 letters or digits.");
    // Mod 97 of the rearranged IBAN, letters as 10..35, digit by digit.
    const QString moved = iban.mid(4) + iban.left(4);
    int remainder = 0;
    for (const QChar c : moved) {
        const int v = c.isDigit() ? c.digitValue() : c.unicode() - 'A' + 10;
        remainder = (v >= 10 ? remainder * 100 + v : remainder * 10 + v) % 97;
    }
    return remainder == 1 ? QString() : tr("This IBAN's check digits do not match: a character is wrong.");
}

QString BankAccountController::accountNumberProblem(const QString &text) const {
    const QString number = compact(text);
    if (number.isEmpty())
        return {};
    static const QRegularExpression shape(QStringLiteral("^[A-Z0-9-]{4,34}$"));
    return shape.match(number).hasMatch() ? QString() : tr("4 to 34 letters, digits or dashes.");
}

QString BankAccountController::createProblem(const QVariantMap &form) const {
    auto text = [&form](const char *key) { return form.value(QLatin1String(key)).toString().trimmed(); };
    if (text("name").isEmpty())
        return tr("Give the bank account a name.");
    static const QRegularExpression country(QStringLiteral("^[A-Za-z]{2}$"));
    if (!country.match(text("country")).hasMatch())
        return tr("The country is its two-letter code, such as FR.");
    if (text("iban").isEmpty() && text("accountNumber").isEmpty())
        return tr("Give an IBAN or an account number.");
    const QString iban = ibanProblem(text("iban"));
    if (!iban.isEmpty())
        return iban;
    return accountNumberProblem(text("accountNumber"));
}

void BankAccountController::load() {
    if (!client() || m_id.isEmpty()) {
        call()->setError(tr("No bank account selected."));
        emit stateChanged();
        return;
    }
    call()->start(
        client()->payments().v1().getBankAccount({m_id}),
        [this](const auto &body) {
            const Models::BankAccount &b = body.data;
            m_details = {{QStringLiteral("name"), b.name},
                         {QStringLiteral("country"), b.country},
                         {QStringLiteral("iban"), b.iban.value_or(QString())},
                         {QStringLiteral("accountNumber"), b.accountNumber.value_or(QString())},
                         {QStringLiteral("swiftBicCode"), b.swiftBicCode.value_or(QString())},
                         {QStringLiteral("connectorId"), b.connectorID.value_or(QString())},
                         {QStringLiteral("createdAt"), ListSupport::localTimeText(b.createdAt)}};
            m_related.clear();
            if (b.relatedAccounts)
                for (const auto &r : *b.relatedAccounts)
                    m_related.append(
                        QVariantMap{{QStringLiteral("connectorId"), r.connectorID},
                                    {QStringLiteral("accountId"), r.accountID},
                                    {QStringLiteral("provider"), r.provider},
                                    {QStringLiteral("createdAt"), ListSupport::localTimeText(r.createdAt)}});
            m_metadata =
                b.metadata ? ListSupport::toVariantMap(QMap<QString, QString>(*b.metadata)) : QVariantMap();
            m_loaded = true;
            emit stateChanged();
        },
        [this](const QString &) { emit stateChanged(); });
}

bool BankAccountController::startWrite() {
    if (!checkWritable()) {
        emit stateChanged();
        return false;
    }
    return true;
}

void BankAccountController::create(const QVariantMap &form) {
    if (!startWrite())
        return;
    const QString problem = createProblem(form);
    if (!problem.isEmpty()) {
        call()->setError(problem);
        emit stateChanged();
        return;
    }
    auto text = [&form](const char *key) { return form.value(QLatin1String(key)).toString().trimmed(); };
    auto done = [this](const QString &id) {
        m_id = id;
        emit bankAccountIdChanged();
        emit created(id);
        emit changed();
        load();
    };
    auto failed = [this] { emit stateChanged(); };
    if (viaV3(session(), Write::BankAccountCreate)) {
        // A v3 bank account belongs to no connector: it is created, then forwarded to the one chosen.
        Models::V3CreateBankAccountRequest body{.name = text("name"), .country = text("country").toUpper()};
        if (!text("iban").isEmpty())
            body.iban = compact(text("iban"));
        if (!text("accountNumber").isEmpty())
            body.accountNumber = compact(text("accountNumber"));
        if (!text("swiftBicCode").isEmpty())
            body.swiftBicCode = compact(text("swiftBicCode"));
        const QString connectorId = text("connectorId");
        call()->start(
            client()->payments().v3().createBankAccount({body}),
            [this, connectorId, done, failed](const auto &created) {
                const QString id = created.data;
                forwardV3(
                    id, connectorId, [done, id] { done(id); }, failed);
            },
            [failed](const QString &) { failed(); });
        return;
    }
    CreateBankAccountRequest request;
    request.body.name = text("name");
    request.body.country = text("country").toUpper();
    request.body.connectorID = text("connectorId");
    if (!text("iban").isEmpty())
        request.body.iban = compact(text("iban"));
    if (!text("accountNumber").isEmpty())
        request.body.accountNumber = compact(text("accountNumber"));
    if (!text("swiftBicCode").isEmpty())
        request.body.swiftBicCode = compact(text("swiftBicCode"));
    call()->start(
        client()->payments().v1().createBankAccount(request),
        [done](const auto &body) { done(body.data.id); }, [failed](const QString &) { failed(); });
}

void BankAccountController::forwardV3(const QString &id, const QString &connectorId,
                                      std::function<void()> done, std::function<void()> failed) {
    Payments::V3::V3ForwardBankAccountRequest request{.bankAccountID = id};
    request.body = Models::V3ForwardBankAccountRequest{connectorId};
    call()->start(
        client()->payments().v3().forwardBankAccount(request),
        [this, done, failed](const auto &body) {
            PaymentsOperations::followTask(
                call(), this, client(), body.data.taskID, [done](const QString &) { done(); }, failed);
        },
        [failed](const QString &) { failed(); });
}

void BankAccountController::forward(const QString &connectorId) {
    if (!startWrite() || m_id.isEmpty())
        return;
    if (viaV3(session(), Write::BankAccountForward)) {
        forwardV3(
            m_id, connectorId,
            [this] {
                emit changed();
                load();
            },
            [this] { emit stateChanged(); });
        return;
    }
    ForwardBankAccountRequest request{.bankAccountId = m_id};
    request.body.connectorID = connectorId;
    call()->start(
        client()->payments().v1().forwardBankAccount(request),
        [this](const auto &) {
            emit changed();
            load();
        },
        [this](const QString &) { emit stateChanged(); });
}

QVariantList BankAccountController::metadataDiff(const QVariantMap &edited) const {
    return MetadataChanges::diffRows(m_metadata, edited);
}

void BankAccountController::saveMetadata(const QVariantMap &edited) {
    const MetadataChanges changes = MetadataChanges::between(m_metadata, edited);
    if (changes.isEmpty() || !startWrite())
        return;
    if (!changes.removals.isEmpty()) {
        call()->setError(tr("Payments cannot remove a metadata key (%1): the API only adds and changes keys.")
                             .arg(changes.removals.join(QStringLiteral(", "))));
        emit stateChanged();
        return;
    }
    UpdateBankAccountMetadataRequest request{.bankAccountId = m_id};
    request.body.metadata = changes.upserts;
    call()->start(
        client()->payments().v1().updateBankAccountMetadata(request),
        [this](const auto &) {
            emit metadataSaved();
            load();
        },
        [this](const QString &) { emit stateChanged(); });
}
