pragma ComponentBehavior: Bound
import QtQuick
import Formance.Desk
import QtQuick.Controls
import QtQuick.Layouts

// key=value lines, the diff against what is saved, and Save. `controller` offers metadata,
// metadataDiff(map), saveMetadata(map), busy and writable. Long values wrap, and the field scrolls.
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
    spacing: Style.spaceXs

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
    // Against what is saved now: after a save the same text has no diff left (the binding reads
    // `saved`, so it is computed again when the saved metadata changes, even if the text does not).
    readonly property var diff: ready ? editor.diffOf(editor.saved, area.text) : []
    function diffOf(savedNow, text) {
        return savedNow !== undefined ? controller.metadataDiff(parse(text)) : []
    }

    Label { text: qsTr("Metadata"); font.weight: Font.DemiBold; color: Style.text }
    Label { text: qsTr("One key=value per line."); color: Style.textMuted; font.pixelSize: Style.fontCaption }
    ScrollView {
        id: scroller
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(Math.max(area.implicitHeight, 72), 180)
        clip: true
        TextArea {
            id: area
            objectName: "metadataArea"
            Accessible.name: qsTr("Metadata")
            wrapMode: TextArea.WrapAnywhere
            font.family: Style.monoFamily
            enabled: editor.ready && !Session.readOnly
            // Tab moves on (a text area would type a tab character and trap the keyboard).
            Keys.onTabPressed: area.nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
            Keys.onBacktabPressed: area.nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
            background: Rectangle {
                color: Style.surface
                border.width: area.activeFocus ? 2 : 1
                border.color: area.activeFocus ? Style.focusRing : Style.border
                radius: Style.radiusS
            }
        }
    }
    Repeater {
        model: editor.diff
        delegate: Label {
            required property var modelData
            Layout.fillWidth: true
            wrapMode: Text.WrapAnywhere
            font.family: Style.monoFamily
            font.pixelSize: Style.fontLabel
            color: modelData.change === "removed" ? Style.danger : modelData.change === "added" ? Style.success : Style.warning
            text: (modelData.change === "removed" ? "− " : modelData.change === "added" ? "+ " : "~ ") + modelData.key
                  + (modelData.before !== "" ? "  " + modelData.before : "") + (modelData.after !== "" ? "  → " + modelData.after : "")
        }
    }
    RowLayout {
        spacing: Style.spaceS
        Button {
            objectName: "saveMetadata"
            text: qsTr("Save metadata")
            enabled: !Session.readOnly && editor.ready && editor.diff.length > 0 && !editor.controller.busy
            onClicked: editor.controller.saveMetadata(editor.parse(area.text))
        }
        Button {
            text: qsTr("Undo changes")
            icon.name: Style.icons.undo
            enabled: editor.diff.length > 0
            onClicked: editor.reset()
        }
    }
}
