// The accounts an AccountsModel has loaded, as a tree by ":" segments: "users:0001" sits under
// "users". Leaves are accounts; a node can be both ("platform" and "platform:fees").
#pragma once

#include "AccountsModel.h"

#include <QAbstractItemModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <vector>

class AccountTreeModel : public QAbstractItemModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(AccountsModel *source READ source WRITE setSource NOTIFY sourceChanged)
public:
    enum Role { SegmentRole = Qt::UserRole + 1, PathRole, IsAccountRole, AccountCountRole };
    explicit AccountTreeModel(QObject *parent = nullptr);
    ~AccountTreeModel() override;

    AccountsModel *source() const { return m_source; }
    void setSource(AccountsModel *source);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void sourceChanged();

private:
    struct Node {
        QString segment;
        QString path;
        bool isAccount = false;
        int accounts = 0; // accounts at or below this node
        Node *parent = nullptr;
        std::vector<std::unique_ptr<Node>> children;
        Node *child(const QString &segment);
        int row() const;
    };
    void rebuild();
    Node *nodeAt(const QModelIndex &index) const;

    QPointer<AccountsModel> m_source;
    Node m_root;
};
