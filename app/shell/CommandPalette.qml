pragma ComponentBehavior: Bound
import QtQuick
import Formance.Desk
import QtQuick.Controls
import QtQuick.Layouts

// Ctrl+K: type to jump to any screen, or to find something on the stack (a transaction by its
// reference or id, an account address, a wallet, a payment): the stack's results come below the
// screens, grouped by kind, each opening its screen.
Popup {
    id: popup
    property var pages: []
    signal chosen(string key)
    // A search result: {kind, page, ledger, id, title}.
    signal resultChosen(var result)
    modal: true
    focus: true
    anchors.centerIn: Overlay.overlay
    width: 560
    padding: Style.spaceS

    onOpened: {
        query.text = ""
        search.query = ""
        query.forceActiveFocus()
    }
    // A plain array (qmllint 6.4 sees no methods on a QVariantList).
    readonly property var results: search.results
    readonly property var matches: pages.filter(p => p.title.toLowerCase().includes(query.text.toLowerCase()))
    // Screens first, then the stack's results: one list, one current row.
    readonly property var entries: matches.map(p => ({ isPage: true, key: p.key, title: p.title, icon: p.icon || "", detail: "", kindTitle: "" }))
                                          .concat(popup.results.map(r => Object.assign({ isPage: false, icon: "" }, r)))
    function choose(i) {
        const e = entries[i]
        if (!e)
            return
        if (e.isPage)
            chosen(e.key)
        else
            resultChosen(e)
        close()
    }

    StackSearch { id: search; session: Session }
    Timer { id: searchDelay; interval: 300; onTriggered: search.query = query.text }

    ColumnLayout {
        anchors.fill: parent
        TextField {
            id: query
            objectName: "paletteQuery"
            Layout.fillWidth: true
            placeholderText: Session.connected ? qsTr("Go to… or find a reference, an id, an address") : qsTr("Go to…")
            Accessible.name: qsTr("Go to or search")
            onTextEdited: { list.currentIndex = 0; searchDelay.restart() }
            Keys.onReturnPressed: popup.choose(list.currentIndex >= 0 ? list.currentIndex : 0)
            Keys.onDownPressed: list.incrementCurrentIndex()
            Keys.onUpPressed: list.decrementCurrentIndex()
        }
        BusyIndicatorRow { running: search.busy; text: qsTr("Searching the stack…") }
        ListView {
            id: list
            objectName: "paletteResults"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 420)
            clip: true
            model: popup.entries
            currentIndex: 0
            delegate: Column {
                id: slot
                required property var modelData
                required property int index
                readonly property bool firstOfKind: !modelData.isPage && (index === 0 || popup.entries[index - 1].isPage || popup.entries[index - 1].kind !== modelData.kind)
                width: ListView.view.width
                Label {
                    visible: slot.firstOfKind
                    width: parent.width
                    text: slot.modelData.kindTitle.toUpperCase()
                    leftPadding: Style.spaceS
                    topPadding: Style.spaceS
                    font.pixelSize: Style.fontCaption
                    font.weight: Font.DemiBold
                    color: Style.textMuted
                }
                ItemDelegate {
                    width: parent.width
                    text: slot.modelData.title
                    icon.name: slot.modelData.icon
                    highlighted: slot.ListView.isCurrentItem
                    Accessible.name: slot.modelData.detail !== "" ? slot.modelData.title + ", " + slot.modelData.detail : slot.modelData.title
                    onClicked: popup.choose(slot.index)
                    contentItem: RowLayout {
                        spacing: Style.spaceS
                        Label { text: slot.modelData.title; font.family: slot.modelData.isPage ? Style.fontFamily : Style.monoFamily; elide: Text.ElideRight; Layout.maximumWidth: 260 }
                        Label { visible: text !== ""; text: slot.modelData.detail; color: Style.textMuted; font.pixelSize: Style.fontLabel; elide: Text.ElideRight; Layout.fillWidth: true }
                    }
                }
            }
        }
        Label {
            visible: !search.busy && search.query.trim().length >= 2 && search.results.length === 0 && popup.matches.length === 0
            text: qsTr("Nothing found on the stack.")
            color: Style.textMuted
        }
    }
}
