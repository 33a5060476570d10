import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// Transactions with filters that survive paging; rows load as you scroll.
Pane {
    id: page
    property alias ledger: transactions.ledger
    signal transactionChosen(string id)
    signal firstRowLoaded(string id)

    TransactionsModel {
        id: transactions
        session: Session
        onCountChanged: if (count > 0) page.firstRowLoaded(get(0).transactionId)
    }

    ColumnLayout {
        anchors.fill: parent
        RowLayout {
            Label { text: qsTr("Transactions · %1").arg(page.ledger); font.pixelSize: 20; Layout.fillWidth: true }
            CheckBox { text: qsTr("Oldest first"); checked: transactions.oldestFirst; onToggled: transactions.oldestFirst = checked }
            ExportBar { model: transactions; transactions: true }
            Button { text: qsTr("Clear filters"); onClicked: transactions.clearFilters() }
            Button { text: qsTr("Refresh"); onClicked: transactions.reload() }
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 6
            TextField { Layout.fillWidth: true; placeholderText: qsTr("Account (users:1, users:)"); text: transactions.account; onEditingFinished: transactions.account = text }
            TextField { Layout.fillWidth: true; placeholderText: qsTr("Source"); text: transactions.source; onEditingFinished: transactions.source = text }
            TextField { Layout.fillWidth: true; placeholderText: qsTr("Destination"); text: transactions.destination; onEditingFinished: transactions.destination = text }
            TextField { Layout.fillWidth: true; placeholderText: qsTr("Reference"); text: transactions.reference; onEditingFinished: transactions.reference = text }
            TextField { Layout.fillWidth: true; placeholderText: qsTr("Metadata key"); text: transactions.metadataKey; onEditingFinished: transactions.metadataKey = text }
            TextField { Layout.fillWidth: true; placeholderText: qsTr("Metadata value"); text: transactions.metadataValue; onEditingFinished: transactions.metadataValue = text }
            TextField { Layout.fillWidth: true; placeholderText: qsTr("From (2024-11-01)"); text: transactions.from; onEditingFinished: transactions.from = text }
            TextField { Layout.fillWidth: true; placeholderText: qsTr("To (2024-12-01)"); text: transactions.to; onEditingFinished: transactions.to = text }
            TextField { Layout.fillWidth: true; placeholderText: qsTr("As of (point in time)"); text: transactions.pointInTime; onEditingFinished: transactions.pointInTime = text }
        }
        Label { visible: transactions.filterError !== ""; text: transactions.filterError; color: "#c0392b" }
        Label { visible: transactions.error !== ""; text: transactions.error; color: "#c0392b"; wrapMode: Text.Wrap; Layout.fillWidth: true }
        HeaderRow {
            Layout.fillWidth: true
            columns: [qsTr("ID"), qsTr("Time"), qsTr("Postings"), qsTr("Amount"), qsTr("Reference"), qsTr("Metadata")]
            widths: [0.06, 0.13, 0.27, 0.24, 0.12, 0.18]
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: transactions
            reuseItems: true
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                required property string transactionId
                required property string timeText
                required property string postingsText
                required property string amountText
                required property string reference
                required property string metadataText
                required property bool reverted
                width: ListView.view.width
                onClicked: page.transactionChosen(transactionId)
                contentItem: RowLayout {
                    opacity: reverted ? 0.55 : 1
                    Label { text: transactionId + (reverted ? " ↺" : ""); Layout.preferredWidth: list.width * 0.06; font.family: "monospace" }
                    Label { text: timeText; Layout.preferredWidth: list.width * 0.13 }
                    Label { text: postingsText; Layout.preferredWidth: list.width * 0.27; elide: Text.ElideRight }
                    Label { text: amountText; Layout.preferredWidth: list.width * 0.24; elide: Text.ElideLeft; horizontalAlignment: Text.AlignRight; font.family: "monospace" }
                    Label { text: reference; Layout.preferredWidth: list.width * 0.12; elide: Text.ElideRight }
                    Label { text: metadataText; Layout.fillWidth: true; elide: Text.ElideRight; opacity: 0.8 }
                }
            }
            footer: Label {
                width: list.width
                horizontalAlignment: Text.AlignHCenter
                padding: 8
                opacity: 0.7
                text: transactions.loading ? qsTr("Loading…")
                    : transactions.count === 0 ? qsTr("No transactions match.")
                    : transactions.hasMore ? qsTr("%1 loaded, scroll for more").arg(transactions.count)
                    : qsTr("%1 transactions").arg(transactions.count)
            }
        }
    }
}
