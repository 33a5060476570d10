import QtQuick
import QtTest
import Formance.Desk

// The connector install form built from a config schema: secret fields are password inputs, the
// form is checked as it is typed (Install stays disabled until it is complete), and a refused
// install (here: no stack connected) keeps every value the operator typed, with the reason shown.
Item {
    width: 1000
    height: 760

    readonly property var schema: [
        { name: "name", dataType: "string", required: true, defaultValue: "", secret: false },
        { name: "apiKey", dataType: "string", required: true, defaultValue: "", secret: true },
        { name: "pollingPeriod", dataType: "duration", required: false, defaultValue: "120s", secret: false },
        { name: "pageSize", dataType: "integer", required: false, defaultValue: "10", secret: false }
    ]

    ConnectorInstallDialog { id: dialog }

    StrictTestCase {
        name: "PaymentsInstallForm"
        when: windowShown

        function field(name) {
            const f = findChild(dialog.contentItem, "configField_" + name)
            verify(f, "a field for " + name)
            return f
        }
        function type(name, text) {
            const f = field(name)
            f.input.text = text
            f.edited()
        }

        function test_formFromSchema() {
            // Whatever an earlier test connected, this install is refused for want of a stack.
            if (Session.connected)
                Session.disconnectFromStack()
            tryCompare(Session, "connected", false)
            dialog.ask("STRIPE", parent.schema)
            tryCompare(dialog, "opened", true)
            compare(field("apiKey").echoMode, TextInput.Password, "a secret is a password input")
            compare(field("name").echoMode, TextInput.Normal)
            compare(field("pollingPeriod").text, "120s", "defaults are filled in")
            const install = findChild(dialog.contentItem, "installButton")
            verify(install)
            compare(install.enabled, false, "required fields are empty")

            type("name", "stripe-eu")
            type("apiKey", "sk_test_123")
            type("pageSize", "ten")
            compare(install.enabled, false)
            verify(field("pageSize").error !== "", "a non-integer is refused as it is typed")
            type("pageSize", "25")
            compare(field("pageSize").error, "")
            compare(install.enabled, true)

            // No stack connected: the install is refused, and what was typed stays.
            install.clicked()
            tryVerify(() => findChild(dialog.contentItem, "installError").text.indexOf("Not connected") >= 0,
                      1000, "the refusal says why")
            compare(field("name").text, "stripe-eu")
            compare(field("apiKey").text, "sk_test_123")
            compare(field("pageSize").text, "25")
            compare(dialog.opened, true, "a refusal keeps the dialog open")
            dialog.close()
            tryCompare(dialog, "visible", false)
        }
    }
}
