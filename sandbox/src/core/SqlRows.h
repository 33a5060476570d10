// Reads a result row into struct fields in column order: one call names the fields in the order of
// the SELECT's columns, instead of one assignment with a hand-kept index per column.
#pragma once

#include <Formance/BigInt.h>
#include <Formance/json/JsonWriter.h>

#include <QByteArray>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace Formance::Sandbox::SqlRows {

inline void read(const QVariant &v, QString &out) {
    out = v.toString();
}
inline void read(const QVariant &v, QByteArray &out) {
    out = v.toString().toUtf8();
}
inline void read(const QVariant &v, int &out) {
    out = v.toInt();
}
inline void read(const QVariant &v, bool &out) {
    out = v.toBool();
}
// Amounts are stored as decimal text; an unreadable one reads as zero.
inline void read(const QVariant &v, BigInt &out) {
    out = BigInt::fromString(v.toString()).value_or(BigInt());
}

// Fills `fields` from the current row of `q`, starting at column `first`.
template <class... F> void readColumns(const QSqlQuery &q, int first, F &...fields) {
    int column = first;
    (read(q.value(column++), fields), ...);
}

// A list of strings as the JSON array text a column keeps it in.
inline QString jsonList(const QStringList &list) {
    Json::Writer w;
    w.beginArray();
    for (const QString &s : list)
        w.value(s);
    w.endArray();
    return QString::fromUtf8(w.take());
}

} // namespace Formance::Sandbox::SqlRows
