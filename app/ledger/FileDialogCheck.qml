import QtQuick

// What opening a FileDialog needs, checked before it is opened: a missing module would take the
// whole app down in Qt 6.4's non-native FileDialog. problem() is "" when the dialog may open.
QtObject {
    id: check
    function problem() {
        try {
            const probe = Qt.createQmlObject("import QtQuick; import Qt.labs.folderlistmodel; FolderListModel {}", check, "fileDialogProbe")
            probe.destroy()
            return ""
        } catch (e) {
            return qsTr("Files need the Qt module Qt.labs.folderlistmodel (Debian: qml6-module-qt-labs-folderlistmodel). Install it and start again.")
        }
    }
}
