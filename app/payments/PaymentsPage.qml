pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// The payments the connectors brought in, with the API's filters (status, type, asset, connector,
// reference) and sort, paged by cursor as the list scrolls; a row opens its detail.
Pane {
    id: page
    property string ledger
    signal transactionActivated(string id)
    readonly property int rowCount: payments.count
    readonly property bool loading: payments.loading
    function refresh() { payments.reload() }
    function findRow(role, value) { return payments.find(role, value) }
    function openRow(row) {
        list.positionAt(row)
        detail.show(payments.idAt(row))
    }
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    function applyFilters() {
        payments.filters = {
            status: statusBox.currentIndex > 0 ? statusBox.currentText : "",
            type: typeBox.currentIndex > 0 ? typeBox.currentText : "",
            asset: assetField.text,
            reference: referenceField.text
        }
    }

    PaymentsModel { id: payments; session: Session; sort: sortBox.currentValue }
    PaymentDetailDrawer {
        id: detail
        ledger: page.ledger
        width: Math.min(page.width * 0.8, 760)
        onTransactionActivated: id => page.transactionActivated(id)
        onChanged: payments.reload()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceM
        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Payments")
            subtitle: qsTr("Pay-ins, payouts and transfers the connectors report")
            Button { text: qsTr("Refresh"); icon.name: Style.icons.refresh; Accessible.name: text; onClicked: payments.reload() }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Style.spaceS
            ComboBox {
                id: statusBox
                Accessible.name: qsTr("Status")
                model: [qsTr("Any status"), "PENDING", "SUCCEEDED", "CANCELLED", "FAILED", "EXPIRED", "REFUNDED", "OTHER"]
                onActivated: page.applyFilters()
            }
            ComboBox {
                id: typeBox
                Accessible.name: qsTr("Type")
                model: [qsTr("Any type"), "PAY-IN", "PAYOUT", "TRANSFER", "OTHER"]
                onActivated: page.applyFilters()
            }
            TextField {
                id: assetField
                Layout.preferredWidth: 110
                placeholderText: qsTr("Asset (EUR/2)")
                Accessible.name: qsTr("Asset")
                onAccepted: page.applyFilters()
            }
            TextField {
                id: referenceField
                Layout.fillWidth: true
                placeholderText: qsTr("Exact reference")
                Accessible.name: qsTr("Reference")
                onAccepted: page.applyFilters()
            }
            ComboBox {
                id: sortBox
                // The v3 list offers no sort (PaymentsOperations): the stack's order then.
                visible: payments.sortable
                Accessible.name: qsTr("Sort")
                textRole: "text"
                valueRole: "value"
                model: [
                    { text: qsTr("Newest first"), value: "createdAt:desc" },
                    { text: qsTr("Oldest first"), value: "createdAt:asc" },
                    { text: qsTr("Largest amount"), value: "amount:desc" },
                    { text: qsTr("Smallest amount"), value: "amount:asc" }
                ]
            }
        }
        ListPage {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            listKey: "payments"
            model: payments
            selectedRow: detail.visible ? payments.find("paymentId", detail.paymentId) : -1
            emptyTitle: Session.connected ? qsTr("No payment matches.") : qsTr("Not connected.")
            emptyHint: Session.connected ? qsTr("Payments appear as the connectors fetch them.") : ""
            countText: Style.counted(payments.count, qsTr("1 payment"), qsTr("%1 payments")) + (payments.hasMore ? qsTr(" · more as you scroll") : "")
            columns: [
                { title: qsTr("Created"), role: "createdAt", width: 150 },
                { title: qsTr("Type"), role: "type", width: 80 },
                { title: qsTr("Status"), role: "status", width: 96, strong: true,
                  colorFor: row => row.status === "SUCCEEDED" ? Style.success : row.status === "FAILED" ? Style.danger : row.status === "PENDING" ? Style.warning : Style.textMuted },
                { title: qsTr("Amount"), role: "amount", width: 110, amount: true },
                { title: qsTr("Asset"), role: "asset", width: 70, mono: true },
                { title: qsTr("Scheme"), role: "scheme", width: 80, muted: true },
                { title: qsTr("Reference"), role: "reference", fill: true, minWidth: 140, mono: true, elide: Text.ElideMiddle },
                { title: qsTr("Provider"), role: "provider", width: 100, muted: true }
            ]
            onActivated: row => page.openRow(row)
        }
    }
}
