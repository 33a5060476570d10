import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// The window's top bar: which stack this is, always visible, coloured by stage.
ToolBar {
    readonly property color stageColor: Session.stage === "production" ? "#c0392b"
                                      : Session.stage === "staging" ? "#d68910" : "#1e8449"
    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 12
        anchors.rightMargin: 12
        spacing: 10
        Label {
            text: qsTr("Formance Desk")
            font.bold: true
            font.pixelSize: 16
        }
        Rectangle {
            visible: Session.connected
            radius: 4
            color: stageColor
            implicitWidth: stageLabel.implicitWidth + 16
            implicitHeight: stageLabel.implicitHeight + 6
            Label {
                id: stageLabel
                anchors.centerIn: parent
                color: "white"
                font.bold: true
                text: (Session.demo ? qsTr("DEMO · ") : "") + Session.stage.toUpperCase()
            }
        }
        Label {
            visible: Session.connected
            text: Session.name
            elide: Text.ElideRight
        }
        Label {
            visible: Session.readOnly
            text: qsTr("read-only")
            font.italic: true
        }
        Item { Layout.fillWidth: true }
        Label {
            visible: Session.notice !== ""
            text: Session.notice
            color: "#d68910"
            elide: Text.ElideRight
            Layout.maximumWidth: 420
        }
        Label {
            text: qsTr("Ctrl+K")
            opacity: 0.6
        }
    }
}
