pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// Installs a connector from the form its config schema gives (ConnectorConfigForm). A refusal
// keeps what was typed, with the stack's message at the field it names; secrets are password
// inputs, cleared when the dialog closes.
Dialog {
    id: dialog
    property string provider
    property var fields: []
    signal installed(string connectorId)

    function ask(name, schema) {
        provider = name
        fields = schema
        installer.provider = name
        installer.clearForm()
        form.reset()
        open()
    }

    title: qsTr("Install %1").arg(provider)
    anchors.centerIn: Overlay.overlay
    width: Math.min(560, (parent ? parent.width : 560) - 2 * Style.spaceXl)
    height: Math.min(implicitHeight, (parent ? parent.height : 800) - 2 * Style.spaceXl)
    modal: true
    padding: Style.spaceL
    onClosed: form.values = ({})

    ConnectorController {
        id: installer
        session: Session
        onInstalled: id => {
            Notifications.post(qsTr("%1 installed.").arg(dialog.provider))
            dialog.close()
            dialog.installed(id)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceS
        Label {
            text: qsTr("Fields marked * are required. Secrets are sent to the stack only, never stored here.")
            color: Style.textMuted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        ScrollView {
            id: scroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: Math.min(form.implicitHeight, 420)
            contentWidth: availableWidth
            clip: true
            ConnectorConfigForm {
                id: form
                width: scroll.availableWidth
                fields: dialog.fields
                controller: installer
            }
        }
        Label {
            objectName: "installError"
            readonly property string problem: form.touched ? installer.formProblem(dialog.fields, form.values, false) : ""
            visible: text !== ""
            text: installer.formError !== "" ? installer.formError
                : Object.keys(installer.fieldErrors).length === 0 && installer.error !== "" ? installer.error : problem
            color: Style.danger
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.fillWidth: true
            BusyIndicatorRow { running: installer.busy; text: qsTr("Installing…") }
            Item { Layout.fillWidth: true }
            DialogButtonBox {
                padding: 0
                onAccepted: {
                    form.touched = true
                    installer.install(dialog.fields, form.values)
                }
                onRejected: dialog.close()
                Button {
                    objectName: "installButton"
                    text: qsTr("Install")
                    enabled: !installer.busy && !Session.readOnly && installer.formProblem(dialog.fields, form.values, false) === ""
                    Accessible.name: text
                    // qmllint disable
                    // (Qt 6.4's qmltypes do not list DialogButtonBox's ButtonRole values.)
                    DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
                }
                Button { text: qsTr("Cancel"); Accessible.name: text; DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
                // qmllint enable
            }
        }
    }
}
