#include "AccountTreeModel.h"

AccountTreeModel::AccountTreeModel(QObject *parent)
    : QAbstractItemModel(parent) {}

AccountTreeModel::~AccountTreeModel() = default;

AccountTreeModel::Node *AccountTreeModel::Node::child(const QString &name) {
    // Children stay sorted by segment, as the ledger sorts addresses.
    auto it =
        std::lower_bound(children.begin(), children.end(), name,
                         [](const std::unique_ptr<Node> &n, const QString &s) { return n->segment < s; });
    if (it != children.end() && (*it)->segment == name)
        return it->get();
    auto node = std::make_unique<Node>();
    node->segment = name;
    node->path = path.isEmpty() ? name : path + u':' + name;
    node->parent = this;
    return children.insert(it, std::move(node))->get();
}

int AccountTreeModel::Node::row() const {
    if (!parent)
        return 0;
    for (size_t i = 0; i < parent->children.size(); ++i)
        if (parent->children[i].get() == this)
            return int(i);
    return 0;
}

void AccountTreeModel::setSource(AccountsModel *source) {
    if (m_source == source)
        return;
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    if (m_source) {
        connect(m_source, &QAbstractItemModel::rowsInserted, this, &AccountTreeModel::rebuild);
        connect(m_source, &QAbstractItemModel::modelReset, this, &AccountTreeModel::rebuild);
    }
    emit sourceChanged();
    rebuild();
}

void AccountTreeModel::rebuild() {
    beginResetModel();
    m_root.children.clear();
    m_root.accounts = 0;
    if (m_source) {
        for (int i = 0; i < m_source->rowCount(); ++i) {
            Node *node = &m_root;
            ++node->accounts;
            for (const QString &segment : m_source->row(i).address.split(u':')) {
                node = node->child(segment);
                ++node->accounts;
            }
            node->isAccount = true;
        }
    }
    endResetModel();
}

AccountTreeModel::Node *AccountTreeModel::nodeAt(const QModelIndex &index) const {
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : const_cast<Node *>(&m_root);
}

QModelIndex AccountTreeModel::index(int row, int column, const QModelIndex &parent) const {
    const Node *p = nodeAt(parent);
    if (column != 0 || row < 0 || row >= int(p->children.size()))
        return {};
    return createIndex(row, 0, p->children[size_t(row)].get());
}

QModelIndex AccountTreeModel::parent(const QModelIndex &child) const {
    if (!child.isValid())
        return {};
    const Node *p = nodeAt(child)->parent;
    if (!p || p == &m_root)
        return {};
    return createIndex(p->row(), 0, const_cast<Node *>(p));
}

int AccountTreeModel::rowCount(const QModelIndex &parent) const {
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeAt(parent)->children.size());
}

int AccountTreeModel::columnCount(const QModelIndex &) const {
    return 1;
}

QVariant AccountTreeModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *n = nodeAt(index);
    switch (role) {
    case Qt::DisplayRole:
    case SegmentRole:
        return n->segment;
    case PathRole:
        return n->path;
    case IsAccountRole:
        return n->isAccount;
    case AccountCountRole:
        return n->accounts;
    }
    return {};
}

QHash<int, QByteArray> AccountTreeModel::roleNames() const {
    return {{Qt::DisplayRole, "display"},
            {SegmentRole, "segment"},
            {PathRole, "path"},
            {IsAccountRole, "isAccount"},
            {AccountCountRole, "accountCount"}};
}
