// Server selection as the spec declares it: index 0 is http://localhost, index 1 is
// https://{organization}.{environment}.formance.cloud; or an explicit URL.
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Formance {

struct ServerConfig {
    static constexpr int LocalServer = 0;
    static constexpr int CloudServer = 1;

    int index = LocalServer;
    QString url;                      // when set, wins over index
    QMap<QString, QString> variables; // "organization", "environment" overrides

    static ServerConfig fromUrl(const QString &url) { return {LocalServer, url, {}}; }
    static ServerConfig cloud(const QString &organization,
                              const QString &environment = QStringLiteral("sandbox")) {
        return {
            CloudServer,
            {},
            {{QStringLiteral("organization"), organization}, {QStringLiteral("environment"), environment}}};
    }

    static QStringList environments() {
        return {QStringLiteral("sandbox"), QStringLiteral("eu-west-1"), QStringLiteral("us-east-1")};
    }

    // The base URL, or an empty URL with *error set (unknown index, environment or bad URL).
    QUrl resolve(QString *error = nullptr) const;
};

} // namespace Formance
