# Auth: OAuth clients (create with scopes, edit, delete; secrets shown once) and users.
set(dir ${CMAKE_CURRENT_LIST_DIR})
list(APPEND DESK_SOURCES
    ${dir}/AuthClientController.cpp ${dir}/AuthClientController.h
    ${dir}/AuthClientsModel.cpp ${dir}/AuthClientsModel.h
)
list(APPEND DESK_QML_FILES ${dir}/AuthClientsPage.qml ${dir}/AuthClientDrawer.qml ${dir}/UsersPage.qml)
