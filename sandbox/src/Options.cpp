#include "Options.h"

namespace Formance::Sandbox {

QString Options::serviceVersion(ApiGeneration api, const QString &service) {
    // Stack v2.1 released every component from one repository under the stack's tag. Stack v3.0
    // versions them apart: payments v3 (its v3 API), ledger v2.2 (filters as a `query`
    // parameter, /_/info, bulk log ids), the others v2.2.
    if (api == ApiGeneration::V2)
        return QStringLiteral("v2.1.1-sandbox");
    if (service == QLatin1String("payments"))
        return QStringLiteral("v3.0.1-sandbox");
    return QStringLiteral("v2.2.0-sandbox");
}

QString Options::usage() {
    return QStringLiteral(
        "usage: formance-sandbox [--port N] [--data DIR] [--seed demo|none] [--client-id ID]\n"
        "                        [--client-secret SECRET] [--token-ttl SECONDS] [--listen ADDRESS]\n"
        "                        [--api v2|v3]\n"
        "  --port N            port on 127.0.0.1 (0: any free port; default 0)\n"
        "  --data DIR          keep the SQLite database in DIR (default: in memory)\n"
        "  --seed demo|none    fill an empty store with the demo ledgers (default: none)\n"
        "  --client-id ID      OAuth2 client id (default: sandbox)\n"
        "  --client-secret S   OAuth2 client secret (default: sandbox-secret)\n"
        "  --token-ttl SECONDS lifetime of issued tokens (default: 3600)\n"
        "  --listen ADDRESS    listen on another address than 127.0.0.1 (exposes the sandbox!)\n"
        "  --api v2|v3         the API generation presented: v2.1.1 or v3.0.1 (default: v3)\n");
}

std::optional<Options> Options::fromArguments(const QStringList &args, QString *error) {
    Options o;
    auto fail = [error](const QString &m) {
        if (error)
            *error = m;
        return std::nullopt;
    };
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString a = args[i];
        if (a == QLatin1String("--help") || a == QLatin1String("-h"))
            return fail(QString());
        if (i + 1 >= args.size())
            return fail(QStringLiteral("%1 needs a value").arg(a));
        const QString v = args[++i];
        bool ok = true;
        if (a == QLatin1String("--port")) {
            const int p = v.toInt(&ok);
            if (!ok || p < 0 || p > 65535)
                return fail(QStringLiteral("--port must be 0..65535"));
            o.port = quint16(p);
        } else if (a == QLatin1String("--data")) {
            o.dataDir = v;
        } else if (a == QLatin1String("--seed")) {
            if (v != QLatin1String("demo") && v != QLatin1String("none"))
                return fail(QStringLiteral("--seed must be demo or none"));
            o.seed = v;
        } else if (a == QLatin1String("--client-id")) {
            o.clientId = v;
        } else if (a == QLatin1String("--client-secret")) {
            o.clientSecret = v;
        } else if (a == QLatin1String("--token-ttl")) {
            o.tokenTtlSeconds = v.toLongLong(&ok);
            if (!ok || o.tokenTtlSeconds <= 0)
                return fail(QStringLiteral("--token-ttl must be a positive number of seconds"));
        } else if (a == QLatin1String("--api")) {
            if (v != QLatin1String("v2") && v != QLatin1String("v3"))
                return fail(QStringLiteral("--api must be v2 or v3"));
            o.api = v == QLatin1String("v2") ? ApiGeneration::V2 : ApiGeneration::V3;
        } else if (a == QLatin1String("--listen")) {
            if (!o.address.setAddress(v))
                return fail(QStringLiteral("--listen must be an IP address"));
        } else {
            return fail(QStringLiteral("unknown option %1").arg(a));
        }
    }
    return o;
}

} // namespace Formance::Sandbox
