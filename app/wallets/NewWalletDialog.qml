pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// Creates a wallet: a name and its metadata (key=value lines). A refusal stays at the field with
// the input kept; refused on a read-only profile.
Dialog {
    id: dialog
    objectName: "newWalletDialog"
    signal done(string id)
    // The errors as a plain object (qmllint 6.4 sees no keys on a QVariantMap).
    readonly property var errors: form.fieldErrors

    function ask() {
        form.walletId = ""
        form.resetForm()
        nameField.text = ""
        metadataArea.text = ""
        open()
        nameField.input.forceActiveFocus()
    }
    function parse(text) {
        const map = {}
        text.split("\n").forEach(line => {
            const i = line.indexOf("=")
            if (i > 0)
                map[line.slice(0, i).trim()] = line.slice(i + 1).trim()
        })
        return map
    }

    title: qsTr("New wallet")
    anchors.centerIn: Overlay.overlay
    width: Math.min(520, (parent ? parent.width : 520) - 2 * Style.spaceXl)
    modal: true
    padding: Style.spaceL

    WalletWriteController {
        id: form
        session: Session
        onCreated: id => {
            dialog.close()
            dialog.done(id)
            Notifications.post(qsTr("Wallet %1 created.").arg(nameField.text.trim()))
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceS
        FormField {
            id: nameField
            objectName: "walletName"
            Layout.fillWidth: true
            label: qsTr("Name")
            placeholderText: qsTr("e.g. alice")
            error: dialog.errors.name || ""
            onAccepted: form.createWallet(nameField.text, dialog.parse(metadataArea.text))
        }
        Label { text: qsTr("Metadata — one key=value per line"); font.pixelSize: Style.fontLabel; color: Style.textMuted }
        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: 96
            clip: true
            TextArea {
                id: metadataArea
                objectName: "walletMetadata"
                wrapMode: TextArea.WrapAnywhere
                font.family: Style.monoFamily
                placeholderText: "owner=alice"
                Accessible.name: qsTr("Metadata")
                background: Rectangle { color: Style.surface; border.color: metadataArea.activeFocus ? Style.focusRing : Style.border; radius: Style.radiusS }
            }
        }
        Label { visible: form.error !== ""; text: form.error; color: Style.danger; wrapMode: Text.Wrap; Layout.fillWidth: true }
        Label { visible: Session.readOnly; text: qsTr("This profile is read-only: no wallet can be created."); color: Style.textMuted; wrapMode: Text.Wrap; Layout.fillWidth: true }
        RowLayout {
            Layout.fillWidth: true
            BusyIndicatorRow { running: form.busy; text: qsTr("Creating…") }
            Item { Layout.fillWidth: true }
            DialogButtonBox {
                padding: 0
                onAccepted: form.createWallet(nameField.text, dialog.parse(metadataArea.text))
                onRejected: dialog.close()
                Button {
                    objectName: "createWalletButton"
                    text: qsTr("Create")
                    enabled: !form.busy && !Session.readOnly && nameField.text.trim() !== ""
                    // qmllint disable
                    // (Qt 6.4's qmltypes do not list DialogButtonBox's ButtonRole values.)
                    DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
                }
                Button { text: qsTr("Cancel"); DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
                // qmllint enable
            }
        }
    }
}
