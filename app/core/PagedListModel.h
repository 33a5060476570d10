// Base of every cursor-paginated list: owns loading, error, the next cursor and
// canFetchMore/fetchMore, so a view that scrolls pulls the next page and nothing else.
// Pages go through a CallHolder: a reload (new filters, new ledger) cancels the page in flight.
#pragma once

#include "core/CallHolder.h"
#include <Formance/Call.h>

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <optional>

#include "core/Session.h"

class PagedListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY countChanged)
    Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY pageSizeChanged)
public:
    explicit PagedListModel(QObject *parent = nullptr);

    Session *session() const { return m_session; }
    void setSession(Session *session);
    bool loading() const { return m_page->busy(); }
    QString error() const { return m_page->error(); }
    bool hasMore() const { return m_started && m_next.has_value(); }
    int pageSize() const { return m_pageSize; }
    void setPageSize(int size);
    virtual int count() const = 0;

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : count(); }
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Drops the rows and loads the first page again.
    Q_INVOKABLE void reload();
    // Row accessors alike on every list: the value of a role (by its QML name) in a row, and the
    // first loaded row whose role has `value` (-1: none).
    Q_INVOKABLE QVariant value(int row, const QString &role) const;
    Q_INVOKABLE int find(const QString &role, const QVariant &value) const;

signals:
    void sessionChanged();
    void loadingChanged();
    void errorChanged();
    void countChanged();
    void pageSizeChanged();

protected:
    // Starts loading one page (no cursor: the first), with startPage() for a generated list
    // operation, or startCall() and pageLoaded() for another shape of answer.
    virtual void requestPage(const std::optional<QString> &cursor) = 0;
    // Drops all rows: called inside beginResetModel/endResetModel.
    virtual void clearRows() = 0;
    // Whether the session and parameters allow loading at all (e.g. a ledger is chosen).
    virtual bool ready() const;
    // After the first page's rows are in (not after a cancelled or failed one): where a list
    // asks for its total, so the count never delays the rows.
    virtual void firstPageLoaded() {}

    // `appendRows` inserts the page's rows, between beginInsertRows/endInsertRows it calls itself.
    void pageLoaded(const std::optional<QString> &next, bool hasMore,
                    const std::function<void()> &appendRows);
    // Runs `call` as this model's page request; `onBody` gets the body of the current page only.
    template <class Response, class OnBody>
    void startCall(const Formance::Call<Response> &call, OnBody &&onBody) {
        m_page->start(call, std::forward<OnBody>(onBody));
    }

    // A generated list operation's answer (body->cursor {data, next, hasMore}): appends
    // convert(item) for each item to `rows` as one insertion.
    template <class Response, class Row, class Convert>
    void startPage(const Formance::Call<Response> &call, QList<Row> &rows, Convert convert) {
        startCall(call, [this, &rows, convert](const auto &body) {
            const auto &page = body.cursor;
            pageLoaded(page.next, hasMore(page.hasMore, page.next), [&] {
                if (page.data.isEmpty())
                    return;
                beginInsertRows({}, count(), count() + int(page.data.size()) - 1);
                for (const auto &item : page.data)
                    rows.append(convert(item));
                endInsertRows();
            });
        });
    }
    // Some services (wallets) may leave hasMore out: then a `next` cursor says there is more.
    static bool hasMore(bool flag, const std::optional<QString> &) { return flag; }
    static bool hasMore(const std::optional<bool> &flag, const std::optional<QString> &next) {
        return flag.value_or(next.has_value());
    }
    // For subclasses whose parameters changed: reload soon, once, however many changed at once.
    void scheduleReload();

private:
    QPointer<Session> m_session;
    CallHolder *m_page;
    int m_pageSize = 100;
    bool m_started = false;      // the first page was asked for since the last reset
    bool m_firstPending = false; // the page in flight is the first
    bool m_reloadScheduled = false;
    std::optional<QString> m_next;
};
