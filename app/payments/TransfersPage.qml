pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// Transfer initiations: what operators asked the connectors to send, with their status; a row
// opens its history and the steps (approve, reject, retry, reverse, delete); "New transfer…"
// creates one, its amount typed in the asset's units.
Pane {
    id: page
    readonly property int rowCount: transfers.count
    readonly property bool loading: transfers.loading
    function refresh() { transfers.reload() }
    function findRow(role, value) { return transfers.find(role, value) }
    function openRow(row) {
        list.positionAt(row)
        detail.show(transfers.idAt(row))
    }
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    TransferInitiationsModel {
        id: transfers
        session: Session
        filters: ({ status: statusBox.currentIndex > 0 ? statusBox.currentText : "" })
    }
    TransferDetailDrawer {
        id: detail
        width: Math.min(page.width * 0.8, 760)
        onChanged: transfers.reload()
    }

    Dialog {
        id: createDialog
        title: qsTr("New transfer")
        parent: Overlay.overlay
        anchors.centerIn: Overlay.overlay
        width: Math.min(560, (parent ? parent.width : 560) - 2 * Style.spaceXl)
        modal: true
        padding: Style.spaceL
        property bool touched: false
        readonly property var form: ({
            reference: referenceField.text, connectorId: connectorBox.currentValue || "",
            sourceAccountId: sourceBox.currentValue || "", destinationAccountId: destinationBox.currentValue || "",
            amount: amountField.text, asset: assetField.text, description: descriptionField.text,
            type: typeBox.currentText, validated: validatedBox.checked })
        function ask() {
            touched = false
            creator.clearError()
            referenceField.text = "desk-" + Date.now()
            amountField.text = ""
            descriptionField.text = ""
            open()
        }
        TransferController {
            id: creator
            session: Session
            onCreated: id => {
                createDialog.close()
                transfers.reload()
                Notifications.post(qsTr("Transfer created."))
                detail.show(id)
            }
        }
        ConnectorsModel { id: connectorChoices; session: Session }
        PaymentAccountsModel {
            id: accountChoices
            session: Session
            filters: ({ connectorID: connectorBox.currentValue || "" })
        }
        ColumnLayout {
            anchors.fill: parent
            spacing: Style.spaceS
            FormField { id: referenceField; Layout.fillWidth: true; label: qsTr("Reference"); mono: true; input.Accessible.name: qsTr("Reference") }
            Label { text: qsTr("Connector"); font.pixelSize: Style.fontLabel; color: Style.textMuted }
            ComboBox { id: connectorBox; Layout.fillWidth: true; Accessible.name: qsTr("Connector"); model: connectorChoices; textRole: "name"; valueRole: "connectorId" }
            Label { text: qsTr("From account"); font.pixelSize: Style.fontLabel; color: Style.textMuted }
            ComboBox {
                id: sourceBox
                Layout.fillWidth: true
                Accessible.name: qsTr("From account")
                model: accountChoices
                textRole: "reference"
                valueRole: "accountId"
                onActivated: assetField.text = accountChoices.value(currentIndex, "defaultAsset")
            }
            Label { text: qsTr("To account"); font.pixelSize: Style.fontLabel; color: Style.textMuted }
            ComboBox { id: destinationBox; Layout.fillWidth: true; Accessible.name: qsTr("To account"); model: accountChoices; textRole: "reference"; valueRole: "accountId" }
            RowLayout {
                Layout.fillWidth: true
                FormField {
                    id: amountField
                    Layout.fillWidth: true
                    label: qsTr("Amount")
                    mono: true
                    placeholderText: "12.34"
                    input.Accessible.name: qsTr("Amount")
                    onEdited: createDialog.touched = true
                    error: createDialog.touched ? creator.amountProblem(text, assetField.text) : ""
                }
                FormField { id: assetField; Layout.preferredWidth: 120; label: qsTr("Asset"); mono: true; placeholderText: "EUR/2"; input.Accessible.name: qsTr("Asset") }
                ComboBox { id: typeBox; Accessible.name: qsTr("Type"); model: ["TRANSFER", "PAYOUT"]; Layout.alignment: Qt.AlignBottom }
            }
            FormField { id: descriptionField; Layout.fillWidth: true; label: qsTr("Description"); input.Accessible.name: qsTr("Description") }
            CheckBox { id: validatedBox; text: qsTr("Already approved (skip the approval step)"); Accessible.name: text }
            Label {
                visible: text !== ""
                text: creator.error !== "" ? creator.error : createDialog.touched ? creator.createProblem(createDialog.form) : ""
                color: Style.danger
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            RowLayout {
                Layout.fillWidth: true
                BusyIndicatorRow { running: creator.busy; text: qsTr("Creating…") }
                Item { Layout.fillWidth: true }
                DialogButtonBox {
                    padding: 0
                    onAccepted: { createDialog.touched = true; creator.create(createDialog.form) }
                    onRejected: createDialog.close()
                    Button {
                        text: qsTr("Create")
                        Accessible.name: qsTr("Create transfer")
                        enabled: !creator.busy && !Session.readOnly && creator.createProblem(createDialog.form) === ""
                        // qmllint disable
                        DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
                    }
                    Button { text: qsTr("Cancel"); Accessible.name: text; DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
                    // qmllint enable
                }
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceM
        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Transfers")
            subtitle: qsTr("Transfer initiations: what the connectors are asked to send")
            ComboBox {
                id: statusBox
                Accessible.name: qsTr("Status")
                model: [qsTr("Any status"), "WAITING_FOR_VALIDATION", "VALIDATED", "PROCESSING", "PROCESSED", "FAILED", "REJECTED", "PARTIALLY_REVERSED", "REVERSED"]
                Layout.preferredWidth: 230
            }
            Button { text: qsTr("Refresh"); icon.name: Style.icons.refresh; Accessible.name: text; onClicked: transfers.reload() }
            Button {
                text: qsTr("New transfer…")
                icon.name: Style.icons.add
                Accessible.name: text
                enabled: Session.connected && !Session.readOnly
                onClicked: createDialog.ask()
            }
        }
        ListPage {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            listKey: "transfers"
            model: transfers
            selectedRow: detail.visible ? transfers.find("transferId", detail.transferId) : -1
            emptyTitle: Session.connected ? qsTr("No transfer initiation.") : qsTr("Not connected.")
            emptyHint: Session.connected ? qsTr("Create one with “New transfer…”.") : ""
            countText: Style.counted(transfers.count, qsTr("1 transfer"), qsTr("%1 transfers")) + (transfers.hasMore ? qsTr(" · more as you scroll") : "")
            columns: [
                { title: qsTr("Created"), role: "createdAt", width: 150 },
                { title: qsTr("Status"), role: "status", width: 190, strong: true,
                  colorFor: row => row.status === "PROCESSED" ? Style.success : (row.status === "FAILED" || row.status === "REJECTED") ? Style.danger : row.status === "WAITING_FOR_VALIDATION" ? Style.warning : Style.textMuted },
                { title: qsTr("Type"), role: "type", width: 84 },
                { title: qsTr("Amount"), role: "amount", width: 110, amount: true },
                { title: qsTr("Asset"), role: "asset", width: 70, mono: true },
                { title: qsTr("Reference"), role: "reference", fill: true, minWidth: 140, mono: true, elide: Text.ElideMiddle },
                { title: qsTr("Description"), role: "description", width: 180, muted: true }
            ]
            onActivated: row => page.openRow(row)
        }
    }
}
