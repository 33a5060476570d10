pragma Singleton
import QtQuick

// The one source of the app's look: colours (light and dark, the stage colours, success, warning,
// danger), spacing, radii, the type scale, fonts and icon names. Nothing else writes a colour.
QtObject {
    // Set once by the shell (--theme, or the desktop's own light/dark).
    property bool dark: false
    // Set by the shell on a narrow window (under 1100 px): less padding, a narrower sidebar.
    property bool compact: false

    // Surfaces
    readonly property color window: dark ? "#1b1e23" : "#f4f5f7"
    readonly property color surface: dark ? "#23272e" : "#ffffff"
    readonly property color surfaceAlt: dark ? "#2a2f37" : "#f7f8fa"
    readonly property color sidebar: dark ? "#16181c" : "#ebedf1"
    readonly property color border: dark ? "#363b44" : "#dde1e6"
    readonly property color borderStrong: dark ? "#4a505b" : "#c3c9d1"
    // Text
    readonly property color text: dark ? "#e7e9ec" : "#1c1f24"
    readonly property color textMuted: dark ? "#9ba1aa" : "#5d6470"
    readonly property color textDisabled: dark ? "#6a707a" : "#a2a8b1"
    readonly property color placeholder: dark ? "#7d838c" : "#8a9099"
    // Accent and selection
    readonly property color accent: dark ? "#5aa1f0" : "#2463d1"
    readonly property color accentText: "#ffffff"
    readonly property color selection: dark ? "#2b4466" : "#dde9fc"
    readonly property color hover: dark ? "#2c323b" : "#eef1f5"
    readonly property color focusRing: dark ? "#7ab6ff" : "#2463d1"
    // Meaning
    readonly property color success: dark ? "#55c27a" : "#1d7f45"
    readonly property color warning: dark ? "#e8aa45" : "#a86400"
    readonly property color danger: dark ? "#f07167" : "#c0392b"
    readonly property color successSurface: dark ? "#1d3325" : "#e6f4ea"
    readonly property color warningSurface: dark ? "#3a2e17" : "#fdf3e1"
    readonly property color dangerSurface: dark ? "#3d2323" : "#fdecea"
    // The stage label, on every window: production is loud on purpose.
    function stageColor(stage) {
        return stage === 2 ? danger : stage === 1 ? warning : success
    }

    // "1 transaction", "2 transactions": English plurals without a translation file.
    function counted(n, one, many) {
        return n === 1 ? one : many.arg(n)
    }

    // Spacing and shape
    readonly property int spaceXs: 4
    readonly property int spaceS: 8
    readonly property int spaceM: 12
    readonly property int spaceL: 16
    readonly property int spaceXl: 24
    readonly property int radiusS: 4
    readonly property int radiusM: 6
    readonly property int radiusL: 10
    readonly property int rowHeight: 34
    readonly property int controlHeight: 32
    readonly property int sidebarWidth: compact ? 184 : 216
    readonly property int pagePadding: compact ? spaceL : spaceXl

    // Type
    readonly property string fontFamily: "Inter"
    readonly property string monoFamily: "JetBrains Mono"
    readonly property int fontCaption: 11
    readonly property int fontBody: 13
    readonly property int fontLabel: 12
    readonly property int fontTitle: 15
    readonly property int fontHeading: 20
    readonly property int fontDisplay: 26

    // Icons (Breeze names, through the QIcon theme)
    readonly property var icons: ({
        connections: "network-connect",
        ledgers: "view-bank",
        transactions: "view-list-details",
        accounts: "system-users",
        balances: "view-statistics",
        logs: "view-history",
        newTransaction: "document-new",
        numscript: "code-context",
        bulk: "document-import",
        volumes: "office-chart-bar",
        wallets: "wallet-open",
        webhooks: "preferences-web-browser-shortcuts",
        // overview/
        overview: "dashboard-show",
        inbox: "mail-folder-inbox",
        // payments/
        connectors: "plugins",
        payments: "view-financial-list",
        paymentAccounts: "view-financial-account-checking",
        bankAccounts: "view-bank-edit",
        transfers: "view-financial-transfer-reconciled",
        pools: "office-chart-pie",
        // flows/
        workflows: "distribute-graph-directed",
        instances: "view-process-tree",
        workflowEditor: "document-edit",
        triggers: "run-build",
        edit: "document-edit",
        // reconciliation/, auth/
        reconciliation: "bqm-diff",
        authClients: "dialog-password",
        users: "group",
        refresh: "view-refresh",
        copy: "edit-copy",
        exportFile: "document-export",
        close: "dialog-close",
        add: "list-add",
        remove: "edit-delete",
        undo: "edit-undo",
        filter: "view-filter",
        open: "go-next",
        pause: "media-playback-pause",
        play: "media-playback-start",
        send: "mail-send",
        warning: "dialog-warning",
        error: "dialog-error",
        success: "emblem-success",
        locked: "object-locked",
        link: "link",
        search: "edit-find"
    })
}
