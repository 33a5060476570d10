import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// One webhook config: state, event types, a test delivery's outcome, and the actions (activate or
// pause, new secret, test, delete — refused in read-only mode; production asks for the endpoint
// before a delete). A new secret is shown here once, never stored.
Drawer {
    id: drawer
    property alias configId: config.configId
    property bool testWhenLoaded: false // --page webhook: shows a test's outcome
    signal configChanged()
    edge: Qt.RightEdge

    function open(id) {
        config.configId = id
        config.forgetSecret()
        config.load()
        visible = true
    }
    onClosed: config.forgetSecret()

    WebhookConfigController {
        id: config
        session: Session
        onConfigChanged: drawer.configChanged()
        onRemoved: { drawer.configChanged(); drawer.close() }
        onStateChanged: {
            if (drawer.testWhenLoaded && loaded && !busy) {
                drawer.testWhenLoaded = false
                test()
            }
        }
    }

    ScrollView {
        anchors.fill: parent
        anchors.margins: 16
        contentWidth: availableWidth
        ColumnLayout {
            width: parent.width
            spacing: 8
            Label { text: config.endpoint !== "" ? config.endpoint : config.configId; font.pixelSize: 20; font.family: "monospace"; elide: Text.ElideMiddle; Layout.fillWidth: true }
            RowLayout {
                visible: config.loaded
                Label {
                    text: config.active ? qsTr("Active") : qsTr("Paused")
                    font.bold: true
                    color: config.active ? "#43a047" : palette.windowText
                    opacity: config.active ? 1 : 0.7
                }
                Label { text: qsTr("· %1 · created %2 · updated %3").arg(config.configId).arg(config.createdAt).arg(config.updatedAt); opacity: 0.8; elide: Text.ElideRight; Layout.fillWidth: true }
            }
            Label { visible: config.error !== ""; text: config.error; color: "#c0392b"; wrapMode: Text.Wrap; Layout.fillWidth: true }
            BusyIndicator { running: config.busy; visible: running }

            Label { text: qsTr("Event types"); font.bold: true; visible: config.loaded }
            Repeater {
                model: config.eventTypes
                delegate: Label { required property string modelData; text: modelData; font.family: "monospace" }
            }

            RowLayout {
                visible: config.loaded
                Layout.topMargin: 8
                Button {
                    text: config.active ? qsTr("Pause") : qsTr("Activate")
                    enabled: !Session.readOnly && !config.busy
                    onClicked: config.active ? config.deactivate() : config.activate()
                }
                Button { text: qsTr("Send a test"); enabled: !Session.readOnly && !config.busy; onClicked: config.test() }
                Button { text: qsTr("New secret…"); enabled: !Session.readOnly && !config.busy; onClicked: secretDialog.ask() }
                Button { text: qsTr("Delete…"); enabled: !Session.readOnly && !config.busy; onClicked: deleteDialog.ask() }
            }
            Label { visible: Session.readOnly; text: qsTr("This profile is read-only: webhooks cannot be changed, tested or deleted."); opacity: 0.7; wrapMode: Text.Wrap; Layout.fillWidth: true }

            Frame {
                visible: config.newSecret !== ""
                Layout.fillWidth: true
                ColumnLayout {
                    width: parent.width
                    Label { text: qsTr("New signing secret — copy it now, it is not shown again."); font.bold: true; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    RowLayout {
                        Layout.fillWidth: true
                        TextField { id: secretText; text: config.newSecret; readOnly: true; selectByMouse: true; font.family: "monospace"; Layout.fillWidth: true }
                        Button { text: qsTr("Copy"); onClicked: { secretText.selectAll(); secretText.copy(); secretText.deselect() } }
                        Button { text: qsTr("Hide"); onClicked: config.forgetSecret() }
                    }
                }
            }

            Label { text: qsTr("Last test"); font.bold: true; Layout.topMargin: 8; visible: config.attempt.summary !== undefined }
            Frame {
                visible: config.attempt.summary !== undefined
                Layout.fillWidth: true
                ColumnLayout {
                    width: parent.width
                    spacing: 4
                    RowLayout {
                        Label {
                            text: config.attempt.ok ? qsTr("Delivered") : qsTr("Failed")
                            font.bold: true
                            color: config.attempt.ok ? "#43a047" : "#c0392b"
                        }
                        Label {
                            text: qsTr("status %1 · HTTP %2 · %3").arg(config.attempt.status || "").arg(config.attempt.statusCode === 0 ? qsTr("none") : (config.attempt.statusCode || "")).arg(config.attempt.createdAt || "")
                            opacity: 0.8
                            font.family: "monospace"
                        }
                    }
                    Label { text: config.attempt.summary || ""; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    Label { text: qsTr("Sent: %1").arg(config.attempt.payload || ""); font.family: "monospace"; opacity: 0.7; wrapMode: Text.WrapAnywhere; Layout.fillWidth: true }
                }
            }
        }
    }

    Dialog {
        id: secretDialog
        function ask() { secretField.text = ""; open() }
        title: qsTr("New signing secret")
        anchors.centerIn: Overlay.overlay
        modal: true
        standardButtons: Dialog.Cancel
        ColumnLayout {
            Label { text: qsTr("Receivers must switch to the new secret: signatures made with the old one stop at once.") ; wrapMode: Text.Wrap; Layout.maximumWidth: 460 }
            TextField { id: secretField; Layout.fillWidth: true; echoMode: TextInput.Password; placeholderText: qsTr("Secret (empty: the stack generates one)") }
            Button {
                text: qsTr("Change secret")
                onClicked: { config.changeSecret(secretField.text); secretField.text = ""; secretDialog.close() }
            }
        }
    }

    Dialog {
        id: deleteDialog
        function ask() { deleteName.text = ""; open() }
        title: qsTr("Delete this webhook?")
        anchors.centerIn: Overlay.overlay
        modal: true
        standardButtons: Dialog.Cancel
        ColumnLayout {
            Label { text: qsTr("Events stop being sent to %1.").arg(config.endpoint) }
            Label { visible: Session.stage === "production"; text: qsTr("This is production. Type the endpoint (%1) to confirm.").arg(config.endpoint) }
            TextField { id: deleteName; visible: Session.stage === "production"; Layout.fillWidth: true }
            Button {
                text: qsTr("Delete")
                enabled: config.confirmationMatches(deleteName.text)
                onClicked: { config.remove(); deleteDialog.close() }
            }
        }
    }
}
