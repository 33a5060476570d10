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
    property string ledger // the window's current ledger (PageSlot.ledger)
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
    // A date filter that applies itself shortly after typing stops (and at once on Return).
    component DateFilter: FormField {
        id: dateField
        property string applied
        signal apply(string text)
        Layout.fillWidth: true
        Layout.alignment: Qt.AlignTop
        text: applied
        onEdited: debounce.restart()
        onAccepted: { debounce.stop(); apply(text) }
        Timer { id: debounce; interval: 450; onTriggered: dateField.apply(dateField.text) }
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
        ProgressBar {
            visible: transfer.busy
            Layout.fillWidth: true
            from: 0
            to: 1
            value: transfer.step > 0 ? Math.max(0, transfer.fraction) : 0
            indeterminate: transfer.step === 0 || transfer.fraction < 0
            Accessible.name: qsTr("Import progress")
        }
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
            // Bytes so far against the length when the stack sent one; moving but unmeasured otherwise.
            ProgressBar {
                objectName: "transferProgress"
                visible: transfer.busy
                from: 0
                to: 1
                value: Math.max(0, transfer.fraction)
                indeterminate: transfer.fraction < 0
                Layout.preferredWidth: 160
                Accessible.name: qsTr("Transfer progress")
            }
            Label {
                visible: transfer.bytesText !== ""
                text: transfer.bytesText
                color: Style.textMuted
                font.family: Style.monoFamily
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
            Button {
                objectName: "cancelTransferButton"
                visible: transfer.busy
                text: qsTr("Cancel")
                Accessible.name: qsTr("Cancel the transfer")
                onClicked: transfer.cancel()
            }
        }
        ErrorBanner { Layout.fillWidth: true; text: importDialog.visible ? "" : transfer.error; retryable: false }
        // Filters: the log's date within [from, to), and the log as it was at a point in time. A
        // bad date stays in its field with the error under it, and nothing is loaded for it.
        RowLayout {
            Layout.fillWidth: true
            spacing: Style.spaceS
            DateFilter {
                objectName: "logsFromField"
                label: qsTr("From")
                placeholderText: qsTr("2024-11-01")
                applied: logs.from
                error: logs.fromError
                onApply: t => logs.from = t
            }
            DateFilter {
                objectName: "logsToField"
                label: qsTr("To (exclusive)")
                placeholderText: qsTr("2024-12-01")
                applied: logs.to
                error: logs.toError
                onApply: t => logs.to = t
            }
            DateFilter {
                objectName: "logsPitField"
                label: qsTr("As of (point in time)")
                placeholderText: qsTr("2024-11-13 10:20")
                applied: logs.pointInTime
                error: logs.pointInTimeError
                onApply: t => logs.pointInTime = t
            }
        }
        Label {
            objectName: "chainSummary"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            font.pixelSize: Style.fontLabel
            text: logs.chainNote !== "" ? logs.chainNote
                : logs.brokenCount > 0 ? qsTr("⚠ The hash chain is broken at %1: a log was altered or removed.").arg(Style.counted(logs.brokenCount, qsTr("1 entry"), qsTr("%1 entries")))
                : logs.count > 0 ? qsTr("✓ Each listed entry's hash links to the one before it.") : ""
            color: logs.brokenCount > 0 ? Style.danger : Style.textMuted
            visible: text !== ""
        }
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
                { title: qsTr("Chain"), role: "linkText", width: 120,
                  colorFor: row => row.link === "broken" ? Style.danger : row.link === "intact" ? Style.success : Style.textMuted },
                { title: qsTr("Data"), role: "payload", fill: true, minWidth: 140, mono: true, muted: true }
            ]
        }
    }
}
