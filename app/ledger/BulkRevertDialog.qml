pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// "Revert selected…": the checked transactions with, first, which reverts would overdraw (from
// the balances now), then the result of each once sent. Confirmed through the one ConfirmDialog
// (typed on production); it stays open with the results, closed by the operator.
ConfirmDialog {
    id: dialog
    required property BulkRevertController revert
    objectName: "bulkRevertDialog"
    parent: Overlay.overlay
    title: qsTr("Revert %1?").arg(Style.counted(dialog.revert.selectedCount, qsTr("1 transaction"), qsTr("%1 transactions")))
    message: dialog.revert.revertedCount + dialog.revert.failedCount > 0
             ? qsTr("%1 reverted, %2 refused.").arg(dialog.revert.revertedCount).arg(dialog.revert.failedCount)
             : qsTr("Each revert is a new transaction moving the amounts back; the originals stay, marked reverted.")
    confirmText: qsTr("Revert %1").arg(dialog.revert.toSend)
    requiredName: dialog.revert.ledger
    busy: dialog.revert.busy
    error: dialog.revert.error
    inputValid: dialog.revert.previewed && dialog.revert.toSend > 0
    onConfirmed: dialog.revert.send()
    function start() {
        dialog.revert.force = false
        dialog.revert.preview()
        dialog.ask()
    }

    Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: dialog.revert.overdrawCount > 0 ? Style.warning : Style.textMuted
        text: !dialog.revert.previewed ? qsTr("Reading the balances these reverts touch…")
            : dialog.revert.overdrawCount > 0 ? qsTr("⚠ %1 would overdraw an account and %2 left out unless forced.").arg(Style.counted(dialog.revert.overdrawCount, qsTr("1 revert"), qsTr("%1 reverts"))).arg(dialog.revert.overdrawCount === 1 ? qsTr("is") : qsTr("are"))
            : qsTr("None of these reverts overdraws an account.")
    }
    ListView {
        id: items
        objectName: "bulkRevertItems"
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(contentHeight, 240)
        clip: true
        model: dialog.revert.items
        ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }
        delegate: ColumnLayout {
            id: item
            required property var modelData
            readonly property color tone: modelData.state === "overdraws" || modelData.state === "skipped" ? Style.warning
                                        : modelData.state === "failed" || modelData.state === "reverted" ? Style.danger
                                        : modelData.state === "done" ? Style.success : Style.textMuted
            width: items.width
            spacing: 0
            Accessible.role: Accessible.ListItem
            Accessible.name: qsTr("Transaction %1: %2").arg(modelData.id).arg(modelData.detail)
            Label {
                Layout.fillWidth: true
                text: "#" + item.modelData.id + "  " + item.modelData.postings
                font.family: Style.monoFamily
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                Layout.bottomMargin: Style.spaceXs
                text: (item.modelData.state === "done" ? "✓ " : item.modelData.state === "ready" || item.modelData.state === "unknown" ? "" : "⚠ ") + item.modelData.detail
                color: item.tone
                font.pixelSize: Style.fontLabel
                wrapMode: Text.Wrap
            }
        }
    }
    CheckBox {
        objectName: "bulkRevertForce"
        visible: dialog.revert.overdrawCount > 0
        text: qsTr("Force: revert those too, even if they overdraw")
        checked: dialog.revert.force
        onToggled: dialog.revert.force = checked
        Accessible.name: text
    }
    CheckBox {
        text: qsTr("Date each revert at its original's date")
        checked: dialog.revert.atEffectiveDate
        onToggled: dialog.revert.atEffectiveDate = checked
        Accessible.name: text
    }
}
