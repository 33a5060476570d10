pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// The accounts the connectors report (internal ones hold money at the provider, external ones
// are counterparties); a row opens its balances over time, exact in the asset's units.
Pane {
    id: page
    readonly property int rowCount: accounts.count
    readonly property bool loading: accounts.loading
    function refresh() { accounts.reload() }
    function findRow(role, value) { return accounts.find(role, value) }
    function openRow(row) {
        list.positionAt(row)
        drawer.accountRow = row
        balances.accountId = accounts.idAt(row)
        balances.reload()
        drawer.open()
    }
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    PaymentAccountsModel {
        id: accounts
        session: Session
        filters: ({ type: typeBox.currentIndex > 0 ? typeBox.currentText : "" })
    }
    AccountBalancesModel { id: balances; session: Session }

    DetailDrawer {
        id: drawer
        property int accountRow: -1
        // A plain object (qmllint 6.4 sees no keys on a QVariantMap).
        readonly property var chart: balances.chart
        width: Math.min(page.width * 0.7, 680)
        title: accountRow >= 0 ? accounts.value(accountRow, "reference") : ""
        monoTitle: true
        copyValue: balances.accountId
        subtitle: accountRow >= 0 ? qsTr("%1 · %2 · %3").arg(accounts.value(accountRow, "type")).arg(accounts.value(accountRow, "provider")).arg(accounts.value(accountRow, "accountName")) : ""
        Label { text: qsTr("Balance history"); font.weight: Font.DemiBold; color: Style.text }
        // The chart's points are positions between the exact min and max (computed in C++ with
        // BigInt); the amounts themselves are only ever shown as text.
        RowLayout {
            visible: (drawer.chart.points || []).length > 1
            Layout.fillWidth: true
            spacing: Style.spaceS
            ColumnLayout {
                spacing: 0
                Layout.fillHeight: true
                AmountText { amount: drawer.chart.max || ""; asset: drawer.chart.asset || ""; font.pixelSize: Style.fontCaption }
                Item { Layout.fillHeight: true }
                AmountText { amount: drawer.chart.min || ""; asset: drawer.chart.asset || ""; font.pixelSize: Style.fontCaption }
            }
            Canvas {
                id: chart
                Layout.fillWidth: true
                Layout.preferredHeight: 140
                readonly property var points: drawer.chart.points || []
                onPointsChanged: requestPaint()
                onWidthChanged: requestPaint()
                Accessible.name: qsTr("Balance history chart")
                onPaint: {
                    const ctx = getContext("2d")
                    ctx.reset()
                    ctx.fillStyle = Style.surfaceAlt
                    ctx.fillRect(0, 0, width, height)
                    const n = points.length
                    if (n < 2)
                        return
                    ctx.strokeStyle = Style.accent
                    ctx.lineWidth = 2
                    ctx.beginPath()
                    for (let i = 0; i < n; ++i) {
                        const x = i * (width - 4) / (n - 1) + 2
                        const y = height - 4 - points[i] * (height - 8) / 1000
                        if (i === 0)
                            ctx.moveTo(x, y)
                        else
                            ctx.lineTo(x, y)
                    }
                    ctx.stroke()
                }
            }
        }
        Label {
            visible: (drawer.chart.points || []).length > 1
            text: qsTr("%1 · from %2 to %3").arg(drawer.chart.asset || "").arg(drawer.chart.from || "").arg(drawer.chart.to || "")
            color: Style.textMuted
            font.pixelSize: Style.fontCaption
        }
        ListPage {
            Layout.fillWidth: true
            Layout.preferredHeight: 360
            listKey: "paymentAccountBalances"
            model: balances
            emptyTitle: qsTr("The connector reported no balance for this account.")
            countText: Style.counted(balances.count, qsTr("1 balance reported"), qsTr("%1 balances reported"))
            columns: [
                { title: qsTr("Reported"), role: "createdAt", width: 160 },
                { title: qsTr("Asset"), role: "asset", width: 80, mono: true },
                { title: qsTr("Balance"), role: "amount", width: 130, amount: true },
                { title: qsTr("Last updated"), role: "lastUpdatedAt", fill: true, minWidth: 140, muted: true }
            ]
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceM
        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Connector accounts")
            subtitle: qsTr("Accounts at the providers, and their balances")
            ComboBox {
                id: typeBox
                Accessible.name: qsTr("Account type")
                model: [qsTr("Any type"), "INTERNAL", "EXTERNAL"]
            }
            Button { text: qsTr("Refresh"); icon.name: Style.icons.refresh; Accessible.name: text; onClicked: accounts.reload() }
        }
        ListPage {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            listKey: "paymentAccounts"
            model: accounts
            selectedRow: drawer.visible ? drawer.accountRow : -1
            emptyTitle: Session.connected ? qsTr("No connector account.") : qsTr("Not connected.")
            countText: Style.counted(accounts.count, qsTr("1 account"), qsTr("%1 accounts")) + (accounts.hasMore ? qsTr(" · more as you scroll") : "")
            columns: [
                { title: qsTr("Reference"), role: "reference", width: 200, mono: true, strong: true, elide: Text.ElideMiddle },
                { title: qsTr("Name"), role: "accountName", fill: true, minWidth: 140 },
                { title: qsTr("Type"), role: "type", width: 90 },
                { title: qsTr("Default asset"), role: "defaultAsset", width: 100, mono: true },
                { title: qsTr("Provider"), role: "provider", width: 100, muted: true },
                { title: qsTr("Created"), role: "createdAt", width: 150 }
            ]
            onActivated: row => page.openRow(row)
        }
    }
}
