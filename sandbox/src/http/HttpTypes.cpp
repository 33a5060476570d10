#include "HttpTypes.h"

#include <Formance/json/JsonWriter.h>

namespace Formance::Sandbox {

QByteArray Request::header(const QByteArray &name) const {
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

QString Request::queryValue(const QString &name) const {
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

Response Response::json(QByteArray body, int status) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return r;
}

Response Response::empty(int status) {
    Response r;
    r.status = status;
    return r;
}

Response Response::error(int status, const QString &code, const QString &message) {
    Json::Writer w;
    w.beginObject();
    w.key("errorCode");
    w.value(code);
    w.key("errorMessage");
    w.value(message);
    w.endObject();
    return json(w.take(), status);
}

void Response::setHeader(const QByteArray &name, const QByteArray &value) {
    for (auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    headers.append(qMakePair(name, value));
}

} // namespace Formance::Sandbox
