#include "ConnectorModels.h"
#include "PaymentsOperations.h"

#include "core/ListSupport.h"
#include <Formance/Client.h>
#include <Formance/json/JsonDocument.h>
#include <Formance/payments/v1/PaymentsV1Api.h>

#include <type_traits>
#include <variant>

using namespace Formance;

namespace {
QString text(const QString &s) {
    return s;
}
QString text(const std::optional<QString> &s) {
    return s.value_or(QString());
}
} // namespace

ConnectorsModel::ConnectorsModel(QObject *parent)
    : PaymentsListModel({"connectorId", "name", "provider", "enabled", "stateText"}, parent) {}

void ConnectorsModel::requestPage(const std::optional<QString> &) {
    startCall(session()->client()->payments().v1().listAllConnectors(), [this](const auto &body) {
        pageLoaded(std::nullopt, false, [&] {
            QList<QVariantMap> rows;
            for (const auto &c : body.data) {
                const bool enabled = c.enabled.value_or(true);
                rows.append({{QStringLiteral("connectorId"), c.connectorID},
                             {QStringLiteral("name"), c.name},
                             {QStringLiteral("provider"), c.provider.toString()},
                             {QStringLiteral("enabled"), enabled},
                             {QStringLiteral("stateText"), enabled ? tr("Enabled") : tr("Disabled")}});
            }
            appendRows(rows);
        });
    });
}

ConnectorCatalogueModel::ConnectorCatalogueModel(QObject *parent)
    : PaymentsListModel({"provider", "fieldsText", "requiredCount", "fields"}, parent) {
    // The form installs through the generation the stack speaks, whose configs name some fields
    // differently (v3: Atlar's baseURL, Adyen's companyID): the catalogue comes from the same
    // generation, read again once the stack said which it is.
    connect(this, &PagedListModel::sessionChanged, this, [this] {
        if (session())
            connect(session(), &Session::servicesChanged, this, &ConnectorCatalogueModel::followGeneration,
                    Qt::UniqueConnection);
    });
}

void ConnectorCatalogueModel::followGeneration() {
    if (PaymentsOperations::viaV3(session(), PaymentsOperations::Write::ConnectorInstall) != m_readV3)
        scheduleReload();
}

bool ConnectorCatalogueModel::isSecretField(const QString &name) {
    const QString n = name.toLower();
    for (const char *word : {"key", "secret", "password", "token", "certificate"})
        if (n.contains(QLatin1String(word)))
            return true;
    return false;
}

