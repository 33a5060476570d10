import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// The window: navigation by service on the left (full height), the stack's bar and the current
// page on the right, one transaction drawer, Ctrl+K, and the toast for finished writes. The
// command line's --page (and the screenshots) are handled here and nowhere in the pages.
// Not ComponentBehavior: Bound: Qt 6.4 cannot create a bound component in a Loader (the pages'
// PageSlots); so the pages' components name nothing of this file, their inputs and signals are
// wired from outside them (PageSlot.ledger, Binding, Connections).
ApplicationWindow {
    id: window
    // From main.cpp: --page, --theme; with --screenshot nothing is remembered or restored.
    property string initialPage: ""
    property string theme: "system"
    property bool restoreState: true
    property string currentLedger: ""
    // Set once the window is complete (Component.onCompleted), so that start-up creates only the
    // page it opens on.
    property string page: ""
    width: 1280
    height: 800
    minimumWidth: 960
    minimumHeight: 600
    visible: true
    title: Session.connected ? qsTr("%1 — Formance Desk").arg(Session.name) : qsTr("Formance Desk")
    color: Style.window
    font.family: Style.fontFamily
    font.pixelSize: Style.fontBody

    SystemPalette { id: systemPalette }
    Binding { target: Style; property: "compact"; value: window.width < 1100 }
    // The one palette, from Style, for every control.
    palette {
        window: Style.window
        windowText: Style.text
        base: Style.surface
        alternateBase: Style.surfaceAlt
        text: Style.text
        button: Style.surfaceAlt
        buttonText: Style.text
        highlight: Style.accent
        highlightedText: Style.accentText
        placeholderText: Style.placeholder
        light: Style.surface
        midlight: Style.surfaceAlt
        mid: Style.border
        dark: Style.borderStrong
        shadow: "#000000"
        toolTipBase: Style.surface
        toolTipText: Style.text
        link: Style.accent
        brightText: Style.accentText
        disabled.windowText: Style.textDisabled
        disabled.text: Style.textDisabled
        disabled.buttonText: Style.textDisabled
    }

    // key, title, service (as getVersions names it, "" for none), whether it needs a ledger.
    readonly property var pages: [
        // Stack
        { key: "connections", title: qsTr("Connections"), group: qsTr("Stack"), service: "", needsLedger: false, icon: Style.icons.connections },
        // Overview and inbox (overview/)
        { key: "overview", title: qsTr("Overview"), group: qsTr("Stack"), service: "", needsLedger: false, icon: Style.icons.overview },
        { key: "inbox", title: qsTr("Inbox"), group: qsTr("Stack"), service: "", needsLedger: false, icon: Style.icons.inbox },
        // Ledger (ledger/)
        { key: "ledgers", title: qsTr("Ledgers"), group: qsTr("Ledger"), service: "ledger", needsLedger: false, icon: Style.icons.ledgers },
        { key: "transactions", title: qsTr("Transactions"), group: qsTr("Ledger"), service: "ledger", needsLedger: true, icon: Style.icons.transactions },
        { key: "accounts", title: qsTr("Accounts"), group: qsTr("Ledger"), service: "ledger", needsLedger: true, icon: Style.icons.accounts },
        { key: "balances", title: qsTr("Balances"), group: qsTr("Ledger"), service: "ledger", needsLedger: true, icon: Style.icons.balances },
        { key: "logs", title: qsTr("Logs"), group: qsTr("Ledger"), service: "ledger", needsLedger: true, icon: Style.icons.logs },
        { key: "new-transaction", title: qsTr("New transaction"), group: qsTr("Ledger"), service: "ledger", needsLedger: true, icon: Style.icons.newTransaction },
        { key: "numscript", title: qsTr("Numscript"), group: qsTr("Ledger"), service: "ledger", needsLedger: true, icon: Style.icons.numscript },
        { key: "bulk", title: qsTr("Bulk"), group: qsTr("Ledger"), service: "ledger", needsLedger: true, icon: Style.icons.bulk },
        { key: "volumes", title: qsTr("Volumes"), group: qsTr("Ledger"), service: "ledger", needsLedger: true, icon: Style.icons.volumes },
        // Wallets (wallets/)
        { key: "wallets", title: qsTr("Wallets"), group: qsTr("Wallets"), service: "wallets", needsLedger: false, icon: Style.icons.wallets },
        // Webhooks (webhooks/)
        { key: "webhooks", title: qsTr("Webhooks"), group: qsTr("Webhooks"), service: "webhooks", needsLedger: false, icon: Style.icons.webhooks },
        // Payments (payments/)
        { key: "connectors", title: qsTr("Connectors"), group: qsTr("Payments"), service: "payments", needsLedger: false, icon: Style.icons.connectors },
        { key: "payments", title: qsTr("Payments"), group: qsTr("Payments"), service: "payments", needsLedger: false, icon: Style.icons.payments },
        { key: "payment-accounts", title: qsTr("Connector accounts"), group: qsTr("Payments"), service: "payments", needsLedger: false, icon: Style.icons.paymentAccounts },
        { key: "bank-accounts", title: qsTr("Bank accounts"), group: qsTr("Payments"), service: "payments", needsLedger: false, icon: Style.icons.bankAccounts },
        { key: "transfers", title: qsTr("Transfers"), group: qsTr("Payments"), service: "payments", needsLedger: false, icon: Style.icons.transfers },
        { key: "pools", title: qsTr("Pools"), group: qsTr("Payments"), service: "payments", needsLedger: false, icon: Style.icons.pools },
        // Flows (flows/)
        { key: "workflows", title: qsTr("Workflows"), group: qsTr("Flows"), service: "orchestration", needsLedger: false, icon: Style.icons.workflows },
        { key: "instances", title: qsTr("Instances"), group: qsTr("Flows"), service: "orchestration", needsLedger: false, icon: Style.icons.instances },
        { key: "workflow-editor", title: qsTr("Workflow editor"), group: qsTr("Flows"), service: "orchestration", needsLedger: false, icon: Style.icons.workflowEditor },
        { key: "triggers", title: qsTr("Triggers"), group: qsTr("Flows"), service: "orchestration", needsLedger: false, icon: Style.icons.triggers },
        // Reconciliation (reconciliation/)
        { key: "reconciliation", title: qsTr("Reconciliation"), group: qsTr("Reconciliation"), service: "reconciliation", needsLedger: false, icon: Style.icons.reconciliation },
        // Auth (auth/)
        { key: "auth-clients", title: qsTr("OAuth clients"), group: qsTr("Auth"), service: "auth", needsLedger: false, icon: Style.icons.authClients },
        { key: "users", title: qsTr("Users"), group: qsTr("Auth"), service: "auth", needsLedger: false, icon: Style.icons.users },
    ]
    // The pages' slots are found by their objectName (the page's key), not by their order; a page
    // is created the first time it is shown: start-up builds one page, not all 27.
    function slot(key: string): PageSlot {
        for (let i = 0; i < stack.children.length; ++i)
            if (stack.children[i].objectName === key)
                return stack.children[i] as PageSlot
        return null
    }
    readonly property PageSlot currentSlot: slot(page)
    readonly property Item currentPage: currentSlot && currentSlot.item ? currentSlot.item as Item : null
    readonly property int pageIndex: {
        for (let i = 0; i < stack.children.length; ++i)
            if (stack.children[i] === currentSlot)
                return i
        return -1
    }
    onCurrentSlotChanged: if (currentSlot) currentSlot.activate()
    // The page of `key`, created if it was not shown yet.
    function pageItem(key: string): Item {
        const found = slot(key)
        return found ? found.activate() : null
    }

    function show(key) {
        if (pages.findIndex(p => p.key === key) < 0)
            return false
        page = key
        return true
    }
    function openTransaction(id) {
        transactionDrawer.show(id)
    }
    function openInstance(id) {
        page = "instances"
        (pageItem("instances") as InstancesPage).openInstance(id)
    }
    function follow(target) {
        if (!target)
            return
        if (target.page === "transaction")
            openTransaction(target.id)
        else if (!show(target.page) && detailPages[target.page] !== undefined)
            show(detailPages[target.page]) // a row's detail (a webhook): its list
    }

    // --page: the page, or a page with its first (or a chosen) row's detail open.
    readonly property var detailPages: ({
        // Ledger
        "transaction": "transactions",
        "revert": "transactions",
        "account": "accounts",
        // Wallets
        "wallet": "wallets",
        "wallet-new": "wallets",
        "wallet-credit": "wallets",
        // Webhooks
        "webhook": "webhooks",
        // Payments
        "connector": "connectors",
        "connector-install": "connectors",
        "payment": "payments",
        // Flows
        "workflow": "workflows",
        "instance": "instances",
        "trigger": "triggers",
        // Operations
    })
    property bool detailPending: false
    function openInitialDetail() {
        const item = currentPage
        if (!detailPending || !item || item.rowCount === undefined || item.rowCount === 0 || item.loading)
            return
        detailPending = false
        // Payments: --page connector-install opens the install form of the demo's DUMMY-PAY.
        if (initialPage === "connector-install") {
            item.openInstall("DUMMY-PAY")
            return
        }
        // The demo's wallet "chloe" has a named balance and a partly confirmed hold.
        // Wallets: the new-wallet dialog over the list; the credit dialog over chloe's drawer.
        if (initialPage === "wallet-new") {
            item.askNewWallet()
            return
        }
        const row = initialPage === "wallet" || initialPage === "wallet-credit" ? Math.max(0, item.findRow("name", "chloe"))
                  : initialPage === "account" ? Math.min(item.rowCount - 1, 20)
                  // The demo's payout workflow has a send, a wait and an update; its instance waits.
                  : initialPage === "workflow" ? Math.max(0, item.findRow("name", "Approved merchant payout"))
                  : initialPage === "instance" ? Math.max(0, item.findRow("status", "waiting")) : 0
        item.openRow(row)
        // --page revert: the revert confirmation over the newest transaction.
        if (initialPage === "revert")
            transactionDrawer.askRevert()
        if (initialPage === "wallet-credit")
            item.askCredit()
    }

    Component.onCompleted: {
        Style.dark = theme === "dark" || (theme === "system" && systemPalette.window.hslLightness < 0.5)
        if (restoreState) {
            const g = WindowSettings.geometry
            if (g.width > 0 && g.height > 0) {
                x = g.x; y = g.y; width = g.width; height = g.height
            }
            if (WindowSettings.lastLedger !== "")
                currentLedger = WindowSettings.lastLedger
        }
        const wanted = initialPage !== "" ? initialPage : restoreState ? WindowSettings.lastPage : ""
        const key = detailPages[wanted] !== undefined ? detailPages[wanted] : wanted
        detailPending = detailPages[wanted] !== undefined
        if (key !== "" && !show(key))
            console.warn("unknown page", wanted)
        if (page === "")
            page = "connections"
        initialShown = true
    }
    property bool initialShown: false
    onPageChanged: if (restoreState && initialShown) WindowSettings.lastPage = page
    onCurrentLedgerChanged: if (restoreState) WindowSettings.lastLedger = currentLedger
    onClosing: if (restoreState) WindowSettings.geometry = Qt.rect(x, y, width, height)

    Connections {
        target: Session
        function onClientChanged() {
            // Connecting from the Connections page goes to the overview; a --page stays.
            if (Session.connected && window.page === "connections" && window.initialPage === "")
                window.page = "overview"
        }
    }
    Connections {
        target: Notifications
        function onPosted(text, linkText, target) { toast.show(text, linkText, target) }
    }
    Connections {
        target: window.currentPage
        ignoreUnknownSignals: true
        function onRowCountChanged() { window.openInitialDetail() }
        function onLoadingChanged() { window.openInitialDetail() }
    }

    Shortcut {
        sequence: "Ctrl+K"
        onActivated: commandPalette.open()
    }
    Shortcut {
        sequence: "F5"
        onActivated: {
            const item = window.currentPage
            if (item && item.refresh)
                item.refresh()
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Navigation {
            id: navigation
            Layout.fillHeight: true
            Layout.preferredWidth: Style.sidebarWidth
            pages: window.pages
            // Overview and inbox (overview/): the inbox's count on its entry.
            badges: ({ inbox: inboxModel.count })
            current: window.page
            ledger: window.currentLedger
            onActivated: key => window.page = key
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            StatusBar {
                Layout.fillWidth: true
                onPaletteRequested: commandPalette.open()
            }

            StackLayout {
                id: stack
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: window.pageIndex

                PageSlot { objectName: "connections"; sourceComponent: ConnectionsPage {} }
                PageSlot {
                    id: ledgersSlot
                    objectName: "ledgers"
                    sourceComponent: LedgersPage {}
                    Binding { target: ledgersSlot.item; property: "currentLedger"; value: window.currentLedger }
                    Connections {
                        target: ledgersSlot.item
                        function onLedgerSelected(name) { window.currentLedger = name }
                        function onLedgerOpened(name) {
                            window.currentLedger = name
                            window.page = "transactions"
                        }
                    }
                }
                PageSlot {
                    id: transactionsSlot
                    objectName: "transactions"
                    takesLedger: true
                    ledger: window.currentLedger
                    sourceComponent: TransactionsPage {}
                    Connections {
                        target: transactionsSlot.item
                        function onTransactionActivated(id) { window.openTransaction(id) }
                    }
                }
                PageSlot {
                    id: accountsSlot
                    objectName: "accounts"
                    takesLedger: true
                    ledger: window.currentLedger
                    sourceComponent: AccountsPage {}
                    Connections {
                        target: accountsSlot.item
                        function onTransactionActivated(id) { window.openTransaction(id) }
                    }
                }
                PageSlot { objectName: "balances"; takesLedger: true; ledger: window.currentLedger; sourceComponent: BalancesPage {} }
                PageSlot { objectName: "logs"; takesLedger: true; ledger: window.currentLedger; sourceComponent: LogsPage {} }
                PageSlot { objectName: "new-transaction"; takesLedger: true; ledger: window.currentLedger; sourceComponent: NewTransactionPage {} }
                PageSlot { objectName: "numscript"; takesLedger: true; ledger: window.currentLedger; sourceComponent: NumscriptPage {} }
                PageSlot { objectName: "bulk"; takesLedger: true; ledger: window.currentLedger; sourceComponent: BulkPage {} }
                PageSlot { objectName: "volumes"; takesLedger: true; ledger: window.currentLedger; sourceComponent: VolumesPage {} }
                PageSlot { objectName: "wallets"; sourceComponent: WalletsPage {} }
                PageSlot { objectName: "webhooks"; sourceComponent: WebhooksPage {} }
                // Overview pages (objectName: the page's key)
                PageSlot {
                    id: overviewSlot
                    objectName: "overview"
                    sourceComponent: OverviewPage {}
                    Binding { target: overviewSlot.item; property: "inbox"; value: inboxModel }
                    Connections {
                        target: overviewSlot.item
                        function onOpened(key) { window.show(key) }
                        function onLedgerOpened(name) {
                            window.currentLedger = name
                            window.page = "transactions"
                        }
                        function onTransactionOpened(ledger, id) {
                            window.currentLedger = ledger
                            window.openTransaction(id)
                        }
                    }
                }
                PageSlot {
                    id: inboxSlot
                    objectName: "inbox"
                    sourceComponent: InboxPage {}
                    Binding { target: inboxSlot.item; property: "inbox"; value: inboxModel }
                    Connections {
                        target: inboxSlot.item
                        function onItemOpened(key, id) { window.follow({ page: key, id: id }) }
                    }
                }
                // Payments pages
                PageSlot { objectName: "connectors"; sourceComponent: ConnectorsPage {} }
                PageSlot {
                    id: paymentsSlot
                    objectName: "payments"
                    takesLedger: true
                    ledger: window.currentLedger
                    sourceComponent: PaymentsPage {}
                    Connections {
                        target: paymentsSlot.item
                        function onTransactionActivated(id) { window.openTransaction(id) }
                    }
                }
                PageSlot { objectName: "payment-accounts"; sourceComponent: PaymentAccountsPage {} }
                PageSlot { objectName: "bank-accounts"; sourceComponent: BankAccountsPage {} }
                PageSlot { objectName: "transfers"; sourceComponent: TransfersPage {} }
                PageSlot { objectName: "pools"; sourceComponent: PoolsPage {} }
                // Flows pages
                PageSlot {
                    id: workflowsSlot
                    objectName: "workflows"
                    sourceComponent: WorkflowsPage {}
                    Connections {
                        target: workflowsSlot.item
                        function onEditRequested(text) {
                            (window.pageItem("workflow-editor") as WorkflowEditorPage).edit(text)
                            window.page = "workflow-editor"
                        }
                        function onInstanceRequested(id) { window.openInstance(id) }
                    }
                }
                PageSlot { objectName: "instances"; sourceComponent: InstancesPage {} }
                PageSlot {
                    id: workflowEditorSlot
                    objectName: "workflow-editor"
                    sourceComponent: WorkflowEditorPage {}
                    Connections {
                        target: workflowEditorSlot.item
                        function onInstanceRequested(id) { window.openInstance(id) }
                    }
                }
                PageSlot {
                    id: triggersSlot
                    objectName: "triggers"
                    sourceComponent: TriggersPage {}
                    Connections {
                        target: triggersSlot.item
                        function onInstanceRequested(id) { window.openInstance(id) }
                    }
                }
                // Reconciliation and auth pages
                PageSlot { objectName: "reconciliation"; sourceComponent: ReconciliationPage {} }
                PageSlot { objectName: "auth-clients"; sourceComponent: AuthClientsPage {} }
                PageSlot { objectName: "users"; sourceComponent: UsersPage {} }
            }
        }
    }

    // A ledger to work in from the start, whichever page opens first (pages are created when first
    // shown: the Ledgers page may never be): the stack's first ledger when none is chosen or
    // remembered. One small page of names.
    LedgersModel {
        id: firstLedger
        session: Session
        pageSize: 1
        onCountChanged: if (count > 0 && window.currentLedger === "") window.currentLedger = nameAt(0)
    }

    // Overview and inbox (overview/): one inbox for the navigation's count and the pages, refreshed
    // in the background only while the window shows (not hidden, not minimized).
    InboxModel {
        id: inboxModel
        session: Session
        active: window.visible && window.visibility !== Window.Minimized && window.visibility !== Window.Hidden
    }

    TransactionDetailDrawer {
        id: transactionDrawer
        ledger: window.currentLedger
        width: Math.min(window.width * 0.6, 760)
    }

    Notification {
        id: toast
        x: window.width - width - Style.spaceXl
        y: window.height - height - Style.spaceXl
        onFollowed: target => window.follow(target)
    }

    // Ctrl+K reaches every screen and the window-wide actions.
    readonly property var actions: [
        { key: "action:demo", title: qsTr("Open the demo stack") },
        { key: "action:disconnect", title: qsTr("Disconnect") }
    ]
    CommandPalette {
        id: commandPalette
        pages: window.pages.filter(p => p.service === "" || Session.hasService(p.service)).concat(window.actions)
        onChosen: key => {
            if (key === "action:demo")
                Session.startDemo()
            else if (key === "action:disconnect") {
                Session.disconnectFromStack()
                window.page = "connections"
            } else
                window.page = key
        }
        // Overview and inbox (overview/): a stack search result opens its screen.
        onResultChosen: result => window.openResult(result)
    }
    function openResult(result) {
        if (result.ledger !== "" && result.kind !== "wallet" && result.kind !== "payment")
            currentLedger = result.ledger
        if (result.page === "transaction")
            openTransaction(result.id)
        else if (result.page === "account")
            show("accounts")
        else if (result.page === "wallet") {
            show("wallets")
            const item = currentPage
            const row = item && item.findRow ? item.findRow("walletId", result.id) : -1
            if (row >= 0)
                item.openRow(row)
        } else if (result.page === "payment")
            follow({ page: "payments", id: result.id })
        else
            show(result.page)
    }
}
