// What needs an operator across the stack, as one list: webhook configs whose test delivery
// fails, transfer initiations waiting for approval or failed, connector tasks in error, workflow
// instances failed or waiting for an event, reconciliations that are not OK. Each item names the
// page that resolves it. Refreshed in the background at a bounded rate while `active` (the window
// is visible), never faster than kMinInterval, and never twice at once.
//
// The webhooks API keeps no history of deliveries a client can read, so an active config's health
// is what its test delivery says (testConfig): probed at most once per probe interval per config,
// and not at all on a read-only profile (a test sends an event). Items resolved on the stack
// (approved, retried, a later OK run, a paused config) leave the list at the next refresh.
#pragma once

#include "core/Session.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class CallGroup;

struct InboxItem {
    QString kind;     // webhook, transfer, task, instance, reconciliation
    QString title;    // what it is (an endpoint, a reference …)
    QString detail;   // why it is here
    QString page;     // the page key that resolves it
    QString targetId; // the id of the thing on that page
    QDateTime at;     // when it happened, for the order (newest first)
};

class InboxModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    // Whether background refreshes run (bound to the window being visible and not minimized).
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    // Milliseconds between background refreshes, clamped to [kMinInterval, kMaxInterval].
    Q_PROPERTY(int interval READ interval WRITE setInterval NOTIFY intervalChanged)
    Q_PROPERTY(bool timerRunning READ timerRunning NOTIFY timerRunningChanged)
    Q_PROPERTY(QString refreshedAt READ refreshedAt NOTIFY countChanged)
    // The rows as maps {kind, kindTitle, title, detail, page, targetId, time}, for summaries.
    Q_PROPERTY(QVariantList items READ items NOTIFY countChanged)
public:
    static constexpr int kMinInterval = 15000;
    static constexpr int kMaxInterval = 3600000;
    static constexpr int kDefaultInterval = 60000;

    enum Role {
        KindRole = Qt::UserRole + 1,
        KindTitleRole,
        TitleRole,
        DetailRole,
        PageRole,
        TargetIdRole,
        TimeRole
    };

    explicit InboxModel(QObject *parent = nullptr);
    ~InboxModel() override;

    Session *session() const { return m_session; }
    void setSession(Session *session);
    int count() const { return int(m_rows.size()); }
    bool loading() const;
    QString error() const { return m_error; }
    bool active() const { return m_active; }
    void setActive(bool active);
    int interval() const { return m_timer.interval(); }
    void setInterval(int ms);
    bool timerRunning() const { return m_timer.isActive(); }
    QString refreshedAt() const;
    QVariantList items() const;
    // How long a webhook probe's answer is kept (tests shorten it).
    void setProbeInterval(int ms) { m_probeInterval = ms; }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : count(); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    const InboxItem &row(int i) const { return m_rows.at(i); }

    // Reads everything again now (a refresh in flight is kept: never two at once).
    Q_INVOKABLE void refresh();
    // Forgets the webhook probes, so the next refresh tests every active config again.
    Q_INVOKABLE void reprobe() { m_probes.clear(); }
    Q_INVOKABLE QVariantMap get(int row) const;
    static QString kindTitle(const QString &kind);

signals:
    void sessionChanged();
    void countChanged();
    void loadingChanged();
    void errorChanged();
    void activeChanged();
    void intervalChanged();
    void timerRunningChanged();
    void refreshed();

private:
    struct Probe {
        QDateTime at;
        bool ok = true;
        QString summary;
    };
    void clientChanged();
    void updateTimer();
    void addPart(const QString &service, const QString &error);
    void loadWebhooks();
    void loadTransfers();
    void loadTasks();
    void loadInstances();
    void loadReconciliations();
    void loadRuns(const QHash<QString, QString> &policyNames);
    void done();

    QPointer<Session> m_session;
    CallGroup *m_parts;
    QTimer m_timer;
    bool m_active = false;
    int m_probeInterval = 10 * 60 * 1000;
    QHash<QString, Probe> m_probes;
    QList<InboxItem> m_rows;
    QList<InboxItem> m_next;
    QStringList m_partErrors;
    QString m_error;
    QDateTime m_refreshedAt;
};
