// Turns an HTTP answer into an operation's typed result, with errors a person can act on:
// an HTML page from a proxy, malformed JSON, or JSON of the wrong shape (named by its path).
#pragma once

#include <Formance/HttpMessage.h>
#include <Formance/Result.h>
#include <Formance/json/JsonCodec.h>
#include <Formance/models/Readers.h>

namespace Formance {

// A Decode error for a 2xx body that is not the expected JSON, or an empty error if it may be.
std::optional<Error> checkJsonBody(const HttpResponse &response);
Error decodeError(const HttpResponse &response, const QString &what);

template <class T> Result<T> decodeJsonResponse(const Result<HttpResponse> &result) {
    if (!result)
        return result.error();
    const HttpResponse &response = result.value();
    if (auto bad = checkJsonBody(response))
        return *bad;
    T value{};
    const Json::DecodeResult decoded = Json::decodeOnePass(response.body, value);
    if (!decoded.ok)
        return decodeError(response, decoded.error);
    return value;
}

inline Result<NoContent> noContentResponse(const Result<HttpResponse> &result) {
    if (!result)
        return result.error();
    return NoContent{};
}

// Percent-encodes one path segment ("users:1" stays readable; "/" and spaces are escaped).
QString encodePathSegment(const QString &value);

} // namespace Formance
