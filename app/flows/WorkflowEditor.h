// The workflow editor: a workflow config (the spec's WorkflowConfig, {"name", "stages": [...]})
// typed as JSON or YAML, checked as it is typed (syntax, then the shape of each stage), each problem at
// the line it is on; the stages it holds for the live graph preview and the ${variables} it uses
// for the run form; and its creation. A config the stack refuses keeps its text, with the
// stack's message at the line of the stage it names ("stage 2: …"), or at the top. JSON,
// or as YAML (the subset a config needs, YamlSubset.h).
#pragma once

#include "core/Controller.h"

#include <QColor>
#include <QCoreApplication>
#include <QList>
#include <QPointer>
#include <QQuickTextDocument>
#include <QSet>
#include <QStringList>
#include <QSyntaxHighlighter>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

struct ConfigProblem {
    int line = 0; // 1-based; 0: the whole config (shown at the top)
    QString message;
    int stage = -1; // the stage it is about (0-based), or -1
};

// The check itself, apart from any view (tested alone).
struct WorkflowConfigCheck {
    Q_DECLARE_TR_FUNCTIONS(WorkflowConfigCheck)

public:
    QString name;
    QStringList stages;            // each stage's exact JSON
    QList<int> stageLines;         // 1-based line where each stage starts
    QList<ConfigProblem> problems; // empty: the config may be sent
    QStringList variables;         // ${name} used
    static WorkflowConfigCheck check(const QString &text);
    // The same for YAML (YamlSubset.h says which YAML): lines are the YAML's.
    static WorkflowConfigCheck checkYaml(const QString &text);
    static WorkflowConfigCheck check(const QString &text, bool yaml) {
        return yaml ? checkYaml(text) : check(text);
    }
    // The line a stack's refusal points at: "stage N" (0-based, as the stack counts) → that
    // stage's line; 0 when it names none.
    int lineForMessage(const QString &message) const;
};

class WorkflowEditorController : public Controller {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    // "json" or "yaml": how `text` is read.
    Q_PROPERTY(QString format READ format WRITE setFormat NOTIFY textChanged)
    // [{line, message}], the stack's refusal last (line 0: at the top)
    Q_PROPERTY(QVariantList problems READ problems NOTIFY checked)
    Q_PROPERTY(QList<int> problemLines READ problemLines NOTIFY checked)
    Q_PROPERTY(bool valid READ valid NOTIFY checked)
    Q_PROPERTY(QString name READ name NOTIFY checked)
    Q_PROPERTY(QStringList stages READ stages NOTIFY checked)
    Q_PROPERTY(QStringList variables READ variables NOTIFY checked)
    // The workflow the last create made; empty before.
    Q_PROPERTY(QString createdId READ createdId NOTIFY createdIdChanged)
public:
    explicit WorkflowEditorController(QObject *parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString &text);
    QString format() const { return m_yaml ? QStringLiteral("yaml") : QStringLiteral("json"); }
    void setFormat(const QString &format);
    QVariantList problems() const;
    QList<int> problemLines() const;
    bool valid() const { return m_check.problems.isEmpty(); }
    QString name() const { return m_check.name; }
    QStringList stages() const { return m_check.stages; }
    QStringList variables() const { return m_check.variables; }
    QString createdId() const { return m_createdId; }

    Q_INVOKABLE void create();
    // A config to start from (the demo's shapes: a send, a wait, a delay).
    Q_INVOKABLE static QString sample();
    Q_INVOKABLE static QString sampleYaml();

signals:
    void textChanged();
    void checked();
    void createdIdChanged();
    void created(const QString &id);

private:
    void recheck();
    QString m_text;
    bool m_yaml = false;
    WorkflowConfigCheck m_check;
    ConfigProblem m_serverProblem; // message empty: none
    QString m_createdId;
};

// Colours a JSON document (keys, strings, numbers, literals, ${variables}) and marks the lines
// with a problem with a wavy underline. The colours come from the Style, set from QML.
class JsonHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QQuickTextDocument *document READ quickDocument WRITE setQuickDocument NOTIFY documentChanged)
    Q_PROPERTY(QList<int> problemLines READ problemLines WRITE setProblemLines NOTIFY problemLinesChanged)
    Q_PROPERTY(QColor keyColor MEMBER m_key NOTIFY colorsChanged)
    Q_PROPERTY(QColor stringColor MEMBER m_string NOTIFY colorsChanged)
    Q_PROPERTY(QColor numberColor MEMBER m_number NOTIFY colorsChanged)
    Q_PROPERTY(QColor variableColor MEMBER m_variable NOTIFY colorsChanged)
    Q_PROPERTY(QColor errorColor MEMBER m_error NOTIFY colorsChanged)
public:
    explicit JsonHighlighter(QObject *parent = nullptr);
    QQuickTextDocument *quickDocument() const { return m_quickDocument; }
    void setQuickDocument(QQuickTextDocument *document);
    QList<int> problemLines() const { return m_problemLines; }
    void setProblemLines(const QList<int> &lines);

signals:
    void documentChanged();
    void problemLinesChanged();
    void colorsChanged();

protected:
    void highlightBlock(const QString &text) override;

private:
    QPointer<QQuickTextDocument> m_quickDocument;
    QList<int> m_problemLines;
    QColor m_key, m_string, m_number, m_variable, m_error;
};
