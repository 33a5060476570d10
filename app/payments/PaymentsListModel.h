// Base of the payments lists: rows kept as role -> value maps, so each list only says how to ask
// for a page and how an item reads. The row accessors are PagedListModel's (value, find), plus
// idAt for the key every payments object has.
#pragma once

#include "core/PagedListModel.h"

#include <QByteArrayList>
#include <QVariantMap>

class PaymentsListModel : public PagedListModel {
    Q_OBJECT
    QML_ANONYMOUS
public:
    // `roles`: the QML role names, in order; the first is the row's ID.
    PaymentsListModel(QByteArrayList roles, QObject *parent);

    int count() const override { return int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    Q_INVOKABLE QString idAt(int row) const;
    const QVariantMap &rowAt(int row) const { return m_rows.at(row); }

protected:
    void clearRows() override { m_rows.clear(); }
    // Appends a generated cursor page (body.cursor {data, next, hasMore}) with `convert` per item.
    template <class Response, class Convert>
    void startCursorPage(const Formance::Call<Response> &call, Convert convert) {
        startCall(call, [this, convert](const auto &body) {
            const auto &page = body.cursor;
            pageLoaded(page.next, hasMore(page.hasMore, page.next), [&] {
                QList<QVariantMap> rows;
                for (const auto &item : page.data)
                    rows.append(convert(item));
                appendRows(rows);
            });
        });
    }
    // Inside pageLoaded's callback: inserts the rows as one insertion.
    void appendRows(const QList<QVariantMap> &rows);
    // The v1 list filter ({"$match": …}, several under "$and") from role -> value; empty: none.
    static std::optional<QString> matchFilter(const QVariantMap &filters);

private:
    QByteArrayList m_roles;
    QList<QVariantMap> m_rows;
};
