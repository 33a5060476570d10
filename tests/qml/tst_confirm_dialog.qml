import QtQuick
import QtQuick.Controls
import QtTest
import Formance.Desk

// The one confirm dialog: buttons in a DialogButtonBox (the platform's order), confirmed() without
// closing, the error shown inside with the input kept, closed by done() only (defect 4's dialog).
Item {
    width: 900
    height: 700

    ConfirmDialog {
        id: dialog
        title: "Void hold?"
        message: "The money goes back."
        confirmText: "Void hold"
        inputValid: field.text !== "" || all.checked
        CheckBox { id: all; text: "All that remains" }
        TextField { id: field; objectName: "amountField" }
    }
    SignalSpy { id: confirmed; target: dialog; signalName: "confirmed" }

    StrictTestCase {
        name: "ConfirmDialog"
        when: windowShown

        function find(item, name) {
            if (item.objectName === name)
                return item
            const kids = item.children || []
            for (let i = 0; i < kids.length; ++i) {
                const found = find(kids[i], name)
                if (found)
                    return found
            }
            if (item.contentItem && item.contentItem !== item)
                return find(item.contentItem, name)
            return null
        }

        function test_confirmKeepsTheDialogAndItsInput() {
            dialog.ask()
            tryCompare(dialog, "opened", true)
            const confirm = find(dialog.contentItem, "confirmButton")
            const cancel = find(dialog.contentItem, "cancelButton")
            verify(confirm && cancel)
            // Both live in one DialogButtonBox, which orders them as the platform does.
            compare(confirm.parent, cancel.parent)
            verify(confirm.DialogButtonBox.buttonRole === DialogButtonBox.AcceptRole)
            verify(cancel.DialogButtonBox.buttonRole === DialogButtonBox.RejectRole)

            // "All" is not what an empty field means: nothing chosen, nothing to confirm.
            compare(confirm.enabled, false)
            field.text = "12.5x"
            compare(confirm.enabled, true)
            mouseClick(confirm)
            compare(confirmed.count, 1)
            // The action failed: the dialog stays, says why, and keeps what was typed.
            dialog.error = "The amount must be a positive number."
            verify(dialog.visible)
            compare(field.text, "12.5x")
            verify(find(dialog.contentItem, "confirmButton").enabled)
            dialog.busy = true
            compare(confirm.enabled, false)
            dialog.busy = false
            dialog.done()
            tryCompare(dialog, "visible", false)
            dialog.error = ""
        }

        function test_cancelCloses() {
            dialog.ask()
            tryCompare(dialog, "opened", true)
            mouseClick(find(dialog.contentItem, "cancelButton"))
            tryCompare(dialog, "visible", false)
        }
    }
}
