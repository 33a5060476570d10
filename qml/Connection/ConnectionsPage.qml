import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// Profiles: pick one to connect, edit or add one, test it; or open the built-in demo stack.
Pane {
    id: page
    property int editing: -1 // row being edited, -1 for a new profile

    ProfilesModel { id: profiles }
    ConnectionController { id: tester }

    function edit(row) {
        editing = row
        const p = row >= 0 ? profiles.get(row) : { id: "", name: "", serverUrl: "", organization: "", environment: "sandbox", clientId: "", stage: "development", readOnly: false }
        nameField.text = p.name
        urlField.text = p.serverUrl
        orgField.text = p.organization
        envBox.currentIndex = Math.max(0, envBox.model.indexOf(p.environment))
        clientIdField.text = p.clientId
        secretField.text = ""
        stageBox.currentIndex = Math.max(0, stageBox.model.indexOf(p.stage))
        readOnlyBox.checked = p.readOnly
        formError.text = ""
    }
    function formProfile() {
        return { id: editing >= 0 ? profiles.get(editing).id : "", name: nameField.text, serverUrl: urlField.text,
                 organization: orgField.text, environment: envBox.currentText, clientId: clientIdField.text,
                 stage: stageBox.currentText, readOnly: readOnlyBox.checked }
    }
    Component.onCompleted: edit(-1)

    RowLayout {
        anchors.fill: parent
        spacing: 24

        ColumnLayout {
            Layout.preferredWidth: 320
            Layout.fillHeight: true
            Label { text: qsTr("Stacks"); font.pixelSize: 20 }
            Button {
                Layout.fillWidth: true
                text: qsTr("Open the demo stack")
                highlighted: profiles.count === 0
                enabled: !Session.busy
                onClicked: Session.startDemo()
            }
            ListView {
                id: list
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: profiles
                delegate: ItemDelegate {
                    required property int index
                    required property string name
                    required property string server
                    required property string stage
                    required property string profileId
                    width: ListView.view.width
                    highlighted: page.editing === index
                    contentItem: ColumnLayout {
                        spacing: 2
                        Label { text: name; font.bold: true }
                        Label { text: server + " · " + stage; opacity: 0.7; elide: Text.ElideRight; Layout.fillWidth: true }
                    }
                    onClicked: page.edit(index)
                    onDoubleClicked: Session.connectProfile(profileId)
                }
                Label {
                    anchors.centerIn: parent
                    visible: list.count === 0
                    width: parent.width - 24
                    wrapMode: Text.Wrap
                    horizontalAlignment: Text.AlignHCenter
                    text: qsTr("No saved stacks yet. Add one on the right, or explore the demo stack.")
                    opacity: 0.7
                }
            }
            Button {
                Layout.fillWidth: true
                text: qsTr("New profile")
                onClicked: page.edit(-1)
            }
            Label {
                Layout.fillWidth: true
                visible: Session.error !== ""
                text: Session.error
                color: "#c0392b"
                wrapMode: Text.Wrap
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.maximumWidth: 640
            spacing: 10
            Label { text: page.editing >= 0 ? qsTr("Edit profile") : qsTr("New profile"); font.pixelSize: 20 }
            GridLayout {
                columns: 2
                Layout.fillWidth: true
                columnSpacing: 12
                Label { text: qsTr("Name") }
                TextField { id: nameField; Layout.fillWidth: true; placeholderText: qsTr("Production EU") }
                Label { text: qsTr("Server URL") }
                TextField { id: urlField; Layout.fillWidth: true; placeholderText: qsTr("https://stack.example.com (or leave empty for Formance Cloud)") }
                Label { text: qsTr("Cloud organization") }
                TextField { id: orgField; Layout.fillWidth: true; enabled: urlField.text === ""; placeholderText: qsTr("orgID-stackID") }
                Label { text: qsTr("Cloud environment") }
                ComboBox { id: envBox; Layout.fillWidth: true; enabled: urlField.text === ""; model: ["sandbox", "eu-west-1", "us-east-1"] }
                Label { text: qsTr("Client ID") }
                TextField { id: clientIdField; Layout.fillWidth: true }
                Label { text: qsTr("Client secret") }
                TextField {
                    id: secretField
                    Layout.fillWidth: true
                    echoMode: TextInput.Password
                    placeholderText: page.editing >= 0 ? qsTr("unchanged (kept in the system keychain)") : qsTr("stored in the system keychain")
                }
                Label { text: qsTr("Stage") }
                ComboBox { id: stageBox; Layout.fillWidth: true; model: ["development", "staging", "production"] }
                Item { width: 1 }
                CheckBox { id: readOnlyBox; text: qsTr("Read-only: disable every write") }
            }
            Label { id: formError; color: "#c0392b"; visible: text !== ""; Layout.fillWidth: true; wrapMode: Text.Wrap }
            RowLayout {
                Button {
                    text: qsTr("Save")
                    onClicked: {
                        formError.text = profiles.save(page.formProfile(), secretField.text)
                        if (formError.text === "")
                            secretField.text = ""
                    }
                }
                Button {
                    text: qsTr("Test connection")
                    enabled: !tester.busy
                    onClicked: tester.test(page.formProfile(), secretField.text)
                }
                Button {
                    text: qsTr("Connect")
                    enabled: page.editing >= 0 && !Session.busy
                    onClicked: Session.connectProfile(profiles.get(page.editing).id)
                }
                Button {
                    text: qsTr("Delete")
                    enabled: page.editing >= 0
                    onClicked: { profiles.remove(profiles.get(page.editing).id); page.edit(-1) }
                }
                BusyIndicator { running: tester.busy || Session.busy; visible: running; implicitHeight: 32 }
            }
            Label { text: profiles.notice; visible: text !== ""; Layout.fillWidth: true; wrapMode: Text.Wrap }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: tester.message
                color: tester.ok ? palette.text : "#c0392b"
            }
            Repeater {
                model: tester.services
                delegate: Label {
                    required property var modelData
                    text: "• " + modelData.name + "  " + modelData.version + (modelData.health ? "" : qsTr("  (unhealthy)"))
                }
            }
            Item { Layout.fillHeight: true }
        }
    }
}
