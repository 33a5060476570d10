pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// One trigger: event, filter, the variables it maps, a test against a sample event (does the
// filter match, what each variable would be), its occurrences (each opens the instance it
// started) and its deletion (production asks for its name).
DetailDrawer {
    id: drawer
    readonly property string triggerId: trigger.triggerId
    readonly property var result: trigger.testResult
    signal changed()
    signal instanceRequested(string instanceId)
    title: trigger.name !== "" ? trigger.name : trigger.triggerId
    copyValue: trigger.triggerId
    subtitle: trigger.loaded ? qsTr("%1 · created %2").arg(trigger.triggerId).arg(trigger.createdAt) : ""

    function show(id) {
        trigger.triggerId = id
        trigger.load()
        occurrences.triggerId = id
        occurrences.reload()
        open()
    }

    TriggerController {
        id: trigger
        session: Session
        onTriggerIdChanged: sample.text = ""
        onStateChanged: if (trigger.loaded && sample.text === "") sample.text = trigger.sampleEvent(trigger.event)
        onRemoved: {
            deleteDialog.done()
            drawer.changed()
            drawer.close()
            Notifications.post(qsTr("Trigger deleted."))
        }
    }
    OccurrencesModel { id: occurrences; session: Session }

    ErrorBanner { Layout.fillWidth: true; text: deleteDialog.visible ? "" : trigger.error; onRetry: trigger.load() }
    BusyIndicatorRow { running: trigger.busy }

    GridLayout {
        visible: trigger.loaded
        Layout.fillWidth: true
        columns: 2
        columnSpacing: Style.spaceM
        rowSpacing: Style.spaceXs
        Label { text: qsTr("Event"); color: Style.textMuted }
        Label { text: trigger.event; font.family: Style.monoFamily; Layout.fillWidth: true; elide: Text.ElideRight }
        Label { text: qsTr("Workflow"); color: Style.textMuted }
        Label { text: trigger.workflowId; font.family: Style.monoFamily; Layout.fillWidth: true; elide: Text.ElideMiddle }
        Label { text: qsTr("Filter"); color: Style.textMuted }
        Label { text: trigger.filter !== "" ? trigger.filter : qsTr("(every event)"); font.family: Style.monoFamily; Layout.fillWidth: true; wrapMode: Text.WrapAnywhere }
        Label { text: qsTr("Variables"); color: Style.textMuted }
        Label { text: trigger.varsText !== "" ? trigger.varsText : qsTr("(none)"); font.family: Style.monoFamily; Layout.fillWidth: true; wrapMode: Text.WrapAnywhere }
    }
    RowLayout {
        visible: trigger.loaded
        Layout.fillWidth: true
        Item { Layout.fillWidth: true }
        Button {
            text: qsTr("Delete…")
            icon.name: Style.icons.remove
            enabled: !Session.readOnly && !trigger.busy
            onClicked: { trigger.clearError(); deleteDialog.ask() }
        }
    }

    Label { text: qsTr("Test against a sample event"); font.weight: Font.DemiBold; color: Style.text; visible: trigger.loaded; Layout.topMargin: Style.spaceS }
    Label { visible: trigger.loaded && !trigger.canTest; text: qsTr("Testing needs orchestration v2; this stack runs v1."); color: Style.textMuted }
    TextArea {
        id: sample
        visible: trigger.loaded && trigger.canTest
        Layout.fillWidth: true
        Layout.preferredHeight: 150
        Accessible.name: qsTr("Sample event (JSON)")
        font.family: Style.monoFamily
        font.pixelSize: Style.fontCaption
        wrapMode: TextEdit.WrapAnywhere
    }
    RowLayout {
        visible: trigger.loaded && trigger.canTest
        Layout.fillWidth: true
        spacing: Style.spaceS
        Button { text: qsTr("Test"); icon.name: Style.icons.play; enabled: !trigger.busy; onClicked: trigger.test(sample.text) }
        Label {
            Layout.fillWidth: true
            visible: drawer.result.match !== undefined
            text: drawer.result.filterError ? qsTr("The filter failed: %1").arg(drawer.result.filterError)
                : drawer.result.match ? qsTr("Matches: it would start the workflow.") : qsTr("Does not match: nothing would start.")
            color: drawer.result.filterError ? Style.danger : drawer.result.match ? Style.success : Style.warning
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
        }
    }
    Repeater {
        model: drawer.result.variables || []
        delegate: RowLayout {
            id: variable
            required property var modelData
            Layout.fillWidth: true
            Label { text: variable.modelData.name; font.family: Style.monoFamily; Layout.preferredWidth: 120; elide: Text.ElideRight }
            Label {
                Layout.fillWidth: true
                text: variable.modelData.error !== "" ? variable.modelData.error : variable.modelData.value
                color: variable.modelData.error !== "" ? Style.danger : Style.text
                font.family: Style.monoFamily
                wrapMode: Text.WrapAnywhere
            }
        }
    }

    Label { text: qsTr("Occurrences"); font.weight: Font.DemiBold; color: Style.text; visible: trigger.loaded; Layout.topMargin: Style.spaceS }
    ListPage {
        visible: trigger.loaded
        Layout.fillWidth: true
        Layout.preferredHeight: 220
        listKey: "occurrences"
        model: occurrences
        emptyTitle: qsTr("The trigger never fired.")
        countText: Style.counted(occurrences.count, qsTr("1 occurrence"), qsTr("%1 occurrences"))
        columns: [
            { title: qsTr("When"), role: "date", width: 150 },
            { title: qsTr("Instance"), role: "status", width: 150, strong: true },
            { title: qsTr("Error"), role: "error", fill: true, minWidth: 140, muted: true },
            { title: qsTr("Instance ID"), role: "instanceId", width: 120, mono: true, muted: true, elide: Text.ElideMiddle }
        ]
        onActivated: row => {
            if (occurrences.instanceAt(row) !== "")
                drawer.instanceRequested(occurrences.instanceAt(row))
        }
    }

    ConfirmDialog {
        id: deleteDialog
        objectName: "deleteTriggerDialog"
        parent: Overlay.overlay
        title: qsTr("Delete this trigger?")
        message: qsTr("Events stop starting “%1”.").arg(trigger.workflowId)
        confirmText: qsTr("Delete")
        requiredName: trigger.name !== "" ? trigger.name : trigger.triggerId
        busy: trigger.busy
        error: trigger.error
        onConfirmed: trigger.remove()
    }
}
