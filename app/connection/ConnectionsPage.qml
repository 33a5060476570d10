pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// The stack the window is connected to (test it, disconnect), the saved profiles (pick one to
// edit, double-click or Connect), the profile form with Test connection; or the demo stack.
Pane {
    id: page
    property int editing: -1 // row being edited, -1 for a new profile
    function refresh() {}
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    ProfilesModel { id: profiles }
    ConnectionController { id: tester }
    ConnectionController { id: sessionTester }

    function edit(row) {
        editing = row
        const p = row >= 0 ? profiles.get(row) : { id: "", name: "", serverUrl: "", organization: "", environment: "sandbox", clientId: "", stage: "development", readOnly: false, caCertificatesPem: "" }
        nameField.text = p.name
        urlField.text = p.serverUrl
        orgField.text = p.organization
        envBox.currentIndex = Math.max(0, envBox.model.indexOf(p.environment))
        clientIdField.text = p.clientId
        secretField.text = ""
        stageBox.currentIndex = Math.max(0, stageBox.model.indexOf(p.stage))
        readOnlyBox.checked = p.readOnly
        caField.text = p.caCertificatesPem || ""
        formError.text = ""
    }
    function formProfile() {
        return { id: editing >= 0 ? profiles.idAt(editing) : "", name: nameField.text, serverUrl: urlField.text,
                 organization: orgField.text, environment: envBox.currentText, clientId: clientIdField.text,
                 stage: stageBox.currentText, readOnly: readOnlyBox.checked, caCertificatesPem: caField.text }
    }
    Component.onCompleted: edit(-1)

    component ServiceList: ColumnLayout {
        id: serviceList
        required property var services
        spacing: 2
        Repeater {
            model: serviceList.services
            delegate: RowLayout {
                id: service
                required property var modelData
                spacing: Style.spaceS
                Rectangle { width: 8; height: 8; radius: 4; color: service.modelData.health ? Style.success : Style.danger }
                Label { text: service.modelData.name; font.family: Style.monoFamily; Layout.preferredWidth: 140 }
                Label { text: service.modelData.version + (service.modelData.health ? "" : qsTr("  (unhealthy)")); color: Style.textMuted; font.family: Style.monoFamily }
                Label {
                    visible: service.modelData.api !== undefined && service.modelData.api !== ""
                    text: qsTr("API %1").arg(service.modelData.api)
                    color: Style.textMuted
                }
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: Style.spaceXl

        // An anchor chain, not a layout: the connected card comes and goes with the connection,
        // often while the page is still hidden, and Qt 6.4's layouts twice missed that change
        // (the card left folded under the header, the demo button over it: app_screenshots
        // under load, even with the card's Layout.preferredHeight bound). Anchors follow a
        // height at once, with no polish pass to lose.
        Item {
            id: sideColumn
            Layout.preferredWidth: 320
            Layout.maximumWidth: 340
            Layout.fillHeight: true
            PageHeader { id: sideHeader; anchors { left: parent.left; right: parent.right; top: parent.top } title: qsTr("Connections") }

            Rectangle {
                id: connectedCard
                objectName: "connectedStack"
                anchors { left: parent.left; right: parent.right; top: sideHeader.bottom; topMargin: Session.connected ? Style.spaceM : 0 }
                height: Session.connected ? implicitHeight : 0
                visible: Session.connected // its buttons take no focus while folded
                implicitHeight: connected.implicitHeight + 2 * Style.spaceM
                color: Style.surface
                border.color: Style.stageColor(Session.stage)
                radius: Style.radiusM
                ColumnLayout {
                    id: connected
                    anchors.fill: parent
                    anchors.margins: Style.spaceM
                    spacing: Style.spaceXs
                    Label { text: qsTr("Connected to"); color: Style.textMuted; font.pixelSize: Style.fontCaption }
                    Label { text: Session.name; font.weight: Font.DemiBold; font.pixelSize: Style.fontTitle; elide: Text.ElideRight; Layout.fillWidth: true }
                    Label { text: Session.serverUrl; font.family: Style.monoFamily; color: Style.textMuted; elide: Text.ElideMiddle; Layout.fillWidth: true }
                    Label { text: Session.stageLabel + (Session.readOnly ? qsTr(" · read-only") : ""); color: Style.stageColor(Session.stage) }
                    RowLayout {
                        spacing: Style.spaceS
                        Button { objectName: "testSession"; text: qsTr("Test connection"); enabled: !sessionTester.busy; onClicked: sessionTester.testSession(Session) }
                        Button { text: qsTr("Disconnect"); onClicked: Session.disconnectFromStack() }
                    }
                    Label { visible: sessionTester.message !== ""; text: sessionTester.message; color: sessionTester.ok ? Style.success : Style.danger; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    ServiceList { services: sessionTester.services }
                }
            }

            Button {
                id: demoButton
                anchors { left: parent.left; right: parent.right; top: connectedCard.bottom; topMargin: Style.spaceM }
                text: qsTr("Open the demo stack")
                icon.name: Style.icons.play
                highlighted: profiles.count === 0 && !Session.connected
                enabled: !Session.busy && !Session.demo
                onClicked: Session.startDemo()
            }
            Label {
                id: savedLabel
                anchors { left: parent.left; top: demoButton.bottom; topMargin: Style.spaceM }
                text: qsTr("Saved stacks"); font.weight: Font.DemiBold; color: Style.text
            }
            Rectangle {
                anchors { left: parent.left; right: parent.right; top: savedLabel.bottom; topMargin: Style.spaceM; bottom: newProfileButton.top; bottomMargin: Style.spaceM }
                color: Style.surface
                border.color: Style.border
                radius: Style.radiusM
                ListView {
                    id: list
                    anchors.fill: parent
                    anchors.margins: 1
                    clip: true
                    model: profiles
                    activeFocusOnTab: true
                    keyNavigationEnabled: true
                    Keys.onReturnPressed: if (currentIndex >= 0) Session.connectProfile(profiles.idAt(currentIndex))
                    delegate: ItemDelegate {
                        id: profileRow
                        required property int index
                        required property string name
                        required property string server
                        required property string stage
                        required property string profileId
                        width: ListView.view.width
                        highlighted: page.editing === index || (Session.profileId !== "" && Session.profileId === profileId)
                        contentItem: ColumnLayout {
                            spacing: 2
                            Label { text: profileRow.name; font.weight: Font.DemiBold; elide: Text.ElideRight; Layout.fillWidth: true }
                            Label { text: profileRow.server + " · " + profileRow.stage; color: Style.textMuted; elide: Text.ElideRight; Layout.fillWidth: true }
                        }
                        onClicked: page.edit(index)
                        onDoubleClicked: Session.connectProfile(profileId)
                    }
                }
                EmptyState {
                    anchors.centerIn: parent
                    width: parent.width - 2 * Style.spaceL
                    visible: list.count === 0
                    title: qsTr("No saved stacks yet.")
                    hint: Session.connected ? qsTr("You are on %1. Add a stack of your own with the form.").arg(Session.name)
                                            : qsTr("Add one with the form, or explore the demo stack.")
                }
            }
            Button {
                id: newProfileButton
                anchors { left: parent.left; right: parent.right; bottom: sessionError.top; bottomMargin: sessionError.visible ? Style.spaceM : 0 }
                text: qsTr("New profile"); icon.name: Style.icons.add; onClicked: page.edit(-1)
            }
            ErrorBanner {
                id: sessionError
                anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
                height: visible ? implicitHeight : 0
                text: Session.error
                retryable: false
            }
        }

        ScrollView {
            id: formScroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            // Not its content's width (that follows availableWidth: a polish loop).
            Layout.preferredWidth: 400
            contentWidth: availableWidth
            clip: true
            ColumnLayout {
                width: Math.min(formScroll.availableWidth, 640)
                spacing: Style.spaceM
                Label { text: page.editing >= 0 ? qsTr("Edit profile") : qsTr("New profile"); font.pixelSize: Style.fontHeading; font.weight: Font.DemiBold; color: Style.text }
                GridLayout {
                    columns: 2
                    Layout.fillWidth: true
                    columnSpacing: Style.spaceM
                    rowSpacing: Style.spaceS
                    Label { text: qsTr("Name"); color: Style.textMuted }
                    TextField { id: nameField; Layout.fillWidth: true; Accessible.name: qsTr("Name"); placeholderText: qsTr("Production EU") }
                    Label { text: qsTr("Server URL"); color: Style.textMuted }
                    TextField { id: urlField; Layout.fillWidth: true; Accessible.name: qsTr("Server URL"); font.family: Style.monoFamily; placeholderText: qsTr("https://stack.example.com (empty: Formance Cloud)") }
                    Label { text: qsTr("Cloud organization"); color: Style.textMuted }
                    TextField { id: orgField; Layout.fillWidth: true; Accessible.name: qsTr("Cloud organization"); enabled: urlField.text === ""; placeholderText: qsTr("orgID-stackID") }
                    Label { text: qsTr("Cloud environment"); color: Style.textMuted }
                    ComboBox { id: envBox; Layout.fillWidth: true; Accessible.name: qsTr("Cloud environment"); enabled: urlField.text === ""; model: ["sandbox", "eu-west-1", "us-east-1"] }
                    Label { text: qsTr("Client ID"); color: Style.textMuted }
                    TextField { id: clientIdField; Layout.fillWidth: true; Accessible.name: qsTr("Client ID"); font.family: Style.monoFamily }
                    Label { text: qsTr("Client secret"); color: Style.textMuted }
                    TextField {
                        id: secretField
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Client secret")
                        echoMode: TextInput.Password
                        placeholderText: page.editing >= 0 ? qsTr("unchanged (kept in the system keychain)") : qsTr("stored in the system keychain")
                    }
                    Label { text: qsTr("Stage"); color: Style.textMuted }
                    ComboBox { id: stageBox; Layout.fillWidth: true; Accessible.name: qsTr("Stage"); model: ["development", "staging", "production"] }
                    Label { text: qsTr("Trusted CA"); color: Style.textMuted; Layout.alignment: Qt.AlignTop }
                    ScrollView {
                        Layout.fillWidth: true
                        Layout.preferredHeight: 56
                        clip: true
                        TextArea {
                            id: caField
                            background: Rectangle {
                                color: Style.surface
                                border.color: caField.activeFocus ? Style.focusRing : Style.border
                                radius: Style.radiusS
                            }
                            font.family: Style.monoFamily
                            font.pixelSize: Style.fontCaption
                            wrapMode: TextArea.WrapAnywhere
                            Accessible.name: qsTr("Trusted CA")
                            placeholderText: qsTr("optional: a private CA's certificate, PEM (-----BEGIN CERTIFICATE-----)")
                        }
                    }
                    Item { width: 1; height: 1 }
                    CheckBox { id: readOnlyBox; text: qsTr("Read-only: disable every write") }
                }
                Label { id: formError; color: Style.danger; visible: text !== ""; Layout.fillWidth: true; wrapMode: Text.Wrap }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Style.spaceS
                    Button {
                        text: qsTr("Save")
                        highlighted: true
                        onClicked: {
                            formError.text = profiles.save(page.formProfile(), secretField.text)
                            if (formError.text === "")
                                secretField.text = ""
                        }
                    }
                    Button {
                        objectName: "testForm"
                        text: qsTr("Test connection")
                        enabled: !tester.busy && (urlField.text !== "" || orgField.text !== "")
                        onClicked: tester.test(page.formProfile(), secretField.text)
                    }
                    Button {
                        text: qsTr("Connect")
                        enabled: page.editing >= 0 && !Session.busy
                        onClicked: Session.connectProfile(profiles.idAt(page.editing))
                    }
                    Button {
                        text: qsTr("Delete")
                        icon.name: Style.icons.remove
                        enabled: page.editing >= 0
                        onClicked: { profiles.remove(profiles.idAt(page.editing)); page.edit(-1) }
                    }
                    BusyIndicatorRow { running: tester.busy || Session.busy; text: Session.busy ? qsTr("Connecting…") : qsTr("Testing…") }
                }
                Label { text: profiles.notice; visible: text !== ""; Layout.fillWidth: true; wrapMode: Text.Wrap; color: Style.warning }
                Label {
                    Layout.fillWidth: true
                    visible: text !== ""
                    wrapMode: Text.Wrap
                    text: tester.message
                    color: tester.ok ? Style.success : Style.danger
                }
                ServiceList { services: tester.services }
            }
        }
    }
}
