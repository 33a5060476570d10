#include "YamlSubset.h"

#include <Formance/json/JsonWriter.h>

#include <QCoreApplication>
#include <QRegularExpression>

namespace {

// The messages' translation context: lupdate files YamlSubset::tr("…") under "YamlSubset", the
// context they are looked up in at run time.
struct YamlSubset {
    Q_DECLARE_TR_FUNCTIONS(YamlSubset)
};

struct Line {
    int indent = 0;
    QString text;
    int number = 0; // 1-based
};

struct Failure {
    int line;
    QString message;
};

// The text before a comment (a # at the start or after a space, outside quotes).
QString withoutComment(const QString &line) {
    QChar quote;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else if (c == u'\\' && quote == u'"')
                ++i;
            continue;
        }
        if (c == u'"' || c == u'\'')
            quote = c;
        else if (c == u'#' && (i == 0 || line[i - 1].isSpace()))
            return line.left(i);
    }
    return line;
}

class Parser {
public:
    explicit Parser(QList<Line> lines)
        : m_lines(std::move(lines)) {}

    // The node whose first line is m_lines[i], indented by `indent`; i moves past it.
    void node(Formance::Json::Writer &w, int &i, int indent, bool topLevel) {
        if (m_lines[i].text.startsWith(QLatin1String("- ")) || m_lines[i].text == QLatin1String("-"))
            sequence(w, i, indent, false);
        else
            mapping(w, i, indent, topLevel);
    }

    QList<int> stageLines;

private:
    void sequence(Formance::Json::Writer &w, int &i, int indent, bool stages) {
        w.beginArray();
        while (i < m_lines.size() && m_lines[i].indent == indent &&
               (m_lines[i].text.startsWith(QLatin1String("- ")) || m_lines[i].text == QLatin1String("-"))) {
            if (stages)
                stageLines << m_lines[i].number;
            const QString rest = m_lines[i].text.mid(1);
            const QString item = rest.trimmed();
            if (item.isEmpty()) {
                ++i;
                if (i >= m_lines.size() || m_lines[i].indent <= indent)
                    w.null();
                else
                    node(w, i, m_lines[i].indent, false);
                continue;
            }
            // "- key: value" opens a mapping whose next keys line up with "key".
            const int inner = indent + 1 + int(rest.size() - rest.trimmed().size());
            if (keyOf(item) >= 0) {
                m_lines[i].indent = inner;
                m_lines[i].text = item;
                mapping(w, i, inner, false);
            } else {
                scalar(w, item, m_lines[i].number);
                ++i;
            }
        }
        w.endArray();
        if (i < m_lines.size() && m_lines[i].indent > indent)
            throw Failure{m_lines[i].number,
                          YamlSubset::tr("This line is indented more than the list it follows.")};
    }

    // Where the ":" of "key: value" is, or -1.
    static qsizetype keyOf(const QString &text) {
        qsizetype start = 0;
        if (text.startsWith(u'"') || text.startsWith(u'\'')) {
            const qsizetype close = text.indexOf(text[0], 1);
            if (close < 0)
                return -1;
            start = close + 1;
        } else if (text.startsWith(u'{') || text.startsWith(u'[')) {
            return -1;
        }
        for (qsizetype k = start; k < text.size(); ++k)
            if (text[k] == u':' && (k + 1 == text.size() || text[k + 1] == u' '))
                return k;
        return -1;
    }

    void mapping(Formance::Json::Writer &w, int &i, int indent, bool topLevel) {
        w.beginObject();
        QStringList seen;
        while (i < m_lines.size() && m_lines[i].indent == indent) {
            const Line &line = m_lines[i];
            if (line.text.startsWith(QLatin1String("- ")))
                throw Failure{line.number, YamlSubset::tr("A list item where a “key: value” was expected.")};
            const qsizetype colon = keyOf(line.text);
            if (colon < 0)
                throw Failure{line.number, YamlSubset::tr("Expected “key: value”.")};
            QString key = line.text.left(colon).trimmed();
            if (key.size() >= 2 && (key.startsWith(u'"') || key.startsWith(u'\'')))
                key = key.mid(1, key.size() - 2);
            if (seen.contains(key))
                throw Failure{line.number, YamlSubset::tr("“%1” is given twice.").arg(key)};
            seen << key;
            w.key(key);
            const QString value = line.text.mid(colon + 1).trimmed();
            const int number = line.number;
            ++i;
            if (!value.isEmpty()) {
                if (value.startsWith(u'&') || value.startsWith(u'*') || value.startsWith(u'!') ||
                    value == QLatin1String("|") || value == QLatin1String(">"))
                    throw Failure{
                        number, YamlSubset::tr(
                                    "Anchors, aliases, tags and multi-line strings are not supported here.")};
                scalar(w, value, number);
            } else if (i < m_lines.size() && m_lines[i].indent > indent) {
                const bool stages = topLevel && key == QLatin1String("stages");
                const int childIndent = m_lines[i].indent;
                if (stages && m_lines[i].text.startsWith(u'-'))
                    sequence(w, i, childIndent, true);
                else
                    node(w, i, childIndent, false);
            } else if (i < m_lines.size() && m_lines[i].indent == indent &&
                       m_lines[i].text.startsWith(u'-')) {
                // YAML lets a list sit at its key's indentation.
                sequence(w, i, indent, topLevel && key == QLatin1String("stages"));
            } else {
                w.null();
            }
        }
        w.endObject();
        if (i < m_lines.size() && m_lines[i].indent > indent)
            throw Failure{m_lines[i].number,
                          YamlSubset::tr("This line is indented more than the keys above it.")};
    }

