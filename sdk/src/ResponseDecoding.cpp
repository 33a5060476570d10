#include <Formance/ResponseDecoding.h>

#include <QUrl>

namespace Formance {

std::optional<Error> checkJsonBody(const HttpResponse &response) {
    const QByteArray type = response.header("content-type").toLower();
    const bool looksJson = type.isEmpty() || type.contains("json");
    if (response.body.trimmed().isEmpty())
        return decodeError(response, QStringLiteral("expected a JSON body, got an empty answer"));
    if (!looksJson)
        return decodeError(response, QStringLiteral("expected JSON, got %1: %2")
                                         .arg(QString::fromLatin1(type), bodyExcerpt(response.body)));
    return std::nullopt;
}

Error decodeError(const HttpResponse &response, const QString &what) {
    return Error(Error::Kind::Decode,
                 QStringLiteral("HTTP %1 answer not understood: %2").arg(response.status).arg(what))
        .withHttp(response.status, response.headers, response.body);
}

QString encodePathSegment(const QString &value) {
    return QString::fromLatin1(QUrl::toPercentEncoding(value, ":@!$'()*,;"));
}

} // namespace Formance
