// Streaming compact JSON writer. Numbers are written from exact text, never via double.
#pragma once

#include <QByteArray>
#include <QString>

#include <string_view>
#include <vector>

namespace Formance {
class BigInt;
}

namespace Formance::Json {

class Writer {
public:
    Writer() = default;
    // Appends to `buffer` (take() gives it back): a caller writing many values reuses one buffer.
    explicit Writer(QByteArray &&buffer)
        : m_out(std::move(buffer)) {}

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(std::string_view name);
    void key(const QString &name);
    void key(const char *name) { key(std::string_view(name)); }

    void null();
    void value(bool b);
    void value(qint64 n);
    void value(int n) { value(qint64(n)); }
    void value(double d);
    void value(std::string_view s);
    void value(const char *s) { value(std::string_view(s)); }
    void value(const QString &s);
    void value(const BigInt &n);
    void rawNumber(std::string_view text);
    void rawJson(const QByteArray &json); // an already valid JSON text

    QByteArray take() { return std::move(m_out); }
    const QByteArray &data() const { return m_out; }

private:
    void separator();
    QByteArray m_out;
    std::vector<bool> m_first; // per open container: no member written yet
    bool m_afterKey = false;
};

} // namespace Formance::Json
