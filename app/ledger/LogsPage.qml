pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Formance.Desk

// The ledger's log: every change, newest first, with its hash; the log exported to a file, and a
// file of logs imported into a new ledger.
Pane {
    id: page
    required property string ledger
    readonly property int rowCount: logs.count
    readonly property bool loading: logs.loading
    function refresh() { logs.reload() }
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    LogsModel { id: logs; session: Session; ledger: page.ledger }
    Connections {
        target: Notifications
        function onPosted() { logs.reload() }
    }

    LogsTransferController {
        id: transfer
        objectName: "logsTransfer"
        session: Session
        onExported: file => Notifications.post(qsTr("Log of %1 exported to %2.").arg(page.ledger).arg(file))
        onImported: name => {
            importDialog.done()
            Notifications.post(qsTr("Logs imported into the new ledger %1.").arg(name))
        }
    }
    FileDialogCheck { id: dialogCheck }
    function openFileDialog(dialog) {
        transfer.clearError()
        missing.text = dialogCheck.problem()
        if (missing.text !== "")
            return
        if (!dialog.parentWindow)
            dialog.parentWindow = page.Window.window
        dialog.open()
    }
    FileDialog {
        id: exportDialog
        title: qsTr("Export the log of %1").arg(page.ledger)
        fileMode: FileDialog.SaveFile
        acceptLabel: qsTr("Export")
        nameFilters: [qsTr("Ledger logs (*.ndjson *.jsonl)"), qsTr("All files (*)")]
        onAccepted: transfer.exportTo(page.ledger, selectedFile)
    }
    FileDialog {
        id: importFileDialog
        title: qsTr("Logs to import")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Ledger logs (*.ndjson *.jsonl)"), qsTr("All files (*)")]
        onAccepted: {
            importDialog.file = selectedFile
            newLedgerField.text = page.ledger + "-copy"
            importDialog.ask()
        }
    }
    ConfirmDialog {
        id: importDialog
        property url file
        parent: Overlay.overlay
        title: qsTr("Import logs into a new ledger")
        message: qsTr("A new, empty ledger is created and the logs of %1 are replayed into it.").arg(String(importDialog.file).replace(/^file:\/\//, ""))
        confirmText: qsTr("Create and import")
        destructive: false
        requiredName: newLedgerField.text
        busy: transfer.busy
        error: transfer.error
        inputValid: transfer.ledgerNameProblem(newLedgerField.text) === ""
        onConfirmed: transfer.importInto(importDialog.file, newLedgerField.text)
        FormField {
            id: newLedgerField
            Layout.fillWidth: true
            label: qsTr("New ledger")
            mono: true
            input.Accessible.name: qsTr("New ledger name")
            error: text !== "" ? transfer.ledgerNameProblem(text) : ""
        }
        Label { visible: transfer.busy; text: transfer.status; color: Style.textMuted; wrapMode: Text.Wrap; Layout.fillWidth: true }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceM
        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Logs")
            subtitle: qsTr("Ledger %1").arg(page.ledger)
            Button {
                objectName: "exportLogsButton"
                text: qsTr("Export…")
                icon.name: Style.icons.exportFile
                enabled: !transfer.busy && page.ledger !== ""
                onClicked: page.openFileDialog(exportDialog)
            }
            Button {
                objectName: "importLogsButton"
                text: qsTr("Import into new ledger…")
                icon.name: Style.icons.bulk
                enabled: !transfer.busy && !Session.readOnly
                onClicked: page.openFileDialog(importFileDialog)
            }
            Button { text: qsTr("Refresh"); icon.name: Style.icons.refresh; onClicked: logs.reload() }
        }
        RowLayout {
            visible: transfer.busy || transfer.status !== "" || missing.text !== ""
            Layout.fillWidth: true
            spacing: Style.spaceS
            ProgressBar {
                visible: transfer.busy
                from: 0
                to: Math.max(1, transfer.steps)
                value: transfer.step
                indeterminate: transfer.steps <= 1
                Layout.preferredWidth: 160
            }
            Label {
                id: missing
                visible: text !== ""
                color: Style.danger
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                visible: missing.text === ""
                text: transfer.status
                color: Style.textMuted
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }
            Button { visible: transfer.busy; text: qsTr("Cancel"); onClicked: transfer.cancel() }
        }
        ErrorBanner { Layout.fillWidth: true; text: importDialog.visible ? "" : transfer.error; retryable: false }
        ListPage {
            Layout.fillWidth: true
            Layout.fillHeight: true
            listKey: "logs"
            model: logs
            emptyTitle: qsTr("The log is empty.")
            countText: Style.counted(logs.count, qsTr("1 entry"), qsTr("%1 entries")) + (logs.hasMore ? qsTr(", scroll for more") : "")
            columns: [
                { title: qsTr("ID"), role: "logId", width: 60, mono: true },
                { title: qsTr("Date"), role: "date", width: 150 },
                { title: qsTr("Type"), role: "type", width: 150 },
                { title: qsTr("Hash"), role: "hash", width: 130, mono: true, elide: Text.ElideMiddle },
                { title: qsTr("Data"), role: "payload", fill: true, minWidth: 140, mono: true, muted: true }
            ]
        }
    }
}
