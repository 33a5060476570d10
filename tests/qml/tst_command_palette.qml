import QtQuick
import QtQuick.Controls
import QtTest
import Formance.Desk

// Ctrl+K: typing narrows the screens, Return goes to the first match.
Item {
    width: 800
    height: 600

    CommandPalette {
        id: commandPalette
        pages: [
            { key: "ledgers", title: "Ledgers" },
            { key: "transactions", title: "Transactions" },
            { key: "new-transaction", title: "New transaction" }
        ]
    }
    SignalSpy { id: chosen; target: commandPalette; signalName: "chosen" }

    StrictTestCase {
        name: "CommandPalette"
        when: windowShown

        function test_typingFiltersAndReturnChooses() {
            commandPalette.open()
            tryCompare(commandPalette, "opened", true)
            compare(commandPalette.matches.length, 3)
            keyClick(Qt.Key_T)
            keyClick(Qt.Key_R)
            keyClick(Qt.Key_A)
            compare(commandPalette.matches.length, 2) // Transactions, New transaction
            keyClick(Qt.Key_Return)
            compare(chosen.count, 1)
            compare(chosen.signalArguments[0][0], "transactions")
            tryCompare(commandPalette, "visible", false)
        }
    }
}
