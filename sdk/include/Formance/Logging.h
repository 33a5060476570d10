// The SDK's logging categories. Debug output is off by default; turn it on with
// QT_LOGGING_RULES="formance.sdk.*.debug=true". Secrets are redacted before anything is logged.
#pragma once

#include <QLoggingCategory>

namespace Formance {
Q_DECLARE_LOGGING_CATEGORY(lcHttp)     // formance.sdk.http: method, URL, status, duration
Q_DECLARE_LOGGING_CATEGORY(lcHttpBody) // formance.sdk.http.body: headers and bodies
Q_DECLARE_LOGGING_CATEGORY(lcAuth)     // formance.sdk.auth: token fetches
Q_DECLARE_LOGGING_CATEGORY(lcRetry)    // formance.sdk.retry: retry decisions
} // namespace Formance
