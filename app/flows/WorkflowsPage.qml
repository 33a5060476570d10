pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// The stack's workflows (orchestration): name, stages, creation and how many instances each has
// by status. A row opens the workflow drawn as a graph, with its instances; "New workflow…"
// opens the editor.
Pane {
    id: page
    readonly property int rowCount: workflows.count
    readonly property bool loading: workflows.loading
    signal editRequested(string configText)
    signal instanceRequested(string instanceId)
    function refresh() { workflows.reload() }
    function findRow(role, value) { return workflows.find(role, value) }
    function openRow(row) {
        list.positionAt(row)
        detail.show(workflows.idAt(row))
    }
    function openWorkflow(id) {
        detail.show(id)
    }
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    WorkflowsModel { id: workflows; session: Session }
    WorkflowDrawer {
        id: detail
        width: Math.min(page.width * 0.85, 980)
        onChanged: workflows.reload()
        onEditRequested: text => {
            detail.close()
            page.editRequested(text)
        }
        onInstanceRequested: id => {
            detail.close()
            page.instanceRequested(id)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceM
        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Workflows")
            subtitle: qsTr("Stages the stack runs: sends, waits for events, delays")
            Button { text: qsTr("Refresh"); icon.name: Style.icons.refresh; onClicked: workflows.reload() }
            Button {
                text: qsTr("New workflow…")
                icon.name: Style.icons.add
                enabled: Session.connected && !Session.readOnly
                onClicked: page.editRequested("")
            }
        }
        ListPage {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            listKey: "workflows"
            model: workflows
            selectedRow: detail.visible ? workflows.find("workflowId", detail.workflowId) : -1
            emptyTitle: !Session.connected ? qsTr("Not connected.") : qsTr("No workflows on this stack.")
            emptyHint: Session.connected ? qsTr("Create one with “New workflow…”.") : ""
            countText: Style.counted(workflows.count, qsTr("1 workflow"), qsTr("%1 workflows"))
            columns: [
                { title: qsTr("Name"), role: "name", width: 210, strong: true },
                { title: qsTr("Stages"), role: "stagesText", fill: true, minWidth: 180, mono: true, muted: true },
                { title: qsTr("Instances"), role: "countsText", width: 230 },
                { title: qsTr("Created"), role: "createdAt", width: 150 },
                { title: qsTr("ID"), role: "workflowId", width: 110, mono: true, muted: true, elide: Text.ElideMiddle }
            ]
            onActivated: row => detail.show(workflows.idAt(row))
        }
    }
}
