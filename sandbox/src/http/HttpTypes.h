// The plain request/response values the sandbox's handlers see: no QHttpServer types, so
// handlers can be unit-tested and the transport stays swappable.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <functional>
#include <stdexcept>

namespace Formance::Sandbox {

struct Request {
    QByteArray method;              // upper case: GET, POST, HEAD ...
    QString path;                   // percent-encoded, as received
    QHash<QString, QString> params; // path parameters, percent-decoded
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const;
    QString queryValue(const QString &name) const; // fully decoded; empty when absent
    bool hasQuery(const QString &name) const { return query.hasQueryItem(name); }
    QString param(const QString &name) const { return params.value(name); }
};

struct Response {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // Set by a handler whose work goes on after it returns (a long bulk, done in slices between
    // other requests): the frontend calls it once with the function that sends the final
    // answer; status, headers and body above are then unused.
    using Send = std::function<void(Response)>;
    std::function<void(Send)> deferred;

    static Response json(QByteArray body, int status = 200);
    static Response empty(int status = 204);
    // The services' error payload: {"errorCode": ..., "errorMessage": ...}.
    static Response error(int status, const QString &code, const QString &message);
    void setHeader(const QByteArray &name, const QByteArray &value);
};

// Thrown by the store when SQLite refuses a statement as too large or too complex (a filter of
// thousands of terms): the frontend answers 400 with a clear message, not 500.
class RequestTooComplex : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace Formance::Sandbox
