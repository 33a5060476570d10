// The stack at a glance, the first page after connecting: every ledger with its transaction and
// account counts, the payments connectors and their health (tasks in error), and the recent
// activity across ledgers (latest transactions and log entries). The services and their versions
// come from the Session (getVersions), failing webhooks from the inbox. Many small reads, shown
// together when the last one answered.
#pragma once

#include "core/Controller.h"

#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class CallGroup;

class OverviewController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool loaded READ loaded NOTIFY stateChanged)
    // {name, transactions, accounts} (exact counts as text) per ledger.
    Q_PROPERTY(QVariantList ledgers READ ledgers NOTIFY stateChanged)
    // {id, name, provider, ok, health} per connector.
    Q_PROPERTY(QVariantList connectors READ connectors NOTIFY stateChanged)
    // {ledger, id, reference, summary, time} newest first, across ledgers.
    Q_PROPERTY(QVariantList transactions READ transactions NOTIFY stateChanged)
    // {ledger, id, type, time} newest first, across ledgers.
    Q_PROPERTY(QVariantList logs READ logs NOTIFY stateChanged)
public:
    static constexpr int kRecent = 8;
    explicit OverviewController(QObject *parent = nullptr);

    bool busy() const override;
    bool loaded() const { return m_loaded; }
    QVariantList ledgers() const { return m_ledgers; }
    QVariantList connectors() const { return m_connectors; }
    QVariantList transactions() const { return m_transactions; }
    QVariantList logs() const { return m_logs; }

    Q_INVOKABLE void load();

signals:
    void stateChanged();

protected:
    void sessionChangedEvent() override;

private:
    struct Recent {
        qint64 at; // ms since the epoch, for the order
        QVariantMap row;
    };
    void loadLedgers();
    void loadConnectors();
    void done();

    CallGroup *m_parts;
    bool m_loaded = false;
    QStringList m_errors;
    QVariantList m_ledgers, m_connectors, m_transactions, m_logs;
    QList<QVariantMap> m_nextLedgers, m_nextConnectors;
    QList<Recent> m_nextTransactions, m_nextLogs;
};
