// Streaming compact JSON writer. Numbers are written from exact text, never via double.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <cstdint>
#include <string_view>
#include <vector>

namespace Formance {
class BigInt;
}

namespace Formance::Json {

class Writer {
public:
    Writer() = default;
    Writer(const Writer &) = delete; // it writes through a pointer into its own buffer
    Writer &operator=(const Writer &) = delete;
    // Appends to `buffer` (take() gives it back): a caller writing many values reuses one buffer.
    explicit Writer(QByteArray &&buffer)
        : m_out(std::move(buffer))
        , m_len(m_out.size())
        , m_end(m_len) {}

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

    QByteArray take() {
        m_out.resize(m_len);
        m_len = 0;
        m_end = 0;
        return std::move(m_out);
    }
    const QByteArray &data() const {
        m_out.resize(m_len); // keeps the capacity: the next write grows it back without copying
        m_end = m_len;
        return m_out;
    }

private:
    // Writes go straight into the buffer's bytes (m_len of them used, m_end available): a value is
    // a handful of tiny pieces, and QByteArray::append's checks per piece were most of the time of
    // writing a large document (a JSON Lines export). m_buf is m_out's bytes as of the last grow();
    // data() and take() set m_end to m_len, so the next write grows (and detaches) first.
    char *room(qsizetype n) {
        if (m_len + n > m_end)
            grow(n);
        return m_buf + m_len;
    }
    void put(char c) { *room(1) = c, ++m_len; }
    void put(const char *s, qsizetype n);
    void put(std::string_view s) { put(s.data(), qsizetype(s.size())); }
    void grow(qsizetype n);
    void escaped(std::string_view utf8);
    void escaped(QStringView utf16);
    void separator();
    void open(char bracket);
    void close(char bracket);
    // Per open container, whether no member is written yet: a bit per level for the first 64 (a
    // writer per exported row then allocates nothing for it), a vector beyond.
    static constexpr int kInlineDepth = 64;
    mutable QByteArray m_out;
    char *m_buf = nullptr;
    qsizetype m_len = 0;         // bytes written
    mutable qsizetype m_end = 0; // m_out's size: bytes that can be written before growing
    std::uint64_t m_first = 0;
    std::vector<bool> m_deepFirst;
    int m_depth = 0;
    bool m_afterKey = false;
};

} // namespace Formance::Json
