import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// One account: balances per asset with volumes, metadata editing, and its transactions.
Drawer {
    id: drawer
    property string ledger
    signal transactionChosen(string id)
    edge: Qt.RightEdge

    function open(address) {
        account.address = address
        account.load()
        transactions.account = address
        visible = true
    }

    AccountDetailController { id: account; session: Session; ledger: drawer.ledger }
    TransactionsModel { id: transactions; session: Session; ledger: drawer.ledger; pageSize: 50 }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 8
        Label { text: account.address; font.pixelSize: 20; font.family: "monospace" }
        Label { visible: account.error !== ""; text: account.error; color: "#c0392b"; wrapMode: Text.Wrap; Layout.fillWidth: true }
        Label { text: qsTr("Balances"); font.bold: true }
        Repeater {
            model: account.volumes
            delegate: RowLayout {
                required property var modelData
                Label { text: modelData.asset; Layout.preferredWidth: 90; font.bold: true }
                Label { text: modelData.balance; Layout.preferredWidth: 230; horizontalAlignment: Text.AlignRight; font.family: "monospace"; color: modelData.negative ? "#c0392b" : palette.windowText }
                Label { text: qsTr("in %1 · out %2").arg(modelData.input).arg(modelData.output); opacity: 0.7; font.family: "monospace"; elide: Text.ElideRight; Layout.fillWidth: true }
            }
        }
        BalanceChart {
            Layout.fillWidth: true
            Layout.preferredHeight: 220
            visible: account.history.length > 1
            points: account.history
            asset: account.chartAsset
        }
        MetadataEditor { controller: account; Layout.fillWidth: true }
        Label { text: qsTr("Transactions"); font.bold: true }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: transactions
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                required property string transactionId
                required property string timeText
                required property string postingsText
                required property string amountText
                width: ListView.view.width
                onClicked: drawer.transactionChosen(transactionId)
                contentItem: RowLayout {
                    Label { text: transactionId; Layout.preferredWidth: 60; font.family: "monospace" }
                    Label { text: timeText; Layout.preferredWidth: 150 }
                    Label { text: postingsText; Layout.fillWidth: true; elide: Text.ElideRight }
                    Label { text: amountText; font.family: "monospace" }
                }
            }
        }
    }
}
