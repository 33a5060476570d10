import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// The bar over the pages: which stack this is, always visible, coloured by stage.
Rectangle {
    id: bar
    signal paletteRequested()
    implicitHeight: 44
    color: Style.surface
    readonly property color stageColor: Style.stageColor(Session.stage)

    // Production gets a band of its colour across the top, on every page.
    Rectangle { width: parent.width; height: Session.connected && Session.production ? 3 : 0; color: bar.stageColor }
    Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Style.border }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Style.spaceL
        anchors.rightMargin: Style.spaceL
        spacing: Style.spaceM
        Rectangle {
            visible: Session.connected
            radius: Style.radiusS
            color: bar.stageColor
            implicitWidth: stageLabel.implicitWidth + 2 * Style.spaceS
            implicitHeight: stageLabel.implicitHeight + Style.spaceXs
            Label {
                id: stageLabel
                anchors.centerIn: parent
                color: Style.accentText
                font.pixelSize: Style.fontCaption
                font.weight: Font.Bold
                font.letterSpacing: 0.5
                text: (Session.demo ? qsTr("DEMO · ") : "") + Session.stageLabel.toUpperCase()
            }
        }
        Label {
            visible: Session.connected
            text: Session.name
            font.weight: Font.DemiBold
            color: Style.text
            elide: Text.ElideRight
            Layout.maximumWidth: 260
        }
        Label {
            visible: Session.connected
            text: Session.serverUrl
            font.family: Style.monoFamily
            font.pixelSize: Style.fontLabel
            color: Style.textMuted
            elide: Text.ElideMiddle
            Layout.maximumWidth: 280
        }
        Label {
            visible: !Session.connected
            text: Session.busy ? qsTr("Connecting…") : qsTr("Not connected")
            color: Style.textMuted
        }
        Rectangle {
            visible: Session.readOnly
            radius: Style.radiusS
            color: Style.warningSurface
            implicitWidth: roLabel.implicitWidth + 2 * Style.spaceS
            implicitHeight: roLabel.implicitHeight + Style.spaceXs
            Label { id: roLabel; anchors.centerIn: parent; text: qsTr("read-only"); color: Style.warning; font.pixelSize: Style.fontCaption }
        }
        Item { Layout.fillWidth: true }
        Label {
            visible: Session.notice !== ""
            text: Session.notice
            color: Style.warning
            elide: Text.ElideRight
            Layout.maximumWidth: 360
        }
        Button {
            text: qsTr("Go to…  Ctrl+K")
            flat: true
            icon.name: Style.icons.search
            onClicked: bar.paletteRequested()
        }
    }
}
