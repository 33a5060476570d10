import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Formance.Desk

// "Export…" for a list: CSV or JSON Lines of everything the current filters match, with
// progress and cancel.
RowLayout {
    id: bar
    property var model          // a TransactionsModel or an AccountsModel
    property bool transactions: true

    ExportController { id: exporter; session: Session }

    FileDialog {
        id: dialog
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("CSV (*.csv)"), qsTr("JSON Lines (*.jsonl)")]
        onAccepted: {
            const format = String(selectedFile).endsWith(".jsonl") || selectedNameFilter.index === 1 ? "jsonl" : "csv"
            if (bar.transactions)
                exporter.exportTransactions(bar.model, selectedFile, format)
            else
                exporter.exportAccounts(bar.model, selectedFile, format)
        }
    }
    Button {
        text: qsTr("Export…")
        visible: !exporter.running
        enabled: Session.connected
        onClicked: dialog.open()
    }
    Label {
        visible: exporter.running
        text: qsTr("Exporting… %1").arg(exporter.exported)
    }
    Button {
        visible: exporter.running
        text: qsTr("Cancel")
        onClicked: exporter.cancel()
    }
    Label {
        visible: !exporter.running && (exporter.error !== "" || exporter.lastFile !== "")
        text: exporter.error !== "" ? exporter.error : qsTr("Exported %1 to %2").arg(exporter.exported).arg(exporter.lastFile)
        color: exporter.error !== "" ? "#c0392b" : palette.windowText
        elide: Text.ElideMiddle
        Layout.maximumWidth: 360
    }
}
