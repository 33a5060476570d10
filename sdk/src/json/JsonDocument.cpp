#include <Formance/json/JsonDocument.h>

#include <Formance/json/JsonCodec.h>
#include <Formance/json/JsonWriter.h>

#include "Digits.h"

#include <simdjson.h>

#include <cstring>
#include <vector>

namespace Formance::Json {

struct DocumentData {
    std::unique_ptr<char[]> input; // the JSON text plus simdjson's padding
    std::size_t inputCapacity = 0;
    simdjson::ondemand::parser parser; // owns the unescaped strings the nodes point at
    std::vector<Node> nodes;
};

namespace {

// Parsing a page allocates a few megabytes (the padded copy, simdjson's index and string buffer,
// the nodes). Each thread keeps the buffers of its last released document for its next parse, so
// paging through a ledger reuses them instead of mapping fresh memory for every page.
constexpr std::size_t kMaxPooledInput = 64 * 1024 * 1024;

struct DocumentPool {
    DocumentData *spare = nullptr;
    bool closed = false;
    ~DocumentPool() {
        closed = true;
        delete spare;
        spare = nullptr;
    }
};
thread_local DocumentPool t_pool;

DocumentData *acquireData() {
    if (DocumentData *d = t_pool.spare) {
        t_pool.spare = nullptr;
        return d;
    }
    return new DocumentData;
}

void releaseData(DocumentData *d) {
    if (!t_pool.closed && !t_pool.spare && d->inputCapacity <= kMaxPooledInput) {
        d->nodes.clear();
        t_pool.spare = d;
        return;
    }
    delete d;
}

namespace od = simdjson::ondemand;

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

// RFC 8259 number grammar; raw tokens are not validated by the on-demand front end.
bool isJsonNumber(std::string_view s) {
    size_t i = 0, n = s.size();
    if (i < n && s[i] == '-')
        ++i;
    if (i >= n)
        return false;
    if (s[i] == '0')
        ++i;
    else if (s[i] >= '1' && s[i] <= '9')
        i += Digits::digitRun(s.substr(i));
    else
        return false;
    if (i < n && s[i] == '.') {
        ++i;
        const size_t run = Digits::digitRun(s.substr(i));
        if (run == 0)
            return false;
        i += run;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            ++i;
        const size_t run = Digits::digitRun(s.substr(i));
        if (run == 0)
            return false;
        i += run;
    }
    return i == n;
}

class TreeBuilder {
public:
    explicit TreeBuilder(std::vector<Node> &nodes)
        : m_nodes(nodes) {}

    // Deeper documents are refused before simdjson's iterator reaches its own limit, which it
    // enforces with an assertion (an abort), and before this recursion can exhaust the stack.
    static constexpr int kMaxDepth = 256;

