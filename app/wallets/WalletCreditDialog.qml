pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// Credit or debit a wallet (a debit optionally as a hold) on a named balance, the amount typed in
// the asset's units. The one confirm dialog: production asks for the wallet's name; a refused
// input stays with its error at the field.
ConfirmDialog {
    id: dialog
    objectName: "walletCreditDialog"
    required property WalletWriteController form
    parent: Overlay.overlay
    readonly property bool credit: creditButton.checked
    // The errors as a plain object (qmllint 6.4 sees no keys on a QVariantMap).
    readonly property var errors: form.fieldErrors
    function askFor(direction) {
        form.resetForm()
        creditButton.checked = direction !== "debit"
        debitButton.checked = direction === "debit"
        amountField.text = ""
        // The wallet's first asset is the likeliest; USD/2 on an empty wallet.
        assetField.text = form.summary.length > 0 ? form.summary[0].asset : "USD/2"
        balanceBox.currentIndex = 0
        holdBox.checked = false
        descriptionField.text = ""
        ask()
    }
    title: dialog.credit ? qsTr("Credit %1").arg(form.walletName) : qsTr("Debit %1").arg(form.walletName)
    message: dialog.credit ? qsTr("Money comes from the world account into the balance chosen.")
                           : holdBox.checked ? qsTr("The amount is held until the hold is confirmed or voided.")
                                             : qsTr("The amount leaves the wallet now.")
    confirmText: dialog.credit ? qsTr("Credit") : holdBox.checked ? qsTr("Hold") : qsTr("Debit")
    destructive: !dialog.credit
    requiredName: form.walletName
    busy: form.busy
    error: form.error
    inputValid: amountField.text.trim() !== "" && assetField.text.trim() !== ""
    onConfirmed: form.move(dialog.credit ? "credit" : "debit", amountField.text, assetField.text,
                           balanceBox.editText, !dialog.credit && holdBox.checked, descriptionField.text)

    RowLayout {
        spacing: Style.spaceM
        RadioButton { id: creditButton; objectName: "creditButton"; text: qsTr("Credit"); checked: true }
        RadioButton { id: debitButton; objectName: "debitButton"; text: qsTr("Debit") }
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Style.spaceS
        FormField {
            id: amountField
            objectName: "creditAmount"
            Layout.fillWidth: true
            label: qsTr("Amount")
            mono: true
            placeholderText: "12.50"
            input.horizontalAlignment: Text.AlignRight
            error: dialog.errors.amount || (amountField.text !== "" ? dialog.form.amountProblem(amountField.text, assetField.text) : "")
        }
        FormField {
            id: assetField
            objectName: "creditAsset"
            Layout.preferredWidth: 130
            label: qsTr("Asset")
            mono: true
            placeholderText: "USD/2"
            error: dialog.errors.asset || (assetField.text !== "" ? dialog.form.assetProblem(assetField.text) : "")
        }
    }
    ColumnLayout {
        Layout.fillWidth: true
        spacing: 2
        Label { text: qsTr("Balance"); font.pixelSize: Style.fontLabel; color: Style.textMuted }
        ComboBox {
            id: balanceBox
            objectName: "creditBalance"
            Layout.fillWidth: true
            editable: true
            model: dialog.form.balanceNames.length > 0 ? dialog.form.balanceNames : ["main"]
            Accessible.name: qsTr("Balance")
        }
    }
    CheckBox {
        id: holdBox
        objectName: "holdBox"
        visible: !dialog.credit
        text: qsTr("As a hold (confirmed or voided later)")
    }
    FormField {
        id: descriptionField
        Layout.fillWidth: true
        label: dialog.credit ? qsTr("Reference") : qsTr("Description")
        placeholderText: qsTr("Optional")
    }
}
