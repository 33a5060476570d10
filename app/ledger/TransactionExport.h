// The rows of a transactions export, in one place: the app's export (ExportController) and the export
// benchmark (bench/desk_bench_export.cpp) write through it. Both read each page as parsed JSON
// (walkRawPages): no models are built, so an export runs at about the speed of parsing. CSV is RFC
// 4180, one row per posting, amounts exact (minor units and the decimal text by the asset's
// precision), metadata as one JSON object; JSON Lines is each transaction as the API sent it, one per
// line. Appends to a buffer so a caller can write a page at a time and drop it. Depends on the SDK
// and Qt Core only.
#pragma once

#include <Formance/json/JsonDocument.h>

#include <QByteArray>
#include <QString>

#include <string_view>

namespace TransactionExport {

enum class Format { Csv, JsonLines };

// The CSV header line (with its line break); empty for JSON Lines.
QByteArray header(Format format);

// Appends one transaction (a ledger v2 transaction as parsed JSON) in `format`. False, with `error`
// saying what is wrong, when it is not a transaction (a missing or mistyped member): nothing is
// appended then.
bool append(QByteArray &out, const Formance::Json::Value &tx, Format format, QString *error);

// One JSON Lines row: the transaction's text as it came when it holds no line break (a compact
// answer, what a stack sends), else written again compactly; numbers exact either way.
void appendJsonLine(QByteArray &out, const Formance::Json::Value &tx);

// One CSV field: quoted when it holds a separator, a quote or a line break; a leading = + - @ (but
// not a negative number) gets a ' so that spreadsheets do not run it as a formula.
void appendCsvField(QByteArray &out, std::string_view utf8);
void appendCsvField(QByteArray &out, const QString &value);

// The decimal text of an amount by its asset's precision ("USD/2": 12345 → "123.45"), as
// Formance::Money::format writes it; from the integer's text (digits, maybe a leading '-').
void appendDecimal(QByteArray &out, std::string_view integer, std::string_view asset);

} // namespace TransactionExport
