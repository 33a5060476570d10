# The webhooks service's sources, added to the sandbox library (sandbox/CMakeLists.txt includes this).
target_sources(formance-sandbox-lib PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/WebhookDelivery.cpp
    ${CMAKE_CURRENT_LIST_DIR}/WebhookDelivery.h
    ${CMAKE_CURRENT_LIST_DIR}/WebhooksService.cpp
)
