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

    // An exact amount's text ("-1234567.89 USD") with its digits grouped and its decimal point
    // written as the locale does ("-1 234 567,89 USD" in French). String work only: every digit
    // stays, nothing goes through a Number. The C locale (and anything not a number) is left as is.
    function localAmount(text) {
        const locale = Qt.locale()
        const m = /^(-?)(\d+)(?:\.(\d+))?([^]*)$/.exec(text)
        if (!m || locale.name === "C")
            return text
        let whole = m[2]
        let grouped = ""
        while (whole.length > 3) {
            grouped = locale.groupSeparator + whole.slice(-3) + grouped
            whole = whole.slice(0, -3)
        }
        return m[1] + whole + grouped + (m[3] !== undefined ? locale.decimalPoint + m[3] : "") + m[4]
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
    readonly property int rowHeight: Math.round(34 * fontScale)
    readonly property int controlHeight: Math.round(32 * fontScale)
    readonly property int sidebarWidth: Math.round((compact ? 184 : 216) * Math.min(fontScale, 1.25))
    readonly property int pagePadding: compact ? spaceL : spaceXl

    // Type
    readonly property string fontFamily: "Inter"
    readonly property string monoFamily: "JetBrains Mono"
    // The scale follows the application font, which main.cpp sizes from the system's (13 px at the
    // design's size; a larger system font or --font-scale grows every size, rows and controls too).
    readonly property real fontScale: Qt.application.font.pixelSize > 0 ? Qt.application.font.pixelSize / 13 : 1
    readonly property int fontCaption: Math.round(11 * fontScale)
    readonly property int fontBody: Math.round(13 * fontScale)
    readonly property int fontLabel: Math.round(12 * fontScale)
    readonly property int fontTitle: Math.round(15 * fontScale)
    readonly property int fontHeading: Math.round(20 * fontScale)
    readonly property int fontDisplay: Math.round(26 * fontScale)

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
