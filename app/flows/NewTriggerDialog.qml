pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// Creates a trigger: name, the event type it listens to, the workflow it starts, a filter
// expression over `event` and the variables it passes (a JSON object of expressions). Checked as
// it is typed; the stack checks the expressions themselves and its refusal is shown here.
Dialog {
    id: dialog
    required property WorkflowsModel workflows
    signal done(string id)
    property string createdId: ""
    readonly property var problems: form.formProblems(eventBox.editText, workflowBox.currentValue || "", filterField.text, varsArea.text)

    function ask() {
        createdId = ""
        form.triggerId = ""
        form.clearError()
        nameField.text = ""
        eventBox.editText = "ledger.committed_transactions"
        filterField.text = ""
        varsArea.text = ""
        open()
    }

    title: qsTr("New trigger")
    anchors.centerIn: Overlay.overlay
    width: Math.min(600, (parent ? parent.width : 600) - 2 * Style.spaceXl)
    modal: true
    padding: Style.spaceL
    onClosed: done(createdId)

    TriggerController {
        id: form
        session: Session
        onCreated: id => {
            dialog.createdId = id
            Notifications.post(qsTr("Trigger created."))
            dialog.close()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceS
        FormField { id: nameField; Layout.fillWidth: true; label: qsTr("Name"); placeholderText: qsTr("Optional") }
        Label { text: qsTr("Event type"); font.pixelSize: Style.fontLabel; color: Style.textMuted }
        ComboBox {
            id: eventBox
            Layout.fillWidth: true
            Accessible.name: qsTr("Event type")
            editable: true
            model: form.eventTypes
        }
        Label { visible: !!dialog.problems.event; text: dialog.problems.event || ""; color: Style.danger; font.pixelSize: Style.fontLabel }
        Label { text: qsTr("Workflow it starts"); font.pixelSize: Style.fontLabel; color: Style.textMuted }
        ComboBox {
            id: workflowBox
            Layout.fillWidth: true
            Accessible.name: qsTr("Workflow")
            model: dialog.workflows
            textRole: "name"
            valueRole: "workflowId"
        }
        Label { visible: !!dialog.problems.workflow; text: dialog.problems.workflow || ""; color: Style.danger; font.pixelSize: Style.fontLabel }
        FormField {
            id: filterField
            Layout.fillWidth: true
            label: qsTr("Filter")
            mono: true
            placeholderText: "event.ledger == \"demo-payouts\""
            hint: qsTr("An expression over event; empty: every event")
            error: dialog.problems.filter || ""
        }
        Label { text: qsTr("Variables (JSON: name → expression)"); font.pixelSize: Style.fontLabel; color: Style.textMuted }
        TextArea {
            id: varsArea
            Layout.fillWidth: true
            Layout.preferredHeight: 80
            Accessible.name: qsTr("Variables")
            font.family: Style.monoFamily
            font.pixelSize: Style.fontLabel
            placeholderText: "{\"amount\": \"string(event.transactions[0].postings[0].amount)\"}"
            wrapMode: TextEdit.WrapAnywhere
        }
        Label { visible: !!dialog.problems.vars; text: dialog.problems.vars || ""; color: Style.danger; font.pixelSize: Style.fontLabel; wrapMode: Text.Wrap; Layout.fillWidth: true }
        Label {
            visible: form.error !== ""
            text: form.error
            color: Style.danger
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.fillWidth: true
            BusyIndicatorRow { running: form.busy; text: qsTr("Creating…") }
            Item { Layout.fillWidth: true }
            DialogButtonBox {
                padding: 0
                onAccepted: form.create(nameField.text, eventBox.editText, workflowBox.currentValue || "", filterField.text, varsArea.text)
                onRejected: dialog.close()
                Button {
                    text: qsTr("Create")
                    enabled: !form.busy && !Session.readOnly && Object.keys(dialog.problems).length === 0
                    // qmllint disable
                    // (Qt 6.4's qmltypes do not list DialogButtonBox's ButtonRole values.)
                    DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
                }
                Button { text: qsTr("Cancel"); DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
                // qmllint enable
            }
        }
    }
}
