# Flows (orchestration): workflows drawn as graphs, the editor, instances and their timelines,
# triggers. The API version (v2, or v1 on an older stack) is chosen in FlowsApi, once.
set(dir ${CMAKE_CURRENT_LIST_DIR})
list(APPEND DESK_SOURCES
    ${dir}/FlowsApi.cpp ${dir}/FlowsApi.h
    ${dir}/FlowStage.cpp ${dir}/FlowStage.h
    ${dir}/FlowGraph.cpp ${dir}/FlowGraph.h
    ${dir}/FlowModels.cpp ${dir}/FlowModels.h
    ${dir}/WorkflowController.cpp ${dir}/WorkflowController.h
    ${dir}/WorkflowEditor.cpp ${dir}/WorkflowEditor.h
    ${dir}/TriggerController.cpp ${dir}/TriggerController.h
    ${dir}/YamlSubset.cpp ${dir}/YamlSubset.h
)
list(APPEND DESK_QML_FILES
    ${dir}/FlowGraphView.qml ${dir}/WorkflowsPage.qml ${dir}/WorkflowDrawer.qml ${dir}/RunWorkflowDialog.qml
    ${dir}/InstancesPage.qml ${dir}/InstanceDrawer.qml ${dir}/WorkflowEditorPage.qml
    ${dir}/TriggersPage.qml ${dir}/TriggerDrawer.qml ${dir}/NewTriggerDialog.qml
)
