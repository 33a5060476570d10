#include "ConnectorCatalogue.h"

#include "PaymentsCommon.h"

#include <Formance/json/JsonWriter.h>

namespace Formance::Sandbox::Payments {

namespace {
constexpr ConfigField kName{"name", "string", true, nullptr};
constexpr ConfigField kPolling{"pollingPeriod", "duration", false, "120s"};
ConfigField str(const char *n, bool required = true) {
    return {n, "string", required, nullptr};
}
} // namespace

const QList<ProviderSpec> &ConnectorCatalogue::providers() {
    static const QList<ProviderSpec> all{
        {QStringLiteral("STRIPE"),
         {kName, str("apiKey"), kPolling, {"pageSize", "integer", false, "10"}},
         "pollingPeriod"},
        {QStringLiteral("DUMMY-PAY"),
         {kName,
          str("directory"),
          {"filePollingPeriod", "duration", false, "10s"},
          {"prefixFileToIngest", "string", false, "dummypay-"},
          {"numberOfAccountsPreGenerated", "integer", false, "3"},
          {"numberOfPaymentsPreGenerated", "integer", false, "10"}},
         "filePollingPeriod"},
        {QStringLiteral("WISE"), {kName, str("apiKey"), kPolling}, "pollingPeriod"},
        {QStringLiteral("MODULR"),
         {kName, str("apiKey"), str("apiSecret"), str("endpoint", false), kPolling},
         "pollingPeriod"},
        {QStringLiteral("CURRENCY-CLOUD"),
         {kName, str("apiKey"), str("loginID"), str("endpoint", false), kPolling},
         "pollingPeriod"},
        {QStringLiteral("BANKING-CIRCLE"),
         {kName, str("username"), str("password"), str("endpoint"), str("authorizationEndpoint"),
          str("userCertificate"), str("userCertificateKey"), kPolling},
         "pollingPeriod"},
        {QStringLiteral("MANGOPAY"),
         {kName, str("clientID"), str("apiKey"), str("endpoint"), kPolling},
         "pollingPeriod"},
        {QStringLiteral("MONEYCORP"),
         {kName, str("clientID"), str("apiKey"), str("endpoint"), kPolling},
         "pollingPeriod"},
        {QStringLiteral("ATLAR"),
         {kName,
          {"baseUrl", "string", false, "https://api.atlar.com"},
          kPolling,
          {"transferInitiationStatusPollingPeriod", "duration", false, "120s"},
          str("accessKey"),
          str("secret"),
          {"pageSize", "integer", false, "25"}},
         "pollingPeriod"},
        {QStringLiteral("ADYEN"),
         {kName, str("apiKey"), str("hmacKey"), str("liveEndpointPrefix", false), kPolling},
         "pollingPeriod"},
        {QStringLiteral("GENERIC"), {kName, str("apiKey"), str("endpoint"), kPolling}, "pollingPeriod"},
    };
    return all;
}

const ProviderSpec *ConnectorCatalogue::find(const QString &provider) {
    for (const ProviderSpec &p : providers())
        if (p.provider == provider)
            return &p;
    return nullptr;
}

QStringList ConnectorCatalogue::names() {
    QStringList out;
    for (const ProviderSpec &p : providers())
        out << p.provider;
    return out;
}

Expected<QByteArray> ConnectorCatalogue::normalize(const ProviderSpec &spec, const Json::Value &body) {
    if (!body.isObject())
        return LedgerError::validation(QStringLiteral("the connector config must be a JSON object"));
    Json::Writer w;
    w.beginObject();
    for (const ConfigField &f : spec.fields) {
        const Json::Value v = body[f.name];
        const QString type = QString::fromLatin1(f.dataType);
        const QString name = QString::fromLatin1(f.name);
        if (v.isNull()) {
            if (f.required)
                return LedgerError::validation(
                    QStringLiteral("%1 config: '%2' is required").arg(spec.provider, name));
            if (!f.defaultValue)
                continue;
            w.key(f.name);
            if (type == QLatin1String("integer"))
                w.rawNumber(f.defaultValue);
            else
                w.value(f.defaultValue);
            continue;
        }
        if (type == QLatin1String("integer")) {
            const auto n = v.isNumber() ? BigInt::fromString(v.numberText()) : std::nullopt;
            if (!n || n->isNegative() || !n->fitsInt64())
                return LedgerError::validation(
                    QStringLiteral("%1 config: '%2' must be a non-negative integer")
                        .arg(spec.provider, name));
            w.key(f.name);
            w.value(*n);
            continue;
        }
        if (!v.isString())
            return LedgerError::validation(
                QStringLiteral("%1 config: '%2' must be a string").arg(spec.provider, name));
        if (f.required && v.toString().trimmed().isEmpty())
            return LedgerError::validation(
                QStringLiteral("%1 config: '%2' must not be empty").arg(spec.provider, name));
        if (type == QLatin1String("duration") && !parseDuration(v.toString()))
            return LedgerError::validation(
                QStringLiteral("%1 config: '%2' must be a duration such as \"10s\" or \"500ms\"")
                    .arg(spec.provider, name));
        w.key(f.name);
        w.value(v.toString());
    }
    w.endObject();
    return w.take();
}

QByteArray ConnectorCatalogue::configsJson() {
    Json::Writer w;
    w.beginObject();
    w.key("data");
    w.beginObject();
    // The spec's ConnectorsConfigsResponse names its map keys literally ("connector" holding
    // "key"), and a checked response must have them: this entry describes the shape itself
    // (connector -> field -> {dataType, required}); the real entries follow, one per provider.
    w.key("connector");
    w.beginObject();
    w.key("key");
    w.beginObject();
    w.key("dataType");
    w.value("string");
    w.key("required");
    w.value(true);
    w.endObject();
    w.endObject();
    for (const ProviderSpec &p : providers()) {
        w.key(p.provider);
        w.beginObject();
        for (const ConfigField &f : p.fields) {
            w.key(f.name);
            w.beginObject();
            w.key("dataType");
            w.value(f.dataType);
            w.key("required");
            w.value(f.required);
            if (f.defaultValue) {
                w.key("defaultValue");
                w.value(f.defaultValue);
            }
            w.endObject();
        }
        w.endObject();
    }
    w.endObject();
    w.endObject();
    return w.take();
}

} // namespace Formance::Sandbox::Payments
