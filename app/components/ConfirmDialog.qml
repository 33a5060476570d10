import QtQuick
import Formance.Desk
import QtQuick.Controls
import QtQuick.Layouts

// The one confirmation for actions that change or remove something. Buttons come in the
// platform's order (a DialogButtonBox). On production the operator types `requiredName`, checked by
// the one C++ rule (Session.confirmationMatches). The dialog stays open while the action runs and
// when it fails (the error shows here, the input is kept): the page calls done() on success.
Dialog {
    id: dialog
    property string message
    property string confirmText: qsTr("Confirm")
    property bool destructive: true
    property string requiredName
    property string error
    property bool busy: false
    // Whether the page's own inputs in `extra` are acceptable.
    property bool inputValid: true
    default property alias extra: extraColumn.data
    readonly property bool nameMatches: Session.confirmationMatches(nameField.text, requiredName)
    readonly property bool canConfirm: nameMatches && inputValid && !busy
    signal confirmed()

    // `error` is the page's (usually bound to its controller's): the dialog never resets it.
    function ask() {
        nameField.text = ""
        open()
    }
    function done() {
        close()
    }
    function tryConfirm() {
        if (canConfirm)
            confirmed()
    }

    anchors.centerIn: Overlay.overlay
    modal: true
    width: Math.min(520, (parent ? parent.width : 520) - 2 * Style.spaceXl)
    padding: Style.spaceL
    closePolicy: busy ? Popup.NoAutoClose : Popup.CloseOnEscape
    onOpened: {
        if (Session.production)
            nameField.forceActiveFocus()
        else
            buttons.forceActiveFocus()
    }

    // The one child sizes the dialog (a contentItem with ids inside could not be deferred).
    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceM
        Label {
            visible: dialog.message !== ""
            text: dialog.message
            wrapMode: Text.Wrap
            color: Style.text
            Layout.fillWidth: true
        }
        ColumnLayout {
            id: extraColumn
            Layout.fillWidth: true
            spacing: Style.spaceS
        }
        ColumnLayout {
            visible: Session.production
            Layout.fillWidth: true
            spacing: Style.spaceXs
            Label {
                text: qsTr("This is production. Type %1 to confirm.").arg("<b>" + dialog.requiredName + "</b>")
                textFormat: Text.StyledText
                wrapMode: Text.Wrap
                color: Style.danger
                Layout.fillWidth: true
            }
            TextField {
                id: nameField
                objectName: "confirmName"
                Layout.fillWidth: true
                font.family: Style.monoFamily
                placeholderText: dialog.requiredName
                onAccepted: dialog.tryConfirm()
            }
        }
        Label {
            visible: dialog.error !== ""
            text: dialog.error
            color: Style.danger
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Style.spaceS
            BusyIndicatorRow { running: dialog.busy; text: qsTr("Working…") }
            Item { Layout.fillWidth: true }
            // Not the dialog's footer: a footer box would close the dialog on accept, and a failed
            // action must keep it open with the input.
            DialogButtonBox {
                id: buttons
                padding: 0
                onAccepted: dialog.tryConfirm()
                onRejected: dialog.close()
                Button {
                    objectName: "confirmButton"
                    text: dialog.confirmText
                    enabled: dialog.canConfirm
                    palette.button: dialog.destructive ? Style.danger : Style.accent
                    palette.buttonText: Style.accentText
                    // qmllint disable
                    // (Qt 6.4's qmltypes do not list DialogButtonBox's ButtonRole values.)
                    DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
                }
                Button {
                    objectName: "cancelButton"
                    text: qsTr("Cancel")
                    enabled: !dialog.busy
                    DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
                    // qmllint enable
                }
            }
        }
    }
}
