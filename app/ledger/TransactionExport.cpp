#include "TransactionExport.h"

#include <Formance/Money.h>

#include <Formance/Timestamp.h>
#include <Formance/json/JsonCodec.h>

#include <algorithm>
#include <charconv>
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

namespace {
// Writers into a caller's room: a row is some twenty tiny pieces, and QByteArray::append per piece
// was most of the time of a CSV export. Each needs at most the room its *Room function says.
// memcpy that may be given an empty view's null pointer.
void copy(char *d, const char *s, std::size_t n) {
    if (n)
        std::memcpy(d, s, n);
}

std::size_t fieldRoom(std::size_t n) {
    return 2 * n + 3; // every byte a quote (doubled), the two quotes and a formula guard
}

char *csvField(char *d, std::string_view v) {
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
            *d++ = '\'';
        copy(d, v.data(), v.size());
        return d + v.size();
    }
    *d++ = '"';
    if (formula)
        *d++ = '\'';
    for (const char c : v) {
        *d++ = c;
        if (c == '"')
            *d++ = '"'; // a quote is doubled
    }
    *d++ = '"';
    return d;
}

// An integer's text as BigInt writes it: no leading zeros, no "-0".
std::string_view withoutLeadingZeros(std::string_view integer, bool &negative) {
    negative = !integer.empty() && integer.front() == '-';
    std::string_view digits = negative ? integer.substr(1) : integer;
    while (digits.size() > 1 && digits.front() == '0')
        digits.remove_prefix(1);
    negative = negative && digits != "0";
    return digits;
}

char *integer(char *d, std::string_view text) { // room: text.size()
    bool negative = false;
    const std::string_view digits = withoutLeadingZeros(text, negative);
    if (negative)
        *d++ = '-';
    copy(d, digits.data(), digits.size());
    return d + digits.size();
}

std::size_t decimalRoom(std::size_t n, int precision) {
    return n + std::size_t(std::max(precision, 0)) + 3;
}

char *decimal(char *d, std::string_view text, int precision) {
    bool negative = false;
    const std::string_view digits = withoutLeadingZeros(text, negative);
    if (negative)
        *d++ = '-';
    const std::size_t n = digits.size();
    if (precision <= 0) {
        copy(d, digits.data(), n);
        return d + n;
    }
    const std::size_t p = std::size_t(precision);
    if (n <= p) {
        *d++ = '0';
        *d++ = '.';
        std::memset(d, '0', p - n);
        d += p - n;
        copy(d, digits.data(), n);
        return d + n;
    }
    copy(d, digits.data(), n - p);
    d += n - p;
    *d++ = '.';
    copy(d, digits.data() + n - p, p);
    return d + p;
}

// Runs `write` on room for `n` more bytes of `out`, then keeps what it wrote.
template <class Write> void appendWith(QByteArray &out, std::size_t n, Write write) {
    const qsizetype at = out.size();
    out.resize(at + qsizetype(n));
    char *begin = out.data();
    out.resize(write(begin + at) - begin);
}
} // namespace

void appendCsvField(QByteArray &out, std::string_view v) {
    appendWith(out, fieldRoom(v.size()), [v](char *d) { return csvField(d, v); });
}

void appendCsvField(QByteArray &out, const QString &value) {
    // Plain ASCII that needs neither quotes nor a formula guard (accounts, assets, references)
    // goes straight in; anything else through the UTF-8 rule above.
    const qsizetype n = value.size();
    const char16_t *p = QStringView(value).utf16();
    bool plain = n == 0 || (p[0] != u'=' && p[0] != u'+' && p[0] != u'-' && p[0] != u'@');
    for (qsizetype i = 0; plain && i < n; ++i) {
        const char16_t c = p[i];
        plain = c < 0x80 && c != u',' && c != u'"' && c != u'\n' && c != u'\r';
    }
    if (plain) {
        const qsizetype start = out.size();
        out.resize(start + n);
        char *d = out.data() + start;
        for (qsizetype i = 0; i < n; ++i)
            d[i] = char(p[i]);
        return;
    }
    const QByteArray utf8 = value.toUtf8();
    appendCsvField(out, std::string_view(utf8.constData(), std::size_t(utf8.size())));
}

