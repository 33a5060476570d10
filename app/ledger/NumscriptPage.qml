pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// A Numscript editor (highlighted; the ledger's error underlined at its line), a form for the
// script's vars, a dry-run preview (postings, balances before → after) and an idempotent commit.
// Scripts are saved per profile; the demo stack offers a few examples to start from.
Pane {
    id: page
    property string ledger // the window's current ledger (PageSlot.ledger)
    function refresh() { if (script.previewed) script.dryRun() }
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }

    NumscriptController {
        id: script
        objectName: "numscriptForm"
        session: Session
        ledger: page.ledger
        onCommitted: id => Notifications.post(qsTr("Transaction %1 committed from Numscript.").arg(id), qsTr("Open transaction %1").arg(id), { page: "transaction", id: id })
    }
    // Opened empty on the demo stack: start from the first example, previewed, so the page
    // shows what it does.
    property bool started: false
    function start() {
        if (started || !visible || page.ledger === "" || script.script !== "")
            return
        started = true
        const first = script.firstExample()
        if (first !== "" && script.open(first))
            script.dryRun()
    }
    // Later: the controller's ledger binding updates after the page's own change signal.
    Timer { id: later; interval: 0; onTriggered: page.start() }
    onVisibleChanged: later.restart()
    onLedgerChanged: later.restart()
    Component.onCompleted: later.restart()

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true
        ColumnLayout {
            width: Math.min(scroll.availableWidth, 1000)
            spacing: Style.spaceM
            PageHeader {
                Layout.fillWidth: true
                title: qsTr("Numscript")
                subtitle: qsTr("Ledger %1").arg(page.ledger)
            }
            Label {
                visible: Session.readOnly
                text: qsTr("This profile is read-only: you can preview, not commit.")
                color: Style.warning
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Style.spaceS
                ComboBox {
                    id: libraryBox
                    objectName: "library"
                    Layout.preferredWidth: 300
                    model: script.library
                    textRole: "name"
                    displayText: currentIndex < 0 ? qsTr("Saved scripts and examples") : currentText
                    Accessible.name: qsTr("Saved scripts and examples")
                    onActivated: index => { script.open(script.library[index].name); nameField.text = script.library[index].example ? "" : script.library[index].name }
                }
                TextField {
                    id: nameField
                    objectName: "scriptName"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Name to save as")
                    Accessible.name: qsTr("Script name")
                }
                Button {
                    text: qsTr("Save")
                    enabled: nameField.text.trim() !== "" && script.script.trim() !== ""
                    Accessible.name: qsTr("Save script")
                    onClicked: if (script.save(nameField.text)) Notifications.post(qsTr("Script “%1” saved for this profile.").arg(nameField.text.trim()))
                }
                Button {
                    text: qsTr("Delete")
                    icon.name: Style.icons.remove
                    enabled: script.library.length > 0 && script.isSaved(nameField.text.trim())
                    Accessible.name: qsTr("Delete saved script")
                    onClicked: script.remove(nameField.text.trim())
                }
            }
            Rectangle {
                Layout.fillWidth: true
                Layout.preferredHeight: 240
                color: Style.surface
                border.color: script.errorLine > 0 ? Style.danger : Style.border
                radius: Style.radiusS
                ScrollView {
                    id: editorScroll
                    anchors.fill: parent
                    anchors.margins: 1
                    clip: true
                    TextArea {
                        id: editor
                        objectName: "editor"
                        font.family: Style.monoFamily
                        font.pixelSize: Style.fontBody
                        wrapMode: TextArea.NoWrap
                        selectByMouse: true
                        placeholderText: qsTr("send [USD/2 100] (\n  source = @world\n  destination = @users:0001\n)")
                        text: script.script
                        onTextChanged: if (text !== script.script) script.script = text
                        Accessible.name: qsTr("Numscript")
                        background: null
                    }
                }
                NumscriptHighlighter {
                    document: editor.textDocument
                    errorLine: script.errorLine
                    keywordColor: Style.accent
                    accountColor: Style.success
                    variableColor: Style.warning
                    literalColor: Style.text
                    commentColor: Style.textMuted
                    errorColor: Style.danger
                }
            }
            Label {
                objectName: "scriptError"
                visible: script.scriptError !== ""
                text: script.errorLine > 0 ? qsTr("Line %1: %2").arg(script.errorLine).arg(script.scriptError) : script.scriptError
                color: Style.danger
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                visible: script.variableRows.length > 0
                text: qsTr("Variables")
                font.weight: Font.DemiBold
                color: Style.text
            }
            Label {
                visible: script.variableRows.length > 0 && script.declares("monetary")
                text: qsTr("A monetary is the asset then the amount in its units: USD/2 12.34.")
                color: Style.textMuted
                font.pixelSize: Style.fontCaption
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            GridLayout {
                columns: 2
                columnSpacing: Style.spaceM
                rowSpacing: Style.spaceS
                Layout.fillWidth: true
                Repeater {
                    model: script.variableRows
                    delegate: Label {
                        required property var modelData
                        required property int index
                        Layout.row: index
                        Layout.column: 0
                        Layout.alignment: Qt.AlignTop
                        Layout.topMargin: Style.spaceXs
                        text: "$" + modelData.name + " · " + modelData.type
                        font.family: Style.monoFamily
                        color: Style.textMuted
                    }
                }
                Repeater {
                    model: script.variableRows
                    delegate: FormField {
                        required property var modelData
                        required property int index
                        objectName: "var_" + modelData.name
                        Layout.row: index
                        Layout.column: 1
                        Layout.fillWidth: true
                        mono: true
                        text: modelData.value
                        placeholderText: modelData.type === "monetary" ? "USD/2 12.34" : modelData.type === "account" ? "users:0001" : ""
                        input.Accessible.name: "$" + modelData.name
                        error: script.variableErrors[modelData.name] !== undefined && text !== "" ? script.variableErrors[modelData.name] : ""
                        onEdited: script.setValue(modelData.name, text)
                    }
                }
            }
            RowLayout {
                spacing: Style.spaceS
                Button { objectName: "previewButton"; text: qsTr("Preview (dry run)"); enabled: script.valid && !script.busy; onClicked: script.dryRun() }
                Button {
                    objectName: "commitButton"
                    text: qsTr("Commit")
                    highlighted: true
                    enabled: script.valid && script.previewed && !script.busy && !Session.readOnly
                    onClicked: script.commit()
                    ToolTip.visible: hovered && !script.previewed
                    ToolTip.text: qsTr("Preview the script first.")
                }
                Button { text: qsTr("Clear"); onClicked: { script.clear(); nameField.text = ""; libraryBox.currentIndex = -1 } }
                BusyIndicatorRow { running: script.busy; text: qsTr("Asking the ledger…") }
            }
            ErrorBanner { Layout.fillWidth: true; text: script.scriptError === "" ? script.error : ""; retryable: false }
            Label { visible: script.committedId !== ""; text: qsTr("Committed as transaction %1.").arg(script.committedId); color: Style.success }
            Label { visible: script.previewed; text: qsTr("Postings it would make"); font.weight: Font.DemiBold; color: Style.text }
            Repeater {
                model: script.postings
                delegate: RowLayout {
                    id: postingRow
                    required property var modelData
                    Layout.fillWidth: true
                    spacing: Style.spaceS
                    Label { text: postingRow.modelData.source + " → " + postingRow.modelData.destination; font.family: Style.monoFamily; elide: Text.ElideMiddle; Layout.fillWidth: true }
                    AmountText { amount: postingRow.modelData.amount; asset: postingRow.modelData.asset }
                }
            }
            Label { visible: script.previewed; text: qsTr("Balances before → after"); font.weight: Font.DemiBold; color: Style.text }
            BalanceDiffTable {
                objectName: "preview"
                visible: script.previewed
                Layout.fillWidth: true
                rows: script.preview
            }
        }
    }
}
