// Several transactions reverted at once from the transactions list: the rows checked in the list,
// a preview first of which reverts would overdraw (from the current balances: a revert moves each
// posting's amount back from its destination to its source, and a destination other than `world`
// left below zero for that asset is overdrawn), then one `_bulk` of REVERT_TRANSACTION elements
// with a result per transaction. Those that would overdraw are left out unless forced (the API's
// `force`), and one already reverted is never sent.
#pragma once

#include "core/CallGroup.h"
#include "core/Controller.h"
#include "ledger/TransactionsModel.h"

#include <QVariantList>

class BulkRevertController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString ledger READ ledger WRITE setLedger NOTIFY ledgerChanged)
    // The ids checked, in the order they were checked.
    Q_PROPERTY(QStringList selectedIds READ selectedIds NOTIFY selectionChanged)
    Q_PROPERTY(int selectedCount READ selectedCount NOTIFY selectionChanged)
    // Revert the ones that would overdraw too (the API's `force`).
    Q_PROPERTY(bool force READ force WRITE setForce NOTIFY itemsChanged)
    Q_PROPERTY(bool atEffectiveDate MEMBER m_atEffectiveDate NOTIFY itemsChanged)
    // One entry per selected transaction: {id, postings, state ("ready", "overdraws", "reverted",
    // "done", "failed", "skipped"), detail}. Filled by preview(), then by send().
    Q_PROPERTY(QVariantList items READ items NOTIFY itemsChanged)
    Q_PROPERTY(bool previewed READ previewed NOTIFY itemsChanged)
    Q_PROPERTY(int overdrawCount READ overdrawCount NOTIFY itemsChanged)
    Q_PROPERTY(int toSend READ toSend NOTIFY itemsChanged)
    Q_PROPERTY(int revertedCount READ revertedCount NOTIFY itemsChanged)
    Q_PROPERTY(int failedCount READ failedCount NOTIFY itemsChanged)
public:
    explicit BulkRevertController(QObject *parent = nullptr);
    bool busy() const override { return Controller::busy() || m_bulk->busy(); }

    QString ledger() const { return m_ledger; }
    void setLedger(const QString &ledger);
    QStringList selectedIds() const;
    int selectedCount() const { return int(m_selected.size()); }
    bool force() const { return m_force; }
    void setForce(bool force);
    QVariantList items() const;
    bool previewed() const { return m_previewed; }
    int overdrawCount() const { return count(State::Overdraws); }
    int toSend() const;
    int revertedCount() const { return count(State::Done); }
    int failedCount() const { return count(State::Failed); }

    // Checks or unchecks row `row` of `model` (the list's rows are read, not kept).
    Q_INVOKABLE void setSelected(TransactionsModel *model, int row, bool selected);
    Q_INVOKABLE bool isSelected(const QString &id) const;
    Q_INVOKABLE void clearSelection();
    // Reads the balances the reverts touch and says, per transaction, whether it would overdraw.
    Q_INVOKABLE void preview();
    // Sends the ready ones (and the overdrawing ones when forced) as one _bulk.
    Q_INVOKABLE void send();

signals:
    void ledgerChanged();
    void selectionChanged();
    void itemsChanged();
    void done();

private:
    enum class State { Unknown, Ready, Overdraws, AlreadyReverted, Done, Failed, Skipped };
    struct Item {
        TransactionRow tx;
        State state = State::Unknown;
        QString detail;
    };
    int count(State s) const;
    bool sendable(const Item &item) const;
    void classify(const QVariantList &balances);

    QString m_ledger;
    QList<Item> m_selected;
    bool m_force = false;
    bool m_atEffectiveDate = false;
    bool m_previewed = false;
    CallGroup *m_bulk;
};
