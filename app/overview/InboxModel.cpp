#include "InboxModel.h"

#include "core/CallGroup.h"
#include "core/ErrorText.h"
#include <Formance/Client.h>
#include <Formance/Money.h>
#include <Formance/orchestration/v2/OrchestrationV2Api.h>
#include <Formance/payments/v1/PaymentsV1Api.h>
#include <Formance/reconciliation/v1/ReconciliationV1Api.h>
#include <Formance/webhooks/v1/WebhooksV1Api.h>

#include <QLocale>

#include <algorithm>
#include <variant>

using namespace Formance;

namespace {
QDateTime toDateTime(const Timestamp &t) {
    return t.isNull() ? QDateTime() : t.toDateTime();
}
} // namespace

InboxModel::InboxModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_parts(new CallGroup(this)) {
    m_timer.setInterval(kDefaultInterval);
    connect(&m_timer, &QTimer::timeout, this, &InboxModel::refresh);
    connect(m_parts, &CallGroup::busyChanged, this, &InboxModel::loadingChanged);
}

InboxModel::~InboxModel() = default;

bool InboxModel::loading() const {
    return m_parts->busy();
}

void InboxModel::setSession(Session *session) {
    if (session == m_session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &Session::clientChanged, this, &InboxModel::clientChanged);
    emit sessionChanged();
    clientChanged();
}

// Another stack: what was known of the one before goes, and the new one is read at once.
void InboxModel::clientChanged() {
    m_parts->cancel();
    m_probes.clear();
    beginResetModel();
    m_rows.clear();
    endResetModel();
    m_refreshedAt = {};
    emit countChanged();
    if (!m_error.isEmpty()) {
        m_error.clear();
        emit errorChanged();
    }
    updateTimer();
    if (m_active && m_session && m_session->client())
        refresh();
}

void InboxModel::setActive(bool active) {
    if (active == m_active)
        return;
    m_active = active;
    emit activeChanged();
    updateTimer();
    // Back from hidden: what changed meanwhile shows now, not one interval later.
    if (m_active && m_session && m_session->client() &&
        (!m_refreshedAt.isValid() || m_refreshedAt.msecsTo(QDateTime::currentDateTime()) >= interval()))
        refresh();
}

void InboxModel::setInterval(int ms) {
    const int clamped = std::clamp(ms, kMinInterval, kMaxInterval);
    if (clamped == m_timer.interval())
        return;
    m_timer.setInterval(clamped);
    emit intervalChanged();
}

void InboxModel::updateTimer() {
    const bool run = m_active && m_session && m_session->client();
    if (run == m_timer.isActive())
        return;
    if (run)
        m_timer.start();
    else
        m_timer.stop();
    emit timerRunningChanged();
}

QString InboxModel::refreshedAt() const {
    return m_refreshedAt.isValid() ? QLocale().toString(m_refreshedAt.time(), QLocale::ShortFormat)
                                   : QString();
}

QString InboxModel::kindTitle(const QString &kind) {
    if (kind == QLatin1String("webhook"))
        return tr("Webhook");
    if (kind == QLatin1String("transfer"))
        return tr("Transfer");
    if (kind == QLatin1String("task"))
        return tr("Connector task");
    if (kind == QLatin1String("instance"))
        return tr("Workflow");
    if (kind == QLatin1String("reconciliation"))
        return tr("Reconciliation");
    return kind;
}

QVariantMap InboxModel::get(int row) const {
    if (row < 0 || row >= count())
        return {};
    const InboxItem &item = m_rows.at(row);
    return {{QStringLiteral("kind"), item.kind},
            {QStringLiteral("kindTitle"), kindTitle(item.kind)},
            {QStringLiteral("title"), item.title},
            {QStringLiteral("detail"), item.detail},
            {QStringLiteral("page"), item.page},
            {QStringLiteral("targetId"), item.targetId},
            {QStringLiteral("time"), item.at.isValid()
                                         ? QLocale().toString(item.at.toLocalTime(), QLocale::ShortFormat)
                                         : QString()}};
}

QVariantList InboxModel::items() const {
    QVariantList list;
    for (int i = 0; i < count(); ++i)
        list.append(get(i));
    return list;
}

QVariant InboxModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariantMap item = get(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return item.value(QStringLiteral("title"));
    case KindRole:
        return item.value(QStringLiteral("kind"));
    case KindTitleRole:
        return item.value(QStringLiteral("kindTitle"));
    case DetailRole:
        return item.value(QStringLiteral("detail"));
    case PageRole:
        return item.value(QStringLiteral("page"));
    case TargetIdRole:
        return item.value(QStringLiteral("targetId"));
    case TimeRole:
        return item.value(QStringLiteral("time"));
    }
    return {};
}

QHash<int, QByteArray> InboxModel::roleNames() const {
    return {{KindRole, "kind"}, {KindTitleRole, "kindTitle"}, {TitleRole, "title"}, {DetailRole, "detail"},
            {PageRole, "page"}, {TargetIdRole, "targetId"},   {TimeRole, "time"}};
}

void InboxModel::addPart(const QString &service, const QString &error) {
    m_partErrors.append(tr("%1: %2").arg(service, error));
}

