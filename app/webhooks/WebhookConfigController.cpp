#include "WebhookConfigController.h"

#include "Client.h"
#include "core/Controller.h"
#include "core/ErrorText.h"
#include "core/ListSupport.h"
#include "formance/webhooks/v1/WebhooksV1Api.h"

#include <QRegularExpression>
#include <QUrl>

using namespace Formance;
using namespace Formance::Webhooks::V1;

namespace {
constexpr int kPayloadExcerpt = 400;
}

WebhookConfigController::WebhookConfigController(QObject *parent)
    : Controller(parent) {
    // busy is its own (several calls at once): one signal for QML, with the rest of the state.
    connect(this, &WebhookConfigController::stateChanged, this, &Controller::busyChanged);
}

void WebhookConfigController::setConfigId(const QString &id) {
    if (id == m_configId)
        return;
    m_configId = id;
    ++m_generation; // answers about the previous config are dropped
    m_loaded = false;
    m_busy = false;
    call()->clearError();
    m_newSecret.clear();
    m_attempt.clear();
    m_endpoint.clear();
    m_eventTypes.clear();
    emit configIdChanged();
    emit stateChanged();
}

void WebhookConfigController::fail(const QString &error) {
    m_busy = false;
    call()->setError(error);
    emit stateChanged();
}

bool WebhookConfigController::writable(QString *why) const {
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

bool WebhookConfigController::start() {
    QString why;
    if (!writable(&why) || m_configId.isEmpty()) {
        fail(why.isEmpty() ? tr("No webhook config selected.") : why);
        return false;
    }
    m_busy = true;
    call()->clearError();
    emit stateChanged();
    return true;
}

bool WebhookConfigController::confirmationMatches(const QString &typed) const {
    return Controller::confirmationMatches(session(), typed, m_endpoint);
}

void WebhookConfigController::forgetSecret() {
    if (m_newSecret.isEmpty())
        return;
    m_newSecret.clear();
    emit stateChanged();
}

template <class Config> void WebhookConfigController::show(const Config &config) {
    m_configId = config.id;
    m_endpoint = config.endpoint;
    m_eventTypes = QStringList(config.eventTypes);
    m_active = config.active;
    m_createdAt = ListSupport::localTimeText(config.createdAt);
    m_updatedAt = ListSupport::localTimeText(config.updatedAt);
    m_loaded = true;
}

void WebhookConfigController::load() {
    if (!session() || !session()->client() || m_configId.isEmpty()) {
        fail(tr("No webhook config selected."));
        return;
    }
    const int generation = ++m_generation;
    m_busy = true;
    call()->clearError();
    emit stateChanged();
    GetManyConfigsRequest request;
    request.id = m_configId;
    session()->client()->webhooks().v1().getManyConfigs(request).then(
        this, [this, generation](const Result<GetManyConfigsResponse> &r) {
            if (generation != m_generation)
                return;
            if (!r) {
                fail(ErrorText::describe(r.error()));
                return;
            }
            for (const auto &config : r->body.cursor.data) {
                if (config.id == m_configId) {
                    show(config);
                    fail({});
                    return;
                }
            }
            m_loaded = false;
            fail(tr("This webhook config no longer exists."));
        });
}

void WebhookConfigController::setActive(bool active) {
    if (!start())
        return;
    const int generation = ++m_generation;
    auto done = [this, generation](const auto &r) {
        if (generation != m_generation)
            return;
        if (!r) {
            fail(ErrorText::describe(r.error()));
            return;
        }
        show(r->body.data);
        fail({});
        emit configChanged(m_configId);
    };
    auto &api = session()->client()->webhooks().v1();
    if (active)
        api.activateConfig({m_configId}).then(this, [done](const Result<ActivateConfigResponse> &r) {
            done(r);
        });
    else
        api.deactivateConfig({m_configId}).then(this, [done](const Result<DeactivateConfigResponse> &r) {
            done(r);
        });
}

QString WebhookConfigController::secretProblem(const QString &secret) const {
    const QString text = secret.trimmed();
    if (text.isEmpty())
        return {};
    const auto decoded =
        QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 24)
        return tr("A signing secret is 24 random bytes in base64 (32 characters, e.g. from "
                  "“openssl rand -base64 24”), or empty to let the stack make one.");
    return {};
}

