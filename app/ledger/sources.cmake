# The ledger explorer: ledgers, transactions, accounts, balances, logs, new transaction, export,
# Numscript, bulk import, volumes.
set(dir ${CMAKE_CURRENT_LIST_DIR})
list(APPEND DESK_SOURCES
    ${dir}/AccountDetailController.cpp ${dir}/AccountDetailController.h
    ${dir}/AccountTreeModel.cpp ${dir}/AccountTreeModel.h
    ${dir}/AccountsModel.cpp ${dir}/AccountsModel.h
    ${dir}/BalanceDiff.cpp ${dir}/BalanceDiff.h
    ${dir}/BalancesController.cpp ${dir}/BalancesController.h
    ${dir}/BulkController.cpp ${dir}/BulkController.h
    ${dir}/TransactionExport.cpp ${dir}/TransactionExport.h
    ${dir}/BulkRevertController.cpp ${dir}/BulkRevertController.h
    ${dir}/ExportController.cpp ${dir}/ExportController.h
    ${dir}/LedgerController.cpp ${dir}/LedgerController.h
    ${dir}/LedgerInput.cpp ${dir}/LedgerInput.h
    ${dir}/LedgersModel.cpp ${dir}/LedgersModel.h
    ${dir}/ListCount.cpp ${dir}/ListCount.h
    ${dir}/LogsModel.cpp ${dir}/LogsModel.h
    ${dir}/LogsTransferController.cpp ${dir}/LogsTransferController.h
    ${dir}/NewTransactionController.cpp ${dir}/NewTransactionController.h
    ${dir}/NumscriptController.cpp ${dir}/NumscriptController.h
    ${dir}/NumscriptHighlighter.cpp ${dir}/NumscriptHighlighter.h
    ${dir}/TransactionDetailController.cpp ${dir}/TransactionDetailController.h
    ${dir}/TransactionsModel.cpp ${dir}/TransactionsModel.h
    ${dir}/VolumesModel.cpp ${dir}/VolumesModel.h
)
list(APPEND DESK_QML_FILES
    ${dir}/AccountDetailDrawer.qml
    ${dir}/AccountsPage.qml
    ${dir}/BalanceChart.qml
    ${dir}/BalanceDiffTable.qml
    ${dir}/BalancesPage.qml
    ${dir}/BulkPage.qml
    ${dir}/BulkRevertDialog.qml
    ${dir}/ExportBar.qml
    ${dir}/FileDialogCheck.qml
    ${dir}/LedgersPage.qml
    ${dir}/LogsPage.qml
    ${dir}/MetadataEditor.qml
    ${dir}/NewTransactionPage.qml
    ${dir}/NumscriptPage.qml
    ${dir}/TransactionDetailDrawer.qml
    ${dir}/TransactionsPage.qml
    ${dir}/VolumesPage.qml
)
