import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

Pane {
    id: page
    signal ledgerChosen(string name)
    signal ledgerPreselected(string name)

    LedgersModel {
        id: ledgers
        session: Session
        // The first ledger is a sensible place to start: ledger pages work at once.
        onCountChanged: if (count > 0 && window.currentLedger === "") page.ledgerPreselected(nameAt(0))
    }

    LedgerController {
        id: current
        session: Session
        ledger: window.currentLedger
        onLedgerChanged: load()
        onCreated: name => { ledgers.reload(); window.currentLedger = name }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 16
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            RowLayout {
                Label { text: qsTr("Ledgers"); font.pixelSize: 20; Layout.fillWidth: true }
                Button { text: qsTr("Refresh"); onClicked: ledgers.reload() }
            }
            Label { visible: !Session.connected; text: qsTr("Connect to a stack first."); opacity: 0.7 }
            Label { visible: ledgers.error !== ""; text: ledgers.error; color: "#c0392b"; wrapMode: Text.Wrap; Layout.fillWidth: true }
            HeaderRow {
                Layout.fillWidth: true
                columns: [qsTr("Name"), qsTr("Bucket"), qsTr("Created"), qsTr("Metadata")]
                widths: [0.25, 0.15, 0.2, 0.4]
            }
            ListView {
                id: list
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: ledgers
                ScrollBar.vertical: ScrollBar {}
                delegate: ItemDelegate {
                    required property string name
                    required property string bucket
                    required property string addedAt
                    required property string metadataText
                    width: ListView.view.width
                    highlighted: name === window.currentLedger
                    onClicked: window.currentLedger = name
                    onDoubleClicked: page.ledgerChosen(name)
                    contentItem: RowLayout {
                        Label { text: name; font.bold: true; Layout.preferredWidth: list.width * 0.25; elide: Text.ElideRight }
                        Label { text: bucket; Layout.preferredWidth: list.width * 0.15; elide: Text.ElideRight }
                        Label { text: addedAt; Layout.preferredWidth: list.width * 0.2 }
                        Label { text: metadataText; Layout.fillWidth: true; elide: Text.ElideRight; opacity: 0.8 }
                    }
                }
                footer: BusyIndicator { running: ledgers.loading; visible: running; anchors.horizontalCenter: parent ? parent.horizontalCenter : undefined }
            }
        }

        ColumnLayout {
            Layout.preferredWidth: 360
            Layout.maximumWidth: 360
            Layout.fillHeight: true
            visible: Session.connected
            Label { text: window.currentLedger !== "" ? window.currentLedger : qsTr("No ledger chosen"); font.pixelSize: 18 }
            Label { visible: window.currentLedger !== ""; text: qsTr("Bucket %1 · %2 transactions · %3 accounts").arg(current.bucket).arg(current.transactions).arg(current.accounts); opacity: 0.8 }
            Button { visible: window.currentLedger !== ""; text: qsTr("Open transactions"); onClicked: page.ledgerChosen(window.currentLedger) }
            MetadataEditor { id: metadataEditor; controller: current; Layout.fillWidth: true; visible: window.currentLedger !== "" }
            Label { visible: current.error !== ""; text: current.error; color: "#c0392b"; wrapMode: Text.Wrap; Layout.fillWidth: true }
            Label { text: qsTr("New ledger"); font.bold: true; Layout.topMargin: 16 }
            TextField { id: newName; Layout.fillWidth: true; placeholderText: qsTr("Name (letters, digits, _ -)"); enabled: !Session.readOnly }
            TextField { id: newBucket; Layout.fillWidth: true; placeholderText: qsTr("Bucket (optional)"); enabled: !Session.readOnly }
            Button {
                text: qsTr("Create ledger")
                enabled: !Session.readOnly && newName.text !== "" && !current.busy
                onClicked: current.create(newName.text, newBucket.text, {})
            }
            Item { Layout.fillHeight: true }
        }
    }
}
