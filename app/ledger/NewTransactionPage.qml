pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// Postings editor with inline validation, a dry-run preview, and an idempotent commit. Any edit
// drops the preview, and Commit waits for a preview of the form as it is.
Pane {
    id: page
    property string ledger // the window's current ledger (PageSlot.ledger)
    function refresh() {}
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    NewTransactionController {
        id: form
        objectName: "newTransactionForm"
        session: Session
        ledger: page.ledger
        onCommitted: id => Notifications.post(qsTr("Transaction %1 committed.").arg(id), qsTr("Open transaction %1").arg(id), { page: "transaction", id: id })
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true
        ColumnLayout {
            width: Math.min(scroll.availableWidth, 960)
            spacing: Style.spaceM
            PageHeader {
                Layout.fillWidth: true
                title: qsTr("New transaction")
                subtitle: qsTr("Ledger %1").arg(page.ledger)
            }
            Label {
                visible: Session.readOnly
                text: qsTr("This profile is read-only: you can preview, not commit.")
                color: Style.warning
            }
            Label { text: qsTr("Postings"); font.weight: Font.DemiBold; color: Style.text }
            Repeater {
                model: form.postingRows
                delegate: ColumnLayout {
                    id: posting
                    required property var modelData
                    required property int index
                    Layout.fillWidth: true
                    spacing: 2
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Style.spaceS
                        TextField { objectName: "source" + posting.index; Layout.fillWidth: true; font.family: Style.monoFamily; placeholderText: qsTr("Source"); text: posting.modelData.source; onTextEdited: form.setPostingField(posting.index, "source", text) }
                        Label { text: "→"; color: Style.textMuted }
                        TextField { objectName: "destination" + posting.index; Layout.fillWidth: true; font.family: Style.monoFamily; placeholderText: qsTr("Destination"); text: posting.modelData.destination; onTextEdited: form.setPostingField(posting.index, "destination", text) }
                        TextField {
                            objectName: "amount" + posting.index
                            Layout.preferredWidth: 170
                            font.family: Style.monoFamily
                            placeholderText: qsTr("Amount")
                            horizontalAlignment: Text.AlignRight
                            text: posting.modelData.amount
                            onTextEdited: form.setPostingField(posting.index, "amount", text)
                        }
                        TextField { objectName: "asset" + posting.index; Layout.preferredWidth: 90; font.family: Style.monoFamily; placeholderText: qsTr("Asset"); text: posting.modelData.asset; onTextEdited: form.setPostingField(posting.index, "asset", text) }
                        ToolButton { icon.name: Style.icons.remove; display: AbstractButton.IconOnly; text: qsTr("Remove posting"); enabled: form.postings.length > 1; onClicked: form.removePosting(posting.index) }
                    }
                    Label {
                        visible: text !== "" && (form.postings[posting.index].destination !== "" || form.postings[posting.index].amount !== "")
                        text: form.postingErrors[posting.index] || ""
                        color: Style.danger
                        font.pixelSize: Style.fontCaption
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }
            Button { text: qsTr("Add posting"); icon.name: Style.icons.add; onClicked: form.addPosting() }
            GridLayout {
                columns: 2
                columnSpacing: Style.spaceM
                Layout.fillWidth: true
                Label { text: qsTr("Reference"); color: Style.textMuted }
                TextField { Layout.fillWidth: true; Accessible.name: qsTr("Reference"); text: form.reference; onTextEdited: form.reference = text }
                Label { text: qsTr("Timestamp"); color: Style.textMuted }
                TextField { Layout.fillWidth: true; Accessible.name: qsTr("Timestamp"); placeholderText: qsTr("now, or 2024-11-13 10:20"); text: form.timestamp; onTextEdited: form.timestamp = text }
                Label { text: qsTr("Metadata"); Layout.alignment: Qt.AlignTop; color: Style.textMuted }
                TextArea {
                    id: metadataArea
                    objectName: "metadataText"
                    Layout.fillWidth: true
                    Layout.preferredHeight: 80
                    font.family: Style.monoFamily
                    wrapMode: TextArea.WrapAnywhere
                    placeholderText: qsTr("key=value, one per line")
                    Accessible.name: qsTr("Metadata")
                    text: form.metadataText
                    onTextChanged: form.metadataText = text
                    // Tab moves on (a text area would type a tab character and trap the keyboard).
                    Keys.onTabPressed: metadataArea.nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
                    Keys.onBacktabPressed: metadataArea.nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
                    background: Rectangle {
                        color: Style.surface
                        radius: Style.radiusS
                        border.width: metadataArea.activeFocus ? 2 : 1
                        border.color: metadataArea.activeFocus ? Style.focusRing : Style.border
                    }
                }
            }
            Label { visible: form.formError !== ""; text: form.formError; color: Style.danger; wrapMode: Text.Wrap; Layout.fillWidth: true }
            RowLayout {
                spacing: Style.spaceS
                Button { objectName: "previewButton"; text: qsTr("Preview (dry run)"); enabled: form.valid && !form.busy; onClicked: form.dryRun() }
                Button {
                    objectName: "commitButton"
                    text: qsTr("Commit")
                    highlighted: true
                    enabled: form.valid && form.previewed && !form.busy && !Session.readOnly
                    onClicked: form.commit()
                    ToolTip.visible: hovered && !form.previewed
                    ToolTip.text: qsTr("Preview the transaction first.")
                }
                Button { text: qsTr("Clear"); onClicked: form.reset() }
                BusyIndicatorRow { running: form.busy; text: qsTr("Asking the ledger…") }
            }
            Label {
                visible: form.valid && !form.previewed && !form.busy
                text: qsTr("Preview the transaction to see the balances it leaves; Commit follows.")
                color: Style.textMuted
                font.pixelSize: Style.fontCaption
            }
            ErrorBanner { Layout.fillWidth: true; text: form.error; retryable: false }
            Label { visible: form.committedId !== ""; text: qsTr("Committed as transaction %1.").arg(form.committedId); color: Style.success }
            Label { visible: form.previewed; text: qsTr("Balances after this transaction"); font.weight: Font.DemiBold; color: Style.text }
            BalanceDiffTable {
                objectName: "preview"
                visible: form.previewed
                Layout.fillWidth: true
                rows: form.preview
            }
        }
    }
}
