// The ledgers of the connected stack.
#pragma once

#include "core/PagedListModel.h"
#include <Formance/Timestamp.h>

#include <QMap>
#include <QtQml/qqmlregistration.h>

struct LedgerRow {
    QString name;
    QString bucket;
    Formance::Timestamp addedAt;
    QMap<QString, QString> metadata;
};

class LedgersModel : public PagedListModel {
    Q_OBJECT
    QML_ELEMENT
public:
    enum Role { NameRole = Qt::UserRole + 1, BucketRole, AddedAtRole, MetadataRole, MetadataTextRole };
    explicit LedgersModel(QObject *parent = nullptr);

    int count() const override { return int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    Q_INVOKABLE QString nameAt(int row) const {
        return row >= 0 && row < count() ? m_rows[row].name : QString();
    }

protected:
    void requestPage(const std::optional<QString> &cursor) override;
    void clearRows() override { m_rows.clear(); }

private:
    QList<LedgerRow> m_rows;
};
