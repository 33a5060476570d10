// Small conversions the ledger lists and controllers share.
#pragma once

#include <Formance/Timestamp.h>

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
// Why a typed amount is refused before it is parsed: the SDK's parser drops commas, so
// "1,000.00" would be read as 1000.00 and "1,5" as 15 — a comma is refused with a sentence.
QString amountInputProblem(const QString &text);
// The ledger v2 query body {"$match": {key: value}}.
QByteArray matchQuery(std::string_view key, const QString &value);

} // namespace ListSupport
