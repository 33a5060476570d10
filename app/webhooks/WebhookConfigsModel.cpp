#include "WebhookConfigsModel.h"

#include "core/ErrorText.h"
#include "core/ListSupport.h"
#include "core/Session.h"
#include <Formance/Client.h>
#include <Formance/webhooks/v1/WebhooksV1Api.h>

using namespace Formance;

WebhookConfigsModel::WebhookConfigsModel(QObject *parent)
    : PagedListModel(parent) {}

void WebhookConfigsModel::setEndpointFilter(const QString &endpoint) {
    const QString trimmed = endpoint.trimmed();
    if (trimmed == m_endpointFilter)
        return;
    m_endpointFilter = trimmed;
    emit filterChanged();
    scheduleReload();
}

int WebhookConfigsModel::rowOf(const QString &id) const {
    for (int i = 0; i < count(); ++i)
        if (m_rows[i].id == id)
            return i;
    return -1;
}

void WebhookConfigsModel::requestPage(const std::optional<QString> &) {
    Webhooks::V1::GetManyConfigsRequest request;
    if (!m_endpointFilter.isEmpty())
        request.endpoint = m_endpointFilter;
    startCall(session()->client()->webhooks().v1().getManyConfigs(request), [this](const auto &body) {
        const auto &page = body.cursor;
        // No cursor in this API: the one page is the whole list.
        pageLoaded(std::nullopt, false, [&] {
            if (page.data.isEmpty())
                return;
            beginInsertRows({}, count(), count() + int(page.data.size()) - 1);
            for (const auto &c : page.data)
                m_rows.append(WebhookConfigRow{c.id, c.endpoint, QStringList(c.eventTypes), c.active,
                                               c.createdAt, c.updatedAt});
            endInsertRows();
        });
    });
}

QVariant WebhookConfigsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const WebhookConfigRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case EndpointRole:
        return row.endpoint;
    case IdRole:
        return row.id;
    case EventTypesRole:
        return row.eventTypes;
    case EventTypesTextRole:
        return row.eventTypes.join(QStringLiteral(", "));
    case ActiveRole:
        return row.active;
    case CreatedAtRole:
        return ListSupport::localTimeText(row.createdAt);
    case UpdatedAtRole:
        return ListSupport::localTimeText(row.updatedAt);
    }
    return {};
}

QHash<int, QByteArray> WebhookConfigsModel::roleNames() const {
    return {{IdRole, "configId"},           {EndpointRole, "endpoint"},
            {EventTypesRole, "eventTypes"}, {EventTypesTextRole, "eventTypesText"},
            {ActiveRole, "active"},         {CreatedAtRole, "createdAt"},
            {UpdatedAtRole, "updatedAt"}};
}
