import QtQuick
import QtTest
import Formance.Desk

// Every list: a column spec feeds header and rows; arrows move, Return opens; an amount column is
// never cut (defects 2 and 7).
Item {
    width: 640
    height: 400

    ListModel {
        id: rows
        ListElement { transactionId: "3"; amountText: "1.335147981044960903 ETH"; postingsText: "world → users:001" }
        ListElement { transactionId: "2"; amountText: "12.00 USD"; postingsText: "users:001 → merchants:042" }
        ListElement { transactionId: "1"; amountText: "0.01 USD"; postingsText: "world → users:002" }
    }

    ListPage {
        id: list
        anchors.fill: parent
        model: rows
        columns: [
            { title: "ID", role: "transactionId", width: 60, mono: true },
            { title: "Postings", role: "postingsText", fill: true, minWidth: 120 },
            { title: "Amount", role: "amountText", width: 80, amount: true }
        ]
    }
    SignalSpy { id: activated; target: list; signalName: "activated" }

    // A check column: the boxes follow check(row), a click asks toggle(index, checked).
    ListPage {
        id: checked
        property var picked: []
        visible: false // shown by its test only, over the other list
        width: 640
        height: 200
        model: rows
        checkColumn: ({
            check: row => checked.picked.indexOf(row.transactionId) >= 0,
            toggle: (index, on) => {
                const id = rows.get(index).transactionId
                checked.picked = on ? checked.picked.concat([id]) : checked.picked.filter(x => x !== id)
            },
            name: row => "Select transaction " + row.transactionId
        })
        columns: [{ title: "ID", role: "transactionId", width: 60 }, { title: "Postings", role: "postingsText", fill: true }]
    }

    StrictTestCase {
        name: "ListPage"
        when: windowShown

        function labels(item, out) {
            if (item.text !== undefined && item.elide !== undefined)
                out.push(item)
            for (let i = 0; i < item.children.length; ++i)
                labels(item.children[i], out)
            if (item.contentItem && item.contentItem !== item)
                labels(item.contentItem, out)
            return out
        }

        function boxes(item, out) {
            if (item.objectName === "rowCheck" && out.indexOf(item) < 0)
                out.push(item) // (reached as a child and as a contentItem)
            for (let i = 0; i < item.children.length; ++i)
                boxes(item.children[i], out)
            if (item.contentItem && item.contentItem !== item)
                boxes(item.contentItem, out)
            return out
        }

        function test_checkColumnFollowsTheSelection() {
            list.visible = false
            checked.visible = true
            tryCompare(checked.view, "count", 3)
            wait(50)
            let found = boxes(checked.view, [])
            compare(found.length, 3)
            const second = found.find(b => b.Accessible.name === "Select transaction 2")
            verify(second)
            verify(!second.checked)
            mouseClick(second)
            compare(checked.picked, ["2"])
            verify(second.checked)
            mouseClick(second)
            compare(checked.picked, [])
            verify(!second.checked)
            checked.picked = ["1", "3"] // from outside: the boxes follow
            found = boxes(checked.view, [])
            compare(found.filter(b => b.checked).length, 2)
            // The header and rows make room for it: the fill column ends at the list's edge.
            verify(checked.rowWidth <= checked.view.width + 1)
            checked.visible = false
            list.visible = true
        }

        function test_keyboardMovesAndOpens() {
            list.forceActiveFocus()
            tryCompare(list.view, "count", 3)
            compare(list.currentIndex, 0)
            keyClick(Qt.Key_Down)
            compare(list.currentIndex, 1)
            keyClick(Qt.Key_Return)
            compare(activated.count, 1)
            compare(activated.signalArguments[0][0], 1)
            keyClick(Qt.Key_Up)
            compare(list.currentIndex, 0)
        }

        function test_amountsAreNeverCut() {
            tryCompare(list.view, "count", 3)
            wait(50)
            const amounts = labels(list.view, []).filter(l => l.text.indexOf("ETH") >= 0)
            verify(amounts.length > 0)
            for (const l of amounts) {
                compare(l.elide, Text.ElideNone)
                verify(l.implicitWidth <= l.width + 0.5, "the amount column grew to " + l.width + " for " + l.implicitWidth)
            }
        }
    }
}
