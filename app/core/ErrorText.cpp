#include "ErrorText.h"

#include <Formance/Error.h>
#include <Formance/HttpMessage.h>

#include <QCoreApplication>
#include <QRegularExpression>

namespace ErrorText {

namespace {

QString tr(const char *s) {
    return QCoreApplication::translate("ErrorText", s);
}

// The text of an HTML page's <title> (or first <h1>), tags and runs of spaces removed.
QString htmlHeading(const QByteArray &body) {
    const QString page = QString::fromUtf8(body.left(64 * 1024));
    for (const char *tag : {"title", "h1"}) {
        const QRegularExpression re(QStringLiteral("<%1[^>]*>(.*?)</%1>").arg(QLatin1String(tag)),
                                    QRegularExpression::CaseInsensitiveOption |
                                        QRegularExpression::DotMatchesEverythingOption);
        QString text = re.match(page).captured(1);
        text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
        text = text.simplified();
        if (!text.isEmpty())
            return text.size() > 100 ? text.left(99) + u'…' : text;
    }
    return {};
}

// An HTML page where the API answers JSON: a proxy, a gateway or a login page in front of the
// stack. Named by its heading; the page itself is never shown (it can be megabytes of markup).
std::optional<QString> htmlPage(const Formance::Error &error) {
    const QByteArray type = Formance::headerValue(error.headers(), "content-type").toLower();
    if (!type.contains("html") && !error.body().trimmed().startsWith('<'))
        return std::nullopt;
    const QString heading = htmlHeading(error.body());
    return heading.isEmpty() ? tr("an HTML page") : tr("an HTML page (“%1”)").arg(heading);
}

// The SDK's own words, cut to a sentence's length (they may quote the answer).
QString shortened(const QString &detail) {
    return detail.size() > 240 ? detail.left(239) + u'…' : detail;
}

} // namespace

QString describe(const Formance::Error &error, const QString &serverUrl) {
    using Formance::Error;
    const QString where = serverUrl.isEmpty() ? tr("the stack") : serverUrl;
    const QString detail = shortened(error.message());
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
        if (const auto page = htmlPage(error))
            return tr("The stack answered HTTP %1 with %2: a proxy or gateway in front of it may be failing.")
                .arg(error.httpStatus())
                .arg(*page);
        return tr("The stack answered with an error: %1").arg(detail);
    case Error::Kind::Decode:
        if (const auto page = htmlPage(error))
            return tr("%1 answered with %2 instead of JSON (HTTP %3): is a proxy or a login page in front of "
                      "it?")
                .arg(where, *page)
                .arg(error.httpStatus());
        return tr("%1 answered in a way this version does not understand: %2").arg(where, detail);
    case Error::Kind::Canceled:
        return tr("Canceled.");
    }
    return detail;
}

} // namespace ErrorText
