pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Shapes
import Formance.Desk

// A workflow drawn as a graph: the nodes FlowGraph (C++) laid out, the edges with Qt Quick Shapes,
// each edge's label (a wait's event, a delay's time) beside it. Drag to pan; Ctrl+wheel or the
// buttons zoom; "Fit" shows it all. `states` marks the stages an instance went through.
ColumnLayout {
    id: view
    property var stages: []
    property var states: []
    property real zoom: 1
    readonly property alias graph: graph
    // As plain JS arrays (qmllint 6.4 sees no array methods on a QVariantList).
    readonly property var edges: graph.edges
    spacing: Style.spaceXs

    function fit() {
        if (graph.width <= 0 || graph.height <= 0)
            return
        zoom = Math.max(0.25, Math.min(1, (flick.width - 2) / graph.width, (flick.height - 2) / graph.height))
    }
    function setZoom(z) { zoom = Math.max(0.25, Math.min(2, z)) }
    function kindColor(kind) {
        return kind === "send" ? Style.accent
             : kind === "wait_event" ? Style.warning
             : kind === "delay" ? Style.textMuted
             : kind === "update" ? Style.success : Style.danger
    }
    function stateColor(state) {
        return state === "done" ? Style.success
             : state === "running" ? Style.accent
             : state === "waiting" ? Style.warning
             : state === "failed" ? Style.danger : Style.border
    }
    function stateText(state) {
        return state === "done" ? qsTr("done")
             : state === "running" ? qsTr("running")
             : state === "waiting" ? qsTr("waiting")
             : state === "failed" ? qsTr("failed") : ""
    }

    FlowGraph {
        id: graph
        stages: view.stages
        states: view.states
        // As many columns as fit at 100 %; a bigger workflow scrolls down.
        columns: graph.columnsFor(Math.max(flick.width, 400))
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Style.spaceXs
        Label {
            Layout.fillWidth: true
            text: Style.counted(view.stages.length, qsTr("1 stage"), qsTr("%1 stages"))
            color: Style.textMuted
            font.pixelSize: Style.fontLabel
            elide: Text.ElideRight
        }
        ToolButton {
            text: "−"
            Accessible.name: qsTr("Zoom out")
            onClicked: view.setZoom(view.zoom / 1.25)
        }
        Label {
            //: The zoom level in percent (French: a narrow space before %).
            text: qsTr("%1%").arg(Math.round(view.zoom * 100))
            font.pixelSize: Style.fontLabel
            color: Style.textMuted
            Layout.preferredWidth: Math.round(44 * Style.fontScale) // "200 %" at any text size
            horizontalAlignment: Text.AlignHCenter
        }
        ToolButton {
            text: "+"
            Accessible.name: qsTr("Zoom in")
            onClicked: view.setZoom(view.zoom * 1.25)
        }
        ToolButton {
            text: qsTr("Fit")
            Accessible.name: qsTr("Fit the graph in view")
            onClicked: view.fit()
        }
    }

    Rectangle {
        Layout.fillWidth: true
        Layout.fillHeight: true
        color: Style.surfaceAlt
        border.color: Style.border
        radius: Style.radiusM
        clip: true

        Flickable {
            id: flick
            anchors.fill: parent
            anchors.margins: 1
            clip: true
            contentWidth: graph.width * view.zoom
            contentHeight: graph.height * view.zoom
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            ScrollBar.horizontal: ScrollBar {}

            WheelHandler {
                acceptedModifiers: Qt.ControlModifier
                onWheel: event => view.setZoom(view.zoom * (event.angleDelta.y > 0 ? 1.1 : 1 / 1.1))
            }

            Item {
                id: canvas
                width: graph.width
                height: graph.height
                scale: view.zoom
                transformOrigin: Item.TopLeft

                Shape {
                    anchors.fill: parent
                    // Edges an instance went along, then the others, then the arrow heads.
                    ShapePath {
                        strokeColor: Style.borderStrong
                        strokeWidth: 1.5
                        fillColor: "transparent"
                        PathMultiline {
                            paths: view.edges.filter(e => !e.reached).map(e => e.path.map(p => Qt.point(p.x, p.y)))
                        }
                    }
                    ShapePath {
                        strokeColor: Style.success
                        strokeWidth: 2
                        fillColor: "transparent"
                        PathMultiline {
                            paths: view.edges.filter(e => e.reached).map(e => e.path.map(p => Qt.point(p.x, p.y)))
                        }
                    }
                    ShapePath {
                        strokeColor: Style.borderStrong
                        strokeWidth: 1
                        fillColor: Style.borderStrong
                        PathMultiline {
                            paths: view.edges.map(e => e.arrow.map(p => Qt.point(p.x, p.y)))
                        }
                    }
                }

                Repeater {
                    model: graph.edges
                    delegate: Label {
                        required property var modelData
                        x: modelData.labelX
                        y: modelData.labelY
                        width: modelData.labelWidth
                        height: modelData.labelHeight
                        visible: modelData.label !== ""
                        text: modelData.label
                        elide: Text.ElideRight
                        verticalAlignment: Text.AlignVCenter
                        horizontalAlignment: Text.AlignHCenter
                        font.pixelSize: Style.fontCaption
                        color: Style.textMuted
                    }
                }

                Repeater {
                    model: graph.nodes
                    delegate: Rectangle {
                        id: node
                        required property var modelData
                        objectName: "stage-" + modelData.index
                        x: modelData.x
                        y: modelData.y
                        width: modelData.width
                        height: modelData.height
                        radius: Style.radiusM
                        color: modelData.state === "running" || modelData.state === "waiting" ? Style.selection : Style.surface
                        border.color: view.stateColor(modelData.state)
                        border.width: modelData.state !== "" ? 2 : 1
                        Rectangle {
                            width: 4
                            height: parent.height - 2 * parent.radius
                            y: parent.radius
                            x: 1
                            color: view.kindColor(node.modelData.kind)
                        }
                        Label {
                            id: titleLabel
                            x: Style.spaceM
                            y: 6
                            width: parent.width - 2 * Style.spaceM - stateLabel.width - Style.spaceXs
                            text: (node.modelData.index + 1) + ". " + node.modelData.title
                            font.weight: Font.DemiBold
                            elide: Text.ElideRight
                            color: Style.text
                        }
                        Label {
                            id: stateLabel
                            anchors.right: parent.right
                            anchors.rightMargin: Style.spaceM
                            y: 8
                            text: view.stateText(node.modelData.state)
                            visible: text !== ""
                            width: visible ? implicitWidth : 0
                            font.pixelSize: Style.fontCaption
                            color: view.stateColor(node.modelData.state)
                        }
                        Column {
                            id: linesColumn
                            x: Style.spaceM
                            y: 30
                            width: parent.width - 2 * Style.spaceM
                            Repeater {
                                model: node.modelData.lines
                                delegate: Label {
                                    required property string modelData
                                    width: linesColumn.width
                                    height: 18
                                    text: modelData
                                    elide: Text.ElideMiddle
                                    font.family: Style.monoFamily
                                    font.pixelSize: Style.fontCaption
                                    color: Style.textMuted
                                    verticalAlignment: Text.AlignVCenter
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
