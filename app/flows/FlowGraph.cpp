#include "FlowGraph.h"

#include <QtMath>

#include <algorithm>

qreal FlowLayout::nodeHeight(const FlowStage &stage) {
    return kTitleHeight + kLineHeight * qMax<qsizetype>(1, stage.lines.size()) + kPadding;
}

qreal FlowLayout::maxLabelWidth(bool horizontal) {
    // Horizontal: inside the gap between two nodes; vertical: right of the line, within the column.
    return horizontal ? kGapX - 12 : kNodeWidth / 2 + kGapX / 2 - 12;
}

int FlowLayout::columnsFor(qreal width) {
    const qreal usable = width - 2 * kMargin + kGapX;
    return qMax(1, int(usable / (kNodeWidth + kGapX)));
}

FlowLayout FlowLayout::compute(const QList<FlowStage> &stages, int columns) {
    FlowLayout out;
    columns = qMax(1, columns);
    const int count = int(stages.size());
    const int rows = (count + columns - 1) / columns;
    // Each row is as tall as its tallest node; nodes are top-aligned so edges can run straight.
    QList<qreal> rowTop(rows + 1, kMargin);
    for (int r = 0; r < rows; ++r) {
        qreal tallest = 0;
        for (int i = r * columns; i < qMin(count, (r + 1) * columns); ++i)
            tallest = qMax(tallest, nodeHeight(stages[i]));
        rowTop[r + 1] = rowTop[r] + tallest + kGapY;
    }
    auto columnOf = [columns](int i) {
        const int r = i / columns, c = i % columns;
        return r % 2 == 0 ? c : columns - 1 - c; // odd rows run right to left
    };
    for (int i = 0; i < count; ++i) {
        const int c = columnOf(i);
        const qreal x = kMargin + c * (kNodeWidth + kGapX);
        out.nodes.append({i, QRectF(x, rowTop[i / columns], kNodeWidth, nodeHeight(stages[i]))});
    }
    auto labelWidth = [](const QString &label, bool horizontal) {
        return qMin(maxLabelWidth(horizontal), qCeil(label.size() * kCharWidth) + 10.0);
    };
    for (int i = 0; i + 1 < count; ++i) {
        const QRectF a = out.nodes[i].rect, b = out.nodes[i + 1].rect;
        Edge e;
        e.from = i;
        e.to = i + 1;
        e.label = stages[i].edgeLabel;
        if (i / columns == (i + 1) / columns) {
            // Same row: along the title's line, from one side to the other.
            const qreal y = a.top() + kTitleHeight / 2;
            const bool rightward = b.left() > a.left();
            const qreal x1 = rightward ? a.right() : a.left();
            const qreal x2 = rightward ? b.left() : b.right();
            e.points = {QPointF(x1, y), QPointF(x2, y)};
            const qreal w = labelWidth(e.label, true);
            const qreal mid = (x1 + x2) / 2;
            e.labelRect = QRectF(mid - w / 2, y - kLabelHeight - 3, w, kLabelHeight);
        } else {
            // Next row, same column (the rows snake): straight down.
            const qreal x = a.center().x();
            e.points = {QPointF(x, a.bottom()), QPointF(x, b.top())};
            const qreal w = labelWidth(e.label, false);
            const qreal mid = (a.bottom() + b.top()) / 2;
            e.labelRect = QRectF(x + 8, mid - kLabelHeight / 2, w, kLabelHeight);
        }
        out.edges.append(e);
    }
    const int usedColumns = qMin(columns, qMax(1, count));
    // A label beside a vertical edge of the last column reaches past it by less than half a gap.
    out.size = QSizeF(2 * kMargin + usedColumns * kNodeWidth + (usedColumns - 1) * kGapX + kGapX / 2,
                      rows > 0 ? rowTop[rows] - kGapY + kMargin : 2 * kMargin);
    return out;
}

FlowGraph::FlowGraph(QObject *parent)
    : QObject(parent) {}

void FlowGraph::setStages(const QStringList &stages) {
    if (stages == m_stages)
        return;
    m_stages = stages;
    m_parsed.clear();
    for (const QString &s : stages)
        m_parsed.append(FlowStage::fromJson(s.toUtf8()));
    emit stagesChanged();
    relayout();
}

void FlowGraph::setStates(const QStringList &states) {
    if (states == m_states)
        return;
    m_states = states;
    emit statesChanged();
    relayout();
}

void FlowGraph::setColumns(int columns) {
    columns = qMax(1, columns);
    if (columns == m_columns)
        return;
    m_columns = columns;
    emit columnsChanged();
    relayout();
}

void FlowGraph::relayout() {
    m_layout = FlowLayout::compute(m_parsed, m_columns);
    m_nodes.clear();
    m_edges.clear();
    for (const auto &n : m_layout.nodes) {
        const FlowStage &s = m_parsed[n.stage];
        m_nodes.append(QVariantMap{{QStringLiteral("index"), n.stage},
                                   {QStringLiteral("x"), n.rect.x()},
                                   {QStringLiteral("y"), n.rect.y()},
                                   {QStringLiteral("width"), n.rect.width()},
                                   {QStringLiteral("height"), n.rect.height()},
                                   {QStringLiteral("kind"), s.kind},
                                   {QStringLiteral("title"), s.title},
                                   {QStringLiteral("lines"), s.lines},
                                   {QStringLiteral("state"), m_states.value(n.stage)}});
    }
    auto point = [](const QPointF &p) {
        return QVariantMap{{QStringLiteral("x"), p.x()}, {QStringLiteral("y"), p.y()}};
    };
    for (const auto &e : m_layout.edges) {
        QVariantList path;
        for (const QPointF &p : e.points)
            path.append(point(p));
        // An arrow head at the end, pointing along the last segment.
        const QPointF end = e.points.last(), before = e.points.at(e.points.size() - 2);
        QPointF dir = end - before;
        const qreal len = std::hypot(dir.x(), dir.y());
        if (len > 0)
            dir /= len;
        const QPointF normal(-dir.y(), dir.x());
        const QPointF base = end - dir * 9;
        const QVariantList arrow{point(base + normal * 5), point(end), point(base - normal * 5)};
        const bool reached = m_states.value(e.to).size() > 0;
        m_edges.append(QVariantMap{{QStringLiteral("path"), path},
                                   {QStringLiteral("arrow"), arrow},
                                   {QStringLiteral("reached"), reached},
                                   {QStringLiteral("label"), e.label},
                                   {QStringLiteral("labelX"), e.labelRect.x()},
                                   {QStringLiteral("labelY"), e.labelRect.y()},
                                   {QStringLiteral("labelWidth"), e.labelRect.width()},
                                   {QStringLiteral("labelHeight"), e.labelRect.height()}});
    }
    emit layoutChanged();
}
