import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

ApplicationWindow {
    id: window
    property string initialPage: ""
    width: 1280
    height: 800
    visible: true
    title: qsTr("Formance Desk")

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            Label {
                text: qsTr("Formance Desk")
                font.bold: true
                font.pixelSize: 16
            }
            Item { Layout.fillWidth: true }
        }
    }

    ConnectionController { id: connection }

    Pane {
        anchors.fill: parent
        ColumnLayout {
            width: Math.min(parent.width, 640)
            spacing: 12
            Label {
                text: qsTr("Connect to a stack")
                font.pixelSize: 20
            }
            GridLayout {
                columns: 2
                Layout.fillWidth: true
                Label { text: qsTr("Server URL") }
                TextField {
                    Layout.fillWidth: true
                    text: connection.serverUrl
                    onTextEdited: connection.serverUrl = text
                }
                Label { text: qsTr("Client ID") }
                TextField {
                    Layout.fillWidth: true
                    text: connection.clientId
                    onTextEdited: connection.clientId = text
                }
                Label { text: qsTr("Client secret") }
                TextField {
                    Layout.fillWidth: true
                    echoMode: TextInput.Password
                    onTextEdited: connection.clientSecret = text
                }
            }
            RowLayout {
                Button {
                    text: qsTr("Test connection")
                    enabled: !connection.busy
                    onClicked: connection.testConnection()
                }
                BusyIndicator {
                    running: connection.busy
                    visible: running
                    implicitHeight: 32
                }
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: connection.message
                color: connection.ok ? palette.text : "#c0392b"
            }
            Repeater {
                model: connection.services
                delegate: Label {
                    required property var modelData
                    text: modelData.name + "  " + modelData.version + (modelData.health ? "" : qsTr("  (unhealthy)"))
                }
            }
        }
    }
}
