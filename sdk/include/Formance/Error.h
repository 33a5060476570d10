// The one error type of the SDK: what went wrong (kind), and everything needed to act on it or
// debug it (HTTP status, the server's message and error code, headers, raw body).
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

class QDebug;

namespace Formance {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// The error payload the services declare (ledger's V2ErrorResponse, payments' PaymentsErrorResponse ...).
struct ApiError {
    QString errorCode;
    QString errorMessage;
    QString details;
};

class Error {
public:
    enum class Kind {
        Network,  // connection refused, host not found, connection reset ...
        Timeout,  // no complete answer within the call's timeout
        Tls,      // certificate or handshake failure
        Canceled, // the caller canceled the call
        Auth,     // the token endpoint refused the credentials or could not be reached
        Http,     // a non-2xx answer without the service's error payload
        Api,      // a non-2xx answer carrying the service's error payload (see api())
        Decode,   // the answer did not parse, or did not match the operation's schema
    };

    Error() = default;
    Error(Kind kind, QString message)
        : m_kind(kind)
        , m_message(std::move(message)) {}

    // Builds an Http or Api error from a non-2xx answer.
    static Error fromHttpResponse(int status, const HeaderList &headers, const QByteArray &body);

    Kind kind() const { return m_kind; }
    int httpStatus() const { return m_status; }
    const QString &message() const { return m_message; }
    const HeaderList &headers() const { return m_headers; }
    const QByteArray &body() const { return m_body; }
    const std::optional<ApiError> &api() const { return m_api; }
    QString errorCode() const { return m_api ? m_api->errorCode : QString(); }

    Error &withHttp(int status, HeaderList headers, QByteArray body);
    QString toString() const;
    static QString kindName(Kind kind);

private:
    Kind m_kind = Kind::Network;
    int m_status = 0;
    QString m_message;
    HeaderList m_headers;
    QByteArray m_body;
    std::optional<ApiError> m_api;
};

// A readable excerpt of a body for messages: first characters, control characters folded.
QString bodyExcerpt(const QByteArray &body, int maxChars = 200);
QByteArray headerValue(const HeaderList &headers, const QByteArray &name);

} // namespace Formance

QDebug operator<<(QDebug debug, const Formance::Error &error);