    void scalar(Formance::Json::Writer &w, const QString &text, int line) {
        qsizetype at = 0;
        flowValue(w, text, at, line, false);
        while (at < text.size() && text[at].isSpace())
            ++at;
        if (at != text.size())
            throw Failure{line, YamlSubset::tr("Unexpected “%1” after the value.").arg(text.mid(at))};
    }

    // One value of a flow collection or a whole scalar, from text[at]; `inFlow`: stops at , ] }.
    void flowValue(Formance::Json::Writer &w, const QString &text, qsizetype &at, int line, bool inFlow) {
        while (at < text.size() && text[at].isSpace())
            ++at;
        if (at >= text.size()) {
            w.null();
            return;
        }
        const QChar c = text[at];
        if (c == u'{' || c == u'[') {
            const bool object = c == u'{';
            const QChar close = object ? u'}' : u']';
            object ? w.beginObject() : w.beginArray();
            ++at;
            bool first = true;
            for (;;) {
                while (at < text.size() && text[at].isSpace())
                    ++at;
                if (at >= text.size())
                    throw Failure{line, YamlSubset::tr("“%1” is not closed on this line.").arg(c)};
                if (text[at] == close) {
                    ++at;
                    break;
                }
                if (!first) {
                    if (text[at] != u',')
                        throw Failure{line, YamlSubset::tr("Expected “,” or “%1”.").arg(close)};
                    ++at;
                }
                first = false;
                if (object) {
                    while (at < text.size() && text[at].isSpace())
                        ++at;
                    const QString key = flowKey(text, at, line);
                    w.key(key);
                }
                flowValue(w, text, at, line, true);
            }
            object ? w.endObject() : w.endArray();
            return;
        }
        if (c == u'"' || c == u'\'') {
            QString s;
            qsizetype k = at + 1;
            for (;; ++k) {
                if (k >= text.size())
                    throw Failure{line, YamlSubset::tr("A quote is not closed.")};
                if (c == u'\'' && text[k] == u'\'') {
                    if (k + 1 < text.size() && text[k + 1] == u'\'') {
                        s += u'\'';
                        ++k;
                        continue;
                    }
                    break;
                }
                if (c == u'"' && text[k] == u'\\' && k + 1 < text.size()) {
                    const QChar e = text[++k];
                    s += e == u'n' ? QChar(u'\n') : e == u't' ? QChar(u'\t') : e;
                    continue;
                }
                if (c == u'"' && text[k] == u'"')
                    break;
                s += text[k];
            }
            at = k + 1;
            w.value(s);
            return;
        }
        qsizetype end = at;
        while (end < text.size() &&
               !(inFlow && (text[end] == u',' || text[end] == u']' || text[end] == u'}')))
            ++end;
        const QString plain = text.mid(at, end - at).trimmed();
        at = end;
        static const QRegularExpression number(QStringLiteral(R"(^-?(0|[1-9]\d*)(\.\d+)?$)"));
        if (number.match(plain).hasMatch())
            w.rawNumber(plain.toStdString()); // exact, however long
        else if (plain == QLatin1String("true") || plain == QLatin1String("false"))
            w.value(plain == QLatin1String("true"));
        else if (plain == QLatin1String("null") || plain == QLatin1String("~"))
            w.null();
        else
            w.value(plain);
    }

    QString flowKey(const QString &text, qsizetype &at, int line) {
        QString key;
        if (at < text.size() && (text[at] == u'"' || text[at] == u'\'')) {
            const qsizetype close = text.indexOf(text[at], at + 1);
            if (close < 0)
                throw Failure{line, YamlSubset::tr("A quote is not closed.")};
            key = text.mid(at + 1, close - at - 1);
            at = close + 1;
        } else {
            const qsizetype start = at;
            while (at < text.size() && text[at] != u':')
                ++at;
            key = text.mid(start, at - start).trimmed();
        }
        while (at < text.size() && text[at].isSpace())
            ++at;
        if (at >= text.size() || text[at] != u':')
            throw Failure{line, YamlSubset::tr("Expected “key: value” in “{…}”.")};
        ++at;
        return key;
    }

    QList<Line> m_lines;
};

} // namespace

YamlToJson YamlToJson::convert(const QString &yaml) {
    YamlToJson out;
    QList<Line> lines;
    const QStringList raw = yaml.split(u'\n');
    for (int n = 0; n < raw.size(); ++n) {
        QString text = withoutComment(raw[n]);
        if (text.trimmed().isEmpty() || text.trimmed() == QLatin1String("---"))
            continue;
        if (text.trimmed() == QLatin1String("..."))
            break;
        int indent = 0;
        while (indent < text.size() && (text[indent] == u' ' || text[indent] == u'\t')) {
            if (text[indent] == u'\t') {
                out.errorLine = n + 1;
                out.error = YamlSubset::tr("Indent with spaces, not tabs.");
                return out;
            }
            ++indent;
        }
        text.chop(text.size() - int(text.trimmed().size()) - indent); // trailing spaces
        lines.append({indent, text.mid(indent), n + 1});
    }
    if (lines.isEmpty()) {
        out.errorLine = 1;
        out.error = YamlSubset::tr("The config is empty.");
        return out;
    }
    Parser parser(lines);
    Formance::Json::Writer w;
    int i = 0;
    try {
        parser.node(w, i, lines[0].indent, true);
        if (i < lines.size())
            throw Failure{lines[i].number,
                          YamlSubset::tr("This line is outside the config (check its indentation).")};
    } catch (const Failure &f) {
        out.errorLine = f.line;
        out.error = f.message;
        return out;
    }
    out.json = w.take();
    out.stageLines = parser.stageLines;
    return out;
}
