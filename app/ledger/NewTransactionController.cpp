#include "NewTransactionController.h"

#include "core/ListSupport.h"
#include "core/MetadataChanges.h"
#include "ledger/TransactionsModel.h"
#include <Formance/Client.h>
#include <Formance/Money.h>
#include <Formance/ledger/v2/LedgerV2Api.h>

#include <QRegularExpression>
#include <QUuid>

#include <memory>

using namespace Formance;
using namespace Formance::Ledger::V2;

namespace {
// Ledger addresses: segments of letters, digits and _ - separated by ':'.
const QRegularExpression &addressPattern() {
    static const QRegularExpression re(QStringLiteral("^[a-zA-Z0-9_-]+(:[a-zA-Z0-9_-]+)*$"));
    return re;
}
const QRegularExpression &assetPattern() {
    static const QRegularExpression re(QStringLiteral("^[A-Z][A-Z0-9]{0,16}(/\\d{1,3})?$"));
    return re;
}
} // namespace

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
        if (!addressPattern().match(source).hasMatch())
            error = tr("Source “%1” is not an account address (segments of letters, digits, _ or - joined by "
                       "“:”).")
                        .arg(source);
        else if (!addressPattern().match(destination).hasMatch())
            error = destination.isEmpty()
                        ? tr("Enter a destination account.")
                        : tr("Destination “%1” is not an account address.").arg(destination);
        else if (!assetPattern().match(asset).hasMatch())
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
    // Balances now, for every account and asset the postings touch, then the postings applied.
    struct Line {
        QString account, asset;
        BigInt before, delta;
    };
    auto lines = std::make_shared<QList<Line>>();
    auto lineFor = [lines](const QString &account, const QString &asset) -> Line & {
        for (Line &l : *lines)
            if (l.account == account && l.asset == asset)
                return l;
        lines->append({account, asset, {}, {}});
        return lines->last();
    };
    QStringList accounts;
    for (const QVariant &v : m_postings) {
        const QVariantMap p = v.toMap();
        const QString asset = p.value("asset").toString().trimmed();
        const BigInt amount = *Money::parse(p.value("amount").toString(), asset).value;
        const QString src = p.value("source").toString().trimmed(),
                      dst = p.value("destination").toString().trimmed();
        lineFor(src, asset).delta -= amount;
        lineFor(dst, asset).delta += amount;
        for (const QString &a : {src, dst})
            if (!accounts.contains(a))
                accounts.append(a);
    }
    QList<WriteStep> reads;
    for (const QString &account : accounts)
        reads.append([this, lines, account](auto next) {
            V2GetAccountRequest request{m_ledger, account, QStringLiteral("volumes"), std::nullopt};
            // An account never used yet is a 404: its balances are zero.
            call()->startOrNotFound(
                client()->ledger().v2().getAccount(request), [lines, account, next](const auto &body) {
                    if (body && body->data.volumes)
                        for (Line &l : *lines)
                            if (l.account == account && body->data.volumes->contains(l.asset)) {
                                const auto v = body->data.volumes->value(l.asset);
                                l.before = v.balance.value_or(v.input - v.output);
                            }
                    next();
                });
        });
    runInOrder(reads, [this, lines] {
        QVariantList preview;
        for (const Line &l : *lines)
            preview.append(QVariantMap{{"account", l.account},
                                       {"asset", l.asset},
                                       {"before", Money::format(l.before, l.asset)},
                                       {"after", Money::format(l.before + l.delta, l.asset)},
                                       {"negative", (l.before + l.delta).isNegative()}});
        setPreview(preview, true);
    });
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
