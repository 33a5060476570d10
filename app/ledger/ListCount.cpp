#include "ListCount.h"

#include <QLocale>

ListCount::ListCount(QObject *parent)
    : QObject(parent)
    , m_call(new CallHolder(this)) {}

void ListCount::clear() {
    m_call->cancel();
    if (m_total) {
        m_total.reset();
        emit totalChanged();
    }
}

QString ListCount::rangeText(int loaded, bool hasMore) const {
    return rangeText(loaded, hasMore, m_total);
}

QString ListCount::rangeText(int loaded, bool hasMore, const std::optional<Formance::BigInt> &total) {
    const QLocale locale;
    if (total) {
        // A count past 64 bits is shown as the exact digits, ungrouped.
        const auto n = total->toInt64();
        const QString totalText = n ? locale.toString(qlonglong(*n)) : total->toString();
        if (loaded == 0)
            return total->isZero() ? tr("none") : tr("0 of %1").arg(totalText);
        return tr("1–%1 of %2").arg(locale.toString(loaded), totalText);
    }
    return hasMore ? tr("%1 loaded, scroll for more").arg(locale.toString(loaded))
                   : tr("%1 loaded").arg(locale.toString(loaded));
}
