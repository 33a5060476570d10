// Parsing JSON that a client sent. The SDK's Json::Document (simdjson on demand) aborts on
// nesting past its depth limit instead of reporting an error, so nesting is measured first on
// the raw bytes and anything deeper than kMaxDepth is refused as malformed.
#pragma once

#include <Formance/json/JsonDocument.h>

#include <QByteArray>
#include <QString>

#include <optional>

namespace Formance::Sandbox {

constexpr int kMaxJsonDepth = 64;

// Deepest nesting of [ and { outside strings.
int jsonDepth(const QByteArray &json);
std::optional<Json::Document> parseClientJson(const QByteArray &json, QString *error = nullptr);

} // namespace Formance::Sandbox
