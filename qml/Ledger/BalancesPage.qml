import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// Aggregated balances for an address pattern, now or at a point in time.
Pane {
    id: page
    property alias ledger: balances.ledger

    BalancesController { id: balances; session: Session }
    onLedgerChanged: if (ledger !== "") balances.load(pattern.text, pit.text)

    ColumnLayout {
        anchors.fill: parent
        Label { text: qsTr("Balances · %1").arg(page.ledger); font.pixelSize: 20 }
        RowLayout {
            TextField { id: pattern; Layout.preferredWidth: 300; placeholderText: qsTr("Address or pattern (users:, merchants:)"); onAccepted: balances.load(text, pit.text) }
            TextField { id: pit; Layout.preferredWidth: 260; placeholderText: qsTr("As of (empty: now)"); onAccepted: balances.load(pattern.text, text) }
            Button { text: qsTr("Show"); onClicked: balances.load(pattern.text, pit.text) }
            BusyIndicator { running: balances.loading; visible: running; implicitHeight: 32 }
        }
        Label { visible: balances.error !== ""; text: balances.error; color: "#c0392b"; wrapMode: Text.Wrap; Layout.fillWidth: true }
        Repeater {
            model: balances.balances
            delegate: RowLayout {
                required property var modelData
                Label { text: modelData.asset; Layout.preferredWidth: 120; font.bold: true }
                Label {
                    text: modelData.balance
                    Layout.preferredWidth: 420
                    horizontalAlignment: Text.AlignRight
                    font.family: "monospace"
                    color: modelData.negative ? "#c0392b" : palette.windowText
                }
            }
        }
        Item { Layout.fillHeight: true }
    }
}
