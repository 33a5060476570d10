// The stack's OAuth clients (auth v1: one answer, no cursor), and its users.
#pragma once

#include "core/PagedListModel.h"

#include <QStringList>
#include <QtQml/qqmlregistration.h>

struct AuthClientRow {
    QString id, name, description;
    QStringList scopes;
    int secrets = 0;
    bool isPublic = false;
};

class AuthClientsModel : public PagedListModel {
    Q_OBJECT
    QML_ELEMENT
public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, DescriptionRole, ScopesRole, SecretsRole, PublicRole };
    explicit AuthClientsModel(QObject *parent = nullptr);
    int count() const override { return int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    const AuthClientRow &row(int i) const { return m_rows.at(i); }
    Q_INVOKABLE QString idAt(int row) const { return row >= 0 && row < count() ? m_rows[row].id : QString(); }

protected:
    void requestPage(const std::optional<QString> &cursor) override;
    void clearRows() override { m_rows.clear(); }

private:
    QList<AuthClientRow> m_rows;
};

struct UserRow {
    QString id, subject, email;
};

class UsersModel : public PagedListModel {
    Q_OBJECT
    QML_ELEMENT
public:
    enum Role { IdRole = Qt::UserRole + 1, SubjectRole, EmailRole };
    explicit UsersModel(QObject *parent = nullptr);
    int count() const override { return int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    const UserRow &row(int i) const { return m_rows.at(i); }
    Q_INVOKABLE QString idAt(int row) const { return row >= 0 && row < count() ? m_rows[row].id : QString(); }

protected:
    void requestPage(const std::optional<QString> &cursor) override;
    void clearRows() override { m_rows.clear(); }

private:
    QList<UserRow> m_rows;
};
