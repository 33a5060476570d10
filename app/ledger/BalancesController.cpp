#include "BalancesController.h"

#include "core/ListSupport.h"
#include "ledger/TransactionsModel.h"
#include <Formance/Client.h>
#include <Formance/Money.h>
#include <Formance/json/JsonWriter.h>
#include <Formance/ledger/v2/LedgerV2Api.h>

using namespace Formance;
using namespace Formance::Ledger::V2;

BalancesController::BalancesController(QObject *parent)
    : Controller(parent) {}

void BalancesController::clear() {
    m_balances.clear();
    m_loaded = false;
    emit resultChanged();
}

void BalancesController::load(const QString &pattern, const QString &pointInTime) {
    // Whatever happens next, the figures on screen must not be taken for this query's.
    clear();
    if (!client() || m_ledger.isEmpty()) {
        call()->setError(tr("Choose a ledger first."));
        return;
    }
    bool ok = true;
    const auto pit = TransactionsModel::parseTimeInput(pointInTime, &ok);
    if (!ok) {
        call()->cancel();
        call()->setError(tr("Dates look like 2024-11-13, 2024-11-13 10:20 or 2024-11-13T10:20:30Z."));
        return;
    }
    V2GetBalancesAggregatedRequest request;
    request.ledger = m_ledger;
    request.pit = pit;
    if (!pattern.trimmed().isEmpty())
        request.body = Json::Any::fromJson(ListSupport::matchQuery("address", pattern.trimmed()));
    call()->start(client()->ledger().v2().getBalancesAggregated(request), [this](const auto &body) {
        for (auto it = body.data.cbegin(); it != body.data.cend(); ++it)
            m_balances.append(QVariantMap{{"asset", it.key()},
                                          {"balance", Money::format(it.value(), it.key())},
                                          {"minorUnits", it.value().toString()},
                                          {"negative", it.value().isNegative()}});
        m_loaded = true;
        emit resultChanged();
    });
}
