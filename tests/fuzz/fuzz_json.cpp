// The exact JSON parser (simdjson into a node tree): any input either parses or is refused; a
// parsed tree re-serialises to JSON that parses again to the same text, numbers exact.
#include "FuzzSupport.h"

#include <Formance/json/JsonDocument.h>

#include <QByteArray>

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
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, std::size_t size) {
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto doc = Json::Document::parse(input, &error);
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
