// One webhook config: its endpoint, event types and state, with activate / deactivate, change
// secret, test (the attempt's outcome shown), delete, and the creation of a config with its
// form checked inline. Every change is refused on a read-only profile; production asks for the
// endpoint before a delete. A secret is held only in memory, shown once after it is set, never
// logged or stored.
#pragma once

#include "core/Controller.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class WebhookConfigController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString configId READ configId WRITE setConfigId NOTIFY configIdChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY stateChanged)
    Q_PROPERTY(QString endpoint READ endpoint NOTIFY stateChanged)
    Q_PROPERTY(QStringList eventTypes READ eventTypes NOTIFY stateChanged)
    Q_PROPERTY(bool active READ active NOTIFY stateChanged)
    Q_PROPERTY(QString createdAt READ createdAt NOTIFY stateChanged)
    Q_PROPERTY(QString updatedAt READ updatedAt NOTIFY stateChanged)
    // The secret just set (created or changed), for the operator to copy once; empty otherwise.
    Q_PROPERTY(QString newSecret READ newSecret NOTIFY stateChanged)
    // The last test: {status, statusCode, ok, summary, payload, createdAt}; empty before a test.
    Q_PROPERTY(QVariantMap attempt READ attempt NOTIFY stateChanged)
    // Why the create form was refused (inline, under the form); empty when it went through.
    Q_PROPERTY(QString formError READ formError NOTIFY stateChanged)
public:
    explicit WebhookConfigController(QObject *parent = nullptr);

    QString configId() const { return m_configId; }
    void setConfigId(const QString &id);
    bool loaded() const { return m_loaded; }
    QString endpoint() const { return m_endpoint; }
    QStringList eventTypes() const { return m_eventTypes; }
    bool active() const { return m_active; }
    QString createdAt() const { return m_createdAt; }
    QString updatedAt() const { return m_updatedAt; }
    QString newSecret() const { return m_newSecret; }
    QVariantMap attempt() const { return m_attempt; }
    QString formError() const { return m_formError; }

    Q_INVOKABLE void load();
    Q_INVOKABLE void activate() { setActive(true); }
    Q_INVOKABLE void deactivate() { setActive(false); }
    // An empty secret lets the stack generate one.
    Q_INVOKABLE void changeSecret(const QString &secret);
    // Why a typed secret would be refused (Formance wants base64 of 24 bytes), in words; empty
    // when it is fine or empty (the stack then generates one).
    Q_INVOKABLE QString secretProblem(const QString &secret) const;
    Q_INVOKABLE void test();
    Q_INVOKABLE void remove();
    // Event types separated by commas, spaces or new lines. On success the new config becomes this
    // controller's (created() then), its secret in newSecret.
    Q_INVOKABLE void create(const QString &name, const QString &endpoint, const QString &eventTypes,
                            const QString &secret);
    // What is wrong with the form, or empty (shown as the operator types).
    Q_INVOKABLE QString validateForm(const QString &endpoint, const QString &eventTypes) const;
    // Whether `typed` confirms a delete on this profile (production asks for the endpoint).
    Q_INVOKABLE bool confirmationMatches(const QString &typed) const;
    Q_INVOKABLE void forgetSecret();

    static QStringList splitEventTypes(const QString &text);

signals:
    void configIdChanged();
    void stateChanged();
    void configChanged(const QString &id); // activated, deactivated, secret changed
    void created(const QString &id);
    void removed(const QString &id);

private:
    void fail(const QString &error);
    bool writable(QString *why) const;
    bool start(); // writable, a config chosen; busy from here
    void setActive(bool active);
    template <class Config> void show(const Config &config);

    QString m_configId;
    bool m_loaded = false;
    QString m_endpoint;
    QStringList m_eventTypes;
    bool m_active = false;
    QString m_createdAt;
    QString m_updatedAt;
    QString m_newSecret;
    QVariantMap m_attempt;
    QString m_formError;
};
