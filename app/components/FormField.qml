import QtQuick
import Formance.Desk
import QtQuick.Controls
import QtQuick.Layouts

// A labelled text field with its error (or hint) right under it.
ColumnLayout {
    id: field
    property string label
    property string error
    property string hint
    property alias text: input.text
    property alias placeholderText: input.placeholderText
    property alias echoMode: input.echoMode
    property alias readOnly: input.readOnly
    property alias input: input
    property bool mono: false
    signal edited()
    signal accepted()
    spacing: 2

    Label {
        visible: field.label !== ""
        text: field.label
        font.pixelSize: Style.fontLabel
        color: Style.textMuted
    }
    TextField {
        id: input
        Layout.fillWidth: true
        font.family: field.mono ? Style.monoFamily : Style.fontFamily
        Accessible.name: field.label !== "" ? field.label : input.placeholderText
        Accessible.description: field.error !== "" ? field.error : field.hint
        onTextEdited: field.edited()
        onAccepted: field.accepted()
    }
    Label {
        visible: text !== ""
        text: field.error !== "" ? field.error : field.hint
        color: field.error !== "" ? Style.danger : Style.textMuted
        font.pixelSize: Style.fontCaption
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
