// What the generated models (sdk/generated/formance/models) call besides the JSON codec: written by
// hand, spec-independent, included by the generated Models<N>.cpp only.
#pragma once

#include <Formance/json/JsonCodec.h>

#include <initializer_list>
#include <string_view>

namespace Formance::Models::Detail {

// How many of `keys` the JSON object has: ranks the alternatives of an anyOf that all decode.
inline int countKnownKeys(const Json::Value &v, std::initializer_list<std::string_view> keys) {
    int n = 0;
    for (auto [key, value] : v.members()) {
        (void)value;
        for (std::string_view k : keys) {
            if (k == key) {
                ++n;
                break;
            }
        }
    }
    return n;
}

} // namespace Formance::Models::Detail
