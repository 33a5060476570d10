# The ledger explorer: ledgers, transactions, accounts, balances, logs, new transaction, export.
set(dir ${CMAKE_CURRENT_LIST_DIR})
list(APPEND DESK_SOURCES
    ${dir}/AccountDetailController.cpp ${dir}/AccountDetailController.h
    ${dir}/AccountTreeModel.cpp ${dir}/AccountTreeModel.h
    ${dir}/AccountsModel.cpp ${dir}/AccountsModel.h
    ${dir}/BalancesController.cpp ${dir}/BalancesController.h
    ${dir}/ExportController.cpp ${dir}/ExportController.h
    ${dir}/LedgerController.cpp ${dir}/LedgerController.h
    ${dir}/LedgersModel.cpp ${dir}/LedgersModel.h
    ${dir}/LogsModel.cpp ${dir}/LogsModel.h
    ${dir}/NewTransactionController.cpp ${dir}/NewTransactionController.h
    ${dir}/TransactionDetailController.cpp ${dir}/TransactionDetailController.h
    ${dir}/TransactionsModel.cpp ${dir}/TransactionsModel.h
)
list(APPEND DESK_QML_FILES
    ${dir}/AccountDetailDrawer.qml
    ${dir}/AccountsPage.qml
    ${dir}/BalanceChart.qml
    ${dir}/BalancesPage.qml
    ${dir}/ExportBar.qml
    ${dir}/LedgersPage.qml
    ${dir}/LogsPage.qml
    ${dir}/MetadataEditor.qml
    ${dir}/NewTransactionPage.qml
    ${dir}/TransactionDetailDrawer.qml
    ${dir}/TransactionsPage.qml
)
