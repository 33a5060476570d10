// The rows of a transactions export, in one place: the app's export (ExportController) and the export
// benchmark (bench/desk_bench_export.cpp) write through it. CSV is RFC 4180, one row per posting,
// amounts exact (minor units and the decimal text by the asset's precision), metadata as one JSON
// object; JSON Lines is each transaction as the API sends it, one per line. Appends to a buffer so
// a caller can write a page at a time and drop it. Depends on the SDK and Qt Core only.
#pragma once

#include <Formance/BigInt.h>
#include <Formance/Timestamp.h>
#include <Formance/json/JsonCodec.h>
#include <Formance/models/V2Posting.h>

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <string_view>

namespace TransactionExport {

enum class Format { Csv, JsonLines };

// The CSV header line (with its line break); empty for JSON Lines.
QByteArray header(Format format);

// One CSV field: quoted when it holds a separator, a quote or a line break; a leading = + - @ (but
// not a negative number) gets a ' so that spreadsheets do not run it as a formula.
void appendCsvField(QByteArray &out, std::string_view utf8);
void appendCsvField(QByteArray &out, const QString &value);

// The decimal text of an amount by its asset's precision ("USD/2": 12345 → "123.45"), as
// Formance::Money::format writes it.
void appendDecimal(QByteArray &out, const Formance::BigInt &minorUnits, const QString &asset);

namespace Detail {
struct Row {
    const Formance::BigInt &id;
    const Formance::Timestamp &timestamp;
    const std::optional<QString> &reference;
    bool reverted;
    const QList<Formance::Models::V2Posting> &postings;
};
// Metadata is written by the caller's model (its toJson order is the key order).
void appendCsvRows(QByteArray &out, const Row &row, const QByteArray &metadataJson);
} // namespace Detail

// Appends one transaction (any ledger v2 transaction model: V2Transaction, V2ExpandedTransaction).
// `scratch` is reused between calls to avoid an allocation per transaction.
template <class Transaction>
void append(QByteArray &out, const Transaction &tx, Format format, QByteArray &scratch) {
    if (format == Format::JsonLines) {
        Formance::Json::Writer w(std::move(out));
        tx.toJson(w);
        out = w.take();
        out.append('\n');
        return;
    }
    scratch.resize(0);
    Formance::Json::Writer meta(std::move(scratch));
    Formance::Json::write(meta, tx.metadata);
    scratch = meta.take();
    Detail::appendCsvRows(out, {tx.id, tx.timestamp, tx.reference, tx.reverted, tx.postings}, scratch);
}

} // namespace TransactionExport
