#include "TransactionExport.h"

#include <Formance/Money.h>

#include <cstring>

namespace TransactionExport {

QByteArray header(Format format) {
    if (format != Format::Csv)
        return {};
    return QByteArrayLiteral("id,timestamp,reference,reverted,posting,source,destination,asset,"
                             "amount_minor_units,amount,metadata\n");
}

namespace {
// Whether the UTF-8 text starting at `p` (n bytes) begins with a digit, in QChar::isDigit's sense
// (other scripts' digits too): "-٣" is a negative number as much as "-3".
bool startsWithDigit(const char *p, std::size_t n) {
    if (n == 0)
        return false;
    if (std::uint8_t(p[0]) < 0x80)
        return p[0] >= '0' && p[0] <= '9';
    const QString first = QString::fromUtf8(p, qsizetype(std::min<std::size_t>(n, 4)));
    return !first.isEmpty() && first.front().isDigit();
}
} // namespace

void appendCsvField(QByteArray &out, std::string_view v) {
    const bool formula = !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@') &&
                         !(v[0] == '-' && startsWithDigit(v.data() + 1, v.size() - 1));
    bool quote = false;
    for (const char c : v) {
        if (c == ',' || c == '"' || c == '\n' || c == '\r') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        if (formula)
            out.append('\'');
        out.append(v.data(), qsizetype(v.size()));
        return;
    }
    out.append('"');
    if (formula)
        out.append('\'');
    std::size_t run = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] != '"')
            continue;
        out.append(v.data() + run, qsizetype(i + 1 - run)); // the quote, then its double
        out.append('"');
        run = i + 1;
    }
    out.append(v.data() + run, qsizetype(v.size() - run));
    out.append('"');
}

void appendCsvField(QByteArray &out, const QString &value) {
    const QByteArray utf8 = value.toUtf8();
    appendCsvField(out, std::string_view(utf8.constData(), std::size_t(utf8.size())));
}

void appendDecimal(QByteArray &out, const Formance::BigInt &minorUnits, const QString &asset) {
    const int precision = Formance::Money::precisionOf(asset);
    const qsizetype start = out.size();
    minorUnits.appendTo(out);
    const bool negative = out.size() > start && out.at(start) == '-';
    const qsizetype digitsAt = start + (negative ? 1 : 0);
    if (precision <= 0)
        return;
    const qsizetype digits = out.size() - digitsAt;
    if (digits <= precision)
        out.insert(digitsAt, QByteArray(precision - digits + 1, '0'));
    out.insert(out.size() - precision, '.');
}

namespace Detail {
void appendCsvRows(QByteArray &out, const Row &row, const QByteArray &metadataJson) {
    // The columns shared by every posting's row, written once.
    QByteArray head;
    row.id.appendTo(head);
    head.append(',');
    row.timestamp.appendTo(head);
    head.append(',');
    if (row.reference)
        appendCsvField(head, *row.reference);
    head.append(row.reverted ? ",true," : ",false,");
    QByteArray tail;
    appendCsvField(tail, std::string_view(metadataJson.constData(), std::size_t(metadataJson.size())));
    tail.append('\n');
    for (qsizetype i = 0; i < row.postings.size(); ++i) {
        const auto &p = row.postings.at(i);
        out.append(head);
        out.append(QByteArray::number(i));
        out.append(',');
        appendCsvField(out, p.source);
        out.append(',');
        appendCsvField(out, p.destination);
        out.append(',');
        appendCsvField(out, p.asset);
        out.append(',');
        p.amount.appendTo(out);
        out.append(',');
        appendDecimal(out, p.amount, p.asset);
        out.append(',');
        out.append(tail);
    }
}
} // namespace Detail

} // namespace TransactionExport
