// One OAuth client of the stack's auth service: its name, description, scopes and secrets, with
// create (with scopes), edit, delete, and a new secret — whose clear value the stack gives once:
// it is held in memory only until forgotten (the drawer closes, Hide), shown with a copy button,
// never logged or stored. Deleting a client or a secret is destructive: production asks for the
// client's name. Every write is refused on a read-only profile. Also reads one user (UserController).
#pragma once

#include "core/Controller.h"

#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class AuthClientController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString clientId READ clientId WRITE setClientId NOTIFY clientIdChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY stateChanged)
    Q_PROPERTY(QString name READ name NOTIFY stateChanged)
    Q_PROPERTY(QString description READ description NOTIFY stateChanged)
    Q_PROPERTY(QStringList scopes READ scopes NOTIFY stateChanged)
    Q_PROPERTY(bool isPublic READ isPublic NOTIFY stateChanged)
    // {id, name, lastDigits} per secret (never a clear value).
    Q_PROPERTY(QVariantList secrets READ secrets NOTIFY stateChanged)
    // The secret just created, for the operator to copy once; empty otherwise.
    Q_PROPERTY(QString newSecret READ newSecret NOTIFY stateChanged)
    Q_PROPERTY(QString formError READ formError NOTIFY stateChanged)
public:
    explicit AuthClientController(QObject *parent = nullptr);

    QString clientId() const { return m_clientId; }
    void setClientId(const QString &id);
    bool loaded() const { return m_loaded; }
    QString name() const { return m_name; }
    QString description() const { return m_description; }
    QStringList scopes() const { return m_scopes; }
    bool isPublic() const { return m_public; }
    QVariantList secrets() const { return m_secrets; }
    QString newSecret() const { return m_newSecret; }
    QString formError() const { return m_formError; }
    QString confirmationName() const override { return m_name; }

    Q_INVOKABLE void load();
    // Scopes separated by spaces, commas or new lines. On success created(id).
    Q_INVOKABLE void create(const QString &name, const QString &description, const QString &scopes);
    // On success saved().
    Q_INVOKABLE void update(const QString &name, const QString &description, const QString &scopes);
    Q_INVOKABLE void remove();
    // On success secretCreated(id), the clear value in newSecret.
    Q_INVOKABLE void createSecret(const QString &name);
    Q_INVOKABLE void deleteSecret(const QString &secretId);
    Q_INVOKABLE void forgetSecret();
    Q_INVOKABLE QString validateForm(const QString &name) const;

    static QStringList splitScopes(const QString &text);

signals:
    void clientIdChanged();
    void stateChanged();
    void created(const QString &id);
    void saved();
    void removed(const QString &id);
    void secretCreated(const QString &secretId);
    void secretDeleted(const QString &secretId);

protected:
    void sessionChangedEvent() override;

private:
    bool startWrite(bool needsClient);
    template <class C> void show(const C &client);

    QString m_clientId;
    bool m_loaded = false;
    QString m_name, m_description;
    QStringList m_scopes;
    bool m_public = false;
    QVariantList m_secrets;
    QString m_newSecret;
    QString m_formError;
};

class UserController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString userId READ userId WRITE setUserId NOTIFY stateChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY stateChanged)
    Q_PROPERTY(QString subject READ subject NOTIFY stateChanged)
    Q_PROPERTY(QString email READ email NOTIFY stateChanged)
public:
    explicit UserController(QObject *parent = nullptr)
        : Controller(parent) {}
    QString userId() const { return m_userId; }
    void setUserId(const QString &id);
    bool loaded() const { return m_loaded; }
    QString subject() const { return m_subject; }
    QString email() const { return m_email; }
    Q_INVOKABLE void load();

signals:
    void stateChanged();

private:
    QString m_userId, m_subject, m_email;
    bool m_loaded = false;
};
