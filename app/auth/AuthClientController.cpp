#include "AuthClientController.h"

#include <Formance/Client.h>
#include <Formance/auth/v1/AuthV1Api.h>

#include <QRegularExpression>

using namespace Formance;
using namespace Formance::Auth::V1;

AuthClientController::AuthClientController(QObject *parent)
    : Controller(parent) {}

void AuthClientController::sessionChangedEvent() {
    m_loaded = false;
    m_newSecret.clear();
    emit stateChanged();
}

void AuthClientController::setClientId(const QString &id) {
    if (id == m_clientId)
        return;
    m_clientId = id;
    call()->cancel();
    call()->clearError();
    m_loaded = false;
    m_newSecret.clear();
    m_formError.clear();
    m_name.clear();
    m_description.clear();
    m_scopes.clear();
    m_secrets.clear();
    emit clientIdChanged();
    emit stateChanged();
}

QStringList AuthClientController::splitScopes(const QString &text) {
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    QStringList scopes;
    for (const QString &s : text.split(separators, Qt::SkipEmptyParts))
        if (!scopes.contains(s))
            scopes.append(s);
    return scopes;
}

QString AuthClientController::validateForm(const QString &name) const {
    if (name.trimmed().isEmpty())
        return tr("A client needs a name.");
    return {};
}

template <class C> void AuthClientController::show(const C &client) {
    m_clientId = client.id;
    m_name = client.name;
    m_description = client.description.value_or(QString());
    m_scopes = client.scopes.value_or(QList<QString>());
    m_public = client.public_.value_or(false);
    m_secrets.clear();
    for (const auto &s : client.secrets.value_or(QList<Models::ClientSecret>()))
        m_secrets.append(QVariantMap{{QStringLiteral("id"), s.id},
                                     {QStringLiteral("name"), s.name},
                                     {QStringLiteral("lastDigits"), s.lastDigits}});
    m_loaded = true;
}

void AuthClientController::load() {
    if (!client() || m_clientId.isEmpty()) {
        call()->setError(tr("No client selected."));
        emit stateChanged();
        return;
    }
    call()->start(
        client()->auth().v1().readClient({m_clientId}),
        [this](const auto &body) {
            if (!body.data) {
                call()->setError(tr("The stack answered without the client."));
                return;
            }
            show(*body.data);
            emit stateChanged();
        },
        [this](const QString &) { emit stateChanged(); });
}

bool AuthClientController::startWrite(bool needsClient) {
    if (!checkWritable()) {
        emit stateChanged();
        return false;
    }
    if (needsClient && m_clientId.isEmpty()) {
        call()->setError(tr("No client selected."));
        emit stateChanged();
        return false;
    }
    return true;
}

void AuthClientController::create(const QString &name, const QString &description, const QString &scopes) {
    m_formError.clear();
    if (!startWrite(false)) {
        m_formError = error();
        emit stateChanged();
        return;
    }
    m_formError = validateForm(name);
    if (!m_formError.isEmpty()) {
        emit stateChanged();
        return;
    }
    Models::ClientOptions options;
    options.name = name.trimmed();
    if (!description.trimmed().isEmpty())
        options.description = description.trimmed();
    options.scopes = splitScopes(scopes);
    call()->start(
        client()->auth().v1().createClient({.body = options}),
        [this](const auto &body) {
            if (body.data)
                show(*body.data);
            emit stateChanged();
            emit clientIdChanged();
            emit created(m_clientId);
        },
        [this](const QString &error) {
            m_formError = error; // shown in the form, with the input kept
            call()->clearError();
            emit stateChanged();
        });
    emit stateChanged();
}

void AuthClientController::update(const QString &name, const QString &description, const QString &scopes) {
    m_formError.clear();
    if (!startWrite(true))
        return;
    m_formError = validateForm(name);
    if (!m_formError.isEmpty()) {
        emit stateChanged();
        return;
    }
    Models::ClientOptions options;
    options.name = name.trimmed();
    options.description = description.trimmed();
    options.scopes = splitScopes(scopes);
    options.public_ = m_public;
    call()->start(
        client()->auth().v1().updateClient({.clientId = m_clientId, .body = options}),
        [this](const auto &body) {
            if (body.data)
                show(*body.data);
            emit stateChanged();
            emit saved();
        },
        [this](const QString &error) {
            m_formError = error;
            call()->clearError();
            emit stateChanged();
        });
    emit stateChanged();
}

void AuthClientController::remove() {
    if (!startWrite(true))
        return;
    const QString id = m_clientId;
    call()->start(
        client()->auth().v1().deleteClient({id}),
        [this, id](const auto &) {
            m_loaded = false;
            m_newSecret.clear();
            emit stateChanged();
            emit removed(id);
        },
        [this](const QString &) { emit stateChanged(); });
    emit stateChanged();
}

void AuthClientController::createSecret(const QString &name) {
    if (!startWrite(true))
        return;
    m_newSecret.clear();
    Models::SecretOptions options;
    options.name = name.trimmed().isEmpty() ? tr("desk") : name.trimmed();
    call()->start(
        client()->auth().v1().createSecret({.clientId = m_clientId, .body = options}),
        [this](const auto &body) {
            if (!body.data) {
                call()->setError(tr("The stack answered without the secret."));
                emit stateChanged();
                return;
            }
            m_newSecret = body.data->clear;
            const QString id = body.data->id;
            m_secrets.append(QVariantMap{{QStringLiteral("id"), id},
                                         {QStringLiteral("name"), body.data->name},
                                         {QStringLiteral("lastDigits"), body.data->lastDigits}});
            emit stateChanged();
            emit secretCreated(id);
        },
        [this](const QString &) { emit stateChanged(); });
    emit stateChanged();
}

void AuthClientController::deleteSecret(const QString &secretId) {
    if (!startWrite(true))
        return;
    call()->start(
        client()->auth().v1().deleteSecret({.clientId = m_clientId, .secretId = secretId}),
        [this, secretId](const auto &) {
            emit secretDeleted(secretId);
            load();
        },
        [this](const QString &) { emit stateChanged(); });
    emit stateChanged();
}

void AuthClientController::forgetSecret() {
    if (m_newSecret.isEmpty())
        return;
    m_newSecret.clear();
    emit stateChanged();
}

void UserController::setUserId(const QString &id) {
    if (id == m_userId)
        return;
    m_userId = id;
    m_loaded = false;
    m_subject.clear();
    m_email.clear();
    call()->cancel();
    emit stateChanged();
}

void UserController::load() {
    if (!client() || m_userId.isEmpty()) {
        call()->setError(tr("No user selected."));
        return;
    }
    call()->start(
        client()->auth().v1().readUser({m_userId}),
        [this](const auto &body) {
            if (body.data) {
                m_subject = body.data->subject.value_or(QString());
                m_email = body.data->email.value_or(QString());
                m_loaded = true;
            }
            emit stateChanged();
        },
        [this](const QString &) { emit stateChanged(); });
}