void InboxModel::refresh() {
    if (!m_session || !m_session->client() || m_parts->busy())
        return;
    m_next.clear();
    m_partErrors.clear();
    m_parts->begin([this] { done(); });
    if (m_session->hasService(QStringLiteral("webhooks")))
        loadWebhooks();
    if (m_session->hasService(QStringLiteral("payments"))) {
        loadTransfers();
        loadTasks();
    }
    if (m_session->hasService(QStringLiteral("orchestration")))
        loadInstances();
    if (m_session->hasService(QStringLiteral("reconciliation")))
        loadReconciliations();
}

// Active configs only (a paused one delivers nothing); each probe's answer is kept a while.
void InboxModel::loadWebhooks() {
    m_parts->add(
        m_session->client()->webhooks().v1().getManyConfigs({}),
        [this](const Result<Webhooks::V1::GetManyConfigsResponse> &r) {
            if (!r) {
                addPart(tr("Webhooks"), ErrorText::describe(r.error()));
                return;
            }
            const QDateTime now = QDateTime::currentDateTime();
            QSet<QString> active;
            for (const auto &config : r->body.cursor.data) {
                if (!config.active)
                    continue;
                active.insert(config.id);
                const QString id = config.id;
                const QString endpoint = config.endpoint;
                auto show = [this, id, endpoint](const Probe &p) {
                    if (!p.ok)
                        m_next.append({QStringLiteral("webhook"), endpoint, p.summary,
                                       QStringLiteral("webhook"), id, p.at});
                };
                const auto known = m_probes.constFind(id);
                if (known != m_probes.cend() && known->at.msecsTo(now) < m_probeInterval) {
                    show(*known);
                    continue;
                }
                if (m_session->readOnly())
                    continue; // a test sends an event: not from a read-only profile
                m_parts->add(
                    m_session->client()->webhooks().v1().testConfig({id}),
                    [this, id, show](const Result<Webhooks::V1::TestConfigResponse> &t) {
                        if (!t) {
                            addPart(tr("Webhooks"), ErrorText::describe(t.error()));
                            return;
                        }
                        const auto &a = t->body.data;
                        Probe p;
                        p.at = QDateTime::currentDateTime();
                        p.ok = a.status == QLatin1String("success") ||
                               (a.statusCode >= 200 && a.statusCode < 300 &&
                                a.status != QLatin1String("failed"));
                        p.summary =
                            a.statusCode == 0
                                ? tr("Deliveries fail: the endpoint cannot be reached.")
                                : tr("Deliveries fail: the endpoint answers HTTP %1.").arg(a.statusCode);
                        m_probes.insert(id, p);
                        show(p);
                    });
            }
            // Deleted or paused configs are forgotten, so a reactivated one is tested afresh.
            for (auto it = m_probes.begin(); it != m_probes.end();)
                it = active.contains(it.key()) ? std::next(it) : m_probes.erase(it);
        });
}

// The payments v1 API (served by payments v1 and v3 alike) lists transfer initiations.
void InboxModel::loadTransfers() {
    Payments::V1::ListTransferInitiationsRequest request;
    request.pageSize = 100;
    m_parts->add(
        m_session->client()->payments().v1().listTransferInitiations(request),
        [this](const Result<Payments::V1::ListTransferInitiationsResponse> &r) {
            if (!r) {
                addPart(tr("Payments"), ErrorText::describe(r.error()));
                return;
            }
            using Status = Models::TransferInitiationStatus;
            for (const auto &t : r->body.cursor.data) {
                const auto status = t.status.value();
                QString why;
                if (status == Status::WaitingForValidation)
                    why = tr("Waiting for approval: %1 %2 to %3")
                              .arg(Money::format(t.amount, t.asset), t.asset, t.destinationAccountID);
                else if (status == Status::Failed || status == Status::ReverseFailed)
                    why = t.error.isEmpty() ? tr("Failed.") : tr("Failed: %1").arg(t.error);
                else
                    continue;
                m_next.append({QStringLiteral("transfer"), t.reference.isEmpty() ? t.id : t.reference, why,
                               QStringLiteral("transfers"), t.id, toDateTime(t.createdAt)});
            }
        });
}

void InboxModel::loadTasks() {
    m_parts->add(
        m_session->client()->payments().v1().listAllConnectors({}),
        [this](const Result<Payments::V1::ListAllConnectorsResponse> &r) {
            if (!r) {
                addPart(tr("Payments"), ErrorText::describe(r.error()));
                return;
            }
            for (const auto &c : r->body.data) {
                Payments::V1::ListConnectorTasksV1Request request;
                request.connector = c.provider.toString();
                request.connectorId = c.connectorID;
                request.pageSize = 100;
                const QString name = c.name.isEmpty() ? c.provider.toString() : c.name;
                const QString connectorId = c.connectorID;
                m_parts->add(
                    m_session->client()->payments().v1().listConnectorTasksV1(request),
                    [this, name, connectorId](const Result<Payments::V1::ListConnectorTasksV1Response> &t) {
                        if (!t) {
                            addPart(tr("Payments"), ErrorText::describe(t.error()));
                            return;
                        }
                        for (const auto &item : t->body.cursor.data) {
                            std::visit(
                                [&](const auto &task) {
                                    if constexpr (!std::is_same_v<std::decay_t<decltype(task)>,
                                                                  std::monostate>) {
                                        if (task.status.value() != Models::TaskStatus::Failed)
                                            return;
                                        m_next.append({QStringLiteral("task"), name,
                                                       task.error ? tr("A task failed: %1").arg(*task.error)
                                                                  : tr("A task failed."),
                                                       QStringLiteral("connector"), connectorId,
                                                       toDateTime(task.updatedAt)});
                                    }
                                },
                                item.value());
                        }
                    });
            }
        });
}

