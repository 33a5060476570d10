# Payments: connectors (catalogue, install from the config schema, config, tasks, reset,
# uninstall), payments, connector accounts, bank accounts, transfer initiations and pools.
set(dir ${CMAKE_CURRENT_LIST_DIR})
list(APPEND DESK_SOURCES
    ${dir}/PaymentsOperations.cpp ${dir}/PaymentsOperations.h
    ${dir}/PaymentsListModel.cpp ${dir}/PaymentsListModel.h
    ${dir}/ConnectorModels.cpp ${dir}/ConnectorModels.h
    ${dir}/PaymentListModels.cpp ${dir}/PaymentListModels.h
    ${dir}/ConnectorController.cpp ${dir}/ConnectorController.h
    ${dir}/PaymentController.cpp ${dir}/PaymentController.h
    ${dir}/TransferController.cpp ${dir}/TransferController.h
    ${dir}/PoolController.cpp ${dir}/PoolController.h
    ${dir}/BankAccountController.cpp ${dir}/BankAccountController.h
)
list(APPEND DESK_QML_FILES
    ${dir}/ConnectorsPage.qml ${dir}/ConnectorInstallDialog.qml ${dir}/ConnectorDetailDrawer.qml
    ${dir}/ConnectorConfigForm.qml ${dir}/StatusLabel.qml
    ${dir}/PaymentsPage.qml ${dir}/PaymentDetailDrawer.qml
    ${dir}/PaymentAccountsPage.qml ${dir}/BankAccountsPage.qml
    ${dir}/TransfersPage.qml ${dir}/TransferDetailDrawer.qml
    ${dir}/PoolsPage.qml
)
