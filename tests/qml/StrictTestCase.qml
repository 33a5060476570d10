import QtTest

// A TestCase that fails a test function on any warning printed while it runs (a binding loop, a
// TypeError, an unresolved type …): QTest's failOnWarning, armed before every function.
TestCase {
    function init() {
        failOnWarning(/.*/)
    }
}
