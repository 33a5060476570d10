#include "BalancesController.h"

#include "Client.h"
#include "ErrorText.h"
#include "Money.h"
#include "formance/ledger/v2/LedgerV2Api.h"
#include "models/ListSupport.h"
#include "models/TransactionsModel.h"
#include "json/JsonWriter.h"

using namespace Formance;
using namespace Formance::Ledger::V2;

BalancesController::BalancesController(QObject *parent)
    : QObject(parent) {}

void BalancesController::load(const QString &pattern, const QString &pointInTime) {
    if (!m_session || !m_session->client() || m_ledger.isEmpty()) {
        m_error = tr("Choose a ledger first.");
        emit resultChanged();
        return;
    }
    bool ok = true;
    const auto pit = TransactionsModel::parseTimeInput(pointInTime, &ok);
    if (!ok) {
        m_error = tr("Dates look like 2024-11-13, 2024-11-13 10:20 or 2024-11-13T10:20:30Z.");
        emit resultChanged();
        return;
    }
    V2GetBalancesAggregatedRequest request;
    request.ledger = m_ledger;
    request.pit = pit;
    if (!pattern.trimmed().isEmpty()) {
        request.body = Json::Any::fromJson(ListSupport::matchQuery("address", pattern.trimmed()));
    }
    m_loading = true;
    m_error.clear();
    emit resultChanged();
    m_session->client()->ledger().v2().getBalancesAggregated(request).then(
        this, [this](const Result<V2GetBalancesAggregatedResponse> &r) {
            m_loading = false;
            m_balances.clear();
            if (!r) {
                m_error = ErrorText::describe(r.error());
            } else {
                for (auto it = r->body.data.cbegin(); it != r->body.data.cend(); ++it)
                    m_balances.append(QVariantMap{{"asset", it.key()},
                                                  {"balance", Money::format(it.value(), it.key())},
                                                  {"minorUnits", it.value().toString()},
                                                  {"negative", it.value().isNegative()}});
            }
            emit resultChanged();
        });
}
