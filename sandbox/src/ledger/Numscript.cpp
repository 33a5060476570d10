#include "Numscript.h"

#include <QRegularExpression>

namespace Formance::Sandbox {

namespace {

enum class Tok { Ident, Account, Var, Number, String, Punct, End };

struct Token {
    Tok kind;
    QString text;
    int line;
};

LedgerError compileError(int line, const QString &message) {
    return {400, QStringLiteral("COMPILATION_FAILED"),
            QStringLiteral("numscript line %1: %2").arg(line).arg(message)};
}

LedgerError unsupported(int line, const QString &what) {
    return compileError(
        line, QStringLiteral("unsupported Numscript feature: %1 (the sandbox runs send of a fixed or "
                             "variable amount from one source to one destination, `allowing "
                             "unbounded overdraft`, vars, set_tx_meta and set_account_meta)")
                  .arg(what));
}

Expected<QList<Token>> tokenize(const QString &src) {
    QList<Token> out;
    int line = 1;
    qsizetype i = 0;
    const qsizetype n = src.size();
    auto isWord = [](QChar c) {
        return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-');
    };
    while (i < n) {
        const QChar c = src[i];
        if (c == QLatin1Char('\n')) {
            ++line;
            ++i;
        } else if (c.isSpace()) {
            ++i;
        } else if (c == QLatin1Char('/') && i + 1 < n && src[i + 1] == QLatin1Char('/')) {
            while (i < n && src[i] != QLatin1Char('\n'))
                ++i;
        } else if (c == QLatin1Char('/') && i + 1 < n && src[i + 1] == QLatin1Char('*')) {
            i += 2;
            while (i + 1 < n && !(src[i] == QLatin1Char('*') && src[i + 1] == QLatin1Char('/'))) {
                if (src[i] == QLatin1Char('\n'))
                    ++line;
                ++i;
            }
            i += 2;
        } else if (c == QLatin1Char('@') || c == QLatin1Char('$')) {
            qsizetype j = i + 1;
            while (j < n && (isWord(src[j]) || (c == QLatin1Char('@') && src[j] == QLatin1Char(':'))))
                ++j;
            if (j == i + 1)
                return compileError(line, QStringLiteral("expected a name after '%1'").arg(c));
            out.append({c == QLatin1Char('@') ? Tok::Account : Tok::Var, src.mid(i + 1, j - i - 1), line});
            i = j;
        } else if (c == QLatin1Char('"')) {
            QString s;
            qsizetype j = i + 1;
            while (j < n && src[j] != QLatin1Char('"')) {
                if (src[j] == QLatin1Char('\\') && j + 1 < n)
                    ++j;
                s.append(src[j++]);
            }
            if (j >= n)
                return compileError(line, QStringLiteral("unterminated string"));
            out.append({Tok::String, s, line});
            i = j + 1;
        } else if (c.isDigit()) {
            qsizetype j = i;
            while (j < n && (src[j].isDigit() || src[j] == QLatin1Char('_')))
                ++j;
            if (j < n &&
                (src[j] == QLatin1Char('/') || src[j] == QLatin1Char('%') || src[j] == QLatin1Char('.')))
                return unsupported(line, QStringLiteral("portions and decimal numbers"));
            out.append({Tok::Number, src.mid(i, j - i).remove(QLatin1Char('_')), line});
            i = j;
        } else if (c.isLetter() || c == QLatin1Char('_')) {
            qsizetype j = i;
            while (j < n && (isWord(src[j]) || src[j] == QLatin1Char('/')))
                ++j;
            out.append({Tok::Ident, src.mid(i, j - i), line});
            i = j;
        } else if (QStringLiteral("[](){}=,*").contains(c)) {
            out.append({Tok::Punct, QString(c), line});
            ++i;
        } else {
            return compileError(line, QStringLiteral("unexpected character '%1'").arg(c));
        }
    }
    out.append({Tok::End, QString(), line});
    return out;
}

struct Monetary {
    QString asset;
    BigInt amount;
};

class Compiler {
public:
    Compiler(QList<Token> toks, QMap<QString, QString> vars)
        : m_t(std::move(toks))
        , m_vars(std::move(vars)) {}

