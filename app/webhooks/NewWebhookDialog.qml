pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// Creates a webhook config: name, endpoint (http or https), event types, optional secret (empty:
// the stack generates one). The form is checked as it is typed; the secret is shown once after.
Dialog {
    id: dialog
    signal done(string id)
    property string createdId: ""
    property bool touched: false
    readonly property string problem: form.validateForm(endpointField.text, typesField.text)

    function ask() {
        form.configId = ""
        createdId = ""
        touched = false
        nameField.text = ""
        endpointField.text = ""
        typesField.text = "ledger.committed_transactions"
        secretField.text = ""
        open()
    }

    title: createdId === "" ? qsTr("New webhook") : qsTr("Webhook created")
    anchors.centerIn: Overlay.overlay
    width: Math.min(560, (parent ? parent.width : 560) - 2 * Style.spaceXl)
    modal: true
    padding: Style.spaceL
    onClosed: {
        form.forgetSecret()
        if (createdId !== "")
            done(createdId)
    }

    WebhookConfigController {
        id: form
        session: Session
        onCreated: id => {
            dialog.createdId = id
            Notifications.post(qsTr("Webhook created."))
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceS
        ColumnLayout {
            visible: dialog.createdId === ""
            Layout.fillWidth: true
            spacing: Style.spaceS
            FormField { id: nameField; Layout.fillWidth: true; label: qsTr("Name"); placeholderText: qsTr("Optional") }
            FormField {
                id: endpointField
                Layout.fillWidth: true
                label: qsTr("Endpoint")
                mono: true
                placeholderText: "https://example.com/formance"
                onEdited: dialog.touched = true
            }
            FormField {
                id: typesField
                Layout.fillWidth: true
                label: qsTr("Event types")
                hint: qsTr("Comma separated, e.g. ledger.committed_transactions")
                onEdited: dialog.touched = true
            }
            FormField {
                id: secretField
                Layout.fillWidth: true
                label: qsTr("Secret")
                mono: true
                echoMode: TextInput.Password
                placeholderText: qsTr("Empty: the stack generates one")
                error: form.secretProblem(text)
            }
        }
        Label {
            visible: dialog.createdId === "" && text !== ""
            text: dialog.touched && dialog.problem !== "" ? dialog.problem : form.formError
            color: Style.danger
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            visible: dialog.createdId === ""
            Layout.fillWidth: true
            BusyIndicatorRow { running: form.busy; text: qsTr("Creating…") }
            Item { Layout.fillWidth: true }
            DialogButtonBox {
                padding: 0
                onAccepted: form.create(nameField.text, endpointField.text, typesField.text, secretField.text)
                onRejected: dialog.close()
                Button {
                    text: qsTr("Create")
                    enabled: !form.busy && !Session.readOnly && dialog.problem === "" && form.secretProblem(secretField.text) === ""
                    // qmllint disable
                    // (Qt 6.4's qmltypes do not list DialogButtonBox's ButtonRole values.)
                    DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
                }
                Button { text: qsTr("Cancel"); DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
                // qmllint enable
            }
        }

        ColumnLayout {
            visible: dialog.createdId !== ""
            Layout.fillWidth: true
            Label { text: qsTr("Signing secret — copy it now, it is not shown again."); font.weight: Font.DemiBold; wrapMode: Text.Wrap; Layout.fillWidth: true }
            RowLayout {
                Layout.fillWidth: true
                TextField { text: form.newSecret; readOnly: true; selectByMouse: true; font.family: Style.monoFamily; Layout.fillWidth: true }
                CopyButton { value: form.newSecret }
            }
            Button { text: qsTr("Done"); highlighted: true; Layout.alignment: Qt.AlignRight; onClicked: dialog.close() }
        }
    }
}
