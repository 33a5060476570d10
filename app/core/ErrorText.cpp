#include "ErrorText.h"

#include <Formance/Error.h>

#include <QCoreApplication>

namespace ErrorText {

QString describe(const Formance::Error &error, const QString &serverUrl) {
    using Formance::Error;
    auto tr = [](const char *s) { return QCoreApplication::translate("ErrorText", s); };
    const QString where = serverUrl.isEmpty() ? tr("the stack") : serverUrl;
    const QString detail = error.message();
    switch (error.kind()) {
    case Error::Kind::Network:
        if (detail.contains(QLatin1String("not found"), Qt::CaseInsensitive))
            return tr("The server name of %1 could not be found. Check the URL or organization.").arg(where);
        if (detail.contains(QLatin1String("refused"), Qt::CaseInsensitive))
            return tr("Nothing is listening at %1. Is the stack running, and is the port right?").arg(where);
        return tr("Could not reach %1: %2").arg(where, detail);
    case Error::Kind::Tls:
        return tr("The server's TLS certificate was not accepted: %1").arg(detail);
    case Error::Kind::Timeout:
        return tr("%1 did not answer in time.").arg(where);
    case Error::Kind::Auth:
        if (error.httpStatus() == 400 || error.httpStatus() == 401 || error.httpStatus() == 403)
            return tr("The stack refused these credentials: check the client id and secret.");
        return tr("Could not obtain a token: %1").arg(detail);
    case Error::Kind::Api:
        return tr("%1 (%2)").arg(error.api()->errorMessage.isEmpty() ? error.errorCode()
                                                                     : error.api()->errorMessage,
                                 error.errorCode());
    case Error::Kind::Http:
        if (error.httpStatus() == 404)
            return tr("%1 answered 404: this service or object does not exist there. Check the URL.")
                .arg(where);
        if (error.httpStatus() == 401 || error.httpStatus() == 403)
            return tr("The stack refused access (HTTP %1). Check the client's scopes.")
                .arg(error.httpStatus());
        return tr("The stack answered with an error: %1").arg(detail);
    case Error::Kind::Decode:
        return tr("%1 answered in a way this version does not understand: %2").arg(where, detail);
    case Error::Kind::Canceled:
        return tr("Canceled.");
    }
    return detail;
}

} // namespace ErrorText
