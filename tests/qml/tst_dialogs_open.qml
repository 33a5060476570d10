import QtQuick
import QtTest
import Formance.Desk

// Defect 1: every dialog of the app opens (the export file dialog needs Qt.labs.folderlistmodel;
// without it the bar says so instead of taking the app down).
Item {
    width: 1000
    height: 700

    ExportBar { id: exportBar; transactions: true }
    NewWebhookDialog { id: newWebhook }
    CommandPalette { id: palette; pages: [{ key: "ledgers", title: "Ledgers" }] }
    ConfirmDialog { id: confirm; title: "Sure?" }

    StrictTestCase {
        name: "Dialogs"
        when: windowShown

        function test_exportDialogOpens() {
            compare(exportBar.dialogProblem(), "", "the QML modules the file dialog needs are installed")
            exportBar.openDialog()
            compare(exportBar.missing, "")
            const dialog = exportBar.dialog
            verify(dialog)
            tryCompare(dialog, "visible", true)
            compare(dialog.acceptLabel, "Export")
            dialog.reject()
            tryCompare(dialog, "visible", false)
        }
        function test_otherDialogsOpen() {
            for (const d of [newWebhook, palette, confirm]) {
                if (d.ask)
                    d.ask()
                else
                    d.open()
                tryCompare(d, "opened", true)
                d.close()
                tryCompare(d, "visible", false)
            }
        }
    }
}
