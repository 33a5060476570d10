// The flows lists: workflows (with how many instances each has by status), instances of every
// workflow (status filter), triggers, and a trigger's occurrences. Each reads orchestration v2
// or v1 as Flows::apiFor says; v2 pages follow the cursor, v1 answers in one list.
#pragma once

#include "FlowsApi.h"
#include "core/PagedListModel.h"

#include <QHash>
#include <QtQml/qqmlregistration.h>

class CallHolder;

class WorkflowsModel : public PagedListModel {
    Q_OBJECT
    QML_ELEMENT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        StageCountRole,
        StagesTextRole,
        CreatedAtRole,
        RunningRole,
        WaitingRole,
        SucceededRole,
        FailedRole,
        CanceledRole,
        CountsTextRole,
        StagesRole
    };
    explicit WorkflowsModel(QObject *parent = nullptr);

    int count() const override { return int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    Q_INVOKABLE QString idAt(int row) const { return row >= 0 && row < count() ? m_rows[row].id : QString(); }
    const Flows::WorkflowInfo &workflow(int row) const { return m_rows.at(row); }

protected:
    void requestPage(const std::optional<QString> &cursor) override;
    void clearRows() override {
        m_rows.clear();
        m_counts.clear();
    }

private:
    void loadCounts();
    QList<Flows::WorkflowInfo> m_rows;
    QHash<QString, QHash<QString, int>> m_counts; // workflow → status → instances
    CallHolder *m_countCall;
};

class InstancesModel : public PagedListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString workflowFilter READ workflowFilter WRITE setWorkflowFilter NOTIFY filterChanged)
    // "", "running", "waiting", "succeeded", "failed", "canceled"
    Q_PROPERTY(QString statusFilter READ statusFilter WRITE setStatusFilter NOTIFY filterChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        WorkflowIdRole,
        WorkflowNameRole,
        StatusRole,
        StatusTextRole,
        DetailRole,
        CreatedAtRole,
        EndedAtRole,
        StageTextRole
    };
    explicit InstancesModel(QObject *parent = nullptr);

    int count() const override { return int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    Q_INVOKABLE QString idAt(int row) const {
        return row >= 0 && row < count() ? m_rows[row].info.id : QString();
    }
    Q_INVOKABLE QString statusAt(int row) const {
        return row >= 0 && row < count() ? m_rows[row].state.status : QString();
    }
    QString workflowFilter() const { return m_workflowFilter; }
    void setWorkflowFilter(const QString &id);
    QString statusFilter() const { return m_statusFilter; }
    void setStatusFilter(const QString &status);
    // The status in words ("Waiting for an event").
    Q_INVOKABLE static QString statusText(const QString &status);

signals:
    void filterChanged();

protected:
    void requestPage(const std::optional<QString> &cursor) override;
    void clearRows() override { m_rows.clear(); }

private:
    struct Row {
        Flows::InstanceInfo info;
        Flows::InstanceState state;
    };
    template <class Body> void appendInstances(const Body &body);
    void requestInstances(const std::optional<QString> &cursor);
    QList<Row> m_rows;
    QHash<QString, Flows::WorkflowInfo> m_workflows;
    QString m_workflowFilter, m_statusFilter;
};

class TriggersModel : public PagedListModel {
    Q_OBJECT
    QML_ELEMENT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        EventRole,
        WorkflowIdRole,
        WorkflowNameRole,
        FilterRole,
        VarsTextRole,
        CreatedAtRole
    };
    explicit TriggersModel(QObject *parent = nullptr);

    int count() const override { return int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    Q_INVOKABLE QString idAt(int row) const { return row >= 0 && row < count() ? m_rows[row].id : QString(); }

protected:
    void requestPage(const std::optional<QString> &cursor) override;
    void clearRows() override { m_rows.clear(); }

private:
    void requestTriggers(const std::optional<QString> &cursor);
    QList<Flows::TriggerInfo> m_rows;
    QHash<QString, QString> m_workflowNames;
};

class OccurrencesModel : public PagedListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString triggerId READ triggerId WRITE setTriggerId NOTIFY triggerIdChanged)
public:
    enum Role { DateRole = Qt::UserRole + 1, InstanceIdRole, StatusRole, ErrorRole, EventRole };
    explicit OccurrencesModel(QObject *parent = nullptr);

    int count() const override { return int(m_rows.size()); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    QString triggerId() const { return m_triggerId; }
    void setTriggerId(const QString &id);
    Q_INVOKABLE QString instanceAt(int row) const {
        return row >= 0 && row < count() ? m_rows[row].instanceId : QString();
    }

signals:
    void triggerIdChanged();

protected:
    void requestPage(const std::optional<QString> &cursor) override;
    void clearRows() override { m_rows.clear(); }
    bool ready() const override;

private:
    struct Row {
        Formance::Timestamp date;
        QString instanceId, status, error, event;
    };
    QList<Row> m_rows;
    QString m_triggerId;
};
