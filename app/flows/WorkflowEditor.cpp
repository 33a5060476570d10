#include "WorkflowEditor.h"

#include "FlowStage.h"
#include "FlowsApi.h"
#include "YamlSubset.h"
#include <Formance/Client.h>
#include <Formance/json/JsonDocument.h>
#include <Formance/orchestration/v1/OrchestrationV1Api.h>
#include <Formance/orchestration/v2/OrchestrationV2Api.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextDocument>

using namespace Formance;

namespace {

int lineAt(const QString &text, qsizetype offset) {
    offset = qBound<qsizetype>(0, offset, text.size());
    return int(QStringView(text).left(offset).count(u'\n')) + 1;
}

// Where each element of the root object's "stages" array starts, by scanning the text itself
// (the parsers give no positions).
QList<qsizetype> stageOffsets(const QString &text) {
    QList<qsizetype> offsets;
    struct Level {
        bool object;
        QString key; // objects: the last key read
        bool stagesArray = false;
    };
    QList<Level> stack;
    QString lastString;
    bool expectKey = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isSpace() || c == u',' || c == u':') {
            if (c == u',' && !stack.isEmpty() && stack.last().object)
                expectKey = true;
            continue;
        }
        const bool valueStart = c != u'}' && c != u']' && !(expectKey && c == u'"');
        if (valueStart && !stack.isEmpty() && stack.last().stagesArray)
            offsets << i;
        if (c == u'"') {
            qsizetype j = i + 1;
            QString s;
            while (j < text.size() && text[j] != u'"') {
                if (text[j] == u'\\')
                    ++j;
                if (j < text.size())
                    s += text[j];
                ++j;
            }
            if (expectKey && !stack.isEmpty()) {
                stack.last().key = s;
                expectKey = false;
            }
            i = j;
            continue;
        }
        if (c == u'{' || c == u'[') {
            const bool stages = c == u'[' && stack.size() == 1 && stack.last().object &&
                                stack.last().key == QLatin1String("stages");
            stack.append({c == u'{', {}, stages});
            expectKey = c == u'{';
            continue;
        }
        if (c == u'}' || c == u']') {
            if (!stack.isEmpty())
                stack.removeLast();
            expectKey = false;
            continue;
        }
        // a number or a literal: skip to its end
        while (i + 1 < text.size() && !text[i + 1].isSpace() && text[i + 1] != u',' && text[i + 1] != u'}' &&
               text[i + 1] != u']')
            ++i;
    }
    return offsets;
}

QString stageProblem(const QJsonValue &value) {
    if (!value.isObject())
        return WorkflowConfigCheck::tr(
            "A stage is an object with one key: send, wait_event, delay or update.");
    const QJsonObject o = value.toObject();
    if (o.size() != 1)
        return WorkflowConfigCheck::tr(
                   "A stage has exactly one key (send, wait_event, delay or update); this one has %1.")
            .arg(o.size());
    const QString kind = o.begin().key();
    const QJsonObject body = o.begin().value().toObject();
    if (!o.begin().value().isObject())
        return WorkflowConfigCheck::tr("“%1” must hold an object.").arg(kind);
    if (kind == QLatin1String("send")) {
        for (const char *part : {"source", "destination", "amount"})
            if (!body.value(QLatin1String(part)).isObject())
                return WorkflowConfigCheck::tr("A send needs “%1” (an object).").arg(QLatin1String(part));
        if (body.value(QLatin1String("amount")).toObject().value(QLatin1String("asset")).toString().isEmpty())
            return WorkflowConfigCheck::tr("A send's amount needs an “asset” (e.g. \"EUR/2\").");
        return {};
    }
    if (kind == QLatin1String("wait_event")) {
        if (body.value(QLatin1String("event")).toString().trimmed().isEmpty())
            return WorkflowConfigCheck::tr("wait_event needs the “event” to wait for.");
        return {};
    }
    if (kind == QLatin1String("delay")) {
        const QString duration = body.value(QLatin1String("duration")).toString();
        const QString until = body.value(QLatin1String("until")).toString();
        if (duration.isEmpty() == until.isEmpty())
            return WorkflowConfigCheck::tr(
                "A delay has either a “duration” (e.g. \"72h\") or an “until” date.");
        if (!duration.isEmpty() && !duration.contains(u'$') && !FlowText::parseDuration(duration))
            return WorkflowConfigCheck::tr("“%1” is not a duration: write it like 30s, 15m, 72h or 1h30m.")
                .arg(duration);
        return {};
    }
    if (kind == QLatin1String("update")) {
        if (!body.value(QLatin1String("account")).isObject())
            return WorkflowConfigCheck::tr("update needs the “account” to update.");
        return {};
    }
    return WorkflowConfigCheck::tr("Unknown stage “%1”: use send, wait_event, delay or update.").arg(kind);
}

} // namespace

