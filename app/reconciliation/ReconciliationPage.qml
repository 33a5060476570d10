pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// Reconciliation: the policies on the left; the chosen one's runs, a reconcile at chosen dates,
// the chosen run's figures per asset with the drift highlighted, and the ledger and pool accounts
// behind them.
Pane {
    id: page
    readonly property bool loading: recon.busy
    readonly property int rowCount: recon.policies.length
    // Plain arrays (qmllint 6.4 sees no methods on a QVariantList).
    readonly property var policies: recon.policies
    function refresh() { recon.load() }
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    ReconciliationController {
        id: recon
        session: Session
        onPolicyCreated: {
            newPolicy.close()
            Notifications.post(qsTr("Policy created."))
        }
        onPolicyDeleted: {
            deleteDialog.done()
            Notifications.post(qsTr("Policy deleted."))
        }
        onReconciled: (id, ok) => Notifications.post(ok ? qsTr("Reconciled: no drift.") : qsTr("Reconciled: the books drift."))
    }

    // A titled panel.
    component Panel: Rectangle {
        id: panel
        property string title
        default property alias content: panelColumn.data
        color: Style.surface
        border.color: Style.border
        radius: Style.radiusM
        implicitHeight: panelColumn.implicitHeight + 2 * Style.spaceM
        ColumnLayout {
            id: panelColumn
            anchors.fill: parent
            anchors.margins: Style.spaceM
            spacing: Style.spaceXs
            Label { text: panel.title; font.weight: Font.DemiBold; color: Style.text; elide: Text.ElideRight; Layout.fillWidth: true }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceM
        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Reconciliation")
            subtitle: qsTr("The ledger's books against the payments pools")
            Button { text: qsTr("New policy…"); icon.name: Style.icons.add; enabled: Session.connected && !Session.readOnly; onClicked: newPolicy.ask() }
            Button { text: qsTr("Refresh"); icon.name: Style.icons.refresh; enabled: Session.connected; onClicked: recon.load() }
        }
        ErrorBanner { Layout.fillWidth: true; text: deleteDialog.visible ? "" : recon.error; onRetry: recon.load() }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Style.spaceM

            Rectangle {
                Layout.preferredWidth: Style.compact ? 230 : 280
                Layout.fillHeight: true
                color: Style.surface
                border.color: Style.border
                radius: Style.radiusM
                ListView {
                    id: policyList
                    objectName: "policies"
                    anchors.fill: parent
                    anchors.margins: 1
                    clip: true
                    model: recon.policies
                    activeFocusOnTab: true
                    delegate: ItemDelegate {
                        id: policyRow
                        required property var modelData
                        width: ListView.view.width
                        highlighted: recon.policyId === modelData.id
                        // The chosen row reads dark on its light selection, as the lists do.
                        palette.highlightedText: Style.text
                        background: Rectangle { color: policyRow.highlighted ? Style.selection : policyRow.hovered ? Style.hover : "transparent" }
                        Accessible.name: qsTr("Policy %1").arg(modelData.name)
                        onClicked: recon.selectPolicy(modelData.id)
                        contentItem: ColumnLayout {
                            spacing: 0
                            Label { text: policyRow.modelData.name; font.weight: Font.DemiBold; elide: Text.ElideRight; Layout.fillWidth: true }
                            Label { text: qsTr("%1 ↔ %2").arg(policyRow.modelData.ledger).arg(policyRow.modelData.poolName); color: Style.textMuted; font.pixelSize: Style.fontLabel; elide: Text.ElideRight; Layout.fillWidth: true }
                        }
                    }
                }
                EmptyState {
                    anchors.centerIn: parent
                    width: parent.width - 2 * Style.spaceL
                    visible: recon.loaded && recon.policies.length === 0
                    title: qsTr("No policy yet.")
                    hint: qsTr("A policy compares a ledger query with a payments pool.")
                }
            }

            ScrollView {
                id: scroll
                Layout.fillWidth: true
                Layout.fillHeight: true
                contentWidth: availableWidth
                clip: true
                ColumnLayout {
                    width: scroll.availableWidth
                    spacing: Style.spaceM
                    visible: recon.policyId !== ""

                    Panel {
                        Layout.fillWidth: true
                        title: recon.policyName
                        Label {
                            readonly property var p: page.policies.find(x => x.id === recon.policyId) || ({})
                            text: qsTr("Ledger %1 · pool %2 · query %3").arg(p.ledger || "").arg(p.poolName || "").arg(p.query || "")
                            font.family: Style.monoFamily
                            font.pixelSize: Style.fontLabel
                            color: Style.textMuted
                            wrapMode: Text.WrapAnywhere
                            Layout.fillWidth: true
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Style.spaceS
                            FormField { id: atLedger; objectName: "atLedger"; Layout.fillWidth: true; label: qsTr("Ledger at"); mono: true; placeholderText: qsTr("now"); error: recon.dateProblem(text) }
                            FormField { id: atPayments; objectName: "atPayments"; Layout.fillWidth: true; label: qsTr("Payments at"); mono: true; placeholderText: qsTr("now"); error: recon.dateProblem(text) }
                            Button { objectName: "reconcileButton"; text: qsTr("Reconcile"); highlighted: true; Layout.alignment: Qt.AlignBottom; enabled: !Session.readOnly && !recon.busy; onClicked: recon.reconcile(atLedger.text, atPayments.text) }
                            Button { text: qsTr("Delete…"); icon.name: Style.icons.remove; Layout.alignment: Qt.AlignBottom; enabled: !Session.readOnly && !recon.busy; onClicked: { recon.clearError(); deleteDialog.ask() } }
                        }
                        Label { visible: recon.formError !== "" && !newPolicy.visible; text: recon.formError; color: Style.danger; wrapMode: Text.Wrap; Layout.fillWidth: true }
                        Label { visible: Session.readOnly; text: qsTr("This profile is read-only: no reconciliation can be run or policy changed."); color: Style.textMuted; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    }

                    Panel {
                        Layout.fillWidth: true
                        title: qsTr("Runs")
                        Label { visible: recon.runs.length === 0; text: qsTr("Not reconciled yet."); color: Style.textMuted }
                        Repeater {
                            model: recon.runs
                            delegate: ItemDelegate {
                                id: runRow
                                required property var modelData
                                Layout.fillWidth: true
                                implicitHeight: 30
                                highlighted: recon.runId === modelData.id
                                palette.highlightedText: Style.text
                                background: Rectangle { radius: Style.radiusS; color: runRow.highlighted ? Style.selection : runRow.hovered ? Style.hover : "transparent" }
                                Accessible.name: qsTr("Run of %1").arg(modelData.createdAt)
                                onClicked: recon.selectRun(modelData.id)
                                contentItem: RowLayout {
                                    spacing: Style.spaceS
                                    Label { text: runRow.modelData.ok ? qsTr("OK") : qsTr("Drift"); font.weight: Font.DemiBold; color: runRow.modelData.ok ? Style.success : Style.danger; Layout.preferredWidth: 48 }
                                    Label { text: runRow.modelData.createdAt; color: Style.textMuted; Layout.preferredWidth: 140; elide: Text.ElideRight }
                                    Label { text: runRow.modelData.driftText; font.family: Style.monoFamily; elide: Text.ElideRight; Layout.fillWidth: true }
                                }
                            }
                        }
                    }

                    Panel {
                        Layout.fillWidth: true
                        visible: recon.runId !== ""
                        title: qsTr("Figures per asset")
                        GridLayout {
                            columns: 4
                            columnSpacing: Style.spaceXl
                            rowSpacing: 2
                            Layout.fillWidth: true
                            Label { text: qsTr("Asset"); color: Style.textMuted; font.pixelSize: Style.fontLabel }
                            Label { text: qsTr("Ledger"); color: Style.textMuted; font.pixelSize: Style.fontLabel; Layout.alignment: Qt.AlignRight }
                            Label { text: qsTr("Payments"); color: Style.textMuted; font.pixelSize: Style.fontLabel; Layout.alignment: Qt.AlignRight }
                            Label { text: qsTr("Drift"); color: Style.textMuted; font.pixelSize: Style.fontLabel; Layout.alignment: Qt.AlignRight }
                            Repeater {
                                model: recon.figures
                                delegate: Label { required property var modelData; required property int index; Layout.row: index + 1; Layout.column: 0; text: modelData.asset; font.family: Style.monoFamily; font.weight: Font.DemiBold }
                            }
                            Repeater {
                                model: recon.figures
                                delegate: AmountText { required property var modelData; required property int index; Layout.row: index + 1; Layout.column: 1; Layout.fillWidth: true; amount: modelData.ledger }
                            }
                            Repeater {
                                model: recon.figures
                                delegate: AmountText { required property var modelData; required property int index; Layout.row: index + 1; Layout.column: 2; Layout.fillWidth: true; amount: modelData.payments }
                            }
                            Repeater {
                                model: recon.figures
                                delegate: Rectangle {
                                    id: driftCell
                                    required property var modelData
                                    required property int index
                                    Layout.row: index + 1
                                    Layout.column: 3
                                    Layout.fillWidth: true
                                    implicitHeight: driftText.implicitHeight + 4
                                    implicitWidth: driftText.implicitWidth + 2 * Style.spaceS
                                    radius: Style.radiusS
                                    color: modelData.drifted ? Style.dangerSurface : "transparent"
                                    AmountText {
                                        id: driftText
                                        anchors.fill: parent
                                        anchors.rightMargin: Style.spaceS
                                        verticalAlignment: Text.AlignVCenter
                                        amount: driftCell.modelData.drift
                                        negative: false
                                        color: driftCell.modelData.drifted ? Style.danger : Style.success
                                        font.weight: driftCell.modelData.drifted ? Font.DemiBold : Font.Normal
                                    }
                                }
                            }
                        }
                        Label { visible: recon.runError !== ""; text: recon.runError; color: Style.danger; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    }

                    RowLayout {
                        Layout.fillWidth: true
                        visible: recon.runId !== ""
                        spacing: Style.spaceM
                        Panel {
                            Layout.fillWidth: true
                            Layout.alignment: Qt.AlignTop
                            title: qsTr("Ledger accounts")
                            Label { visible: recon.ledgerAccounts.length === 0; text: recon.busy ? qsTr("Loading…") : qsTr("None selected by the query."); color: Style.textMuted }
                            Repeater {
                                model: recon.ledgerAccounts
                                delegate: ColumnLayout {
                                    id: ledgerAccount
                                    required property var modelData
                                    Layout.fillWidth: true
                                    spacing: 0
                                    Label { text: ledgerAccount.modelData.name; font.family: Style.monoFamily; elide: Text.ElideMiddle; Layout.fillWidth: true }
                                    Label { text: ledgerAccount.modelData.balances; font.family: Style.monoFamily; font.pixelSize: Style.fontLabel; color: Style.textMuted; wrapMode: Text.WrapAnywhere; Layout.fillWidth: true }
                                }
                            }
                        }
                        Panel {
                            Layout.fillWidth: true
                            Layout.alignment: Qt.AlignTop
                            title: qsTr("Pool accounts")
                            Label { visible: recon.poolAccounts.length === 0; text: recon.busy ? qsTr("Loading…") : qsTr("The pool has no account."); color: Style.textMuted }
                            Repeater {
                                model: recon.poolAccounts
                                delegate: ColumnLayout {
                                    id: poolAccount
                                    required property var modelData
                                    Layout.fillWidth: true
                                    spacing: 0
                                    Label { text: poolAccount.modelData.name; font.family: Style.monoFamily; elide: Text.ElideMiddle; Layout.fillWidth: true }
                                    Label { text: poolAccount.modelData.balances; font.family: Style.monoFamily; font.pixelSize: Style.fontLabel; color: Style.textMuted; wrapMode: Text.WrapAnywhere; Layout.fillWidth: true }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    ConfirmDialog {
        id: deleteDialog
        objectName: "deletePolicyDialog"
        parent: Overlay.overlay
        title: qsTr("Delete policy %1?").arg(recon.policyName)
        message: qsTr("Its runs stay readable; no new run can be made.")
        confirmText: qsTr("Delete")
        requiredName: recon.policyName
        busy: recon.busy
        error: recon.error
        onConfirmed: recon.deletePolicy()
    }

    Dialog {
        id: newPolicy
        objectName: "newPolicyDialog"
        parent: Overlay.overlay
        anchors.centerIn: Overlay.overlay
        width: Math.min(560, page.width - 2 * Style.spaceXl)
        modal: true
        padding: Style.spaceL
        title: qsTr("New reconciliation policy")
        function ask() {
            recon.clearError()
            policyName.text = ""
            queryArea.text = "{\"$match\": {\"address\": \"banks:\"}}"
            open()
        }
        ColumnLayout {
            anchors.fill: parent
            spacing: Style.spaceS
            FormField { id: policyName; objectName: "policyName"; Layout.fillWidth: true; label: qsTr("Name") }
            Label { text: qsTr("Ledger"); font.pixelSize: Style.fontLabel; color: Style.textMuted }
            ComboBox { id: ledgerBox; Layout.fillWidth: true; model: recon.ledgers; Accessible.name: qsTr("Ledger") }
            Label { text: qsTr("Ledger query (JSON)"); font.pixelSize: Style.fontLabel; color: Style.textMuted }
            TextArea {
                id: queryArea
                objectName: "policyQuery"
                Layout.fillWidth: true
                Layout.preferredHeight: 72
                wrapMode: TextArea.WrapAnywhere
                font.family: Style.monoFamily
                Accessible.name: qsTr("Ledger query")
                background: Rectangle { color: Style.surface; border.color: queryArea.activeFocus ? Style.focusRing : Style.border; radius: Style.radiusS }
            }
            Label { visible: text !== ""; text: recon.queryProblem(queryArea.text); color: Style.danger; font.pixelSize: Style.fontCaption; wrapMode: Text.Wrap; Layout.fillWidth: true }
            Label { text: qsTr("Payments pool"); font.pixelSize: Style.fontLabel; color: Style.textMuted }
            ComboBox { id: poolBox; Layout.fillWidth: true; model: recon.pools; textRole: "name"; valueRole: "id"; Accessible.name: qsTr("Payments pool") }
            Label { visible: recon.formError !== ""; text: recon.formError; color: Style.danger; wrapMode: Text.Wrap; Layout.fillWidth: true }
            RowLayout {
                Layout.fillWidth: true
                BusyIndicatorRow { running: recon.busy; text: qsTr("Creating…") }
                Item { Layout.fillWidth: true }
                Button {
                    text: qsTr("Create")
                    highlighted: true
                    enabled: !recon.busy && !Session.readOnly && policyName.text.trim() !== "" && recon.queryProblem(queryArea.text) === ""
                    onClicked: recon.createPolicy(policyName.text, ledgerBox.currentText, queryArea.text, poolBox.currentValue || "")
                }
                Button { text: qsTr("Cancel"); onClicked: newPolicy.close() }
            }
        }
    }
}
