pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// What needs an operator across the stack, one row each; Return (or a click) opens the screen
// that resolves it. The window's inbox model refreshes in the background while it is shown.
Pane {
    id: page
    property InboxModel inbox // the window's one inbox (set through its PageSlot)
    // An item's screen: its page key and the id of the thing there.
    signal itemOpened(string key, string id)
    readonly property int rowCount: page.inbox.count
    readonly property bool loading: page.inbox.loading
    function refresh() { page.inbox.reprobe(); page.inbox.refresh() }
    function openRow(row) {
        const item = Object.assign({}, page.inbox.get(row)) // a plain object (qmllint 6.4 sees no keys on a QVariantMap)
        if (item.page !== undefined)
            page.itemOpened(item.page, item.targetId)
    }
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceM
        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Inbox")
            subtitle: !Session.connected ? qsTr("Connect to a stack first.")
                    : page.inbox.refreshedAt !== "" ? qsTr("What needs an operator · checked at %1, again every %2 s while the window shows").arg(page.inbox.refreshedAt).arg(Math.round(page.inbox.interval / 1000))
                    : qsTr("What needs an operator")
            Button { text: qsTr("Refresh"); icon.name: Style.icons.refresh; enabled: Session.connected && !page.inbox.loading; onClicked: page.refresh() }
        }
        Label {
            visible: Session.readOnly && Session.hasService("webhooks")
            text: qsTr("Read-only profile: webhooks are not tested (a test sends an event), so failing ones are not listed.")
            color: Style.textMuted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        ListPage {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            listKey: "inbox"
            model: page.inbox
            emptyTitle: !Session.connected ? qsTr("Not connected.") : qsTr("Nothing needs you.")
            emptyHint: Session.connected ? qsTr("Failing webhooks, transfers to approve, failed tasks and workflows, and reconciliation drifts show here.") : ""
            countText: Style.counted(page.inbox.count, qsTr("1 item"), qsTr("%1 items"))
            columns: [
                { title: qsTr("Kind"), role: "kindTitle", width: 130, strong: true },
                { title: qsTr("What"), role: "title", width: 260, mono: true, elide: Text.ElideMiddle },
                { title: qsTr("Why"), role: "detail", fill: true, minWidth: 200, colorFor: () => Style.danger },
                { title: qsTr("When"), role: "time", width: 150, muted: true }
            ]
            onActivated: row => page.openRow(row)
        }
    }
}
