import QtQuick

// One page of the window's stack, created the first time it is shown and kept afterwards, so that
// start-up builds only the page it opens on (all of them took 1.5 s) and a page keeps its state
// (filters, scroll, open drawer) when the operator comes back to it.
Loader {
    active: false
    // Shown: create the page now (synchronously: the caller may use it at once).
    function activate() {
        active = true
        return item
    }
}
