# Wallets: list, balances, named balances, holds.
set(dir ${CMAKE_CURRENT_LIST_DIR})
list(APPEND DESK_SOURCES
    ${dir}/WalletDetailController.cpp ${dir}/WalletDetailController.h
    ${dir}/WalletsModel.cpp ${dir}/WalletsModel.h
)
list(APPEND DESK_QML_FILES ${dir}/WalletsPage.qml ${dir}/WalletDetailDrawer.qml)
