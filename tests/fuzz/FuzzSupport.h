// Shared by the fuzz targets: a failed property aborts (libFuzzer records the input as a crash),
// with a message saying which property and on what.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#define FUZZ_CHECK(cond, what)                                                                               \
    do {                                                                                                     \
        if (!(cond)) {                                                                                       \
            std::fprintf(stderr, "fuzz property failed at %s:%d: %s (%s)\n", __FILE__, __LINE__, what,       \
                         #cond);                                                                             \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (0)

inline std::string_view fuzzInput(const unsigned char *data, std::size_t size) {
    return {reinterpret_cast<const char *>(data), size};
}
