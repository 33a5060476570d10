pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// One workflow: its stages drawn as a graph (pan and zoom), its instances under it, and the
// actions: run (with a form for the variables its config uses), edit as a new workflow, delete
// (production asks for the workflow's name). Writes are refused in read-only mode.
DetailDrawer {
    id: drawer
    readonly property string workflowId: workflow.workflowId
    signal changed()
    signal editRequested(string configText)
    signal instanceRequested(string instanceId)
    title: workflow.name !== "" ? workflow.name : workflow.workflowId
    copyValue: workflow.workflowId
    subtitle: workflow.loaded ? qsTr("%1 · created %2").arg(workflow.workflowId).arg(workflow.createdAt) : ""

    function show(id) {
        workflow.workflowId = id
        workflow.load()
        instances.workflowFilter = id
        instances.reload()
        open()
    }

    WorkflowController {
        id: workflow
        session: Session
        onRemoved: {
            deleteDialog.done()
            drawer.changed()
            drawer.close()
            Notifications.post(qsTr("Workflow deleted."))
        }
        onStarted: id => {
            runDialog.done()
            instances.reload()
            drawer.changed()
            Notifications.post(qsTr("Workflow started."))
        }
    }
    InstancesModel { id: instances; session: Session }

    ErrorBanner { Layout.fillWidth: true; text: deleteDialog.visible || runDialog.visible ? "" : workflow.error; onRetry: workflow.load() }
    BusyIndicatorRow { running: workflow.busy }

    RowLayout {
        visible: workflow.loaded
        Layout.fillWidth: true
        spacing: Style.spaceS
        Button {
            text: qsTr("Run…")
            icon.name: Style.icons.play
            highlighted: true
            enabled: !Session.readOnly && !workflow.busy
            onClicked: { workflow.clearError(); runDialog.ask() }
        }
        Button {
            text: qsTr("Edit as new…")
            icon.name: Style.icons.edit
            enabled: !Session.readOnly
            onClicked: drawer.editRequested(workflow.configText)
        }
        Button {
            text: qsTr("Delete…")
            icon.name: Style.icons.remove
            enabled: !Session.readOnly && !workflow.busy
            onClicked: { workflow.clearError(); deleteDialog.ask() }
        }
        Item { Layout.fillWidth: true }
    }
    Label { visible: Session.readOnly; text: qsTr("This profile is read-only: workflows cannot be run, created or deleted."); color: Style.textMuted; wrapMode: Text.Wrap; Layout.fillWidth: true }

    FlowGraphView {
        id: graphView
        visible: workflow.loaded
        Layout.fillWidth: true
        Layout.preferredHeight: 340
        stages: workflow.stages
    }

    Label { text: qsTr("Instances"); font.weight: Font.DemiBold; color: Style.text; visible: workflow.loaded; Layout.topMargin: Style.spaceS }
    ListPage {
        visible: workflow.loaded
        Layout.fillWidth: true
        Layout.preferredHeight: 250
        listKey: "workflowInstances"
        model: instances
        emptyTitle: qsTr("This workflow never ran.")
        countText: Style.counted(instances.count, qsTr("1 instance"), qsTr("%1 instances"))
        columns: [
            { title: qsTr("Status"), role: "statusText", width: 150, strong: true },
            { title: qsTr("Where"), role: "detail", fill: true, minWidth: 140, muted: true },
            { title: qsTr("Started"), role: "createdAt", width: 150 },
            { title: qsTr("ID"), role: "instanceId", width: 110, mono: true, muted: true, elide: Text.ElideMiddle }
        ]
        onActivated: row => drawer.instanceRequested(instances.idAt(row))
    }

    RunWorkflowDialog {
        id: runDialog
        objectName: "runWorkflowDialog"
        parent: Overlay.overlay
        workflow: workflow
    }

    ConfirmDialog {
        id: deleteDialog
        objectName: "deleteWorkflowDialog"
        parent: Overlay.overlay
        title: qsTr("Delete this workflow?")
        message: qsTr("“%1” can no longer be run; its instances stay readable.").arg(drawer.title)
        confirmText: qsTr("Delete")
        requiredName: workflow.name !== "" ? workflow.name : workflow.workflowId
        busy: workflow.busy
        error: workflow.error
        onConfirmed: workflow.remove()
    }
}
