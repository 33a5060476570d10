pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// One webhook config: state, event types, a test delivery's outcome, and the actions (activate or
// pause, new secret, test, delete — refused in read-only mode; production asks for the endpoint
// before a delete). A new secret is shown here once, never stored.
DetailDrawer {
    id: drawer
    readonly property string configId: config.configId
    signal configChanged()
    // The last test as a plain object (qmllint 6.4 sees no keys on a QVariantMap).
    readonly property var attempt: config.attempt
    title: config.endpoint !== "" ? config.endpoint : config.configId
    monoTitle: true
    copyValue: config.configId
    subtitle: config.loaded ? qsTr("%1 · created %2 · updated %3").arg(config.configId).arg(config.createdAt).arg(config.updatedAt) : ""

    function show(id) {
        config.configId = id
        config.forgetSecret()
        config.load()
        open()
    }
    onClosed: config.forgetSecret()

    WebhookConfigController {
        id: config
        session: Session
        onConfigChanged: {
            secretDialog.done()
            drawer.configChanged()
        }
        onRemoved: {
            deleteDialog.done()
            drawer.configChanged()
            drawer.close()
            Notifications.post(qsTr("Webhook deleted."))
        }
    }

    RowLayout {
        visible: config.loaded
        spacing: Style.spaceS
        Rectangle {
            radius: Style.radiusS
            color: config.active ? Style.successSurface : Style.surfaceAlt
            implicitWidth: stateLabel.implicitWidth + 2 * Style.spaceS
            implicitHeight: stateLabel.implicitHeight + Style.spaceXs
            Label { id: stateLabel; anchors.centerIn: parent; text: config.active ? qsTr("Active") : qsTr("Paused"); color: config.active ? Style.success : Style.textMuted; font.weight: Font.DemiBold }
        }
    }
    ErrorBanner { Layout.fillWidth: true; text: secretDialog.visible || deleteDialog.visible ? "" : config.error; onRetry: config.load() }
    BusyIndicatorRow { running: config.busy }

    Label { text: qsTr("Event types"); font.weight: Font.DemiBold; color: Style.text; visible: config.loaded }
    Repeater {
        model: config.eventTypes
        delegate: Label { required property string modelData; text: modelData; font.family: Style.monoFamily }
    }

    RowLayout {
        visible: config.loaded
        Layout.fillWidth: true
        Layout.topMargin: Style.spaceS
        spacing: Style.spaceS
        Button {
            text: config.active ? qsTr("Pause") : qsTr("Activate")
            icon.name: config.active ? Style.icons.pause : Style.icons.play
            enabled: !Session.readOnly && !config.busy
            onClicked: config.active ? config.deactivate() : config.activate()
        }
        Button { text: qsTr("Send a test"); icon.name: Style.icons.send; enabled: !Session.readOnly && !config.busy; onClicked: config.test() }
        Button { text: qsTr("New secret…"); icon.name: Style.icons.locked; enabled: !Session.readOnly && !config.busy; onClicked: { config.clearError(); secretDialog.ask() } }
        Button { text: qsTr("Delete…"); icon.name: Style.icons.remove; enabled: !Session.readOnly && !config.busy; onClicked: { config.clearError(); deleteDialog.ask() } }
    }
    Label { visible: Session.readOnly; text: qsTr("This profile is read-only: webhooks cannot be changed, tested or deleted."); color: Style.textMuted; wrapMode: Text.Wrap; Layout.fillWidth: true }

    Rectangle {
        visible: config.newSecret !== ""
        Layout.fillWidth: true
        implicitHeight: secretColumn.implicitHeight + 2 * Style.spaceM
        color: Style.warningSurface
        border.color: Style.warning
        radius: Style.radiusM
        ColumnLayout {
            id: secretColumn
            anchors.fill: parent
            anchors.margins: Style.spaceM
            Label { text: qsTr("New signing secret — copy it now, it is not shown again."); font.weight: Font.DemiBold; wrapMode: Text.Wrap; Layout.fillWidth: true }
            RowLayout {
                Layout.fillWidth: true
                TextField { text: config.newSecret; readOnly: true; selectByMouse: true; font.family: Style.monoFamily; Layout.fillWidth: true }
                CopyButton { value: config.newSecret }
                Button { text: qsTr("Hide"); onClicked: config.forgetSecret() }
            }
        }
    }

    Label { text: qsTr("Last test"); font.weight: Font.DemiBold; color: Style.text; Layout.topMargin: Style.spaceS; visible: drawer.attempt.summary !== undefined }
    Rectangle {
        visible: drawer.attempt.summary !== undefined
        Layout.fillWidth: true
        implicitHeight: attemptColumn.implicitHeight + 2 * Style.spaceM
        color: drawer.attempt.ok ? Style.successSurface : Style.dangerSurface
        radius: Style.radiusM
        ColumnLayout {
            id: attemptColumn
            anchors.fill: parent
            anchors.margins: Style.spaceM
            spacing: Style.spaceXs
            RowLayout {
                Label { text: drawer.attempt.ok ? qsTr("Delivered") : qsTr("Failed"); font.weight: Font.DemiBold; color: drawer.attempt.ok ? Style.success : Style.danger }
                Label {
                    text: qsTr("status %1 · HTTP %2 · %3").arg(drawer.attempt.status || "").arg(drawer.attempt.statusCode === 0 ? qsTr("none") : (drawer.attempt.statusCode || "")).arg(drawer.attempt.createdAt || "")
                    color: Style.textMuted
                    font.family: Style.monoFamily
                    font.pixelSize: Style.fontLabel
                    wrapMode: Text.WrapAnywhere
                    Layout.fillWidth: true
                }
            }
            Label { text: drawer.attempt.summary || ""; wrapMode: Text.Wrap; Layout.fillWidth: true }
            Label { text: qsTr("Sent: %1").arg(drawer.attempt.payload || ""); font.family: Style.monoFamily; font.pixelSize: Style.fontLabel; color: Style.textMuted; wrapMode: Text.WrapAnywhere; Layout.fillWidth: true }
        }
    }

    ConfirmDialog {
        id: secretDialog
        objectName: "secretDialog"
        parent: Overlay.overlay
        title: qsTr("New signing secret")
        message: qsTr("Receivers must switch to the new secret: signatures made with the old one stop at once.")
        confirmText: qsTr("Change secret")
        destructive: false
        busy: config.busy
        error: config.error
        inputValid: config.secretProblem(secretField.text) === ""
        onConfirmed: config.changeSecret(secretField.text)
        onOpened: secretField.text = ""
        FormField {
            id: secretField
            Layout.fillWidth: true
            label: qsTr("Secret")
            mono: true
            echoMode: TextInput.Password
            placeholderText: qsTr("Empty: the stack generates one")
            error: config.secretProblem(text)
        }
    }

    ConfirmDialog {
        id: deleteDialog
        objectName: "deleteWebhookDialog"
        parent: Overlay.overlay
        title: qsTr("Delete this webhook?")
        message: qsTr("Events stop being sent to %1.").arg(config.endpoint)
        confirmText: qsTr("Delete")
        requiredName: config.endpoint
        busy: config.busy
        error: config.error
        onConfirmed: config.remove()
    }
}
