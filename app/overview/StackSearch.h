// Ctrl+K's search of the stack: the search service when the stack has it (transactions, accounts,
// ledgers by id, reference or metadata), and direct look-ups in any case — a transaction by its
// reference or id and an account by its address in every ledger, a wallet by its id or name, a
// payment by its id. Results are grouped by kind, each naming the page that opens it. A new
// query cancels the one in flight.
#pragma once

#include "core/Session.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class CallGroup;

class StackSearch : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // {kind, kindTitle, title, detail, page, ledger, id}, grouped by kind.
    Q_PROPERTY(QVariantList results READ results NOTIFY resultsChanged)
public:
    static constexpr int kMaxPerKind = 5;
    static constexpr int kMaxLedgers = 10;
    explicit StackSearch(QObject *parent = nullptr);

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString query() const { return m_query; }
    void setQuery(const QString &query);
    bool busy() const;
    QVariantList results() const { return m_results; }

signals:
    void sessionChanged();
    void queryChanged();
    void busyChanged();
    void resultsChanged();
    void finished();

private:
    struct Hit {
        QString kind, title, detail, page, ledger, id;
    };
    void run();
    void searchService(const QString &text);
    void lookUp(const QString &text, const QStringList &ledgers);
    void add(const Hit &hit);
    void done();

    QPointer<Session> m_session;
    CallGroup *m_calls;
    QString m_query;
    QList<Hit> m_hits;
    QVariantList m_results;
};
