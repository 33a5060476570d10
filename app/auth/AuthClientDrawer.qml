pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// One OAuth client: name, description, scopes (edited in place), its secrets (a new one shown
// once with a copy button, never stored), delete. With `creating`, the same form makes a client.
DetailDrawer {
    id: drawer
    property bool creating: false
    // The client whose saved values the fields show (a failed save keeps the typed ones).
    property string filledFor: ""
    readonly property string clientId: client.clientId
    signal changed()
    // A plain array (qmllint 6.4 sees no methods on a QStringList).
    readonly property var scopes: client.scopes
    signal createdClient(string id)
    title: drawer.creating && client.clientId === "" ? qsTr("New OAuth client") : client.name !== "" ? client.name : client.clientId
    copyValue: client.clientId
    subtitle: client.loaded ? qsTr("%1 · %2").arg(client.clientId).arg(client.isPublic ? qsTr("public") : qsTr("confidential")) : ""

    function show(id) {
        client.clientId = id
        filledFor = ""
        client.forgetSecret()
        client.load()
        open()
    }
    function showNew() {
        client.clientId = ""
        filledFor = ""
        client.clearError()
        nameField.text = ""
        descriptionField.text = ""
        scopesField.text = "ledger:read ledger:write"
        open()
    }
    onClosed: client.forgetSecret()

    AuthClientController {
        id: client
        session: Session
        onStateChanged: if (client.loaded && drawer.filledFor !== client.clientId) drawer.fill()
        onCreated: id => {
            drawer.createdClient(id)
            Notifications.post(qsTr("Client %1 created.").arg(client.name))
        }
        onSaved: {
            drawer.fill()
            drawer.changed()
            Notifications.post(qsTr("Client %1 saved.").arg(client.name))
        }
        onRemoved: {
            deleteDialog.done()
            drawer.changed()
            drawer.close()
            Notifications.post(qsTr("Client deleted."))
        }
        onSecretCreated: drawer.changed()
        onSecretDeleted: {
            deleteSecretDialog.done()
            drawer.changed()
            Notifications.post(qsTr("Secret deleted."))
        }
    }
    function fill() {
        filledFor = client.clientId
        nameField.text = client.name
        descriptionField.text = client.description
        scopesField.text = drawer.scopes.join(" ")
    }

    ErrorBanner { Layout.fillWidth: true; text: deleteDialog.visible || deleteSecretDialog.visible ? "" : client.error; onRetry: client.load() }
    BusyIndicatorRow { running: client.busy }

    FormField { id: nameField; objectName: "clientName"; Layout.fillWidth: true; label: qsTr("Name"); error: client.formError; readOnly: Session.readOnly }
    FormField { id: descriptionField; Layout.fillWidth: true; label: qsTr("Description"); placeholderText: qsTr("Optional"); readOnly: Session.readOnly }
    FormField {
        id: scopesField
        objectName: "clientScopes"
        Layout.fillWidth: true
        label: qsTr("Scopes")
        mono: true
        hint: qsTr("Separated by spaces, e.g. ledger:read ledger:write payments:read")
        readOnly: Session.readOnly
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Style.spaceS
        Button {
            objectName: "saveClient"
            text: client.clientId === "" ? qsTr("Create") : qsTr("Save")
            highlighted: true
            enabled: !Session.readOnly && !client.busy && nameField.text.trim() !== ""
            onClicked: client.clientId === "" ? client.create(nameField.text, descriptionField.text, scopesField.text)
                                              : client.update(nameField.text, descriptionField.text, scopesField.text)
        }
        Item { Layout.fillWidth: true }
        Button {
            visible: client.clientId !== ""
            text: qsTr("Delete…")
            icon.name: Style.icons.remove
            enabled: !Session.readOnly && !client.busy
            onClicked: { client.clearError(); deleteDialog.ask() }
        }
    }
    Label { visible: Session.readOnly; text: qsTr("This profile is read-only: clients and secrets cannot be changed."); color: Style.textMuted; wrapMode: Text.Wrap; Layout.fillWidth: true }

    Label { visible: client.clientId !== ""; text: qsTr("Secrets"); font.weight: Font.DemiBold; color: Style.text; Layout.topMargin: Style.spaceM }
    Label { visible: client.loaded && client.secrets.length === 0; text: qsTr("None: this client cannot get a token with client credentials."); color: Style.textMuted; wrapMode: Text.Wrap; Layout.fillWidth: true }
    Repeater {
        model: client.secrets
        delegate: RowLayout {
            id: secretRow
            required property var modelData
            Layout.fillWidth: true
            spacing: Style.spaceS
            Label { text: secretRow.modelData.name; font.weight: Font.DemiBold; elide: Text.ElideRight; Layout.preferredWidth: 140 }
            Label { text: qsTr("…%1").arg(secretRow.modelData.lastDigits); font.family: Style.monoFamily; color: Style.textMuted; Layout.fillWidth: true; elide: Text.ElideRight }
            Button {
                text: qsTr("Delete…")
                enabled: !Session.readOnly && !client.busy
                Accessible.name: qsTr("Delete secret %1").arg(secretRow.modelData.name)
                onClicked: { client.clearError(); deleteSecretDialog.askFor(secretRow.modelData) }
            }
        }
    }
    RowLayout {
        visible: client.clientId !== ""
        Layout.fillWidth: true
        spacing: Style.spaceS
        TextField { id: secretName; objectName: "secretName"; placeholderText: qsTr("Secret name"); Layout.fillWidth: true; enabled: !Session.readOnly; Accessible.name: qsTr("Secret name") }
        Button { objectName: "newSecret"; text: qsTr("New secret"); icon.name: Style.icons.locked; enabled: !Session.readOnly && !client.busy; onClicked: client.createSecret(secretName.text) }
    }
    Rectangle {
        visible: client.newSecret !== ""
        Layout.fillWidth: true
        implicitHeight: secretColumn.implicitHeight + 2 * Style.spaceM
        color: Style.warningSurface
        border.color: Style.warning
        radius: Style.radiusM
        ColumnLayout {
            id: secretColumn
            anchors.fill: parent
            anchors.margins: Style.spaceM
            Label { text: qsTr("New client secret — copy it now, it is not shown again."); font.weight: Font.DemiBold; wrapMode: Text.Wrap; Layout.fillWidth: true }
            RowLayout {
                Layout.fillWidth: true
                TextField { text: client.newSecret; readOnly: true; selectByMouse: true; font.family: Style.monoFamily; Layout.fillWidth: true; Accessible.name: qsTr("New secret") }
                CopyButton { value: client.newSecret }
                Button { text: qsTr("Hide"); onClicked: client.forgetSecret() }
            }
        }
    }

    ConfirmDialog {
        id: deleteDialog
        objectName: "deleteClientDialog"
        parent: Overlay.overlay
        title: qsTr("Delete client %1?").arg(client.name)
        message: qsTr("Applications using it can no longer get a token.")
        confirmText: qsTr("Delete")
        requiredName: client.name
        busy: client.busy
        error: client.error
        onConfirmed: client.remove()
    }
    ConfirmDialog {
        id: deleteSecretDialog
        objectName: "deleteSecretDialog"
        parent: Overlay.overlay
        property var secret: ({})
        function askFor(s) { secret = s; ask() }
        title: qsTr("Delete secret %1?").arg(secret.name || "")
        message: qsTr("Whoever uses it can no longer get a token.")
        confirmText: qsTr("Delete secret")
        requiredName: client.name
        busy: client.busy
        error: client.error
        onConfirmed: client.deleteSecret(secret.id)
    }
}
