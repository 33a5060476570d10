// Turns SDK errors into sentences an operator can act on.
#pragma once

#include <QString>

namespace Formance {
class Error;
}

namespace ErrorText {
QString describe(const Formance::Error &error, const QString &serverUrl = {});
}
