pragma Singleton
import QtQuick

// Finished writes, posted by any page; the shell shows them and follows their link
// (e.g. {page: "transaction", id: "42"} opens the transaction a revert made).
QtObject {
    signal posted(string text, string linkText, var target)
    function post(text, linkText, target) {
        posted(text, linkText || "", target || null)
    }
}
