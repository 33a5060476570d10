pragma ComponentBehavior: Bound
import QtQuick

// One page of the window's stack, created the first time it is shown and kept afterwards, so that
// start-up builds only the page it opens on (all 27 took 1.5 s) and a page keeps its state
// (filters, scroll, open drawer) when the operator comes back to it. The window gives the page its
// inputs from outside, on `item`: the page's component names no id of the window.
Loader {
    id: slot
    active: false
    // For a page that works in one ledger: the window's current ledger, as the page's `ledger`.
    property bool takesLedger: false
    property string ledger: ""
    Binding {
        when: slot.takesLedger && slot.item !== null
        target: slot.item
        property: "ledger"
        value: slot.ledger
    }
    // Shown: create the page now (synchronously: the caller may use it at once).
    function activate(): Item {
        active = true
        return item as Item
    }
}
