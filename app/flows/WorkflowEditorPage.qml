pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// Writes a workflow config as JSON or YAML, highlighted, each problem marked at its line as it is typed,
// the graph previewed beside the text. "Create" sends it (a refusal keeps the text and shows the
// stack's message at the line it names); then "Run…" asks for the variables the config uses.
Pane {
    id: page
    signal instanceRequested(string instanceId)
    function refresh() {}
    // Opens `text` (a workflow's config, to edit as a new one), or the sample when empty.
    function edit(text) {
        if (text !== "") {
            editor.format = "json"
            formatBox.currentIndex = 0
        }
        area.text = text !== "" ? text : editor.format === "yaml" ? editor.sampleYaml() : editor.sample()
        editor.text = area.text
    }
    // As plain JS arrays (qmllint 6.4 sees no array methods on QList<int> or QStringList).
    readonly property var problemLines: editor.problemLines
    readonly property var variables: editor.variables
    padding: Style.pagePadding
    background: Rectangle { color: Style.window }
    Component.onCompleted: edit("")

    WorkflowEditorController {
        id: editor
        session: Session
        onCreated: id => {
            Notifications.post(qsTr("Workflow created."))
            runner.workflowId = id
            runner.load()
        }
    }
    WorkflowController {
        id: runner
        session: Session
        onStarted: id => {
            runDialog.done()
            page.instanceRequested(id)
        }
    }
    RunWorkflowDialog {
        id: runDialog
        objectName: "runEditedWorkflowDialog"
        parent: Overlay.overlay
        workflow: runner
    }
    Timer { id: checkDelay; interval: 250; onTriggered: editor.text = area.text }
    FontMetrics { id: mono; font: area.font }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceM
        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Workflow editor")
            subtitle: editor.valid ? qsTr("%1 · checked as you type").arg(Style.counted(editor.stages.length, qsTr("1 stage"), qsTr("%1 stages")))
                                   : Style.counted(editor.problems.length, qsTr("1 problem"), qsTr("%1 problems"))
            ComboBox {
                id: formatBox
                Accessible.name: qsTr("Format")
                Layout.preferredWidth: 96
                model: ["JSON", "YAML"]
                // Another format starts from its sample (the text is not translated).
                onActivated: index => {
                    editor.format = index === 1 ? "yaml" : "json"
                    page.edit("")
                }
            }
            Button { text: qsTr("Sample"); icon.name: Style.icons.undo; onClicked: page.edit("") }
            Button {
                text: qsTr("Create workflow")
                icon.name: Style.icons.add
                highlighted: true
                enabled: editor.valid && !editor.busy && Session.connected && !Session.readOnly
                onClicked: { checkDelay.stop(); editor.text = area.text; editor.create() }
            }
            Button {
                text: qsTr("Run…")
                icon.name: Style.icons.play
                enabled: runner.loaded && !Session.readOnly
                onClicked: { runner.clearError(); runDialog.ask() }
            }
        }
        ErrorBanner {
            Layout.fillWidth: true
            // A refusal is shown at its line below; other failures (not connected …) here.
            text: editor.problems.length > 0 ? "" : editor.error
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Style.spaceM

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                spacing: Style.spaceS
                Rectangle {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    color: Style.surface
                    border.color: area.activeFocus ? Style.focusRing : Style.border
                    radius: Style.radiusM
                    clip: true
                    Flickable {
                        id: flick
                        anchors.fill: parent
                        anchors.margins: 1
                        clip: true
                        contentWidth: Math.max(width, area.implicitWidth + gutter.width)
                        contentHeight: Math.max(height, area.implicitHeight)
                        boundsBehavior: Flickable.StopAtBounds
                        ScrollBar.vertical: ScrollBar {}
                        ScrollBar.horizontal: ScrollBar {}
                        // Line numbers; a line with a problem in red.
                        Rectangle {
                            id: gutter
                            width: 44
                            height: flick.contentHeight
                            color: Style.surfaceAlt
                            Repeater {
                                model: area.lineCount
                                delegate: Label {
                                    required property int index
                                    readonly property bool bad: page.problemLines.indexOf(index + 1) >= 0
                                    x: 0
                                    y: area.topPadding + index * mono.lineSpacing
                                    width: 36
                                    height: mono.lineSpacing
                                    text: bad ? "● " + (index + 1) : (index + 1)
                                    horizontalAlignment: Text.AlignRight
                                    verticalAlignment: Text.AlignVCenter
                                    font.family: Style.monoFamily
                                    font.pixelSize: Style.fontCaption
                                    color: bad ? Style.danger : Style.textDisabled
                                }
                            }
                        }
                        TextArea {
                            id: area
                            x: gutter.width
                            width: flick.contentWidth - gutter.width
                            height: flick.contentHeight
                            Accessible.name: qsTr("Workflow config")
                            font.family: Style.monoFamily
                            font.pixelSize: Style.fontLabel
                            wrapMode: TextEdit.NoWrap
                            selectByMouse: true
                            persistentSelection: true
                            background: null
                            leftPadding: Style.spaceS
                            topPadding: Style.spaceS
                            onTextChanged: checkDelay.restart()
                        }
                        JsonHighlighter {
                            document: area.textDocument
                            problemLines: editor.problemLines
                            keyColor: Style.accent
                            stringColor: Style.success
                            numberColor: Style.warning
                            variableColor: Style.danger
                            errorColor: Style.danger
                        }
                    }
                }
                // Each problem with its line; a click puts the cursor there.
                Repeater {
                    model: editor.problems
                    delegate: Label {
                        id: problem
                        required property var modelData
                        Layout.fillWidth: true
                        text: modelData.line > 0 ? qsTr("Line %1: %2").arg(modelData.line).arg(modelData.message)
                                                 : qsTr("Config: %1").arg(modelData.message)
                        color: Style.danger
                        wrapMode: Text.Wrap
                        TapHandler {
                            onTapped: {
                                const lines = area.text.split("\n")
                                let pos = 0
                                for (let i = 0; i < problem.modelData.line - 1 && i < lines.length; ++i)
                                    pos += lines[i].length + 1
                                area.cursorPosition = pos
                                area.forceActiveFocus()
                            }
                        }
                    }
                }
                Label {
                    visible: editor.problems.length === 0
                    Layout.fillWidth: true
                    text: editor.variables.length > 0 ? qsTr("Variables: %1").arg(page.variables.join(", ")) : qsTr("No variables.")
                    color: Style.textMuted
                    elide: Text.ElideRight
                }
                Label {
                    visible: editor.createdId !== ""
                    Layout.fillWidth: true
                    text: qsTr("Created workflow %1.").arg(editor.createdId)
                    color: Style.success
                    elide: Text.ElideMiddle
                }
            }

            FlowGraphView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                stages: editor.stages
            }
        }
    }
}