    simdjson::error_code add(od::value value) {
        od::json_type type;
        if (auto err = value.type().get(type))
            return err;
        switch (type) {
        case od::json_type::object: {
            if (++m_depth > kMaxDepth)
                return simdjson::DEPTH_ERROR;
            const size_t self = push(Type::Object);
            const char *start = location(value);
            std::uint32_t count = 0;
            od::object object;
            if (auto err = value.get_object().get(object))
                return err;
            for (auto field : object) {
                std::string_view key;
                if (auto err = field.unescaped_key().get(key))
                    return err;
                leaf(Type::String, key);
                ++count;
                od::value child;
                if (auto err = field.value().get(child))
                    return err;
                if (auto err = add(child))
                    return err;
            }
            m_nodes[self].end = std::uint32_t(m_nodes.size());
            m_nodes[self].count = count;
            source(m_nodes[self], start, location(value), '{', '}');
            --m_depth;
            return simdjson::SUCCESS;
        }
        case od::json_type::array: {
            if (++m_depth > kMaxDepth)
                return simdjson::DEPTH_ERROR;
            const size_t self = push(Type::Array);
            const char *start = location(value);
            std::uint32_t count = 0;
            od::array array;
            if (auto err = value.get_array().get(array))
                return err;
            for (auto element : array) {
                od::value child;
                if (auto err = element.get(child))
                    return err;
                ++count;
                if (auto err = add(child))
                    return err;
            }
            m_nodes[self].end = std::uint32_t(m_nodes.size());
            m_nodes[self].count = count;
            source(m_nodes[self], start, location(value), '[', ']');
            --m_depth;
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
        case od::json_type::null: {
            // Not `if (!value.is_null())`: on a bad atom ("nult") that conversion throws
            // simdjson_error, which nothing catches (found by fuzz_json).
            bool isNull = false;
            if (auto err = value.is_null().get(isNull))
                return err;
            if (!isNull)
                return simdjson::N_ATOM_ERROR;
            leaf(Type::Null, {});
            return simdjson::SUCCESS;
        }
        }
        return simdjson::INCORRECT_TYPE;
    }

    simdjson::error_code addRoot(od::document &doc) {
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
    // Where the iterator is in the input: a container's first byte before it is read, the token
    // after it once read (null at the end of the input).
    static const char *location(od::value &value) {
        const char *at = nullptr;
        return value.current_location().get(at) ? nullptr : at;
    }
    // A container's own text: from its opening bracket to the closing one before `next`. Left
    // empty when that does not hold (the root, whose end is the end of the input).
    static void source(Node &node, const char *start, const char *next, char open, char close) {
        if (!start || !next || *start != open)
            return;
        while (next > start && (next[-1] == ' ' || next[-1] == '\n' || next[-1] == '\r' || next[-1] == '\t'))
            --next;
        if (next - start < 2 || next[-1] != close)
            return;
        node.data = start;
        node.size = std::uint32_t(next - start);
    }
    size_t push(Type type) {
        Node &n = m_nodes.emplace_back();
        n.type = type;
        return m_nodes.size() - 1;
    }
    void leaf(Type type, std::string_view text) {
        Node &n = m_nodes.emplace_back();
        n.data = text.data();
        n.size = std::uint32_t(text.size());
        n.end = std::uint32_t(m_nodes.size());
        n.type = type;
    }
    std::vector<Node> &m_nodes;
    int m_depth = 0;
};

} // namespace

std::optional<Document> Document::parse(const QByteArray &json, QString *error) {
    std::shared_ptr<DocumentData> data(acquireData(), releaseData);
    const std::size_t size = std::size_t(json.size());
    if (data->inputCapacity < size + simdjson::SIMDJSON_PADDING) {
        data->inputCapacity = size + size / 4 + simdjson::SIMDJSON_PADDING;
        data->input.reset(new char[data->inputCapacity]);
    }
    std::memcpy(data->input.get(), json.constData(), size);
    std::memset(data->input.get() + size, 0, simdjson::SIMDJSON_PADDING);
    data->nodes.reserve(size / 8 + 4);
    auto fail = [&](simdjson::error_code code) -> std::optional<Document> {
        if (error)
            *error = QStringLiteral("invalid JSON: %1").arg(QString::fromUtf8(simdjson::error_message(code)));
        return std::nullopt;
    };
    od::document doc;
    if (auto err = data->parser.iterate(data->input.get(), size, data->inputCapacity).get(doc))
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

Value Document::root() const {
    return m_data ? Value(m_data->nodes.data(), 0) : Value();
}

QString Value::toString() const {
    const auto s = stringView();
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

std::uint32_t Value::size() const {
    return isValid() ? node().count : 0; // counted while parsing
}

namespace {
void writeValue(Writer &w, const Value &v) {
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

void write(Writer &w, const Value &v) {
    writeValue(w, v);
}

QByteArray Value::toJson() const {
    Writer w;
    writeValue(w, *this);
    return w.take();
}

} // namespace Formance::Json
