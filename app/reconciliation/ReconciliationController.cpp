#include "ReconciliationController.h"

#include "core/CallGroup.h"
#include "core/ErrorText.h"
#include "core/ListSupport.h"
#include <Formance/Client.h>
#include <Formance/Money.h>
#include <Formance/json/JsonAny.h>
#include <Formance/ledger/v2/LedgerV2Api.h>
#include <Formance/payments/v1/PaymentsV1Api.h>
#include <Formance/reconciliation/v1/ReconciliationV1Api.h>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Formance;

namespace {
QString balancesText(const QMap<QString, BigInt> &balances) {
    QStringList parts;
    for (auto it = balances.cbegin(); it != balances.cend(); ++it)
        parts.append(QStringLiteral("%1 %2").arg(Money::format(it.value(), it.key()), it.key()));
    return parts.isEmpty() ? QCoreApplication::translate("ReconciliationController", "none")
                           : parts.join(QStringLiteral(" · "));
}
} // namespace

ReconciliationController::ReconciliationController(QObject *parent)
    : Controller(parent)
    , m_reads(new CallGroup(this))
    , m_details(new CallGroup(this)) {
    connect(m_reads, &CallGroup::busyChanged, this, &Controller::busyChanged);
    connect(m_details, &CallGroup::busyChanged, this, &Controller::busyChanged);
}

bool ReconciliationController::busy() const {
    return call()->busy() || m_reads->busy() || m_details->busy();
}

void ReconciliationController::sessionChangedEvent() {
    m_reads->cancel();
    m_details->cancel();
    m_loaded = false;
    m_policies.clear();
    m_runs.clear();
    m_figures.clear();
    m_policyId.clear();
    m_runId.clear();
    emit stateChanged();
    if (client())
        load();
}

QVariantMap ReconciliationController::policy(const QString &id) const {
    for (const QVariant &p : m_policies)
        if (p.toMap().value(QStringLiteral("id")).toString() == id)
            return p.toMap();
    return {};
}

QString ReconciliationController::policyName() const {
    return policy(m_policyId).value(QStringLiteral("name")).toString();
}

