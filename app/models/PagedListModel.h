// Base of every cursor-paginated list: owns loading, error, the next cursor and
// canFetchMore/fetchMore, so a view that scrolls pulls the next page and nothing else.
// A reload (new filters, new ledger) bumps the generation: answers to older requests are dropped.
#pragma once

#include "Result.h"
#include "controllers/ErrorText.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <optional>

#include "controllers/Session.h"

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
    bool loading() const { return m_loading; }
    QString error() const { return m_error; }
    bool hasMore() const { return m_started && m_next.has_value(); }
    int pageSize() const { return m_pageSize; }
    void setPageSize(int size);
    virtual int count() const = 0;

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : count(); }
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Drops the rows and loads the first page again.
    Q_INVOKABLE void reload();

signals:
    void sessionChanged();
    void loadingChanged();
    void errorChanged();
    void countChanged();
    void pageSizeChanged();

protected:
    // Starts loading one page (no cursor: the first). Implementations answer with
    // pageLoaded() or pageFailed(), passing `generation` through.
    virtual void requestPage(const std::optional<QString> &cursor, int generation) = 0;
    // Drops all rows: called inside beginResetModel/endResetModel.
    virtual void clearRows() = 0;
    // Whether the session and parameters allow loading at all (e.g. a ledger is chosen).
    virtual bool ready() const;

    // `appendRows` inserts the page's rows, between beginInsertRows/endInsertRows it calls itself.
    void pageLoaded(int generation, const std::optional<QString> &next, bool hasMore,
                    const std::function<void()> &appendRows);
    void pageFailed(int generation, const QString &error);
    bool isCurrent(int generation) const { return generation == m_generation; }

    // Takes a generated list operation's answer (body->cursor {data, next, hasMore}): reports a
    // failure, or appends convert(item) for each item to `rows` as one insertion.
    template <class Response, class Row, class Convert>
    void acceptPage(int generation, const Formance::Result<Response> &result, QList<Row> &rows,
                    Convert convert) {
        if (!result) {
            pageFailed(generation, ErrorText::describe(result.error()));
            return;
        }
        const auto &page = result->body.cursor;
        pageLoaded(generation, page.next, hasMore(page.hasMore, page.next), [&] {
            if (page.data.isEmpty())
                return;
            beginInsertRows({}, count(), count() + int(page.data.size()) - 1);
            for (const auto &item : page.data)
                rows.append(convert(item));
            endInsertRows();
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
    void setLoading(bool loading);
    void setError(const QString &error);

    QPointer<Session> m_session;
    int m_pageSize = 100;
    int m_generation = 0;
    bool m_loading = false;
    bool m_started = false; // the first page was asked for since the last reset
    bool m_reloadScheduled = false;
    std::optional<QString> m_next;
    QString m_error;
};
