import QtQuick
import QtQuick.Controls
import QtTest
import Formance.Desk

// Defect 7: the navigation is in the Tab order (arrows move, Return opens a page) and Escape
// closes a detail drawer.
Item {
    width: 800
    height: 600

    TextField { id: before; x: 300; width: 200; text: "before the navigation" }
    Navigation {
        id: nav
        width: 240
        height: parent.height
        current: "first"
        ledger: ""
        pages: [
            { key: "first", title: "First", icon: "go-home", group: "Ledger", service: "", needsLedger: false },
            { key: "second", title: "Second", icon: "go-next", group: "Ledger", service: "", needsLedger: false }
        ]
    }
    SignalSpy { id: navActivated; target: nav; signalName: "activated" }

    DetailDrawer { id: drawer; width: 320; title: "Transaction 42" }

    StrictTestCase {
        name: "Keyboard"
        when: windowShown

        function test_navigationIsInTheTabOrder() {
            const list = findChild(nav, "navigation")
            verify(list)
            before.forceActiveFocus()
            verify(before.activeFocus)
            keyClick(Qt.Key_Tab)
            verify(list.activeFocus, "Tab from the field reaches the navigation")
            compare(list.currentIndex, 0)
            keyClick(Qt.Key_Down)
            compare(list.currentIndex, 1)
            navActivated.clear()
            keyClick(Qt.Key_Return)
            compare(navActivated.count, 1)
            compare(navActivated.signalArguments[0][0], "second")
        }

        function test_escapeClosesADetailDrawer() {
            drawer.open()
            tryCompare(drawer, "opened", true)
            keyClick(Qt.Key_Escape)
            tryCompare(drawer, "visible", false)
        }
    }
}
