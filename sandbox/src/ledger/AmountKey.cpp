#include "AmountKey.h"

#include <QDateTime>

namespace Formance::Sandbox {

QString amountKey(const BigInt &value) {
    const std::string digits = value.abs().toStdString();
    const int len = int(digits.size());
    if (!value.isNegative())
        return QStringLiteral("1%1").arg(len, 4, 10, QLatin1Char('0')) + QString::fromStdString(digits);
    std::string comp = digits;
    for (char &c : comp)
        c = char('9' - (c - '0'));
    return QStringLiteral("0%1").arg(9999 - len, 4, 10, QLatin1Char('0')) + QString::fromStdString(comp);
}

QString canonicalTime(const Timestamp &ts) {
    const QDateTime dt = QDateTime::fromSecsSinceEpoch(ts.secsSinceEpoch(), Qt::UTC);
    return dt.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) +
           QStringLiteral(".%1Z").arg(ts.nanos() / 1000, 6, 10, QLatin1Char('0'));
}

std::optional<QString> parseTime(const QString &text) {
    const auto ts = Timestamp::parse(text);
    if (!ts || ts->isNull())
        return std::nullopt;
    return canonicalTime(*ts);
}

QString nowTime() {
    return canonicalTime(Timestamp::now());
}

} // namespace Formance::Sandbox
