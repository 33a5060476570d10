# Reconciliation: policies (a ledger query against a payments pool), runs, drift per asset.
set(dir ${CMAKE_CURRENT_LIST_DIR})
list(APPEND DESK_SOURCES ${dir}/ReconciliationController.cpp ${dir}/ReconciliationController.h)
list(APPEND DESK_QML_FILES ${dir}/ReconciliationPage.qml)
