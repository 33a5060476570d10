#include "OverviewController.h"

#include "core/CallGroup.h"
#include "core/ErrorText.h"
#include "core/ListSupport.h"
#include <Formance/Client.h>
#include <Formance/Money.h>
#include <Formance/ledger/v2/LedgerV2Api.h>
#include <Formance/payments/v1/PaymentsV1Api.h>

#include <QCoreApplication>

#include <algorithm>
#include <variant>

using namespace Formance;

namespace {
// "12.00 USD/2 users:alice → shop" for a transaction's first posting (and how many more).
QString postingsSummary(const QList<Models::V2Posting> &postings) {
    if (postings.isEmpty())
        return {};
    const auto &p = postings.constFirst();
    QString text = QStringLiteral("%1 %2  %3 → %4")
                       .arg(Money::format(p.amount, p.asset), p.asset, p.source, p.destination);
    if (postings.size() > 1)
        text += QCoreApplication::translate("OverviewController", "  (+%1 more)").arg(postings.size() - 1);
    return text;
}
} // namespace

OverviewController::OverviewController(QObject *parent)
    : Controller(parent)
    , m_parts(new CallGroup(this)) {
    connect(m_parts, &CallGroup::busyChanged, this, &Controller::busyChanged);
}

bool OverviewController::busy() const {
    return m_parts->busy();
}

void OverviewController::sessionChangedEvent() {
    m_parts->cancel();
    m_loaded = false;
    m_ledgers.clear();
    m_connectors.clear();
    m_transactions.clear();
    m_logs.clear();
    emit stateChanged();
    if (client())
        load();
}

void OverviewController::load() {
    if (!client()) {
        call()->setError(tr("Not connected."));
        return;
    }
    m_errors.clear();
    m_nextLedgers.clear();
    m_nextConnectors.clear();
    m_nextTransactions.clear();
    m_nextLogs.clear();
    m_parts->begin([this] { done(); });
    if (session()->hasService(QStringLiteral("ledger")))
        loadLedgers();
    if (session()->hasService(QStringLiteral("payments")))
        loadConnectors();
    emit stateChanged();
}

void OverviewController::loadLedgers() {
    Ledger::V2::V2ListLedgersRequest request;
    request.pageSize = 100;
    m_parts->add(
        client()->ledger().v2().listLedgers(request),
        [this](const Result<Ledger::V2::V2ListLedgersResponse> &r) {
            if (!r) {
                m_errors.append(ErrorText::describe(r.error()));
                return;
            }
            auto &api = client()->ledger().v2();
            for (const auto &ledger : r->body.cursor.data) {
                const int index = int(m_nextLedgers.size());
                const QString name = ledger.name;
                m_nextLedgers.append({{QStringLiteral("name"), name},
                                      {QStringLiteral("transactions"), QString()},
                                      {QStringLiteral("accounts"), QString()}});
                m_parts->add(api.readStats({name}), [this, index](
                                                        const Result<Ledger::V2::V2ReadStatsResponse> &s) {
                    if (!s)
                        return; // the row keeps empty counts
                    m_nextLedgers[index].insert(QStringLiteral("transactions"),
                                                s->body.data.transactions.toString());
                    m_nextLedgers[index].insert(QStringLiteral("accounts"), s->body.data.accounts.toString());
                });
                Ledger::V2::V2ListTransactionsRequest transactions;
                transactions.ledger = name;
                transactions.pageSize = kRecent;
                m_parts->add(
                    api.listTransactions(transactions),
                    [this, name](const Result<Ledger::V2::V2ListTransactionsResponse> &t) {
                        if (!t)
                            return;
                        for (const auto &tx : t->body.cursor.data)
                            m_nextTransactions.append(
                                {tx.timestamp.toDateTime().toMSecsSinceEpoch(),
                                 {{QStringLiteral("ledger"), name},
                                  {QStringLiteral("id"), tx.id.toString()},
                                  {QStringLiteral("reference"), tx.reference.value_or(QString())},
                                  {QStringLiteral("summary"), postingsSummary(tx.postings)},
                                  {QStringLiteral("time"), ListSupport::localTimeText(tx.timestamp)}}});
                    });
                Ledger::V2::V2ListLogsRequest logs;
                logs.ledger = name;
                logs.pageSize = kRecent;
                m_parts->add(api.listLogs(logs), [this,
                                                  name](const Result<Ledger::V2::V2ListLogsResponse> &l) {
                    if (!l)
                        return;
                    for (const auto &log : l->body.cursor.data)
                        m_nextLogs.append({log.date.toDateTime().toMSecsSinceEpoch(),
                                           {{QStringLiteral("ledger"), name},
                                            {QStringLiteral("id"), log.id.toString()},
                                            {QStringLiteral("type"), log.type.toString()},
                                            {QStringLiteral("time"), ListSupport::localTimeText(log.date)}}});
                });
            }
        });
}

