import QtQuick
import Formance.Desk
import QtQuick.Controls
import QtQuick.Layouts

// An error in words, with Retry when there is something to retry.
Rectangle {
    id: banner
    property string text
    property bool retryable: true
    signal retry()
    visible: text !== ""
    color: Style.dangerSurface
    border.color: Style.danger
    radius: Style.radiusM
    implicitHeight: row.implicitHeight + 2 * Style.spaceS
    implicitWidth: row.implicitWidth + 2 * Style.spaceM

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Style.spaceM
        anchors.rightMargin: Style.spaceS
        spacing: Style.spaceS
        Label {
            text: banner.text
            color: Style.danger
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Button {
            visible: banner.retryable
            text: qsTr("Retry")
            icon.name: Style.icons.refresh
            flat: true
            onClicked: banner.retry()
        }
    }
}
