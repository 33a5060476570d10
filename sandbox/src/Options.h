// How a sandbox is started, from the command line or by the app.
#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>

namespace Formance::Sandbox {

// Which generation of the Formance Stack API the sandbox presents (its /versions, and the shapes
// where the v2.1.1 and v3.0.1 documents differ). README.md, "Two API generations".
enum class ApiGeneration { V2, V3 };

struct Options {
    static constexpr const char *kDefaultClientId = "sandbox";
    static constexpr const char *kDefaultClientSecret = "sandbox-secret";

    quint16 port = 0;                      // 0: any free port
    QString dataDir;                       // empty: in memory
    QString seed = QStringLiteral("none"); // "demo" or "none"
    QString clientId = QString::fromLatin1(kDefaultClientId);
    QString clientSecret = QString::fromLatin1(kDefaultClientSecret);
    qint64 tokenTtlSeconds = 3600;
    qint64 maxBodyBytes = 8 * 1024 * 1024;
    QHostAddress address = QHostAddress::LocalHost; // loopback unless told otherwise
    QString demoCacheDir;                  // where the generated demo database is cached; empty: the temp dir
    ApiGeneration api = ApiGeneration::V3; // --api v2|v3

    // The version a service of that generation reports in /versions and its _info.
    static QString serviceVersion(ApiGeneration api, const QString &service);

    // Parses formance-sandbox's arguments (without argv[0]); nullopt and *error on a mistake.
    static std::optional<Options> fromArguments(const QStringList &args, QString *error);
    static QString usage();
};

} // namespace Formance::Sandbox
