#include "ClientJson.h"

namespace Formance::Sandbox {

int jsonDepth(const QByteArray &json) {
    int depth = 0, deepest = 0;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            if (c == '\\')
                ++i; // skip the escaped character, a quote included
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '[' || c == '{')
            deepest = std::max(deepest, ++depth);
        else if (c == ']' || c == '}')
            --depth;
    }
    return deepest;
}

std::optional<Json::Document> parseClientJson(const QByteArray &json, QString *error) {
    if (jsonDepth(json) > kMaxJsonDepth) {
        if (error)
            *error = QStringLiteral("JSON nested deeper than %1 levels").arg(kMaxJsonDepth);
        return std::nullopt;
    }
    return Json::Document::parse(json, error);
}

} // namespace Formance::Sandbox
