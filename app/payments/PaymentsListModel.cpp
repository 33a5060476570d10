#include "PaymentsListModel.h"

#include <Formance/json/JsonWriter.h>

PaymentsListModel::PaymentsListModel(QByteArrayList roles, QObject *parent)
    : PagedListModel(parent)
    , m_roles(std::move(roles)) {}

QVariant PaymentsListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariantMap &row = m_rows.at(index.row());
    if (role == Qt::DisplayRole)
        role = Qt::UserRole + 1;
    const int i = role - Qt::UserRole - 1;
    if (i < 0 || i >= m_roles.size())
        return {};
    return row.value(QString::fromLatin1(m_roles.at(i)));
}

QHash<int, QByteArray> PaymentsListModel::roleNames() const {
    QHash<int, QByteArray> names;
    for (int i = 0; i < m_roles.size(); ++i)
        names.insert(Qt::UserRole + 1 + i, m_roles.at(i));
    return names;
}

QString PaymentsListModel::idAt(int row) const {
    if (row < 0 || row >= count() || m_roles.isEmpty())
        return {};
    return m_rows.at(row).value(QString::fromLatin1(m_roles.first())).toString();
}

void PaymentsListModel::appendRows(const QList<QVariantMap> &rows) {
    if (rows.isEmpty())
        return;
    beginInsertRows({}, count(), count() + int(rows.size()) - 1);
    m_rows.append(rows);
    endInsertRows();
}

std::optional<QString> PaymentsListModel::matchFilter(const QVariantMap &filters) {
    QVariantMap set;
    for (auto it = filters.cbegin(); it != filters.cend(); ++it)
        if (!it.value().toString().trimmed().isEmpty())
            set.insert(it.key(), it.value().toString().trimmed());
    if (set.isEmpty())
        return std::nullopt;
    Formance::Json::Writer w;
    auto match = [&w](const QString &key, const QString &value) {
        w.beginObject();
        w.key("$match");
        w.beginObject();
        w.key(key);
        w.value(value);
        w.endObject();
        w.endObject();
    };
    if (set.size() == 1) {
        match(set.firstKey(), set.first().toString());
    } else {
        w.beginObject();
        w.key("$and");
        w.beginArray();
        for (auto it = set.cbegin(); it != set.cend(); ++it)
            match(it.key(), it.value().toString());
        w.endArray();
        w.endObject();
    }
    return QString::fromUtf8(w.take());
}
