pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// The stack's webhook configs (not tied to the chosen ledger); a row opens its detail, where it is
// activated, paused, tested, given a new secret or deleted; "New webhook…" creates one.
Pane {
    id: page
    readonly property int rowCount: configs.count
    readonly property bool loading: configs.loading
    function refresh() { configs.reload() }
    function findRow(role, value) { return configs.find(role, value) }
    function openRow(row) {
        list.positionAt(row)
        detail.show(configs.idAt(row))
    }
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    WebhookConfigsModel { id: configs; session: Session }
    WebhookDetailDrawer {
        id: detail
        width: Math.min(page.width * 0.8, 760)
        onConfigChanged: configs.reload()
    }
    NewWebhookDialog {
        id: createDialog
        onDone: id => {
            configs.reload()
            if (id !== "")
                detail.show(id)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceM
        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Webhooks")
            subtitle: qsTr("Where the stack posts its events")
            TextField {
                id: endpointField
                Layout.preferredWidth: 240
                placeholderText: qsTr("Exact endpoint URL")
                onAccepted: configs.endpointFilter = text
                onTextEdited: endpointDelay.restart()
                Timer { id: endpointDelay; interval: 450; onTriggered: configs.endpointFilter = endpointField.text }
            }
            Button { text: qsTr("Refresh"); icon.name: Style.icons.refresh; onClicked: configs.reload() }
            Button {
                text: qsTr("New webhook…")
                icon.name: Style.icons.add
                enabled: Session.connected && !Session.readOnly
                onClicked: createDialog.ask()
            }
        }
        ListPage {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            listKey: "webhooks"
            model: configs
            selectedRow: detail.visible ? configs.find("configId", detail.configId) : -1
            emptyTitle: !Session.connected ? qsTr("Not connected.")
                      : configs.endpointFilter !== "" ? qsTr("No webhook posts to “%1”.").arg(configs.endpointFilter) : qsTr("No webhooks on this stack.")
            emptyHint: Session.connected ? qsTr("Create one with “New webhook…”.") : ""
            countText: Style.counted(configs.count, qsTr("1 webhook"), qsTr("%1 webhooks"))
            columns: [
                { title: qsTr("State"), role: "active", width: 76, strong: true,
                  format: row => row.active ? qsTr("Active") : qsTr("Paused"),
                  colorFor: row => row.active ? Style.success : Style.textMuted },
                { title: qsTr("Endpoint"), role: "endpoint", fill: true, minWidth: 160, mono: true, elide: Text.ElideMiddle },
                { title: qsTr("Event types"), role: "eventTypesText", width: 200 },
                { title: qsTr("ID"), role: "configId", width: 110, mono: true, muted: true, elide: Text.ElideMiddle },
                { title: qsTr("Updated"), role: "updatedAt", width: 150 }
            ]
            onActivated: row => detail.show(configs.idAt(row))
        }
    }
}
