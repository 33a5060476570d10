pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// The payments connectors: the installed ones with their state (a row opens its config, tasks,
// reset and uninstall) and the catalogue of those the stack offers, each installable from the
// form its config schema gives.
Pane {
    id: page
    readonly property int rowCount: installed.count
    readonly property bool loading: installed.loading || catalogue.loading
    function refresh() {
        installed.reload()
        catalogue.reload()
    }
    function findRow(role, value) { return installed.find(role, value) }
    function openRow(row) {
        installedList.positionAt(row)
        detail.show(installed.value(row, "provider"), installed.idAt(row), catalogue.fieldsOf(installed.value(row, "provider")))
    }
    // Opens the install form of `provider` (once the catalogue has it).
    function openInstall(provider) {
        const fields = catalogue.fieldsOf(provider)
        if (fields.length > 0)
            installDialog.ask(provider, fields)
        else
            pendingInstall = provider
    }
    property string pendingInstall: ""
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    ConnectorsModel { id: installed; session: Session }
    ConnectorCatalogueModel {
        id: catalogue
        session: Session
        onCountChanged: if (page.pendingInstall !== "" && fieldsOf(page.pendingInstall).length > 0) {
            const p = page.pendingInstall
            page.pendingInstall = ""
            page.openInstall(p)
        }
    }
    ConnectorDetailDrawer {
        id: detail
        width: Math.min(page.width * 0.85, 820)
        onChanged: installed.reload()
    }
    ConnectorInstallDialog {
        id: installDialog
        parent: Overlay.overlay
        onInstalled: id => {
            installed.reload()
            detail.show(installDialog.provider, id, installDialog.fields)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceM
        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Connectors")
            subtitle: qsTr("The payment providers this stack reads from and pays through")
            Button { text: qsTr("Refresh"); icon.name: Style.icons.refresh; Accessible.name: text; onClicked: page.refresh() }
        }
        Label { text: qsTr("Installed"); font.weight: Font.DemiBold; color: Style.text }
        ListPage {
            id: installedList
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: 3
            listKey: "connectors"
            model: installed
            selectedRow: detail.visible ? installed.find("connectorId", detail.connectorId) : -1
            emptyTitle: Session.connected ? qsTr("No connector installed.") : qsTr("Not connected.")
            emptyHint: Session.connected ? qsTr("Install one from the catalogue below.") : ""
            countText: Style.counted(installed.count, qsTr("1 connector installed"), qsTr("%1 connectors installed"))
            columns: [
                { title: qsTr("Name"), role: "name", width: 200, strong: true },
                { title: qsTr("Provider"), role: "provider", width: 150 },
                { title: qsTr("State"), role: "stateText", width: 100,
                  colorFor: row => row.enabled ? Style.success : Style.textMuted },
                { title: qsTr("Connector ID"), role: "connectorId", fill: true, minWidth: 160, mono: true, muted: true, elide: Text.ElideMiddle }
            ]
            onActivated: row => page.openRow(row)
        }
        RowLayout {
            Layout.fillWidth: true
            Label { text: qsTr("Catalogue"); font.weight: Font.DemiBold; color: Style.text; Layout.fillWidth: true }
            Button {
                text: qsTr("Install %1…").arg(catalogueList.currentIndex >= 0 ? catalogue.idAt(catalogueList.currentIndex) : qsTr("a connector"))
                icon.name: Style.icons.add
                Accessible.name: text
                enabled: Session.connected && !Session.readOnly && catalogueList.currentIndex >= 0
                onClicked: page.openInstall(catalogue.idAt(catalogueList.currentIndex))
            }
        }
        ListPage {
            id: catalogueList
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: 4
            listKey: "connectorCatalogue"
            model: catalogue
            emptyTitle: qsTr("The stack offers no connector.")
            countText: Style.counted(catalogue.count, qsTr("1 connector offered · * required"), qsTr("%1 connectors offered · * required"))
            columns: [
                { title: qsTr("Provider"), role: "provider", width: 170, strong: true },
                { title: qsTr("Required"), role: "requiredCount", width: 80, align: "right" },
                { title: qsTr("Config fields"), role: "fieldsText", fill: true, minWidth: 200, mono: true, muted: true }
            ]
            onActivated: row => page.openInstall(catalogue.idAt(row))
        }
    }
}
