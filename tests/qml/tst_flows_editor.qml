import QtQuick
import QtQuick.Controls
import QtTest
import Formance.Desk

// The workflow editor marks a problem at its line as the text changes and previews the graph
// live; the graph view zooms and fits (issue 11).
Item {
    width: 1200
    height: 700

    WorkflowEditorPage {
        id: page
        anchors.fill: parent
    }

    StrictTestCase {
        name: "WorkflowEditor"
        when: windowShown

        function find(item, test) {
            if (test(item))
                return item
            for (let i = 0; i < item.children.length; ++i) {
                const found = find(item.children[i], test)
                if (found)
                    return found
            }
            if (item.contentItem && item.contentItem !== item)
                return find(item.contentItem, test)
            return null
        }
        function editorArea() { return find(page, i => i.Accessible.name === "Workflow config" && i.textDocument !== undefined) }
        function graphView() { return find(page, i => i.graph !== undefined && i.zoom !== undefined) }
        function labelStarting(prefix) {
            return find(page, i => typeof i.text === "string" && i.text.startsWith(prefix) && i.visible && i.font !== undefined)
        }

        function test_previewFollowsTheText() {
            const area = editorArea()
            verify(area)
            const view = graphView()
            verify(view)
            // The sample: four stages, drawn.
            tryCompare(view.graph.nodes, "length", 4)
            area.text = '{"name": "two", "stages": [\n  {"wait_event": {"event": "go"}},\n  {"delay": {"duration": "5m"}}\n]}'
            tryCompare(view.graph.nodes, "length", 2)
            compare(view.graph.nodes[1].title, "Delay")
            compare(view.graph.edges[0].label, "on “go”")
        }

        function test_problemAtItsLine() {
            const area = editorArea()
            area.text = '{"stages": [\n  {"wait_event": {"event": "go"}},\n  {"delay": {"duration": "soon"}}\n]}'
            tryVerify(() => labelStarting("Line 3:") !== null)
            verify(labelStarting("Line 3:").text.indexOf("soon") >= 0)
            // The gutter marks line 3.
            verify(find(page, i => i.text === "● 3") !== null)
            const create = find(page, i => i.text === "Create workflow" && i.clicked !== undefined)
            verify(create)
            verify(!create.enabled)
            // A syntax error too, at its line; fixing it clears the marks.
            area.text = '{"stages": [\n  {"wait_event": {"event": "go"}},\n  {"delay": }\n]}'
            tryVerify(() => labelStarting("Line 3:") !== null)
            area.text = '{"stages": [\n  {"wait_event": {"event": "go"}}\n]}'
            tryVerify(() => labelStarting("Line ") === null)
        }

        function test_zoomAndFit() {
            const view = graphView()
            page.edit("")
            view.setZoom(1)
            const zoomIn = find(view, i => i.Accessible.name === "Zoom in")
            mouseClick(zoomIn)
            compare(view.zoom, 1.25)
            view.setZoom(10)
            compare(view.zoom, 2)
            const fit = find(view, i => i.Accessible.name === "Fit the graph in view")
            mouseClick(fit)
            verify(view.zoom <= 1)
            verify(view.graph.height * view.zoom <= view.height)
        }
    }
}
