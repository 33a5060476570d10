pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// One instance of a workflow: its status, the workflow's graph with the stages it went through and
// the running one marked, and the timeline of its history and of each stage's own (start, end,
// duration, error, input and output). Read again while it runs and the drawer is open. A waiting
// instance can be sent its event; a running one canceled (confirmed; production asks for the
// workflow's name).
DetailDrawer {
    id: drawer
    readonly property string instanceId: instance.instanceId
    signal changed()
    title: instance.workflowName !== "" ? instance.workflowName : qsTr("Instance")
    copyValue: instance.instanceId
    subtitle: instance.loaded ? qsTr("%1 · started %2").arg(instance.instanceId).arg(instance.createdAt) : ""

    function show(id) {
        instance.instanceId = id
        instance.load()
        open()
    }
    function statusColor(status) {
        return status === "succeeded" ? Style.success
             : status === "failed" ? Style.danger
             : status === "waiting" ? Style.warning
             : status === "running" ? Style.accent : Style.textMuted
    }

    InstanceController {
        id: instance
        session: Session
        live: drawer.visible
        onEventSent: {
            eventDialog.done()
            drawer.changed()
            Notifications.post(qsTr("Event sent."))
        }
        onCanceled: {
            cancelDialog.done()
            drawer.changed()
            Notifications.post(qsTr("Instance canceled."))
        }
    }

    ErrorBanner { Layout.fillWidth: true; text: eventDialog.visible || cancelDialog.visible ? "" : instance.error; onRetry: instance.load() }

    RowLayout {
        visible: instance.loaded
        Layout.fillWidth: true
        spacing: Style.spaceS
        Rectangle {
            radius: Style.radiusS
            color: instance.status === "succeeded" ? Style.successSurface
                 : instance.status === "failed" ? Style.dangerSurface
                 : instance.status === "waiting" ? Style.warningSurface : Style.surfaceAlt
            implicitWidth: statusLabel.implicitWidth + 2 * Style.spaceS
            implicitHeight: statusLabel.implicitHeight + Style.spaceXs
            Label { id: statusLabel; anchors.centerIn: parent; text: instance.statusText; color: drawer.statusColor(instance.status); font.weight: Font.DemiBold }
        }
        Label {
            Layout.fillWidth: true
            text: instance.terminated ? qsTr("ended %1").arg(instance.endedAt) : instance.detail
            color: Style.textMuted
            elide: Text.ElideRight
        }
        BusyIndicatorRow { running: instance.busy }
        Button {
            visible: instance.status === "waiting"
            text: qsTr("Send event…")
            icon.name: Style.icons.send
            enabled: !Session.readOnly && !instance.busy
            onClicked: { instance.clearError(); eventDialog.ask() }
        }
        Button {
            visible: instance.loaded && !instance.terminated
            text: qsTr("Cancel…")
            icon.name: Style.icons.remove
            enabled: !Session.readOnly && !instance.busy
            onClicked: { instance.clearError(); cancelDialog.ask() }
        }
    }
    Label {
        visible: instance.wakeUp !== "" && !instance.terminated
        text: qsTr("Wakes up at %1").arg(instance.wakeUp)
        font.weight: Font.DemiBold
        color: Style.text
    }
    Label {
        visible: instance.instanceError !== ""
        text: instance.instanceError
        color: Style.danger
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    FlowGraphView {
        visible: instance.loaded
        Layout.fillWidth: true
        Layout.preferredHeight: 340
        stages: instance.stages
        states: instance.stageStates
    }

    Label { text: qsTr("Timeline"); font.weight: Font.DemiBold; color: Style.text; visible: instance.loaded; Layout.topMargin: Style.spaceS }
    Label {
        visible: instance.loaded && instance.timeline.length === 0
        text: qsTr("No stage started yet.")
        color: Style.textMuted
    }
    Repeater {
        model: instance.timeline
        delegate: RowLayout {
            id: entry
            required property var modelData
            required property int index
            property bool expanded: false
            readonly property color dot: entry.modelData.error !== "" ? Style.danger
                                       : entry.modelData.running ? (instance.status === "waiting" ? Style.warning : Style.accent)
                                       : Style.success
            Layout.fillWidth: true
            spacing: Style.spaceM
            // The rail: a dot per stage, a line down to the next.
            Item {
                Layout.preferredWidth: 14
                Layout.fillHeight: true
                Rectangle { x: 6; y: 18; width: 2; height: parent.height - 12; color: Style.border; visible: entry.index < instance.timeline.length - 1 }
                Rectangle { x: 1; y: 6; width: 12; height: 12; radius: 6; color: entry.dot }
            }
            ColumnLayout {
                Layout.fillWidth: true
                Layout.bottomMargin: Style.spaceM
                spacing: 2
                RowLayout {
                    Layout.fillWidth: true
                    Label { text: (entry.modelData.stage + 1) + ". " + entry.modelData.title; font.weight: Font.DemiBold; color: Style.text }
                    Label {
                        Layout.fillWidth: true
                        text: entry.modelData.running ? qsTr("started %1 · running").arg(entry.modelData.startedAt)
                                                      : qsTr("%1 → %2 · %3").arg(entry.modelData.startedAt).arg(entry.modelData.endedAt).arg(entry.modelData.duration)
                        color: Style.textMuted
                        font.pixelSize: Style.fontLabel
                        elide: Text.ElideRight
                    }
                }
                Label {
                    visible: entry.modelData.error !== ""
                    text: entry.modelData.error
                    color: Style.danger
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                ToolButton {
                    text: entry.expanded ? qsTr("Hide details")
                        : entry.modelData.activities.length === 0 ? qsTr("Show input")
                        : qsTr("Show input and output (%1)").arg(Style.counted(entry.modelData.activities.length, qsTr("1 activity"), qsTr("%1 activities")))
                    Accessible.name: text
                    font.pixelSize: Style.fontLabel
                    onClicked: entry.expanded = !entry.expanded
                }
                Label {
                    visible: entry.expanded
                    text: qsTr("Input")
                    color: Style.textMuted
                    font.pixelSize: Style.fontCaption
                }
                Label {
                    visible: entry.expanded
                    text: entry.modelData.input
                    font.family: Style.monoFamily
                    font.pixelSize: Style.fontCaption
                    color: Style.text
                    wrapMode: Text.WrapAnywhere
                    Layout.fillWidth: true
                }
                Repeater {
                    model: entry.expanded ? entry.modelData.activities : []
                    delegate: ColumnLayout {
                        id: activity
                        required property var modelData
                        Layout.fillWidth: true
                        Layout.leftMargin: Style.spaceM
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("%1 · %2 → %3 · %4").arg(activity.modelData.name).arg(activity.modelData.startedAt).arg(activity.modelData.endedAt).arg(activity.modelData.duration)
                            color: activity.modelData.error !== "" ? Style.danger : Style.text
                            font.pixelSize: Style.fontLabel
                            elide: Text.ElideRight
                        }
                        Label {
                            visible: activity.modelData.error !== ""
                            text: activity.modelData.error
                            color: Style.danger
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Label {
                            visible: activity.modelData.output !== ""
                            text: qsTr("Output")
                            color: Style.textMuted
                            font.pixelSize: Style.fontCaption
                        }
                        Label {
                            visible: activity.modelData.output !== ""
                            text: activity.modelData.output
                            font.family: Style.monoFamily
                            font.pixelSize: Style.fontCaption
                            color: Style.text
                            wrapMode: Text.WrapAnywhere
                            Layout.fillWidth: true
                        }
                    }
                }
            }
        }
    }

    ConfirmDialog {
        id: eventDialog
        objectName: "sendEventDialog"
        parent: Overlay.overlay
        function ask() {
            eventField.text = instance.waitingEvent
            open()
        }
        title: qsTr("Send an event")
        message: qsTr("The instance waits for “%1”.").arg(instance.waitingEvent)
        confirmText: qsTr("Send")
        destructive: false
        busy: instance.busy
        error: instance.error
        inputValid: eventField.text.trim() !== ""
        onConfirmed: instance.sendEvent(eventField.text)
        FormField {
            id: eventField
            Layout.fillWidth: true
            label: qsTr("Event")
            mono: true
        }
    }

    ConfirmDialog {
        id: cancelDialog
        objectName: "cancelInstanceDialog"
        parent: Overlay.overlay
        title: qsTr("Cancel this instance?")
        message: qsTr("It stops where it is; what its finished stages did stays.")
        confirmText: qsTr("Cancel instance")
        requiredName: instance.workflowName !== "" ? instance.workflowName : instance.instanceId
        busy: instance.busy
        error: instance.error
        onConfirmed: instance.cancel()
    }
}
