#include "AuthClientsModel.h"

#include <Formance/Client.h>
#include <Formance/auth/v1/AuthV1Api.h>

using namespace Formance;

AuthClientsModel::AuthClientsModel(QObject *parent)
    : PagedListModel(parent) {}

void AuthClientsModel::requestPage(const std::optional<QString> &) {
    startCall(session()->client()->auth().v1().listClients({}), [this](const auto &body) {
        const auto clients = body.data.value_or(QList<Models::Client>());
        pageLoaded(std::nullopt, false, [&] {
            if (clients.isEmpty())
                return;
            beginInsertRows({}, count(), count() + int(clients.size()) - 1);
            for (const auto &c : clients)
                m_rows.append({c.id, c.name, c.description.value_or(QString()),
                               c.scopes.value_or(QList<QString>()),
                               int(c.secrets.value_or(QList<Models::ClientSecret>()).size()),
                               c.public_.value_or(false)});
            endInsertRows();
        });
    });
}

QVariant AuthClientsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case IdRole:
        return row.id;
    case DescriptionRole:
        return row.description;
    case ScopesRole:
        return row.scopes.join(QLatin1Char(' '));
    case SecretsRole:
        return row.secrets;
    case PublicRole:
        return row.isPublic ? tr("public") : tr("confidential");
    }
    return {};
}

QHash<int, QByteArray> AuthClientsModel::roleNames() const {
    return {{IdRole, "clientId"},   {NameRole, "name"},       {DescriptionRole, "description"},
            {ScopesRole, "scopes"}, {SecretsRole, "secrets"}, {PublicRole, "kindText"}};
}

UsersModel::UsersModel(QObject *parent)
    : PagedListModel(parent) {}

void UsersModel::requestPage(const std::optional<QString> &) {
    startCall(session()->client()->auth().v1().listUsers({}), [this](const auto &body) {
        const auto users = body.data.value_or(QList<Models::User>());
        pageLoaded(std::nullopt, false, [&] {
            if (users.isEmpty())
                return;
            beginInsertRows({}, count(), count() + int(users.size()) - 1);
            for (const auto &u : users)
                m_rows.append(
                    {u.id.value_or(QString()), u.subject.value_or(QString()), u.email.value_or(QString())});
            endInsertRows();
        });
    });
}

QVariant UsersModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case EmailRole:
        return row.email;
    case IdRole:
        return row.id;
    case SubjectRole:
        return row.subject;
    }
    return {};
}

QHash<int, QByteArray> UsersModel::roleNames() const {
    return {{IdRole, "userId"}, {SubjectRole, "subject"}, {EmailRole, "email"}};
}