WorkflowConfigCheck WorkflowConfigCheck::check(const QString &text) {
    WorkflowConfigCheck out;
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError) {
        // The parser's offset counts UTF-8 bytes.
        const int line = int(utf8.left(error.offset).count('\n')) + 1;
        out.problems.append({line, error.errorString()});
        return out;
    }
    if (!doc.isObject()) {
        out.problems.append({1, tr("A workflow config is an object: {\"name\": …, \"stages\": […]}.")});
        return out;
    }
    const QJsonObject root = doc.object();
    if (root.contains(QLatin1String("name")) && !root.value(QLatin1String("name")).isString())
        out.problems.append({lineAt(text, text.indexOf(QLatin1String("\"name\""))), tr("“name” is text.")});
    out.name = root.value(QLatin1String("name")).toString();
    if (!root.value(QLatin1String("stages")).isArray()) {
        out.problems.append({1, tr("“stages” is required: a list of stages.")});
        return out;
    }
    const QJsonArray stages = root.value(QLatin1String("stages")).toArray();
    const QList<qsizetype> offsets = stageOffsets(text);
    // The exact text of each stage (numbers as written), from the SDK's parser.
    const auto exact = Json::Document::parse(utf8);
    QList<QByteArray> exactStages;
    if (exact)
        for (const Json::Value st : exact->root()["stages"].elements())
            exactStages << st.toJson();
    if (stages.isEmpty())
        out.problems.append(
            {lineAt(text, text.indexOf(QLatin1String("\"stages\""))), tr("Add at least one stage.")});
    for (int i = 0; i < stages.size(); ++i) {
        const int line = i < offsets.size() ? lineAt(text, offsets[i]) : 1;
        out.stageLines << line;
        out.stages << QString::fromUtf8(exactStages.value(i));
        if (const QString problem = stageProblem(stages[i]); !problem.isEmpty())
            out.problems.append({line, tr("Stage %1: %2").arg(i + 1).arg(problem), i});
    }
    out.variables = FlowText::variablesIn(out.stages.join(u','));
    return out;
}

WorkflowConfigCheck WorkflowConfigCheck::checkYaml(const QString &text) {
    const YamlToJson yaml = YamlToJson::convert(text);
    if (!yaml.error.isEmpty()) {
        WorkflowConfigCheck out;
        out.problems.append({yaml.errorLine, yaml.error});
        return out;
    }
    // The JSON it makes is one line: its problems are placed at the YAML's lines.
    WorkflowConfigCheck out = check(QString::fromUtf8(yaml.json));
    out.stageLines = yaml.stageLines;
    for (ConfigProblem &p : out.problems)
        p.line = p.stage >= 0 ? yaml.stageLines.value(p.stage, 1) : 1;
    return out;
}

int WorkflowConfigCheck::lineForMessage(const QString &message) const {
    static const QRegularExpression stage(QStringLiteral(R"(\bstages?\s*\[?(\d+)\]?)"),
                                          QRegularExpression::CaseInsensitiveOption);
    const auto m = stage.match(message);
    if (!m.hasMatch())
        return 0;
    const int index = m.captured(1).toInt();
    return index >= 0 && index < stageLines.size() ? stageLines[index] : 0;
}

WorkflowEditorController::WorkflowEditorController(QObject *parent)
    : Controller(parent) {}

void WorkflowEditorController::setText(const QString &text) {
    if (text == m_text)
        return;
    m_text = text;
    recheck();
}

void WorkflowEditorController::setFormat(const QString &format) {
    const bool yaml = format.compare(QLatin1String("yaml"), Qt::CaseInsensitive) == 0;
    if (yaml == m_yaml)
        return;
    m_yaml = yaml;
    recheck();
}

void WorkflowEditorController::recheck() {
    m_check = WorkflowConfigCheck::check(m_text, m_yaml);
    m_serverProblem = {};
    emit textChanged();
    emit checked();
}

QVariantList WorkflowEditorController::problems() const {
    QVariantList out;
    QList<ConfigProblem> all = m_check.problems;
    if (!m_serverProblem.message.isEmpty())
        all.append(m_serverProblem);
    for (const ConfigProblem &p : all)
        out.append(QVariantMap{{QStringLiteral("line"), p.line}, {QStringLiteral("message"), p.message}});
    return out;
}

QList<int> WorkflowEditorController::problemLines() const {
    QList<int> lines;
    for (const ConfigProblem &p : m_check.problems)
        if (p.line > 0)
            lines << p.line;
    if (m_serverProblem.line > 0)
        lines << m_serverProblem.line;
    return lines;
}

