# Webhook configs: list, pause/activate, test, new secret, delete, create.
set(dir ${CMAKE_CURRENT_LIST_DIR})
list(APPEND DESK_SOURCES
    ${dir}/WebhookConfigController.cpp ${dir}/WebhookConfigController.h
    ${dir}/WebhookConfigsModel.cpp ${dir}/WebhookConfigsModel.h
)
list(APPEND DESK_QML_FILES ${dir}/WebhooksPage.qml ${dir}/WebhookDetailDrawer.qml ${dir}/NewWebhookDialog.qml)
