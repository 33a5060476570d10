#include <Formance/ApiGeneration.h>

#include <QRegularExpression>

namespace Formance {

QString toString(ApiGeneration generation) {
    return generation == ApiGeneration::V2_1 ? QStringLiteral("v2.1") : QStringLiteral("v3.0");
}

std::optional<ApiGeneration> generationOfService(const QString &service, const QString &version) {
    // The first version of each service that speaks the v3.0 document's form of a shared operation.
    struct Threshold {
        const char *service;
        int major;
        int minor;
    };
    static constexpr Threshold kFirstV3[] = {
        {"ledger", 2, 2},   // filters in the `query` parameter, /api/ledger/_/info
        {"payments", 3, 0}, // the v3 API; v1 accounts listed without a request body
    };
    static const QRegularExpression kVersion(QStringLiteral("^v?(\\d+)\\.(\\d+)(?:\\.\\d+)?(?:[-+].*)?$"));
    for (const Threshold &t : kFirstV3) {
        if (service.compare(QLatin1String(t.service), Qt::CaseInsensitive) != 0)
            continue;
        const QRegularExpressionMatch m = kVersion.match(version.trimmed());
        if (!m.hasMatch())
            return std::nullopt;
        const int major = m.captured(1).toInt();
        const int minor = m.captured(2).toInt();
        const bool v3 = major > t.major || (major == t.major && minor >= t.minor);
        return v3 ? ApiGeneration::V3_0 : ApiGeneration::V2_1;
    }
    return std::nullopt;
}

} // namespace Formance
