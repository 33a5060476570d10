# Overview and inbox: the stack at a glance, and what needs an operator across services.
set(dir ${CMAKE_CURRENT_LIST_DIR})
list(APPEND DESK_SOURCES
    ${dir}/InboxModel.cpp ${dir}/InboxModel.h
    ${dir}/OverviewController.cpp ${dir}/OverviewController.h
    ${dir}/StackSearch.cpp ${dir}/StackSearch.h
)
list(APPEND DESK_QML_FILES ${dir}/OverviewPage.qml ${dir}/InboxPage.qml)
