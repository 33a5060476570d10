pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// The stack's triggers: which event starts which workflow, with what filter and variables. A row
// opens the trigger (test against a sample event, occurrences, delete); "New trigger…" makes one.
Pane {
    id: page
    readonly property int rowCount: triggers.count
    readonly property bool loading: triggers.loading
    signal instanceRequested(string instanceId)
    function refresh() { triggers.reload() }
    function findRow(role, value) { return triggers.find(role, value) }
    function openRow(row) {
        list.positionAt(row)
        detail.show(triggers.idAt(row))
    }
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    TriggersModel { id: triggers; session: Session }
    WorkflowsModel { id: workflowChoices; session: Session }
    TriggerDrawer {
        id: detail
        width: Math.min(page.width * 0.85, 900)
        onChanged: triggers.reload()
        onInstanceRequested: id => {
            detail.close()
            page.instanceRequested(id)
        }
    }
    NewTriggerDialog {
        id: createDialog
        workflows: workflowChoices
        onDone: id => {
            triggers.reload()
            if (id !== "")
                detail.show(id)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceM
        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Triggers")
            subtitle: qsTr("Events that start workflows")
            Button { text: qsTr("Refresh"); icon.name: Style.icons.refresh; onClicked: triggers.reload() }
            Button {
                text: qsTr("New trigger…")
                icon.name: Style.icons.add
                enabled: Session.connected && !Session.readOnly
                onClicked: createDialog.ask()
            }
        }
        ListPage {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            listKey: "triggers"
            model: triggers
            selectedRow: detail.visible ? triggers.find("triggerId", detail.triggerId) : -1
            emptyTitle: !Session.connected ? qsTr("Not connected.") : qsTr("No triggers on this stack.")
            emptyHint: Session.connected ? qsTr("Create one with “New trigger…”.") : ""
            countText: Style.counted(triggers.count, qsTr("1 trigger"), qsTr("%1 triggers"))
            columns: [
                { title: qsTr("Name"), role: "name", width: 170, strong: true },
                { title: qsTr("Event"), role: "event", width: 260, mono: true },
                { title: qsTr("Starts"), role: "workflowName", width: 160 },
                { title: qsTr("Filter"), role: "filter", fill: true, minWidth: 160, mono: true, muted: true },
                { title: qsTr("Created"), role: "createdAt", width: 150 }
            ]
            onActivated: row => detail.show(triggers.idAt(row))
        }
    }
}
