pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// One account: balances per asset with volumes, balance over time, metadata, its transactions.
DetailDrawer {
    id: drawer
    required property string ledger
    signal transactionActivated(string id)
    signal metadataSaved()
    title: account.address
    monoTitle: true
    copyValue: account.address
    subtitle: qsTr("Account of ledger %1").arg(ledger)

    function show(address) {
        account.address = address
        account.load()
        transactions.account = address
        open()
    }

    AccountDetailController {
        id: account
        session: Session
        ledger: drawer.ledger
        onMetadataSaved: {
            drawer.metadataSaved()
            Notifications.post(qsTr("Metadata of %1 saved.").arg(account.address))
        }
    }
    TransactionsModel { id: transactions; session: Session; ledger: drawer.ledger; pageSize: 50 }

    ErrorBanner { Layout.fillWidth: true; text: account.error; onRetry: account.load() }
    BusyIndicatorRow { running: account.busy }
    Label { text: qsTr("Balances"); font.weight: Font.DemiBold; color: Style.text }
    EmptyState { visible: account.loaded && account.volumes.length === 0; title: qsTr("No movements yet."); Layout.fillWidth: true }
    Repeater {
        model: account.volumes
        delegate: ColumnLayout {
            id: volume
            required property var modelData
            Layout.fillWidth: true
            spacing: 0
            RowLayout {
                Layout.fillWidth: true
                Label { text: volume.modelData.asset; font.weight: Font.DemiBold; font.family: Style.monoFamily }
                AmountText { Layout.fillWidth: true; amount: volume.modelData.balance; negative: volume.modelData.negative }
            }
            AmountText {
                Layout.fillWidth: true
                text: qsTr("in %1 · out %2").arg(Style.localAmount(volume.modelData.input)).arg(Style.localAmount(volume.modelData.output))
                color: Style.textMuted
                font.pixelSize: Style.fontLabel
            }
        }
    }
    BalanceChart {
        Layout.fillWidth: true
        Layout.preferredHeight: 200
        visible: account.history.length > 1
        points: account.history
        asset: account.chartAsset
        minText: account.chartMin
        maxText: account.chartMax
        steps: account.chartSteps
    }
    MetadataEditor { controller: account; Layout.fillWidth: true }
    Label { text: qsTr("Transactions"); font.weight: Font.DemiBold; color: Style.text; Layout.topMargin: Style.spaceS }
    ListPage {
        Layout.fillWidth: true
        Layout.preferredHeight: 260
        model: transactions
        emptyTitle: qsTr("No transactions.")
        columns: [
            { title: qsTr("ID"), role: "transactionId", width: 60, mono: true },
            { title: qsTr("Time"), role: "timeText", width: 168 },
            { title: qsTr("Postings"), role: "postingsText", fill: true, minWidth: 120, mono: true },
            { title: qsTr("Amount"), role: "amountText", width: 120, amount: true }
        ]
        onActivated: row => drawer.transactionActivated(transactions.value(row, "transactionId"))
    }
}
