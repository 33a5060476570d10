import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

Pane {
    id: page
    property alias ledger: accounts.ledger

    AccountsModel {
        id: accounts
        session: Session
        // --page account: the first account with history, for screenshots.
        onCountChanged: if (count > 20 && window.initialPage === "account" && !detail.visible) detail.open(addressAt(20))
    }
    AccountDetailDrawer {
        id: detail
        ledger: page.ledger
        width: Math.min(page.width * 0.75, 760)
        height: window.height
        onTransactionChosen: id => window.openTransaction(id)
    }

    ColumnLayout {
        anchors.fill: parent
        RowLayout {
            Label { text: qsTr("Accounts · %1").arg(page.ledger); font.pixelSize: 20; Layout.fillWidth: true }
            TextField {
                Layout.preferredWidth: 280
                placeholderText: qsTr("Address or pattern (merchants:)")
                onEditingFinished: accounts.addressFilter = text
            }
            ExportBar { model: accounts; transactions: false }
            Button { text: qsTr("Refresh"); onClicked: accounts.reload() }
        }
        Label { visible: accounts.error !== ""; text: accounts.error; color: "#c0392b"; wrapMode: Text.Wrap; Layout.fillWidth: true }
        RowLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        spacing: 12
        // The loaded accounts as a tree by ":" segments; a leaf opens the account.
        TreeView {
            id: tree
            Layout.preferredWidth: 240
            Layout.fillHeight: true
            clip: true
            model: AccountTreeModel { source: accounts }
            ScrollBar.vertical: ScrollBar {}
            delegate: TreeViewDelegate {
                required property string path
                required property bool isAccount
                required property int accountCount
                implicitWidth: tree.width
                text: model.segment + (hasChildren ? "  (" + accountCount + ")" : "")
                font.family: "monospace"
                onClicked: if (isAccount) detail.open(path)
            }
        }
        ColumnLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        HeaderRow {
            Layout.fillWidth: true
            columns: [qsTr("Address"), qsTr("Balances"), qsTr("Metadata")]
            widths: [0.3, 0.4, 0.3]
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: accounts
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                required property string address
                required property string balancesText
                required property string metadataText
                width: ListView.view.width
                onClicked: detail.open(address)
                contentItem: RowLayout {
                    Label { text: address; Layout.preferredWidth: list.width * 0.3; elide: Text.ElideRight; font.family: "monospace" }
                    Label { text: balancesText; Layout.preferredWidth: list.width * 0.4; elide: Text.ElideRight; font.family: "monospace" }
                    Label { text: metadataText; Layout.fillWidth: true; elide: Text.ElideRight; opacity: 0.8 }
                }
            }
            footer: Label {
                width: list.width
                horizontalAlignment: Text.AlignHCenter
                padding: 8
                opacity: 0.7
                text: accounts.loading ? qsTr("Loading…") : qsTr("%1 accounts%2").arg(accounts.count).arg(accounts.hasMore ? qsTr(", scroll for more") : "")
            }
        }
        }
        }
    }
}