// The latest instance of each workflow: a failed run is resolved by a later one that did not fail.
void InboxModel::loadInstances() {
    Orchestration::V2::V2ListInstancesRequest request;
    request.pageSize = 100;
    m_parts->add(
        m_session->client()->orchestration().v2().listInstances(request),
        [this](const Result<Orchestration::V2::V2ListInstancesResponse> &r) {
            if (!r) {
                addPart(tr("Flows"), ErrorText::describe(r.error()));
                return;
            }
            QHash<QString, Models::V2WorkflowInstance> latest;
            for (const auto &i : r->body.cursor.data) {
                auto it = latest.find(i.workflowID);
                if (it == latest.end() || it->createdAt < i.createdAt)
                    latest.insert(i.workflowID, i);
            }
            for (const auto &i : std::as_const(latest)) {
                if (i.terminated && i.error && !i.error->isEmpty())
                    m_next.append({QStringLiteral("instance"), i.id,
                                   tr("Failed (workflow %1): %2").arg(i.workflowID, *i.error),
                                   QStringLiteral("instance"), i.id,
                                   toDateTime(i.terminatedAt.value_or(i.updatedAt))});
                else if (!i.terminated)
                    m_next.append(
                        {QStringLiteral("instance"), i.id,
                         tr("Waiting (workflow %1): running or waiting for an event").arg(i.workflowID),
                         QStringLiteral("instance"), i.id, toDateTime(i.updatedAt)});
            }
        });
}

// The latest run of each policy: a drift is resolved by a later run that is OK.
// The policies first, for their names.
void InboxModel::loadReconciliations() {
    Reconciliation::V1::ListPoliciesRequest policies;
    policies.pageSize = 100;
    m_parts->add(m_session->client()->reconciliation().v1().listPolicies(policies),
                 [this](const Result<Reconciliation::V1::ListPoliciesResponse> &p) {
                     QHash<QString, QString> names;
                     if (p)
                         for (const auto &policy : p->body.cursor.data)
                             names.insert(policy.id, policy.name);
                     loadRuns(names);
                 });
}

void InboxModel::loadRuns(const QHash<QString, QString> &policyNames) {
    if (!m_session || !m_session->client())
        return;
    Reconciliation::V1::ListReconciliationsRequest request;
    request.pageSize = 100;
    m_parts->add(
        m_session->client()->reconciliation().v1().listReconciliations(request),
        [this, policyNames](const Result<Reconciliation::V1::ListReconciliationsResponse> &r) {
            if (!r) {
                addPart(tr("Reconciliation"), ErrorText::describe(r.error()));
                return;
            }
            QHash<QString, Models::Reconciliation> latest;
            for (const auto &rec : r->body.cursor.data) {
                auto it = latest.find(rec.policyID);
                if (it == latest.end() || it->createdAt < rec.createdAt)
                    latest.insert(rec.policyID, rec);
            }
            for (const auto &rec : std::as_const(latest)) {
                if (rec.status == QLatin1String("OK"))
                    continue;
                QStringList drift;
                for (auto it = rec.driftBalances.cbegin(); it != rec.driftBalances.cend(); ++it)
                    if (!it.value().isZero())
                        drift.append(
                            QStringLiteral("%1 %2").arg(Money::format(it.value(), it.key()), it.key()));
                QString why = drift.isEmpty() ? tr("Not OK (%1)").arg(rec.status)
                                              : tr("Drift: %1").arg(drift.join(QStringLiteral(", ")));
                if (rec.error && !rec.error->isEmpty())
                    why += QStringLiteral(" — ") + *rec.error;
                m_next.append({QStringLiteral("reconciliation"),
                               policyNames.value(rec.policyID, tr("Policy %1").arg(rec.policyID)), why,
                               QStringLiteral("reconciliation"), rec.id, toDateTime(rec.createdAt)});
            }
        });
}

void InboxModel::done() {
    std::stable_sort(m_next.begin(), m_next.end(),
                     [](const InboxItem &a, const InboxItem &b) { return a.at > b.at; });
    beginResetModel();
    m_rows = m_next;
    m_next.clear();
    endResetModel();
    m_refreshedAt = QDateTime::currentDateTime();
    const QString error = m_partErrors.join(QLatin1Char('\n'));
    if (error != m_error) {
        m_error = error;
        emit errorChanged();
    }
    emit countChanged();
    emit refreshed();
}
