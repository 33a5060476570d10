// The exact JSON parser (sdk/src/json, one pass into a node tree): any input either parses or is
// refused; a parsed tree re-serialises to JSON that parses again to the same text, numbers exact;
// and it agrees with simdjson's DOM parser on what is JSON, where the two are meant to differ
// (numbers past 64 bits or a double's range: its NUMBER_ERROR; nesting past 256) set aside.
#include "FuzzSupport.h"

#include <Formance/json/JsonDocument.h>

#include <QByteArray>

#include <simdjson.h>

#include <algorithm>

#include <string_view>

using namespace Formance;

namespace {
// Visits every node, reading what a decoder reads.
std::size_t walk(const Json::Value &v, int depth) {
    FUZZ_CHECK(depth < 1000, "depth beyond the parser's limit");
    std::size_t n = 1;
    switch (v.type()) {
    case Json::Type::Object:
        for (const auto &[key, child] : v.members()) {
            FUZZ_CHECK(v[key].isValid(), "a member is found by its key");
            n += walk(child, depth + 1);
        }
        break;
    case Json::Type::Array:
        for (const Json::Value &child : v.elements())
            n += walk(child, depth + 1);
        break;
    case Json::Type::Number:
        FUZZ_CHECK(!v.numberText().empty(), "a number has its text");
        break;
    case Json::Type::String:
        (void)v.toString();
        break;
    default:
        break;
    }
    return n;
}

// How deep the input's brackets go, counted outside strings.
int depthOf(std::string_view s) {
    int depth = 0, deepest = 0;
    bool inString = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

void agreesWithSimdjson(std::string_view input, bool accepted) {
    static simdjson::dom::parser reference;
    const simdjson::padded_string padded(input);
    const simdjson::error_code err = reference.parse(padded).error();
    if (!err) {
        FUZZ_CHECK(accepted || depthOf(input) > 256, "simdjson accepts it, and so must we");
        return;
    }
    if (accepted) {
        const bool meantToDiffer = err == simdjson::NUMBER_ERROR || err == simdjson::DEPTH_ERROR;
        FUZZ_CHECK(meantToDiffer, "simdjson refuses it, and so must we");
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, std::size_t size) {
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto doc = Json::Document::parse(input, &error);
    agreesWithSimdjson({reinterpret_cast<const char *>(data), size}, doc.has_value());
    if (!doc) {
        FUZZ_CHECK(!error.isEmpty(), "a refusal says why");
        return 0;
    }
    const Json::Value root = doc->root();
    walk(root, 0);
    const QByteArray once = root.toJson();
    const auto again = Json::Document::parse(once, &error);
    FUZZ_CHECK(again.has_value(), "re-serialised JSON parses");
    FUZZ_CHECK(again->root().toJson() == once, "re-serialisation is stable");
    return 0;
}
