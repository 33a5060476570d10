#include "TriggerExpression.h"

#include <Formance/BigInt.h>
#include <Formance/json/JsonDocument.h>

#include <cmath>
#include <vector>

namespace Formance::Sandbox {

// --- syntax ---

enum class Tok { End, Ident, Number, String, Op, LParen, RParen, LBracket, RBracket, Dot, Comma };

struct Token {
    Tok kind = Tok::End;
    QString text;
    int pos = 0;
};

enum class NodeKind { Literal, Event, Member, Index, Unary, Binary, Call };

struct ExprNode {
    NodeKind kind = NodeKind::Literal;
    QString op;             // operator, member name, function name
    QString text;           // literal text
    char literalType = 'n'; // 'n' nil, 'b' bool, '#' number, 's' string
    std::vector<std::shared_ptr<const ExprNode>> kids;
    int depth = 1; // of the tree below and including this node
};

using NodePtr = std::shared_ptr<const ExprNode>;

namespace {

struct SyntaxError {
    QString message;
};

// Bounds that keep parsing, evaluating and freeing an expression far from the thread's stack
// limit (the recursion is per nesting level and per tree level): deeper expressions are refused.
constexpr int kMaxNesting = 64;    // parentheses, brackets, calls, prefix operators
constexpr int kMaxTreeDepth = 256; // also bounds a chain such as a || b || c ...
constexpr int kMaxLength = 64 * 1024;

std::vector<Token> tokenize(const QString &s) {
    std::vector<Token> out;
    int i = 0;
    const int n = int(s.size());
    while (i < n) {
        const QChar c = s[i];
        if (c.isSpace()) {
            ++i;
            continue;
        }
        Token t;
        t.pos = i;
        if (c.isLetter() || c == u'_' || c == u'$') {
            int j = i + 1;
            while (j < n && (s[j].isLetterOrNumber() || s[j] == u'_' || s[j] == u'$'))
                ++j;
            t.kind = Tok::Ident;
            t.text = s.mid(i, j - i);
            i = j;
        } else if (c.isDigit()) {
            int j = i + 1;
            while (j < n && s[j].isDigit())
                ++j;
            if (j + 1 < n && s[j] == u'.' && s[j + 1].isDigit()) {
                ++j;
                while (j < n && s[j].isDigit())
                    ++j;
            }
            t.kind = Tok::Number;
            t.text = s.mid(i, j - i);
            i = j;
        } else if (c == u'"' || c == u'\'') {
            QString text;
            int j = i + 1;
            bool closed = false;
            while (j < n) {
                if (s[j] == u'\\' && j + 1 < n) {
                    const QChar e = s[j + 1];
                    text += e == u'n' ? QChar(u'\n') : e == u't' ? QChar(u'\t') : e;
                    j += 2;
                    continue;
                }
                if (s[j] == c) {
                    closed = true;
                    ++j;
                    break;
                }
                text += s[j++];
            }
            if (!closed)
                throw SyntaxError{QStringLiteral("unterminated string at %1").arg(i)};
            t.kind = Tok::String;
            t.text = text;
            i = j;
        } else {
            static const char *const two[] = {"==", "!=", "<=", ">=", "&&", "||"};
            const QString pair = s.mid(i, 2);
            bool found = false;
            for (const char *op : two)
                if (pair == QLatin1String(op)) {
                    t.kind = Tok::Op;
                    t.text = pair;
                    i += 2;
                    found = true;
                    break;
                }
            if (!found) {
                switch (c.unicode()) {
                case '(':
                    t.kind = Tok::LParen;
                    break;
                case ')':
                    t.kind = Tok::RParen;
                    break;
                case '[':
                    t.kind = Tok::LBracket;
                    break;
                case ']':
                    t.kind = Tok::RBracket;
                    break;
                case '.':
                    t.kind = Tok::Dot;
                    break;
                case ',':
                    t.kind = Tok::Comma;
                    break;
                case '<':
                case '>':
                case '+':
                case '-':
                case '!':
                    t.kind = Tok::Op;
                    break;
                default:
                    throw SyntaxError{QStringLiteral("unexpected '%1' at %2").arg(c).arg(i)};
                }
                t.text = QString(c);
                ++i;
            }
        }
        out.push_back(t);
    }
    Token end;
    end.pos = n;
    out.push_back(end);
    return out;
}

class Parser {
public:
    explicit Parser(std::vector<Token> tokens)
        : m_t(std::move(tokens)) {}

