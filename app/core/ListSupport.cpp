#include "ListSupport.h"

#include <Formance/json/JsonWriter.h>

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
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
    const QLocale locale;
    const QDateTime local = timestamp.toDateTime().toLocalTime();
    // The C locale (scripts, tests) keeps the ISO form; a person's locale gets its own date order,
    // with seconds: 02/12/2026 03:27:46 in French, 12/2/26 3:27:46 AM in American English.
    if (locale.language() == QLocale::C)
        return locale.toString(local, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    QString time = locale.timeFormat(QLocale::LongFormat);
    time.remove(QRegularExpression(QStringLiteral("\\s*t+$"))); // the time zone's name
    return locale.toString(local, locale.dateFormat(QLocale::ShortFormat) + u' ' + time);
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
