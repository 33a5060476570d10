pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// The fields of a connector's config schema as inputs: each labelled with its name (required
// ones marked), typed by its data type, its default as placeholder, secrets as password inputs.
// Checked as typed (controller.fieldProblem), a server refusal shown at its field; the text typed
// is kept when the stack refuses it.
ColumnLayout {
    id: form
    property var fields: []
    property ConnectorController controller
    // On update an empty secret keeps the stored one.
    property bool keepsStored: false
    property var initial: ({})
    // name -> text, as typed.
    property var values: ({})
    property bool touched: false
    spacing: Style.spaceS

    function reset() {
        const v = {}
        for (let i = 0; i < fields.length; ++i) {
            const f = fields[i]
            v[f.name] = f.secret ? "" : (initial[f.name] !== undefined ? initial[f.name] : (f.defaultValue || ""))
        }
        values = v
        touched = false
    }
    function valueOf(name) { return values[name] !== undefined ? values[name] : "" }

    Repeater {
        model: form.fields
        delegate: FormField {
            id: field
            required property var modelData
            Layout.fillWidth: true
            objectName: "configField_" + modelData.name
            label: modelData.name + (modelData.required ? " *" : "")
            mono: modelData.dataType !== "string" || modelData.secret
            echoMode: modelData.secret ? TextInput.Password : TextInput.Normal
            placeholderText: modelData.secret && form.keepsStored ? qsTr("Unchanged") : (modelData.defaultValue || modelData.dataType)
            hint: modelData.dataType === "duration" ? qsTr("A duration, such as 10s") : modelData.dataType === "integer" ? qsTr("A whole number") : ""
            error: {
                const server = form.controller ? form.controller.fieldErrors[modelData.name] : undefined
                if (server !== undefined)
                    return server
                return form.touched && form.controller ? form.controller.fieldProblem(modelData, text, form.keepsStored) : ""
            }
            input.Accessible.name: modelData.name
            text: form.valueOf(modelData.name)
            onEdited: {
                const v = Object.assign({}, form.values)
                v[modelData.name] = text
                form.values = v
                form.touched = true
            }
        }
    }
}
