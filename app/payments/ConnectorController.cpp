#include "ConnectorController.h"

#include "ConnectorModels.h"
#include "PaymentsOperations.h"
#include "core/MetadataChanges.h"
#include <Formance/Client.h>
#include <Formance/json/JsonCodec.h>
#include <Formance/json/JsonDocument.h>
#include <Formance/json/JsonWriter.h>
#include <Formance/payments/v1/PaymentsV1Api.h>
#include <Formance/payments/v3/PaymentsV3Api.h>

#include <QRegularExpression>

using namespace Formance;
using namespace Formance::Payments::V1;
using PaymentsOperations::viaV3;
using PaymentsOperations::Write;

namespace {
const QString kMasked = QStringLiteral("••••••••");

bool isInteger(const QString &text) {
    static const QRegularExpression re(QStringLiteral("^[0-9]+$"));
    return re.match(text).hasMatch();
}
bool isDuration(const QString &text) {
    // Go durations as the connectors take them: "10s", "500ms", "1m30s", "2h".
    static const QRegularExpression re(QStringLiteral("^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$"));
    return re.match(text).hasMatch();
}

// The SDK's typed config from JSON text; the text is what it sends (ConnectorConfig keeps it).
Models::ConnectorConfig configFrom(const QByteArray &json) {
    Models::ConnectorConfig config;
    if (const auto doc = Json::Document::parse(json)) {
        Json::DecodeContext ctx;
        Models::ConnectorConfig::fromJson(doc->root(), config, ctx);
    }
    return config;
}
// payments v3 names its providers in lower case without separators ("DUMMY-PAY" is "dummypay").
QString v3Provider(QString provider) {
    return provider.remove(QLatin1Char('-')).remove(QLatin1Char('_')).toLower();
}
Models::V3ConnectorConfig v3ConfigFrom(const QByteArray &json) {
    Models::V3ConnectorConfig config;
    if (const auto doc = Json::Document::parse(json)) {
        Json::DecodeContext ctx;
        Models::V3ConnectorConfig::fromJson(doc->root(), config, ctx);
    }
    return config;
}
} // namespace

ConnectorController::ConnectorController(QObject *parent)
    : Controller(parent) {}

void ConnectorController::setProvider(const QString &provider) {
    if (provider == m_provider)
        return;
    m_provider = provider;
    emit targetChanged();
}

void ConnectorController::setConnectorId(const QString &id) {
    if (id == m_connectorId)
        return;
    m_connectorId = id;
    call()->cancel();
    call()->clearError();
    m_loaded = false;
    m_values.clear();
    m_name.clear();
    emit targetChanged();
    emit stateChanged();
}

QVariantList ConnectorController::configRows() const {
    QVariantList rows;
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it) {
        const bool secret = ConnectorCatalogueModel::isSecretField(it.key());
        rows.append(QVariantMap{{QStringLiteral("name"), it.key()},
                                {QStringLiteral("value"), secret ? kMasked : it.value()},
                                {QStringLiteral("secret"), secret}});
    }
    return rows;
}

QVariantMap ConnectorController::config() const {
    QVariantMap out;
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
        if (!ConnectorCatalogueModel::isSecretField(it.key()))
            out.insert(it.key(), it.value());
    return out;
}

QString ConnectorController::fieldProblem(const QVariantMap &field, const QString &text,
                                          bool keepsStored) const {
    const QString value = text.trimmed();
    const QString name = field.value(QStringLiteral("name")).toString();
    const QString type = field.value(QStringLiteral("dataType")).toString();
    const bool secret = field.value(QStringLiteral("secret")).toBool();
    if (value.isEmpty()) {
        if (field.value(QStringLiteral("required")).toBool() && !(secret && keepsStored) &&
            field.value(QStringLiteral("defaultValue")).toString().isEmpty())
            return tr("%1 is required.").arg(name);
        return {};
    }
    if (type == QLatin1String("integer") && !isInteger(value))
        return tr("A whole number, such as 10.");
    if (type == QLatin1String("duration") && !isDuration(value))
        return tr("A duration, such as 10s, 500ms or 2m.");
    return {};
}

