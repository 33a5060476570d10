#include "PoolController.h"

#include <Formance/Client.h>
#include <Formance/Money.h>
#include <Formance/Timestamp.h>
#include <Formance/payments/v1/PaymentsV1Api.h>

#include <QDate>
#include <QTimeZone>

using namespace Formance;
using namespace Formance::Payments::V1;

PoolController::PoolController(QObject *parent)
    : Controller(parent)
    , m_parts(new CallGroup(this)) {}

void PoolController::setPoolId(const QString &id) {
    if (id == m_poolId)
        return;
    m_poolId = id;
    call()->cancel();
    call()->clearError();
    m_loaded = false;
    m_name.clear();
    m_accounts.clear();
    m_balances.clear();
    m_balancesAt.clear();
    emit poolIdChanged();
    emit stateChanged();
}

std::optional<QDateTime> PoolController::parseDate(const QString &text) const {
    const QString t = text.trimmed();
    if (t.isEmpty())
        return QDateTime::currentDateTimeUtc();
    const QDate day = QDate::fromString(t, Qt::ISODate);
    if (day.isValid() && t.size() == 10)
        return QDateTime(day, QTime(23, 59, 59), QTimeZone::utc());
    if (const auto ts = Timestamp::parse(t))
        return ts->toDateTime();
    return std::nullopt;
}

QString PoolController::dateProblem(const QString &text) const {
    return parseDate(text) ? QString()
                           : tr("A date such as 2026-11-30, or a time such as 2026-11-30T12:00:00Z.");
}

void PoolController::load() {
    if (!client() || m_poolId.isEmpty()) {
        call()->setError(tr("No pool selected."));
        emit stateChanged();
        return;
    }
    call()->start(
        client()->payments().v1().getPool({m_poolId}),
        [this](const auto &body) {
            m_name = body.data.name;
            m_accounts = QStringList(body.data.accounts);
            m_loaded = true;
            emit stateChanged();
            loadBalances(m_balancesAt);
        },
        [this](const QString &) { emit stateChanged(); });
}

void PoolController::loadBalances(const QString &date) {
    const auto at = parseDate(date);
    if (!client() || m_poolId.isEmpty() || !at)
        return;
    m_balancesAt = date.trimmed();
    // Its own round (a CallGroup), so reading balances never cancels a write on call().
    m_parts->begin([this] { emit stateChanged(); });
    m_parts->add(
        client()->payments().v1().getPoolBalances({.poolId = m_poolId, .at = Timestamp::fromDateTime(*at)}),
        [this](const auto &result) {
            m_balances.clear();
            if (!result) {
                call()->setError(tr("The pool's balances could not be read."));
                return;
            }
            for (const auto &b : result->body.data.balances)
                m_balances.append(QVariantMap{{QStringLiteral("asset"), b.asset},
                                              {QStringLiteral("amount"), Money::format(b.amount, b.asset)}});
        });
}

bool PoolController::startWrite() {
    if (!checkWritable()) {
        emit stateChanged();
        return false;
    }
    return true;
}

void PoolController::addAccount(const QString &accountId) {
    if (!startWrite() || m_poolId.isEmpty())
        return;
    AddAccountToPoolRequest request{.poolId = m_poolId};
    request.body.accountID = accountId.trimmed();
    call()->start(
        client()->payments().v1().addAccountToPool(request),
        [this](const auto &) {
            emit changed();
            load();
        },
        [this](const QString &) { emit stateChanged(); });
}

void PoolController::removeAccount(const QString &accountId) {
    if (!startWrite() || m_poolId.isEmpty())
        return;
    call()->start(
        client()->payments().v1().removeAccountFromPool({.poolId = m_poolId, .accountId = accountId}),
        [this](const auto &) {
            emit changed();
            load();
        },
        [this](const QString &) { emit stateChanged(); });
}

void PoolController::create(const QString &name, const QStringList &accountIds) {
    if (!startWrite())
        return;
    if (name.trimmed().isEmpty()) {
        call()->setError(tr("Give the pool a name."));
        emit stateChanged();
        return;
    }
    CreatePoolRequest request;
    request.body.name = name.trimmed();
    for (const QString &id : accountIds)
        if (!id.trimmed().isEmpty())
            request.body.accountIDs.append(id.trimmed());
    call()->start(
        client()->payments().v1().createPool(request),
        [this](const auto &body) {
            m_poolId = body.data.id;
            emit poolIdChanged();
            emit created(body.data.id);
            emit changed();
            load();
        },
        [this](const QString &) { emit stateChanged(); });
}

void PoolController::remove() {
    if (!startWrite() || m_poolId.isEmpty())
        return;
    call()->start(
        client()->payments().v1().deletePool({m_poolId}),
        [this](const auto &) {
            m_loaded = false;
            emit stateChanged();
            emit removed();
        },
        [this](const QString &) { emit stateChanged(); });
}
