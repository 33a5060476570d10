#include <Formance/Redaction.h>

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace Formance::Redaction {

namespace {
// Field names whose values are credentials. "clear" is a freshly created client secret.
const char kSecretFields[] = "access_token|refresh_token|id_token|client_secret|clientSecret|accessToken|"
                             "refreshToken|secret|clear|password|token|assertion";

const QRegularExpression &jsonPattern() {
    static const QRegularExpression re(
        QStringLiteral("(\"(?:%1)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"").arg(QLatin1String(kSecretFields)));
    return re;
}

const QRegularExpression &formPattern() {
    static const QRegularExpression re(
        QStringLiteral("(^|[&?])((?:%1)=)[^&]*").arg(QLatin1String(kSecretFields)));
    return re;
}

const QRegularExpression &bearerPattern() {
    static const QRegularExpression re(QStringLiteral("(Bearer\\s+)[A-Za-z0-9._~+/=-]+"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}
} // namespace

bool isSecretHeader(const QByteArray &name) {
    const QByteArray n = name.toLower();
    return n == "authorization" || n == "proxy-authorization" || n == "cookie" || n == "set-cookie";
}

QByteArray header(const QByteArray &name, const QByteArray &value) {
    return isSecretHeader(name) ? QByteArray(kRedacted) : value;
}

QString text(const QByteArray &body) {
    QString s = QString::fromUtf8(body);
    s.replace(jsonPattern(), QStringLiteral("\\1\"%1\"").arg(QLatin1String(kRedacted)));
    s.replace(formPattern(), QStringLiteral("\\1\\2%1").arg(QLatin1String(kRedacted)));
    s.replace(bearerPattern(), QStringLiteral("\\1%1").arg(QLatin1String(kRedacted)));
    return s;
}

QString url(const QUrl &u) {
    return text(u.toEncoded());
}

} // namespace Formance::Redaction