QString ConnectorController::formProblem(const QVariantList &fields, const QVariantMap &values,
                                         bool keepsStored) const {
    for (const QVariant &f : fields) {
        const QVariantMap field = f.toMap();
        const QString problem = fieldProblem(
            field, values.value(field.value(QStringLiteral("name")).toString()).toString(), keepsStored);
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

QByteArray ConnectorController::configJson(const QVariantList &fields, const QVariantMap &values,
                                           bool keepsStored) const {
    Json::Writer w;
    w.beginObject();
    for (const QVariant &f : fields) {
        const QVariantMap field = f.toMap();
        const QString name = field.value(QStringLiteral("name")).toString();
        QString value = values.value(name).toString().trimmed();
        if (value.isEmpty() && keepsStored && field.value(QStringLiteral("secret")).toBool())
            value = m_values.value(name);
        if (value.isEmpty())
            value = field.value(QStringLiteral("defaultValue")).toString();
        if (value.isEmpty())
            continue; // optional and left empty: the connector's default applies
        w.key(name);
        if (field.value(QStringLiteral("dataType")).toString() == QLatin1String("integer") &&
            isInteger(value))
            w.rawNumber(value.toStdString());
        else
            w.value(value);
    }
    w.endObject();
    return w.take();
}

QVariantList ConnectorController::configDiff(const QVariantList &fields, const QVariantMap &values) const {
    QVariantMap before;
    QVariantMap after;
    const auto doc = Json::Document::parse(configJson(fields, values, true));
    if (doc)
        for (const auto &[key, value] : doc->root().members()) {
            const QString name = QString::fromUtf8(key.data(), qsizetype(key.size()));
            const QString text = value.isString() ? value.toString() : QString::fromUtf8(value.toJson());
            after.insert(name, text);
        }
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
        before.insert(it.key(), it.value());
    QVariantList rows = MetadataChanges::diffRows(before, after);
    // A secret's value is never shown, in the diff neither.
    for (QVariant &r : rows) {
        QVariantMap row = r.toMap();
        if (ConnectorCatalogueModel::isSecretField(row.value(QStringLiteral("key")).toString())) {
            if (!row.value(QStringLiteral("before")).toString().isEmpty())
                row.insert(QStringLiteral("before"), kMasked);
            if (!row.value(QStringLiteral("after")).toString().isEmpty())
                row.insert(QStringLiteral("after"), kMasked);
            r = row;
        }
    }
    return rows;
}

void ConnectorController::load() {
    if (!client() || m_provider.isEmpty() || m_connectorId.isEmpty()) {
        call()->setError(tr("No connector selected."));
        emit stateChanged();
        return;
    }
    auto loaded = [this](const QByteArray &json) {
        m_values.clear();
        if (const auto doc = Json::Document::parse(json))
            for (const auto &[key, value] : doc->root().members())
                m_values.insert(QString::fromUtf8(key.data(), qsizetype(key.size())),
                                value.isString() ? value.toString() : QString::fromUtf8(value.toJson()));
        m_name = m_values.value(QStringLiteral("name"));
        m_loaded = true;
        emit stateChanged();
    };
    auto failed = [this](const QString &) { emit stateChanged(); };
    if (viaV3(session(), Write::ConnectorConfigRead)) {
        call()->start(
            client()->payments().v3().getConnectorConfig({m_connectorId}),
            [loaded](const auto &body) { loaded(body.data.json().json()); }, failed);
        return;
    }
    const ReadConnectorConfigV1Request request{.connector = m_provider, .connectorId = m_connectorId};
    call()->start(
        client()->payments().v1().readConnectorConfigV1(request),
        [loaded](const auto &body) { loaded(body.data.json().json()); }, failed);
}

void ConnectorController::clearForm() {
    m_fieldErrors.clear();
    m_formError.clear();
    call()->clearError();
    emit stateChanged();
}

bool ConnectorController::startWrite() {
    if (!checkWritable()) {
        emit stateChanged();
        return false;
    }
    if (m_provider.isEmpty()) {
        call()->setError(tr("No connector chosen."));
        emit stateChanged();
        return false;
    }
    m_fieldErrors.clear();
    m_formError.clear();
    return true;
}

void ConnectorController::refused(const QString &error, const QVariantList &fields) {
    // The stack names the field it refuses ("DUMMY-PAY config: 'directory' is required"): the
    // message goes under that field; otherwise (or a name that is no field) under the form.
    static const QRegularExpression quoted(QStringLiteral("'([A-Za-z0-9_]+)'"));
    auto matches = quoted.globalMatch(error);
    while (matches.hasNext()) {
        const QString name = matches.next().captured(1);
        for (const QVariant &f : fields)
            if (f.toMap().value(QStringLiteral("name")).toString() == name) {
                m_fieldErrors.insert(name, error);
                emit stateChanged();
                return;
            }
    }
    m_formError = error;
    emit stateChanged();
}

void ConnectorController::install(const QVariantList &fields, const QVariantMap &values) {
    if (!startWrite())
        return;
    const QString problem = formProblem(fields, values);
    if (!problem.isEmpty()) {
        m_formError = problem;
        emit stateChanged();
        return;
    }
    auto done = [this](const QString &id) {
        m_connectorId = id;
        emit targetChanged();
        emit stateChanged();
        emit installed(m_connectorId);
    };
    auto refusal = [this, fields](const QString &error) { refused(error, fields); };
    const QByteArray json = configJson(fields, values, false);
    if (viaV3(session(), Write::ConnectorInstall)) {
        const Payments::V3::V3InstallConnectorRequest request{.connector = v3Provider(m_provider),
                                                              .body = v3ConfigFrom(json)};
        call()->start(
            client()->payments().v3().installConnector(request),
            [done](const auto &body) { done(body.data); }, refusal);
        return;
    }
    const InstallConnectorRequest request{.connector = m_provider, .body = configFrom(json)};
    call()->start(
        client()->payments().v1().installConnector(request),
        [done](const auto &body) { done(body.data.connectorID); }, refusal);
}

void ConnectorController::updateConfig(const QVariantList &fields, const QVariantMap &values) {
    if (!startWrite())
        return;
    const QString problem = formProblem(fields, values, true);
    if (!problem.isEmpty()) {
        m_formError = problem;
        emit stateChanged();
        return;
    }
    const UpdateConnectorConfigV1Request request{.connector = m_provider,
                                                 .connectorId = m_connectorId,
                                                 .body = configFrom(configJson(fields, values, true))};
    call()->start(
        client()->payments().v1().updateConnectorConfigV1(request),
        [this](const auto &) {
            emit configSaved();
            load();
        },
        [this, fields](const QString &error) { refused(error, fields); });
}

void ConnectorController::reset() {
    if (!startWrite())
        return;
    auto failed = [this] { emit stateChanged(); };
    if (viaV3(session(), Write::ConnectorReset)) {
        call()->start(
            client()->payments().v3().resetConnector({m_connectorId}),
            [this, failed](const auto &body) {
                PaymentsOperations::followTask(
                    call(), this, client(), body.data, [this](const QString &) { emit resetDone(); }, failed);
            },
            [failed](const QString &) { failed(); });
        return;
    }
    const ResetConnectorV1Request request{.connector = m_provider, .connectorId = m_connectorId};
    call()->start(
        client()->payments().v1().resetConnectorV1(request), [this](const auto &) { emit resetDone(); },
        [failed](const QString &) { failed(); });
}

void ConnectorController::uninstall() {
    if (!startWrite())
        return;
    auto done = [this] {
        m_loaded = false;
        emit stateChanged();
        emit uninstalled();
    };
    auto failed = [this] { emit stateChanged(); };
    if (viaV3(session(), Write::ConnectorUninstall)) {
        call()->start(
            client()->payments().v3().uninstallConnector({m_connectorId}),
            [this, done, failed](const auto &body) {
                PaymentsOperations::followTask(
                    call(), this, client(), body.data.taskID, [done](const QString &) { done(); }, failed);
            },
            [failed](const QString &) { failed(); });
        return;
    }
    const UninstallConnectorV1Request request{.connector = m_provider, .connectorId = m_connectorId};
    call()->start(
        client()->payments().v1().uninstallConnectorV1(request), [done](const auto &) { done(); },
        [failed](const QString &) { failed(); });
}
