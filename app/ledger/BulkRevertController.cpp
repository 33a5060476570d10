#include "BulkRevertController.h"

#include "core/ErrorText.h"
#include "ledger/BalanceDiff.h"
#include <Formance/Client.h>
#include <Formance/Money.h>
#include <Formance/json/JsonCodec.h>
#include <Formance/ledger/v2/LedgerV2Api.h>

#include <QMap>

using namespace Formance;

BulkRevertController::BulkRevertController(QObject *parent)
    : Controller(parent)
    , m_bulk(new CallGroup(this)) {
    connect(m_bulk, &CallGroup::busyChanged, this, &Controller::busyChanged);
}

void BulkRevertController::setLedger(const QString &ledger) {
    if (ledger == m_ledger)
        return;
    m_ledger = ledger;
    emit ledgerChanged();
    clearSelection(); // ids mean nothing in another ledger
}

QStringList BulkRevertController::selectedIds() const {
    QStringList ids;
    for (const Item &i : m_selected)
        ids << i.tx.id.toString();
    return ids;
}

bool BulkRevertController::isSelected(const QString &id) const {
    for (const Item &i : m_selected)
        if (i.tx.id.toString() == id)
            return true;
    return false;
}

void BulkRevertController::setSelected(TransactionsModel *model, int row, bool selected) {
    if (!model || row < 0 || row >= model->count())
        return;
    const TransactionRow &tx = model->row(row);
    const QString id = tx.id.toString();
    if (selected == isSelected(id))
        return;
    if (selected)
        m_selected.append({tx, State::Unknown, {}});
    else
        m_selected.removeIf([&](const Item &i) { return i.tx.id == tx.id; });
    m_previewed = false;
    for (Item &i : m_selected)
        i.state = State::Unknown;
    emit selectionChanged();
    emit itemsChanged();
}

void BulkRevertController::clearSelection() {
    m_bulk->cancel();
    call()->cancel();
    m_selected.clear();
    m_previewed = false;
    emit selectionChanged();
    emit itemsChanged();
}

void BulkRevertController::setForce(bool force) {
    if (force == m_force)
        return;
    m_force = force;
    if (m_previewed)
        for (Item &i : m_selected)
            if (i.state == State::Overdraws || i.state == State::Ready)
                i.state = State::Unknown;
    emit itemsChanged();
    if (m_previewed)
        preview(); // what the others leave depends on whether these go too
}

int BulkRevertController::count(State s) const {
    return int(
        std::count_if(m_selected.cbegin(), m_selected.cend(), [s](const Item &i) { return i.state == s; }));
}

bool BulkRevertController::sendable(const Item &item) const {
    return item.state == State::Ready || (m_force && item.state == State::Overdraws);
}

int BulkRevertController::toSend() const {
    return int(
        std::count_if(m_selected.cbegin(), m_selected.cend(), [this](const Item &i) { return sendable(i); }));
}

void BulkRevertController::preview() {
    if (!client()) {
        call()->setError(tr("Not connected."));
        return;
    }
    if (m_selected.isEmpty()) {
        call()->setError(tr("Check the transactions to revert first."));
        return;
    }
    QList<BalanceDiff::Move> moves;
    for (const Item &i : m_selected)
        for (const PostingRow &p : i.tx.postings)
            moves.append({p.destination, p.source, p.asset, p.amount}); // the reversal
    call()->clearError();
    m_previewed = false;
    emit itemsChanged();
    BalanceDiff::compute(call(), client(), m_ledger, moves,
                         [this](const QVariantList &rows) { classify(rows); });
}

