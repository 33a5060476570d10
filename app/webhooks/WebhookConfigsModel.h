// The webhook configs of the connected stack (webhooks service v1), optionally narrowed to one
// endpoint. The service answers in one page (no cursor to follow). The spec's config has no
// name: a config is known by its ID and endpoint.
#pragma once

#include "core/PagedListModel.h"
#include <Formance/Timestamp.h>

#include <QStringList>
#include <QtQml/qqmlregistration.h>

struct WebhookConfigRow {
    QString id;
    QString endpoint;
    QStringList eventTypes;
    bool active = false;
    Formance::Timestamp createdAt;
    Formance::Timestamp updatedAt;
};

class WebhookConfigsModel : public PagedListModel {
    Q_OBJECT
    QML_ELEMENT
    // The service matches the whole endpoint URL; empty lists every config.
    Q_PROPERTY(QString endpointFilter READ endpointFilter WRITE setEndpointFilter NOTIFY filterChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        EndpointRole,
        EventTypesRole,
        EventTypesTextRole,
        ActiveRole,
        CreatedAtRole,
        UpdatedAtRole
    };
    explicit WebhookConfigsModel(QObject *parent = nullptr);

    int count() const override { return int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    const WebhookConfigRow &row(int i) const { return m_rows.at(i); }
    Q_INVOKABLE QString idAt(int row) const { return row >= 0 && row < count() ? m_rows[row].id : QString(); }
    Q_INVOKABLE QString endpointAt(int row) const {
        return row >= 0 && row < count() ? m_rows[row].endpoint : QString();
    }
    Q_INVOKABLE int rowOf(const QString &id) const;

    QString endpointFilter() const { return m_endpointFilter; }
    void setEndpointFilter(const QString &endpoint);

signals:
    void filterChanged();

protected:
    void requestPage(const std::optional<QString> &cursor) override;
    void clearRows() override { m_rows.clear(); }

private:
    QList<WebhookConfigRow> m_rows;
    QString m_endpointFilter;
};
