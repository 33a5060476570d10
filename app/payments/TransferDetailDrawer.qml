pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// One transfer initiation: status and its history, the payments it made, and approve, reject,
// retry, reverse (all or part) and delete — each confirmed (production: by typing the
// reference), all refused on a read-only profile.
DetailDrawer {
    id: drawer
    readonly property string transferId: transfer.transferId
    readonly property var details: transfer.details
    signal changed()
    title: details.reference !== undefined ? details.reference : transfer.transferId
    monoTitle: true
    copyValue: transfer.transferId
    subtitle: transfer.loaded ? qsTr("%1 · scheduled %2").arg(details.type).arg(details.scheduledAt) : ""

    function show(id) {
        transfer.transferId = id
        transfer.load()
        open()
    }
    function moving(status) {
        return status === "VALIDATED" || status === "PROCESSING" || status === "ASK_RETRIED"
            || status === "ASK_REVERSED" || status === "REVERSE_PROCESSING"
    }
    // The one confirmation, set up for the chosen step.
    property string pendingStep: ""
    function ask(step) {
        transfer.clearError()
        pendingStep = step
        if (step === "reverse")
            reverseAmount.text = drawer.details.amount || ""
        stepDialog.ask()
    }

    TransferController {
        id: transfer
        session: Session
        onChanged: {
            stepDialog.done()
            drawer.changed()
            Notifications.post(qsTr("Transfer %1: %2.").arg(drawer.details.reference).arg(transfer.status))
        }
        onRemoved: {
            stepDialog.done()
            drawer.changed()
            drawer.close()
            Notifications.post(qsTr("Transfer deleted."))
        }
    }
    Timer {
        interval: 2000
        repeat: true
        // A transfer on its way moves by itself: follow it while the drawer is open.
        running: drawer.visible && !transfer.busy && drawer.moving(transfer.status)
        onTriggered: transfer.load()
    }

    ErrorBanner { Layout.fillWidth: true; text: stepDialog.visible ? "" : transfer.error; onRetry: transfer.load() }
    BusyIndicatorRow { running: transfer.busy }

    RowLayout {
        visible: transfer.loaded
        Layout.fillWidth: true
        spacing: Style.spaceM
        StatusLabel { status: transfer.status }
        AmountText { amount: drawer.details.amount || ""; asset: drawer.details.asset || ""; font.pixelSize: Style.fontTitle; font.weight: Font.DemiBold }
        Label { text: drawer.details.asset || ""; color: Style.textMuted; font.family: Style.monoFamily }
        Item { Layout.fillWidth: true }
    }
    Label { visible: (drawer.details.error || "") !== ""; text: drawer.details.error || ""; color: Style.danger; wrapMode: Text.Wrap; Layout.fillWidth: true }
    GridLayout {
        visible: transfer.loaded
        Layout.fillWidth: true
        columns: 2
        columnSpacing: Style.spaceM
        rowSpacing: Style.spaceXs
        Label { text: qsTr("Initial amount"); color: Style.textMuted }
        AmountText { amount: drawer.details.initialAmount || ""; asset: drawer.details.asset || ""; horizontalAlignment: Text.AlignLeft; Layout.fillWidth: true }
        Label { text: qsTr("From"); color: Style.textMuted }
        Label { text: drawer.details.sourceAccountId || ""; font.family: Style.monoFamily; wrapMode: Text.WrapAnywhere; Layout.fillWidth: true }
        Label { text: qsTr("To"); color: Style.textMuted }
        Label { text: drawer.details.destinationAccountId || ""; font.family: Style.monoFamily; wrapMode: Text.WrapAnywhere; Layout.fillWidth: true }
        Label { text: qsTr("Description"); color: Style.textMuted }
        Label { text: drawer.details.description || "—"; wrapMode: Text.Wrap; Layout.fillWidth: true }
    }

    RowLayout {
        visible: transfer.loaded
        Layout.fillWidth: true
        Layout.topMargin: Style.spaceS
        spacing: Style.spaceS
        Button { text: qsTr("Approve…"); Accessible.name: qsTr("Approve transfer"); enabled: transfer.canDecide && !Session.readOnly && !transfer.busy; onClicked: drawer.ask("approve") }
        Button { text: qsTr("Reject…"); Accessible.name: qsTr("Reject transfer"); enabled: transfer.canDecide && !Session.readOnly && !transfer.busy; onClicked: drawer.ask("reject") }
        Button { text: qsTr("Retry…"); Accessible.name: qsTr("Retry transfer"); enabled: transfer.canRetry && !Session.readOnly && !transfer.busy; onClicked: drawer.ask("retry") }
        Button { text: qsTr("Reverse…"); Accessible.name: qsTr("Reverse transfer"); enabled: transfer.canReverse && !Session.readOnly && !transfer.busy; onClicked: drawer.ask("reverse") }
        Button { text: qsTr("Delete…"); icon.name: Style.icons.remove; Accessible.name: qsTr("Delete transfer"); enabled: transfer.loaded && !Session.readOnly && !transfer.busy; onClicked: drawer.ask("delete") }
    }
    Label { visible: Session.readOnly; text: qsTr("This profile is read-only: transfers cannot be approved, rejected, retried, reversed or deleted."); color: Style.textMuted; wrapMode: Text.Wrap; Layout.fillWidth: true }

    Label { text: qsTr("Status history"); font.weight: Font.DemiBold; color: Style.text; Layout.topMargin: Style.spaceS; visible: transfer.loaded }
    Repeater {
        model: transfer.history
        delegate: RowLayout {
            id: step
            required property var modelData
            Layout.fillWidth: true
            spacing: Style.spaceS
            Label { text: step.modelData.createdAt; color: Style.textMuted; Layout.preferredWidth: 150 }
            StatusLabel { status: step.modelData.status }
            Label { text: step.modelData.error; color: Style.danger; wrapMode: Text.Wrap; Layout.fillWidth: true }
        }
    }
    Label { text: qsTr("Payments made"); font.weight: Font.DemiBold; color: Style.text; Layout.topMargin: Style.spaceS; visible: transfer.loaded }
    Label { visible: transfer.loaded && transfer.relatedPayments.length === 0; text: qsTr("None yet."); color: Style.textMuted }
    Repeater {
        model: transfer.relatedPayments
        delegate: RowLayout {
            id: made
            required property var modelData
            Layout.fillWidth: true
            spacing: Style.spaceS
            StatusLabel { status: made.modelData.status }
            Label { text: made.modelData.paymentId; font.family: Style.monoFamily; elide: Text.ElideMiddle; Layout.fillWidth: true }
        }
    }

    ConfirmDialog {
        id: stepDialog
        objectName: "transferStepDialog"
        parent: Overlay.overlay
        title: drawer.pendingStep === "approve" ? qsTr("Approve this transfer?")
             : drawer.pendingStep === "reject" ? qsTr("Reject this transfer?")
             : drawer.pendingStep === "retry" ? qsTr("Retry this transfer?")
             : drawer.pendingStep === "reverse" ? qsTr("Reverse this transfer?") : qsTr("Delete this transfer?")
        message: drawer.pendingStep === "approve" ? qsTr("The connector sends %1 %2 on its next round.").arg(drawer.details.amount || "").arg(drawer.details.asset || "")
               : drawer.pendingStep === "reject" ? qsTr("The transfer is never sent.")
               : drawer.pendingStep === "retry" ? qsTr("The connector tries to send it again.")
               : drawer.pendingStep === "reverse" ? qsTr("The amount given back to the source account; all or part of it.")
               : qsTr("The transfer initiation is removed.")
        confirmText: drawer.pendingStep === "approve" ? qsTr("Approve") : drawer.pendingStep === "reject" ? qsTr("Reject")
                   : drawer.pendingStep === "retry" ? qsTr("Retry") : drawer.pendingStep === "reverse" ? qsTr("Reverse") : qsTr("Delete")
        destructive: drawer.pendingStep !== "approve" && drawer.pendingStep !== "retry"
        requiredName: drawer.details.reference || ""
        busy: transfer.busy
        error: transfer.error
        inputValid: drawer.pendingStep !== "reverse" || transfer.amountProblem(reverseAmount.text, drawer.details.asset || "") === ""
        onConfirmed: {
            if (drawer.pendingStep === "approve") transfer.approve()
            else if (drawer.pendingStep === "reject") transfer.reject()
            else if (drawer.pendingStep === "retry") transfer.retry()
            else if (drawer.pendingStep === "reverse") transfer.reverse(reverseAmount.text, reverseDescription.text)
            else transfer.remove()
        }
        FormField {
            id: reverseAmount
            visible: drawer.pendingStep === "reverse"
            Layout.fillWidth: true
            label: qsTr("Amount to give back (%1)").arg(drawer.details.asset || "")
            mono: true
            input.Accessible.name: qsTr("Amount to reverse")
            error: visible ? transfer.amountProblem(text, drawer.details.asset || "") : ""
        }
        FormField {
            id: reverseDescription
            visible: drawer.pendingStep === "reverse"
            Layout.fillWidth: true
            label: qsTr("Description")
            input.Accessible.name: qsTr("Reverse description")
        }
    }
}
