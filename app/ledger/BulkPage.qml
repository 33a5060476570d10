pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Formance.Desk

// Bulk import: a CSV or JSON Lines file (or pasted rows), each row checked here with the bad
// ones listed by line, a dry-run preview of the balances, then one _bulk with a result per row.
Pane {
    id: page
    property string ledger // the window's current ledger (PageSlot.ledger)
    function refresh() { if (bulk.previewed) bulk.dryRun() }
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    BulkController {
        id: bulk
        objectName: "bulkForm"
        session: Session
        ledger: page.ledger
        onDone: Notifications.post(qsTr("Bulk sent: %1 posted, %2 refused.").arg(bulk.posted).arg(bulk.failed))
    }
    // The rows a newcomer can start from: real accounts of the demo ledgers, one of them bad.
    readonly property string sample: "source,destination,amount,asset,reference,metadata.channel\n"
        + "world,users:0001,25.00,USD/2,,card\n"
        + "users:0001,merchants:acme,12.50,USD/2,,card\n"
        + "users:0002,platform:fees,0.35,USD/2,,sepa\n"
        + "world,users:0003,12.345,USD/2,,card\n"
        + "world,users 0004,5.00,USD/2,,ach\n"
    Component.onCompleted: if (bulk.text === "") bulk.text = sample
    // Shown with the balances the rows would leave, read from the ledger.
    function start() {
        if (visible && page.ledger !== "" && !bulk.previewed && !bulk.busy && bulk.ready > 0 && !bulk.sent)
            bulk.dryRun()
    }
    // Later: the controller's ledger binding updates after the page's own change signal.
    Timer { id: later; interval: 0; onTriggered: page.start() }
    onVisibleChanged: later.restart()
    onLedgerChanged: later.restart()

    FileDialogCheck { id: dialogCheck }
    FileDialog {
        id: openDialog
        title: qsTr("Import transactions")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("CSV or JSON Lines (*.csv *.jsonl *.ndjson)"), qsTr("All files (*)")]
        onAccepted: bulk.loadFile(selectedFile)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceM
        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Bulk import")
            subtitle: bulk.source !== "" ? qsTr("Ledger %1 · %2").arg(page.ledger).arg(bulk.source) : qsTr("Ledger %1").arg(page.ledger)
            Button {
                text: qsTr("Open file…")
                icon.name: Style.icons.bulk
                onClicked: {
                    const problem = dialogCheck.problem()
                    if (problem !== "") {
                        bulk.clearError()
                        missingLabel.text = problem
                        return
                    }
                    if (!openDialog.parentWindow)
                        openDialog.parentWindow = page.Window.window
                    openDialog.open()
                }
            }
            Button { text: qsTr("Clear"); onClicked: bulk.clear() }
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Style.spaceM
            ColumnLayout {
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                Layout.fillHeight: true
                spacing: Style.spaceS
                Label {
                    text: qsTr("Rows (CSV with a header line, or one JSON object a line)")
                    color: Style.textMuted
                    font.pixelSize: Style.fontLabel
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Rectangle {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    color: Style.surface
                    border.color: Style.border
                    radius: Style.radiusS
                    ScrollView {
                        anchors.fill: parent
                        anchors.margins: 1
                        clip: true
                        TextArea {
                            objectName: "rowsText"
                            font.family: Style.monoFamily
                            font.pixelSize: Style.fontLabel
                            wrapMode: TextArea.NoWrap
                            selectByMouse: true
                            text: bulk.text
                            onTextChanged: if (text !== bulk.text) bulk.text = text
                            Accessible.name: qsTr("Rows to import")
                            background: null
                        }
                    }
                }
                Label {
                    id: missingLabel
                    visible: text !== ""
                    color: Style.danger
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    text: bulk.policy
                    visible: text !== ""
                    color: Style.textMuted
                    font.pixelSize: Style.fontCaption
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                Layout.fillHeight: true
                spacing: Style.spaceS
                Label {
                    objectName: "rowCounts"
                    text: bulk.total === 0 ? qsTr("No rows yet.")
                        : bulk.sent ? qsTr("%1 rows: %2 posted, %3 refused by the ledger, %4 bad here").arg(bulk.total).arg(bulk.posted).arg(bulk.failed).arg(bulk.bad)
                        : qsTr("%1 rows: %2 ready, %3 bad").arg(bulk.total).arg(bulk.ready).arg(bulk.bad)
                    color: bulk.bad > 0 ? Style.warning : Style.text
                    font.weight: Font.DemiBold
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                ListView {
                    id: rowList
                    objectName: "bulkRows"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: 120
                    clip: true
                    model: bulk.rows
                    ScrollBar.vertical: ScrollBar {}
                    delegate: Rectangle {
                        id: rowItem
                        required property int line
                        required property string summary
                        required property string problem
                        required property string rowState
                        required property string result
                        width: rowList.width
                        implicitHeight: rowColumn.implicitHeight + Style.spaceXs * 2
                        color: rowItem.rowState === "bad" || rowItem.rowState === "failed" ? Style.dangerSurface : "transparent"
                        ColumnLayout {
                            id: rowColumn
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.verticalCenter: parent.verticalCenter
                            anchors.leftMargin: Style.spaceS
                            anchors.rightMargin: Style.spaceS
                            spacing: 0
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: Style.spaceS
                                Label { text: qsTr("line %1").arg(rowItem.line); color: Style.textMuted; font.pixelSize: Style.fontCaption; Layout.preferredWidth: 54 }
                                Label { text: rowItem.summary; font.family: Style.monoFamily; font.pixelSize: Style.fontLabel; elide: Text.ElideRight; Layout.fillWidth: true }
                                Label {
                                    text: rowItem.rowState === "posted" ? qsTr("#%1").arg(rowItem.result)
                                        : rowItem.rowState === "bad" ? qsTr("bad")
                                        : rowItem.rowState === "failed" ? qsTr("refused")
                                        : rowItem.rowState === "notTried" ? qsTr("not applied") : qsTr("ready")
                                    color: rowItem.rowState === "posted" ? Style.success : rowItem.rowState === "ready" ? Style.textMuted : Style.danger
                                    font.pixelSize: Style.fontCaption
                                }
                            }
                            Label {
                                visible: text !== ""
                                text: rowItem.rowState === "bad" ? rowItem.problem : rowItem.rowState === "failed" || rowItem.rowState === "notTried" ? rowItem.result : ""
                                color: Style.danger
                                font.pixelSize: Style.fontCaption
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                        }
                    }
                }
                RowLayout {
                    spacing: Style.spaceS
                    Button { objectName: "previewButton"; text: qsTr("Preview (dry run)"); enabled: bulk.ready > 0 && !bulk.busy; onClicked: bulk.dryRun() }
                    Button {
                        objectName: "sendButton"
                        text: bulk.bad > 0 ? qsTr("Send %1 good rows").arg(bulk.ready) : qsTr("Send %1 rows").arg(bulk.ready)
                        highlighted: true
                        enabled: bulk.ready > 0 && bulk.previewed && !bulk.busy && !Session.readOnly
                        onClicked: bulk.send()
                        ToolTip.visible: hovered && !bulk.previewed
                        ToolTip.text: qsTr("Preview the rows first.")
                    }
                    BusyIndicatorRow { running: bulk.busy; text: qsTr("Asking the ledger…") }
                }
                ErrorBanner { Layout.fillWidth: true; text: bulk.error; retryable: false }
                Label {
                    visible: bulk.previewed
                    text: bulk.overdrawn > 0 ? qsTr("Balances before → after: %1 would go below zero").arg(bulk.overdrawn) : qsTr("Balances before → after")
                    color: bulk.overdrawn > 0 ? Style.danger : Style.text
                    font.weight: Font.DemiBold
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                ScrollView {
                    visible: bulk.previewed
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.min(diff.implicitHeight, 180)
                    contentWidth: availableWidth
                    clip: true
                    BalanceDiffTable { id: diff; objectName: "preview"; width: parent.width; rows: bulk.preview }
                }
            }
        }
    }
}
