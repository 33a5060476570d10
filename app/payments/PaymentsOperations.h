// The one place the payments screens choose between the payments v1 and v3 operations, from the
// generation the stack reports (Session::generation("payments")). On a v3.0 stack the lists its
// v3 API serves go to their v3 operation, and so do the writes v3 has: connector install,
// uninstall and reset (and reading its config), payment initiation create, approve, reject,
// retry and reverse, bank account create and forward. Those v3 writes are asynchronous: they
// answer a task, which followTask() reads (v3GetTask) until it finished. What v3.0.1 lacks stays
// on v1, which the payments v3 service keeps beside its own: a connector's config update, its
// task list, and the details (v1 carries the provider's raw data). On v2.1, and while the
// generation is unknown, all of it is v1.
#pragma once

#include <QString>

#include <functional>

class CallHolder;
class QObject;
class Session;

namespace Formance {
class Client;
}

namespace PaymentsOperations {

enum class List { Payments, Accounts, BankAccounts, Pools };

enum class Write {
    ConnectorInstall,
    ConnectorConfigRead,
    ConnectorConfigUpdate, // v1 only: v3.0.1 has no config update
    ConnectorReset,
    ConnectorUninstall,
    InitiationCreate,
    InitiationApprove,
    InitiationReject,
    InitiationRetry,
    InitiationReverse,
    BankAccountCreate,
    BankAccountForward,
};

// Whether `list` is read with its payments v3 operation (v3 offers no sort on them).
bool viaV3(const Session *session, List list);
// Whether `write` goes to its payments v3 operation.
bool viaV3(const Session *session, Write write);

// Follows the v3 task `taskId` through `call` (busy while a read is in flight; the reads are
// spaced on a timer of `context`, the GUI thread never waits) until it finished: `done` with the
// id of what it made, or the task's error on `call` and then `failed`.
void followTask(CallHolder *call, QObject *context, Formance::Client *client, const QString &taskId,
                std::function<void(const QString &createdObjectId)> done, std::function<void()> failed);

} // namespace PaymentsOperations
