pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// One payment: amount and initial amount exact in the asset's units, status, the accounts, its
// adjustments, the provider's raw data, metadata (edited with a diff) and the ledger transactions
// that reference it, each opening the transaction drawer.
DetailDrawer {
    id: drawer
    property string ledger
    readonly property string paymentId: payment.paymentId
    readonly property var details: payment.details
    signal transactionActivated(string id)
    signal changed()
    title: details.reference !== undefined && details.reference !== "" ? details.reference : payment.paymentId
    monoTitle: true
    copyValue: payment.paymentId
    subtitle: payment.loaded ? qsTr("%1 · %2 · created %3").arg(details.type).arg(details.scheme).arg(details.createdAt) : ""

    function show(id) {
        payment.paymentId = id
        payment.load()
        open()
    }

    PaymentController {
        id: payment
        session: Session
        ledger: drawer.ledger
        onMetadataSaved: {
            drawer.changed()
            Notifications.post(qsTr("Payment metadata saved."))
        }
    }

    ErrorBanner { Layout.fillWidth: true; text: payment.error; onRetry: payment.load() }
    BusyIndicatorRow { running: payment.busy }

    RowLayout {
        visible: payment.loaded
        Layout.fillWidth: true
        spacing: Style.spaceM
        StatusLabel { status: drawer.details.status || "" }
        AmountText {
            amount: drawer.details.amount || ""
            asset: drawer.details.asset || ""
            font.pixelSize: Style.fontTitle
            font.weight: Font.DemiBold
        }
        Label { text: drawer.details.asset || ""; color: Style.textMuted; font.family: Style.monoFamily }
        Item { Layout.fillWidth: true }
    }
    GridLayout {
        visible: payment.loaded
        Layout.fillWidth: true
        columns: 2
        columnSpacing: Style.spaceM
        rowSpacing: Style.spaceXs
        Label { text: qsTr("Initial amount"); color: Style.textMuted }
        AmountText { amount: drawer.details.initialAmount || ""; asset: drawer.details.asset || ""; horizontalAlignment: Text.AlignLeft; Layout.fillWidth: true }
        Label { text: qsTr("Source account"); color: Style.textMuted }
        Label { text: drawer.details.sourceAccountId || "—"; font.family: Style.monoFamily; wrapMode: Text.WrapAnywhere; Layout.fillWidth: true }
        Label { text: qsTr("Destination account"); color: Style.textMuted }
        Label { text: drawer.details.destinationAccountId || "—"; font.family: Style.monoFamily; wrapMode: Text.WrapAnywhere; Layout.fillWidth: true }
        Label { text: qsTr("Connector"); color: Style.textMuted }
        Label { text: (drawer.details.provider || "") + " · " + (drawer.details.connectorId || ""); font.family: Style.monoFamily; wrapMode: Text.WrapAnywhere; Layout.fillWidth: true }
        Label { text: qsTr("Payment ID"); color: Style.textMuted }
        Label { text: payment.paymentId; font.family: Style.monoFamily; wrapMode: Text.WrapAnywhere; Layout.fillWidth: true }
    }

    Label { text: qsTr("Adjustments"); font.weight: Font.DemiBold; color: Style.text; Layout.topMargin: Style.spaceS; visible: payment.loaded }
    Label { visible: payment.loaded && payment.adjustments.length === 0; text: qsTr("No adjustment."); color: Style.textMuted }
    Repeater {
        model: payment.adjustments
        delegate: RowLayout {
            id: adjustment
            required property var modelData
            Layout.fillWidth: true
            spacing: Style.spaceS
            StatusLabel { status: adjustment.modelData.status }
            Label { text: adjustment.modelData.createdAt; color: Style.textMuted }
            Label { text: adjustment.modelData.reference; font.family: Style.monoFamily; elide: Text.ElideMiddle; Layout.fillWidth: true }
            AmountText { amount: adjustment.modelData.amount; asset: drawer.details.asset || "" }
        }
    }

    Label { text: qsTr("Ledger transactions referencing it"); font.weight: Font.DemiBold; color: Style.text; Layout.topMargin: Style.spaceS; visible: payment.loaded }
    Label {
        visible: payment.loaded && !payment.transactionsBusy && payment.transactions.length === 0
        text: drawer.ledger === "" ? qsTr("Choose a ledger to find its transactions.")
            : payment.transactionsError !== "" ? payment.transactionsError
            : qsTr("No transaction of ledger %1 has this reference or metadata paymentId.").arg(drawer.ledger)
        color: payment.transactionsError !== "" ? Style.danger : Style.textMuted
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Repeater {
        model: payment.transactions
        delegate: Button {
            required property var modelData
            flat: true
            text: qsTr("#%1 · %2 · %3").arg(modelData.id).arg(modelData.reference).arg(modelData.timestamp)
            icon.name: Style.icons.open
            Accessible.name: qsTr("Open transaction %1").arg(modelData.id)
            onClicked: drawer.transactionActivated(modelData.id)
        }
    }

    MetadataEditor { controller: payment; Layout.fillWidth: true; Layout.topMargin: Style.spaceS; visible: payment.loaded }

    Label { text: qsTr("Raw provider data"); font.weight: Font.DemiBold; color: Style.text; Layout.topMargin: Style.spaceS; visible: payment.loaded }
    Label { visible: payment.loaded && payment.rawText === ""; text: qsTr("The provider sent no raw data."); color: Style.textMuted }
    Rectangle {
        visible: payment.rawText !== ""
        Layout.fillWidth: true
        implicitHeight: rawLabel.implicitHeight + 2 * Style.spaceS
        color: Style.surfaceAlt
        radius: Style.radiusS
        Label {
            id: rawLabel
            anchors.fill: parent
            anchors.margins: Style.spaceS
            text: payment.rawText
            font.family: Style.monoFamily
            font.pixelSize: Style.fontLabel
            wrapMode: Text.WrapAnywhere
        }
    }
}
