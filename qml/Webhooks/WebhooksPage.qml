import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk
import "../Ledger" // HeaderRow

// The stack's webhook configs (not tied to the chosen ledger); a row opens its detail, where it is
// activated, paused, tested, given a new secret or deleted; "New webhook…" creates one.
Pane {
    id: page

    WebhookConfigsModel {
        id: configs
        session: Session
        // --page webhook: a config's detail over the list, for screenshots: the demo's unreachable
        // endpoint (with a test sent, which fails) when there, else the first.
        onLoadingChanged: {
            if (loading || count === 0 || window.initialPage !== "webhook" || detail.visible)
                return
            let row = 0
            for (let i = 0; i < count; ++i)
                if (endpointAt(i) === "http://127.0.0.1:9/ledger-events")
                    row = i
            detail.testWhenLoaded = !Session.readOnly
            detail.open(idAt(row))
        }
    }
    WebhookDetailDrawer {
        id: detail
        width: Math.min(page.width * 0.75, 760)
        height: window.height
        onConfigChanged: configs.reload()
    }
    NewWebhookDialog {
        id: createDialog
        onDone: id => {
            configs.reload()
            if (id !== "")
                detail.open(id)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        RowLayout {
            Label { text: qsTr("Webhooks"); font.pixelSize: 20; Layout.fillWidth: true }
            TextField {
                Layout.preferredWidth: 320
                placeholderText: qsTr("Exact endpoint URL")
                onEditingFinished: configs.endpointFilter = text
            }
            Button { text: qsTr("Refresh"); onClicked: configs.reload() }
            Button {
                text: qsTr("New webhook…")
                enabled: Session.connected && !Session.readOnly
                onClicked: createDialog.ask()
            }
        }
        Label { visible: !Session.connected; text: qsTr("Connect to a stack first."); opacity: 0.7 }
        Label { visible: configs.error !== ""; text: configs.error; color: "#c0392b"; wrapMode: Text.Wrap; Layout.fillWidth: true }
        Label {
            visible: Session.connected && !configs.loading && configs.error === "" && configs.count === 0
            text: configs.endpointFilter !== "" ? qsTr("No webhook posts to \"%1\".").arg(configs.endpointFilter) : qsTr("No webhooks on this stack.")
            opacity: 0.7
        }
        HeaderRow {
            Layout.fillWidth: true
            columns: [qsTr("State"), qsTr("Endpoint"), qsTr("Event types"), qsTr("ID"), qsTr("Created"), qsTr("Updated")]
            widths: [0.08, 0.27, 0.25, 0.12, 0.14, 0.14]
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: configs
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: row
                required property string configId
                required property string endpoint
                required property string eventTypesText
                required property bool active
                required property string createdAt
                required property string updatedAt
                width: ListView.view.width
                highlighted: detail.visible && detail.configId === configId
                onClicked: detail.open(configId)
                contentItem: RowLayout {
                    spacing: 0 // the columns line up with the header's fractions
                    Label {
                        text: active ? qsTr("Active") : qsTr("Paused")
                        font.bold: true
                        color: row.highlighted ? palette.highlightedText : active ? "#43a047" : palette.windowText
                        opacity: active ? 1 : 0.6
                        Layout.preferredWidth: list.width * 0.08
                    }
                    Label { text: endpoint; font.family: "monospace"; Layout.preferredWidth: list.width * 0.27; elide: Text.ElideMiddle }
                    Label { text: eventTypesText; Layout.preferredWidth: list.width * 0.25; elide: Text.ElideRight }
                    Label { text: configId; font.family: "monospace"; opacity: 0.8; Layout.preferredWidth: list.width * 0.12; elide: Text.ElideMiddle }
                    Label { text: createdAt; Layout.preferredWidth: list.width * 0.14 }
                    Label { text: updatedAt; Layout.fillWidth: true }
                }
            }
            footer: BusyIndicator { running: configs.loading; visible: running; anchors.horizontalCenter: parent ? parent.horizontalCenter : undefined }
        }
    }
}
