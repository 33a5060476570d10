#include <Formance/ServerConfig.h>

namespace Formance {

QUrl ServerConfig::resolve(QString *error) const {
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return QUrl();
    };
    QString text;
    if (!url.isEmpty()) {
        text = url;
    } else if (index == LocalServer) {
        text = QStringLiteral("http://localhost");
    } else if (index == CloudServer) {
        const QString organization =
            variables.value(QStringLiteral("organization"), QStringLiteral("orgID-stackID"));
        const QString environment = variables.value(QStringLiteral("environment"), QStringLiteral("sandbox"));
        if (!environments().contains(environment))
            return fail(QStringLiteral("unknown environment \"%1\" (expected one of %2)")
                            .arg(environment, environments().join(QStringLiteral(", "))));
        if (organization.isEmpty() || organization.contains(u'/') || organization.contains(u'.'))
            return fail(QStringLiteral("invalid organization \"%1\"").arg(organization));
        text = QStringLiteral("https://%1.%2.formance.cloud").arg(organization, environment);
    } else {
        return fail(QStringLiteral("server index %1 out of range (0 or 1)").arg(index));
    }
    while (text.endsWith(u'/'))
        text.chop(1);
    const QUrl resolved(text, QUrl::StrictMode);
    if (!resolved.isValid() ||
        (resolved.scheme() != QLatin1String("http") && resolved.scheme() != QLatin1String("https")) ||
        resolved.host().isEmpty())
        return fail(QStringLiteral("invalid server URL \"%1\"").arg(text));
    return resolved;
}

} // namespace Formance
