import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

Pane {
    id: page
    property alias ledger: logs.ledger

    LogsModel { id: logs; session: Session }

    ColumnLayout {
        anchors.fill: parent
        RowLayout {
            Label { text: qsTr("Logs · %1").arg(page.ledger); font.pixelSize: 20; Layout.fillWidth: true }
            Button { text: qsTr("Refresh"); onClicked: logs.reload() }
        }
        Label { visible: logs.error !== ""; text: logs.error; color: "#c0392b"; wrapMode: Text.Wrap; Layout.fillWidth: true }
        HeaderRow {
            Layout.fillWidth: true
            columns: [qsTr("ID"), qsTr("Date"), qsTr("Type"), qsTr("Hash"), qsTr("Data")]
            widths: [0.07, 0.15, 0.16, 0.16, 0.46]
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: logs
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                required property string logId
                required property string date
                required property string type
                required property string hash
                required property string payload
                width: ListView.view.width
                contentItem: RowLayout {
                    Label { text: logId; Layout.preferredWidth: list.width * 0.07; font.family: "monospace" }
                    Label { text: date; Layout.preferredWidth: list.width * 0.15 }
                    Label { text: type; Layout.preferredWidth: list.width * 0.16 }
                    Label { text: hash; Layout.preferredWidth: list.width * 0.16; elide: Text.ElideMiddle; font.family: "monospace" }
                    Label { text: payload; Layout.fillWidth: true; elide: Text.ElideRight; font.family: "monospace"; opacity: 0.8 }
                }
            }
            footer: Label {
                width: list.width
                horizontalAlignment: Text.AlignHCenter
                padding: 8
                opacity: 0.7
                text: logs.loading ? qsTr("Loading…") : qsTr("%1 entries%2").arg(logs.count).arg(logs.hasMore ? qsTr(", scroll for more") : "")
            }
        }
    }
}
