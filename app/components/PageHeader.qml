import QtQuick
import Formance.Desk
import QtQuick.Controls
import QtQuick.Layouts

// A page's title line: title, an optional subtitle, and the page's actions on the right.
RowLayout {
    id: header
    property string title
    property string subtitle
    default property alias actions: actionRow.data
    spacing: Style.spaceM

    ColumnLayout {
        spacing: 0
        Layout.fillWidth: true
        Label {
            text: header.title
            font.pixelSize: Style.fontHeading
            font.weight: Font.DemiBold
            color: Style.text
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            visible: header.subtitle !== ""
            text: header.subtitle
            color: Style.textMuted
            font.pixelSize: Style.fontLabel
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
    }
    RowLayout {
        id: actionRow
        spacing: Style.spaceS
    }
}
