// A read-only JSON tree that keeps every number as its exact source text, so amounts past
// 2^64 survive (QJsonDocument turns them into doubles). Parsed in one pass by our own parser
// (UTF-8 checked by simdjson's validator); the tree is a flat array of nodes and Value is a cheap
// handle into it.
#pragma once

#include <QByteArray>
#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace Formance::Json {

enum class Type : std::uint8_t { Null, Bool, Number, String, Array, Object };

struct Node {
    const char *data = nullptr; // unescaped string, object key, exact number text, or a container's
                                // source text
    std::uint32_t size = 0;     // of that text
    std::uint32_t end = 0;      // index one past this node's subtree
    Type type = Type::Null;
    bool boolean = false;
    std::uint32_t count = 0; // members or elements of a container: lists reserve without a walk
    std::string_view text() const { return {data, size}; }
};

struct DocumentData;

// Values are read millions of times per large page: everything on the read path is inline and
// works on the flat node array directly.
class Value {
public:
    Value() = default;
    Value(const Node *nodes, std::uint32_t index)
        : m_nodes(nodes)
        , m_index(index) {}

    bool isValid() const { return m_nodes != nullptr; } // false for a missing member
    Type type() const { return node().type; }
    bool isNull() const { return !isValid() || type() == Type::Null; }
    bool isObject() const { return isValid() && type() == Type::Object; }
    bool isArray() const { return isValid() && type() == Type::Array; }
    bool isString() const { return isValid() && type() == Type::String; }
    bool isNumber() const { return isValid() && type() == Type::Number; }
    bool isBool() const { return isValid() && type() == Type::Bool; }

    bool toBool() const { return isBool() && node().boolean; }
    std::string_view stringView() const {
        return isString() ? node().text() : std::string_view();
    } // UTF-8, unescaped
    QString toString() const;
    std::string_view numberText() const {
        return isNumber() ? node().text() : std::string_view();
    } // exact text as sent
    // An object's or array's JSON text exactly as it came, whitespace included; empty for other
    // types. Passing items on untouched (a JSON Lines export) is then one copy.
    std::string_view sourceText() const {
        return isObject() || isArray() ? node().text() : std::string_view();
    }
    Value operator[](std::string_view key) const; // linear: objects here are small
    // One pass over an object's members into one slot per known key (keys[i] to found[i], left
    // invalid when missing); the first occurrence of a key wins, as with operator[]. Members come
    // in the same order almost every time (one encoder, one struct): hints[i] remembers which key
    // followed key i last time (hints[n]: the first key), so a member usually costs one comparison.
    // The hints are only a guess (relaxed, shared by threads); the result never depends on them.
    void collect(const std::string_view *keys, std::uint32_t n, Value *found,
                 std::atomic<std::uint16_t> *hints) const;
    std::uint32_t size() const; // members or elements

    QByteArray toJson() const; // compact re-serialisation, numbers exact

    class Iterator {
    public:
        Iterator(const Node *nodes, std::uint32_t index, bool object)
            : m_nodes(nodes)
            , m_index(index)
            , m_object(object) {}
        std::pair<std::string_view, Value> member() const {
            return {m_nodes[m_index].text(), Value(m_nodes, m_index + 1)};
        }                                                         // objects
        Value element() const { return Value(m_nodes, m_index); } // arrays
        Iterator &operator++() {
            // objects: skip the key, then the value's subtree
            m_index = m_object ? m_nodes[m_index + 1].end : m_nodes[m_index].end;
            return *this;
        }
        bool operator!=(const Iterator &o) const { return m_index != o.m_index; }

    private:
        const Node *m_nodes;
        std::uint32_t m_index;
        bool m_object;
    };
    struct MemberRange {
        Iterator b, e;
        struct It : Iterator {
            std::pair<std::string_view, Value> operator*() const { return member(); }
        };
        It begin() const { return {b}; }
        It end() const { return {e}; }
    };
    struct ElementRange {
        Iterator b, e;
        struct It : Iterator {
            Value operator*() const { return element(); }
        };
        It begin() const { return {b}; }
        It end() const { return {e}; }
    };
    MemberRange members() const // empty unless an object
    {
        if (!isObject())
            return {{nullptr, 0, true}, {nullptr, 0, true}};
        return {{m_nodes, m_index + 1, true}, {m_nodes, node().end, true}};
    }
    ElementRange elements() const // empty unless an array
    {
        if (!isArray())
            return {{nullptr, 0, false}, {nullptr, 0, false}};
        return {{m_nodes, m_index + 1, false}, {m_nodes, node().end, false}};
    }

private:
    const Node &node() const { return m_nodes[m_index]; }
    const Node *m_nodes = nullptr;
    std::uint32_t m_index = 0;
};

inline Value Value::operator[](std::string_view key) const {
    if (!isObject())
        return {};
    const std::uint32_t end = node().end;
    for (std::uint32_t i = m_index + 1; i < end; i = m_nodes[i + 1].end) {
        const std::string_view k = m_nodes[i].text();
        if (k.size() == key.size() && std::char_traits<char>::compare(k.data(), key.data(), k.size()) == 0)
            return Value(m_nodes, i + 1);
    }
    return {};
}

inline void Value::collect(const std::string_view *keys, std::uint32_t n, Value *found,
                           std::atomic<std::uint16_t> *hints) const {
    if (!isObject())
        return;
    const auto same = [](std::string_view a, std::string_view b) {
        return a.size() == b.size() && std::char_traits<char>::compare(a.data(), b.data(), a.size()) == 0;
    };
    const std::uint32_t end = node().end;
    std::uint32_t previous = n; // hints[n]: which key comes first
    for (std::uint32_t i = m_index + 1; i < end; i = m_nodes[i + 1].end) {
        const std::string_view k = m_nodes[i].text();
        std::uint32_t f = hints[previous].load(std::memory_order_relaxed);
        if (f >= n || !same(keys[f], k)) {
            f = 0;
            while (f < n && !same(keys[f], k))
                ++f;
            if (f == n)
                continue; // not a member of this model
            hints[previous].store(std::uint16_t(f), std::memory_order_relaxed);
        }
        if (!found[f].isValid())
            found[f] = Value(m_nodes, i + 1);
        previous = f;
    }
}

class Document {
public:
    // Parses one complete JSON text. On failure returns nullopt and sets *error.
    static std::optional<Document> parse(const QByteArray &json, QString *error = nullptr);
    Value root() const;

private:
    std::shared_ptr<const DocumentData> m_data;
};

} // namespace Formance::Json
