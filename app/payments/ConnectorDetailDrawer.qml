pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// One installed connector: its config (read; edited in its schema's form, the diff shown before
// saving), its tasks with status, last error and time — refreshed every few seconds while open —
// and reset and uninstall, confirmed (on production by typing the connector's name).
DetailDrawer {
    id: drawer
    readonly property string connectorId: connector.connectorId
    property var schema: []
    signal changed()
    title: connector.name !== "" ? connector.name : connector.connectorId
    copyValue: connector.connectorId
    subtitle: connector.provider + " · " + connector.connectorId

    function show(provider, id, fields) {
        connector.provider = provider
        connector.connectorId = id
        schema = fields
        editing = false
        connector.load()
        tasks.reload()
        open()
    }
    property bool editing: false

    ConnectorController {
        id: connector
        session: Session
        onConfigSaved: {
            saveDialog.done()
            drawer.editing = false
            Notifications.post(qsTr("Config of %1 saved.").arg(connector.name))
        }
        onResetDone: {
            resetDialog.done()
            tasks.reload()
            drawer.changed()
            Notifications.post(qsTr("%1 reset: its data is fetched again.").arg(connector.name))
        }
        onUninstalled: {
            uninstallDialog.done()
            drawer.changed()
            drawer.close()
            Notifications.post(qsTr("Connector uninstalled."))
        }
    }
    ConnectorTasksModel {
        id: tasks
        session: Session
        provider: connector.provider
        connectorId: connector.connectorId
    }
    Timer {
        interval: 3000
        repeat: true
        running: drawer.visible && !tasks.loading
        onTriggered: tasks.reload()
    }

    ErrorBanner {
        Layout.fillWidth: true
        text: saveDialog.visible || resetDialog.visible || uninstallDialog.visible ? "" : connector.error
        onRetry: connector.load()
    }
    BusyIndicatorRow { running: connector.busy }

    // A failing connector says why, first.
    Rectangle {
        visible: tasks.failedCount > 0
        Layout.fillWidth: true
        implicitHeight: failColumn.implicitHeight + 2 * Style.spaceM
        color: Style.dangerSurface
        radius: Style.radiusM
        ColumnLayout {
            id: failColumn
            anchors.fill: parent
            anchors.margins: Style.spaceM
            spacing: Style.spaceXs
            Label {
                text: tasks.failedCount === 1 ? qsTr("1 task is failing") : qsTr("%1 tasks are failing").arg(tasks.failedCount)
                font.weight: Font.DemiBold
                color: Style.danger
            }
            Label { text: tasks.firstError; wrapMode: Text.Wrap; Layout.fillWidth: true; color: Style.text }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Style.spaceS
        Label { text: qsTr("Config"); font.weight: Font.DemiBold; color: Style.text; Layout.fillWidth: true }
        Button {
            text: drawer.editing ? qsTr("Cancel edit") : qsTr("Edit config…")
            Accessible.name: text
            enabled: connector.loaded && !Session.readOnly && drawer.schema.length > 0
            onClicked: {
                drawer.editing = !drawer.editing
                if (drawer.editing) {
                    connector.clearForm()
                    configForm.reset()
                }
            }
        }
    }
    GridLayout {
        visible: connector.loaded && !drawer.editing
        Layout.fillWidth: true
        columns: 2
        columnSpacing: Style.spaceM
        rowSpacing: Style.spaceXs
        Repeater {
            model: connector.configRows
            delegate: Label {
                required property var modelData
                required property int index
                Layout.row: index
                Layout.column: 0
                text: modelData.name
                color: Style.textMuted
            }
        }
        Repeater {
            model: connector.configRows
            delegate: Label {
                required property var modelData
                required property int index
                Layout.row: index
                Layout.column: 1
                Layout.fillWidth: true
                text: modelData.value
                font.family: Style.monoFamily
                wrapMode: Text.WrapAnywhere
            }
        }
    }
    ConnectorConfigForm {
        id: configForm
        visible: drawer.editing
        Layout.fillWidth: true
        fields: drawer.schema
        controller: connector
        keepsStored: true
        initial: connector.config
    }
    RowLayout {
        visible: drawer.editing
        Layout.fillWidth: true
        Label {
            text: connector.formError !== "" ? connector.formError : connector.formProblem(drawer.schema, configForm.values, true)
            color: Style.danger
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Button {
            text: qsTr("Review changes…")
            Accessible.name: text
            enabled: !connector.busy && connector.formProblem(drawer.schema, configForm.values, true) === ""
                     && connector.configDiff(drawer.schema, configForm.values).length > 0
            onClicked: { connector.clearError(); saveDialog.ask() }
        }
    }

    Label { text: qsTr("Tasks"); font.weight: Font.DemiBold; color: Style.text; Layout.topMargin: Style.spaceS }
    ListPage {
        id: taskList
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(Math.max(tasks.count, 2) * Style.rowHeight + 80, 320)
        listKey: "connectorTasks"
        model: tasks
        emptyTitle: qsTr("No task yet.")
        countText: Style.counted(tasks.count, qsTr("1 task · refreshed every 3 s"), qsTr("%1 tasks · refreshed every 3 s"))
        columns: [
            { title: qsTr("Task"), role: "name", width: 140, strong: true },
            { title: qsTr("Status"), role: "status", width: 90,
              colorFor: row => row.status === "FAILED" ? Style.danger : row.ran ? Style.success : Style.textMuted },
            { title: qsTr("Last run"), role: "updatedAt", width: 150 },
            { title: qsTr("Last error"), role: "error", fill: true, minWidth: 120, muted: true }
        ]
    }

    RowLayout {
        Layout.fillWidth: true
        Layout.topMargin: Style.spaceS
        spacing: Style.spaceS
        Button {
            text: qsTr("Reset…")
            icon.name: Style.icons.undo
            Accessible.name: qsTr("Reset connector")
            enabled: connector.loaded && !Session.readOnly && !connector.busy
            onClicked: { connector.clearError(); resetDialog.ask() }
        }
        Button {
            text: qsTr("Uninstall…")
            icon.name: Style.icons.remove
            Accessible.name: qsTr("Uninstall connector")
            enabled: connector.loaded && !Session.readOnly && !connector.busy
            onClicked: { connector.clearError(); uninstallDialog.ask() }
        }
    }
    Label {
        visible: Session.readOnly
        text: qsTr("This profile is read-only: connectors cannot be changed, reset or uninstalled.")
        color: Style.textMuted
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    ConfirmDialog {
        id: saveDialog
        objectName: "saveConnectorConfigDialog"
        parent: Overlay.overlay
        title: qsTr("Save the config of %1?").arg(connector.name)
        message: qsTr("The connector restarts with these values.")
        confirmText: qsTr("Save")
        destructive: false
        requiredName: connector.name
        busy: connector.busy
        error: connector.formError !== "" ? connector.formError : connector.error
        onConfirmed: connector.updateConfig(drawer.schema, configForm.values)
        Repeater {
            model: saveDialog.visible ? connector.configDiff(drawer.schema, configForm.values) : []
            delegate: Label {
                required property var modelData
                Layout.fillWidth: true
                text: modelData.key + ": " + (modelData.change === "added" ? "" : modelData.before + " → ") + modelData.after
                font.family: Style.monoFamily
                wrapMode: Text.WrapAnywhere
                color: modelData.change === "removed" ? Style.danger : Style.text
            }
        }
    }
    ConfirmDialog {
        id: resetDialog
        objectName: "resetConnectorDialog"
        parent: Overlay.overlay
        title: qsTr("Reset %1?").arg(connector.name)
        message: qsTr("Its accounts, balances and payments are deleted from payments and fetched again from the provider.")
        confirmText: qsTr("Reset")
        requiredName: connector.name
        busy: connector.busy
        error: connector.error
        onConfirmed: connector.reset()
    }
    ConfirmDialog {
        id: uninstallDialog
        objectName: "uninstallConnectorDialog"
        parent: Overlay.overlay
        title: qsTr("Uninstall %1?").arg(connector.name)
        message: qsTr("The connector stops, and its accounts, balances and payments are removed from payments.")
        confirmText: qsTr("Uninstall")
        requiredName: connector.name
        busy: connector.busy
        error: connector.error
        onConfirmed: connector.uninstall()
    }
}
