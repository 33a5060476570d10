// The connectors a payments service knows (the spec's Connector enum) and the configuration
// each takes: listed by listConfigsAvailableConnectors, and used to validate installs and
// config updates. Only DUMMY-PAY runs inside the sandbox (see DemoConnector); the others can be
// installed, and their tasks then report that the provider is out of reach.
#pragma once

#include "ledger/LedgerError.h"

#include <Formance/json/JsonDocument.h>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Formance::Sandbox::Payments {

struct ConfigField {
    const char *name;
    const char *dataType; // "string", "integer" or "duration" (Go syntax: "10s", "1m30s")
    bool required;
    const char *defaultValue; // nullptr: none
};

struct ProviderSpec {
    QString provider;
    QList<ConfigField> fields;
    const char *periodField; // the polling period's field
};

class ConnectorCatalogue {
public:
    static const QList<ProviderSpec> &providers();
    static const ProviderSpec *find(const QString &provider);
    static QStringList names();
    static bool runsInSandbox(const QString &provider) { return provider == QLatin1String(kDemoProvider); }
    static constexpr const char *kDemoProvider = "DUMMY-PAY";

    // The config as stored and returned: the provider's fields in order, defaults filled in,
    // unknown fields dropped. VALIDATION for a missing or mistyped field.
    static Expected<QByteArray> normalize(const ProviderSpec &spec, const Json::Value &body);
    // {"data": {...}} for listConfigsAvailableConnectors.
    static QByteArray configsJson();
};

} // namespace Formance::Sandbox::Payments
