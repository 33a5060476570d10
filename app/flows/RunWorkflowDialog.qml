pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// Runs a workflow: a field for each ${variable} its config uses (all required), then the run.
// On the one ConfirmDialog; the page calls done() when `workflow` started the instance.
ConfirmDialog {
    id: dialog
    required property WorkflowController workflow
    property var values: ({})
    function ask() {
        values = {}
        open()
    }
    title: qsTr("Run “%1”").arg(workflow.name !== "" ? workflow.name : workflow.workflowId)
    message: workflow.variables.length > 0 ? qsTr("The workflow uses these variables:") : qsTr("The workflow uses no variable.")
    confirmText: qsTr("Run")
    destructive: false
    busy: workflow.busy
    error: workflow.error
    inputValid: workflow.runProblem(values) === ""
    onConfirmed: workflow.run(values)
    Repeater {
        model: dialog.workflow.variables
        delegate: FormField {
            required property string modelData
            Layout.fillWidth: true
            label: modelData
            mono: true
            onEdited: {
                const v = Object.assign({}, dialog.values)
                v[modelData] = text
                dialog.values = v
            }
        }
    }
}
