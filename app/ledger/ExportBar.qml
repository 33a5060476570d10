pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Formance.Desk

// "Export…" for a list: CSV or JSON Lines of everything the current filters match, with
// progress and cancel. The file dialog needs QML modules (Qt.labs.folderlistmodel for the
// non-native dialog): when one is missing the bar says so instead of opening it.
RowLayout {
    id: bar
    property var model          // a TransactionsModel or an AccountsModel
    property bool transactions: true
    property string missing: ""
    readonly property alias dialog: dialog
    spacing: Style.spaceS

    ExportController { id: exporter; session: Session }

    FileDialogCheck { id: dialogCheck }
    function dialogProblem() { return dialogCheck.problem() }
    function openDialog() {
        missing = dialogCheck.problem()
        if (missing !== "")
            return
        // The dialog finds its window when it is completed; a bar placed in a window later has none.
        if (!dialog.parentWindow)
            dialog.parentWindow = bar.Window.window
        dialog.open()
    }

    FileDialog {
        id: dialog
        objectName: "exportDialog"
        title: bar.transactions ? qsTr("Export transactions") : qsTr("Export accounts")
        fileMode: FileDialog.SaveFile
        acceptLabel: qsTr("Export")
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
        objectName: "exportButton"
        text: qsTr("Export…")
        icon.name: Style.icons.exportFile
        visible: !exporter.running
        enabled: Session.connected
        onClicked: bar.openDialog()
    }
    // qmllint disable
    // (Qt 6.4's qmllint knows no "qlonglong", the type of the exported row count.)
    Label {
        visible: exporter.running
        text: qsTr("Exporting… %1").arg(exporter.exported)
        color: Style.textMuted
    }
    Button {
        visible: exporter.running
        text: qsTr("Cancel")
        onClicked: exporter.cancel()
    }
    Label {
        visible: !exporter.running && (bar.missing !== "" || exporter.error !== "" || exporter.lastFile !== "")
        text: bar.missing !== "" ? bar.missing : exporter.error !== "" ? exporter.error : qsTr("Exported %1 to %2").arg(exporter.exported).arg(exporter.lastFile)
        color: bar.missing !== "" || exporter.error !== "" ? Style.danger : Style.textMuted
        elide: Text.ElideMiddle
        Layout.maximumWidth: 260
        ToolTip.visible: hovered
        ToolTip.text: text
        HoverHandler { id: hover }
        readonly property bool hovered: hover.hovered
    }
    // qmllint enable
}
