import QtQuick
import QtQuick.Controls
import QtTest
import Formance.Desk

// The inbox's count on its navigation entry: shown when there is something, hidden at 0, capped
// at 99+, and read out by a screen reader.
Item {
    width: 300
    height: 600

    Navigation {
        id: nav
        anchors.fill: parent
        pages: [
            { key: "overview", title: "Overview", group: "Stack", service: "", needsLedger: false, icon: "" },
            { key: "inbox", title: "Inbox", group: "Stack", service: "", needsLedger: false, icon: "" }
        ]
        current: "overview"
        ledger: ""
        badges: ({ inbox: 3 })
    }

    StrictTestCase {
        name: "NavigationBadge"
        when: windowShown

        function badge() {
            return findChild(nav, "badge-inbox")
        }
        function test_countShowsOnTheInbox() {
            tryVerify(() => badge() !== null)
            verify(badge().visible)
            compare(badge().count, 3)
            verify(findChild(nav, "badge-overview") !== null)
            verify(!findChild(nav, "badge-overview").visible)
            nav.badges = { inbox: 0 }
            verify(!badge().visible)
            nav.badges = { inbox: 250 }
            verify(badge().visible)
            compare(badge().children[0].text, "99+")
        }
    }
}
