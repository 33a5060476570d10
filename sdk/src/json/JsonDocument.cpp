#include <Formance/json/JsonDocument.h>

#include <Formance/json/JsonCodec.h>
#include <Formance/json/JsonWriter.h>

#include "Scanner.h"

#include <limits>
#include <vector>

namespace Formance::Json {

namespace Detail {

// Parsing a page allocates a few megabytes (the padded copy, the string buffer, the nodes). Each
// thread keeps the buffers of its last released document for its next parse.
constexpr std::size_t kMaxPooledInput = 64 * 1024 * 1024;

namespace {
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
} // namespace

DocumentData *acquireData() {
    if (DocumentData *d = t_pool.spare) {
        t_pool.spare = nullptr;
        return d;
    }
    return new DocumentData;
}

void releaseData(DocumentData *d) {
    if (!t_pool.closed && !t_pool.spare && d->inputCapacity <= kMaxPooledInput &&
        d->textCapacity <= kMaxPooledInput) {
        d->nodes.clear();
        t_pool.spare = d;
        return;
    }
    delete d;
}

bool reserveText(DocumentData &d, std::size_t size) {
    if (size > std::numeric_limits<std::uint32_t>::max() - kPadding)
        return false;
    if (d.textCapacity < size + kPadding) {
        d.textCapacity = size + size / 4 + kPadding;
        d.text.reset(new char[d.textCapacity]);
    }
    return true;
}

bool fill(DocumentData &d, const char *json, std::size_t size) {
    if (size > std::numeric_limits<std::uint32_t>::max() - kPadding)
        return false;
    if (d.inputCapacity < size + kPadding) {
        d.inputCapacity = size + size / 4 + kPadding;
        d.input.reset(new char[d.inputCapacity]);
    }
    reserveText(d, size); // unescaped text is never longer
    std::memcpy(d.input.get(), json, size);
    std::memset(d.input.get() + size, 0, kPadding);
    return true;
}

} // namespace Detail

namespace {

// A one-pass recursive-descent parser straight into the node tree. It replaced simdjson's
// on-demand iteration: a tree of every value is built anyway, and that iteration copied every
// string (here strings without escapes point at the input). UTF-8 is checked by simdjson's
// validator, on the strings that hold non-ASCII bytes only.
class TreeParser : Detail::Scanner {
public:
    TreeParser(const char *input, std::size_t size, char *text, std::vector<Node> &nodes)
        : Scanner(input, input + size, text)
        , m_nodes(nodes) {}

    // Parses the whole input; on failure returns false, error() saying what and where.
    bool parse() {
        const char *p = space(begin());
        if (p >= end()) {
            fail(p, "the answer is empty");
            return false;
        }
        if (!(p = value(p)))
            return false;
        p = space(p);
        if (p != end()) {
            fail(p, "unexpected text after the JSON value");
            return false;
        }
        return true;
    }
    QString error() const {
        return QStringLiteral("invalid JSON: %1 at byte %2").arg(Scanner::error()).arg(errorAt() - begin());
    }

private:
    const char *value(const char *p) {
        switch (*p) {
        case '{':
            return object(p);
        case '[':
            return array(p);
        case '"':
            return string(p);
        case 't':
            return atom(p, "true", 4, Type::Bool, true);
        case 'f':
            return atom(p, "false", 5, Type::Bool, false);
        case 'n':
            return atom(p, "null", 4, Type::Null, false);
        default:
            if (*p == '-' || (*p >= '0' && *p <= '9'))
                return number(p);
            return failAt(p, "unexpected character");
        }
    }

    const char *object(const char *start) {
        if (++m_depth > kMaxDepth)
            return fail(start, "nested too deep");
        const std::size_t self = push(Type::Object);
        std::uint32_t count = 0;
        const char *p = space(start + 1);
        if (*p != '}') {
            for (;;) {
                if (*p != '"')
                    return failAt(p, "expected a member name");
                if (!(p = string(p)))
                    return nullptr;
                p = space(p);
                if (*p != ':')
                    return failAt(p, "expected ':'");
                p = space(p + 1);
                if (!(p = value(p)))
                    return nullptr;
                ++count;
                p = space(p);
                if (*p == ',') {
                    p = space(p + 1);
                    continue;
                }
                if (*p == '}')
                    break;
                return failAt(p, "expected ',' or '}'");
            }
        }
        return close(self, start, p + 1, count);
    }

    const char *array(const char *start) {
        if (++m_depth > kMaxDepth)
            return fail(start, "nested too deep");
        const std::size_t self = push(Type::Array);
        std::uint32_t count = 0;
        const char *p = space(start + 1);
        if (*p != ']') {
            for (;;) {
                if (!(p = value(p)))
                    return nullptr;
                ++count;
                p = space(p);
                if (*p == ',') {
                    p = space(p + 1);
                    continue;
                }
                if (*p == ']')
                    break;
                return failAt(p, "expected ',' or ']'");
            }
        }
        return close(self, start, p + 1, count);
    }

    const char *close(std::size_t self, const char *start, const char *end, std::uint32_t count) {
        Node &n = m_nodes[self];
        n.end = std::uint32_t(m_nodes.size());
        n.count = count;
        n.data = start;
        n.size = std::uint32_t(end - start);
        --m_depth;
        return end;
    }

    const char *atom(const char *p, const char *word, std::size_t n, Type type, bool boolean) {
        if (!(p = literal(p, word, n)))
            return nullptr;
        const std::size_t i = push(type);
        m_nodes[i].boolean = boolean;
        m_nodes[i].end = std::uint32_t(i + 1);
        return p;
    }

    // The node keeps the number's exact text.
    const char *number(const char *start) {
        const char *p = Scanner::number(start);
        if (p)
            leaf(Type::Number, start, std::size_t(p - start));
        return p;
    }

    const char *string(const char *quote) {
        std::string_view s;
        const char *p = Scanner::string(quote, &s);
        if (p)
            leaf(Type::String, s.data(), s.size());
        return p;
    }

    std::size_t push(Type type) {
        Node &n = m_nodes.emplace_back();
        n.type = type;
        return m_nodes.size() - 1;
    }
    void leaf(Type type, const char *text, std::size_t size) {
        Node &n = m_nodes.emplace_back();
        n.data = text;
        n.size = std::uint32_t(size);
        n.end = std::uint32_t(m_nodes.size());
        n.type = type;
    }

    std::vector<Node> &m_nodes;
    int m_depth = 0;
};

} // namespace

std::optional<Document> Document::parse(const QByteArray &json, QString *error) {
    std::shared_ptr<DocumentData> data(Detail::acquireData(), Detail::releaseData);
    const std::size_t size = std::size_t(json.size());
    if (!Detail::fill(*data, json.constData(), size)) {
        if (error)
            *error = QStringLiteral("invalid JSON: the answer is larger than 4 GB");
        return std::nullopt;
    }
    data->nodes.reserve(size / 8 + 4);
    TreeParser parser(data->input.get(), size, data->text.get(), data->nodes);
    if (!parser.parse()) {
        if (error)
            *error = parser.error();
        return std::nullopt;
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
