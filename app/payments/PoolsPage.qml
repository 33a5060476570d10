pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// Pools: named groups of connector accounts whose balances add up. A row opens its accounts
// (add, remove) and its balances now or at a chosen date; "New pool…" creates one.
Pane {
    id: page
    readonly property int rowCount: pools.count
    readonly property bool loading: pools.loading
    function refresh() { pools.reload() }
    function findRow(role, value) { return pools.find(role, value) }
    function openRow(row) {
        list.positionAt(row)
        detail.show(pools.idAt(row))
    }
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    PoolsModel { id: pools; session: Session }
    PaymentAccountsModel { id: accountChoices; session: Session; filters: ({ type: "INTERNAL" }) }

    DetailDrawer {
        id: detail
        width: Math.min(page.width * 0.7, 680)
        title: pool.name !== "" ? pool.name : pool.poolId
        copyValue: pool.poolId
        subtitle: pool.loaded ? Style.counted(pool.accounts.length, qsTr("1 account"), qsTr("%1 accounts")) : ""
        function show(id) {
            pool.poolId = id
            dateField.text = ""
            pool.load()
            open()
        }
        PoolController {
            id: pool
            session: Session
            onChanged: pools.reload()
            onRemoved: {
                deleteDialog.done()
                pools.reload()
                detail.close()
                Notifications.post(qsTr("Pool deleted."))
            }
        }
        ErrorBanner { Layout.fillWidth: true; text: deleteDialog.visible ? "" : pool.error; onRetry: pool.load() }
        RowLayout {
            Layout.fillWidth: true
            spacing: Style.spaceS
            FormField {
                id: dateField
                Layout.fillWidth: true
                label: qsTr("Balances at")
                placeholderText: qsTr("Now — or a date such as 2026-11-30")
                mono: true
                input.Accessible.name: qsTr("Balances at date")
                error: pool.dateProblem(text)
                onAccepted: if (pool.dateProblem(text) === "") pool.loadBalances(text)
            }
            Button {
                text: qsTr("Show")
                Accessible.name: qsTr("Show balances at date")
                enabled: pool.loaded && pool.dateProblem(dateField.text) === ""
                onClicked: pool.loadBalances(dateField.text)
            }
        }
        Label {
            visible: pool.loaded
            text: pool.balancesAt === "" ? qsTr("Balances now") : qsTr("Balances at %1").arg(pool.balancesAt)
            font.weight: Font.DemiBold
            color: Style.text
        }
        Label { visible: pool.loaded && pool.balances.length === 0; text: qsTr("No balance."); color: Style.textMuted }
        Repeater {
            model: pool.balances
            delegate: RowLayout {
                id: balance
                required property var modelData
                Layout.fillWidth: true
                Label { text: balance.modelData.asset; font.family: Style.monoFamily; color: Style.textMuted; Layout.fillWidth: true }
                AmountText { amount: balance.modelData.amount; asset: balance.modelData.asset; font.weight: Font.DemiBold }
            }
        }
        Label { visible: pool.loaded; text: qsTr("Accounts"); font.weight: Font.DemiBold; color: Style.text; Layout.topMargin: Style.spaceS }
        Repeater {
            model: pool.accounts
            delegate: RowLayout {
                id: member
                required property string modelData
                Layout.fillWidth: true
                Label { text: member.modelData; font.family: Style.monoFamily; elide: Text.ElideMiddle; Layout.fillWidth: true }
                Button {
                    text: qsTr("Remove")
                    Accessible.name: qsTr("Remove account %1").arg(member.modelData)
                    enabled: !Session.readOnly && !pool.busy
                    onClicked: pool.removeAccount(member.modelData)
                }
            }
        }
        RowLayout {
            visible: pool.loaded
            Layout.fillWidth: true
            ComboBox { id: addBox; Layout.fillWidth: true; Accessible.name: qsTr("Account to add"); model: accountChoices; textRole: "reference"; valueRole: "accountId" }
            Button {
                text: qsTr("Add")
                Accessible.name: qsTr("Add account to pool")
                enabled: !Session.readOnly && !pool.busy && addBox.currentIndex >= 0
                onClicked: pool.addAccount(addBox.currentValue)
            }
        }
        Button {
            visible: pool.loaded
            text: qsTr("Delete pool…")
            icon.name: Style.icons.remove
            Accessible.name: text
            enabled: !Session.readOnly && !pool.busy
            onClicked: { pool.clearError(); deleteDialog.ask() }
        }
        ConfirmDialog {
            id: deleteDialog
            parent: Overlay.overlay
            title: qsTr("Delete pool %1?").arg(pool.name)
            message: qsTr("The accounts stay; only the pool goes.")
            confirmText: qsTr("Delete")
            requiredName: pool.name
            busy: pool.busy
            error: pool.error
            onConfirmed: pool.remove()
        }
    }

    Dialog {
        id: createDialog
        title: qsTr("New pool")
        parent: Overlay.overlay
        anchors.centerIn: Overlay.overlay
        width: Math.min(480, (parent ? parent.width : 480) - 2 * Style.spaceXl)
        modal: true
        padding: Style.spaceL
        PoolController {
            id: creator
            session: Session
            onCreated: id => {
                createDialog.close()
                pools.reload()
                Notifications.post(qsTr("Pool created."))
                detail.show(id)
            }
        }
        ColumnLayout {
            anchors.fill: parent
            spacing: Style.spaceS
            FormField { id: poolName; Layout.fillWidth: true; label: qsTr("Name"); input.Accessible.name: qsTr("Pool name") }
            Label { text: qsTr("First account"); font.pixelSize: Style.fontLabel; color: Style.textMuted }
            ComboBox { id: firstAccount; Layout.fillWidth: true; Accessible.name: qsTr("First account"); model: accountChoices; textRole: "reference"; valueRole: "accountId" }
            Label { visible: creator.error !== ""; text: creator.error; color: Style.danger; wrapMode: Text.Wrap; Layout.fillWidth: true }
            RowLayout {
                Layout.fillWidth: true
                Item { Layout.fillWidth: true }
                DialogButtonBox {
                    padding: 0
                    onAccepted: creator.create(poolName.text, firstAccount.currentIndex >= 0 ? [firstAccount.currentValue] : [])
                    onRejected: createDialog.close()
                    Button {
                        text: qsTr("Create")
                        Accessible.name: qsTr("Create pool")
                        enabled: !creator.busy && !Session.readOnly && poolName.text.trim() !== ""
                        // qmllint disable
                        DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
                    }
                    Button { text: qsTr("Cancel"); Accessible.name: text; DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
                    // qmllint enable
                }
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceM
        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Pools")
            subtitle: qsTr("Groups of connector accounts and their total balances")
            Button { text: qsTr("Refresh"); icon.name: Style.icons.refresh; Accessible.name: text; onClicked: pools.reload() }
            Button {
                text: qsTr("New pool…")
                icon.name: Style.icons.add
                Accessible.name: text
                enabled: Session.connected && !Session.readOnly
                onClicked: { creator.clearError(); poolName.text = ""; createDialog.open() }
            }
        }
        ListPage {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            listKey: "pools"
            model: pools
            selectedRow: detail.visible ? pools.find("poolId", pool.poolId) : -1
            emptyTitle: Session.connected ? qsTr("No pool.") : qsTr("Not connected.")
            countText: Style.counted(pools.count, qsTr("1 pool"), qsTr("%1 pools"))
            columns: [
                { title: qsTr("Name"), role: "name", width: 200, strong: true },
                { title: qsTr("Accounts"), role: "accountCount", width: 80, align: "right" },
                { title: qsTr("Account IDs"), role: "accountsText", fill: true, minWidth: 200, mono: true, muted: true, elide: Text.ElideMiddle },
                { title: qsTr("Pool ID"), role: "poolId", width: 200, mono: true, muted: true, elide: Text.ElideMiddle }
            ]
            onActivated: row => page.openRow(row)
        }
    }
}
