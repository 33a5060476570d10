# The one look (Style) and the components every page is made of.
set(dir ${CMAKE_CURRENT_LIST_DIR})
list(APPEND DESK_QML_FILES
    ${dir}/Style.qml
    ${dir}/AmountText.qml
    ${dir}/BusyIndicatorRow.qml
    ${dir}/ConfirmDialog.qml
    ${dir}/CopyButton.qml
    ${dir}/DetailDrawer.qml
    ${dir}/EmptyState.qml
    ${dir}/ErrorBanner.qml
    ${dir}/FormField.qml
    ${dir}/ListPage.qml
    ${dir}/Notification.qml
    ${dir}/Notifications.qml
    ${dir}/PageHeader.qml
)
list(APPEND DESK_QML_SINGLETONS ${dir}/Style.qml ${dir}/Notifications.qml)
