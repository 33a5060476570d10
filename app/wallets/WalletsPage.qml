pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// The wallets of the stack (not tied to the chosen ledger); a row opens its balances and holds.
Pane {
    id: page
    readonly property int rowCount: wallets.count
    readonly property bool loading: wallets.loading
    function refresh() { wallets.reload() }
    function findRow(role, value) { return wallets.find(role, value) }
    function openRow(row) {
        list.positionAt(row)
        detail.show(wallets.idAt(row))
    }
    function askNewWallet() { newWallet.ask() }
    // Over the open wallet's drawer.
    function askCredit() { detail.askCredit("credit") }
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    WalletsModel { id: wallets; session: Session }
    WalletDetailDrawer {
        id: detail
        width: Math.min(page.width * 0.8, 760)
    }
    NewWalletDialog {
        id: newWallet
        parent: Overlay.overlay
        onDone: id => {
            wallets.reload()
            detail.show(id)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceM
        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Wallets")
            subtitle: qsTr("Every wallet of the stack, whatever its ledger")
            TextField {
                id: nameField
                Layout.preferredWidth: 220
                placeholderText: qsTr("Exact name")
                onAccepted: wallets.nameFilter = text
                onTextEdited: nameDelay.restart()
                Timer { id: nameDelay; interval: 450; onTriggered: wallets.nameFilter = nameField.text }
            }
            Button { text: qsTr("New wallet…"); icon.name: Style.icons.add; enabled: Session.connected && !Session.readOnly; onClicked: newWallet.ask() }
            Button { text: qsTr("Refresh"); icon.name: Style.icons.refresh; onClicked: wallets.reload() }
        }
        ListPage {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            listKey: "wallets"
            model: wallets
            selectedRow: detail.visible ? wallets.find("walletId", detail.walletId) : -1
            emptyTitle: !Session.connected ? qsTr("Not connected.")
                      : wallets.nameFilter !== "" ? qsTr("No wallet is named “%1”.").arg(wallets.nameFilter) : qsTr("No wallets on this stack.")
            countText: Style.counted(wallets.count, qsTr("1 wallet"), qsTr("%1 wallets"))
            columns: [
                { title: qsTr("Name"), role: "name", width: 140, strong: true },
                { title: qsTr("ID"), role: "walletId", width: 190, mono: true, elide: Text.ElideMiddle },
                { title: qsTr("Ledger"), role: "ledger", width: 120, mono: true },
                { title: qsTr("Created"), role: "createdAt", width: 150 },
                { title: qsTr("Metadata"), role: "metadataText", fill: true, minWidth: 100, muted: true }
            ]
            onActivated: row => detail.show(wallets.idAt(row))
        }
    }
}
