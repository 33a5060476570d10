import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// One wallet: balance per asset, named balances, holds with confirm and void (production asks
// for the wallet's name, as a revert asks for the ledger's).
Drawer {
    id: drawer
    property alias walletId: wallet.walletId
    edge: Qt.RightEdge

    function open(id) {
        wallet.walletId = id
        wallet.load()
        visible = true
    }

    WalletDetailController { id: wallet; session: Session }

    ScrollView {
        anchors.fill: parent
        anchors.margins: 16
        contentWidth: availableWidth
        ColumnLayout {
            width: parent.width
            spacing: 8
            Label { text: wallet.name !== "" ? wallet.name : wallet.walletId; font.pixelSize: 20 }
            Label { text: qsTr("%1 · ledger %2 · created %3").arg(wallet.walletId).arg(wallet.ledger).arg(wallet.createdAt); opacity: 0.8; font.family: "monospace"; elide: Text.ElideRight; Layout.fillWidth: true; visible: wallet.loaded }
            Label { visible: wallet.error !== ""; text: wallet.error; color: "#c0392b"; wrapMode: Text.Wrap; Layout.fillWidth: true }
            BusyIndicator { running: wallet.busy; visible: running }

            Label { text: qsTr("Balance"); font.bold: true }
            Label { visible: wallet.loaded && wallet.balances.length === 0; text: qsTr("Empty."); opacity: 0.7 }
            Repeater {
                model: wallet.balances
                delegate: RowLayout {
                    required property var modelData
                    Label { text: modelData.asset; Layout.preferredWidth: 90; font.bold: true }
                    Label { text: modelData.amount; Layout.preferredWidth: 230; horizontalAlignment: Text.AlignRight; font.family: "monospace"; color: modelData.negative ? "#c0392b" : palette.windowText }
                }
            }

            Label { text: qsTr("Named balances"); font.bold: true; Layout.topMargin: 8 }
            Label { visible: wallet.loaded && wallet.namedBalances.length === 0; text: qsTr("None."); opacity: 0.7 }
            Repeater {
                model: wallet.namedBalances
                delegate: RowLayout {
                    required property var modelData
                    Label { text: modelData.name; Layout.preferredWidth: 120; font.bold: true; elide: Text.ElideRight }
                    Label { text: modelData.assetsText !== "" ? modelData.assetsText : "0"; Layout.preferredWidth: 230; font.family: "monospace"; elide: Text.ElideRight }
                    Label {
                        text: [modelData.expiresAt !== "" ? qsTr("expires %1").arg(modelData.expiresAt) : "",
                               modelData.priority !== "" ? qsTr("priority %1").arg(modelData.priority) : ""].filter(s => s !== "").join(" · ")
                        opacity: 0.7
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                }
            }

            Label { text: qsTr("Holds"); font.bold: true; Layout.topMargin: 8 }
            Label { visible: wallet.loaded && wallet.holds.length === 0; text: qsTr("None."); opacity: 0.7 }
            Repeater {
                model: wallet.holds
                delegate: Frame {
                    required property var modelData
                    Layout.fillWidth: true
                    ColumnLayout {
                        width: parent.width
                        spacing: 4
                        RowLayout {
                            Layout.fillWidth: true
                            Label {
                                text: modelData.open ? qsTr("Open") : qsTr("Closed")
                                font.bold: true
                                color: modelData.open ? "#43a047" : palette.windowText
                                opacity: modelData.open ? 1 : 0.6
                                Layout.preferredWidth: 60
                            }
                            Label { text: modelData.description !== "" ? modelData.description : qsTr("(no description)"); font.bold: true; elide: Text.ElideRight; Layout.fillWidth: true }
                            Label {
                                text: modelData.open && modelData.remaining !== modelData.original
                                      ? qsTr("%1 of %2 %3").arg(modelData.remaining).arg(modelData.original).arg(modelData.asset)
                                      : qsTr("%1 %2").arg(modelData.open ? modelData.remaining : modelData.original).arg(modelData.asset)
                                font.family: "monospace"
                            }
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            Label { text: modelData.id; font.family: "monospace"; opacity: 0.7; elide: Text.ElideMiddle; Layout.preferredWidth: 200 }
                            Label { text: modelData.destination !== "" ? qsTr("→ %1").arg(modelData.destination) : ""; opacity: 0.8; elide: Text.ElideRight; Layout.fillWidth: true }
                            Button {
                                visible: modelData.open
                                text: qsTr("Confirm…")
                                enabled: !Session.readOnly && !wallet.busy
                                onClicked: confirmDialog.ask(modelData)
                            }
                            Button {
                                visible: modelData.open
                                text: qsTr("Void…")
                                enabled: !Session.readOnly && !wallet.busy
                                onClicked: voidDialog.ask(modelData)
                            }
                        }
                    }
                }
            }
            Label { visible: Session.readOnly; text: qsTr("This profile is read-only: holds cannot be confirmed or voided."); opacity: 0.7; wrapMode: Text.Wrap; Layout.fillWidth: true }
        }
    }

    Dialog {
        id: confirmDialog
        property var hold: ({})
        function ask(h) { hold = h; amountField.text = ""; finalBox.checked = false; confirmName.text = ""; open() }
        title: qsTr("Confirm hold %1?").arg(hold.id || "")
        anchors.centerIn: Overlay.overlay
        modal: true
        standardButtons: Dialog.Cancel
        ColumnLayout {
            Label { text: qsTr("%1 %2 remain held for %3.").arg(confirmDialog.hold.remaining || "").arg(confirmDialog.hold.asset || "").arg(confirmDialog.hold.destination || qsTr("the destination")) }
            TextField { id: amountField; Layout.fillWidth: true; placeholderText: qsTr("Amount (empty: all that remains)") }
            CheckBox { id: finalBox; text: qsTr("Final: return what is not confirmed to the wallet") }
            Label { visible: Session.stage === "production"; text: qsTr("This is production. Type the wallet name (%1) to confirm.").arg(wallet.name) }
            TextField { id: confirmName; visible: Session.stage === "production"; Layout.fillWidth: true }
            Button {
                text: qsTr("Confirm")
                enabled: wallet.confirmationMatches(confirmName.text)
                onClicked: { wallet.confirmHold(confirmDialog.hold.id, amountField.text, finalBox.checked); confirmDialog.close() }
            }
        }
    }

    Dialog {
        id: voidDialog
        property var hold: ({})
        function ask(h) { hold = h; voidName.text = ""; open() }
        title: qsTr("Void hold %1?").arg(hold.id || "")
        anchors.centerIn: Overlay.overlay
        modal: true
        standardButtons: Dialog.Cancel
        ColumnLayout {
            Label { text: qsTr("%1 %2 go back to the wallet.").arg(voidDialog.hold.remaining || "").arg(voidDialog.hold.asset || "") }
            Label { visible: Session.stage === "production"; text: qsTr("This is production. Type the wallet name (%1) to confirm.").arg(wallet.name) }
            TextField { id: voidName; visible: Session.stage === "production"; Layout.fillWidth: true }
            Button {
                text: qsTr("Void")
                enabled: wallet.confirmationMatches(voidName.text)
                onClicked: { wallet.voidHold(voidDialog.hold.id); voidDialog.close() }
            }
        }
    }
}
