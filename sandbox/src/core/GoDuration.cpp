#include "GoDuration.h"

#include <QRegularExpression>

#include <cmath>

namespace Formance::Sandbox {

std::optional<qint64> parseDuration(const QString &text) {
    static const QRegularExpression part(QStringLiteral("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)"));
    QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    if (t == QLatin1String("0"))
        return 0;
    double total = 0;
    qsizetype pos = 0;
    while (pos < t.size()) {
        const auto m = part.match(t, pos, QRegularExpression::NormalMatch,
                                  QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            return std::nullopt;
        const double n = m.captured(1).toDouble();
        const QString unit = m.captured(2);
        double ms = 0;
        if (unit == QLatin1String("h"))
            ms = n * 3600000.0;
        else if (unit == QLatin1String("m"))
            ms = n * 60000.0;
        else if (unit == QLatin1String("s"))
            ms = n * 1000.0;
        else if (unit == QLatin1String("ms"))
            ms = n;
        else if (unit == QLatin1String("ns"))
            ms = n / 1e6;
        else
            ms = n / 1e3;
        total += ms;
        pos = m.capturedEnd();
    }
    if (total > 1e15)
        return std::nullopt;
    return qint64(std::ceil(total));
}

} // namespace Formance::Sandbox
