// Any JSON value, kept as its exact compact text (ledger v1 metadata, connector configs,
// free-form "details"). Conversions to QJsonValue are offered for display only: they lose
// integers past 2^53.
#pragma once

#include <QByteArray>
#include <QJsonValue>

namespace Formance::Json {

class Any {
public:
    Any() = default;
    static Any fromJson(QByteArray compactJson); // must be valid JSON text
    static Any fromQJsonValue(const QJsonValue &value);

    bool isNull() const { return m_json.isEmpty() || m_json == "null"; }
    const QByteArray &json() const { return m_json; }
    QJsonValue toQJsonValue() const;

    friend bool operator==(const Any &a, const Any &b) { return a.m_json == b.m_json; }

private:
    QByteArray m_json;
};

} // namespace Formance::Json
