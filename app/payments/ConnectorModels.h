// The payments connectors: the ones installed on the stack, the catalogue of those it offers
// (each with its config schema), and an installed connector's tasks. All on the payments v1
// operations, which both API generations serve (payments v3 keeps them beside its own).
#pragma once

#include "PaymentsListModel.h"

#include <QVariantList>
#include <QtQml/qqmlregistration.h>

// Installed connectors (listAllConnectors: one page, no cursor).
class ConnectorsModel : public PaymentsListModel {
    Q_OBJECT
    QML_ELEMENT
public:
    explicit ConnectorsModel(QObject *parent = nullptr);

protected:
    void requestPage(const std::optional<QString> &cursor) override;
};

// The connectors the stack offers (listConfigsAvailableConnectors), one row per provider with
// its config fields. The generated response type names the schema's map keys literally (the
// spec's ConnectorsConfigsResponse), so this one answer is read as JSON text: the rows come
// from the providers' own keys.
class ConnectorCatalogueModel : public PaymentsListModel {
    Q_OBJECT
    QML_ELEMENT
public:
    explicit ConnectorCatalogueModel(QObject *parent = nullptr);

    // [{name, dataType, required, defaultValue, secret}] of a provider's config, in the stack's
    // order; empty for a provider not (yet) listed.
    Q_INVOKABLE QVariantList fieldsOf(const QString &provider) const;
    // Parses the configs answer ({"data": {provider: {field: {dataType, required, defaultValue}}}})
    // into rows; public for the tests.
    static QList<QVariantMap> parseCatalogue(const QByteArray &json);
    // Whether a config field holds a secret (an API key, a password …): a password input, never
    // shown back, never logged.
    static bool isSecretField(const QString &name);

protected:
    void requestPage(const std::optional<QString> &cursor) override;

private:
    void followGeneration();
    bool m_readV3 = false; // the catalogue shown is payments v3's (its installs take v3's field names)
};

// One installed connector's tasks (listConnectorTasksV1), newest first as the stack sends them.
class ConnectorTasksModel : public PaymentsListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString provider READ provider WRITE setProvider NOTIFY targetChanged)
    Q_PROPERTY(QString connectorId READ connectorId WRITE setConnectorId NOTIFY targetChanged)
    // How many tasks failed, and the first failure's error (shown at the top of the page).
    Q_PROPERTY(int failedCount READ failedCount NOTIFY countChanged)
    Q_PROPERTY(QString firstError READ firstError NOTIFY countChanged)
public:
    explicit ConnectorTasksModel(QObject *parent = nullptr);

    QString provider() const { return m_provider; }
    void setProvider(const QString &provider);
    QString connectorId() const { return m_connectorId; }
    void setConnectorId(const QString &id);
    int failedCount() const;
    QString firstError() const;

signals:
    void targetChanged();

protected:
    void requestPage(const std::optional<QString> &cursor) override;
    bool ready() const override;

private:
    QString m_provider;
    QString m_connectorId;
};