    Expected<NewTransaction> run() {
        if (isIdent("vars")) {
            auto r = varsBlock();
            if (!r)
                return r.error();
        }
        while (peek().kind != Tok::End) {
            Expected<bool> r = true;
            if (isIdent("send"))
                r = send();
            else if (isIdent("set_tx_meta"))
                r = setTxMeta();
            else if (isIdent("set_account_meta"))
                r = setAccountMeta();
            else if (peek().kind == Tok::Ident)
                return unsupported(peek().line, QStringLiteral("statement '%1'").arg(peek().text));
            else
                return compileError(peek().line,
                                    QStringLiteral("expected a statement, got '%1'").arg(peek().text));
            if (!r)
                return r.error();
        }
        if (m_tx.postings.isEmpty())
            return LedgerError{400, QStringLiteral("NO_POSTINGS"),
                               QStringLiteral("the script sends nothing")};
        return m_tx;
    }

private:
    const Token &peek() const { return m_t[m_pos]; }
    Token next() { return m_t[m_pos < m_t.size() - 1 ? m_pos++ : m_pos]; }
    bool isIdent(const char *w) const { return peek().kind == Tok::Ident && peek().text == QLatin1String(w); }
    bool isPunct(const char *p) const { return peek().kind == Tok::Punct && peek().text == QLatin1String(p); }
    Expected<bool> expectPunct(const char *p) {
        if (!isPunct(p))
            return compileError(peek().line,
                                QStringLiteral("expected '%1', got '%2'").arg(QLatin1String(p), peek().text));
        next();
        return true;
    }
    Expected<bool> expectIdent(const char *w) {
        if (!isIdent(w))
            return compileError(peek().line,
                                QStringLiteral("expected '%1', got '%2'").arg(QLatin1String(w), peek().text));
        next();
        return true;
    }

    Expected<bool> varsBlock() {
        next();
        if (auto r = expectPunct("{"); !r)
            return r;
        static const QStringList types = {QStringLiteral("account"), QStringLiteral("monetary"),
                                          QStringLiteral("number"), QStringLiteral("string"),
                                          QStringLiteral("asset")};
        while (!isPunct("}")) {
            const Token type = next();
            if (type.kind != Tok::Ident)
                return compileError(type.line,
                                    QStringLiteral("expected a variable type, got '%1'").arg(type.text));
            if (!types.contains(type.text))
                return unsupported(type.line, QStringLiteral("variable type '%1'").arg(type.text));
            const Token name = next();
            if (name.kind != Tok::Var)
                return compileError(name.line, QStringLiteral("expected a $variable"));
            if (isPunct("=") || isIdent("meta"))
                return unsupported(name.line, QStringLiteral("variable initialisers (meta(), balance())"));
            if (!m_vars.contains(name.text))
                return compileError(name.line,
                                    QStringLiteral("missing value for variable $%1").arg(name.text));
            m_types.insert(name.text, type.text);
        }
        next();
        return true;
    }

    Expected<QString> variable(const Token &t, const char *type) {
        if (!m_types.contains(t.text))
            return compileError(t.line, QStringLiteral("undeclared variable $%1").arg(t.text));
        if (m_types.value(t.text) != QLatin1String(type))
            return compileError(t.line, QStringLiteral("$%1 is a %2, expected a %3")
                                            .arg(t.text, m_types.value(t.text), QLatin1String(type)));
        return m_vars.value(t.text);
    }

