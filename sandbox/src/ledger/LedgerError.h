// A refusal in the spec's terms: HTTP status, V2ErrorsEnum code and a message for humans.
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace Formance::Sandbox {

struct LedgerError {
    int status = 400;
    QString code = QStringLiteral("VALIDATION");
    QString message;

    static LedgerError validation(QString m) { return {400, QStringLiteral("VALIDATION"), std::move(m)}; }
    static LedgerError notFound(QString m) { return {404, QStringLiteral("NOT_FOUND"), std::move(m)}; }
    static LedgerError ledgerNotFound(const QString &name) {
        return {404, QStringLiteral("LEDGER_NOT_FOUND"), QStringLiteral("ledger '%1' not found").arg(name)};
    }
    static LedgerError internal(QString m) { return {500, QStringLiteral("INTERNAL"), std::move(m)}; }
};

// A value or a LedgerError.
template <class T> class Expected {
public:
    Expected(T v)
        : m_v(std::move(v)) {} // NOLINT(google-explicit-constructor)
    Expected(LedgerError e)
        : m_v(std::move(e)) {} // NOLINT(google-explicit-constructor)
    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &value() { return std::get<0>(m_v); }
    const T &value() const { return std::get<0>(m_v); }
    T *operator->() { return &value(); }
    const LedgerError &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, LedgerError> m_v;
};

} // namespace Formance::Sandbox
