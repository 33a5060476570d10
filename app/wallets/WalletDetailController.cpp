#include "WalletDetailController.h"

#include "core/CallGroup.h"
#include "core/Controller.h"
#include "core/ErrorText.h"
#include "core/ListSupport.h"
#include <Formance/Client.h>
#include <Formance/Money.h>
#include <Formance/ledger/v2/LedgerV2Api.h>
#include <Formance/wallets/v1/WalletsV1Api.h>

#include <QCoreApplication>

#include <algorithm>

using namespace Formance;
using namespace Formance::Wallets::V1;

namespace {
QString subjectText(const std::optional<Models::Subject> &subject) {
    if (!subject)
        return {};
    if (const auto *account = subject->get<Models::LedgerAccountSubject>())
        return account->identifier;
    if (const auto *wallet = subject->get<Models::WalletSubject>())
        return QCoreApplication::translate("WalletDetailController", "wallet %1%2")
            .arg(wallet->identifier,
                 wallet->balance ? QStringLiteral(" (%1)").arg(*wallet->balance) : QString());
    return {};
}
} // namespace

WalletDetailController::WalletDetailController(QObject *parent)
    : Controller(parent)
    , m_parts(new CallGroup(this)) {
    connect(m_parts, &CallGroup::busyChanged, this, &Controller::busyChanged);
}

bool WalletDetailController::busy() const {
    return call()->busy() || m_parts->busy();
}

void WalletDetailController::sessionChangedEvent() {
    m_parts->cancel();
}

void WalletDetailController::fail(const QString &error) {
    call()->setError(error);
    emit stateChanged();
}

bool WalletDetailController::writable(QString *why) const {
    if (!session() || !session()->client()) {
        *why = tr("Not connected.");
        return false;
    }
    if (session()->readOnly()) {
        *why = tr("This profile is read-only.");
        return false;
    }
    return true;
}

bool WalletDetailController::confirmationMatches(const QString &typed) const {
    return Controller::confirmationMatches(session(), typed, m_name);
}

void WalletDetailController::load() {
    if (!session() || !session()->client() || m_walletId.isEmpty()) {
        fail(tr("No wallet selected."));
        return;
    }
    m_parts->cancel(); // a reload replaces the parts of the load before
    call()->start(
        session()->client()->wallets().v1().getWallet({m_walletId}),
        [this](const auto &body) {
            const auto &wallet = body.data;
            m_name = wallet.name;
            m_ledger = wallet.ledger;
            m_createdAt = ListSupport::localTimeText(wallet.createdAt);
            m_balances.clear();
            for (auto it = wallet.balances.main.assets.cbegin(); it != wallet.balances.main.assets.cend();
                 ++it)
                m_balances.append(QVariantMap{{QStringLiteral("asset"), it.key()},
                                              {QStringLiteral("amount"), Money::format(it.value(), it.key())},
                                              {QStringLiteral("negative"), it.value().isNegative()}});
            loadParts();
        },
        [this](const QString &) { emit stateChanged(); });
    emit stateChanged();
}

// Named balances (each with its assets) and holds (each with what remains and its asset, read
// from the hold's ledger account): many small calls, assembled when the last one answers.
void WalletDetailController::loadParts() {
    auto &api = session()->client()->wallets().v1();
    m_nextNamed.clear();
    m_nextHolds.clear();
    m_partError.clear();
    m_parts->begin([this] { partsDone(); });
    m_parts->add(api.listBalances({m_walletId}), [this](const Result<ListBalancesResponse> &r) {
        if (!session() || !session()->client()) {
            m_partError = tr("Not connected.");
            return;
        }
        auto &api = session()->client()->wallets().v1();
        if (!r) {
            m_partError = ErrorText::describe(r.error());
        } else {
            for (const auto &balance : r->body.cursor.data) {
                if (balance.name == QLatin1String("main")) // shown as the wallet's balance
                    continue;
                const int index = int(m_nextNamed.size());
                m_nextNamed.append(QVariantMap{
                    {QStringLiteral("name"), balance.name},
                    {QStringLiteral("expiresAt"),
                     balance.expiresAt ? ListSupport::localTimeText(*balance.expiresAt) : QString()},
                    {QStringLiteral("priority"), balance.priority ? balance.priority->toString() : QString()},
                    {QStringLiteral("assetsText"), QString()}});
                m_parts->add(api.getBalance({m_walletId, balance.name}),
                             [this, index](const Result<GetBalanceResponse> &b) {
                                 if (b) {
                                     QStringList parts;
                                     for (auto it = b->body.data.assets.cbegin();
                                          it != b->body.data.assets.cend(); ++it)
                                         parts.append(QStringLiteral("%1 %2").arg(
                                             Money::format(it.value(), it.key()), it.key()));
                                     m_nextNamed[index].insert(QStringLiteral("assetsText"),
                                                               parts.join(QStringLiteral(" · ")));
                                 }
                             });
            }
        }
    });

    GetHoldsRequest holdsRequest;
    holdsRequest.walletID = m_walletId;
    holdsRequest.pageSize = 100;
    m_parts->add(api.getHolds(holdsRequest), [this](const Result<GetHoldsResponse> &r) {
        if (!session() || !session()->client()) {
            m_partError = tr("Not connected.");
            return;
        }
        auto &api = session()->client()->wallets().v1();
        if (!r) {
            m_partError = ErrorText::describe(r.error());
        } else {
            for (const auto &hold : r->body.cursor.data) {
                const int index = int(m_nextHolds.size());
                HoldState state;
                state.id = hold.id;
                state.description = hold.description;
                state.destination = subjectText(hold.destination);
                m_nextHolds.append(state);
                m_parts->add(api.getHold({hold.id}), [this, index](const Result<GetHoldResponse> &h) {
                    if (h) {
                        m_nextHolds[index].remaining = h->body.data.remaining;
                        m_nextHolds[index].original = h->body.data.originalAmount;
                        m_nextHolds[index].known = true;
                    }
                });
                // The hold's asset is not in the wallets API's answer: the ledger account holding
                // the money has it (wallets:holds:{id without dashes}, as the service names it).
                QString address = QStringLiteral("wallets:holds:") + hold.id;
                address.remove(QLatin1Char('-'));
                Ledger::V2::V2GetAccountRequest account{m_ledger, address, QStringLiteral("volumes"),
                                                        std::nullopt};
                m_parts->add(session()->client()->ledger().v2().getAccount(account),
                             [this, index](const Result<Ledger::V2::V2GetAccountResponse> &a) {
                                 if (a) {
                                     const auto &data = a->body.data;
                                     m_nextHolds[index].asset =
                                         data.metadata.value(QStringLiteral("wallets/holds/asset"));
                                     if (m_nextHolds[index].asset.isEmpty() && data.volumes &&
                                         !data.volumes->isEmpty())
                                         m_nextHolds[index].asset = data.volumes->cbegin().key();
                                 }
                             });
            }
        }
    });
}

