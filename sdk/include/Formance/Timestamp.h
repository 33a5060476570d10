// An RFC 3339 instant with nanosecond resolution. QDateTime keeps only milliseconds, and the
// ledger stamps transactions to the microsecond: a timestamp read and sent back (a `pit`
// filter, say) must name the same instant, so it is held as seconds + nanoseconds.
#pragma once

#include <QDateTime>
#include <QString>

#include <compare>
#include <optional>
#include <string_view>

namespace Formance {

class Timestamp {
public:
    Timestamp() = default;
    static Timestamp fromSecsSinceEpoch(qint64 secs, int nanos = 0);
    static Timestamp fromDateTime(const QDateTime &dt);
    static Timestamp now();
    static std::optional<Timestamp> parse(std::string_view rfc3339);
    static std::optional<Timestamp> parse(const QString &rfc3339);

    bool isNull() const { return m_null; }
    qint64 secsSinceEpoch() const { return m_secs; }
    int nanos() const { return m_nanos; }
    QDateTime toDateTime() const;         // milliseconds only: for display
    QString toString() const;             // UTC, "Z", as many fraction digits as needed (0, 3, 6 or 9)
    void appendTo(QByteArray &out) const; // toString() as UTF-8, without a QString: for writers

    friend auto operator<=>(const Timestamp &, const Timestamp &) = default;
    friend bool operator==(const Timestamp &, const Timestamp &) = default;

private:
    bool m_null = true;
    qint64 m_secs = 0;
    int m_nanos = 0;
};

} // namespace Formance
