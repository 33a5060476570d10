#include "NumscriptHighlighter.h"

#include <QQuickTextDocument>
#include <QSet>
#include <QTextDocument>

namespace {
const QSet<QString> &keywords() {
    static const QSet<QString> words = {
        QStringLiteral("vars"),        QStringLiteral("send"),        QStringLiteral("source"),
        QStringLiteral("destination"), QStringLiteral("allowing"),    QStringLiteral("unbounded"),
        QStringLiteral("overdraft"),   QStringLiteral("up"),          QStringLiteral("to"),
        QStringLiteral("max"),         QStringLiteral("from"),        QStringLiteral("kept"),
        QStringLiteral("remaining"),   QStringLiteral("set_tx_meta"), QStringLiteral("set_account_meta"),
        QStringLiteral("meta"),        QStringLiteral("balance"),     QStringLiteral("save"),
        QStringLiteral("account"),     QStringLiteral("monetary"),    QStringLiteral("number"),
        QStringLiteral("string"),      QStringLiteral("asset"),       QStringLiteral("portion"),
        QStringLiteral("print"),       QStringLiteral("fail"),        QStringLiteral("oneof"),
    };
    return words;
}
bool isNameChar(QChar c) {
    return c.isLetterOrNumber() || c == u'_' || c == u':' || c == u'-';
}
} // namespace

NumscriptHighlighter::NumscriptHighlighter(QObject *parent)
    : QSyntaxHighlighter(parent) {
    connect(this, &NumscriptHighlighter::colorsChanged, this, &QSyntaxHighlighter::rehighlight);
}

void NumscriptHighlighter::setQuickDocument(QQuickTextDocument *document) {
    if (document == m_quickDocument)
        return;
    m_quickDocument = document;
    setDocument(document ? document->textDocument() : nullptr);
    emit documentChanged();
}

void NumscriptHighlighter::setErrorLine(int line) {
    if (line == m_errorLine)
        return;
    m_errorLine = line;
    emit errorLineChanged();
    rehighlight();
}

QString NumscriptHighlighter::classify(const QString &line, bool inComment, bool *endsInComment) {
    QString kinds(line.size(), u' ');
    qsizetype i = 0;
    while (i < line.size()) {
        if (inComment) {
            const qsizetype end = line.indexOf(QLatin1String("*/"), i);
            const qsizetype stop = end < 0 ? line.size() : end + 2;
            for (qsizetype j = i; j < stop; ++j)
                kinds[j] = u'c';
            inComment = end < 0;
            i = stop;
            continue;
        }
        const QChar c = line.at(i);
        if (line.mid(i, 2) == QLatin1String("//")) {
            for (qsizetype j = i; j < line.size(); ++j)
                kinds[j] = u'c';
            break;
        }
        if (line.mid(i, 2) == QLatin1String("/*")) {
            inComment = true;
            continue;
        }
        if (c == u'@' || c == u'$') {
            qsizetype j = i + 1;
            while (j < line.size() && isNameChar(line.at(j)))
                ++j;
            for (qsizetype k = i; k < j; ++k)
                kinds[k] = c == u'@' ? u'a' : u'v';
            i = j;
            continue;
        }
        if (c == u'"') {
            qsizetype j = line.indexOf(u'"', i + 1);
            j = j < 0 ? line.size() : j + 1;
            for (qsizetype k = i; k < j; ++k)
                kinds[k] = u'l';
            i = j;
            continue;
        }
        if (c.isDigit()) {
            qsizetype j = i;
            while (j < line.size() && (line.at(j).isDigit() || line.at(j) == u'_' || line.at(j) == u'/' ||
                                       line.at(j) == u'.' || line.at(j) == u'%'))
                ++j;
            for (qsizetype k = i; k < j; ++k)
                kinds[k] = u'l';
            i = j;
            continue;
        }
        if (c.isLetter() || c == u'_') {
            qsizetype j = i;
            while (j < line.size() && (line.at(j).isLetterOrNumber() || line.at(j) == u'_'))
                ++j;
            if (keywords().contains(line.mid(i, j - i)))
                for (qsizetype k = i; k < j; ++k)
                    kinds[k] = u'k';
            i = j;
            continue;
        }
        ++i;
    }
    *endsInComment = inComment;
    return kinds;
}

void NumscriptHighlighter::highlightBlock(const QString &text) {
    bool endsInComment = false;
    const QString kinds = classify(text, previousBlockState() == 1, &endsInComment);
    setCurrentBlockState(endsInComment ? 1 : 0);
    auto formatFor = [this](QChar kind) {
        QTextCharFormat f;
        switch (kind.unicode()) {
        case 'k':
            f.setForeground(m_keyword);
            f.setFontWeight(QFont::DemiBold);
            break;
        case 'a':
            f.setForeground(m_account);
            break;
        case 'v':
            f.setForeground(m_variable);
            break;
        case 'l':
            f.setForeground(m_literal);
            break;
        case 'c':
            f.setForeground(m_comment);
            f.setFontItalic(true);
            break;
        default:
            break;
        }
        return f;
    };
    const bool errorHere = m_errorLine > 0 && currentBlock().blockNumber() + 1 == m_errorLine;
    qsizetype start = 0;
    for (qsizetype i = 1; i <= kinds.size(); ++i)
        if (i == kinds.size() || kinds.at(i) != kinds.at(start)) {
            QTextCharFormat f = formatFor(kinds.at(start));
            if (errorHere) {
                f.setUnderlineStyle(QTextCharFormat::WaveUnderline);
                f.setUnderlineColor(m_error);
                f.setBackground(QColor(m_error.red(), m_error.green(), m_error.blue(), 40));
            }
            setFormat(int(start), int(i - start), f);
            start = i;
        }
}