// All parts answered: shown at once.
void WalletDetailController::partsDone() {
    m_namedBalances.clear();
    for (const auto &row : std::as_const(m_nextNamed))
        m_namedBalances.append(row);
    QList<HoldState> holds = m_nextHolds;
    std::stable_sort(holds.begin(), holds.end(), [](const HoldState &a, const HoldState &b) {
        return (a.remaining > BigInt()) > (b.remaining > BigInt());
    });
    m_holds.clear();
    for (const auto &h : std::as_const(holds)) {
        auto amount = [&](const BigInt &v) {
            return !h.known ? QString() : h.asset.isEmpty() ? v.toString() : Money::format(v, h.asset);
        };
        m_holds.append(QVariantMap{{QStringLiteral("id"), h.id},
                                   {QStringLiteral("asset"), h.asset},
                                   {QStringLiteral("description"), h.description},
                                   {QStringLiteral("destination"), h.destination},
                                   {QStringLiteral("remaining"), amount(h.remaining)},
                                   {QStringLiteral("original"), amount(h.original)},
                                   {QStringLiteral("open"), h.known && h.remaining > BigInt()}});
    }
    m_loaded = true;
    fail(m_partError);
}

QString WalletDetailController::holdAsset(const QString &holdId) const {
    for (const auto &h : m_holds) {
        const QVariantMap row = h.toMap();
        if (row.value(QStringLiteral("id")).toString() == holdId)
            return row.value(QStringLiteral("asset")).toString();
    }
    return {};
}

void WalletDetailController::confirmHold(const QString &holdId, const QString &amount, bool final) {
    QString why;
    if (!writable(&why) || holdId.isEmpty()) {
        fail(why.isEmpty() ? tr("No hold selected.") : why);
        return;
    }
    ConfirmHoldRequest request;
    request.holdId = holdId;
    Models::ConfirmHoldRequest body;
    if (const QString problem = ListSupport::amountInputProblem(amount); !problem.isEmpty()) {
        fail(problem);
        return;
    }
    if (!amount.trimmed().isEmpty()) {
        const QString asset = holdAsset(holdId);
        const auto parsed = asset.isEmpty() ? Money::ParseResult{BigInt::fromString(amount.trimmed()), {}}
                                            : Money::parse(amount, asset);
        if (!parsed.value || !(*parsed.value > BigInt())) {
            fail(parsed.error.isEmpty() ? tr("The amount must be a positive number.") : parsed.error);
            return;
        }
        body.amount = *parsed.value;
    }
    if (final)
        body.final = true;
    request.body = body;
    m_parts->cancel();
    call()->start(
        session()->client()->wallets().v1().confirmHold(request),
        [this, holdId](const auto &) {
            emit holdChanged(holdId);
            load();
        },
        [this](const QString &) { emit stateChanged(); });
    emit stateChanged();
}

void WalletDetailController::voidHold(const QString &holdId) {
    QString why;
    if (!writable(&why) || holdId.isEmpty()) {
        fail(why.isEmpty() ? tr("No hold selected.") : why);
        return;
    }
    m_parts->cancel();
    call()->start(
        session()->client()->wallets().v1().voidHold({holdId}),
        [this, holdId](const auto &) {
            emit holdChanged(holdId);
            load();
        },
        [this](const QString &) { emit stateChanged(); });
    emit stateChanged();
}
