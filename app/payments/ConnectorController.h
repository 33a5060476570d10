// One payments connector: installing it from the form its config schema gives, reading and
// updating its config (with the diff shown first), reset and uninstall. Secret fields (API keys,
// passwords) are held in memory only, never shown back or logged; on update an empty secret
// keeps the stored one. Every change is refused on a read-only profile; production asks for the
// connector's name before a reset or an uninstall (ConfirmDialog).
#pragma once

#include "core/Controller.h"

#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class ConnectorController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString provider READ provider WRITE setProvider NOTIFY targetChanged)
    Q_PROPERTY(QString connectorId READ connectorId WRITE setConnectorId NOTIFY targetChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY stateChanged)
    Q_PROPERTY(QString name READ name NOTIFY stateChanged)
    // The config as read, secrets masked: [{name, value, secret}].
    Q_PROPERTY(QVariantList configRows READ configRows NOTIFY stateChanged)
    // Non-secret values by field name, for the update form's initial text.
    Q_PROPERTY(QVariantMap config READ config NOTIFY stateChanged)
    // A server refusal of the form, at its field (field name -> message), or for the whole form.
    Q_PROPERTY(QVariantMap fieldErrors READ fieldErrors NOTIFY stateChanged)
    Q_PROPERTY(QString formError READ formError NOTIFY stateChanged)
public:
    explicit ConnectorController(QObject *parent = nullptr);

    QString provider() const { return m_provider; }
    void setProvider(const QString &provider);
    QString connectorId() const { return m_connectorId; }
    void setConnectorId(const QString &id);
    bool loaded() const { return m_loaded; }
    QString name() const { return m_name; }
    QVariantList configRows() const;
    QVariantMap config() const;
    QVariantMap fieldErrors() const { return m_fieldErrors; }
    QString formError() const { return m_formError; }
    QString confirmationName() const override { return m_name; }

    // What is wrong with `text` for a schema field {name, dataType, required}; empty when fine.
    // `keepsStored`: an empty secret on update keeps the stored value.
    Q_INVOKABLE QString fieldProblem(const QVariantMap &field, const QString &text,
                                     bool keepsStored = false) const;
    // The first problem of the whole form (fields: the schema's; values: name -> text).
    Q_INVOKABLE QString formProblem(const QVariantList &fields, const QVariantMap &values,
                                    bool keepsStored = false) const;
    // Rows {key, before, after, change} of an update against the config read (secrets masked).
    Q_INVOKABLE QVariantList configDiff(const QVariantList &fields, const QVariantMap &values) const;

    Q_INVOKABLE void load();
    // Installs `provider` with the form's values; installed(id) when the stack took it.
    Q_INVOKABLE void install(const QVariantList &fields, const QVariantMap &values);
    Q_INVOKABLE void updateConfig(const QVariantList &fields, const QVariantMap &values);
    Q_INVOKABLE void reset();
    Q_INVOKABLE void uninstall();
    // Forgets the form's refusals (a dialog opened afresh).
    Q_INVOKABLE void clearForm();

    // The config JSON for `values` (integers as exact number text, empty optional fields left out,
    // the stored secret where `keepsStored` and the field is empty); public for the tests.
    QByteArray configJson(const QVariantList &fields, const QVariantMap &values, bool keepsStored) const;

signals:
    void targetChanged();
    void stateChanged();
    void installed(const QString &connectorId);
    void configSaved();
    void resetDone();
    void uninstalled();

private:
    bool startWrite();
    void refused(const QString &error, const QVariantList &fields);
    QMap<QString, QString> m_values; // as read, secrets included (memory only)
    QString m_provider;
    QString m_connectorId;
    QString m_name;
    bool m_loaded = false;
    QVariantMap m_fieldErrors;
    QString m_formError;
};
