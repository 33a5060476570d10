#include "TriggerController.h"

#include "FlowsApi.h"
#include "core/ListSupport.h"
#include <Formance/Client.h>
#include <Formance/json/JsonDocument.h>
#include <Formance/orchestration/v1/OrchestrationV1Api.h>
#include <Formance/orchestration/v2/OrchestrationV2Api.h>

#include <QJsonDocument>
#include <QJsonObject>

using namespace Formance;
namespace V1 = Formance::Orchestration::V1;
namespace V2 = Formance::Orchestration::V2;

TriggerController::TriggerController(QObject *parent)
    : Controller(parent) {}

void TriggerController::setTriggerId(const QString &id) {
    if (id == m_triggerId)
        return;
    m_triggerId = id;
    call()->cancel();
    call()->clearError();
    m_loaded = false;
    m_testResult.clear();
    m_name.clear();
    emit triggerIdChanged();
    emit stateChanged();
}

bool TriggerController::canTest() const {
    return Flows::apiFor(session()) == Flows::Api::V2;
}

QStringList TriggerController::eventTypes() const {
    return {QStringLiteral("ledger.committed_transactions"), QStringLiteral("ledger.saved_metadata"),
            QStringLiteral("ledger.reverted_transaction"),   QStringLiteral("ledger.deleted_metadata"),
            QStringLiteral("payments.saved_payment"),        QStringLiteral("payments.saved_account")};
}

template <class T> void TriggerController::show(const T &trigger) {
    const Flows::TriggerInfo info = Flows::triggerInfo(trigger);
    m_triggerId = info.id;
    m_name = info.name;
    m_event = info.event;
    m_workflowId = info.workflowId;
    m_filter = info.filter;
    m_varsText = QString::fromUtf8(info.vars);
    m_createdAt = ListSupport::localTimeText(info.createdAt);
    m_loaded = true;
}

void TriggerController::load() {
    if (!client() || m_triggerId.isEmpty()) {
        call()->setError(tr("No trigger selected."));
        return;
    }
    auto onBody = [this](const auto &body) {
        show(body.data);
        emit stateChanged();
    };
    auto failed = [this](const QString &) { emit stateChanged(); };
    auto &api = client()->orchestration();
    if (Flows::apiFor(session()) == Flows::Api::V2)
        call()->start(api.v2().readTrigger({.triggerID = m_triggerId}), onBody, failed);
    else
        call()->start(api.v1().readTrigger({.triggerID = m_triggerId}), onBody, failed);
}

void TriggerController::remove() {
    if (!checkWritable() || m_triggerId.isEmpty())
        return;
    const QString id = m_triggerId;
    auto done = [this, id](const auto &) {
        m_loaded = false;
        emit stateChanged();
        emit removed(id);
    };
    auto &api = client()->orchestration();
    if (Flows::apiFor(session()) == Flows::Api::V2)
        call()->start(api.v2().deleteTrigger({.triggerID = id}), done);
    else
        call()->start(api.v1().deleteTrigger({.triggerID = id}), done);
}

QString TriggerController::expressionProblem(const QString &expression) {
    QList<QChar> open;
    QChar quote;
    for (qsizetype i = 0; i < expression.size(); ++i) {
        const QChar c = expression[i];
        if (!quote.isNull()) {
            if (c == u'\\')
                ++i;
            else if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == u'"' || c == u'\'') {
            quote = c;
        } else if (c == u'(' || c == u'[' || c == u'{') {
            open << c;
        } else if (c == u')' || c == u']' || c == u'}') {
            const QChar want = c == u')' ? u'(' : c == u']' ? u'[' : u'{';
            if (open.isEmpty() || open.last() != want)
                return tr("“%1” at character %2 closes nothing.").arg(c).arg(i + 1);
            open.removeLast();
        }
    }
    if (!quote.isNull())
        return tr("A quote is not closed.");
    if (!open.isEmpty())
        return tr("“%1” is not closed.").arg(open.last());
    return {};
}

QVariantMap TriggerController::formProblems(const QString &event, const QString &workflowId,
                                            const QString &filter, const QString &vars) const {
    QVariantMap problems;
    if (event.trimmed().isEmpty())
        problems.insert(QStringLiteral("event"), tr("Choose the event type the trigger listens to."));
    if (workflowId.trimmed().isEmpty())
        problems.insert(QStringLiteral("workflow"), tr("Choose the workflow it starts."));
    if (const QString p = expressionProblem(filter); !p.isEmpty())
        problems.insert(QStringLiteral("filter"), p);
    if (!vars.trimmed().isEmpty()) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(vars.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            problems.insert(QStringLiteral("vars"),
                            tr("Variables are a JSON object: {\"name\": \"expression over event\"}."));
        } else {
            const QJsonObject o = doc.object();
            for (auto it = o.begin(); it != o.end(); ++it)
                if (!it.value().isString()) {
                    problems.insert(QStringLiteral("vars"),
                                    tr("“%1” must be an expression (text).").arg(it.key()));
                    break;
                } else if (const QString p = expressionProblem(it.value().toString()); !p.isEmpty()) {
                    problems.insert(QStringLiteral("vars"), QStringLiteral("%1: %2").arg(it.key(), p));
                    break;
                }
        }
    }
    return problems;
}

