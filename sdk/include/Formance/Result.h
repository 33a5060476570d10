// Either a value or the SDK's Error.
#pragma once

#include <Formance/Error.h>

#include <variant>

namespace Formance {

template <class T> class Result {
public:
    Result()
        : m_data(Error(Error::Kind::Canceled, QStringLiteral("no result"))) {}
    Result(T value)
        : m_data(std::move(value)) {} // NOLINT(google-explicit-constructor)
    Result(Error error)
        : m_data(std::move(error)) {} // NOLINT(google-explicit-constructor)

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T *operator->() const { return &value(); }
    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

// For operations that answer with no body (204).
struct NoContent {};

} // namespace Formance
