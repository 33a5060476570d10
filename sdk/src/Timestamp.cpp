#include <Formance/Timestamp.h>

#include <QTimeZone>

namespace Formance {

namespace {
bool readInt(std::string_view s, size_t pos, size_t len, int &out) {
    if (pos + len > s.size())
        return false;
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}
} // namespace

Timestamp Timestamp::fromSecsSinceEpoch(qint64 secs, int nanos) {
    Timestamp t;
    t.m_null = false;
    t.m_secs = secs + nanos / 1000000000;
    t.m_nanos = nanos % 1000000000;
    if (t.m_nanos < 0) {
        t.m_nanos += 1000000000;
        --t.m_secs;
    }
    return t;
}

Timestamp Timestamp::fromDateTime(const QDateTime &dt) {
    const qint64 ms = dt.toMSecsSinceEpoch();
    qint64 secs = ms / 1000;
    qint64 rem = ms % 1000;
    if (rem < 0) {
        rem += 1000;
        --secs;
    }
    return fromSecsSinceEpoch(secs, int(rem) * 1000000);
}

Timestamp Timestamp::now() {
    return fromDateTime(QDateTime::currentDateTimeUtc());
}

std::optional<Timestamp> Timestamp::parse(std::string_view s) {
    // YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)
    int y, mo, d, h, mi, sec;
    if (s.size() < 20 || !readInt(s, 0, 4, y) || s[4] != '-' || !readInt(s, 5, 2, mo) || s[7] != '-' ||
        !readInt(s, 8, 2, d) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !readInt(s, 11, 2, h) ||
        s[13] != ':' || !readInt(s, 14, 2, mi) || s[16] != ':' || !readInt(s, 17, 2, sec))
        return std::nullopt;
    size_t pos = 19;
    int nanos = 0;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        int digits = 0;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            if (digits < 9) {
                nanos = nanos * 10 + (s[pos] - '0');
                ++digits;
            }
            ++pos;
        }
        if (digits == 0)
            return std::nullopt;
        for (int i = digits; i < 9; ++i)
            nanos *= 10;
    }
    int offsetSecs = 0;
    if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
        ++pos;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        int oh, om;
        if (!readInt(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
            !readInt(s, pos + 4, 2, om))
            return std::nullopt;
        if (oh > 23 || om > 59)
            return std::nullopt;
        offsetSecs = (oh * 3600 + om * 60) * (s[pos] == '-' ? -1 : 1);
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos != s.size())
        return std::nullopt;
    const QDate date(y, mo, d);
    if (!date.isValid() || h > 23 || mi > 59 || sec > 60)
        return std::nullopt;
    const qint64 epochDay = QDate(1970, 1, 1).toJulianDay();
    const qint64 days = date.toJulianDay() - epochDay;
    const qint64 secs = days * 86400 + h * 3600 + mi * 60 + sec - offsetSecs;
    // RFC 3339 instants lie in years 0001–9999 once in UTC: a leap second or an offset must not
    // carry one past them, where toString() could no longer write it (found by fuzz_timestamp).
    static const qint64 first = (QDate(1, 1, 1).toJulianDay() - epochDay) * 86400;
    static const qint64 last = (QDate(9999, 12, 31).toJulianDay() - epochDay) * 86400 + 86399;
    if (secs < first || secs > last)
        return std::nullopt;
    return fromSecsSinceEpoch(secs, nanos);
}

std::optional<Timestamp> Timestamp::parse(const QString &rfc3339) {
    const QByteArray utf8 = rfc3339.toUtf8();
    return parse(std::string_view(utf8.constData(), size_t(utf8.size())));
}

QDateTime Timestamp::toDateTime() const {
    if (m_null)
        return {};
    return QDateTime::fromMSecsSinceEpoch(m_secs * 1000 + m_nanos / 1000000, QTimeZone::utc());
}

namespace {
// Days since 1970-01-01 to a proleptic Gregorian date (the civil-from-days method: 400-year eras
// of 146,097 days, years starting on March 1st so that the leap day comes last).
void civilFromDays(qint64 days, qint64 &y, int &m, int &d) {
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    d = int(doy - (153 * mp + 2) / 5 + 1);
    m = int(mp < 10 ? mp + 3 : mp - 9);
    y = yoe + era * 400 + (m <= 2 ? 1 : 0);
}

void appendDigits(char *&p, qint64 v, int width) {
    for (int i = width - 1; i >= 0; --i) {
        p[i] = char('0' + v % 10);
        v /= 10;
    }
    p += width;
}

// Fast: no QDateTime. False outside years 1–9999 (not RFC 3339), which QDateTime writes instead.
bool appendRfc3339(QByteArray &out, qint64 secs, int nanos) {
    const qint64 days = (secs >= 0 ? secs : secs - 86399) / 86400;
    const qint64 rest = secs - days * 86400;
    qint64 y;
    int mo, d;
    civilFromDays(days, y, mo, d);
    if (y < 1 || y > 9999)
        return false;
    char buf[32];
    char *p = buf;
    appendDigits(p, y, 4);
    *p++ = '-';
    appendDigits(p, mo, 2);
    *p++ = '-';
    appendDigits(p, d, 2);
    *p++ = 'T';
    appendDigits(p, rest / 3600, 2);
    *p++ = ':';
    appendDigits(p, rest / 60 % 60, 2);
    *p++ = ':';
    appendDigits(p, rest % 60, 2);
    if (nanos != 0) {
        const int keep = nanos % 1000000 == 0 ? 3 : (nanos % 1000 == 0 ? 6 : 9);
        *p++ = '.';
        appendDigits(p, nanos / (keep == 3 ? 1000000 : keep == 6 ? 1000 : 1), keep);
    }
    *p++ = 'Z';
    out.append(buf, p - buf);
    return true;
}

QString viaDateTime(qint64 secs, int nanos) {
    const QDateTime dt = QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc());
    QString out = dt.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (nanos != 0) {
        QString frac = QStringLiteral("%1").arg(nanos, 9, 10, QChar(u'0'));
        int keep = nanos % 1000000 == 0 ? 3 : (nanos % 1000 == 0 ? 6 : 9);
        out += u'.' + frac.left(keep);
    }
    out += u'Z';
    return out;
}
} // namespace

void Timestamp::appendTo(QByteArray &out) const {
    if (!m_null && !appendRfc3339(out, m_secs, m_nanos))
        out.append(viaDateTime(m_secs, m_nanos).toUtf8());
}

QString Timestamp::toString() const {
    if (m_null)
        return {};
    QByteArray utf8;
    if (appendRfc3339(utf8, m_secs, m_nanos))
        return QString::fromLatin1(utf8);
    return viaDateTime(m_secs, m_nanos);
}

} // namespace Formance
