import QtQuick
import QtQuick.Controls
import QtTest
import Formance.Desk

// The form refuses bad amounts inline, before anything is sent, and keeps Commit disabled.
Item {
    width: 1000
    height: 700

    NewTransactionPage {
        id: page
        anchors.fill: parent
        ledger: "main"
    }

    StrictTestCase {
        name: "NewTransactionPage"
        when: windowShown

        function findByPlaceholder(item, text) {
            if (item.placeholderText === text)
                return item
            for (let i = 0; i < item.children.length; ++i) {
                const found = findByPlaceholder(item.children[i], text)
                if (found)
                    return found
            }
            if (item.contentItem && item.contentItem !== item) {
                const found = findByPlaceholder(item.contentItem, text)
                if (found)
                    return found
            }
            return null
        }
        function findButton(item, text) {
            if (item.text === text && item.clicked !== undefined)
                return item
            for (let i = 0; i < item.children.length; ++i) {
                const found = findButton(item.children[i], text)
                if (found)
                    return found
            }
            if (item.contentItem && item.contentItem !== item)
                return findButton(item.contentItem, text)
            return null
        }
        function findLabel(item, prefix) {
            if (item.text !== undefined && typeof item.text === "string" && item.text.startsWith(prefix) && item.visible)
                return item
            for (let i = 0; i < item.children.length; ++i) {
                const found = findLabel(item.children[i], prefix)
                if (found)
                    return found
            }
            if (item.contentItem && item.contentItem !== item)
                return findLabel(item.contentItem, prefix)
            return null
        }

        function test_badAmountIsRefusedInline() {
            const destination = findByPlaceholder(page, "Destination")
            const amount = findByPlaceholder(page, "Amount")
            verify(destination && amount)
            // As typed: each edit emits textEdited, which the page forwards to its controller.
            destination.text = "users:1"
            destination.textEdited()
            amount.text = "12.345"
            amount.textEdited()
            const error = findLabel(page, "USD/2 allows at most 2 decimals")
            verify(error, "an inline error names the rule")
            const commit = findButton(page, "Commit")
            verify(commit)
            compare(commit.enabled, false)

            amount.text = "12.34"
            amount.textEdited()
            tryVerify(() => findLabel(page, "USD/2 allows") === null)
            // A valid form still waits for its dry run before it can be committed (defect 3).
            const preview = findButton(page, "Preview (dry run)")
            verify(preview)
            compare(preview.enabled, true)
            compare(commit.enabled, false)
        }
    }
}
