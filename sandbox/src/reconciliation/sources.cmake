# The reconciliation service's sources, added to the sandbox library (sandbox/CMakeLists.txt includes this).
target_sources(formance-sandbox-lib PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/Drift.cpp ${CMAKE_CURRENT_LIST_DIR}/Drift.h
    ${CMAKE_CURRENT_LIST_DIR}/LedgerBalances.cpp ${CMAKE_CURRENT_LIST_DIR}/LedgerBalances.h
    ${CMAKE_CURRENT_LIST_DIR}/ReconciliationService.cpp
)
