# Profiles of stacks (secrets in the keychain), Test connection.
set(dir ${CMAKE_CURRENT_LIST_DIR})
list(APPEND DESK_SOURCES
    ${dir}/ConnectionController.cpp ${dir}/ConnectionController.h
    ${dir}/ProfilesModel.cpp ${dir}/ProfilesModel.h
)
list(APPEND DESK_QML_FILES ${dir}/ConnectionsPage.qml)