// The reverts in the order they are sent, each on the balances the ones before it leave. One that
// would overdraw (and is not forced) is left out, so the ones after it do not count on it.
void BulkRevertController::classify(const QVariantList &balances) {
    QMap<QString, BigInt> balance; // account|asset -> now
    for (const QVariant &v : balances) {
        const QVariantMap r = v.toMap();
        const QString asset = r.value("asset").toString();
        if (auto amount = Money::parse(r.value("before").toString(), asset).value)
            balance.insert(r.value("account").toString() + u'|' + asset, *amount);
    }
    for (Item &item : m_selected) {
        if (item.tx.reverted) {
            item.state = State::AlreadyReverted;
            item.detail = tr("already reverted");
            continue;
        }
        QMap<QString, BigInt> after = balance;
        for (const PostingRow &p : item.tx.postings) {
            after[p.destination + u'|' + p.asset] -= p.amount;
            after[p.source + u'|' + p.asset] += p.amount;
        }
        QStringList overdrawn;
        for (const PostingRow &p : item.tx.postings) {
            const QString key = p.destination + u'|' + p.asset;
            if (p.destination != QLatin1String("world") && after.value(key).isNegative() &&
                !overdrawn.contains(key))
                overdrawn << key;
        }
        if (overdrawn.isEmpty()) {
            item.state = State::Ready;
            item.detail = tr("reverts cleanly");
            balance = after;
            continue;
        }
        item.state = State::Overdraws;
        QStringList parts;
        for (const QString &key : overdrawn) {
            const QString account = key.section(u'|', 0, 0), asset = key.section(u'|', 1);
            parts << tr("%1 %2 → %3 %4")
                         .arg(account, Money::format(balance.value(key), asset),
                              Money::format(after.value(key), asset), asset);
        }
        item.detail = tr("would overdraw %1").arg(parts.join(QStringLiteral(", ")));
        if (m_force)
            balance = after;
    }
    m_previewed = true;
    emit itemsChanged();
}

void BulkRevertController::send() {
    if (!checkWritable())
        return;
    if (!m_previewed) {
        call()->setError(tr("Preview the reverts first."));
        return;
    }
    QList<int> sent; // index in m_selected of each element
    Models::V2Bulk elements;
    for (int i = 0; i < m_selected.size(); ++i) {
        if (!sendable(m_selected.at(i)))
            continue;
        Models::V2BulkElementRevertTransactionData data{.id = m_selected.at(i).tx.id};
        if (m_force)
            data.force = true;
        if (m_atEffectiveDate)
            data.atEffectiveDate = true;
        elements.append(Models::V2BulkElementRevertTransaction{.action = QStringLiteral("REVERT_TRANSACTION"),
                                                               .data = data});
        sent.append(i);
    }
    if (elements.isEmpty()) {
        call()->setError(tr("None of the checked transactions can be reverted."));
        return;
    }
    call()->clearError();
    // Each revert on its own: one refused (funds moved on since the preview) never holds back the
    // others, and the answer says which failed and why.
    Ledger::V2::V2CreateBulkRequest request{.ledger = m_ledger, .continueOnFailure = true, .body = elements};
    m_bulk->begin([this] { emit done(); });
    m_bulk->add(client()->ledger().v2().createBulk(request), [this, sent](const auto &result) {
        // A bulk with a failed element answers 400 with the same per-element body.
        Models::V2BulkResponse body;
        if (result) {
            body = result->body;
        } else if (!Json::decode(result.error().body(), body).ok) {
            call()->setError(ErrorText::describe(result.error(), session()->serverUrl()));
            return;
        }
        for (int k = 0; k < sent.size(); ++k) {
            Item &item = m_selected[sent[k]];
            if (k >= body.data.size()) {
                item.state = State::Skipped;
                item.detail = tr("not applied: an element before it failed");
                continue;
            }
            const auto &element = body.data.at(k);
            if (const auto *reverted = element.template get<Models::V2BulkElementResultRevertTransaction>()) {
                item.state = State::Done;
                item.detail = tr("reverted by transaction %1").arg(reverted->data.id.toString());
                item.tx.reverted = true;
            } else if (const auto *failed = element.template get<Models::V2BulkElementResultError>()) {
                item.state = State::Failed;
                item.detail = failed->errorCode + QStringLiteral(": ") + failed->errorDescription;
            } else {
                item.state = State::Failed;
                item.detail = tr("an answer this app does not know");
            }
        }
        emit itemsChanged();
    });
}

QVariantList BulkRevertController::items() const {
    QVariantList out;
    for (const Item &i : m_selected) {
        const char *state = "unknown";
        switch (i.state) {
        case State::Unknown:
            state = "unknown";
            break;
        case State::Ready:
            state = "ready";
            break;
        case State::Overdraws:
            state = "overdraws";
            break;
        case State::AlreadyReverted:
            state = "reverted";
            break;
        case State::Done:
            state = "done";
            break;
        case State::Failed:
            state = "failed";
            break;
        case State::Skipped:
            state = "skipped";
            break;
        }
        out.append(QVariantMap{{"id", i.tx.id.toString()},
                               {"postings", TransactionsModel::postingsText(i.tx)},
                               {"state", QString::fromLatin1(state)},
                               {"detail", i.detail}});
    }
    return out;
}
