# The payments service's sources, added to the sandbox library (sandbox/CMakeLists.txt includes this).
target_sources(formance-sandbox-lib PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/BankAccountsApi.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ConnectorCatalogue.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ConnectorCatalogue.h
    ${CMAKE_CURRENT_LIST_DIR}/ConnectorManager.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ConnectorManager.h
    ${CMAKE_CURRENT_LIST_DIR}/ConnectorsApi.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DemoConnector.cpp
    ${CMAKE_CURRENT_LIST_DIR}/DemoConnector.h
    ${CMAKE_CURRENT_LIST_DIR}/PaymentsApi.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PaymentsApis.h
    ${CMAKE_CURRENT_LIST_DIR}/PaymentsCommon.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PaymentsCommon.h
    ${CMAKE_CURRENT_LIST_DIR}/PaymentsDemoSeed.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PaymentsService.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PaymentsService.h
    ${CMAKE_CURRENT_LIST_DIR}/PaymentsStore.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PaymentsStore.h
    ${CMAKE_CURRENT_LIST_DIR}/PaymentsV3Api.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PaymentsV3Api.h
    ${CMAKE_CURRENT_LIST_DIR}/PaymentsV3Ops.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PoolsApi.cpp
    ${CMAKE_CURRENT_LIST_DIR}/TransferBook.cpp
    ${CMAKE_CURRENT_LIST_DIR}/TransferBook.h
    ${CMAKE_CURRENT_LIST_DIR}/TransfersApi.cpp
)
