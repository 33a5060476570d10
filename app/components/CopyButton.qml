import QtQml
import QtQuick
import Formance.Desk
import QtQuick.Controls

// Copies `value` (an ID, an address, a command) to the clipboard.
ToolButton {
    id: button
    property string value
    property bool copied: false
    icon.name: Style.icons.copy
    icon.width: 16
    icon.height: 16
    implicitWidth: 28
    implicitHeight: 28
    padding: 4
    display: AbstractButton.IconOnly
    text: qsTr("Copy")
    ToolTip.visible: hovered || copied
    ToolTip.text: copied ? qsTr("Copied") : qsTr("Copy %1").arg(value)
    ToolTip.delay: copied ? 0 : 600
    onClicked: {
        clip.text = value
        clip.selectAll()
        clip.copy()
        clip.text = ""
        copied = true
        resetTimer.restart()
    }
    Timer { id: resetTimer; interval: 1500; onTriggered: button.copied = false }
    // Qt Quick has no clipboard API of its own: a hidden edit copies.
    TextEdit { id: clip; visible: false }
}
