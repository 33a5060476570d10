pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// One transaction: who paid whom, balances before and after, metadata with a diff before saving,
// revert (with the one confirmation), the links between a transaction and its revert, copy as curl.
DetailDrawer {
    id: drawer
    required property string ledger
    title: qsTr("Transaction %1").arg(detail.transactionId)
    copyValue: detail.transactionId
    subtitle: detail.loaded ? detail.timeText + (detail.reference !== "" ? " · " + detail.reference : "") : ""

    // "Revert…": the one confirmation dialog (production asks for the ledger's name).
    function askRevert() {
        detail.clearError()
        forceBox.checked = false
        effectiveBox.checked = false
        revertDialog.ask()
    }
    function show(id) {
        detail.transactionId = id
        detail.load()
        open()
    }
    TransactionDetailController {
        id: detail
        session: Session
        ledger: drawer.ledger
        onRevertDone: id => {
            revertDialog.done()
            Notifications.post(qsTr("Transaction %1 reverted by transaction %2.").arg(detail.transactionId).arg(id),
                               qsTr("Open transaction %1").arg(id), { page: "transaction", id: id })
        }
        onMetadataSaved: Notifications.post(qsTr("Metadata of transaction %1 saved.").arg(detail.transactionId))
    }

    ErrorBanner { Layout.fillWidth: true; text: revertDialog.visible ? "" : detail.error; onRetry: detail.load() }
    BusyIndicatorRow { running: detail.busy }
    RowLayout {
        visible: detail.reverted || detail.reverts !== ""
        spacing: Style.spaceS
        Rectangle {
            visible: detail.reverted
            radius: Style.radiusS
            color: Style.warningSurface
            implicitWidth: revertedLabel.implicitWidth + 2 * Style.spaceS
            implicitHeight: revertedLabel.implicitHeight + Style.spaceXs
            Label { id: revertedLabel; anchors.centerIn: parent; text: qsTr("Reverted"); color: Style.warning; font.weight: Font.DemiBold }
        }
        Button {
            visible: detail.revertedBy !== ""
            flat: true
            icon.name: Style.icons.link
            text: qsTr("by transaction %1").arg(detail.revertedBy)
            onClicked: drawer.show(detail.revertedBy)
        }
        Button {
            visible: detail.reverts !== ""
            flat: true
            icon.name: Style.icons.link
            text: qsTr("Reverts transaction %1").arg(detail.reverts)
            onClicked: drawer.show(detail.reverts)
        }
    }

    Label { text: qsTr("Who paid whom"); font.weight: Font.DemiBold; color: Style.text }
    Repeater {
        model: detail.postings
        delegate: RowLayout {
            id: posting
            required property var modelData
            Layout.fillWidth: true
            spacing: 0
            Rectangle {
                radius: Style.radiusS
                color: Style.surfaceAlt
                border.color: Style.border
                Layout.preferredWidth: Math.min(sourceLabel.implicitWidth + 16, 200)
                implicitHeight: sourceLabel.implicitHeight + 10
                Label { id: sourceLabel; anchors.fill: parent; anchors.margins: 5; horizontalAlignment: Text.AlignHCenter; text: posting.modelData.source; font.family: Style.monoFamily; elide: Text.ElideMiddle }
            }
            // The arrow is drawn to the width it gets, so it keeps its line after any resize.
            Item {
                objectName: "transferArrow"
                Layout.fillWidth: true
                Layout.minimumWidth: amountLabel.implicitWidth + 24
                implicitHeight: amountLabel.implicitHeight + 14
                AmountText {
                    id: amountLabel
                    anchors.horizontalCenter: parent.horizontalCenter
                    anchors.top: parent.top
                    amount: posting.modelData.amount
                    asset: posting.modelData.asset
                    font.pixelSize: Style.fontLabel
                    wrapMode: Text.NoWrap
                }
                // Anchored to both ends: the line follows every resize.
                Rectangle {
                    objectName: "transferLine"
                    anchors.left: parent.left
                    anchors.right: arrowHead.left
                    anchors.leftMargin: 4
                    y: amountLabel.height + 5
                    height: 2
                    color: Style.accent
                }
                Label {
                    id: arrowHead
                    objectName: "transferHead"
                    anchors.right: parent.right
                    anchors.rightMargin: 2
                    y: amountLabel.height + 6 - height / 2
                    text: "▶"
                    color: Style.accent
                    font.pixelSize: Style.fontCaption - 1
                }
            }
            Rectangle {
                radius: Style.radiusS
                color: Style.surfaceAlt
                border.color: Style.border
                Layout.preferredWidth: Math.min(destinationLabel.implicitWidth + 16, 200)
                implicitHeight: destinationLabel.implicitHeight + 10
                Label { id: destinationLabel; anchors.fill: parent; anchors.margins: 5; horizontalAlignment: Text.AlignHCenter; text: posting.modelData.destination; font.family: Style.monoFamily; elide: Text.ElideMiddle }
            }
        }
    }
    Label { text: qsTr("Balances before → after"); font.weight: Font.DemiBold; color: Style.text; visible: detail.volumes.length > 0; Layout.topMargin: Style.spaceS }
    GridLayout {
        columns: 4
        columnSpacing: Style.spaceM
        rowSpacing: 2
        Layout.fillWidth: true
        Repeater {
            model: detail.volumes
            delegate: Label { required property var modelData; required property int index; Layout.row: index; Layout.column: 0; Layout.fillWidth: true; text: modelData.account; font.family: Style.monoFamily; elide: Text.ElideMiddle }
        }
        Repeater {
            model: detail.volumes
            delegate: AmountText { required property var modelData; required property int index; Layout.row: index; Layout.column: 1; amount: modelData.before; asset: modelData.asset }
        }
        Repeater {
            model: detail.volumes
            delegate: Label { required property int index; Layout.row: index; Layout.column: 2; text: "→"; color: Style.textMuted }
        }
        Repeater {
            model: detail.volumes
            delegate: AmountText { required property var modelData; required property int index; Layout.row: index; Layout.column: 3; amount: modelData.after; asset: modelData.asset }
        }
    }
    MetadataEditor { controller: detail; Layout.fillWidth: true; Layout.topMargin: Style.spaceS }
    RowLayout {
        spacing: Style.spaceS
        Layout.topMargin: Style.spaceS
        Button {
            objectName: "revertButton"
            text: qsTr("Revert…")
            icon.name: Style.icons.undo
            enabled: !Session.readOnly && detail.loaded && !detail.reverted && !detail.busy
            onClicked: drawer.askRevert()
        }
        Button {
            text: qsTr("Copy as curl")
            icon.name: Style.icons.copy
            onClicked: curlField.text = detail.curlCommand()
        }
    }
    RowLayout {
        visible: curlField.text !== ""
        Layout.fillWidth: true
        TextField { id: curlField; Layout.fillWidth: true; readOnly: true; font.family: Style.monoFamily; font.pixelSize: Style.fontLabel }
        CopyButton { value: curlField.text }
    }

    ConfirmDialog {
        id: revertDialog
        objectName: "revertDialog"
        parent: Overlay.overlay
        title: qsTr("Revert transaction %1?").arg(detail.transactionId)
        message: qsTr("A new transaction will move the amounts back. The original stays in the ledger, marked reverted.")
        confirmText: qsTr("Revert")
        requiredName: drawer.ledger
        busy: detail.busy
        error: detail.error
        onConfirmed: detail.revert(forceBox.checked, effectiveBox.checked)
        CheckBox { id: forceBox; text: qsTr("Force, even if it overdraws accounts"); Accessible.name: text }
        CheckBox {
            id: effectiveBox
            objectName: "atEffectiveDate"
            text: qsTr("Date the revert at the original's date (%1)").arg(detail.timeText)
            Accessible.name: text
        }
        Label {
            visible: effectiveBox.checked
            text: qsTr("Balances at any point in time after that date will read as if the transaction never happened.")
            color: Style.textMuted
            font.pixelSize: Style.fontCaption
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }
}
