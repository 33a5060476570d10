import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// key=value lines, the diff against what is saved, and Save. `controller` offers metadata,
// metadataDiff(map) and saveMetadata(map).
ColumnLayout {
    id: editor
    property var controller
    readonly property bool ready: controller !== undefined && controller !== null
    // Reset the text only when what is saved really changes (not on every busy flip), so a
    // failed save keeps the operator's edits.
    readonly property var saved: ready ? controller.metadata : ({})
    property string lastSaved: ""
    onSavedChanged: {
        const json = JSON.stringify(saved)
        if (json !== lastSaved) {
            lastSaved = json
            reset()
        }
    }
    spacing: 6

    function parse(text) {
        const map = {}
        text.split("\n").forEach(line => {
            const i = line.indexOf("=")
            if (i > 0)
                map[line.slice(0, i).trim()] = line.slice(i + 1).trim()
        })
        return map
    }
    function reset() {
        const m = saved
        area.text = Object.keys(m).map(k => k + "=" + m[k]).join("\n")
    }
    readonly property var diff: ready ? controller.metadataDiff(parse(area.text)) : []

    Label { text: qsTr("Metadata (key=value per line)"); font.bold: true }
    TextArea { id: area; Layout.fillWidth: true; Layout.preferredHeight: 90; enabled: !Session.readOnly
        background: Rectangle { color: palette.base; border.color: palette.mid; radius: 2 }
    }
    Repeater {
        model: editor.diff
        delegate: Label {
            required property var modelData
            color: modelData.change === "removed" ? "#c0392b" : modelData.change === "added" ? "#1e8449" : "#d68910"
            text: modelData.change + ": " + modelData.key + (modelData.before !== "" ? "  " + modelData.before : "") + (modelData.after !== "" ? "  → " + modelData.after : "")
        }
    }
    RowLayout {
        Button {
            text: qsTr("Save metadata")
            enabled: !Session.readOnly && editor.ready && editor.diff.length > 0
            onClicked: editor.controller.saveMetadata(editor.parse(area.text))
        }
        Button { text: qsTr("Undo changes"); enabled: editor.diff.length > 0; onClicked: editor.reset() }
    }
}
