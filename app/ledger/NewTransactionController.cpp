#include "NewTransactionController.h"

#include "core/ListSupport.h"
#include "core/MetadataChanges.h"
#include "ledger/BalanceDiff.h"
#include "ledger/LedgerInput.h"
#include "ledger/TransactionsModel.h"
#include <Formance/Client.h>
#include <Formance/Money.h>
#include <Formance/ledger/v2/LedgerV2Api.h>

#include <QUuid>

using namespace Formance;
using namespace Formance::Ledger::V2;

NewTransactionController::NewTransactionController(QObject *parent)
    : Controller(parent) {
    reset();
}

void NewTransactionController::reset() {
    m_postings = {QVariantMap{{"source", "world"}, {"destination", ""}, {"amount", ""}, {"asset", "USD/2"}}};
    m_reference.clear();
    m_metadataText.clear();
    m_timestamp.clear();
    m_committedId.clear();
    emit committedIdChanged();
    formEdited();
    rowsEdited();
}

void NewTransactionController::setPreview(const QVariantList &preview, bool previewed) {
    m_preview = preview;
    m_previewed = previewed;
    emit previewChanged();
}

void NewTransactionController::rowsEdited() {
    m_rows = m_postings;
    emit rowsChanged();
}

void NewTransactionController::formEdited() {
    // A changed form is a different transaction: it gets a fresh key. An unchanged one keeps
    // its key, so a repeated commit after a lost answer is recognised by the ledger.
    m_idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // A preview (or a dry run on its way) was of another transaction.
    call()->cancel();
    call()->clearError();
    setPreview({}, false);
    validate();
    emit formChanged();
}

void NewTransactionController::setReference(const QString &v) {
    if (v != m_reference) {
        m_reference = v;
        formEdited();
    }
}

void NewTransactionController::setMetadataText(const QString &v) {
    if (v != m_metadataText) {
        m_metadataText = v;
        formEdited();
    }
}

void NewTransactionController::setTimestamp(const QString &v) {
    if (v != m_timestamp) {
        m_timestamp = v;
        formEdited();
    }
}

void NewTransactionController::addPosting() {
    const QVariantMap last = m_postings.isEmpty() ? QVariantMap() : m_postings.last().toMap();
    m_postings.append(QVariantMap{{"source", last.value("destination")},
                                  {"destination", ""},
                                  {"amount", ""},
                                  {"asset", last.value("asset", QStringLiteral("USD/2"))}});
    formEdited();
    rowsEdited();
}

void NewTransactionController::removePosting(int index) {
    if (index < 0 || index >= m_postings.size() || m_postings.size() == 1)
        return;
    m_postings.removeAt(index);
    formEdited();
    rowsEdited();
}

void NewTransactionController::setPostingField(int index, const QString &field, const QString &value) {
    if (index < 0 || index >= m_postings.size())
        return;
    QVariantMap p = m_postings.at(index).toMap();
    if (p.value(field).toString() == value)
        return;
    p.insert(field, value);
    m_postings[index] = p;
    formEdited();
}

