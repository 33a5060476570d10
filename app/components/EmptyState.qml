import QtQuick
import Formance.Desk
import QtQuick.Controls
import QtQuick.Layouts

// What an empty list or page says instead of a blank: a title and a hint of what to do.
ColumnLayout {
    id: empty
    property string title
    property string hint
    property string iconName
    spacing: Style.spaceS

    // An icon only: a button without a background, taking no focus or clicks.
    ToolButton {
        Layout.alignment: Qt.AlignHCenter
        visible: empty.iconName !== ""
        icon.name: empty.iconName
        icon.width: 40
        icon.height: 40
        icon.color: Style.textMuted
        display: AbstractButton.IconOnly
        focusPolicy: Qt.NoFocus
        hoverEnabled: false
        background: null
        enabled: false
    }
    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        text: empty.title
        font.pixelSize: Style.fontTitle
        font.weight: Font.DemiBold
        color: Style.text
        wrapMode: Text.Wrap
    }
    Label {
        Layout.fillWidth: true
        visible: empty.hint !== ""
        horizontalAlignment: Text.AlignHCenter
        text: empty.hint
        color: Style.textMuted
        wrapMode: Text.Wrap
    }
}
