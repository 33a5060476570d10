#include "PagedListModel.h"

#include "core/Session.h"

#include <QTimer>

PagedListModel::PagedListModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_page(new CallHolder(this)) {
    connect(m_page, &CallHolder::busyChanged, this, &PagedListModel::loadingChanged);
    connect(m_page, &CallHolder::errorChanged, this, &PagedListModel::errorChanged);
}

void PagedListModel::setSession(Session *session) {
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &Session::clientChanged, this, &PagedListModel::scheduleReload);
    emit sessionChanged();
    scheduleReload();
}

void PagedListModel::setPageSize(int size) {
    size = std::clamp(size, 1, 1000); // the API's bounds
    if (size == m_pageSize)
        return;
    m_pageSize = size;
    emit pageSizeChanged();
}

bool PagedListModel::ready() const {
    return m_session && m_session->client();
}

bool PagedListModel::canFetchMore(const QModelIndex &parent) const {
    if (parent.isValid() || loading() || !error().isEmpty() || !ready())
        return false;
    return !m_started || m_next.has_value();
}

void PagedListModel::fetchMore(const QModelIndex &parent) {
    // A reload is about to start from the first page (a view asks as soon as it gets the model,
    // before the scheduled reload runs): a page started now would only be cancelled by it.
    if (m_reloadScheduled || !canFetchMore(parent))
        return;
    const bool first = !m_started;
    m_started = true;
    m_firstPending = first;
    requestPage(first ? std::nullopt : m_next);
}

void PagedListModel::reload() {
    m_reloadScheduled = false;
    m_page->cancel(); // a superseded page is neither downloaded further nor decoded
    beginResetModel();
    clearRows();
    m_started = false;
    m_firstPending = false;
    m_next.reset();
    // Settle the state before endResetModel(): views (and QAbstractItemModelTester) call
    // fetchMore() from the reset signal, and that first page must not be clobbered.
    m_page->clearError();
    endResetModel();
    emit countChanged();
    fetchMore({});
}

void PagedListModel::scheduleReload() {
    if (m_reloadScheduled)
        return;
    m_reloadScheduled = true;
    QTimer::singleShot(0, this, [this] {
        if (m_reloadScheduled)
            reload();
    });
}

void PagedListModel::pageLoaded(const std::optional<QString> &next, bool hasMore,
                                const std::function<void()> &appendRows) {
    appendRows();
    m_next = hasMore && next && !next->isEmpty() ? next : std::nullopt;
    emit countChanged();
    if (std::exchange(m_firstPending, false))
        firstPageLoaded();
}

QVariant PagedListModel::value(int row, const QString &role) const {
    if (row < 0 || row >= count())
        return {};
    const QByteArray name = role.toUtf8();
    const auto names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        if (it.value() == name)
            return data(index(row), it.key());
    return {};
}

int PagedListModel::find(const QString &role, const QVariant &wanted) const {
    for (int row = 0; row < count(); ++row)
        if (value(row, role) == wanted)
            return row;
    return -1;
}
