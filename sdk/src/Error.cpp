#include <Formance/Error.h>

#include <Formance/json/JsonDocument.h>

#include <QDebug>

namespace Formance {

QString bodyExcerpt(const QByteArray &body, int maxChars) {
    QString text = QString::fromUtf8(body.left(maxChars * 4)).simplified();
    if (text.size() > maxChars)
        text = text.left(maxChars) + QStringLiteral("…");
    return text;
}

QByteArray headerValue(const HeaderList &headers, const QByteArray &name) {
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

namespace {
QString memberText(const Json::Value &v) {
    if (v.isString())
        return v.toString();
    if (v.isValid() && !v.isNull())
        return QString::fromUtf8(v.toJson());
    return {};
}

std::optional<ApiError> parseApiError(const QByteArray &body) {
    auto doc = Json::Document::parse(body);
    if (!doc || !doc->root().isObject())
        return std::nullopt;
    const Json::Value root = doc->root();
    ApiError e;
    // Services spell it errorCode (ledger, payments, wallets ...) or error_code (ledger v1 legacy).
    e.errorCode = memberText(root["errorCode"]);
    if (e.errorCode.isEmpty())
        e.errorCode = memberText(root["error_code"]);
    e.errorMessage = memberText(root["errorMessage"]);
    if (e.errorMessage.isEmpty())
        e.errorMessage = memberText(root["error_message"]);
    e.details = memberText(root["details"]);
    if (e.errorCode.isEmpty() && e.errorMessage.isEmpty())
        return std::nullopt;
    return e;
}
} // namespace

Error Error::fromHttpResponse(int status, const HeaderList &headers, const QByteArray &body) {
    Error e;
    e.withHttp(status, headers, body);
    e.m_api = parseApiError(body);
    if (e.m_api) {
        e.m_kind = Kind::Api;
        e.m_message = e.m_api->errorMessage.isEmpty()
                          ? e.m_api->errorCode
                          : QStringLiteral("%1: %2").arg(e.m_api->errorCode, e.m_api->errorMessage);
    } else {
        e.m_kind = Kind::Http;
        const QByteArray type = headerValue(headers, "content-type");
        e.m_message = QStringLiteral("HTTP %1").arg(status);
        if (!body.isEmpty())
            e.m_message +=
                QStringLiteral(" (%1): %2")
                    .arg(type.isEmpty() ? QStringLiteral("no content type") : QString::fromLatin1(type),
                         bodyExcerpt(body));
    }
    return e;
}

Error &Error::withHttp(int status, HeaderList headers, QByteArray body) {
    m_status = status;
    m_headers = std::move(headers);
    m_body = std::move(body);
    return *this;
}

QString Error::kindName(Kind kind) {
    switch (kind) {
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Tls:
        return QStringLiteral("tls");
    case Kind::Canceled:
        return QStringLiteral("canceled");
    case Kind::Auth:
        return QStringLiteral("auth");
    case Kind::Http:
        return QStringLiteral("http");
    case Kind::Api:
        return QStringLiteral("api");
    case Kind::Decode:
        return QStringLiteral("decode");
    }
    return {};
}

QString Error::toString() const {
    QString s = kindName(m_kind) + QStringLiteral(" error");
    if (m_status)
        s += QStringLiteral(" (HTTP %1)").arg(m_status);
    return s + QStringLiteral(": ") + m_message;
}

} // namespace Formance

QDebug operator<<(QDebug debug, const Formance::Error &error) {
    QDebugStateSaver saver(debug);
    debug.nospace().noquote() << "Formance::Error(" << error.toString() << ')';
    return debug;
}
