#include "PagedListModel.h"

#include "controllers/Session.h"

#include <QTimer>

PagedListModel::PagedListModel(QObject *parent)
    : QAbstractListModel(parent) {}

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
    if (parent.isValid() || m_loading || !m_error.isEmpty() || !ready())
        return false;
    return !m_started || m_next.has_value();
}

void PagedListModel::fetchMore(const QModelIndex &parent) {
    if (!canFetchMore(parent))
        return;
    const bool first = !m_started;
    m_started = true;
    setLoading(true);
    requestPage(first ? std::nullopt : m_next, m_generation);
}

void PagedListModel::reload() {
    m_reloadScheduled = false;
    ++m_generation;
    beginResetModel();
    clearRows();
    m_started = false;
    m_next.reset();
    // Settle the state before endResetModel(): views (and QAbstractItemModelTester) call
    // fetchMore() from the reset signal, and that first page must not be clobbered.
    setLoading(false);
    setError({});
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

void PagedListModel::pageLoaded(int generation, const std::optional<QString> &next, bool hasMore,
                                const std::function<void()> &appendRows) {
    if (!isCurrent(generation))
        return;
    appendRows();
    m_next = hasMore && next && !next->isEmpty() ? next : std::nullopt;
    setLoading(false);
    emit countChanged();
}

void PagedListModel::pageFailed(int generation, const QString &error) {
    if (!isCurrent(generation))
        return;
    setLoading(false);
    setError(error);
}

void PagedListModel::setLoading(bool loading) {
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged();
}

void PagedListModel::setError(const QString &error) {
    if (m_error == error)
        return;
    m_error = error;
    emit errorChanged();
}