void WorkflowEditorController::create() {
    if (!checkWritable())
        return;
    if (!valid()) {
        call()->setError(tr("Fix the problems in the config first."));
        return;
    }
    m_serverProblem = {};
    QList<Json::Any> stages;
    for (const QString &s : m_check.stages)
        stages << Json::Any::fromJson(s.toUtf8());
    const std::optional<QString> name =
        m_check.name.isEmpty() ? std::nullopt : std::optional<QString>(m_check.name);
    auto onBody = [this](const auto &body) {
        m_createdId = body.data.id;
        emit createdIdChanged();
        emit created(m_createdId);
    };
    // The refusal stays on the text, at its line; the text itself is never touched.
    auto refused = [this](const QString &error) {
        m_serverProblem = {m_check.lineForMessage(error), error};
        emit checked();
    };
    auto &api = client()->orchestration();
    if (Flows::apiFor(session()) == Flows::Api::V2) {
        Orchestration::V2::V2CreateWorkflowRequest request;
        request.body = Models::V2WorkflowConfig{name, stages};
        call()->start(api.v2().createWorkflow(request), onBody, refused);
    } else {
        Orchestration::V1::CreateWorkflowRequest request;
        request.body = Models::WorkflowConfig{name, stages};
        call()->start(api.v1().createWorkflow(request), onBody, refused);
    }
}

QString WorkflowEditorController::sample() {
    return QStringLiteral(R"({
  "name": "Merchant payout with review",
  "stages": [
    {
      "send": {
        "source": {"account": {"id": "world", "ledger": "demo-payouts"}},
        "destination": {"account": {"id": "payouts:pending:${merchant}", "ledger": "demo-payouts"}},
        "amount": {"asset": "EUR/2", "amount": "${amount}"}
      }
    },
    {"wait_event": {"event": "reviewed"}},
    {"delay": {"duration": "10s"}},
    {
      "send": {
        "source": {"account": {"id": "payouts:pending:${merchant}", "ledger": "demo-payouts"}},
        "destination": {"account": {"id": "payouts:sent:${merchant}", "ledger": "demo-payouts"}},
        "amount": {"asset": "EUR/2", "amount": "${amount}"}
      }
    }
  ]
}
)");
}

QString WorkflowEditorController::sampleYaml() {
    return QStringLiteral(R"(# The same shapes as the JSON sample, as the CLI's files write them.
name: Merchant payout with review
stages:
  - send:
      source: {account: {id: world, ledger: demo-payouts}}
      destination: {account: {id: "payouts:pending:${merchant}", ledger: demo-payouts}}
      amount: {asset: EUR/2, amount: "${amount}"}
  - wait_event:
      event: reviewed
  - delay:
      duration: 10s
  - send:
      source:
        account: {id: "payouts:pending:${merchant}", ledger: demo-payouts}
      destination:
        account: {id: "payouts:sent:${merchant}", ledger: demo-payouts}
      amount: {asset: EUR/2, amount: "${amount}"}
)");
}

// ---- JsonHighlighter

JsonHighlighter::JsonHighlighter(QObject *parent)
    : QSyntaxHighlighter(parent) {}

void JsonHighlighter::setQuickDocument(QQuickTextDocument *document) {
    if (document == m_quickDocument)
        return;
    m_quickDocument = document;
    setDocument(document ? document->textDocument() : nullptr);
    emit documentChanged();
}

void JsonHighlighter::setProblemLines(const QList<int> &lines) {
    if (lines == m_problemLines)
        return;
    m_problemLines = lines;
    emit problemLinesChanged();
    rehighlight();
}

void JsonHighlighter::highlightBlock(const QString &text) {
    static const QRegularExpression token(QStringLiteral(
        R"re(("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b)re"));
    static const QRegularExpression variable(QStringLiteral(R"(\$\{[A-Za-z_][A-Za-z0-9_]*\})"));
    auto format = [](const QColor &color) {
        QTextCharFormat f;
        f.setForeground(color);
        return f;
    };
    auto it = token.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedStart(1) >= 0)
            setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)),
                      format(m.capturedLength(2) > 0 ? m_key : m_string));
        else
            setFormat(int(m.capturedStart()), int(m.capturedLength()), format(m_number));
    }
    // YAML's plain keys ("  - send:", "name:").
    static const QRegularExpression yamlKey(QStringLiteral(R"(^\s*(?:-\s+)?([A-Za-z_][\w.-]*)\s*:(?:\s|$))"));
    if (const auto m = yamlKey.match(text); m.hasMatch())
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), format(m_key));
    auto vars = variable.globalMatch(text);
    while (vars.hasNext()) {
        const auto m = vars.next();
        QTextCharFormat f = format(m_variable);
        f.setFontWeight(QFont::DemiBold);
        setFormat(int(m.capturedStart()), int(m.capturedLength()), f);
    }
    if (m_problemLines.contains(currentBlock().blockNumber() + 1)) {
        for (int i = 0; i < text.size(); ++i) {
            QTextCharFormat f = this->format(i);
            f.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            f.setUnderlineColor(m_error);
            setFormat(i, 1, f);
        }
    }
}
