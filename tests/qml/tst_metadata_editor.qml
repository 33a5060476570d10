import QtQuick
import QtTest
import Formance.Desk

// Defect 5: saving a changed value leaves no diff and no enabled Save once the server saved it.
Item {
    width: 600
    height: 400

    // Stands in for a controller: what is saved, the diff against it, and a save the "server" takes.
    QtObject {
        id: controller
        property var metadata: ({ "owner": "ops" })
        property bool busy: false
        function metadataDiff(edited) {
            const rows = []
            for (const k in metadata)
                if (!(k in edited)) rows.push({ key: k, before: metadata[k], after: "", change: "removed" })
                else if (edited[k] !== metadata[k]) rows.push({ key: k, before: metadata[k], after: edited[k], change: "changed" })
            for (const k in edited)
                if (!(k in metadata)) rows.push({ key: k, before: "", after: edited[k], change: "added" })
            return rows
        }
        function saveMetadata(edited) {
            metadata = Object.assign({}, edited)
        }
    }

    MetadataEditor {
        id: editor
        width: parent.width
        controller: controller
    }

    StrictTestCase {
        name: "MetadataEditor"
        when: windowShown

        function find(item, name) {
            if (item.objectName === name)
                return item
            for (let i = 0; i < item.children.length; ++i) {
                const found = find(item.children[i], name)
                if (found)
                    return found
            }
            if (item.contentItem && item.contentItem !== item)
                return find(item.contentItem, name)
            return null
        }

        function init() {
            failOnWarning(/.*/)
            controller.metadata = { "owner": "ops" }
            editor.reset()
        }

        function test_savedChangeLeavesNoDiff() {
            const area = find(editor, "metadataArea")
            const save = find(editor, "saveMetadata")
            verify(area && save)
            compare(area.text, "owner=ops")
            compare(save.enabled, false)
            area.text = "owner=finance"
            compare(editor.diff.length, 1)
            compare(save.enabled, true)
            save.clicked()
            compare(controller.metadata.owner, "finance")
            // The text did not change (it is what was saved): the diff must still be computed again.
            compare(area.text, "owner=finance")
            compare(editor.diff.length, 0)
            compare(save.enabled, false)
        }

        function test_longValuesWrap() {
            const area = find(editor, "metadataArea")
            area.text = "note=" + "x".repeat(2000)
            verify(area.wrapMode !== TextEdit.NoWrap)
            verify(area.contentWidth <= area.width + 1)
        }
    }
}
