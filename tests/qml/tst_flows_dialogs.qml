import QtQuick
import QtTest
import Formance.Desk

// The flows dialogs open without a warning; the new-trigger form says what is wrong per field.
Item {
    width: 1000
    height: 700

    WorkflowsModel { id: workflows }
    WorkflowController { id: workflow }
    NewTriggerDialog { id: newTrigger; workflows: workflows }
    RunWorkflowDialog { id: run; workflow: workflow }

    StrictTestCase {
        name: "FlowsDialogs"
        when: windowShown

        function test_dialogsOpen() {
            for (const d of [newTrigger, run]) {
                d.ask()
                tryCompare(d, "opened", true)
                d.close()
                tryCompare(d, "visible", false)
            }
        }
        function test_newTriggerFormProblems() {
            newTrigger.ask()
            tryCompare(newTrigger, "opened", true)
            // No workflow to start (none listed without a stack): said at its field.
            verify(newTrigger.problems.workflow !== undefined)
            verify(newTrigger.problems.event === undefined)
            newTrigger.close()
            tryCompare(newTrigger, "visible", false)
        }
    }
}
