import QtQml
import QtQuick
import Formance.Desk
import QtQuick.Controls
import QtQuick.Layouts

// The toast the shell shows for a finished write, with a link to what was made.
Popup {
    id: toast
    property string text
    property string linkText
    property var target: null
    signal followed(var target)
    function show(text, linkText, target) {
        toast.text = text
        toast.linkText = linkText
        toast.target = target
        open()
        hideTimer.restart()
    }
    modal: false
    focus: false
    closePolicy: Popup.CloseOnEscape
    padding: Style.spaceM
    background: Rectangle {
        color: Style.surface
        border.color: Style.success
        radius: Style.radiusM
    }
    Timer { id: hideTimer; interval: 8000; onTriggered: toast.close() }
    contentItem: RowLayout {
        spacing: Style.spaceM
        Label { text: toast.text; color: Style.text; Layout.maximumWidth: 420; wrapMode: Text.Wrap }
        Button {
            visible: toast.linkText !== ""
            text: toast.linkText
            icon.name: Style.icons.open
            flat: true
            onClicked: { toast.followed(toast.target); toast.close() }
        }
        ToolButton {
            icon.name: Style.icons.close
            display: AbstractButton.IconOnly
            text: qsTr("Dismiss")
            onClicked: toast.close()
        }
    }
}