QList<QVariantMap> ConnectorCatalogueModel::parseCatalogue(const QByteArray &json) {
    QList<QVariantMap> rows;
    const auto doc = Json::Document::parse(json);
    if (!doc)
        return rows;
    for (const auto &[provider, schema] : doc->root()["data"].members()) {
        // The spec's literal "connector" entry describes the shape, not a provider.
        if (provider == "connector" || !schema.isObject())
            continue;
        QVariantList fields;
        QStringList names;
        int required = 0;
        for (const auto &[field, spec] : schema.members()) {
            const QString name = QString::fromUtf8(field.data(), qsizetype(field.size()));
            const bool isRequired = spec["required"].toBool();
            required += isRequired ? 1 : 0;
            const Json::Value def = spec["defaultValue"];
            const QString defaultText =
                def.isString() ? def.toString()
                : def.isNumber()
                    ? QString::fromUtf8(def.numberText().data(), qsizetype(def.numberText().size()))
                : def.isBool() ? (def.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                               : QString();
            fields.append(QVariantMap{{QStringLiteral("name"), name},
                                      {QStringLiteral("dataType"), spec["dataType"].toString()},
                                      {QStringLiteral("required"), isRequired},
                                      {QStringLiteral("defaultValue"), defaultText},
                                      {QStringLiteral("secret"), isSecretField(name)}});
            names << (isRequired ? name + QLatin1Char('*') : name);
        }
        rows.append(
            {{QStringLiteral("provider"), QString::fromUtf8(provider.data(), qsizetype(provider.size()))},
             {QStringLiteral("fieldsText"), names.join(QStringLiteral(", "))},
             {QStringLiteral("requiredCount"), required},
             {QStringLiteral("fields"), fields}});
    }
    return rows;
}

QVariantList ConnectorCatalogueModel::fieldsOf(const QString &provider) const {
    const int row = find(QStringLiteral("provider"), provider);
    return row < 0 ? QVariantList() : rowAt(row).value(QStringLiteral("fields")).toList();
}

void ConnectorCatalogueModel::requestPage(const std::optional<QString> &) {
    m_readV3 = PaymentsOperations::viaV3(session(), PaymentsOperations::Write::ConnectorInstall);
    HttpRequest request; // both answer {"data": {provider: {field: {dataType, required, ...}}}}
    request.path = m_readV3 ? QStringLiteral("/api/payments/v3/connectors/configs")
                            : QStringLiteral("/api/payments/connectors/configs");
    request.operationId = m_readV3 ? QStringLiteral("v3ListConnectorConfigs")
                                   : QStringLiteral("listConfigsAvailableConnectors");
    startCall(session()->client()->send(request), [this](const QByteArray &body) {
        const QList<QVariantMap> rows = parseCatalogue(body);
        pageLoaded(std::nullopt, false, [&] { appendRows(rows); });
    });
}

ConnectorTasksModel::ConnectorTasksModel(QObject *parent)
    : PaymentsListModel({"taskId", "name", "status", "error", "createdAt", "updatedAt", "ran", "stateText"},
                        parent) {}

void ConnectorTasksModel::setProvider(const QString &provider) {
    if (provider == m_provider)
        return;
    m_provider = provider;
    emit targetChanged();
    scheduleReload();
}

void ConnectorTasksModel::setConnectorId(const QString &id) {
    if (id == m_connectorId)
        return;
    m_connectorId = id;
    emit targetChanged();
    scheduleReload();
}

bool ConnectorTasksModel::ready() const {
    return PagedListModel::ready() && !m_provider.isEmpty() && !m_connectorId.isEmpty();
}

int ConnectorTasksModel::failedCount() const {
    int n = 0;
    for (int i = 0; i < count(); ++i)
        n += rowAt(i).value(QStringLiteral("status")).toString() == QLatin1String("FAILED") ? 1 : 0;
    return n;
}

QString ConnectorTasksModel::firstError() const {
    for (int i = 0; i < count(); ++i)
        if (rowAt(i).value(QStringLiteral("status")).toString() == QLatin1String("FAILED"))
            return rowAt(i).value(QStringLiteral("error")).toString();
    return {};
}

void ConnectorTasksModel::requestPage(const std::optional<QString> &cursor) {
    Payments::V1::ListConnectorTasksV1Request request{
        .connector = m_provider, .connectorId = m_connectorId, .pageSize = pageSize(), .cursor = cursor};
    startCursorPage(session()->client()->payments().v1().listConnectorTasksV1(request), [](const auto &item) {
        QVariantMap row;
        std::visit(
            [&row](const auto &task) {
                if constexpr (std::is_same_v<std::decay_t<decltype(task)>, std::monostate>) {
                    row.insert(QStringLiteral("status"), QStringLiteral("UNKNOWN"));
                } else {
                    const QString status = task.status.toString();
                    // A task's updatedAt moves each round it runs; createdAt is when it was set up.
                    const bool ran = task.updatedAt.toString() != task.createdAt.toString();
                    row = {{QStringLiteral("taskId"), task.id},
                           {QStringLiteral("name"), text(task.descriptor.name)},
                           {QStringLiteral("status"), status},
                           {QStringLiteral("error"), text(task.error)},
                           {QStringLiteral("createdAt"), ListSupport::localTimeText(task.createdAt)},
                           {QStringLiteral("updatedAt"), ListSupport::localTimeText(task.updatedAt)},
                           {QStringLiteral("ran"), ran},
                           {QStringLiteral("stateText"),
                            task.state ? QString::fromUtf8(task.state->json()) : QString()}};
                }
            },
            item.value());
        return row;
    });
}
