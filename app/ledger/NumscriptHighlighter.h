// Numscript highlighting on a TextArea's document (QQuickTextDocument): keywords, @accounts,
// $variables, strings, numbers, comments, and the line the ledger named in its error
// underlined. Colours come from the page (the Style singleton), never from here.
#pragma once

#include <QColor>
#include <QPointer>
#include <QQuickTextDocument>
#include <QSyntaxHighlighter>
#include <QtQml/qqmlregistration.h>

class NumscriptHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QQuickTextDocument *document READ quickDocument WRITE setQuickDocument NOTIFY documentChanged)
    // 1-based; 0: none.
    Q_PROPERTY(int errorLine READ errorLine WRITE setErrorLine NOTIFY errorLineChanged)
    Q_PROPERTY(QColor keywordColor MEMBER m_keyword NOTIFY colorsChanged)
    Q_PROPERTY(QColor accountColor MEMBER m_account NOTIFY colorsChanged)
    Q_PROPERTY(QColor variableColor MEMBER m_variable NOTIFY colorsChanged)
    Q_PROPERTY(QColor literalColor MEMBER m_literal NOTIFY colorsChanged)
    Q_PROPERTY(QColor commentColor MEMBER m_comment NOTIFY colorsChanged)
    Q_PROPERTY(QColor errorColor MEMBER m_error NOTIFY colorsChanged)
public:
    explicit NumscriptHighlighter(QObject *parent = nullptr);

    QQuickTextDocument *quickDocument() const { return m_quickDocument; }
    void setQuickDocument(QQuickTextDocument *document);
    int errorLine() const { return m_errorLine; }
    void setErrorLine(int line);

    // The kinds the highlighter gives each character of `line` (tests): k keyword, a account,
    // v variable, l literal, c comment, space otherwise.
    static QString classify(const QString &line, bool inComment, bool *endsInComment);

signals:
    void documentChanged();
    void errorLineChanged();
    void colorsChanged();

protected:
    void highlightBlock(const QString &text) override;

private:
    QPointer<QQuickTextDocument> m_quickDocument;
    int m_errorLine = 0;
    QColor m_keyword, m_account, m_variable, m_literal, m_comment, m_error;
};
