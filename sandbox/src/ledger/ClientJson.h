// Parsing JSON that a client sent. A client's request is held to a tighter nesting limit than the
// SDK's parser (256, for answers): nesting is measured first on the raw bytes and anything deeper
// than kMaxJsonDepth is refused as malformed.
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