// A connector is healthy while none of its tasks failed (the payments v1 API, which payments v3
// serves too).
void OverviewController::loadConnectors() {
    m_parts->add(
        client()->payments().v1().listAllConnectors({}),
        [this](const Result<Payments::V1::ListAllConnectorsResponse> &r) {
            if (!r) {
                m_errors.append(ErrorText::describe(r.error()));
                return;
            }
            for (const auto &c : r->body.data) {
                const int index = int(m_nextConnectors.size());
                m_nextConnectors.append({{QStringLiteral("id"), c.connectorID},
                                         {QStringLiteral("name"), c.name},
                                         {QStringLiteral("provider"), c.provider.toString()},
                                         {QStringLiteral("ok"), true},
                                         {QStringLiteral("health"), tr("Healthy")}});
                Payments::V1::ListConnectorTasksV1Request request;
                request.connector = c.provider.toString();
                request.connectorId = c.connectorID;
                request.pageSize = 100;
                m_parts->add(
                    client()->payments().v1().listConnectorTasksV1(request),
                    [this, index](const Result<Payments::V1::ListConnectorTasksV1Response> &t) {
                        if (!t) {
                            m_nextConnectors[index].insert(QStringLiteral("ok"), false);
                            m_nextConnectors[index].insert(QStringLiteral("health"), tr("Tasks unreadable"));
                            return;
                        }
                        int failed = 0;
                        QString firstError;
                        for (const auto &item : t->body.cursor.data)
                            std::visit(
                                [&](const auto &task) {
                                    if constexpr (!std::is_same_v<std::decay_t<decltype(task)>,
                                                                  std::monostate>) {
                                        if (task.status.value() == Models::TaskStatus::Failed) {
                                            ++failed;
                                            if (firstError.isEmpty() && task.error)
                                                firstError = *task.error;
                                        }
                                    }
                                },
                                item.value());
                        if (failed > 0) {
                            m_nextConnectors[index].insert(QStringLiteral("ok"), false);
                            m_nextConnectors[index].insert(
                                QStringLiteral("health"),
                                (failed == 1 ? tr("1 task failed") : tr("%1 tasks failed").arg(failed)) +
                                    (firstError.isEmpty() ? QString() : QStringLiteral(": ") + firstError));
                        }
                    });
            }
        });
}

void OverviewController::done() {
    auto newest = [](QList<Recent> &rows) {
        std::stable_sort(rows.begin(), rows.end(),
                         [](const Recent &a, const Recent &b) { return a.at > b.at; });
        QVariantList list;
        for (int i = 0; i < rows.size() && i < kRecent; ++i)
            list.append(rows.at(i).row);
        return list;
    };
    m_ledgers.clear();
    for (const auto &l : std::as_const(m_nextLedgers))
        m_ledgers.append(l);
    m_connectors.clear();
    for (const auto &c : std::as_const(m_nextConnectors))
        m_connectors.append(c);
    m_transactions = newest(m_nextTransactions);
    m_logs = newest(m_nextLogs);
    m_loaded = true;
    call()->setError(m_errors.join(QLatin1Char('\n')));
    emit stateChanged();
}
