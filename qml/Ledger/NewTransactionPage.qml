import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// Postings editor with inline validation, dry-run preview, and an idempotent commit.
Pane {
    id: page
    property alias ledger: form.ledger
    signal committed(string id)

    NewTransactionController {
        id: form
        session: Session
        onCommitted: id => page.committed(id)
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            width: Math.min(parent.width, 900)
            spacing: 10
            Label { text: qsTr("New transaction · %1").arg(page.ledger); font.pixelSize: 20 }
            Label { visible: Session.readOnly; text: qsTr("This profile is read-only: you can preview, not commit."); color: "#d68910" }
            Repeater {
                model: form.postingRows
                delegate: ColumnLayout {
                    required property var modelData
                    required property int index
                    Layout.fillWidth: true
                    RowLayout {
                        Layout.fillWidth: true
                        TextField { Layout.fillWidth: true; placeholderText: qsTr("Source"); text: modelData.source; onTextEdited: form.setPostingField(index, "source", text) }
                        Label { text: "→" }
                        TextField { Layout.fillWidth: true; placeholderText: qsTr("Destination"); text: modelData.destination; onTextEdited: form.setPostingField(index, "destination", text) }
                        TextField {
                            Layout.preferredWidth: 180
                            placeholderText: qsTr("Amount")
                            horizontalAlignment: Text.AlignRight
                            text: modelData.amount
                            onTextEdited: form.setPostingField(index, "amount", text)
                        }
                        TextField { Layout.preferredWidth: 90; placeholderText: qsTr("Asset"); text: modelData.asset; onTextEdited: form.setPostingField(index, "asset", text) }
                        ToolButton { text: "✕"; enabled: form.postings.length > 1; onClicked: form.removePosting(index) }
                    }
                    Label {
                        visible: text !== "" && (form.postings[index].destination !== "" || form.postings[index].amount !== "")
                        text: form.postingErrors[index] || ""
                        color: "#c0392b"
                    }
                }
            }
            Button { text: qsTr("Add posting"); onClicked: form.addPosting() }
            GridLayout {
                columns: 2
                Layout.fillWidth: true
                Label { text: qsTr("Reference") }
                TextField { Layout.fillWidth: true; text: form.reference; onTextEdited: form.reference = text }
                Label { text: qsTr("Timestamp") }
                TextField { Layout.fillWidth: true; placeholderText: qsTr("now, or 2024-11-13 10:20"); text: form.timestamp; onTextEdited: form.timestamp = text }
                Label { text: qsTr("Metadata"); Layout.alignment: Qt.AlignTop }
                TextArea { Layout.fillWidth: true; Layout.preferredHeight: 80; placeholderText: qsTr("key=value, one per line"); text: form.metadataText; onTextChanged: form.metadataText = text
                    background: Rectangle { color: palette.base; border.color: palette.mid; radius: 2 }
                }
            }
            Label { visible: form.formError !== ""; text: form.formError; color: "#c0392b" }
            RowLayout {
                Button { text: qsTr("Preview (dry run)"); enabled: form.valid && !form.busy; onClicked: form.dryRun() }
                Button { text: qsTr("Commit"); highlighted: true; enabled: form.valid && !form.busy && !Session.readOnly; onClicked: form.commit() }
                Button { text: qsTr("Clear"); onClicked: form.reset() }
                BusyIndicator { running: form.busy; visible: running; implicitHeight: 32 }
            }
            Label { visible: form.error !== ""; text: form.error; color: "#c0392b"; wrapMode: Text.Wrap; Layout.fillWidth: true }
            Label { visible: form.committedId !== ""; text: qsTr("Committed as transaction %1.").arg(form.committedId) }
            Label { visible: form.preview.length > 0; text: qsTr("Balances after this transaction"); font.bold: true }
            Repeater {
                model: form.preview
                delegate: RowLayout {
                    required property var modelData
                    Label { text: modelData.account; Layout.preferredWidth: 260; font.family: "monospace" }
                    Label { text: modelData.asset; Layout.preferredWidth: 80 }
                    Label { text: modelData.before; Layout.preferredWidth: 200; horizontalAlignment: Text.AlignRight; font.family: "monospace" }
                    Label { text: "→" }
                    Label { text: modelData.after; Layout.preferredWidth: 200; horizontalAlignment: Text.AlignRight; font.family: "monospace"; color: modelData.negative ? "#c0392b" : palette.text }
                }
            }
        }
    }
}
