pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// The sidebar, full height: pages grouped by service, with icons. A service the stack does not
// report (getVersions) is hidden; ledger pages wait until a ledger is chosen. In the Tab order:
// arrows move between entries, Return or Space opens one.
Rectangle {
    id: nav
    required property var pages
    required property string current
    required property string ledger
    // A count shown on a page's entry (the inbox), by page key; 0 or missing shows none.
    property var badges: ({})
    signal activated(string key)
    color: Style.sidebar

    function available(p) {
        return !p.needsLedger || (Session.connected && nav.ledger !== "")
    }
    readonly property var visiblePages: pages.filter(p => p.service === "" || Session.hasService(p.service))

    Rectangle { anchors.right: parent.right; width: 1; height: parent.height; color: Style.border }

    ColumnLayout {
        anchors.fill: parent
        anchors.rightMargin: 1
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: Style.spaceL
            spacing: Style.spaceS
            Image {
                source: "qrc:/Formance/Desk/resources/icons/com.formance.Desk.svg"
                sourceSize.width: 24
                sourceSize.height: 24
                Layout.preferredWidth: 24
                Layout.preferredHeight: 24
            }
            Label {
                text: qsTr("Formance Desk")
                font.pixelSize: Style.fontTitle
                font.weight: Font.DemiBold
                color: Style.text
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
        }

        ListView {
            id: list
            objectName: "navigation"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: nav.visiblePages
            activeFocusOnTab: true
            keyNavigationEnabled: true
            boundsBehavior: Flickable.StopAtBounds
            currentIndex: nav.visiblePages.findIndex(p => p.key === nav.current)
            Keys.onReturnPressed: activateCurrent()
            Keys.onSpacePressed: activateCurrent()
            function activateCurrent() {
                const p = nav.visiblePages[currentIndex]
                if (p && nav.available(p))
                    nav.activated(p.key)
            }
            delegate: Column {
                id: slot
                required property var modelData
                required property int index
                readonly property bool firstOfGroup: index === 0 || nav.visiblePages[index - 1].group !== modelData.group
                width: ListView.view.width
                // The service's heading above its first page (not a section delegate: Qt 6.4 does
                // not create a bound one).
                Label {
                    visible: slot.firstOfGroup
                    width: parent.width
                    text: slot.modelData.group.toUpperCase()
                    leftPadding: Style.spaceL
                    topPadding: Style.spaceM
                    bottomPadding: Style.spaceXs
                    font.pixelSize: Style.fontCaption
                    font.weight: Font.DemiBold
                    font.letterSpacing: 0.6
                    color: Style.textMuted
                }
            ItemDelegate {
                id: entry
                readonly property var modelData: slot.modelData
                width: parent.width
                height: Style.rowHeight
                leftPadding: Style.spaceL
                text: modelData.title
                icon.name: modelData.icon
                icon.width: 18
                icon.height: 18
                icon.color: "transparent"
                focusPolicy: Qt.NoFocus
                enabled: nav.available(modelData)
                highlighted: nav.current === modelData.key
                // The current page reads dark on its light selection (not the style's white).
                palette.highlightedText: Style.text
                font.weight: highlighted ? Font.DemiBold : Font.Normal
                onClicked: nav.activated(modelData.key)
                ToolTip.visible: hovered && !enabled
                ToolTip.text: Session.connected ? qsTr("Choose a ledger first") : qsTr("Connect to a stack first")
                rightPadding: badge.visible ? badge.width + Style.spaceL : Style.spaceS
                Accessible.name: badge.visible ? qsTr("%1, %2 items").arg(modelData.title).arg(badge.count) : modelData.title
                Rectangle {
                    id: badge
                    readonly property int count: nav.badges[entry.modelData.key] || 0
                    objectName: "badge-" + entry.modelData.key
                    visible: count > 0
                    anchors.right: parent.right
                    anchors.rightMargin: Style.spaceM
                    anchors.verticalCenter: parent.verticalCenter
                    width: Math.max(height, badgeLabel.implicitWidth + 2 * Style.spaceXs)
                    height: badgeLabel.implicitHeight + 2
                    radius: height / 2
                    color: Style.danger
                    Label {
                        id: badgeLabel
                        anchors.centerIn: parent
                        text: badge.count > 99 ? "99+" : String(badge.count)
                        color: Style.accentText
                        font.pixelSize: Style.fontCaption
                        font.weight: Font.DemiBold
                    }
                }
                background: Rectangle {
                    anchors.fill: parent
                    anchors.leftMargin: Style.spaceS
                    anchors.rightMargin: Style.spaceS
                    radius: Style.radiusM
                    color: entry.highlighted ? Style.selection : entry.hovered ? Style.hover : "transparent"
                    border.width: slot.ListView.isCurrentItem && list.activeFocus ? 2 : 0
                    border.color: Style.focusRing
                }
            }
            }
        }

        Rectangle { Layout.fillWidth: true; height: 1; color: Style.border }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.margins: Style.spaceL
            spacing: 2
            Label {
                text: qsTr("Ledger")
                font.pixelSize: Style.fontCaption
                color: Style.textMuted
            }
            Label {
                Layout.fillWidth: true
                text: nav.ledger !== "" ? nav.ledger : qsTr("none chosen")
                font.family: Style.monoFamily
                color: nav.ledger !== "" ? Style.text : Style.textMuted
                elide: Text.ElideRight
            }
        }
    }
}
