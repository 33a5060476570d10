// Removes credentials from text bound for logs.
#pragma once

#include <Formance/Error.h>

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace Formance::Redaction {

inline constexpr char kRedacted[] = "[redacted]";

bool isSecretHeader(const QByteArray &name);
QByteArray header(const QByteArray &name, const QByteArray &value);
// JSON bodies, form bodies and query strings: values of token and secret fields are replaced.
QString text(const QByteArray &body);
QString url(const QUrl &url);

} // namespace Formance::Redaction
