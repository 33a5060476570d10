pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// Instances of every workflow, newest first, with their status (running, waiting for an event,
// succeeded, failed, canceled) and where a running one is; filtered by status. A row opens the
// instance's timeline.
Pane {
    id: page
    readonly property int rowCount: instances.count
    readonly property bool loading: instances.loading
    function refresh() { instances.reload() }
    function findRow(role, value) { return instances.find(role, value) }
    function openRow(row) {
        list.positionAt(row)
        detail.show(instances.idAt(row))
    }
    function openInstance(id) {
        detail.show(id)
    }
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    InstancesModel { id: instances; session: Session }
    InstanceDrawer {
        id: detail
        width: Math.min(page.width * 0.85, 980)
        onChanged: instances.reload()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceM
        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Instances")
            subtitle: qsTr("Every run of every workflow")
            ComboBox {
                id: statusBox
                Layout.preferredWidth: 210
                Accessible.name: qsTr("Status")
                textRole: "text"
                valueRole: "value"
                model: [
                    { value: "", text: qsTr("Any status") },
                    { value: "running", text: qsTr("Running") },
                    { value: "waiting", text: qsTr("Waiting for an event") },
                    { value: "succeeded", text: qsTr("Succeeded") },
                    { value: "failed", text: qsTr("Failed") },
                    { value: "canceled", text: qsTr("Canceled") }
                ]
                onActivated: instances.statusFilter = currentValue
            }
            Button { text: qsTr("Refresh"); icon.name: Style.icons.refresh; onClicked: instances.reload() }
        }
        ListPage {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            listKey: "instances"
            model: instances
            selectedRow: detail.visible ? instances.find("instanceId", detail.instanceId) : -1
            emptyTitle: !Session.connected ? qsTr("Not connected.")
                      : instances.statusFilter !== "" ? qsTr("No instance is “%1”.").arg(statusBox.currentText) : qsTr("No workflow ran on this stack yet.")
            countText: Style.counted(instances.count, qsTr("1 instance"), qsTr("%1 instances"))
            columns: [
                { title: qsTr("Status"), role: "statusText", width: 160, strong: true,
                  colorFor: row => row.status === "succeeded" ? Style.success
                                 : row.status === "failed" ? Style.danger
                                 : row.status === "waiting" ? Style.warning
                                 : row.status === "running" ? Style.accent : Style.textMuted },
                { title: qsTr("Workflow"), role: "workflowName", width: 190 },
                { title: qsTr("Where"), role: "detail", fill: true, minWidth: 160, muted: true },
                { title: qsTr("Stages"), role: "stageText", width: 64 },
                { title: qsTr("Started"), role: "createdAt", width: 150 },
                { title: qsTr("ID"), role: "instanceId", width: 110, mono: true, muted: true, elide: Text.ElideMiddle }
            ]
            onActivated: row => detail.show(instances.idAt(row))
        }
    }
}
