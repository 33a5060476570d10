import QtQuick
import Formance.Desk
import QtQuick.Controls
import QtQuick.Layouts

// A detail panel from the right edge: title (with a copy button for an ID), close button, Escape
// closes, the content scrolls.
Drawer {
    id: drawer
    property string title
    property string subtitle
    property bool monoTitle: false
    property string copyValue
    default property alias content: body.data
    edge: Qt.RightEdge
    // The whole height of the window it opens over (its parent is the window's overlay).
    height: parent ? parent.height : 0
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    padding: 0
    background: Rectangle {
        color: Style.surface
        Rectangle { width: 1; height: parent.height; color: Style.border }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        RowLayout {
            Layout.fillWidth: true
            Layout.margins: Style.spaceL
            Layout.bottomMargin: Style.spaceS
            spacing: Style.spaceS
            ColumnLayout {
                spacing: 2
                Layout.fillWidth: true
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Style.spaceXs
                    Label {
                        text: drawer.title
                        font.pixelSize: Style.fontHeading
                        font.weight: Font.DemiBold
                        font.family: drawer.monoTitle ? Style.monoFamily : Style.fontFamily
                        color: Style.text
                        elide: Text.ElideMiddle
                        Layout.fillWidth: implicitWidth > width
                        Layout.maximumWidth: implicitWidth
                        Layout.preferredWidth: implicitWidth
                    }
                    CopyButton { visible: drawer.copyValue !== ""; value: drawer.copyValue }
                    Item { Layout.fillWidth: true }
                }
                Label {
                    visible: drawer.subtitle !== ""
                    text: drawer.subtitle
                    color: Style.textMuted
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
            }
            ToolButton {
                icon.name: Style.icons.close
                display: AbstractButton.IconOnly
                text: qsTr("Close")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Close (Esc)")
                Layout.alignment: Qt.AlignTop
                onClicked: drawer.close()
            }
        }
        Rectangle { Layout.fillWidth: true; height: 1; color: Style.border }
        ScrollView {
            id: scroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true
            ColumnLayout {
                id: body
                x: Style.spaceL
                y: Style.spaceL
                width: scroll.availableWidth - 2 * Style.spaceL
                spacing: Style.spaceS
            }
        }
    }
}
