pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// The ledger's accounts: a tree by ":" segments and the list; a row opens the account.
Pane {
    id: page
    property string ledger // the window's current ledger (PageSlot.ledger)
    signal transactionActivated(string id)
    readonly property int rowCount: accounts.count
    readonly property bool loading: accounts.loading
    function refresh() { accounts.reload() }
    function findRow(role, value) { return accounts.find(role, value) }
    function openRow(row) {
        list.positionAt(row)
        detail.show(accounts.addressAt(row))
    }
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    AccountsModel { id: accounts; session: Session; ledger: page.ledger }
    AccountDetailDrawer {
        id: detail
        ledger: page.ledger
        width: Math.min(page.width * 0.8, 760)
        onTransactionActivated: id => page.transactionActivated(id)
        onMetadataSaved: accounts.reload()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceM
        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Accounts")
            subtitle: qsTr("Ledger %1").arg(page.ledger)
            TextField {
                id: addressField
                Layout.preferredWidth: 240
                placeholderText: qsTr("Address or pattern (merchants:)")
                onTextEdited: filterDelay.restart()
                onAccepted: { filterDelay.stop(); accounts.addressFilter = text }
                Timer { id: filterDelay; interval: 450; onTriggered: accounts.addressFilter = addressField.text }
            }
            ExportBar { model: accounts; transactions: false }
            Button { text: qsTr("Refresh"); icon.name: Style.icons.refresh; onClicked: accounts.reload() }
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Style.spaceM
            // The loaded accounts as a tree by ":" segments; a leaf opens the account.
            Rectangle {
                Layout.preferredWidth: 220
                Layout.fillHeight: true
                color: Style.surface
                border.color: Style.border
                radius: Style.radiusM
                TreeView {
                    id: tree
                    anchors.fill: parent
                    anchors.margins: 1
                    clip: true
                    model: AccountTreeModel { source: accounts }
                    ScrollBar.vertical: ScrollBar {}
                    delegate: TreeViewDelegate {
                        id: node
                        required property string segment
                        required property string path
                        required property bool isAccount
                        required property int accountCount
                        implicitWidth: tree.width
                        text: segment + (hasChildren ? "  (" + accountCount + ")" : "")
                        font.family: Style.monoFamily
                        onClicked: if (isAccount) detail.show(path)
                    }
                }
            }
            ListPage {
                id: list
                Layout.fillWidth: true
                Layout.fillHeight: true
                listKey: "accounts"
                model: accounts
                emptyTitle: qsTr("No accounts match.")
                countText: accounts.total.total !== "" && accounts.hasMore ? accounts.total.rangeText(accounts.count, accounts.hasMore)
                         : Style.counted(accounts.count, qsTr("1 account"), qsTr("%1 accounts")) + (accounts.hasMore ? qsTr(", scroll for more") : "")
                columns: [
                    { title: qsTr("Address"), role: "address", width: 200, mono: true },
                    { title: qsTr("Balances"), role: "balancesText", width: 180, amount: true },
                    { title: qsTr("Metadata"), role: "metadataText", fill: true, minWidth: 100, muted: true }
                ]
                onActivated: row => detail.show(accounts.addressAt(row))
            }
        }
    }
}
