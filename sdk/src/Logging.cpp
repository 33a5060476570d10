#include <Formance/Logging.h>

namespace Formance {
Q_LOGGING_CATEGORY(lcHttp, "formance.sdk.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttpBody, "formance.sdk.http.body", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "formance.sdk.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRetry, "formance.sdk.retry", QtInfoMsg)
} // namespace Formance
