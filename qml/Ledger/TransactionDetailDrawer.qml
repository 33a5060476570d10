import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// One transaction: postings, volumes before and after, metadata with a diff before saving,
// revert with confirmation (production asks for the ledger's name), copy as curl.
Drawer {
    id: drawer
    property alias ledger: detail.ledger
    edge: Qt.RightEdge

    function open(id) {
        detail.transactionId = id
        detail.load()
        visible = true
    }
    TransactionDetailController {
        id: detail
        session: Session
    }

    ScrollView {
        anchors.fill: parent
        anchors.margins: 16
        contentWidth: availableWidth
        ColumnLayout {
            width: parent.width
            spacing: 8
            Label { text: qsTr("Transaction %1").arg(detail.transactionId) + (detail.reverted ? qsTr(" (reverted)") : ""); font.pixelSize: 20 }
            Label { text: detail.timestamp + (detail.reference !== "" ? " · " + detail.reference : ""); opacity: 0.8 }
            Label { visible: detail.error !== ""; text: detail.error; color: "#c0392b"; wrapMode: Text.Wrap; Layout.fillWidth: true }
            BusyIndicator { running: detail.loading; visible: running }

            Label { text: qsTr("Who paid whom"); font.bold: true }
            Repeater {
                model: detail.postings
                delegate: RowLayout {
                    required property var modelData
                    spacing: 0
                    Rectangle {
                        radius: 4
                        color: palette.base
                        border.color: palette.mid
                        implicitWidth: sourceLabel.implicitWidth + 16
                        implicitHeight: sourceLabel.implicitHeight + 10
                        Label { id: sourceLabel; anchors.centerIn: parent; text: modelData.source; font.family: "monospace" }
                    }
                    ColumnLayout {
                        spacing: 0
                        Layout.minimumWidth: 160
                        Label {
                            Layout.alignment: Qt.AlignHCenter
                            text: modelData.amount + " " + modelData.asset
                            font.family: "monospace"
                            font.pixelSize: 11
                        }
                        RowLayout {
                            spacing: 0
                            Rectangle { Layout.fillWidth: true; height: 2; color: palette.highlight }
                            Label { text: "▶"; color: palette.highlight; font.pixelSize: 10 }
                        }
                    }
                    Rectangle {
                        radius: 4
                        color: palette.base
                        border.color: palette.mid
                        implicitWidth: destinationLabel.implicitWidth + 16
                        implicitHeight: destinationLabel.implicitHeight + 10
                        Label { id: destinationLabel; anchors.centerIn: parent; text: modelData.destination; font.family: "monospace" }
                    }
                }
            }
            Label { text: qsTr("Balances before → after"); font.bold: true; visible: detail.volumes.length > 0 }
            Repeater {
                model: detail.volumes
                delegate: Label {
                    required property var modelData
                    font.family: "monospace"
                    text: modelData.account + "  " + modelData.asset + ":  " + modelData.before + " → " + modelData.after
                }
            }
            MetadataEditor { controller: detail; Layout.fillWidth: true }
            RowLayout {
                Button {
                    text: qsTr("Revert…")
                    enabled: !Session.readOnly && detail.loaded && !detail.reverted
                    onClicked: confirmRevert.open()
                }
                Button { text: qsTr("Copy as curl"); onClicked: { curlField.text = detail.curlCommand(); curlField.selectAll(); curlField.copy() } }
            }
            TextField { id: curlField; Layout.fillWidth: true; readOnly: true; visible: text !== ""; font.family: "monospace" }
        }
    }

    Dialog {
        id: confirmRevert
        title: qsTr("Revert transaction %1?").arg(detail.transactionId)
        anchors.centerIn: Overlay.overlay
        modal: true
        standardButtons: Dialog.Cancel
        ColumnLayout {
            Label { text: qsTr("A new transaction will move the amounts back.") }
            Label { visible: Session.stage === "production"; text: qsTr("This is production. Type the ledger name (%1) to confirm.").arg(detail.ledger) }
            TextField { id: confirmName; visible: Session.stage === "production"; Layout.fillWidth: true }
            CheckBox { id: forceBox; text: qsTr("Force, even if it overdraws accounts") }
            Button {
                text: qsTr("Revert")
                enabled: detail.confirmationMatches(confirmName.text)
                onClicked: { detail.revert(forceBox.checked); confirmRevert.close() }
            }
        }
    }
}
