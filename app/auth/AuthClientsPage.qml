pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// The stack's OAuth clients; a row opens its scopes and secrets; "New client…" creates one.
Pane {
    id: page
    readonly property int rowCount: clients.count
    readonly property bool loading: clients.loading
    function refresh() { clients.reload() }
    function findRow(role, value) { return clients.find(role, value) }
    function openRow(row) {
        list.positionAt(row)
        drawer.show(clients.idAt(row))
    }
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    AuthClientsModel { id: clients; session: Session }
    AuthClientDrawer {
        id: drawer
        width: Math.min(page.width * 0.8, 640)
        onChanged: clients.reload()
    }
    AuthClientDrawer {
        id: creator
        creating: true
        width: Math.min(page.width * 0.8, 640)
        onCreatedClient: id => {
            clients.reload()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceM
        PageHeader {
            Layout.fillWidth: true
            title: qsTr("OAuth clients")
            subtitle: qsTr("Who may call the stack, with which scopes")
            Button { text: qsTr("New client…"); icon.name: Style.icons.add; enabled: Session.connected && !Session.readOnly; onClicked: creator.showNew() }
            Button { text: qsTr("Refresh"); icon.name: Style.icons.refresh; onClicked: clients.reload() }
        }
        ListPage {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            listKey: "auth-clients"
            model: clients
            selectedRow: drawer.visible ? clients.find("clientId", drawer.clientId) : -1
            emptyTitle: !Session.connected ? qsTr("Not connected.") : qsTr("No OAuth client on this stack.")
            countText: Style.counted(clients.count, qsTr("1 client"), qsTr("%1 clients"))
            columns: [
                { title: qsTr("Name"), role: "name", width: 180, strong: true },
                { title: qsTr("ID"), role: "clientId", width: 220, mono: true, elide: Text.ElideMiddle },
                { title: qsTr("Kind"), role: "kindText", width: 110, muted: true },
                { title: qsTr("Secrets"), role: "secrets", width: 80, align: "right" },
                { title: qsTr("Scopes"), role: "scopes", fill: true, minWidth: 160, mono: true, muted: true }
            ]
            onActivated: row => page.openRow(row)
        }
    }
}
