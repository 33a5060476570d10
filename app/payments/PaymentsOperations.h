// The one place the payments screens choose between the payments v1 and v3 operations, from the
// generation the stack reports (Session::generation("payments")). On a v3.0 stack the lists its
// v3 API serves go to their v3 operation; everything else stays on v1, which the payments v3
// service keeps beside its own: connectors (list, install, config, reset, uninstall) and their
// tasks, transfer initiations and their approve/reject/retry/reverse, bank account creation and
// forwarding, and the payment detail (v1 carries the provider's raw data). On v2.1, and while the
// generation is unknown, all of it is v1.
#pragma once

class Session;

namespace PaymentsOperations {

enum class List { Payments, Accounts, BankAccounts, Pools };

// Whether `list` is read with its payments v3 operation (v3 offers no sort on them).
bool viaV3(const Session *session, List list);

} // namespace PaymentsOperations
