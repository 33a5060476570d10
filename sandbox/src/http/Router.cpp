#include "Router.h"

#include <QUrl>

#include <algorithm>

namespace Formance::Sandbox {

QStringList Router::splitPath(const QString &encodedPath) {
    QStringList out;
    for (const QString &s : encodedPath.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        out.append(QUrl::fromPercentEncoding(s.toUtf8()));
    return out;
}

void Router::add(const QByteArray &method, const QString &pattern, Handler handler) {
    Route r;
    r.method = method;
    r.segments = pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &s : r.segments)
        if (!s.startsWith(QLatin1Char('{')))
            ++r.literals;
    r.handler = std::move(handler);
    m_routes.push_back(std::move(r));
}

Response Router::dispatch(Request &request) const {
    const QStringList parts = splitPath(request.path);
    const Route *best = nullptr;
    bool pathMatched = false;
    QByteArrayList allowed; // the methods of the patterns this path matches, for 405's Allow
    for (const Route &r : m_routes) {
        if (r.segments.size() != parts.size())
            continue;
        bool ok = true;
        for (qsizetype i = 0; ok && i < parts.size(); ++i)
            ok = r.segments[i].startsWith(QLatin1Char('{')) ? !parts[i].isEmpty() : r.segments[i] == parts[i];
        if (!ok)
            continue;
        pathMatched = true;
        if (!allowed.contains(r.method))
            allowed.append(r.method);
        if (r.method == request.method && (!best || r.literals > best->literals))
            best = &r;
    }
    if (!best) {
        if (pathMatched) {
            std::sort(allowed.begin(), allowed.end());
            Response r = Response::error(405, QStringLiteral("VALIDATION"),
                                         QStringLiteral("method %1 not allowed here (allowed: %2)")
                                             .arg(QString::fromLatin1(request.method.left(20)),
                                                  QString::fromLatin1(allowed.join(", "))));
            r.setHeader("Allow", allowed.join(", ")); // RFC 9110 15.5.6
            return r;
        }
        return Response::error(404, QStringLiteral("NOT_FOUND"),
                               QStringLiteral("no route for %1").arg(request.path.left(200)));
    }
    for (qsizetype i = 0; i < parts.size(); ++i)
        if (best->segments[i].startsWith(QLatin1Char('{')))
            request.params.insert(best->segments[i].mid(1, best->segments[i].size() - 2), parts[i]);
    return best->handler(request);
}

} // namespace Formance::Sandbox
