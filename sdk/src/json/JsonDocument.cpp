#include "JsonDocument.h"

#include "JsonWriter.h"

#include <simdjson.h>

#include <vector>

namespace Formance::Json {

struct DocumentData {
    simdjson::padded_string input;
    simdjson::ondemand::parser parser; // owns the unescaped strings the nodes point at
    std::vector<Node> nodes;
};

namespace {

namespace od = simdjson::ondemand;

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

// RFC 8259 number grammar; raw tokens are not validated by the on-demand front end.
bool isJsonNumber(std::string_view s)
{
    size_t i = 0, n = s.size();
    if (i < n && s[i] == '-')
        ++i;
    if (i >= n)
        return false;
    if (s[i] == '0') {
        ++i;
    } else if (s[i] >= '1' && s[i] <= '9') {
        while (i < n && s[i] >= '0' && s[i] <= '9')
            ++i;
    } else {
        return false;
    }
    if (i < n && s[i] == '.') {
        ++i;
        size_t start = i;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            ++i;
        if (i == start)
            return false;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            ++i;
        size_t start = i;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            ++i;
        if (i == start)
            return false;
    }
    return i == n;
}

class TreeBuilder {
public:
    explicit TreeBuilder(std::vector<Node> &nodes) : m_nodes(nodes) {}

    simdjson::error_code add(od::value value)
    {
        od::json_type type;
        if (auto err = value.type().get(type))
            return err;
        switch (type) {
        case od::json_type::object: {
            const size_t self = push(Type::Object);
            od::object object;
            if (auto err = value.get_object().get(object))
                return err;
            for (auto field : object) {
                std::string_view key;
                if (auto err = field.unescaped_key().get(key))
                    return err;
                m_nodes.push_back(Node{Type::String, false, std::uint32_t(m_nodes.size() + 1), key});
                od::value child;
                if (auto err = field.value().get(child))
                    return err;
                if (auto err = add(child))
                    return err;
            }
            m_nodes[self].end = std::uint32_t(m_nodes.size());
            return simdjson::SUCCESS;
        }
        case od::json_type::array: {
            const size_t self = push(Type::Array);
            od::array array;
            if (auto err = value.get_array().get(array))
                return err;
            for (auto element : array) {
                od::value child;
                if (auto err = element.get(child))
                    return err;
                if (auto err = add(child))
                    return err;
            }
            m_nodes[self].end = std::uint32_t(m_nodes.size());
            return simdjson::SUCCESS;
        }
        case od::json_type::string: {
            std::string_view s;
            if (auto err = value.get_string().get(s))
                return err;
            leaf(Type::String, s);
            return simdjson::SUCCESS;
        }
        case od::json_type::number: {
            std::string_view raw = trimmed(value.raw_json_token());
            if (!isJsonNumber(raw))
                return simdjson::NUMBER_ERROR;
            leaf(Type::Number, raw);
            return simdjson::SUCCESS;
        }
        case od::json_type::boolean: {
            bool b;
            if (auto err = value.get_bool().get(b))
                return err;
            const size_t i = push(Type::Bool);
            m_nodes[i].boolean = b;
            m_nodes[i].end = std::uint32_t(i + 1);
            return simdjson::SUCCESS;
        }
        case od::json_type::null:
            if (!value.is_null())
                return simdjson::N_ATOM_ERROR;
            leaf(Type::Null, {});
            return simdjson::SUCCESS;
        }
        return simdjson::INCORRECT_TYPE;
    }

