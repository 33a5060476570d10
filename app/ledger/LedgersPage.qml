pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// The stack's ledgers; the chosen one's details (bucket, counts, metadata) on the right, and
// "New ledger…" in a dialog.
Pane {
    id: page
    property string currentLedger // the window's (set through its PageSlot)
    signal ledgerSelected(string name)
    signal ledgerOpened(string name)
    readonly property int rowCount: ledgers.count
    readonly property bool loading: ledgers.loading
    function refresh() { ledgers.reload(); current.load() }
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    LedgersModel {
        id: ledgers
        session: Session // (the window starts in the first ledger when none is chosen)
    }
    LedgerController {
        id: current
        session: Session
        ledger: page.currentLedger
        onCreated: name => {
            newLedger.done()
            ledgers.reload()
            page.ledgerSelected(name)
            Notifications.post(qsTr("Ledger %1 created.").arg(name), qsTr("Open its transactions"), { page: "transactions" })
        }
        onMetadataSaved: Notifications.post(qsTr("Metadata of %1 saved.").arg(page.currentLedger))
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceL

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Ledgers")
            subtitle: Session.connected ? Style.counted(ledgers.count, qsTr("1 ledger"), qsTr("%1 ledgers")) + qsTr(" on %1").arg(Session.name) : qsTr("Connect to a stack first.")
            Button {
                text: qsTr("New ledger…")
                icon.name: Style.icons.add
                enabled: Session.connected && !Session.readOnly
                onClicked: { current.clearError(); newLedger.ask() }
            }
            Button { text: qsTr("Refresh"); icon.name: Style.icons.refresh; enabled: Session.connected; onClicked: page.refresh() }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Style.spaceL

            ListPage {
                id: list
                Layout.fillWidth: true
                Layout.fillHeight: true
                listKey: "ledgers"
                model: ledgers
                selectedRow: ledgers.find("name", page.currentLedger)
                emptyTitle: Session.connected ? qsTr("No ledgers on this stack.") : qsTr("Not connected.")
                emptyHint: Session.connected ? qsTr("Create one with “New ledger…”.") : qsTr("Open the demo stack or a saved one on the Connections page.")
                columns: [
                    { title: qsTr("Name"), role: "name", width: 180, strong: true, mono: true },
                    { title: qsTr("Bucket"), role: "bucket", width: 130, mono: true },
                    { title: qsTr("Created"), role: "addedAt", width: 170 },
                    { title: qsTr("Metadata"), role: "metadataText", fill: true, minWidth: 120, muted: true }
                ]
                onActivated: row => {
                    const name = ledgers.nameAt(row)
                    if (name === page.currentLedger)
                        page.ledgerOpened(name)
                    else
                        page.ledgerSelected(name)
                }
            }

            // The chosen ledger.
            Frame {
                visible: Session.connected && page.currentLedger !== ""
                Layout.preferredWidth: Math.round(340 * Style.fontScale) // its buttons grow with the text
                Layout.fillHeight: true
                padding: Style.spaceL
                background: Rectangle { color: Style.surface; border.color: Style.border; radius: Style.radiusM }

                ScrollView {
                    id: side
                    anchors.fill: parent
                    contentWidth: availableWidth
                    clip: true
                    ColumnLayout {
                        width: side.availableWidth
                        spacing: Style.spaceS
                        RowLayout {
                            Layout.fillWidth: true
                            Label {
                                text: page.currentLedger
                                font.pixelSize: Style.fontTitle
                                font.weight: Font.DemiBold
                                font.family: Style.monoFamily
                                color: Style.text
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            CopyButton { value: page.currentLedger }
                        }
                        GridLayout {
                            columns: 2
                            columnSpacing: Style.spaceM
                            rowSpacing: Style.spaceXs
                            Layout.fillWidth: true
                            Label { text: qsTr("Bucket"); color: Style.textMuted }
                            Label { text: current.bucket; font.family: Style.monoFamily; Layout.fillWidth: true; elide: Text.ElideRight }
                            Label { text: qsTr("Transactions"); color: Style.textMuted }
                            Label { text: current.transactions; font.family: Style.monoFamily; Layout.fillWidth: true }
                            Label { text: qsTr("Accounts"); color: Style.textMuted }
                            Label { text: current.accounts; font.family: Style.monoFamily; Layout.fillWidth: true }
                        }
                        Button {
                            text: qsTr("Open transactions")
                            icon.name: Style.icons.transactions
                            highlighted: true
                            onClicked: page.ledgerOpened(page.currentLedger)
                        }
                        ErrorBanner { Layout.fillWidth: true; text: current.error; onRetry: current.load() }
                        MetadataEditor {
                            Layout.fillWidth: true
                            Layout.topMargin: Style.spaceS
                            controller: current
                        }
                    }
                }
            }
        }
    }

    ConfirmDialog {
        id: newLedger
        objectName: "newLedgerDialog"
        title: qsTr("New ledger")
        confirmText: qsTr("Create ledger")
        destructive: false
        busy: current.busy
        error: current.error
        inputValid: nameField.error === "" && nameField.text !== ""
        onConfirmed: current.create(nameField.text, bucketField.text, {})
        onOpened: { nameField.text = ""; bucketField.text = ""; nameField.input.forceActiveFocus() }
        FormField {
            id: nameField
            Layout.fillWidth: true
            label: qsTr("Name")
            mono: true
            placeholderText: qsTr("e.g. payouts-eu")
            error: text === "" ? "" : current.nameProblem(text)
            hint: qsTr("Letters, digits, “_” and “-”, up to 63.")
        }
        FormField {
            id: bucketField
            Layout.fillWidth: true
            label: qsTr("Bucket")
            mono: true
            placeholderText: qsTr("Optional: the stack's default")
        }
    }
}
