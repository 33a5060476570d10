pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// The ledger's log: every change, newest first, with its hash.
Pane {
    id: page
    required property string ledger
    readonly property int rowCount: logs.count
    readonly property bool loading: logs.loading
    function refresh() { logs.reload() }
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    LogsModel { id: logs; session: Session; ledger: page.ledger }
    Connections {
        target: Notifications
        function onPosted() { logs.reload() }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceM
        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Logs")
            subtitle: qsTr("Ledger %1").arg(page.ledger)
            Button { text: qsTr("Refresh"); icon.name: Style.icons.refresh; onClicked: logs.reload() }
        }
        ListPage {
            Layout.fillWidth: true
            Layout.fillHeight: true
            listKey: "logs"
            model: logs
            emptyTitle: qsTr("The log is empty.")
            countText: Style.counted(logs.count, qsTr("1 entry"), qsTr("%1 entries")) + (logs.hasMore ? qsTr(", scroll for more") : "")
            columns: [
                { title: qsTr("ID"), role: "logId", width: 60, mono: true },
                { title: qsTr("Date"), role: "date", width: 150 },
                { title: qsTr("Type"), role: "type", width: 150 },
                { title: qsTr("Hash"), role: "hash", width: 130, mono: true, elide: Text.ElideMiddle },
                { title: qsTr("Data"), role: "payload", fill: true, minWidth: 140, mono: true, muted: true }
            ]
        }
    }
}