    NodePtr parseAll() {
        NodePtr e = orExpr();
        if (peek().kind != Tok::End)
            fail(QStringLiteral("unexpected '%1'").arg(peek().text));
        return e;
    }

private:
    const Token &peek() const { return m_t[m_i]; }
    Token next() { return m_t[m_i++]; }
    [[noreturn]] void fail(const QString &m) const {
        throw SyntaxError{QStringLiteral("%1 at %2").arg(m).arg(peek().pos)};
    }
    bool isOp(const char *op) const {
        const Token &t = peek();
        return (t.kind == Tok::Op || t.kind == Tok::Ident) && t.text == QLatin1String(op);
    }
    NodePtr binary(const QString &op, NodePtr a, NodePtr b) const {
        auto n = std::make_shared<ExprNode>();
        n->kind = NodeKind::Binary;
        n->op = op;
        n->kids = {std::move(a), std::move(b)};
        return finish(std::move(n));
    }

    struct Nesting {
        explicit Nesting(Parser &p)
            : m_p(p) {
            if (++m_p.m_nesting > kMaxNesting)
                m_p.fail(QStringLiteral("expression nested deeper than %1 levels").arg(kMaxNesting));
        }
        ~Nesting() { --m_p.m_nesting; }
        Parser &m_p;
    };
    // Sets n's depth from its children; refuses a tree deeper than kMaxTreeDepth.
    NodePtr finish(std::shared_ptr<ExprNode> n) const {
        for (const NodePtr &k : n->kids)
            n->depth = std::max(n->depth, k->depth + 1);
        if (n->depth > kMaxTreeDepth)
            fail(QStringLiteral("expression deeper than %1 levels").arg(kMaxTreeDepth));
        return n;
    }

    NodePtr orExpr() {
        Nesting nesting(*this);
        NodePtr e = andExpr();
        while (isOp("||") || isOp("or")) {
            next();
            e = binary(QStringLiteral("||"), e, andExpr());
        }
        return e;
    }
    NodePtr andExpr() {
        NodePtr e = cmpExpr();
        while (isOp("&&") || isOp("and")) {
            next();
            e = binary(QStringLiteral("&&"), e, cmpExpr());
        }
        return e;
    }
    NodePtr cmpExpr() {
        NodePtr e = addExpr();
        for (const char *op :
             {"==", "!=", "<=", ">=", "<", ">", "in", "contains", "startsWith", "endsWith"}) {
            if (isOp(op)) {
                next();
                return binary(QString::fromLatin1(op), e, addExpr());
            }
        }
        return e;
    }
    NodePtr addExpr() {
        NodePtr e = unary();
        while (isOp("+") || isOp("-")) {
            const QString op = next().text;
            e = binary(op, e, unary());
        }
        return e;
    }
    NodePtr unary() {
        if (isOp("!") || isOp("not") || isOp("-")) {
            Nesting nesting(*this);
            const QString op = next().text;
            auto n = std::make_shared<ExprNode>();
            n->kind = NodeKind::Unary;
            n->op = op == QLatin1String("-") ? op : QStringLiteral("!");
            n->kids = {unary()};
            return finish(std::move(n));
        }
        return postfix();
    }
    NodePtr postfix() {
        NodePtr e = primary();
        for (;;) {
            if (peek().kind == Tok::Dot) {
                next();
                if (peek().kind != Tok::Ident)
                    fail(QStringLiteral("a member name is expected"));
                auto n = std::make_shared<ExprNode>();
                n->kind = NodeKind::Member;
                n->op = next().text;
                n->kids = {e};
                e = finish(std::move(n));
            } else if (peek().kind == Tok::LBracket) {
                next();
                auto n = std::make_shared<ExprNode>();
                n->kind = NodeKind::Index;
                n->kids = {e, orExpr()};
                if (peek().kind != Tok::RBracket)
                    fail(QStringLiteral("']' is expected"));
                next();
                e = finish(std::move(n));
            } else {
                return e;
            }
        }
    }
    NodePtr primary() {
        const Token t = next();
        auto n = std::make_shared<ExprNode>();
        switch (t.kind) {
        case Tok::Number:
            n->literalType = '#';
            n->text = t.text;
            return n;
        case Tok::String:
            n->literalType = 's';
            n->text = t.text;
            return n;
        case Tok::LParen: {
            NodePtr e = orExpr();
            if (peek().kind != Tok::RParen)
                fail(QStringLiteral("')' is expected"));
            next();
            return e;
        }
        case Tok::Ident:
            if (t.text == QLatin1String("true") || t.text == QLatin1String("false")) {
                n->literalType = 'b';
                n->text = t.text;
                return n;
            }
            if (t.text == QLatin1String("nil") || t.text == QLatin1String("null"))
                return n;
            if (t.text == QLatin1String("event")) {
                n->kind = NodeKind::Event;
                return n;
            }
            if (peek().kind == Tok::LParen) {
                static const char *const functions[] = {"len", "string", "lower", "upper"};
                bool known = false;
                for (const char *f : functions)
                    known = known || t.text == QLatin1String(f);
                if (!known)
                    throw SyntaxError{QStringLiteral("unknown function '%1' at %2").arg(t.text).arg(t.pos)};
                next();
                n->kind = NodeKind::Call;
                n->op = t.text;
                n->kids = {orExpr()};
                if (peek().kind != Tok::RParen)
                    fail(QStringLiteral("')' is expected"));
                next();
                return finish(std::move(n));
            }
            throw SyntaxError{
                QStringLiteral("unknown name '%1' at %2 (the payload is 'event')").arg(t.text).arg(t.pos)};
        default:
            throw SyntaxError{QStringLiteral("unexpected '%1' at %2")
                                  .arg(t.kind == Tok::End ? QStringLiteral("end") : t.text)
                                  .arg(t.pos)};
        }
    }

