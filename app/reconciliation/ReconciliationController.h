// Reconciliation policies (a ledger query against a payments pool): create, delete, reconcile at
// chosen dates; the runs of a policy, and a run's figures per asset with the drift highlighted,
// drilled down to the ledger accounts the query selects and the pool's accounts, each with its
// balances at the run's dates. Amounts are exact text. Writes are refused on a read-only
// profile; deleting a policy asks production for its name.
#pragma once

#include "core/Controller.h"

#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class CallGroup;

class ReconciliationController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool loaded READ loaded NOTIFY stateChanged)
    // {id, name, ledger, query, pool, poolName, createdAt}
    Q_PROPERTY(QVariantList policies READ policies NOTIFY stateChanged)
    Q_PROPERTY(QVariantList pools READ pools NOTIFY stateChanged) // {id, name}
    Q_PROPERTY(QStringList ledgers READ ledgers NOTIFY stateChanged)
    Q_PROPERTY(QString policyId READ policyId NOTIFY stateChanged)
    Q_PROPERTY(QString policyName READ policyName NOTIFY stateChanged)
    // The chosen policy's runs, newest first: {id, status, ok, createdAt, atLedger, atPayments, driftText}
    Q_PROPERTY(QVariantList runs READ runs NOTIFY stateChanged)
    Q_PROPERTY(QString runId READ runId NOTIFY stateChanged)
    // The chosen run per asset: {asset, ledger, payments, drift, drifted}
    Q_PROPERTY(QVariantList figures READ figures NOTIFY stateChanged)
    Q_PROPERTY(QString runError READ runError NOTIFY stateChanged)
    // Behind the figures: {name, balances} per ledger account and per pool account.
    Q_PROPERTY(QVariantList ledgerAccounts READ ledgerAccounts NOTIFY stateChanged)
    Q_PROPERTY(QVariantList poolAccounts READ poolAccounts NOTIFY stateChanged)
    Q_PROPERTY(QString formError READ formError NOTIFY stateChanged)
public:
    explicit ReconciliationController(QObject *parent = nullptr);

    bool busy() const override;
    bool loaded() const { return m_loaded; }
    QVariantList policies() const { return m_policies; }
    QVariantList pools() const { return m_pools; }
    QStringList ledgers() const { return m_ledgers; }
    QString policyId() const { return m_policyId; }
    QString policyName() const;
    QVariantList runs() const { return m_runs; }
    QString runId() const { return m_runId; }
    QVariantList figures() const { return m_figures; }
    QString runError() const { return m_runError; }
    QVariantList ledgerAccounts() const { return m_ledgerAccounts; }
    QVariantList poolAccounts() const { return m_poolAccounts; }
    QString formError() const { return m_formError; }
    QString confirmationName() const override { return policyName(); }

    Q_INVOKABLE void load();
    Q_INVOKABLE void selectPolicy(const QString &id);
    Q_INVOKABLE void selectRun(const QString &id);
    // `query`: a ledger v2 query (JSON object), e.g. {"$match": {"address": "banks:"}}.
    Q_INVOKABLE void createPolicy(const QString &name, const QString &ledger, const QString &query,
                                  const QString &poolId);
    Q_INVOKABLE void deletePolicy();
    // Dates as RFC 3339; empty: now. On success reconciled(id), and that run is chosen.
    Q_INVOKABLE void reconcile(const QString &atLedger, const QString &atPayments);
    Q_INVOKABLE QString queryProblem(const QString &query) const;
    Q_INVOKABLE QString dateProblem(const QString &date) const;

signals:
    void stateChanged();
    void policyCreated(const QString &id);
    void policyDeleted(const QString &id);
    void reconciled(const QString &id, bool ok);

protected:
    void sessionChangedEvent() override;

private:
    void loadRuns(const QString &chooseRun);
    void loadDrillDown();
    QVariantMap policy(const QString &id) const;

    CallGroup *m_reads;
    CallGroup *m_details;
    bool m_loaded = false;
    QVariantList m_policies, m_pools, m_runs, m_figures, m_ledgerAccounts, m_poolAccounts;
    QStringList m_ledgers;
    QString m_policyId, m_runId, m_runError, m_formError;
    QList<QVariantMap> m_allRuns; // every run, with its policy id
};
