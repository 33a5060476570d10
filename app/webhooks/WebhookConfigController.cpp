#include "WebhookConfigController.h"

#include "core/Controller.h"
#include "core/ErrorText.h"
#include "core/ListSupport.h"
#include <Formance/Client.h>
#include <Formance/webhooks/v1/WebhooksV1Api.h>

#include <QRegularExpression>
#include <QUrl>

using namespace Formance;
using namespace Formance::Webhooks::V1;

namespace {
constexpr int kPayloadExcerpt = 400;
}

WebhookConfigController::WebhookConfigController(QObject *parent)
    : Controller(parent) {}

void WebhookConfigController::setConfigId(const QString &id) {
    if (id == m_configId)
        return;
    m_configId = id;
    call()->cancel(); // answers about the previous config are dropped
    m_loaded = false;
    call()->clearError();
    m_newSecret.clear();
    m_attempt.clear();
    m_endpoint.clear();
    m_eventTypes.clear();
    emit configIdChanged();
    emit stateChanged();
}

void WebhookConfigController::fail(const QString &error) {
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
    GetManyConfigsRequest request;
    request.id = m_configId;
    call()->start(
        session()->client()->webhooks().v1().getManyConfigs(request),
        [this](const auto &body) {
            for (const auto &config : body.cursor.data) {
                if (config.id == m_configId) {
                    show(config);
                    emit stateChanged();
                    return;
                }
            }
            m_loaded = false;
            fail(tr("This webhook config no longer exists."));
        },
        [this](const QString &) { emit stateChanged(); });
}

void WebhookConfigController::setActive(bool active) {
    if (!start())
        return;
    auto done = [this](const auto &body) {
        show(body.data);
        emit stateChanged();
        emit configChanged(m_configId);
    };
    auto failed = [this](const QString &) { emit stateChanged(); };
    auto &api = session()->client()->webhooks().v1();
    if (active)
        call()->start(api.activateConfig({m_configId}), done, failed);
    else
        call()->start(api.deactivateConfig({m_configId}), done, failed);
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
    m_newSecret.clear();
    ChangeConfigSecretRequest request;
    request.id = m_configId;
    request.body = Models::ConfigChangeSecret{secret.trimmed()};
    call()->start(
        session()->client()->webhooks().v1().changeConfigSecret(request),
        [this](const auto &body) {
            show(body.data);
            m_newSecret = body.data.secret;
            emit stateChanged();
            emit configChanged(m_configId);
        },
        [this](const QString &) { emit stateChanged(); });
    emit stateChanged();
}

void WebhookConfigController::test() {
    if (!start())
        return;
    m_attempt.clear();
    call()->start(
        session()->client()->webhooks().v1().testConfig({m_configId}),
        [this](const auto &body) {
            const auto &a = body.data;
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
            emit stateChanged();
        },
        [this](const QString &) { emit stateChanged(); });
    emit stateChanged();
}

void WebhookConfigController::remove() {
    if (!start())
        return;
    const QString id = m_configId;
    call()->start(
        session()->client()->webhooks().v1().deleteConfig({id}),
        [this, id](const auto &) {
            m_loaded = false;
            m_newSecret.clear();
            m_attempt.clear();
            emit stateChanged();
            emit removed(id);
        },
        [this](const QString &) { emit stateChanged(); });
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
    InsertConfigRequest request;
    if (!name.trimmed().isEmpty())
        request.body.name = name.trimmed();
    request.body.endpoint = endpoint.trimmed();
    request.body.eventTypes = splitEventTypes(eventTypes);
    if (!secret.trimmed().isEmpty())
        request.body.secret = secret.trimmed();
    emit stateChanged(); // the form error cleared
    call()->start(
        session()->client()->webhooks().v1().insertConfig(request),
        [this](const auto &body) {
            m_attempt.clear();
            show(body.data);
            m_newSecret = body.data.secret;
            m_formError.clear();
            emit stateChanged();
            emit configIdChanged();
            emit created(m_configId);
        },
        [this](const QString &error) {
            // A create's error is the form's, shown in its dialog.
            m_formError = error;
            call()->clearError();
            emit stateChanged();
        });
}
