pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// Volumes with balances: what went in and out of each account (or each group of accounts
// sharing their first segments) over a window, by effective date or by insertion date.
Pane {
    id: page
    property string ledger // the window's current ledger (PageSlot.ledger)
    readonly property int rowCount: volumes.count
    readonly property bool loading: volumes.loading
    function refresh() { volumes.reload() }
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    VolumesModel {
        id: volumes
        objectName: "volumesModel"
        session: Session
        ledger: page.ledger
    }
    Connections {
        target: Notifications
        function onPosted() { volumes.reload() }
    }

    component WindowField: TextField {
        id: field
        property string applied
        signal apply(string text)
        Layout.fillWidth: true
        Layout.minimumWidth: 110
        text: applied
        onTextEdited: debounce.restart()
        onAccepted: { debounce.stop(); apply(text) }
        Timer { id: debounce; interval: 450; onTriggered: field.apply(field.text) }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceM
        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Volumes")
            subtitle: qsTr("Ledger %1 · inputs, outputs and balances over a window").arg(page.ledger)
            Button { text: qsTr("Refresh"); icon.name: Style.icons.refresh; onClicked: volumes.reload() }
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 4
            columnSpacing: Style.spaceS
            rowSpacing: Style.spaceS
            WindowField {
                objectName: "volumesFrom"
                placeholderText: qsTr("From: origin of time")
                Accessible.name: qsTr("Window start")
                applied: volumes.startTime
                onApply: text => volumes.startTime = text
            }
            WindowField {
                objectName: "volumesTo"
                placeholderText: qsTr("To: now")
                Accessible.name: qsTr("Window end (point in time)")
                applied: volumes.endTime
                onApply: text => volumes.endTime = text
            }
            WindowField {
                placeholderText: qsTr("Address or pattern (users:)")
                font.family: Style.monoFamily
                Accessible.name: qsTr("Address filter")
                applied: volumes.addressFilter
                onApply: text => volumes.addressFilter = text
            }
            ComboBox {
                objectName: "volumesDate"
                Layout.preferredWidth: 200
                model: [qsTr("By effective date"), qsTr("By insertion date")]
                currentIndex: volumes.insertionDate ? 1 : 0
                onActivated: index => volumes.insertionDate = index === 1
                Accessible.name: qsTr("Date the window applies to")
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Style.spaceS
            Label { text: qsTr("Group by"); color: Style.textMuted }
            ComboBox {
                objectName: "volumesGroupBy"
                Layout.preferredWidth: 220
                model: [qsTr("Every account"), qsTr("First segment (users)"), qsTr("First 2 segments"), qsTr("First 3 segments")]
                currentIndex: Math.min(volumes.groupBy, 3)
                onActivated: index => volumes.groupBy = index
                Accessible.name: qsTr("Group by address segments")
            }
            Label {
                Layout.fillWidth: true
                text: volumes.windowError !== "" ? volumes.windowError
                    : qsTr("Window: %1 → %2, %3").arg(volumes.startTime !== "" ? volumes.startTime : qsTr("origin of time"))
                                                 .arg(volumes.endTime !== "" ? volumes.endTime : qsTr("now"))
                                                 .arg(volumes.insertionDate ? qsTr("by insertion date") : qsTr("by effective date"))
                color: volumes.windowError !== "" ? Style.danger : Style.textMuted
                font.pixelSize: Style.fontLabel
                elide: Text.ElideRight
            }
        }
        ListPage {
            id: list
            objectName: "volumesList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            listKey: "volumes"
            model: volumes
            emptyTitle: volumes.windowError !== "" ? volumes.windowError : qsTr("No volumes in this window.")
            countText: Style.counted(volumes.count, qsTr("1 row"), qsTr("%1 rows")) + (volumes.hasMore ? qsTr(", scroll for more") : "")
            columns: [
                { title: volumes.groupBy > 0 ? qsTr("Group") : qsTr("Account"), role: "account", fill: true, minWidth: 180, mono: true },
                { title: qsTr("Asset"), role: "asset", width: 80, mono: true },
                { title: qsTr("Input"), role: "input", width: 140, amount: true },
                { title: qsTr("Output"), role: "output", width: 140, amount: true },
                { title: qsTr("Balance"), role: "balance", width: 140, amount: true }
            ]
        }
    }
}
