import QtQuick
import Formance.Desk
import QtQuick.Controls
import QtQuick.Layouts

// A small busy indicator with what is happening; takes no room when idle.
RowLayout {
    id: busy
    property bool running: false
    property string text: qsTr("Loading…")
    visible: running
    spacing: Style.spaceS
    BusyIndicator {
        running: busy.running
        implicitWidth: 22
        implicitHeight: 22
    }
    Label {
        text: busy.text
        color: Style.textMuted
    }
}
