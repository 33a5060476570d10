#include <Formance/Money.h>

#include <QCoreApplication>

namespace Formance {

int Money::precisionOf(const QString &asset) {
    const qsizetype slash = asset.lastIndexOf(u'/');
    if (slash < 0)
        return 0;
    bool ok = false;
    const int p = QStringView(asset).mid(slash + 1).toInt(&ok); // a view: no copy per amount
    return ok && p >= 0 && p <= 256 ? p : 0;
}

QString Money::currencyOf(const QString &asset) {
    const qsizetype slash = asset.lastIndexOf(u'/');
    return slash < 0 ? asset : asset.left(slash);
}

QString Money::format(const BigInt &minorUnits, const QString &asset) {
    const int precision = precisionOf(asset);
    QString digits = minorUnits.abs().toString();
    if (precision > 0) {
        if (digits.size() <= precision)
            digits = QString(precision - digits.size() + 1, u'0') + digits;
        digits.insert(digits.size() - precision, u'.');
    }
    return minorUnits.isNegative() ? u'-' + digits : digits;
}

Money::ParseResult Money::parse(const QString &input, const QString &asset) {
    const int precision = precisionOf(asset);
    QString text = input.trimmed();
    if (text.isEmpty())
        return {std::nullopt, QCoreApplication::translate("Money", "Enter an amount.")};
    bool negative = false;
    if (text.startsWith(u'-')) {
        negative = true;
        text.remove(0, 1);
    }
    // A comma groups thousands, and only that: "1,234.50". "12,34" (a decimal comma) or "1,2" would
    // otherwise lose the comma and mean a hundred times more, so they are refused.
    if (text.contains(u',')) {
        const qsizetype dotAt = text.indexOf(u'.');
        const QStringList groups = (dotAt < 0 ? text : text.left(dotAt)).split(u',');
        bool grouped = !groups.first().isEmpty() && groups.first().size() <= 3 &&
                       (dotAt < 0 || !text.mid(dotAt).contains(u','));
        for (qsizetype i = 1; i < groups.size(); ++i)
            grouped = grouped && groups[i].size() == 3;
        if (!grouped)
            return {std::nullopt, QCoreApplication::translate(
                                      "Money", "“%1” is not a number: a comma only groups thousands "
                                               "(1,234.50), decimals follow a point.")
                                      .arg(input.trimmed())};
        text.remove(u',');
    }
    const qsizetype dot = text.indexOf(u'.');
    QString whole = dot < 0 ? text : text.left(dot);
    QString fraction = dot < 0 ? QString() : text.mid(dot + 1);
    auto isDigits = [](const QString &s) {
        for (QChar c : s)
            if (c < u'0' || c > u'9')
                return false;
        return true;
    };
    if ((whole.isEmpty() && fraction.isEmpty()) || !isDigits(whole) || !isDigits(fraction) ||
        (dot >= 0 && fraction.isEmpty()))
        return {std::nullopt,
                QCoreApplication::translate("Money", "“%1” is not a number.").arg(input.trimmed())};
    if (fraction.size() > precision) {
        return {std::nullopt, precision == 0
                                  ? QCoreApplication::translate("Money", "%1 has no decimals.").arg(asset)
                                  : QCoreApplication::translate("Money", "%1 allows at most %2 decimals.")
                                        .arg(asset)
                                        .arg(precision)};
    }
    fraction += QString(precision - fraction.size(), u'0');
    QString all = whole + fraction;
    while (all.size() > 1 && all.startsWith(u'0'))
        all.remove(0, 1);
    auto value = BigInt::fromString(negative ? u'-' + all : all);
    if (!value)
        return {std::nullopt,
                QCoreApplication::translate("Money", "“%1” is not a number.").arg(input.trimmed())};
    return {value, {}};
}

} // namespace Formance
