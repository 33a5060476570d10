pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// Balances for an address pattern, now or at a point in time: the totals per asset over every
// matching account, and each account's balances at that date.
Pane {
    id: page
    property string ledger // the window's current ledger (PageSlot.ledger)
    readonly property int rowCount: accounts.count
    readonly property bool loading: balances.busy || accounts.loading
    function refresh() { show() }
    function show() {
        if (!Session.connected || ledger === "")
            return
        balances.load(pattern.text, pit.text)
        accounts.addressFilter = pattern.text
        accounts.pointInTime = pit.text
    }
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }
    // After the bindings settled (the controller's ledger follows the page's): a zero timer.
    onLedgerChanged: showSoon.restart()
    Component.onCompleted: showSoon.restart()
    Connections {
        target: Session
        function onClientChanged() { showSoon.restart() }
    }
    Timer { id: showSoon; interval: 0; onTriggered: page.show() }

    BalancesController { id: balances; session: Session; ledger: page.ledger }
    AccountsModel { id: accounts; session: Session; ledger: page.ledger }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceM
        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Balances")
            subtitle: qsTr("Ledger %1").arg(page.ledger)
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Style.spaceS
            TextField { id: pattern; Layout.preferredWidth: 280; placeholderText: qsTr("Address or pattern (users:, merchants:)"); onAccepted: page.show() }
            TextField { id: pit; Layout.preferredWidth: 220; placeholderText: qsTr("As of (empty: now)"); onAccepted: page.show() }
            Button { text: qsTr("Show"); highlighted: true; onClicked: page.show() }
            BusyIndicatorRow { running: balances.busy }
            Item { Layout.fillWidth: true }
        }
        ErrorBanner { Layout.fillWidth: true; text: balances.error; onRetry: page.show() }

        Label {
            text: qsTr("Totals per asset over every account matching %1%2")
                  .arg(pattern.text !== "" ? "“" + pattern.text + "”" : qsTr("any address"))
                  .arg(pit.text !== "" ? qsTr(", as of %1").arg(pit.text) : qsTr(", now"))
            font.weight: Font.DemiBold
            color: Style.text
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: totals.implicitHeight + 2 * Style.spaceM
            color: Style.surface
            border.color: Style.border
            radius: Style.radiusM
            GridLayout {
                id: totals
                anchors.fill: parent
                anchors.margins: Style.spaceM
                columns: 2
                columnSpacing: Style.spaceXl
                rowSpacing: Style.spaceXs
                Label {
                    visible: balances.loaded && balances.balances.length === 0
                    Layout.columnSpan: 2
                    text: qsTr("No balances at this date: nothing had moved on these accounts yet.")
                    color: Style.textMuted
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Repeater {
                    model: balances.balances
                    delegate: Label {
                        required property var modelData
                        required property int index
                        Layout.row: index + 1
                        Layout.column: 0
                        text: modelData.asset
                        font.family: Style.monoFamily
                        font.weight: Font.DemiBold
                    }
                }
                Repeater {
                    model: balances.balances
                    delegate: AmountText {
                        required property var modelData
                        required property int index
                        Layout.row: index + 1
                        Layout.column: 1
                        Layout.fillWidth: true
                        amount: modelData.balance
                        negative: modelData.negative
                    }
                }
            }
        }
        Label {
            text: qsTr("Per account")
            font.weight: Font.DemiBold
            color: Style.text
        }
        ListPage {
            Layout.fillWidth: true
            Layout.fillHeight: true
            listKey: "balances"
            model: accounts
            emptyTitle: accounts.pointInTimeError !== "" ? accounts.pointInTimeError : qsTr("No account matches.")
            countText: Style.counted(accounts.count, qsTr("1 account"), qsTr("%1 accounts")) + (accounts.hasMore ? qsTr(", scroll for more") : "")
            columns: [
                { title: qsTr("Address"), role: "address", fill: true, minWidth: 200, mono: true },
                { title: qsTr("Balances at that date"), role: "balancesText", width: 240, amount: true }
            ]
        }
    }
}