namespace {
// Money::precisionOf on UTF-8: the digits after the last '/' (the common case without a QString).
int precisionOf(std::string_view asset) {
    const std::size_t slash = asset.rfind('/');
    if (slash == std::string_view::npos)
        return 0;
    const std::string_view digits = asset.substr(slash + 1);
    if (!digits.empty() && digits.size() <= 2 &&
        std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return digits.size() == 1 ? digits[0] - '0' : (digits[0] - '0') * 10 + (digits[1] - '0');
    return Formance::Money::precisionOf(QString::fromUtf8(asset.data(), qsizetype(asset.size())));
}

// An integer as JSON may carry it: a number, or a string of digits (as BigInt is read).
bool integerText(const Formance::Json::Value &v, std::string_view &text) {
    text = v.isNumber() ? v.numberText() : v.isString() ? v.stringView() : std::string_view();
    const std::size_t from = !text.empty() && text.front() == '-' ? 1 : 0;
    return text.size() > from &&
           std::all_of(text.begin() + from, text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool fail(QString *error, const QString &what) {
    if (error)
        *error = what;
    return false;
}

// The metadata object as compact JSON: its own text when it has no line break, else written again.
void appendCompact(QByteArray &out, const Formance::Json::Value &v) {
    const std::string_view raw = v.sourceText();
    if (!raw.empty() && !std::memchr(raw.data(), '\n', raw.size()) &&
        !std::memchr(raw.data(), '\r', raw.size())) {
        out.append(raw.data(), qsizetype(raw.size()));
        return;
    }
    Formance::Json::Writer w(std::move(out));
    Formance::Json::write(w, v);
    out = w.take();
}

bool appendCsvRows(QByteArray &out, const Formance::Json::Value &tx, QString *error) {
    using Formance::Json::Value;
    if (!tx.isObject())
        return fail(error, QStringLiteral("a transaction is not an object"));
    std::string_view id;
    if (!integerText(tx["id"], id))
        return fail(error, QStringLiteral("a transaction has no integer id"));
    const auto which = [id] { // only on an error: nothing built per transaction
        return QStringLiteral("transaction %1: ").arg(QLatin1String(id.data(), qsizetype(id.size())));
    };
    const auto timestamp = Formance::Timestamp::parse(tx["timestamp"].stringView());
    if (!timestamp)
        return fail(error, which() + QStringLiteral("no RFC 3339 timestamp"));
    const Value reference = tx["reference"];
    if (!reference.isNull() && !reference.isString())
        return fail(error, which() + QStringLiteral("the reference is not a string"));
    const Value reverted = tx["reverted"];
    if (!reverted.isBool())
        return fail(error, which() + QStringLiteral("no reverted flag"));
    const Value metadata = tx["metadata"];
    if (!metadata.isObject())
        return fail(error, which() + QStringLiteral("no metadata object"));
    const Value postings = tx["postings"];
    if (!postings.isArray())
        return fail(error, which() + QStringLiteral("no postings list"));

    // The columns shared by every posting's row are written once into per-thread buffers that
    // keep their capacity: no allocation per transaction.
    thread_local QByteArray head;
    thread_local QByteArray tail;
    thread_local QByteArray json;
    head.resize(0);
    appendWith(head, id.size(), [id](char *d) { return integer(d, id); });
    head.append(',');
    timestamp->appendTo(head);
    head.append(',');
    if (reference.isString())
        appendCsvField(head, reference.stringView());
    head.append(reverted.toBool() ? ",true," : ",false,");
    json.resize(0);
    appendCompact(json, metadata);
    tail.resize(0);
    appendCsvField(tail, std::string_view(json.constData(), std::size_t(json.size())));
    tail.append('\n');

    const qsizetype start = out.size();
    qsizetype i = 0;
    for (const Value p : postings.elements()) {
        const Value source = p["source"], destination = p["destination"], asset = p["asset"];
        std::string_view amount;
        if (!source.isString() || !destination.isString() || !asset.isString() ||
            !integerText(p["amount"], amount)) {
            out.resize(start); // nothing of a transaction that is not one
            return fail(error, which() + QStringLiteral("posting %1 needs a source, a destination, an asset "
                                                        "and an integer amount")
                                             .arg(i));
        }
        const std::string_view src = source.stringView(), dst = destination.stringView(),
                               currency = asset.stringView();
        const int precision = precisionOf(currency);
        const std::size_t room = std::size_t(head.size() + tail.size()) + 24 + fieldRoom(src.size()) +
                                 fieldRoom(dst.size()) + fieldRoom(currency.size()) + amount.size() +
                                 decimalRoom(amount.size(), precision) + 8;
        appendWith(out, room, [&](char *d) {
            copy(d, head.constData(), std::size_t(head.size()));
            d += head.size();
            d = std::to_chars(d, d + 24, i).ptr;
            *d++ = ',';
            d = csvField(d, src);
            *d++ = ',';
            d = csvField(d, dst);
            *d++ = ',';
            d = csvField(d, currency);
            *d++ = ',';
            d = integer(d, amount);
            *d++ = ',';
            d = decimal(d, amount, precision);
            *d++ = ',';
            copy(d, tail.constData(), std::size_t(tail.size()));
            return d + tail.size();
        });
        ++i;
    }
    return true;
}
} // namespace

void appendDecimal(QByteArray &out, std::string_view integer, std::string_view asset) {
    const int precision = precisionOf(asset);
    appendWith(out, decimalRoom(integer.size(), precision),
               [&](char *d) { return decimal(d, integer, precision); });
}

void appendJsonLine(QByteArray &out, const Formance::Json::Value &tx) {
    appendCompact(out, tx);
    out.append('\n');
}

bool append(QByteArray &out, const Formance::Json::Value &tx, Format format, QString *error) {
    if (format == Format::Csv)
        return appendCsvRows(out, tx, error);
    if (!tx.isObject())
        return fail(error, QStringLiteral("a transaction is not an object"));
    appendJsonLine(out, tx);
    return true;
}

} // namespace TransactionExport
