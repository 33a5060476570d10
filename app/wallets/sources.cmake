# Wallets: list, balances, named balances, holds.
set(dir ${CMAKE_CURRENT_LIST_DIR})
list(APPEND DESK_SOURCES
    ${dir}/WalletDetailController.cpp ${dir}/WalletDetailController.h
    ${dir}/WalletsModel.cpp ${dir}/WalletsModel.h
)
list(APPEND DESK_QML_FILES ${dir}/WalletsPage.qml ${dir}/WalletDetailDrawer.qml)
# Wallet writes: create, credit or debit (a hold), named balances, metadata, summary, transactions.
list(APPEND DESK_SOURCES
    ${dir}/WalletWriteController.cpp ${dir}/WalletWriteController.h
    ${dir}/WalletTransactionsModel.cpp ${dir}/WalletTransactionsModel.h
)
list(APPEND DESK_QML_FILES ${dir}/NewWalletDialog.qml ${dir}/WalletCreditDialog.qml ${dir}/NewBalanceDialog.qml
    ${dir}/WalletActivity.qml)
