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
    width: 560
    modal: true
    onClosed: {
        form.forgetSecret()
        if (createdId !== "")
            done(createdId)
    }

    WebhookConfigController {
        id: form
        session: Session
        onCreated: id => dialog.createdId = id
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        GridLayout {
            visible: dialog.createdId === ""
            columns: 2
            Layout.fillWidth: true
            Label { text: qsTr("Name") }
            TextField { id: nameField; Layout.fillWidth: true; placeholderText: qsTr("Optional") }
            Label { text: qsTr("Endpoint") }
            TextField { id: endpointField; Layout.fillWidth: true; placeholderText: "https://example.com/formance"; onTextEdited: dialog.touched = true }
            Label { text: qsTr("Event types") }
            TextField { id: typesField; Layout.fillWidth: true; placeholderText: qsTr("Comma separated"); onTextEdited: dialog.touched = true }
            Label { text: qsTr("Secret") }
            TextField { id: secretField; Layout.fillWidth: true; echoMode: TextInput.Password; placeholderText: qsTr("Empty: the stack generates one") }
        }
        Label {
            visible: dialog.createdId === "" && (dialog.touched && dialog.problem !== "" || form.formError !== "")
            text: dialog.touched && dialog.problem !== "" ? dialog.problem : form.formError
            color: "#c0392b"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            visible: dialog.createdId === ""
            Layout.alignment: Qt.AlignRight
            BusyIndicator { running: form.busy; visible: running; implicitHeight: 32; implicitWidth: 32 }
            Button { text: qsTr("Cancel"); onClicked: dialog.close() }
            Button {
                text: qsTr("Create")
                enabled: !form.busy && !Session.readOnly && dialog.problem === ""
                onClicked: form.create(nameField.text, endpointField.text, typesField.text, secretField.text)
            }
        }

        ColumnLayout {
            visible: dialog.createdId !== ""
            Layout.fillWidth: true
            Label { text: qsTr("Signing secret — copy it now, it is not shown again."); font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
            RowLayout {
                Layout.fillWidth: true
                TextField { id: secretText; text: form.newSecret; readOnly: true; selectByMouse: true; font.family: "monospace"; Layout.fillWidth: true }
                Button { text: qsTr("Copy"); onClicked: { secretText.selectAll(); secretText.copy(); secretText.deselect() } }
            }
            Button { text: qsTr("Done"); Layout.alignment: Qt.AlignRight; onClicked: dialog.close() }
        }
    }
}
