import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

ApplicationWindow {
    id: window
    property string initialPage: ""
    property bool darkTheme: false // --theme dark; otherwise the platform palette applies
    property string currentLedger: ""
    width: 1280
    height: 800
    visible: true
    title: Session.connected ? qsTr("%1 — Formance Desk").arg(Session.name) : qsTr("Formance Desk")

    readonly property var pages: [
        { key: "connections", title: qsTr("Connections"), needsLedger: false },
        { key: "ledgers", title: qsTr("Ledgers"), needsLedger: false },
        { key: "transactions", title: qsTr("Transactions"), needsLedger: true },
        { key: "accounts", title: qsTr("Accounts"), needsLedger: true },
        { key: "balances", title: qsTr("Balances"), needsLedger: true },
        { key: "logs", title: qsTr("Logs"), needsLedger: true },
        { key: "new-transaction", title: qsTr("New transaction"), needsLedger: true },
        { key: "wallets", title: qsTr("Wallets"), needsLedger: false },
        { key: "webhooks", title: qsTr("Webhooks"), needsLedger: false }
    ]
    property string page: "connections"

    function show(key) {
        for (let i = 0; i < pages.length; ++i)
            if (pages[i].key === key) {
                page = key
                return true
            }
        return false
    }
    function openTransaction(id) {
        detail.open(id)
    }

    Component.onCompleted: {
        if (darkTheme) {
            // Qt Quick Controls 6.4 do not follow QApplication::setPalette: set it on the window.
            palette.window = "#25282e"
            palette.windowText = "#e6e8eb"
            palette.base = "#1b1d22"
            palette.alternateBase = "#2b2f36"
            palette.text = "#e6e8eb"
            palette.button = "#30343c"
            palette.buttonText = "#e6e8eb"
            palette.highlight = "#3d8bd9"
            palette.highlightedText = "#ffffff"
            palette.placeholderText = "#8a8f98"
            palette.light = "#3a3f48"
            palette.midlight = "#33373f"
            palette.mid = "#1f2227"
            palette.dark = "#191b1f"
            palette.shadow = "#000000"
            palette.toolTipBase = "#1b1d22"
            palette.toolTipText = "#e6e8eb"
            palette.disabled.windowText = "#6c7179"
            palette.disabled.text = "#6c7179"
            palette.disabled.buttonText = "#6c7179"
        }
        // "transaction" opens the newest transaction's detail over the transactions page ("account",
        // "wallet", "webhook" likewise).
        const key = initialPage === "transaction" ? "transactions" : initialPage === "account" ? "accounts"
                  : initialPage === "wallet" ? "wallets" : initialPage === "webhook" ? "webhooks" : initialPage
        if (key !== "" && !show(key))
            console.warn("unknown page", initialPage)
    }
    Connections {
        target: Session
        function onClientChanged() {
            if (Session.connected && window.page === "connections")
                window.page = "ledgers"
        }
    }

    Shortcut {
        sequence: "Ctrl+K"
        onActivated: commandPalette.open()
    }

    header: StatusBar {}

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Navigation {
            Layout.fillHeight: true
            Layout.preferredWidth: 200
            pages: window.pages
            current: window.page
            ledger: window.currentLedger
            onActivated: key => window.page = key
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: window.pages.findIndex(p => p.key === window.page)

            ConnectionsPage {}
            LedgersPage {
                onLedgerPreselected: name => window.currentLedger = name
                onLedgerChosen: name => {
                    window.currentLedger = name
                    window.page = "transactions"
                }
            }
            TransactionsPage {
                ledger: window.currentLedger
                onTransactionChosen: id => window.openTransaction(id)
                onFirstRowLoaded: id => {
                    if (window.initialPage === "transaction" && !detail.visible)
                        window.openTransaction(id)
                }
            }
            AccountsPage { ledger: window.currentLedger }
            BalancesPage { ledger: window.currentLedger }
            LogsPage { ledger: window.currentLedger }
            NewTransactionPage {
                ledger: window.currentLedger
                onCommitted: id => window.openTransaction(id)
            }
            WalletsPage {}
            WebhooksPage {}
        }
    }

    TransactionDetailDrawer {
        id: detail
        ledger: window.currentLedger
        width: Math.min(window.width * 0.55, 720)
        height: window.height
    }

    // Ctrl+K reaches every screen and the window-wide actions.
    readonly property var actions: [
        { key: "action:demo", title: qsTr("Open the demo stack") },
        { key: "action:disconnect", title: qsTr("Disconnect") }
    ]
    CommandPalette {
        id: commandPalette
        pages: window.pages.concat(window.actions)
        onChosen: key => {
            if (key === "action:demo")
                Session.startDemo()
            else if (key === "action:disconnect") {
                Session.disconnectFromStack()
                window.page = "connections"
            } else
                window.page = key
        }
    }
}
