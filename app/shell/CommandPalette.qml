pragma ComponentBehavior: Bound
import QtQuick
import Formance.Desk
import QtQuick.Controls
import QtQuick.Layouts

// Ctrl+K: type to jump to any screen.
Popup {
    id: popup
    property var pages: []
    signal chosen(string key)
    modal: true
    focus: true
    anchors.centerIn: Overlay.overlay
    width: 480
    padding: Style.spaceS

    onOpened: {
        query.text = ""
        query.forceActiveFocus()
    }
    readonly property var matches: pages.filter(p => p.title.toLowerCase().includes(query.text.toLowerCase()))

    ColumnLayout {
        anchors.fill: parent
        TextField {
            id: query
            Layout.fillWidth: true
            placeholderText: qsTr("Go to…")
            Keys.onReturnPressed: if (popup.matches.length > 0) { popup.chosen(popup.matches[list.currentIndex >= 0 ? list.currentIndex : 0].key); popup.close() }
            Keys.onDownPressed: list.incrementCurrentIndex()
            Keys.onUpPressed: list.decrementCurrentIndex()
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.preferredHeight: contentHeight
            model: popup.matches
            currentIndex: 0
            delegate: ItemDelegate {
                required property var modelData
                required property int index
                width: ListView.view.width
                text: modelData.title
                icon.name: modelData.icon || ""
                highlighted: ListView.isCurrentItem
                onClicked: { popup.chosen(modelData.key); popup.close() }
            }
        }
    }
}
