// A read-only JSON tree that keeps every number as its exact source text, so amounts past
// 2^64 survive (QJsonDocument turns them into doubles). Parsed with simdjson; the tree is a
// flat array of nodes and Value is a cheap handle into it.
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>

namespace Formance::Json {

enum class Type : std::uint8_t { Null, Bool, Number, String, Array, Object };

struct Node {
    Type type;
    bool boolean = false;
    std::uint32_t end = 0; // index one past this node's subtree
    std::string_view text; // unescaped string, object key, or exact number text
};

struct DocumentData;

class Value {
public:
    Value() = default;
    Value(const DocumentData *doc, std::uint32_t index) : m_doc(doc), m_index(index) {}

    bool isValid() const { return m_doc != nullptr; } // false for a missing member
    Type type() const;
    bool isNull() const { return !isValid() || type() == Type::Null; }
    bool isObject() const { return isValid() && type() == Type::Object; }
    bool isArray() const { return isValid() && type() == Type::Array; }
    bool isString() const { return isValid() && type() == Type::String; }
    bool isNumber() const { return isValid() && type() == Type::Number; }
    bool isBool() const { return isValid() && type() == Type::Bool; }

    bool toBool() const;
    std::string_view stringView() const; // UTF-8, unescaped
    QString toString() const;
    std::string_view numberText() const; // exact text as sent
    Value operator[](std::string_view key) const; // linear: objects here are small
    std::uint32_t size() const;                   // members or elements

    QByteArray toJson() const; // compact re-serialisation, numbers exact

    class Iterator {
    public:
        Iterator(const DocumentData *doc, std::uint32_t index, bool object)
            : m_doc(doc), m_index(index), m_object(object) {}
        std::pair<std::string_view, Value> member() const; // objects
        Value element() const;                              // arrays
        Iterator &operator++();
        bool operator!=(const Iterator &o) const { return m_index != o.m_index; }

    private:
        const DocumentData *m_doc;
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
    MemberRange members() const;   // empty unless an object
    ElementRange elements() const; // empty unless an array

private:
    const Node &node() const;
    const DocumentData *m_doc = nullptr;
    std::uint32_t m_index = 0;
};

class Document {
public:
    // Parses one complete JSON text. On failure returns nullopt and sets *error.
    static std::optional<Document> parse(const QByteArray &json, QString *error = nullptr);
    Value root() const { return Value(m_data.get(), 0); }

private:
    std::shared_ptr<const DocumentData> m_data;
};

} // namespace Formance::Json
