# The wallets service's sources, added to the sandbox library (sandbox/CMakeLists.txt includes this).
target_sources(formance-sandbox-lib PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/WalletsBook.cpp
    ${CMAKE_CURRENT_LIST_DIR}/WalletsBook.h
    ${CMAKE_CURRENT_LIST_DIR}/WalletsService.cpp
)
