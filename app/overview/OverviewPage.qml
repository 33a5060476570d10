pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// The stack at a glance: services and versions, ledgers with their counts, connectors and their
// health, webhook configs that fail (from the inbox), and the latest transactions and log entries.
Pane {
    id: page
    // The window's inbox (its webhook items are shown here).
    property InboxModel inbox
    signal opened(string key)
    signal ledgerOpened(string name)
    signal transactionOpened(string ledger, string id)
    readonly property bool loading: overview.busy
    readonly property var services: Object.keys(Session.serviceVersions).sort()
    // A plain array first (qmllint 6.4 sees no methods on a QVariantList).
    readonly property var inboxItems: page.inbox ? page.inbox.items : []
    readonly property var failingWebhooks: inboxItems.filter(i => i.kind === "webhook")
    function refresh() { overview.load(); if (page.inbox) page.inbox.refresh() }
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    OverviewController { id: overview; session: Session }

    // A titled panel of the overview.
    component Card: Rectangle {
        id: card
        property string title
        property string note
        default property alias content: cardColumn.data
        color: Style.surface
        border.color: Style.border
        radius: Style.radiusM
        implicitHeight: cardColumn.implicitHeight + 2 * Style.spaceL
        implicitWidth: 320
        ColumnLayout {
            id: cardColumn
            anchors.fill: parent
            anchors.margins: Style.spaceL
            spacing: Style.spaceXs
            RowLayout {
                Layout.fillWidth: true
                Label { text: card.title; font.pixelSize: Style.fontTitle; font.weight: Font.DemiBold; color: Style.text; elide: Text.ElideRight; Layout.fillWidth: true }
                Label { visible: card.note !== ""; text: card.note; color: Style.textMuted; font.pixelSize: Style.fontLabel }
            }
        }
    }
    // Two texts on a line: a name and a value on the right.
    component Line: RowLayout {
        id: line
        property string name
        property string value
        property bool mono: false
        property color valueColor: Style.text
        Layout.fillWidth: true
        spacing: Style.spaceS
        Label { text: line.name; font.family: line.mono ? Style.monoFamily : Style.fontFamily; color: Style.text; elide: Text.ElideRight; Layout.fillWidth: true }
        Label { text: line.value; font.family: Style.monoFamily; color: line.valueColor; elide: Text.ElideLeft; Layout.maximumWidth: 260 }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceM
        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Overview")
            subtitle: Session.connected ? qsTr("%1 at a glance").arg(Session.name) : qsTr("Connect to a stack first.")
            Button {
                text: page.inbox && page.inbox.count > 0 ? qsTr("Inbox (%1)").arg(page.inbox.count) : qsTr("Inbox")
                icon.name: Style.icons.inbox
                onClicked: page.opened("inbox")
            }
            Button { text: qsTr("Refresh"); icon.name: Style.icons.refresh; enabled: Session.connected; onClicked: page.refresh() }
        }
        ErrorBanner { Layout.fillWidth: true; text: overview.error; onRetry: overview.load() }

        ScrollView {
            id: scroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true
            GridLayout {
                width: scroll.availableWidth
                columns: width > 900 ? 3 : 2
                columnSpacing: Style.spaceM
                rowSpacing: Style.spaceM

                Card {
                    title: qsTr("Services")
                    note: Style.counted(page.services.length, qsTr("1 service"), qsTr("%1 services"))
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    Repeater {
                        model: page.services
                        delegate: Line { required property string modelData; name: modelData; value: Session.serviceVersions[modelData] || "" }
                    }
                }
                Card {
                    title: qsTr("Ledgers")
                    note: overview.loaded ? qsTr("transactions · accounts") : ""
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    Label { visible: overview.loaded && overview.ledgers.length === 0; text: qsTr("No ledger yet."); color: Style.textMuted }
                    Repeater {
                        model: overview.ledgers
                        delegate: ItemDelegate {
                            id: ledgerRow
                            required property var modelData
                            Layout.fillWidth: true
                            implicitHeight: 28
                            padding: 0
                            Accessible.name: qsTr("Open ledger %1").arg(modelData.name)
                            onClicked: page.ledgerOpened(modelData.name)
                            contentItem: Line {
                                name: ledgerRow.modelData.name
                                mono: true
                                value: qsTr("%1 · %2").arg(ledgerRow.modelData.transactions).arg(ledgerRow.modelData.accounts)
                            }
                        }
                    }
                }
                Card {
                    title: qsTr("Connectors")
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    visible: Session.hasService("payments")
                    Label { visible: overview.loaded && overview.connectors.length === 0; text: qsTr("No connector installed."); color: Style.textMuted }
                    Repeater {
                        model: overview.connectors
                        delegate: ColumnLayout {
                            id: connectorRow
                            required property var modelData
                            Layout.fillWidth: true
                            spacing: 0
                            Line { name: connectorRow.modelData.name !== "" ? connectorRow.modelData.name : connectorRow.modelData.provider; value: connectorRow.modelData.provider; valueColor: Style.textMuted }
                            Label {
                                text: connectorRow.modelData.health
                                color: connectorRow.modelData.ok ? Style.success : Style.danger
                                font.pixelSize: Style.fontLabel
                                wrapMode: Text.Wrap
                                maximumLineCount: 2
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                        }
                    }
                }
                Card {
                    title: qsTr("Failing webhooks")
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    visible: Session.hasService("webhooks")
                    Label {
                        visible: page.failingWebhooks.length === 0
                        text: Session.readOnly ? qsTr("Not tested: a read-only profile sends no test delivery.")
                              : page.inbox && page.inbox.loading ? qsTr("Testing…") : qsTr("Every active webhook delivers.")
                        color: Session.readOnly ? Style.textMuted : Style.success
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Repeater {
                        model: page.failingWebhooks
                        delegate: ColumnLayout {
                            id: hookRow
                            required property var modelData
                            Layout.fillWidth: true
                            spacing: 0
                            Label { text: hookRow.modelData.title; font.family: Style.monoFamily; elide: Text.ElideMiddle; Layout.fillWidth: true }
                            Label { text: hookRow.modelData.detail; color: Style.danger; font.pixelSize: Style.fontLabel; wrapMode: Text.Wrap; Layout.fillWidth: true }
                        }
                    }
                }
                Card {
                    title: qsTr("Latest transactions")
                    Layout.fillWidth: true
                    Layout.columnSpan: 2
                    Layout.alignment: Qt.AlignTop
                    Label { visible: overview.loaded && overview.transactions.length === 0; text: qsTr("No transaction yet."); color: Style.textMuted }
                    Repeater {
                        model: overview.transactions
                        delegate: ItemDelegate {
                            id: txRow
                            required property var modelData
                            Layout.fillWidth: true
                            implicitHeight: 28
                            padding: 0
                            Accessible.name: qsTr("Open transaction %1 of %2").arg(modelData.id).arg(modelData.ledger)
                            onClicked: page.transactionOpened(modelData.ledger, modelData.id)
                            contentItem: RowLayout {
                                spacing: Style.spaceS
                                Label { text: "#" + txRow.modelData.id; font.family: Style.monoFamily; Layout.preferredWidth: 56; elide: Text.ElideRight }
                                Label { text: txRow.modelData.ledger; font.family: Style.monoFamily; color: Style.textMuted; Layout.preferredWidth: 110; elide: Text.ElideRight }
                                Label { text: txRow.modelData.summary; font.family: Style.monoFamily; elide: Text.ElideRight; Layout.fillWidth: true }
                                Label { text: txRow.modelData.reference; color: Style.textMuted; elide: Text.ElideRight; Layout.preferredWidth: 120 }
                                Label { text: txRow.modelData.time; color: Style.textMuted; font.pixelSize: Style.fontLabel; Layout.preferredWidth: 130; elide: Text.ElideRight }
                            }
                        }
                    }
                }
                Card {
                    title: qsTr("Latest log entries")
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    Label { visible: overview.loaded && overview.logs.length === 0; text: qsTr("No log entry yet."); color: Style.textMuted }
                    Repeater {
                        model: overview.logs
                        delegate: RowLayout {
                            id: logRow
                            required property var modelData
                            Layout.fillWidth: true
                            spacing: Style.spaceS
                            Label { text: logRow.modelData.type; font.family: Style.monoFamily; font.pixelSize: Style.fontLabel; elide: Text.ElideRight; Layout.fillWidth: true }
                            Label { text: logRow.modelData.ledger; font.family: Style.monoFamily; font.pixelSize: Style.fontLabel; color: Style.textMuted; elide: Text.ElideRight; Layout.maximumWidth: 110 }
                        }
                    }
                }
            }
        }
    }
}
