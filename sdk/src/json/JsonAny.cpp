#include <Formance/json/JsonAny.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Formance::Json {

Any Any::fromJson(QByteArray compactJson) {
    Any a;
    a.m_json = std::move(compactJson);
    return a;
}

Any Any::fromQJsonValue(const QJsonValue &value) {
    // QJsonDocument only serialises containers: wrap, then strip the wrapper.
    QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return fromJson(wrapped.mid(1, wrapped.size() - 2));
}

QJsonValue Any::toQJsonValue() const {
    if (isNull())
        return QJsonValue::Null;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + m_json + ']');
    return doc.array().isEmpty() ? QJsonValue() : doc.array().at(0);
}

} // namespace Formance::Json
