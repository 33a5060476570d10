pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// A named balance in a wallet: its name, when it expires and its priority (both optional).
ConfirmDialog {
    id: dialog
    objectName: "newBalanceDialog"
    required property WalletWriteController form
    parent: Overlay.overlay
    // The errors as a plain object (qmllint 6.4 sees no keys on a QVariantMap).
    readonly property var errors: form.fieldErrors
    function askNew() {
        form.resetForm()
        nameField.text = ""
        expiresField.text = ""
        priorityField.text = ""
        ask()
    }
    title: qsTr("New balance in %1").arg(form.walletName)
    confirmText: qsTr("Create balance")
    destructive: false
    requiredName: form.walletName
    busy: form.busy
    error: form.error
    inputValid: nameField.text.trim() !== ""
    onConfirmed: form.createBalance(nameField.text, expiresField.text, priorityField.text)
    FormField { id: nameField; objectName: "balanceName"; Layout.fillWidth: true; label: qsTr("Name"); mono: true; placeholderText: "coupons"; error: dialog.errors.name || "" }
    FormField { id: expiresField; Layout.fillWidth: true; label: qsTr("Expires at"); mono: true; placeholderText: "2027-01-31T00:00:00Z"; hint: qsTr("Optional"); error: dialog.errors.expiresAt || "" }
    FormField { id: priorityField; Layout.fillWidth: true; label: qsTr("Priority"); mono: true; placeholderText: "0"; hint: qsTr("Optional: higher is spent first"); error: dialog.errors.priority || "" }
}
