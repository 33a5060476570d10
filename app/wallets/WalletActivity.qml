pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// The wallet writes and what they change, in the wallet's drawer: the summary (available, on
// hold, expired, expirable per asset), credit or debit, a new named balance, the metadata, and
// the wallet's transactions.
ColumnLayout {
    id: activity
    required property string walletId
    // A write went through: the drawer reloads its balances and holds.
    signal changed()
    readonly property alias form: writer
    function askCredit(direction) { creditDialog.askFor(direction) }
    function reload() { writer.load(); transactions.reload() }
    spacing: Style.spaceS
    onWalletIdChanged: if (walletId !== "") { writer.walletId = walletId; writer.load(); transactions.walletId = walletId }

    WalletWriteController {
        id: writer
        session: Session
        onMoved: holdId => {
            creditDialog.done()
            transactions.reload()
            activity.changed()
            Notifications.post(holdId !== "" ? qsTr("Hold %1 created.").arg(holdId) : qsTr("Wallet %1 updated.").arg(writer.walletName))
        }
        onBalanceCreated: name => {
            balanceDialog.done()
            activity.changed()
            Notifications.post(qsTr("Balance %1 created.").arg(name))
        }
        onMetadataSaved: Notifications.post(qsTr("Metadata of %1 saved.").arg(writer.walletName))
    }
    WalletTransactionsModel { id: transactions; session: Session }

    Label { text: qsTr("Summary"); font.weight: Font.DemiBold; color: Style.text; Layout.topMargin: Style.spaceS }
    Label { visible: writer.loaded && writer.summary.length === 0; text: qsTr("No funds."); color: Style.textMuted }
    GridLayout {
        visible: writer.summary.length > 0
        columns: 5
        columnSpacing: Style.spaceL
        rowSpacing: 2
        Layout.fillWidth: true
        Label { text: qsTr("Asset"); color: Style.textMuted; font.pixelSize: Style.fontLabel }
        Label { text: qsTr("Available"); color: Style.textMuted; font.pixelSize: Style.fontLabel; Layout.alignment: Qt.AlignRight }
        Label { text: qsTr("On hold"); color: Style.textMuted; font.pixelSize: Style.fontLabel; Layout.alignment: Qt.AlignRight }
        Label { text: qsTr("Expired"); color: Style.textMuted; font.pixelSize: Style.fontLabel; Layout.alignment: Qt.AlignRight }
        Label { text: qsTr("Expirable"); color: Style.textMuted; font.pixelSize: Style.fontLabel; Layout.alignment: Qt.AlignRight }
        Repeater {
            model: writer.summary
            delegate: Label { required property var modelData; required property int index; Layout.row: index + 1; Layout.column: 0; text: modelData.asset; font.family: Style.monoFamily; font.weight: Font.DemiBold }
        }
        Repeater {
            model: writer.summary
            delegate: AmountText { required property var modelData; required property int index; Layout.row: index + 1; Layout.column: 1; Layout.fillWidth: true; amount: modelData.available }
        }
        Repeater {
            model: writer.summary
            delegate: AmountText { required property var modelData; required property int index; Layout.row: index + 1; Layout.column: 2; Layout.fillWidth: true; amount: modelData.hold; color: Style.warning }
        }
        Repeater {
            model: writer.summary
            delegate: AmountText { required property var modelData; required property int index; Layout.row: index + 1; Layout.column: 3; Layout.fillWidth: true; amount: modelData.expired; color: Style.textMuted }
        }
        Repeater {
            model: writer.summary
            delegate: AmountText { required property var modelData; required property int index; Layout.row: index + 1; Layout.column: 4; Layout.fillWidth: true; amount: modelData.expirable }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Style.spaceS
        Button { text: qsTr("Credit…"); icon.name: Style.icons.add; enabled: !Session.readOnly && !writer.busy; onClicked: creditDialog.askFor("credit") }
        Button { text: qsTr("Debit or hold…"); icon.name: Style.icons.send; enabled: !Session.readOnly && !writer.busy; onClicked: creditDialog.askFor("debit") }
        Button { text: qsTr("New balance…"); icon.name: Style.icons.add; enabled: !Session.readOnly && !writer.busy; onClicked: balanceDialog.askNew() }
    }
    Label { visible: Session.readOnly; text: qsTr("This profile is read-only: the wallet cannot be credited, debited or changed."); color: Style.textMuted; wrapMode: Text.Wrap; Layout.fillWidth: true }
    Label { visible: writer.error !== "" && !creditDialog.visible && !balanceDialog.visible; text: writer.error; color: Style.danger; wrapMode: Text.Wrap; Layout.fillWidth: true }

    MetadataEditor { controller: writer; Layout.fillWidth: true; Layout.topMargin: Style.spaceS }

    Label { text: qsTr("Transactions"); font.weight: Font.DemiBold; color: Style.text; Layout.topMargin: Style.spaceS }
    ListPage {
        Layout.fillWidth: true
        Layout.preferredHeight: 240
        listKey: "wallet-transactions"
        model: transactions
        emptyTitle: qsTr("No transaction yet.")
        countText: Style.counted(transactions.count, qsTr("1 transaction"), qsTr("%1 transactions")) + (transactions.hasMore ? qsTr(" (scroll for more)") : "")
        columns: [
            { title: qsTr("ID"), role: "transactionId", width: 56, mono: true },
            { title: qsTr("Time"), role: "time", width: 140 },
            { title: qsTr("Postings"), role: "postings", fill: true, minWidth: 200, mono: true },
            { title: qsTr("Reference"), role: "reference", width: 110, muted: true }
        ]
    }

    WalletCreditDialog { id: creditDialog; form: writer }
    NewBalanceDialog { id: balanceDialog; form: writer }
}
