#include "ListSupport.h"

#include <Formance/json/JsonWriter.h>

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace ListSupport {

QVariantMap toVariantMap(const QMap<QString, QString> &metadata) {
    QVariantMap map;
    for (auto it = metadata.cbegin(); it != metadata.cend(); ++it)
        map.insert(it.key(), it.value());
    return map;
}

QString metadataText(const QMap<QString, QString> &metadata) {
    QStringList parts;
    for (auto it = metadata.cbegin(); it != metadata.cend(); ++it)
        parts.append(it.key() + u'=' + it.value());
    return parts.join(QStringLiteral("  "));
}

QString localTimeText(const Formance::Timestamp &timestamp) {
    return QLocale().toString(timestamp.toDateTime().toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString amountInputProblem(const QString &text) {
    if (text.contains(u',') || text.contains(u'\u00a0') || text.trimmed().contains(u' '))
        return QCoreApplication::translate(
            "ListSupport", "Type the amount without separators, with a dot for decimals: 1000.50.");
    return {};
}

QByteArray matchQuery(std::string_view key, const QString &value) {
    Formance::Json::Writer w;
    w.beginObject();
    w.key("$match");
    w.beginObject();
    w.key(key);
    w.value(value);
    w.endObject();
    w.endObject();
    return w.take();
}

} // namespace ListSupport
