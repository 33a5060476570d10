// Small conversions the ledger lists and controllers share.
#pragma once

#include "Timestamp.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QVariantMap>

#include <string_view>

namespace ListSupport {

QVariantMap toVariantMap(const QMap<QString, QString> &metadata);
// "key=value  key=value", for a table cell.
QString metadataText(const QMap<QString, QString> &metadata);
// A timestamp in local time, to the second, for a table cell.
QString localTimeText(const Formance::Timestamp &timestamp);
// The ledger v2 query body {"$match": {key: value}}.
QByteArray matchQuery(std::string_view key, const QString &value);

} // namespace ListSupport
