pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// The stack's users (auth): a row opens its detail.
Pane {
    id: page
    readonly property int rowCount: users.count
    readonly property bool loading: users.loading
    function refresh() { users.reload() }
    function findRow(role, value) { return users.find(role, value) }
    function openRow(row) {
        list.positionAt(row)
        user.userId = users.idAt(row)
        user.load()
        detail.open()
    }
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    UsersModel { id: users; session: Session }
    UserController { id: user; session: Session }
    DetailDrawer {
        id: detail
        width: Math.min(page.width * 0.6, 520)
        title: user.email !== "" ? user.email : user.userId
        copyValue: user.userId
        subtitle: user.userId
        ErrorBanner { Layout.fillWidth: true; text: user.error; onRetry: user.load() }
        BusyIndicatorRow { running: user.busy }
        GridLayout {
            columns: 2
            columnSpacing: Style.spaceL
            Layout.fillWidth: true
            Label { text: qsTr("ID"); color: Style.textMuted }
            Label { text: user.userId; font.family: Style.monoFamily; elide: Text.ElideMiddle; Layout.fillWidth: true }
            Label { text: qsTr("Subject"); color: Style.textMuted }
            Label { text: user.subject; font.family: Style.monoFamily; elide: Text.ElideMiddle; Layout.fillWidth: true }
            Label { text: qsTr("Email"); color: Style.textMuted }
            Label { text: user.email; elide: Text.ElideRight; Layout.fillWidth: true }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceM
        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Users")
            subtitle: qsTr("Who signed in to the stack")
            Button { text: qsTr("Refresh"); icon.name: Style.icons.refresh; onClicked: users.reload() }
        }
        ListPage {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            listKey: "users"
            model: users
            selectedRow: detail.visible ? users.find("userId", user.userId) : -1
            emptyTitle: !Session.connected ? qsTr("Not connected.") : qsTr("No user on this stack.")
            countText: Style.counted(users.count, qsTr("1 user"), qsTr("%1 users"))
            columns: [
                { title: qsTr("Email"), role: "email", width: 260, strong: true },
                { title: qsTr("Subject"), role: "subject", width: 240, mono: true, elide: Text.ElideMiddle },
                { title: qsTr("ID"), role: "userId", fill: true, minWidth: 160, mono: true, muted: true }
            ]
            onActivated: row => page.openRow(row)
        }
    }
}