void WebhookConfigController::changeSecret(const QString &secret) {
    if (const QString problem = secretProblem(secret); !problem.isEmpty()) {
        fail(problem);
        return;
    }
    if (!start())
        return;
    const int generation = ++m_generation;
    m_newSecret.clear();
    ChangeConfigSecretRequest request;
    request.id = m_configId;
    request.body = Models::ConfigChangeSecret{secret.trimmed()};
    session()->client()->webhooks().v1().changeConfigSecret(request).then(
        this, [this, generation](const Result<ChangeConfigSecretResponse> &r) {
            if (generation != m_generation)
                return;
            if (!r) {
                fail(ErrorText::describe(r.error()));
                return;
            }
            show(r->body.data);
            m_newSecret = r->body.data.secret;
            fail({});
            emit configChanged(m_configId);
        });
}

void WebhookConfigController::test() {
    if (!start())
        return;
    const int generation = ++m_generation;
    m_attempt.clear();
    session()
        ->client()
        ->webhooks()
        .v1()
        .testConfig({m_configId})
        .then(this, [this, generation](const Result<TestConfigResponse> &r) {
            if (generation != m_generation)
                return;
            if (!r) {
                fail(ErrorText::describe(r.error()));
                return;
            }
            const auto &a = r->body.data;
            const bool ok =
                a.status == QLatin1String("success") ||
                (a.statusCode >= 200 && a.statusCode < 300 && a.status != QLatin1String("failed"));
            QString summary;
            if (ok)
                summary = tr("The endpoint answered HTTP %1.").arg(a.statusCode);
            else if (a.statusCode == 0)
                summary = tr("The endpoint could not be reached (no HTTP answer): check the URL and that "
                             "the receiving service is up.");
            else
                summary =
                    tr("The endpoint answered HTTP %1: a delivery needs a 2xx answer.").arg(a.statusCode);
            QString payload = a.payload;
            if (payload.size() > kPayloadExcerpt)
                payload = payload.left(kPayloadExcerpt) + QStringLiteral("…");
            m_attempt = QVariantMap{{QStringLiteral("status"), a.status},
                                    {QStringLiteral("statusCode"), a.statusCode},
                                    {QStringLiteral("ok"), ok},
                                    {QStringLiteral("summary"), summary},
                                    {QStringLiteral("payload"), payload},
                                    {QStringLiteral("createdAt"), ListSupport::localTimeText(a.createdAt)}};
            fail({});
        });
}

void WebhookConfigController::remove() {
    if (!start())
        return;
    const int generation = ++m_generation;
    const QString id = m_configId;
    session()->client()->webhooks().v1().deleteConfig({id}).then(
        this, [this, generation, id](const Result<DeleteConfigResponse> &r) {
            if (generation != m_generation)
                return;
            if (!r) {
                fail(ErrorText::describe(r.error()));
                return;
            }
            m_loaded = false;
            m_newSecret.clear();
            m_attempt.clear();
            fail({});
            emit removed(id);
        });
}

QStringList WebhookConfigController::splitEventTypes(const QString &text) {
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    QStringList types;
    for (const QString &t : text.split(separators, Qt::SkipEmptyParts))
        if (!types.contains(t))
            types.append(t);
    return types;
}

QString WebhookConfigController::validateForm(const QString &endpoint, const QString &eventTypes) const {
    const QString trimmed = endpoint.trimmed();
    if (trimmed.isEmpty())
        return tr("The endpoint URL is required.");
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return tr("The endpoint must be an http:// or https:// URL.");
    if (splitEventTypes(eventTypes).isEmpty())
        return tr("At least one event type is required (e.g. ledger.committed_transactions).");
    return {};
}

void WebhookConfigController::create(const QString &name, const QString &endpoint, const QString &eventTypes,
                                     const QString &secret) {
    QString why;
    if (!writable(&why)) {
        m_formError = why;
        fail(why);
        return;
    }
    m_formError = validateForm(endpoint, eventTypes);
    if (m_formError.isEmpty())
        m_formError = secretProblem(secret);
    if (!m_formError.isEmpty()) {
        emit stateChanged();
        return;
    }
    const int generation = ++m_generation;
    InsertConfigRequest request;
    if (!name.trimmed().isEmpty())
        request.body.name = name.trimmed();
    request.body.endpoint = endpoint.trimmed();
    request.body.eventTypes = splitEventTypes(eventTypes);
    if (!secret.trimmed().isEmpty())
        request.body.secret = secret.trimmed();
    m_busy = true;
    call()->clearError();
    emit stateChanged();
    session()->client()->webhooks().v1().insertConfig(request).then(
        this, [this, generation](const Result<InsertConfigResponse> &r) {
            if (generation != m_generation)
                return;
            if (!r) {
                m_formError = ErrorText::describe(r.error());
                fail({});
                return;
            }
            m_attempt.clear();
            show(r->body.data);
            m_newSecret = r->body.data.secret;
            m_formError.clear();
            fail({});
            emit configIdChanged();
            emit created(m_configId);
        });
}