    simdjson::error_code addRoot(od::document &doc)
    {
        od::json_type type;
        if (auto err = doc.type().get(type))
            return err;
        if (type == od::json_type::object || type == od::json_type::array) {
            od::value v;
            if (auto err = doc.get_value().get(v))
                return err;
            return add(v);
        }
        switch (type) {
        case od::json_type::string: {
            std::string_view s;
            if (auto err = doc.get_string().get(s))
                return err;
            leaf(Type::String, s);
            return simdjson::SUCCESS;
        }
        case od::json_type::number: {
            std::string_view raw;
            if (auto err = doc.raw_json_token().get(raw))
                return err;
            raw = trimmed(raw);
            if (!isJsonNumber(raw))
                return simdjson::NUMBER_ERROR;
            leaf(Type::Number, raw);
            return simdjson::SUCCESS;
        }
        case od::json_type::boolean: {
            bool b;
            if (auto err = doc.get_bool().get(b))
                return err;
            const size_t i = push(Type::Bool);
            m_nodes[i].boolean = b;
            m_nodes[i].end = std::uint32_t(i + 1);
            return simdjson::SUCCESS;
        }
        case od::json_type::null: {
            bool isNull = false;
            if (auto err = doc.is_null().get(isNull))
                return err;
            if (!isNull)
                return simdjson::N_ATOM_ERROR;
            leaf(Type::Null, {});
            return simdjson::SUCCESS;
        }
        default:
            return simdjson::INCORRECT_TYPE;
        }
    }

private:
    size_t push(Type type)
    {
        m_nodes.push_back(Node{type, false, 0, {}});
        return m_nodes.size() - 1;
    }
    void leaf(Type type, std::string_view text)
    {
        m_nodes.push_back(Node{type, false, std::uint32_t(m_nodes.size() + 1), text});
    }
    std::vector<Node> &m_nodes;
};

} // namespace

std::optional<Document> Document::parse(const QByteArray &json, QString *error)
{
    auto data = std::make_shared<DocumentData>();
    data->input = simdjson::padded_string(json.constData(), size_t(json.size()));
    data->nodes.reserve(size_t(json.size() / 8) + 4);
    auto fail = [&](simdjson::error_code code) -> std::optional<Document> {
        if (error)
            *error = QStringLiteral("invalid JSON: %1").arg(QString::fromUtf8(simdjson::error_message(code)));
        return std::nullopt;
    };
    od::document doc;
    if (auto err = data->parser.iterate(data->input).get(doc))
        return fail(err);
    TreeBuilder builder(data->nodes);
    if (auto err = builder.addRoot(doc))
        return fail(err);
    // After a container root, anything but the end of input is trailing garbage.
    if (data->nodes.front().type == Type::Object || data->nodes.front().type == Type::Array) {
        if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS)
            return fail(simdjson::TRAILING_CONTENT);
    }
    Document d;
    d.m_data = std::move(data);
    return d;
}

const Node &Value::node() const
{
    return m_doc->nodes[m_index];
}

Type Value::type() const
{
    return node().type;
}

bool Value::toBool() const
{
    return isBool() && node().boolean;
}

std::string_view Value::stringView() const
{
    return isString() ? node().text : std::string_view();
}

QString Value::toString() const
{
    const auto s = stringView();
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

std::string_view Value::numberText() const
{
    return isNumber() ? node().text : std::string_view();
}

Value Value::operator[](std::string_view key) const
{
    for (auto [k, v] : members())
        if (k == key)
            return v;
    return {};
}

std::uint32_t Value::size() const
{
    std::uint32_t n = 0;
    if (isObject())
        for ([[maybe_unused]] auto m : members())
            ++n;
    else if (isArray())
        for ([[maybe_unused]] auto e : elements())
            ++n;
    return n;
}

Value::MemberRange Value::members() const
{
    if (!isObject())
        return {{nullptr, 0, true}, {nullptr, 0, true}};
    return {{m_doc, m_index + 1, true}, {m_doc, node().end, true}};
}

Value::ElementRange Value::elements() const
{
    if (!isArray())
        return {{nullptr, 0, false}, {nullptr, 0, false}};
    return {{m_doc, m_index + 1, false}, {m_doc, node().end, false}};
}

std::pair<std::string_view, Value> Value::Iterator::member() const
{
    return {m_doc->nodes[m_index].text, Value(m_doc, m_index + 1)};
}

Value Value::Iterator::element() const
{
    return Value(m_doc, m_index);
}

Value::Iterator &Value::Iterator::operator++()
{
    if (m_object)
        m_index = m_doc->nodes[m_index + 1].end; // skip the key, then the value's subtree
    else
        m_index = m_doc->nodes[m_index].end;
    return *this;
}

namespace {
void writeValue(Writer &w, const Value &v)
{
    if (!v.isValid()) {
        w.null();
        return;
    }
    switch (v.type()) {
    case Type::Null:
        w.null();
        break;
    case Type::Bool:
        w.value(v.toBool());
        break;
    case Type::Number:
        w.rawNumber(v.numberText());
        break;
    case Type::String:
        w.value(v.stringView());
        break;
    case Type::Array:
        w.beginArray();
        for (auto e : v.elements())
            writeValue(w, e);
        w.endArray();
        break;
    case Type::Object:
        w.beginObject();
        for (auto [k, e] : v.members()) {
            w.key(k);
            writeValue(w, e);
        }
        w.endObject();
        break;
    }
}
} // namespace

QByteArray Value::toJson() const
{
    Writer w;
    writeValue(w, *this);
    return w.take();
}

} // namespace Formance::Json
