pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// Transactions with filters that apply as you type and survive paging; rows load as you scroll.
Pane {
    id: page
    property string ledger // the window's current ledger (PageSlot.ledger)
    signal transactionActivated(string id)
    readonly property int rowCount: transactions.count
    readonly property bool loading: transactions.loading
    function refresh() { transactions.reload() }
    function findRow(role, value) { return transactions.find(role, value) }
    function openRow(row) {
        list.positionAt(row)
        page.transactionActivated(transactions.value(row, "transactionId"))
    }
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    TransactionsModel {
        id: transactions
        session: Session
        ledger: page.ledger
    }
    // Bulk revert: the rows checked in the list, previewed then sent from BulkRevertDialog.
    BulkRevertController {
        id: bulkRevert
        objectName: "bulkRevert"
        session: Session
        ledger: page.ledger
        onDone: Notifications.post(qsTr("Bulk revert: %1 reverted, %2 refused.").arg(bulkRevert.revertedCount).arg(bulkRevert.failedCount))
    }
    BulkRevertDialog { id: revertDialog; revert: bulkRevert }
    // Writes anywhere in the window (revert, commit, metadata) touch this list: follow them.
    Connections {
        target: Notifications
        function onPosted() { transactions.reload() }
    }

    // A filter field that applies itself shortly after typing stops (and at once on Return).
    component Filter: TextField {
        id: filter
        property string applied
        signal apply(string text)
        Layout.fillWidth: true
        Layout.minimumWidth: 90
        text: applied
        onTextEdited: debounce.restart()
        onAccepted: { debounce.stop(); apply(text) }
        Timer { id: debounce; interval: 450; onTriggered: filter.apply(filter.text) }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceM

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Transactions")
            subtitle: qsTr("Ledger %1").arg(page.ledger)
            ExportBar { model: transactions; transactions: true }
            Button {
                objectName: "revertSelectedButton"
                text: bulkRevert.selectedCount > 0 ? qsTr("Revert %1 selected…").arg(bulkRevert.selectedCount) : qsTr("Revert selected…")
                icon.name: Style.icons.undo
                enabled: bulkRevert.selectedCount > 0 && !Session.readOnly
                Accessible.name: text
                onClicked: revertDialog.start()
            }
            Button { text: qsTr("Clear filters"); icon.name: Style.icons.filter; onClicked: transactions.clearFilters() }
            Button { text: qsTr("Refresh"); icon.name: Style.icons.refresh; onClicked: transactions.reload() }
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 5
            columnSpacing: Style.spaceS
            rowSpacing: Style.spaceS
            Filter { placeholderText: qsTr("Account (users:1, users:)"); applied: transactions.account; onApply: t => transactions.account = t }
            Filter { placeholderText: qsTr("Source"); applied: transactions.source; onApply: t => transactions.source = t }
            Filter { placeholderText: qsTr("Destination"); applied: transactions.destination; onApply: t => transactions.destination = t }
            Filter { placeholderText: qsTr("Reference"); applied: transactions.reference; onApply: t => transactions.reference = t }
            Filter { placeholderText: qsTr("Metadata key"); applied: transactions.metadataKey; onApply: t => transactions.metadataKey = t }
            Filter { placeholderText: qsTr("Metadata value"); applied: transactions.metadataValue; onApply: t => transactions.metadataValue = t }
            Filter { placeholderText: qsTr("From (2024-11-01)"); applied: transactions.from; onApply: t => transactions.from = t }
            Filter { placeholderText: qsTr("To (2024-12-01)"); applied: transactions.to; onApply: t => transactions.to = t }
            Filter { placeholderText: qsTr("As of (point in time)"); applied: transactions.pointInTime; onApply: t => transactions.pointInTime = t }
            CheckBox { text: qsTr("Oldest first"); checked: transactions.oldestFirst; onToggled: transactions.oldestFirst = checked }
        }
        Label {
            Layout.fillWidth: true
            text: transactions.filterError !== "" ? transactions.filterError : qsTr("Filters apply as you type.")
            color: transactions.filterError !== "" ? Style.danger : Style.textMuted
            font.pixelSize: Style.fontCaption
            wrapMode: Text.Wrap
        }
        ListPage {
            id: list
            objectName: "transactionsList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            focus: true
            listKey: "transactions"
            model: transactions
            sortRole: "transactionId"
            sortAscending: transactions.oldestFirst
            onSortClicked: transactions.oldestFirst = !transactions.oldestFirst
            emptyTitle: qsTr("No transactions match.")
            emptyHint: qsTr("Clear the filters, or commit one on “New transaction”.")
            // "1–100 of 12,345" once countTransactions answered for these filters and more is to load.
            countText: transactions.total.total !== "" && transactions.hasMore ? transactions.total.rangeText(transactions.count, transactions.hasMore)
                     : transactions.hasMore ? qsTr("%1 loaded, scroll for more").arg(transactions.count)
                                            : Style.counted(transactions.count, qsTr("1 transaction"), qsTr("%1 transactions"))
            // The rows to revert at once (Revert selected…).
            checkColumn: ({
                check: row => bulkRevert.selectedIds.indexOf(row.transactionId) >= 0,
                toggle: (index, on) => bulkRevert.setSelected(transactions, index, on),
                name: row => qsTr("Select transaction %1").arg(row.transactionId)
            })
            columns: [
                { title: qsTr("ID"), role: "transactionId", width: 64, mono: true, sortable: true,
                  format: row => row.transactionId + (row.reverted ? " ↺" : ""),
                  colorFor: row => row.reverted ? Style.textMuted : Style.text },
                { title: qsTr("Time"), role: "timeText", width: 168, sortable: true },
                { title: qsTr("Postings"), role: "postingsText", fill: true, minWidth: 120, mono: true },
                { title: qsTr("Amount"), role: "amountText", width: 140, amount: true },
                { title: qsTr("Reference"), role: "reference", width: 184, mono: true, elide: Text.ElideMiddle },
                { title: qsTr("Metadata"), role: "metadataText", width: 110, muted: true }
            ]
            onActivated: row => page.transactionActivated(transactions.value(row, "transactionId"))
        }
    }
}