void TriggerController::create(const QString &name, const QString &event, const QString &workflowId,
                               const QString &filter, const QString &vars) {
    if (!checkWritable())
        return;
    const QVariantMap problems = formProblems(event, workflowId, filter, vars);
    if (!problems.isEmpty()) {
        call()->setError(problems.first().toString());
        return;
    }
    auto opt = [](const QString &s) {
        return s.trimmed().isEmpty() ? std::nullopt : std::optional<QString>(s.trimmed());
    };
    std::optional<Json::Any> varsJson;
    if (!vars.trimmed().isEmpty())
        if (const auto exact = Json::Document::parse(vars.toUtf8()))
            varsJson = Json::Any::fromJson(exact->root().toJson());
    auto onBody = [this](const auto &body) {
        show(body.data);
        emit stateChanged();
        emit triggerIdChanged();
        emit created(m_triggerId);
    };
    auto failed = [this](const QString &) { emit stateChanged(); };
    auto &api = client()->orchestration();
    if (Flows::apiFor(session()) == Flows::Api::V2) {
        V2::V2CreateTriggerRequest request;
        request.body =
            Models::V2TriggerData{event.trimmed(), workflowId.trimmed(), opt(filter), varsJson, opt(name)};
        call()->start(api.v2().createTrigger(request), onBody, failed);
    } else {
        V1::CreateTriggerRequest request;
        request.body =
            Models::TriggerData{event.trimmed(), workflowId.trimmed(), opt(filter), varsJson, opt(name)};
        call()->start(api.v1().createTrigger(request), onBody, failed);
    }
}

void TriggerController::test(const QString &sampleEvent) {
    if (!client() || m_triggerId.isEmpty()) {
        call()->setError(tr("No trigger selected."));
        return;
    }
    if (!canTest()) {
        call()->setError(tr("Testing a trigger needs orchestration v2; this stack runs v1."));
        return;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(sampleEvent.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        call()->setError(tr("The sample event is not a JSON object: %1.").arg(error.errorString()));
        return;
    }
    m_testResult.clear();
    V2::TestTriggerRequest request;
    request.triggerID = m_triggerId;
    // The sample as typed: its numbers keep their exact text.
    const auto exact = Json::Document::parse(sampleEvent.toUtf8());
    if (!exact) {
        call()->setError(tr("The sample event is not valid JSON."));
        return;
    }
    request.body = Json::Any::fromJson(exact->root().toJson());
    call()->start(
        client()->orchestration().v2().testTrigger(request),
        [this](const auto &body) {
            const auto &t = body.data;
            QVariantList variables;
            if (t.variables)
                for (auto it = t.variables->cbegin(); it != t.variables->cend(); ++it)
                    variables.append(QVariantMap{{QStringLiteral("name"), it.key()},
                                                 {QStringLiteral("value"), it->value.value_or(QString())},
                                                 {QStringLiteral("error"), it->error.value_or(QString())}});
            const bool match = t.filter ? t.filter->match.value_or(false) : true;
            m_testResult = QVariantMap{
                {QStringLiteral("match"), match},
                {QStringLiteral("filterError"), t.filter ? t.filter->error.value_or(QString()) : QString()},
                {QStringLiteral("variables"), variables}};
            emit stateChanged();
        },
        [this](const QString &) { emit stateChanged(); });
    emit stateChanged();
}

QString TriggerController::sampleEvent(const QString &eventType) {
    if (eventType.endsWith(QLatin1String("committed_transactions")))
        return QStringLiteral(R"({
  "ledger": "demo-payouts",
  "transactions": [{
    "id": 1,
    "postings": [{"source": "world", "destination": "deposits:lyon", "asset": "EUR/2", "amount": 50000}],
    "metadata": {"reason": "deposit", "desk": "lyon"}
  }]
})");
    if (eventType.endsWith(QLatin1String("saved_metadata")))
        return QStringLiteral(R"({
  "ledger": "demo-payouts",
  "targetType": "ACCOUNT",
  "targetId": "users:1234",
  "metadata": {"tier": "gold"}
})");
    return QStringLiteral("{\n  \"ledger\": \"demo-payouts\"\n}");
}
