import QtQuick
import QtQuick.Controls
import QtTest
import Formance.Desk

// Defect 11: the transactions filters apply as you type (no Return needed), and the count says
// "1 transaction", not "1 transactions". On the in-process demo stack (its first deposit's
// reference is unique).
Item {
    id: root
    width: 1280
    height: 800

    Component {
        id: pageComponent
        TransactionsPage { anchors.fill: parent; ledger: "demo-retail" }
    }

    StrictTestCase {
        name: "Filters"
        when: windowShown

        function find(item, test) {
            if (test(item))
                return item
            const kids = item.children || []
            for (let i = 0; i < kids.length; ++i) {
                const found = find(kids[i], test)
                if (found)
                    return found
            }
            if (item.contentItem && item.contentItem !== item)
                return find(item.contentItem, test)
            return null
        }

        function test_filtersApplyAsYouTypeAndCountIsSingular() {
            if (!Session.connected) {
                Session.startDemo()
                tryCompare(Session, "connected", true, 120000)
            }
            const page = createTemporaryObject(pageComponent, root)
            verify(page)
            const list = findChild(page, "transactionsList")
            verify(list)
            tryVerify(() => !page.loading && page.rowCount > 1, 60000)

            const reference = find(page, i => i instanceof TextField && i.placeholderText === qsTr("Reference"))
            verify(reference, "the Reference filter")
            reference.forceActiveFocus()
            for (const c of "dep-demo-retail-0")
                keyClick(c)
            // No Return: the filter applies itself once typing stops.
            tryVerify(() => !page.loading && page.rowCount === 1, 20000, "one transaction has this reference")
            compare(list.countText, "1 transaction")
        }
    }
}