    std::vector<Token> m_t;
    size_t m_i = 0;
    int m_nesting = 0;
};

// --- evaluation ---

struct EvalError {
    QString message;
};

struct Val {
    enum Type { Nil, Bool, Num, Str, Json } type = Nil;
    bool b = false;
    QString s; // string, or number text
    Json::Value j;

    static Val boolean(bool v) {
        Val r;
        r.type = Bool;
        r.b = v;
        return r;
    }
    static Val str(QString v) {
        Val r;
        r.type = Str;
        r.s = std::move(v);
        return r;
    }
    static Val num(QString v) {
        Val r;
        r.type = Num;
        r.s = std::move(v);
        return r;
    }
    static Val from(const Json::Value &v) {
        Val r;
        if (v.isNull())
            return r;
        if (v.isBool())
            return boolean(v.toBool());
        if (v.isNumber())
            return num(QString::fromUtf8(v.numberText().data(), qsizetype(v.numberText().size())));
        if (v.isString())
            return str(v.toString());
        r.type = Json;
        r.j = v;
        return r;
    }
    QString typeName() const {
        switch (type) {
        case Nil:
            return QStringLiteral("nil");
        case Bool:
            return QStringLiteral("bool");
        case Num:
            return QStringLiteral("number");
        case Str:
            return QStringLiteral("string");
        case Json:
            return j.isArray() ? QStringLiteral("array") : QStringLiteral("object");
        }
        return {};
    }
    QString toText() const {
        switch (type) {
        case Nil:
            return QStringLiteral("nil");
        case Bool:
            return b ? QStringLiteral("true") : QStringLiteral("false");
        case Num:
        case Str:
            return s;
        case Json:
            return QString::fromUtf8(j.toJson());
        }
        return {};
    }
};

bool isInteger(const QString &text) {
    return !text.contains(u'.') && !text.contains(u'e') && !text.contains(u'E');
}

int compareNumbers(const QString &a, const QString &b) {
    if (isInteger(a) && isInteger(b)) {
        const auto x = BigInt::fromString(a), y = BigInt::fromString(b);
        if (x && y) {
            const auto c = *x <=> *y;
            return c < 0 ? -1 : c > 0 ? 1 : 0;
        }
    }
    const double x = a.toDouble(), y = b.toDouble();
    return x < y ? -1 : x > y ? 1 : 0;
}

bool equal(const Val &a, const Val &b) {
    if (a.type != b.type)
        return false;
    switch (a.type) {
    case Val::Nil:
        return true;
    case Val::Bool:
        return a.b == b.b;
    case Val::Num:
        return compareNumbers(a.s, b.s) == 0;
    case Val::Str:
        return a.s == b.s;
    case Val::Json:
        return a.j.toJson() == b.j.toJson();
    }
    return false;
}

Val evaluate(const ExprNode &n, const Json::Value &event);

bool truth(const ExprNode &n, const Json::Value &event, const char *op) {
    const Val v = evaluate(n, event);
    if (v.type != Val::Bool)
        throw EvalError{QStringLiteral("'%1' needs booleans, got %2").arg(QLatin1String(op), v.typeName())};
    return v.b;
}

Val member(const Val &base, const QString &name) {
    if (base.type == Val::Nil)
        throw EvalError{QStringLiteral("cannot fetch '%1' from nil").arg(name)};
    if (base.type != Val::Json || !base.j.isObject())
        throw EvalError{QStringLiteral("cannot fetch '%1' from %2").arg(name, base.typeName())};
    const QByteArray key = name.toUtf8();
    return Val::from(base.j[std::string_view(key.constData(), size_t(key.size()))]);
}

Val evaluate(const ExprNode &n, const Json::Value &event) {
    switch (n.kind) {
    case NodeKind::Literal:
        switch (n.literalType) {
        case 'b':
            return Val::boolean(n.text == QLatin1String("true"));
        case '#':
            return Val::num(n.text);
        case 's':
            return Val::str(n.text);
        default:
            return {};
        }
    case NodeKind::Event:
        return Val::from(event);
    case NodeKind::Member:
        return member(evaluate(*n.kids[0], event), n.op);
    case NodeKind::Index: {
        const Val base = evaluate(*n.kids[0], event);
        const Val idx = evaluate(*n.kids[1], event);
        if (idx.type == Val::Str)
            return member(base, idx.s);
        if (base.type != Val::Json || !base.j.isArray() || idx.type != Val::Num || !isInteger(idx.s))
            throw EvalError{QStringLiteral("cannot index %1 with %2").arg(base.typeName(), idx.typeName())};
        const qint64 size = base.j.size();
        qint64 i = idx.s.toLongLong();
        if (i < 0)
            i += size;
        if (i < 0 || i >= size)
            throw EvalError{QStringLiteral("index %1 out of range (length %2)").arg(idx.s).arg(size)};
        qint64 k = 0;
        for (const Json::Value v : base.j.elements())
            if (k++ == i)
                return Val::from(v);
        return {};
    }
    case NodeKind::Unary: {
        if (n.op == QLatin1String("!"))
            return Val::boolean(!truth(*n.kids[0], event, "!"));
        const Val v = evaluate(*n.kids[0], event);
        if (v.type != Val::Num)
            throw EvalError{QStringLiteral("cannot negate %1").arg(v.typeName())};
        return Val::num(v.s.startsWith(u'-') ? v.s.mid(1) : QStringLiteral("-") + v.s);
    }
    case NodeKind::Call: {
        const Val v = evaluate(*n.kids[0], event);
        if (n.op == QLatin1String("len")) {
            if (v.type == Val::Str)
                return Val::num(QString::number(v.s.size()));
            if (v.type == Val::Json)
                return Val::num(QString::number(v.j.size()));
            throw EvalError{QStringLiteral("len() of %1").arg(v.typeName())};
        }
        if (n.op == QLatin1String("string"))
            return Val::str(v.toText());
        if (v.type != Val::Str)
            throw EvalError{QStringLiteral("%1() needs a string, got %2").arg(n.op, v.typeName())};
        return Val::str(n.op == QLatin1String("lower") ? v.s.toLower() : v.s.toUpper());
    }
    case NodeKind::Binary:
        break;
    }

    const QString &op = n.op;
    if (op == QLatin1String("&&"))
        return Val::boolean(truth(*n.kids[0], event, "&&") && truth(*n.kids[1], event, "&&"));
    if (op == QLatin1String("||"))
        return Val::boolean(truth(*n.kids[0], event, "||") || truth(*n.kids[1], event, "||"));
    const Val a = evaluate(*n.kids[0], event);
    const Val b = evaluate(*n.kids[1], event);
    auto mismatch = [&]() -> EvalError {
        return EvalError{QStringLiteral("invalid operation: %1 %2 %3").arg(a.typeName(), op, b.typeName())};
    };
    if (op == QLatin1String("=="))
        return Val::boolean(equal(a, b));
    if (op == QLatin1String("!="))
        return Val::boolean(!equal(a, b));
    if (op == QLatin1String("<") || op == QLatin1String("<=") || op == QLatin1String(">") ||
        op == QLatin1String(">=")) {
        int c = 0;
        if (a.type == Val::Num && b.type == Val::Num)
            c = compareNumbers(a.s, b.s);
        else if (a.type == Val::Str && b.type == Val::Str)
            c = QString::compare(a.s, b.s);
        else
            throw mismatch();
        if (op == QLatin1String("<"))
            return Val::boolean(c < 0);
        if (op == QLatin1String("<="))
            return Val::boolean(c <= 0);
        if (op == QLatin1String(">"))
            return Val::boolean(c > 0);
        return Val::boolean(c >= 0);
    }
    if (op == QLatin1String("+") || op == QLatin1String("-")) {
        if (op == QLatin1String("+") && a.type == Val::Str && b.type == Val::Str)
            return Val::str(a.s + b.s);
        if (a.type != Val::Num || b.type != Val::Num)
            throw mismatch();
        if (isInteger(a.s) && isInteger(b.s)) {
            const BigInt x = BigInt::fromString(a.s).value_or(BigInt());
            const BigInt y = BigInt::fromString(b.s).value_or(BigInt());
            return Val::num((op == QLatin1String("+") ? x + y : x - y).toString());
        }
        const double x = a.s.toDouble(), y = b.s.toDouble();
        return Val::num(QString::number(op == QLatin1String("+") ? x + y : x - y, 'g', 17));
    }
    if (op == QLatin1String("in")) {
        if (b.type == Val::Json && b.j.isArray()) {
            for (const Json::Value v : b.j.elements())
                if (equal(a, Val::from(v)))
                    return Val::boolean(true);
            return Val::boolean(false);
        }
        if (b.type == Val::Json && b.j.isObject() && a.type == Val::Str) {
            const QByteArray key = a.s.toUtf8();
            return Val::boolean(b.j[std::string_view(key.constData(), size_t(key.size()))].isValid());
        }
        throw mismatch();
    }
    if (a.type != Val::Str || b.type != Val::Str)
        throw mismatch();
    if (op == QLatin1String("contains"))
        return Val::boolean(a.s.contains(b.s));
    if (op == QLatin1String("startsWith"))
        return Val::boolean(a.s.startsWith(b.s));
    return Val::boolean(a.s.endsWith(b.s));
}

Expected<Val> run(const ExprNode &root, const QByteArray &payload, Json::Document *keep) {
    QString err;
    auto doc = Json::Document::parse(payload.isEmpty() ? QByteArrayLiteral("{}") : payload, &err);
    if (!doc)
        return LedgerError::validation(QStringLiteral("the event is not JSON: %1").arg(err));
    *keep = *doc;
    try {
        return evaluate(root, keep->root());
    } catch (const EvalError &e) {
        return LedgerError::validation(e.message);
    }
}

} // namespace

Expected<TriggerExpression> TriggerExpression::compile(const QString &text) {
    if (text.trimmed().isEmpty())
        return LedgerError::validation(QStringLiteral("empty expression"));
    if (text.size() > kMaxLength)
        return LedgerError::validation(
            QStringLiteral("expression longer than %1 characters").arg(kMaxLength));
    try {
        Parser p(tokenize(text));
        TriggerExpression e;
        e.m_text = text;
        e.m_root = p.parseAll();
        return e;
    } catch (const SyntaxError &s) {
        // Quote a long expression by its start only: the message stays readable.
        const QString quoted = text.size() > 120 ? text.left(120) + QStringLiteral("…") : text;
        return LedgerError::validation(QStringLiteral("invalid expression '%1': %2").arg(quoted, s.message));
    }
}

Expected<bool> TriggerExpression::matches(const QByteArray &payload) const {
    Json::Document keep;
    auto v = run(*m_root, payload, &keep);
    if (!v)
        return v.error();
    // As the real service: anything but true does not match.
    return v->type == Val::Bool && v->b;
}

Expected<QString> TriggerExpression::evaluateToString(const QByteArray &payload) const {
    Json::Document keep;
    auto v = run(*m_root, payload, &keep);
    if (!v)
        return v.error();
    if (v->type == Val::Nil)
        return LedgerError::validation(QStringLiteral("'%1' is nil").arg(m_text));
    return v->toText();
}

} // namespace Formance::Sandbox