    Expected<QString> account() {
        const Token t = next();
        QString address;
        if (t.kind == Tok::Account)
            address = t.text;
        else if (t.kind == Tok::Var) {
            auto v = variable(t, "account");
            if (!v)
                return v.error();
            address = v.value();
        } else if (t.kind == Tok::Punct && t.text == QLatin1String("{"))
            return unsupported(t.line, QStringLiteral("multiple sources or destinations in braces"));
        else
            return compileError(t.line, QStringLiteral("expected an account, got '%1'").arg(t.text));
        if (!PostingEngine::validAddress(address))
            return compileError(t.line, QStringLiteral("invalid account address '%1'").arg(address));
        return address;
    }

    static std::optional<Monetary> parseMonetary(const QString &text) {
        const QStringList parts = text.simplified().split(QLatin1Char(' '));
        if (parts.size() != 2)
            return std::nullopt;
        auto amount = BigInt::fromString(parts[1]);
        if (!amount || amount->isNegative() || !PostingEngine::validAsset(parts[0]))
            return std::nullopt;
        return Monetary{parts[0], *amount};
    }

    Expected<Monetary> monetary() {
        const Token t = next();
        if (t.kind == Tok::Var) {
            auto v = variable(t, "monetary");
            if (!v)
                return v.error();
            auto m = parseMonetary(v.value());
            if (!m)
                return compileError(
                    t.line, QStringLiteral("$%1 is not a monetary such as \"USD/2 100\"").arg(t.text));
            return *m;
        }
        if (t.kind != Tok::Punct || t.text != QLatin1String("["))
            return compileError(t.line, QStringLiteral("expected a monetary such as [USD/2 100]"));
        const Token asset = next();
        QString assetText;
        if (asset.kind == Tok::Ident)
            assetText = asset.text;
        else if (asset.kind == Tok::Var) {
            auto v = variable(asset, "asset");
            if (!v)
                return v.error();
            assetText = v.value();
        } else
            return compileError(asset.line, QStringLiteral("expected an asset"));
        if (!PostingEngine::validAsset(assetText))
            return compileError(asset.line, QStringLiteral("invalid asset '%1'").arg(assetText));
        const Token amount = next();
        BigInt value;
        if (amount.kind == Tok::Number)
            value = BigInt::fromString(amount.text).value_or(BigInt());
        else if (amount.kind == Tok::Var) {
            auto v = variable(amount, "number");
            if (!v)
                return v.error();
            auto n = BigInt::fromString(v.value());
            if (!n || n->isNegative())
                return compileError(amount.line,
                                    QStringLiteral("$%1 is not a non-negative integer").arg(amount.text));
            value = *n;
        } else if (amount.kind == Tok::Punct && amount.text == QLatin1String("*"))
            return unsupported(amount.line, QStringLiteral("sending all funds with [ASSET *]"));
        else
            return compileError(amount.line, QStringLiteral("expected an amount"));
        if (auto r = expectPunct("]"); !r)
            return r.error();
        return Monetary{assetText, value};
    }

    Expected<bool> send() {
        const int line = next().line;
        auto m = monetary();
        if (!m)
            return m.error();
        if (auto r = expectPunct("("); !r)
            return r;
        if (auto r = expectIdent("source"); !r)
            return r;
        if (auto r = expectPunct("="); !r)
            return r;
        auto src = account();
        if (!src)
            return src.error();
        if (isIdent("allowing")) {
            next();
            if (!isIdent("unbounded"))
                return unsupported(peek().line,
                                   QStringLiteral("bounded overdraft (allowing overdraft up to ...)"));
            next();
            if (auto r = expectIdent("overdraft"); !r)
                return r;
            m_tx.unboundedOverdraft.insert(src.value());
        }
        if (isIdent("max"))
            return unsupported(peek().line, QStringLiteral("max in sources"));
        if (auto r = expectIdent("destination"); !r)
            return r;
        if (auto r = expectPunct("="); !r)
            return r;
        auto dst = account();
        if (!dst)
            return dst.error();
        if (isIdent("kept") || isIdent("to") || isIdent("remaining"))
            return unsupported(peek().line, QStringLiteral("allotments and kept"));
        if (auto r = expectPunct(")"); !r)
            return r;
        Q_UNUSED(line);
        m_tx.postings.append({src.value(), dst.value(), m->asset, m->amount});
        return true;
    }

