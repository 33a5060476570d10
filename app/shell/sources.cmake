# The window: top bar, navigation, command palette; the command line and the window's settings.
set(dir ${CMAKE_CURRENT_LIST_DIR})
list(APPEND DESK_SOURCES
    ${dir}/AppOptions.cpp ${dir}/AppOptions.h
    ${dir}/AccessibilityCheck.cpp ${dir}/AccessibilityCheck.h
    ${dir}/LayoutCheck.cpp ${dir}/LayoutCheck.h
    ${dir}/TextDump.cpp ${dir}/TextDump.h
    ${dir}/WindowSettings.cpp ${dir}/WindowSettings.h
)
list(APPEND DESK_QML_FILES
    ${dir}/Main.qml
    ${dir}/PageSlot.qml
    ${dir}/Navigation.qml
    ${dir}/StatusBar.qml
    ${dir}/CommandPalette.qml
)
