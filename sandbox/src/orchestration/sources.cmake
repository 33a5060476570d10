# The orchestration service's sources, added to the sandbox library (sandbox/CMakeLists.txt includes this).
target_sources(formance-sandbox-lib PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/OrchestrationApi.cpp
    ${CMAKE_CURRENT_LIST_DIR}/OrchestrationApi.h
    ${CMAKE_CURRENT_LIST_DIR}/OrchestrationJson.cpp
    ${CMAKE_CURRENT_LIST_DIR}/OrchestrationJson.h
    ${CMAKE_CURRENT_LIST_DIR}/OrchestrationService.cpp
    ${CMAKE_CURRENT_LIST_DIR}/OrchestrationStore.cpp
    ${CMAKE_CURRENT_LIST_DIR}/OrchestrationStore.h
    ${CMAKE_CURRENT_LIST_DIR}/TriggerExpression.cpp
    ${CMAKE_CURRENT_LIST_DIR}/TriggerExpression.h
    ${CMAKE_CURRENT_LIST_DIR}/Triggers.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Triggers.h
    ${CMAKE_CURRENT_LIST_DIR}/WorkflowConfig.cpp
    ${CMAKE_CURRENT_LIST_DIR}/WorkflowConfig.h
    ${CMAKE_CURRENT_LIST_DIR}/WorkflowRunner.cpp
    ${CMAKE_CURRENT_LIST_DIR}/WorkflowRunner.h
)