    Expected<QString> metaValue() {
        const Token t = peek();
        if (t.kind == Tok::String || t.kind == Tok::Number) {
            next();
            return t.text;
        }
        if (t.kind == Tok::Account) {
            next();
            return t.text;
        }
        if (t.kind == Tok::Var) {
            next();
            if (!m_types.contains(t.text))
                return compileError(t.line, QStringLiteral("undeclared variable $%1").arg(t.text));
            return m_vars.value(t.text);
        }
        if (t.kind == Tok::Punct && t.text == QLatin1String("[")) {
            auto m = monetary();
            if (!m)
                return m.error();
            return QStringLiteral("%1 %2").arg(m->asset, m->amount.toString());
        }
        return compileError(t.line, QStringLiteral("expected a metadata value"));
    }

    Expected<bool> setTxMeta() {
        next();
        if (auto r = expectPunct("("); !r)
            return r;
        const Token key = next();
        if (key.kind != Tok::String)
            return compileError(key.line, QStringLiteral("set_tx_meta expects a string key"));
        if (auto r = expectPunct(","); !r)
            return r;
        auto v = metaValue();
        if (!v)
            return v.error();
        if (auto r = expectPunct(")"); !r)
            return r;
        m_tx.metadata.insert(key.text, v.value());
        return true;
    }

    Expected<bool> setAccountMeta() {
        next();
        if (auto r = expectPunct("("); !r)
            return r;
        auto acc = account();
        if (!acc)
            return acc.error();
        if (auto r = expectPunct(","); !r)
            return r;
        const Token key = next();
        if (key.kind != Tok::String)
            return compileError(key.line, QStringLiteral("set_account_meta expects a string key"));
        if (auto r = expectPunct(","); !r)
            return r;
        auto v = metaValue();
        if (!v)
            return v.error();
        if (auto r = expectPunct(")"); !r)
            return r;
        m_tx.accountMetadata[acc.value()].insert(key.text, v.value());
        return true;
    }

    QList<Token> m_t;
    qsizetype m_pos = 0;
    QMap<QString, QString> m_vars;
    QMap<QString, QString> m_types;
    NewTransaction m_tx;
};

} // namespace

Expected<NewTransaction> Numscript::compile(const QString &script, const QMap<QString, QString> &vars) {
    auto toks = tokenize(script);
    if (!toks)
        return toks.error();
    return Compiler(toks.value(), vars).run();
}

Expected<NewTransaction> Numscript::compile(const QString &script, const Json::Value &vars) {
    QMap<QString, QString> v;
    if (vars.isValid() && !vars.isNull()) {
        if (!vars.isObject())
            return LedgerError::validation(QStringLiteral("script.vars must be an object"));
        for (const auto &[k, val] : vars.members()) {
            const QString name = QString::fromUtf8(k.data(), qsizetype(k.size()));
            if (val.isString())
                v.insert(name, val.toString());
            else if (val.isNumber())
                v.insert(name,
                         QString::fromUtf8(val.numberText().data(), qsizetype(val.numberText().size())));
            else if (val.isObject() && val["asset"].isString() && val["amount"].isNumber())
                v.insert(name, QStringLiteral("%1 %2").arg(
                                   val["asset"].toString(),
                                   QString::fromUtf8(val["amount"].numberText().data(),
                                                     qsizetype(val["amount"].numberText().size()))));
            else
                return LedgerError::validation(
                    QStringLiteral("script.vars.%1 has an unsupported type").arg(name));
        }
    }
    return compile(script, v);
}

} // namespace Formance::Sandbox
