// A workflow drawn as a graph, laid out here in C++ so the geometry is testable: a node per stage,
// placed in rows that snake (left to right, then right to left), so a 50-stage workflow stays
// compact; an edge from each stage to the next, horizontal within a row and vertical between
// rows, with its label (the branch of a wait or a delay: "on “approved”", "after 72h") in the gap
// beside it, never over a node. QML draws what this gives (Qt Quick Shapes for the edges).
#pragma once

#include "FlowStage.h"

#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

struct FlowLayout {
    struct Node {
        int stage = 0;
        QRectF rect;
    };
    struct Edge {
        int from = 0, to = 0;
        QList<QPointF> points; // polyline, first point on `from`, last on `to`
        QString label;
        QRectF labelRect; // empty when the edge has no label
    };
    QList<Node> nodes;
    QList<Edge> edges;
    QSizeF size;

    static constexpr qreal kNodeWidth = 236;
    static constexpr qreal kTitleHeight = 30;
    static constexpr qreal kLineHeight = 18;
    static constexpr qreal kPadding = 10;
    static constexpr qreal kGapX = 112;
    static constexpr qreal kGapY = 60;
    static constexpr qreal kMargin = 20;
    static constexpr qreal kLabelHeight = 18;
    static constexpr qreal kCharWidth = 6.6; // caption font, a generous average

    static qreal nodeHeight(const FlowStage &stage);
    // `columns` nodes a row (at least 1).
    static FlowLayout compute(const QList<FlowStage> &stages, int columns);
    // How many columns fit in `width` pixels (at least 1).
    static int columnsFor(qreal width);
    // The width a label may take in a horizontal gap, and in a vertical one.
    static qreal maxLabelWidth(bool horizontal);
};

class FlowGraph : public QObject {
    Q_OBJECT
    QML_ELEMENT
    // Each stage's JSON (the workflow config's stages).
    Q_PROPERTY(QStringList stages READ stages WRITE setStages NOTIFY stagesChanged)
    // Per stage: "done", "running", "waiting", "failed", or "" (not reached); may be shorter.
    Q_PROPERTY(QStringList states READ states WRITE setStates NOTIFY statesChanged)
    Q_PROPERTY(int columns READ columns WRITE setColumns NOTIFY columnsChanged)
    // [{index, x, y, width, height, kind, title, lines, state}]
    Q_PROPERTY(QVariantList nodes READ nodes NOTIFY layoutChanged)
    // [{path: [{x, y}…], arrow: [{x, y}×3], label, labelX, labelY, labelWidth, labelHeight}]
    Q_PROPERTY(QVariantList edges READ edges NOTIFY layoutChanged)
    Q_PROPERTY(qreal width READ width NOTIFY layoutChanged)
    Q_PROPERTY(qreal height READ height NOTIFY layoutChanged)
public:
    explicit FlowGraph(QObject *parent = nullptr);

    QStringList stages() const { return m_stages; }
    void setStages(const QStringList &stages);
    QStringList states() const { return m_states; }
    void setStates(const QStringList &states);
    int columns() const { return m_columns; }
    void setColumns(int columns);
    QVariantList nodes() const { return m_nodes; }
    QVariantList edges() const { return m_edges; }
    qreal width() const { return m_layout.size.width(); }
    qreal height() const { return m_layout.size.height(); }
    const FlowLayout &layout() const { return m_layout; }

    Q_INVOKABLE int columnsFor(qreal width) const { return FlowLayout::columnsFor(width); }

signals:
    void stagesChanged();
    void statesChanged();
    void columnsChanged();
    void layoutChanged();

private:
    void relayout();

    QStringList m_stages;
    QStringList m_states;
    int m_columns = 4;
    QList<FlowStage> m_parsed;
    FlowLayout m_layout;
    QVariantList m_nodes;
    QVariantList m_edges;
};