void NewTransactionController::validate() {
    m_postingErrors.clear();
    for (const QVariant &v : m_postings) {
        const QVariantMap p = v.toMap();
        const QString source = p.value("source").toString().trimmed();
        const QString destination = p.value("destination").toString().trimmed();
        const QString asset = p.value("asset").toString().trimmed();
        QString error;
        if (!LedgerInput::isAddress(source))
            error = tr("Source “%1” is not an account address (segments of letters, digits, _ or - joined by "
                       "“:”).")
                        .arg(source);
        else if (!LedgerInput::isAddress(destination))
            error = destination.isEmpty()
                        ? tr("Enter a destination account.")
                        : tr("Destination “%1” is not an account address.").arg(destination);
        else if (!LedgerInput::isAsset(asset))
            error = tr("Asset “%1” should look like USD/2, EUR/2, ETH/18 or JPY.").arg(asset);
        else {
            const auto amount = Money::parse(p.value("amount").toString(), asset);
            if (const QString problem = ListSupport::amountInputProblem(p.value("amount").toString());
                !problem.isEmpty())
                error = problem;
            else if (!amount.value)
                error = amount.error;
            else if (amount.value->isNegative() || amount.value->isZero())
                error = tr("The amount must be more than zero.");
        }
        m_postingErrors.append(error);
    }
    m_formError.clear();
    for (const QString &line : m_metadataText.split(u'\n', Qt::SkipEmptyParts))
        if (!line.trimmed().isEmpty() &&
            (!line.contains(u'=') || line.section(u'=', 0, 0).trimmed().isEmpty()))
            m_formError = tr("Write metadata as key=value, one per line (“%1” is not).").arg(line.trimmed());
    bool ok = true;
    TransactionsModel::parseTimeInput(m_timestamp, &ok);
    if (!ok)
        m_formError = tr("The timestamp should look like 2024-11-13 10:20 or 2024-11-13T10:20:30Z.");
}

bool NewTransactionController::valid() const {
    return m_formError.isEmpty() && std::all_of(m_postingErrors.cbegin(), m_postingErrors.cend(),
                                                [](const QString &e) { return e.isEmpty(); });
}

std::optional<Models::V2PostTransaction> NewTransactionController::build(QString *error) const {
    if (!valid()) {
        *error = tr("Fix the highlighted fields first.");
        return std::nullopt;
    }
    Models::V2PostTransaction tx;
    QList<Models::V2Posting> postings;
    for (const QVariant &v : m_postings) {
        const QVariantMap p = v.toMap();
        const QString asset = p.value("asset").toString().trimmed();
        postings.append({*Money::parse(p.value("amount").toString(), asset).value, asset,
                         p.value("destination").toString().trimmed(),
                         p.value("source").toString().trimmed()});
    }
    tx.postings = postings;
    if (!m_reference.trimmed().isEmpty())
        tx.reference = m_reference.trimmed();
    for (const QString &line : m_metadataText.split(u'\n', Qt::SkipEmptyParts))
        if (line.contains(u'='))
            tx.metadata.insert(line.section(u'=', 0, 0).trimmed(), line.section(u'=', 1).trimmed());
    bool ok = true;
    if (auto t = TransactionsModel::parseTimeInput(m_timestamp, &ok))
        tx.timestamp = *t;
    return tx;
}

void NewTransactionController::dryRun() {
    QString error;
    const auto tx = build(&error);
    if (!tx) {
        call()->setError(error);
        return;
    }
    if (!client()) {
        call()->setError(tr("Not connected."));
        return;
    }
    setPreview({}, false);
    V2CreateTransactionRequest request{.ledger = m_ledger, .dryRun = true, .body = *tx};
    call()->start(client()->ledger().v2().createTransaction(request),
                  [this](const auto &) { computePreview(); });
}

void NewTransactionController::computePreview() {
    QList<BalanceDiff::Move> moves;
    for (const QVariant &v : m_postings) {
        const QVariantMap p = v.toMap();
        const QString asset = p.value("asset").toString().trimmed();
        moves.append({p.value("source").toString().trimmed(), p.value("destination").toString().trimmed(),
                      asset, *Money::parse(p.value("amount").toString(), asset).value});
    }
    BalanceDiff::compute(call(), client(), m_ledger, moves,
                         [this](const QVariantList &rows) { setPreview(rows, true); });
}

void NewTransactionController::commit() {
    QString error;
    const auto tx = build(&error);
    if (!tx) {
        call()->setError(error);
        return;
    }
    if (!checkWritable())
        return;
    V2CreateTransactionRequest request{.ledger = m_ledger, .idempotencyKey = m_idempotencyKey, .body = *tx};
    call()->start(client()->ledger().v2().createTransaction(request), [this](const auto &body) {
        m_committedId = body.data.id.toString();
        emit committedIdChanged();
        emit committed(m_committedId);
    });
}
