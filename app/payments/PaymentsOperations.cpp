#include "PaymentsOperations.h"

#include "core/CallHolder.h"
#include "core/Session.h"
#include <Formance/Client.h>
#include <Formance/payments/v3/PaymentsV3Api.h>

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

namespace PaymentsOperations {

namespace {
bool speaksV3(const Session *session) {
    return session && session->generation(QStringLiteral("payments")) == Formance::ApiGeneration::V3_0;
}
constexpr int kTaskPollMs = 250;
constexpr int kTaskPolls = 240; // a minute: then the stack is said not to have finished
} // namespace

bool viaV3(const Session *session, List) {
    // Every list named in List has a v3 operation (v3ListPayments, v3ListAccounts,
    // v3ListBankAccounts, v3ListPools); the generation alone decides.
    return speaksV3(session);
}

bool viaV3(const Session *session, Write write) {
    return write != Write::ConnectorConfigUpdate && speaksV3(session);
}

namespace {
void poll(CallHolder *call, QPointer<QObject> context, Formance::Client *client, const QString &taskId,
          std::function<void(const QString &)> done, std::function<void()> failed, int left) {
    call->start(
        client->payments().v3().getTask({taskId}),
        [=](const Formance::Models::V3GetTaskResponse &body) {
            const Formance::Models::V3Task &task = body.data;
            // The refusal is set once this read ended (ending it clears the error).
            auto refuse = [=](const QString &error) {
                QTimer::singleShot(0, call, [call, error, failed] {
                    call->setError(error);
                    failed();
                });
            };
            if (task.status.value() == Formance::Models::V3TaskStatusEnum::Succeeded) {
                done(task.createdObjectID.value_or(QString()));
            } else if (task.status.value() == Formance::Models::V3TaskStatusEnum::Failed) {
                refuse(task.error.value_or(QCoreApplication::translate(
                    "PaymentsOperations", "The stack could not complete the operation.")));
            } else if (left <= 0) {
                refuse(QCoreApplication::translate(
                    "PaymentsOperations", "The stack has not finished the operation yet: look again later."));
            } else if (context) {
                QTimer::singleShot(kTaskPollMs, context.data(),
                                   [=] { poll(call, context, client, taskId, done, failed, left - 1); });
            }
        },
        [failed](const QString &) { failed(); });
}
} // namespace

void followTask(CallHolder *call, QObject *context, Formance::Client *client, const QString &taskId,
                std::function<void(const QString &)> done, std::function<void()> failed) {
    poll(call, context, client, taskId, std::move(done), std::move(failed), kTaskPolls);
}

} // namespace PaymentsOperations