QString ReconciliationController::queryProblem(const QString &query) const {
    if (query.trimmed().isEmpty())
        return tr("A ledger query is required, e.g. {\"$match\": {\"address\": \"banks:\"}}.");
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(query.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return tr("The query must be a JSON object: %1")
            .arg(error.error != QJsonParseError::NoError ? error.errorString() : tr("not an object"));
    return {};
}

QString ReconciliationController::dateProblem(const QString &date) const {
    if (date.trimmed().isEmpty() || Timestamp::parse(date.trimmed()))
        return {};
    return tr("A date and time such as 2026-12-01T00:00:00Z, or empty for now.");
}

void ReconciliationController::load() {
    if (!client()) {
        call()->setError(tr("Not connected."));
        return;
    }
    auto nextPolicies = std::make_shared<QList<QVariantMap>>();
    auto nextPools = std::make_shared<QVariantList>();
    auto nextLedgers = std::make_shared<QStringList>();
    auto errors = std::make_shared<QStringList>();
    m_reads->begin([this, nextPolicies, nextPools, nextLedgers, errors] {
        QHash<QString, QString> poolNames;
        for (const QVariant &p : std::as_const(*nextPools))
            poolNames.insert(p.toMap().value(QStringLiteral("id")).toString(),
                             p.toMap().value(QStringLiteral("name")).toString());
        m_policies.clear();
        for (QVariantMap p : std::as_const(*nextPolicies)) {
            p.insert(QStringLiteral("poolName"), poolNames.value(p.value(QStringLiteral("pool")).toString(),
                                                                 p.value(QStringLiteral("pool")).toString()));
            m_policies.append(p);
        }
        m_pools = *nextPools;
        m_ledgers = *nextLedgers;
        m_loaded = true;
        call()->setError(errors->join(QLatin1Char('\n')));
        if (m_policyId.isEmpty() || policy(m_policyId).isEmpty())
            m_policyId = m_policies.isEmpty()
                             ? QString()
                             : m_policies.constFirst().toMap().value(QStringLiteral("id")).toString();
        emit stateChanged();
        loadRuns(m_runId);
    });
    Reconciliation::V1::ListPoliciesRequest request;
    request.pageSize = 100;
    m_reads->add(client()->reconciliation().v1().listPolicies(request),
                 [nextPolicies, errors](const Result<Reconciliation::V1::ListPoliciesResponse> &r) {
                     if (!r) {
                         errors->append(ErrorText::describe(r.error()));
                         return;
                     }
                     for (const auto &p : r->body.cursor.data)
                         nextPolicies->append(
                             {{QStringLiteral("id"), p.id},
                              {QStringLiteral("name"), p.name},
                              {QStringLiteral("ledger"), p.ledgerName},
                              {QStringLiteral("query"), QString::fromUtf8(p.ledgerQuery.json())},
                              {QStringLiteral("pool"), p.paymentsPoolID},
                              {QStringLiteral("createdAt"), ListSupport::localTimeText(p.createdAt)}});
                 });
    if (session()->hasService(QStringLiteral("payments"))) {
        Payments::V1::ListPoolsRequest pools;
        pools.pageSize = 100;
        m_reads->add(client()->payments().v1().listPools(pools),
                     [nextPools](const Result<Payments::V1::ListPoolsResponse> &r) {
                         if (r)
                             for (const auto &p : r->body.cursor.data)
                                 nextPools->append(QVariantMap{{QStringLiteral("id"), p.id},
                                                               {QStringLiteral("name"), p.name}});
                     });
    }
    Ledger::V2::V2ListLedgersRequest ledgers;
    ledgers.pageSize = 100;
    m_reads->add(client()->ledger().v2().listLedgers(ledgers),
                 [nextLedgers](const Result<Ledger::V2::V2ListLedgersResponse> &r) {
                     if (r)
                         for (const auto &l : r->body.cursor.data)
                             nextLedgers->append(l.name);
                 });
    emit stateChanged();
}

void ReconciliationController::selectPolicy(const QString &id) {
    if (id == m_policyId)
        return;
    m_policyId = id;
    m_runId.clear();
    emit stateChanged();
    loadRuns({});
}

// Every run (the API has no filter by policy), the chosen policy's shown newest first.
void ReconciliationController::loadRuns(const QString &chooseRun) {
    m_details->cancel();
    m_runs.clear();
    m_figures.clear();
    m_ledgerAccounts.clear();
    m_poolAccounts.clear();
    m_runError.clear();
    if (m_policyId.isEmpty() || !client()) {
        emit stateChanged();
        return;
    }
    auto runs = std::make_shared<QList<Models::Reconciliation>>();
    m_details->begin([this, runs, chooseRun] {
        std::stable_sort(runs->begin(), runs->end(),
                         [](const Models::Reconciliation &a, const Models::Reconciliation &b) {
                             return a.createdAt > b.createdAt;
                         });
        m_allRuns.clear();
        m_runs.clear();
        for (const auto &r : std::as_const(*runs)) {
            if (r.policyID != m_policyId)
                continue;
            QStringList drift;
            QStringList assets;
            for (auto it = r.paymentsBalances.cbegin(); it != r.paymentsBalances.cend(); ++it)
                assets.append(it.key());
            for (auto it = r.ledgerBalances.cbegin(); it != r.ledgerBalances.cend(); ++it)
                if (!assets.contains(it.key()))
                    assets.append(it.key());
            for (auto it = r.driftBalances.cbegin(); it != r.driftBalances.cend(); ++it)
                if (!assets.contains(it.key()))
                    assets.append(it.key());
            assets.sort();
            QVariantList figures;
            for (const QString &asset : std::as_const(assets)) {
                const BigInt d = r.driftBalances.value(asset, BigInt());
                if (!d.isZero())
                    drift.append(QStringLiteral("%1 %2").arg(Money::format(d, asset), asset));
                figures.append(QVariantMap{
                    {QStringLiteral("asset"), asset},
                    {QStringLiteral("ledger"), Money::format(r.ledgerBalances.value(asset, BigInt()), asset)},
                    {QStringLiteral("payments"),
                     Money::format(r.paymentsBalances.value(asset, BigInt()), asset)},
                    {QStringLiteral("drift"), Money::format(d, asset)},
                    {QStringLiteral("drifted"), !d.isZero()}});
            }
            const bool ok = r.status == QLatin1String("OK");
            QVariantMap row{
                {QStringLiteral("id"), r.id},
                {QStringLiteral("status"), r.status},
                {QStringLiteral("ok"), ok},
                {QStringLiteral("createdAt"), ListSupport::localTimeText(r.createdAt)},
                {QStringLiteral("atLedger"), r.reconciledAtLedger.toString()},
                {QStringLiteral("atPayments"), r.reconciledAtPayments.toString()},
                {QStringLiteral("driftText"),
                 drift.isEmpty() ? tr("no drift") : tr("drift %1").arg(drift.join(QStringLiteral(", ")))},
                {QStringLiteral("error"), r.error.value_or(QString())},
                {QStringLiteral("figures"), figures}};
            m_runs.append(row);
            m_allRuns.append(row);
        }
        emit stateChanged();
        const QString run = !chooseRun.isEmpty() ? chooseRun
                            : m_allRuns.isEmpty()
                                ? QString()
                                : m_allRuns.constFirst().value(QStringLiteral("id")).toString();
        if (!run.isEmpty())
            selectRun(run);
    });
    // Follows the cursor: runs of every policy share one list.
    Reconciliation::V1::ListReconciliationsRequest request;
    request.pageSize = 100;
    auto addPage =
        std::make_shared<std::function<void(const Reconciliation::V1::ListReconciliationsRequest &, int)>>();
    std::weak_ptr<std::function<void(const Reconciliation::V1::ListReconciliationsRequest &, int)>> weak =
        addPage;
    *addPage = [this, runs, weak](const Reconciliation::V1::ListReconciliationsRequest &req, int depth) {
        auto addPage = weak.lock(); // the answer's continuation holds it while a page is in flight
        if (!addPage)
            return;
        m_details->add(
            client()->reconciliation().v1().listReconciliations(req),
            [this, runs, addPage, depth](const Result<Reconciliation::V1::ListReconciliationsResponse> &r) {
                if (!r) {
                    m_runError = ErrorText::describe(r.error());
                    return;
                }
                runs->append(r->body.cursor.data);
                if (r->body.cursor.hasMore && r->body.cursor.next && depth < 20 && client()) {
                    Reconciliation::V1::ListReconciliationsRequest next;
                    next.cursor = *r->body.cursor.next;
                    (*addPage)(next, depth + 1);
                }
            });
    };
    (*addPage)(request, 0);
    emit stateChanged();
}

void ReconciliationController::selectRun(const QString &id) {
    m_runId = id;
    m_figures.clear();
    m_runError.clear();
    for (const auto &row : std::as_const(m_allRuns))
        if (row.value(QStringLiteral("id")).toString() == id) {
            m_figures = row.value(QStringLiteral("figures")).toList();
            m_runError = row.value(QStringLiteral("error")).toString();
        }
    emit stateChanged();
    loadDrillDown();
}

// The ledger accounts the policy's query selects (balances at the run's ledger date) and the
// pool's accounts (balances up to its payments date).
void ReconciliationController::loadDrillDown() {
    m_ledgerAccounts.clear();
    m_poolAccounts.clear();
    const QVariantMap p = policy(m_policyId);
    QVariantMap run;
    for (const auto &row : std::as_const(m_allRuns))
        if (row.value(QStringLiteral("id")).toString() == m_runId)
            run = row;
    if (p.isEmpty() || run.isEmpty() || !client()) {
        emit stateChanged();
        return;
    }
    auto ledgerRows = std::make_shared<QVariantList>();
    auto poolRows = std::make_shared<QList<QVariantMap>>();
    m_details->begin([this, ledgerRows, poolRows] {
        m_ledgerAccounts = *ledgerRows;
        m_poolAccounts.clear();
        for (const auto &r : std::as_const(*poolRows))
            m_poolAccounts.append(r);
        emit stateChanged();
    });
    Ledger::V2::V2ListAccountsRequest accounts;
    accounts.ledger = p.value(QStringLiteral("ledger")).toString();
    accounts.pageSize = 100;
    accounts.expand = QStringLiteral("volumes");
    accounts.pit = Timestamp::parse(run.value(QStringLiteral("atLedger")).toString());
    accounts.body = Json::Any::fromJson(p.value(QStringLiteral("query")).toString().toUtf8());
    m_details->add(
        client()->ledger().v2().listAccounts(accounts),
        [ledgerRows](const Result<Ledger::V2::V2ListAccountsResponse> &r) {
            if (!r)
                return;
            for (const auto &a : r->body.cursor.data) {
                QMap<QString, BigInt> balances;
                if (a.volumes)
                    for (auto it = a.volumes->cbegin(); it != a.volumes->cend(); ++it)
                        balances.insert(it.key(),
                                        it.value().balance.value_or(it.value().input - it.value().output));
                ledgerRows->append(QVariantMap{{QStringLiteral("name"), a.address},
                                               {QStringLiteral("balances"), balancesText(balances)}});
            }
        });
    if (session()->hasService(QStringLiteral("payments"))) {
        const auto to = Timestamp::parse(run.value(QStringLiteral("atPayments")).toString());
        m_details->add(
            client()->payments().v1().getPool({p.value(QStringLiteral("pool")).toString()}),
            [this, poolRows, to](const Result<Payments::V1::GetPoolResponse> &r) {
                if (!r || !client())
                    return;
                for (const QString &account : r->body.data.accounts) {
                    const int index = int(poolRows->size());
                    poolRows->append(
                        {{QStringLiteral("name"), account}, {QStringLiteral("balances"), QString()}});
                    Payments::V1::GetAccountBalancesRequest balances;
                    balances.accountId = account;
                    balances.to = to;
                    balances.pageSize = 100;
                    m_details->add(
                        client()->payments().v1().getAccountBalances(balances),
                        [poolRows, index](const Result<Payments::V1::GetAccountBalancesResponse> &b) {
                            if (!b)
                                return;
                            // The latest balance per asset up to the date.
                            QMap<QString, BigInt> latest;
                            QMap<QString, Timestamp> when;
                            for (const auto &x : b->body.cursor.data)
                                if (!when.contains(x.asset) || when.value(x.asset) < x.lastUpdatedAt) {
                                    when.insert(x.asset, x.lastUpdatedAt);
                                    latest.insert(x.asset, x.balance);
                                }
                            (*poolRows)[index].insert(QStringLiteral("balances"), balancesText(latest));
                        });
                }
            });
    }
    emit stateChanged();
}

void ReconciliationController::createPolicy(const QString &name, const QString &ledger, const QString &query,
                                            const QString &poolId) {
    m_formError.clear();
    if (!checkWritable()) {
        m_formError = error();
        emit stateChanged();
        return;
    }
    if (name.trimmed().isEmpty())
        m_formError = tr("A policy needs a name.");
    else if (ledger.trimmed().isEmpty())
        m_formError = tr("Choose the ledger.");
    else if (poolId.trimmed().isEmpty())
        m_formError = tr("Choose the payments pool.");
    else
        m_formError = queryProblem(query);
    if (!m_formError.isEmpty()) {
        emit stateChanged();
        return;
    }
    Reconciliation::V1::CreatePolicyRequest request;
    request.body.name = name.trimmed();
    request.body.ledgerName = ledger.trimmed();
    request.body.ledgerQuery =
        Json::Any::fromJson(QJsonDocument::fromJson(query.toUtf8()).toJson(QJsonDocument::Compact));
    request.body.paymentsPoolID = poolId.trimmed();
    call()->start(
        client()->reconciliation().v1().createPolicy(request),
        [this](const auto &body) {
            m_policyId = body.data.id;
            m_runId.clear();
            emit policyCreated(body.data.id);
            load();
        },
        [this](const QString &error) {
            m_formError = error;
            call()->clearError();
            emit stateChanged();
        });
    emit stateChanged();
}

void ReconciliationController::deletePolicy() {
    if (!checkWritable() || m_policyId.isEmpty()) {
        if (m_policyId.isEmpty())
            call()->setError(tr("No policy selected."));
        emit stateChanged();
        return;
    }
    const QString id = m_policyId;
    call()->start(
        client()->reconciliation().v1().deletePolicy({id}),
        [this, id](const auto &) {
            m_policyId.clear();
            m_runId.clear();
            emit policyDeleted(id);
            load();
        },
        [this](const QString &) { emit stateChanged(); });
    emit stateChanged();
}

void ReconciliationController::reconcile(const QString &atLedger, const QString &atPayments) {
    m_formError.clear();
    if (!checkWritable() || m_policyId.isEmpty()) {
        if (m_policyId.isEmpty())
            call()->setError(tr("No policy selected."));
        emit stateChanged();
        return;
    }
    const QString problem = dateProblem(atLedger).isEmpty() ? dateProblem(atPayments) : dateProblem(atLedger);
    if (!problem.isEmpty()) {
        m_formError = problem;
        emit stateChanged();
        return;
    }
    const Timestamp now = Timestamp::now();
    Reconciliation::V1::ReconcileRequest request;
    request.policyID = m_policyId;
    request.body.reconciledAtLedger =
        atLedger.trimmed().isEmpty() ? now : *Timestamp::parse(atLedger.trimmed());
    request.body.reconciledAtPayments =
        atPayments.trimmed().isEmpty() ? now : *Timestamp::parse(atPayments.trimmed());
    call()->start(
        client()->reconciliation().v1().reconcile(request),
        [this](const auto &body) {
            emit reconciled(body.data.id, body.data.status == QLatin1String("OK"));
            loadRuns(body.data.id);
        },
        [this](const QString &) { emit stateChanged(); });
    emit stateChanged();
}
