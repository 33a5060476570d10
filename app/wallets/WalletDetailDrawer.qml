pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// One wallet: balance per asset, named balances, holds with confirm and void (the one confirm
// dialog; production asks for the wallet's name).
DetailDrawer {
    id: drawer
    readonly property string walletId: wallet.walletId
    title: wallet.name !== "" ? wallet.name : wallet.walletId
    copyValue: wallet.walletId
    subtitle: wallet.loaded ? qsTr("%1 · ledger %2 · created %3").arg(wallet.walletId).arg(wallet.ledger).arg(wallet.createdAt) : ""

    function show(id) {
        wallet.walletId = id
        wallet.load()
        open()
    }
    // The credit or debit dialog over this wallet ("credit" or "debit").
    function askCredit(direction) { activity.askCredit(direction) }

    WalletDetailController {
        id: wallet
        session: Session
        onHoldChanged: holdId => {
            confirmDialog.done()
            voidDialog.done()
            activity.reload()
            Notifications.post(qsTr("Hold %1 updated.").arg(holdId))
        }
    }

    ErrorBanner { Layout.fillWidth: true; text: confirmDialog.visible || voidDialog.visible ? "" : wallet.error; onRetry: wallet.load() }
    BusyIndicatorRow { running: wallet.busy }

    Label { text: qsTr("Balance"); font.weight: Font.DemiBold; color: Style.text }
    Label { visible: wallet.loaded && wallet.balances.length === 0; text: qsTr("Empty."); color: Style.textMuted }
    GridLayout {
        columns: 2
        columnSpacing: Style.spaceXl
        Layout.fillWidth: true
        Repeater {
            model: wallet.balances
            delegate: Label { required property var modelData; required property int index; Layout.row: index; Layout.column: 0; text: modelData.asset; font.family: Style.monoFamily; font.weight: Font.DemiBold }
        }
        Repeater {
            model: wallet.balances
            delegate: AmountText { required property var modelData; required property int index; Layout.row: index; Layout.column: 1; Layout.fillWidth: true; amount: modelData.amount; negative: modelData.negative }
        }
    }

    Label { text: qsTr("Named balances"); font.weight: Font.DemiBold; color: Style.text; Layout.topMargin: Style.spaceS }
    Label { visible: wallet.loaded && wallet.namedBalances.length === 0; text: qsTr("None."); color: Style.textMuted }
    Repeater {
        model: wallet.namedBalances
        delegate: RowLayout {
            id: named
            required property var modelData
            Layout.fillWidth: true
            spacing: Style.spaceM
            Label { text: named.modelData.name; font.weight: Font.DemiBold; elide: Text.ElideRight; Layout.preferredWidth: 120 }
            AmountText { text: named.modelData.assetsText !== "" ? named.modelData.assetsText : "0"; Layout.fillWidth: true }
            Label {
                text: [named.modelData.expiresAt !== "" ? qsTr("expires %1").arg(named.modelData.expiresAt) : "",
                       named.modelData.priority !== "" ? qsTr("priority %1").arg(named.modelData.priority) : ""].filter(s => s !== "").join(" · ")
                color: Style.textMuted
                visible: text !== ""
            }
        }
    }

    Label { text: qsTr("Holds"); font.weight: Font.DemiBold; color: Style.text; Layout.topMargin: Style.spaceS }
    Label { visible: wallet.loaded && wallet.holds.length === 0; text: qsTr("None."); color: Style.textMuted }
    Repeater {
        model: wallet.holds
        delegate: Rectangle {
            id: hold
            required property var modelData
            Layout.fillWidth: true
            implicitHeight: holdColumn.implicitHeight + 2 * Style.spaceM
            color: Style.surfaceAlt
            border.color: Style.border
            radius: Style.radiusM
            ColumnLayout {
                id: holdColumn
                anchors.fill: parent
                anchors.margins: Style.spaceM
                spacing: Style.spaceXs
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Style.spaceS
                    Label {
                        text: hold.modelData.open ? qsTr("Open") : qsTr("Closed")
                        font.weight: Font.DemiBold
                        color: hold.modelData.open ? Style.success : Style.textMuted
                    }
                    Label { text: hold.modelData.description !== "" ? hold.modelData.description : qsTr("(no description)"); elide: Text.ElideRight; Layout.fillWidth: true }
                    AmountText {
                        text: hold.modelData.open && hold.modelData.remaining !== hold.modelData.original
                              ? qsTr("%1 of %2 %3").arg(hold.modelData.remaining).arg(hold.modelData.original).arg(hold.modelData.asset)
                              : qsTr("%1 %2").arg(hold.modelData.open ? hold.modelData.remaining : hold.modelData.original).arg(hold.modelData.asset)
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Style.spaceS
                    Label { text: hold.modelData.id; font.family: Style.monoFamily; color: Style.textMuted; elide: Text.ElideMiddle; Layout.preferredWidth: 160 }
                    CopyButton { value: hold.modelData.id }
                    Label { text: hold.modelData.destination !== "" ? qsTr("→ %1").arg(hold.modelData.destination) : ""; color: Style.textMuted; elide: Text.ElideRight; Layout.fillWidth: true }
                    Button {
                        visible: hold.modelData.open
                        text: qsTr("Confirm…")
                        enabled: !Session.readOnly && !wallet.busy
                        onClicked: confirmDialog.askFor(hold.modelData)
                    }
                    Button {
                        visible: hold.modelData.open
                        text: qsTr("Void…")
                        enabled: !Session.readOnly && !wallet.busy
                        onClicked: voidDialog.askFor(hold.modelData)
                    }
                }
            }
        }
    }
    Label { visible: Session.readOnly; text: qsTr("This profile is read-only: holds cannot be confirmed or voided."); color: Style.textMuted; wrapMode: Text.Wrap; Layout.fillWidth: true }

    // Wallet writes: summary, credit or debit, named balances, metadata, transactions.
    WalletActivity {
        id: activity
        Layout.fillWidth: true
        walletId: wallet.walletId
        onChanged: wallet.load()
    }

    // Confirming a hold: all that remains or a part, an explicit choice. A refused amount keeps
    // the dialog open with the input; only a confirmation that went through closes it.
    ConfirmDialog {
        id: confirmDialog
        objectName: "confirmHoldDialog"
        parent: Overlay.overlay
        property var hold: ({})
        function askFor(h) {
            hold = h
            allButton.checked = true
            amountField.text = ""
            finalBox.checked = false
            wallet.clearError()
            ask()
        }
        title: qsTr("Confirm hold %1?").arg(hold.id || "")
        message: qsTr("%1 %2 remain held for %3.").arg(hold.remaining || "").arg(hold.asset || "").arg(hold.destination || qsTr("the destination"))
        confirmText: qsTr("Confirm hold")
        destructive: false
        requiredName: wallet.name
        busy: wallet.busy
        error: wallet.error
        inputValid: allButton.checked || amountField.text.trim() !== ""
        onConfirmed: wallet.confirmHold(hold.id, allButton.checked ? "" : amountField.text, finalBox.checked)
        RadioButton { id: allButton; objectName: "confirmAll"; text: qsTr("All that remains"); checked: true }
        RowLayout {
            Layout.fillWidth: true
            RadioButton { id: partButton; objectName: "confirmPart"; text: qsTr("Part:") }
            TextField {
                id: amountField
                objectName: "holdAmount"
                Layout.fillWidth: true
                enabled: partButton.checked
                font.family: Style.monoFamily
                horizontalAlignment: Text.AlignRight
                placeholderText: qsTr("Amount in %1").arg(confirmDialog.hold.asset || "")
            }
        }
        CheckBox { id: finalBox; text: qsTr("Final: return what is not confirmed to the wallet") }
    }

    ConfirmDialog {
        id: voidDialog
        objectName: "voidHoldDialog"
        parent: Overlay.overlay
        property var hold: ({})
        function askFor(h) { hold = h; wallet.clearError(); ask() }
        title: qsTr("Void hold %1?").arg(hold.id || "")
        message: qsTr("%1 %2 go back to the wallet.").arg(hold.remaining || "").arg(hold.asset || "")
        confirmText: qsTr("Void hold")
        requiredName: wallet.name
        busy: wallet.busy
        error: wallet.error
        onConfirmed: wallet.voidHold(hold.id)
    }
}
