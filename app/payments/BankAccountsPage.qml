pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// Bank accounts kept by payments (beneficiaries for payouts): a row opens its detail (forward it
// to a connector, metadata); "New bank account…" creates one, its IBAN or account number checked
// as it is typed.
Pane {
    id: page
    readonly property int rowCount: bankAccounts.count
    readonly property bool loading: bankAccounts.loading
    function refresh() { bankAccounts.reload() }
    function findRow(role, value) { return bankAccounts.find(role, value) }
    function openRow(row) {
        list.positionAt(row)
        detail.show(bankAccounts.idAt(row))
    }
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    BankAccountsModel { id: bankAccounts; session: Session }
    ConnectorsModel { id: connectorChoices; session: Session }

    DetailDrawer {
        id: detail
        readonly property var details: account.details
        width: Math.min(page.width * 0.7, 680)
        title: details.name !== undefined ? details.name : account.bankAccountId
        copyValue: account.bankAccountId
        subtitle: account.loaded ? qsTr("%1 · created %2").arg(details.country).arg(details.createdAt) : ""
        function show(id) {
            account.bankAccountId = id
            account.load()
            open()
        }
        BankAccountController {
            id: account
            session: Session
            onChanged: {
                bankAccounts.reload()
                forwardDialog.done()
                Notifications.post(qsTr("Bank account forwarded."))
            }
            onMetadataSaved: Notifications.post(qsTr("Bank account metadata saved."))
        }
        ErrorBanner { Layout.fillWidth: true; text: forwardDialog.visible ? "" : account.error; onRetry: account.load() }
        GridLayout {
            visible: account.loaded
            Layout.fillWidth: true
            columns: 2
            columnSpacing: Style.spaceM
            rowSpacing: Style.spaceXs
            Label { text: qsTr("IBAN"); color: Style.textMuted }
            Label { text: detail.details.iban || "—"; font.family: Style.monoFamily; Layout.fillWidth: true; wrapMode: Text.WrapAnywhere }
            Label { text: qsTr("Account number"); color: Style.textMuted }
            Label { text: detail.details.accountNumber || "—"; font.family: Style.monoFamily; Layout.fillWidth: true; wrapMode: Text.WrapAnywhere }
            Label { text: qsTr("SWIFT / BIC"); color: Style.textMuted }
            Label { text: detail.details.swiftBicCode || "—"; font.family: Style.monoFamily; Layout.fillWidth: true }
        }
        RowLayout {
            visible: account.loaded
            Layout.fillWidth: true
            Label { text: qsTr("Forwarded to"); font.weight: Font.DemiBold; color: Style.text; Layout.fillWidth: true }
            Button {
                text: qsTr("Forward to a connector…")
                Accessible.name: text
                enabled: !Session.readOnly && !account.busy
                onClicked: { account.clearError(); forwardDialog.ask() }
            }
        }
        Label { visible: account.loaded && account.related.length === 0; text: qsTr("No connector yet."); color: Style.textMuted }
        Repeater {
            model: account.related
            delegate: Label {
                required property var modelData
                text: modelData.provider + " · " + modelData.connectorId + " · " + modelData.createdAt
                font.family: Style.monoFamily
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }
        }
        MetadataEditor { controller: account; Layout.fillWidth: true; Layout.topMargin: Style.spaceS; visible: account.loaded }

        ConfirmDialog {
            id: forwardDialog
            parent: Overlay.overlay
            title: qsTr("Forward %1?").arg(detail.details.name || "")
            message: qsTr("The connector creates this bank account at its provider.")
            confirmText: qsTr("Forward")
            destructive: false
            requiredName: detail.details.name || ""
            busy: account.busy
            error: account.error
            onConfirmed: account.forward(forwardBox.currentValue)
            ComboBox { id: forwardBox; Layout.fillWidth: true; Accessible.name: qsTr("Connector"); model: connectorChoices; textRole: "name"; valueRole: "connectorId" }
        }
    }

    Dialog {
        id: createDialog
        title: qsTr("New bank account")
        parent: Overlay.overlay
        anchors.centerIn: Overlay.overlay
        width: Math.min(520, (parent ? parent.width : 520) - 2 * Style.spaceXl)
        modal: true
        padding: Style.spaceL
        property bool touched: false
        readonly property var form: ({ name: nameField.text, country: countryField.text, iban: ibanField.text,
                                       accountNumber: numberField.text, swiftBicCode: swiftField.text,
                                       connectorId: connectorBox.currentValue || "" })
        function ask() {
            touched = false
            creator.clearError()
            open()
        }
        BankAccountController {
            id: creator
            session: Session
            onCreated: id => {
                createDialog.close()
                bankAccounts.reload()
                Notifications.post(qsTr("Bank account created."))
                detail.show(id)
            }
        }
        ColumnLayout {
            anchors.fill: parent
            spacing: Style.spaceS
            FormField { id: nameField; Layout.fillWidth: true; label: qsTr("Name"); input.Accessible.name: qsTr("Name"); onEdited: createDialog.touched = true }
            FormField { id: countryField; Layout.fillWidth: true; label: qsTr("Country"); placeholderText: "FR"; input.Accessible.name: qsTr("Country") }
            FormField { id: ibanField; Layout.fillWidth: true; label: qsTr("IBAN"); mono: true; placeholderText: "FR76 3000 6000 0112 3456 7890 189"; input.Accessible.name: qsTr("IBAN"); error: creator.ibanProblem(text) }
            FormField { id: numberField; Layout.fillWidth: true; label: qsTr("Account number"); mono: true; input.Accessible.name: qsTr("Account number"); error: creator.accountNumberProblem(text) }
            FormField { id: swiftField; Layout.fillWidth: true; label: qsTr("SWIFT / BIC"); mono: true; input.Accessible.name: qsTr("SWIFT or BIC") }
            Label { text: qsTr("Connector"); font.pixelSize: Style.fontLabel; color: Style.textMuted }
            ComboBox { id: connectorBox; Layout.fillWidth: true; Accessible.name: qsTr("Connector"); model: connectorChoices; textRole: "name"; valueRole: "connectorId" }
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
                        Accessible.name: qsTr("Create bank account")
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
            title: qsTr("Bank accounts")
            subtitle: qsTr("Beneficiaries kept by payments, forwarded to connectors")
            Button { text: qsTr("Refresh"); icon.name: Style.icons.refresh; Accessible.name: text; onClicked: bankAccounts.reload() }
            Button {
                text: qsTr("New bank account…")
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
            listKey: "bankAccounts"
            model: bankAccounts
            emptyTitle: Session.connected ? qsTr("No bank account.") : qsTr("Not connected.")
            countText: Style.counted(bankAccounts.count, qsTr("1 bank account"), qsTr("%1 bank accounts"))
            columns: [
                { title: qsTr("Name"), role: "name", width: 200, strong: true },
                { title: qsTr("Country"), role: "country", width: 70 },
                { title: qsTr("IBAN"), role: "iban", fill: true, minWidth: 200, mono: true },
                { title: qsTr("Account number"), role: "accountNumber", width: 140, mono: true },
                { title: qsTr("Forwarded to"), role: "relatedText", width: 160, mono: true, muted: true, elide: Text.ElideMiddle },
                { title: qsTr("Created"), role: "createdAt", width: 150 }
            ]
            onActivated: row => page.openRow(row)
        }
    }
}
