import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// The sidebar: one entry per page; ledger pages wait until a ledger is chosen.
Pane {
    id: nav
    property var pages: []
    property string current: ""
    property string ledger: ""
    signal activated(string key)
    padding: 0

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        Repeater {
            model: nav.pages
            delegate: ItemDelegate {
                required property var modelData
                Layout.fillWidth: true
                text: modelData.title
                highlighted: nav.current === modelData.key
                enabled: !modelData.needsLedger || (Session.connected && nav.ledger !== "")
                onClicked: nav.activated(modelData.key)
            }
        }
        Item { Layout.fillHeight: true }
        Label {
            Layout.fillWidth: true
            Layout.margins: 12
            visible: nav.ledger !== ""
            text: qsTr("Ledger: %1").arg(nav.ledger)
            elide: Text.ElideRight
            opacity: 0.8
        }
    }
}
