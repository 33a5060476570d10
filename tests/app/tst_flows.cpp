// The flows screens' view-models end to end against the demo sandbox: workflows with instance
// counts, instances by status, a waiting instance that receives its event, a delayed one's wake-up
// time, a workflow made in the editor, run and followed until the ledger moved, a refusal shown
// at its line, a trigger fired by a committed transaction; the graph layout of 50 stages (no node
// or label over another, checked in numbers and by the design system's layout check on the
// rendered view); and the v1 fallback when the stack reports orchestration v1.
#include "AppFixture.h"
#include "FakeNetwork.h"
#include "FlowGraph.h"
#include "FlowModels.h"
#include "FlowStage.h"
#include "FlowsApi.h"
#include "TriggerController.h"
#include "WorkflowController.h"
#include "WorkflowEditor.h"
#include "YamlSubset.h"
#include "shell/LayoutCheck.h"
#include "shell/WindowSettings.h"
#include <Formance/ledger/v2/LedgerV2Api.h>

#include <QAbstractItemModelTester>
#include <QLineF>
#include <QNetworkAccessManager>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickWindow>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Formance_DeskPlugin)

using namespace Formance;

namespace {

const QString kLedger = QStringLiteral("demo-payouts");

// A stage of each kind, in turn, for big graphs.
QStringList mixedStages(int n) {
    QStringList stages;
    for (int i = 0; i < n; ++i) {
        switch (i % 4) {
        case 0:
            stages << QStringLiteral(R"({"send":{"source":{"account":{"id":"world","ledger":"l"}},)"
                                     R"("destination":{"account":{"id":"users:%1:main","ledger":"l"}},)"
                                     R"("amount":{"asset":"EUR/2","amount":%1}}})")
                          .arg(1000 + i);
            break;
        case 1:
            stages << QStringLiteral(R"({"wait_event":{"event":"approved-by-the-risk-team-%1"}})").arg(i);
            break;
        case 2:
            stages << QStringLiteral(R"({"delay":{"duration":"%1h30m"}})").arg(i);
            break;
        default:
            stages << QStringLiteral(R"({"send":{"source":{"wallet":{"id":"w%1","balance":"main"}},)"
                                     R"("destination":{"account":{"id":"payouts:%1","ledger":"l"}},)"
                                     R"("amount":{"asset":"USD/2","amount":"${amount}"}}})")
                          .arg(i);
        }
    }
    return stages;
}

bool segmentHitsRect(const QLineF &segment, const QRectF &rect) {
    if (rect.contains(segment.p1()) || rect.contains(segment.p2()))
        return true;
    const QLineF sides[] = {{rect.topLeft(), rect.topRight()},
                            {rect.topRight(), rect.bottomRight()},
                            {rect.bottomRight(), rect.bottomLeft()},
                            {rect.bottomLeft(), rect.topLeft()}};
    for (const QLineF &side : sides)
        if (segment.intersects(side, nullptr) == QLineF::BoundedIntersection)
            return true;
    return false;
}

BigInt balanceOf(Client &client, const QString &address, const QString &asset) {
    const auto r = client.ledger()
                       .v2()
                       .getAccount({.ledger = kLedger, .address = address, .expand = "volumes"})
                       .result();
    if (!r || !r->body.data.volumes)
        return BigInt();
    const auto v = r->body.data.volumes->value(asset);
    return v.balance.value_or(v.input - v.output);
}

// A QNetworkAccessManager for a stack that reports orchestration v1: its /versions answer is
// rewritten, every other request goes to the real sandbox. It remembers the paths asked.
class V1Stack : public QNetworkAccessManager {
public:
    QStringList paths;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override {
        paths << request.url().path();
        if (request.url().path().endsWith(QLatin1String("/versions"))) {
            const QByteArray body = R"({"region":"local","env":"sandbox","versions":[)"
                                    R"({"name":"ledger","version":"v2.2.0","health":true},)"
                                    R"({"name":"wallets","version":"v2.2.0","health":true},)"
                                    R"({"name":"orchestration","version":"v1.0.17","health":true}]})";
            return new FakeReply(request, op, "GET", ScriptedReply::json(200, body), this);
        }
        return QNetworkAccessManager::createRequest(op, request, data);
    }
};

} // namespace

class TestFlows : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase() { m_fixture.stop(); }

    void apiVersionIsChosenFromTheStack();
    void stagesAreReadExactly();
    void durationsAndVariables();
    void layoutOf50StagesHasNoOverlap();
    void renderedGraphPassesTheLayoutCheck();
    void configCheckPointsAtLines();
    void yamlSubsetConverts();
    void configMessagesShowInFrench();

    void workflowsListTheDemoWithInstanceCounts();
    void instancesHaveEveryStatus();
    void delayedInstanceShowsItsWakeUp();
    void waitingInstanceReceivesItsEventAndFinishes();
    void editorCreatesRunsAndFollowsToTheLedger();
    void refusedConfigKeepsTextAndShowsLine();
    void triggerFiresOnCommittedTransaction();
    void fallsBackToV1();

private:
    QString createWorkflow(const QString &config);
    AppTest::Fixture m_fixture;
};

void TestFlows::initTestCase() {
    WindowSettings::instance()->setEnabled(false);
    QString error;
    QVERIFY2(m_fixture.start(true, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(m_fixture.session()->servicesKnown(), 30000);
}

void TestFlows::apiVersionIsChosenFromTheStack() {
    QCOMPARE(Flows::apiForVersion(QStringLiteral("v1.0.17")), Flows::Api::V1);
    QCOMPARE(Flows::apiForVersion(QStringLiteral("1.3.0")), Flows::Api::V1);
    QCOMPARE(Flows::apiForVersion(QStringLiteral("v2.0.0")), Flows::Api::V2);
    QCOMPARE(Flows::apiForVersion(QStringLiteral("v2.2.0-sandbox")), Flows::Api::V2);
    QCOMPARE(Flows::apiForVersion(QStringLiteral("develop")), Flows::Api::V2);
    QCOMPARE(Flows::apiForVersion(QString()), Flows::Api::V2);
    // The demo stack runs orchestration v2.
    QCOMPARE(Flows::apiFor(m_fixture.session()), Flows::Api::V2);
}

void TestFlows::stagesAreReadExactly() {
    // 2^100 + 1 cents: never through a double.
    const FlowStage send = FlowStage::fromJson(
        R"({"send":{"source":{"account":{"id":"world","ledger":"main"}},"destination":{"wallet":{"id":"w1","balance":"main"}},)"
        R"("amount":{"asset":"USD/2","amount":1267650600228229401496703205377}}})");
    QCOMPARE(send.kind, QStringLiteral("send"));
    QVERIFY(send.wallet);
    QCOMPARE(send.lines.value(0), QStringLiteral("from world"));
    QCOMPARE(send.lines.value(1), QStringLiteral("to wallet w1 / main"));
    QCOMPARE(send.lines.value(2), QStringLiteral("12676506002282294014967032053.77 USD/2"));
    const FlowStage wait = FlowStage::fromJson(R"({"wait_event":{"event":"approved"}})");
    QCOMPARE(wait.event, QStringLiteral("approved"));
    QCOMPARE(wait.edgeLabel, QStringLiteral("on “approved”"));
    const FlowStage delay = FlowStage::fromJson(R"({"delay":{"until":"2030-01-02T03:04:05Z"}})");
    QCOMPARE(delay.until, QStringLiteral("2030-01-02T03:04:05Z"));
    QCOMPARE(FlowText::delayEnd(delay, QDateTime()), QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC));
    QCOMPARE(FlowStage::fromJson("[]").kind, QStringLiteral("invalid"));
}

void TestFlows::durationsAndVariables() {
    QCOMPARE(FlowText::parseDuration(QStringLiteral("72h")), std::optional<qint64>(72LL * 3600 * 1000));
    QCOMPARE(FlowText::parseDuration(QStringLiteral("1h30m")), std::optional<qint64>(5400000));
    QCOMPARE(FlowText::parseDuration(QStringLiteral("1.5s")), std::optional<qint64>(1500));
    QCOMPARE(FlowText::parseDuration(QStringLiteral("300ms")), std::optional<qint64>(300));
    QCOMPARE(FlowText::parseDuration(QStringLiteral("0")), std::optional<qint64>(0));
    QVERIFY(!FlowText::parseDuration(QStringLiteral("72")));
    QVERIFY(!FlowText::parseDuration(QStringLiteral("soon")));
    QVERIFY(!FlowText::parseDuration(QStringLiteral("1h x")));
    const QDateTime start(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    FlowStage delay;
    delay.duration = QStringLiteral("90m");
    QCOMPARE(FlowText::delayEnd(delay, start), start.addSecs(5400));
    QCOMPARE(FlowText::variablesIn(QStringLiteral("${a} ${b_2} ${a} $c ${ bad}")),
             QStringList({QStringLiteral("a"), QStringLiteral("b_2")}));
}

void TestFlows::layoutOf50StagesHasNoOverlap() {
    QList<FlowStage> stages;
    for (const QString &s : mixedStages(50))
        stages << FlowStage::fromJson(s.toUtf8());
    for (int columns : {1, 3, 4, 6}) {
        const FlowLayout layout = FlowLayout::compute(stages, columns);
        QCOMPARE(layout.nodes.size(), 50);
        QCOMPARE(layout.edges.size(), 49);
        const QRectF bounds(QPointF(0, 0), layout.size);
        QList<QRectF> labels;
        for (int i = 0; i < 50; ++i) {
            const QRectF a = layout.nodes[i].rect;
            QVERIFY(bounds.contains(a));
            for (int j = i + 1; j < 50; ++j)
                QVERIFY2(
                    !a.intersects(layout.nodes[j].rect),
                    qPrintable(
                        QStringLiteral("columns %1: nodes %2 and %3 overlap").arg(columns).arg(i).arg(j)));
        }
        for (const auto &e : layout.edges) {
            QCOMPARE(e.to, e.from + 1); // in order
            // The edge starts on its node's border and ends on the next one's.
            const QRectF from = layout.nodes[e.from].rect.adjusted(-0.5, -0.5, 0.5, 0.5);
            const QRectF to = layout.nodes[e.to].rect.adjusted(-0.5, -0.5, 0.5, 0.5);
            QVERIFY(from.contains(e.points.first()));
            QVERIFY(to.contains(e.points.last()));
            QVERIFY(!e.label.isEmpty());
            QVERIFY(bounds.contains(e.labelRect));
            labels << e.labelRect;
            for (const auto &n : layout.nodes)
                QVERIFY2(!e.labelRect.intersects(n.rect),
                         qPrintable(QStringLiteral("columns %1: label of edge %2 over node %3")
                                        .arg(columns)
                                        .arg(e.from)
                                        .arg(n.stage)));
        }
        // No edge crosses a label, its own included, and no label lies over another.
        for (int i = 0; i < labels.size(); ++i) {
            for (int j = i + 1; j < labels.size(); ++j)
                QVERIFY(!labels[i].intersects(labels[j]));
            for (const auto &e : layout.edges)
                for (int k = 0; k + 1 < e.points.size(); ++k)
                    QVERIFY2(!segmentHitsRect(QLineF(e.points[k], e.points[k + 1]), labels[i]),
                             qPrintable(QStringLiteral("columns %1: edge %2 crosses label %3")
                                            .arg(columns)
                                            .arg(e.from)
                                            .arg(i)));
        }
    }
    // The rows snake: 50 stages in 4 columns make 13 rows, the last one short.
    QCOMPARE(FlowLayout::compute(stages, 4).nodes[4].rect.left(),
             FlowLayout::compute(stages, 4).nodes[3].rect.left());
    QCOMPARE(FlowLayout::columnsFor(0), 1);
    QVERIFY(FlowLayout::columnsFor(1280) >= 3);
}

void TestFlows::renderedGraphPassesTheLayoutCheck() {
    // The view as the app draws it, 50 stages at 100 %, in a window that shows all of it.
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.rootContext()->setContextProperty(QStringLiteral("testStages"), mixedStages(50));
    engine.loadData(R"(import QtQuick
import Formance.Desk
Window {
    width: 1800; height: 2000; visible: true
    FlowGraphView { objectName: "graphView"; anchors.fill: parent; stages: testStages; states: ["done", "done", "running"] }
})");
    QCOMPARE(engine.rootObjects().size(), 1);
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *graph = window->findChild<FlowGraph *>();
    QVERIFY(graph);
    QCOMPARE(graph->nodes().size(), 50);
    QVERIFY(graph->height() < window->height() - 40); // every node is in view, so every node is checked
    QTest::qWait(100);
    const QStringList problems = LayoutCheck::problems(window);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    // Every node was drawn (the check walked them).
    std::function<int(QQuickItem *)> nodes = [&](QQuickItem *item) {
        int n = item->objectName().startsWith(QLatin1String("stage-")) ? 1 : 0;
        for (QQuickItem *child : item->childItems())
            n += nodes(child);
        return n;
    };
    QCOMPARE(nodes(window->contentItem()), 50);
}

void TestFlows::configCheckPointsAtLines() {
    // A syntax error at its line.
    auto c = WorkflowConfigCheck::check(
        QStringLiteral("{\n  \"name\": \"x\",\n  \"stages\": [\n    {\"delay\": }\n  ]\n}"));
    QCOMPARE(c.problems.size(), 1);
    QCOMPARE(c.problems[0].line, 4);
    // Stage problems at each stage's line; the good stage is still there for the preview.
    c = WorkflowConfigCheck::check(
        QStringLiteral("{\n  \"name\": \"x\",\n  \"stages\": [\n    {\"wait_event\": {\"event\": \"go\"}},\n"
                       "    {\"delay\": {\"duration\": \"soon\"}},\n    {\"teleport\": {}}\n  ]\n}"));
    QCOMPARE(c.stages.size(), 3);
    QCOMPARE(c.stageLines, QList<int>({4, 5, 6}));
    QCOMPARE(c.problems.size(), 2);
    QCOMPARE(c.problems[0].line, 5);
    QVERIFY(c.problems[0].message.contains(QLatin1String("soon")));
    QCOMPARE(c.problems[1].line, 6);
    // The stack counts stages from 0.
    QCOMPARE(c.lineForMessage(QStringLiteral("VALIDATION: stage 2: unknown stage")), 6);
    QCOMPARE(c.lineForMessage(QStringLiteral("VALIDATION: stages is required")), 0);
    QCOMPARE(c.lineForMessage(QStringLiteral("the config is refused")), 0);
    // Numbers keep their exact text; the sample is a valid config using two variables.
    c = WorkflowConfigCheck::check(QStringLiteral(
        R"({"stages":[{"send":{"source":{"account":{"id":"world","ledger":"l"}},"destination":{"account":{"id":"a","ledger":"l"}},"amount":{"asset":"EUR/2","amount":340282366920938463463374607431768211457}}}]})"));
    QVERIFY(c.problems.isEmpty());
    QVERIFY(c.stages[0].contains(QLatin1String("340282366920938463463374607431768211457")));
    c = WorkflowConfigCheck::check(WorkflowEditorController::sample());
    QVERIFY(c.problems.isEmpty());
    QCOMPARE(c.variables, QStringList({QStringLiteral("merchant"), QStringLiteral("amount")}));
}

// The messages of the config check, the YAML reader and the stage texts come from free functions:
// each must be filed under the context it is looked up in, or it stays English under --lang fr.
void TestFlows::configMessagesShowInFrench() {
    QTranslator french;
    QVERIFY(french.load(QLocale(QStringLiteral("fr")), QStringLiteral("formance-desk"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")));
    QVERIFY(QCoreApplication::installTranslator(&french));
    const auto restore = qScopeGuard([&] { QCoreApplication::removeTranslator(&french); });

    auto y = YamlToJson::convert(QString::fromUtf8("name: &anchor x\n"));
    QCOMPARE(y.error,
             QString::fromUtf8("Les ancres, alias, étiquettes et chaînes multilignes ne sont pas pris en "
                               "charge ici."));
    y = YamlToJson::convert(QString::fromUtf8("name: x\n\tstages: []\n"));
    QCOMPARE(y.error, QString::fromUtf8("Indentez avec des espaces, pas des tabulations."));
    y = YamlToJson::convert(QString());
    QCOMPARE(y.error, QString::fromUtf8("La configuration est vide."));

    const auto c = WorkflowConfigCheck::check(QString::fromUtf8(R"({"name": "n", "stages": [{"fly": {}}]})"));
    QCOMPARE(c.problems.size(), 1);
    QCOMPARE(
        c.problems[0].message,
        QString::fromUtf8("Étape 1\u00a0: Étape inconnue «\u00a0fly\u00a0»\u00a0: utilisez send, wait_event, "
                          "delay ou update."));
    const FlowStage s = FlowStage::fromJson(
        R"({"send": {"source": {"wallet": {"id": "w1", "balance": "main"}}, "destination": {"payment": {"id": "p1"}},)"
        R"( "amount": {"asset": "EUR/2", "amount": "${amount}"}}})");
    QCOMPARE(s.lines.value(0), QString::fromUtf8("depuis portefeuille w1 / main"));
    QCOMPARE(s.lines.value(1), QString::fromUtf8("vers paiement p1"));
}

void TestFlows::yamlSubsetConverts() {
    // Block mappings and sequences, flow collections, quotes, exact numbers, comments.
    auto y = YamlToJson::convert(
        QString::fromUtf8("\043 a payout\n"
                          "name: \047single: quoted\047\n"
                          "stages:\n"
                          "  - send:\n"
                          "      source: {account: {id: world, ledger: main}}\n"
                          "      destination:\n"
                          "        account: {id: \"users:${id}\", ledger: main}\n"
                          "      amount: {asset: EUR/2, amount: 340282366920938463463374607431768211457}\n"
                          "  - wait_event: {event: go}  \043 inline comment\n"
                          "  -\n"
                          "    delay:\n"
                          "      duration: 72h\n"
                          "tags: [a, \047b c\047, 3, true, ~]\n"));
    QVERIFY2(y.error.isEmpty(), qPrintable(QString::fromUtf8("%1: %2").arg(y.errorLine).arg(y.error)));
    QCOMPARE(
        y.json,
        QByteArray(
            R"({"name":"single: quoted","stages":[{"send":{"source":{"account":{"id":"world","ledger":"main"}},)"
            R"("destination":{"account":{"id":"users:${id}","ledger":"main"}},)"
            R"("amount":{"asset":"EUR/2","amount":340282366920938463463374607431768211457}}},)"
            R"({"wait_event":{"event":"go"}},{"delay":{"duration":"72h"}}],"tags":["a","b c",3,true,null]})"));
    QCOMPARE(y.stageLines, QList<int>({4, 9, 10}));
    // (Quotes as escapes: moc 6.4 misreads a quote inside a raw string.)
    QCOMPARE(YamlToJson::convert(QString::fromUtf8("name: \047It\047\047s\047\n")).json,
             QByteArray("{\"name\":\"It\047s\"}"));
    // A list at its key's indentation is YAML too.
    y = YamlToJson::convert(QString::fromUtf8("stages:\n- wait_event:\n    event: go\n"));
    QCOMPARE(y.json, QByteArray(R"({"stages":[{"wait_event":{"event":"go"}}]})"));
    // Errors at their line; what is not supported says so.
    y = YamlToJson::convert(
        QString::fromUtf8("name: x\nstages:\n  - delay:\n      duration: 1h\n     bad: 1\n"));
    QCOMPARE(y.errorLine, 5);
    y = YamlToJson::convert(QString::fromUtf8("name: x\nstages:\n  - send: {source: {account: {id: a}\n"));
    QCOMPARE(y.errorLine, 3);
    y = YamlToJson::convert(QString::fromUtf8("name: &anchor x\n"));
    QCOMPARE(y.errorLine, 1);
    QVERIFY(y.error.contains(QLatin1String("not supported")));
    y = YamlToJson::convert(QString::fromUtf8("name: x\n\tstages: []\n"));
    QCOMPARE(y.errorLine, 2);
    // The editor's check on YAML places stage problems at the YAML's lines.
    const auto c = WorkflowConfigCheck::checkYaml(QString::fromUtf8(
        "name: y\nstages:\n  - wait_event: {event: go}\n  - delay:\n      duration: soon\n"));
    QCOMPARE(c.stageLines, QList<int>({3, 4}));
    QCOMPARE(c.problems.size(), 1);
    QCOMPARE(c.problems[0].line, 4);
    const auto sample = WorkflowConfigCheck::checkYaml(WorkflowEditorController::sampleYaml());
    QVERIFY(sample.problems.isEmpty());
    QCOMPARE(sample.stages, WorkflowConfigCheck::check(WorkflowEditorController::sample()).stages);
}

void TestFlows::workflowsListTheDemoWithInstanceCounts() {
    WorkflowsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSession(m_fixture.session());
    QVERIFY(AppTest::drain(model));
    QVERIFY(model.count() >= 5);
    const int row = model.find(QStringLiteral("name"), QStringLiteral("Approved merchant payout"));
    QVERIFY(row >= 0);
    QCOMPARE(model.value(row, QStringLiteral("stageCount")).toInt(), 4);
    QCOMPARE(model.value(row, QStringLiteral("stagesText")).toString(),
             QStringLiteral("send → wait_event → send → update"));
    // Counts arrive with their own call: one succeeded, one waiting, one canceled at least.
    QTRY_VERIFY(model.value(row, QStringLiteral("succeeded")).toInt() >= 1);
    QVERIFY(model.value(row, QStringLiteral("waiting")).toInt() >= 1);
    QVERIFY(model.value(row, QStringLiteral("canceled")).toInt() >= 1);
    QVERIFY(model.value(row, QStringLiteral("countsText")).toString().contains(QLatin1String("waiting")));
}

void TestFlows::instancesHaveEveryStatus() {
    InstancesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSession(m_fixture.session());
    QVERIFY(AppTest::drain(model));
    QSet<QString> statuses;
    for (int i = 0; i < model.count(); ++i)
        statuses << model.statusAt(i);
    for (const char *s : {"running", "waiting", "succeeded", "failed", "canceled"})
        QVERIFY2(statuses.contains(QLatin1String(s)), s);
    const int waiting = model.find(QStringLiteral("status"), QStringLiteral("waiting"));
    QCOMPARE(model.value(waiting, QStringLiteral("detail")).toString(),
             QStringLiteral("waits for “approved”"));
    // The filter keeps one status.
    model.setStatusFilter(QStringLiteral("failed"));
    model.reload();
    QVERIFY(AppTest::drain(model));
    QVERIFY(model.count() > 0);
    for (int i = 0; i < model.count(); ++i)
        QCOMPARE(model.statusAt(i), QStringLiteral("failed"));
    QVERIFY(model.value(0, QStringLiteral("detail"))
                .toString()
                .contains(QLatin1String("insufficient"), Qt::CaseInsensitive));
}

void TestFlows::delayedInstanceShowsItsWakeUp() {
    InstancesModel model;
    model.setSession(m_fixture.session());
    QVERIFY(AppTest::drain(model));
    int delayed = -1;
    for (int i = 0; i < model.count(); ++i)
        if (model.value(i, QStringLiteral("detail")).toString().startsWith(QLatin1String("wakes up at")))
            delayed = i;
    QVERIFY(delayed >= 0);
    InstanceController instance;
    instance.setSession(m_fixture.session());
    instance.setInstanceId(model.idAt(delayed));
    instance.load();
    QTRY_VERIFY(instance.loaded());
    QCOMPARE(instance.status(), QStringLiteral("running"));
    QVERIFY(!instance.wakeUp().isEmpty());
    QCOMPARE(instance.stageStates().value(0), QStringLiteral("running"));
    QCOMPARE(instance.timeline().size(), 1);
    QCOMPARE(instance.timeline()[0].toMap().value(QStringLiteral("kind")).toString(),
             QStringLiteral("delay"));
    QVERIFY(instance.timeline()[0]
                .toMap()
                .value(QStringLiteral("input"))
                .toString()
                .contains(QLatin1String("72h")));
}

QString TestFlows::createWorkflow(const QString &config) {
    WorkflowEditorController editor;
    editor.setSession(m_fixture.session());
    editor.setText(config);
    if (!editor.valid())
        return {};
    QSignalSpy created(&editor, &WorkflowEditorController::created);
    editor.create();
    if (!AppTest::idle(editor) || created.isEmpty())
        return {};
    return created.first().first().toString();
}

void TestFlows::waitingInstanceReceivesItsEventAndFinishes() {
    WorkflowsModel workflows;
    workflows.setSession(m_fixture.session());
    QVERIFY(AppTest::drain(workflows));
    const int row = workflows.find(QStringLiteral("name"), QStringLiteral("Approved merchant payout"));
    QVERIFY(row >= 0);
    const QString merchant = AppTest::Fixture::unique(QStringLiteral("m")).replace(u'-', u'_');

    WorkflowController workflow;
    workflow.setSession(m_fixture.session());
    workflow.setWorkflowId(workflows.idAt(row));
    workflow.load();
    QTRY_VERIFY(workflow.loaded());
    QCOMPARE(workflow.variables(), QStringList({QStringLiteral("merchant"), QStringLiteral("amount")}));
    QVERIFY(!workflow.runProblem({{QStringLiteral("merchant"), merchant}}).isEmpty());
    QSignalSpy started(&workflow, &WorkflowController::started);
    workflow.run(
        {{QStringLiteral("merchant"), merchant}, {QStringLiteral("amount"), QStringLiteral("4321")}});
    QTRY_COMPARE(started.size(), 1);

    InstanceController instance;
    instance.setSession(m_fixture.session());
    instance.setRefreshInterval(200);
    instance.setInstanceId(started.first().first().toString());
    instance.setLive(true);
    instance.load();
    QTRY_COMPARE(instance.status(), QStringLiteral("waiting"));
    QCOMPARE(instance.waitingEvent(), QStringLiteral("approved"));
    QCOMPARE(instance.stageStates(), QStringList({QStringLiteral("done"), QStringLiteral("waiting")}));
    QCOMPARE(
        balanceOf(m_fixture.client(), QStringLiteral("payouts:pending:") + merchant, QStringLiteral("EUR/2")),
        BigInt(4321));
    instance.sendEvent(QStringLiteral("approved"));
    QTRY_COMPARE_WITH_TIMEOUT(instance.status(), QStringLiteral("succeeded"), 15000);
    QCOMPARE(instance.timeline().size(), 4);
    QCOMPARE(
        balanceOf(m_fixture.client(), QStringLiteral("payouts:sent:") + merchant, QStringLiteral("EUR/2")),
        BigInt(4321));
    // The last send's stage history names its transaction.
    const QVariantList activities =
        instance.timeline()[2].toMap().value(QStringLiteral("activities")).toList();
    QCOMPARE(activities.size(), 1);
    QCOMPARE(activities[0].toMap().value(QStringLiteral("name")).toString(),
             QStringLiteral("CreateTransaction"));
    QVERIFY(activities[0].toMap().value(QStringLiteral("output")).toString().contains(merchant));
}

void TestFlows::editorCreatesRunsAndFollowsToTheLedger() {
    const QString user = AppTest::Fixture::unique(QStringLiteral("u")).replace(u'-', u'_');
    const QString config = QStringLiteral(R"({
  "name": "Editor test %1",
  "stages": [
    {"send": {"source": {"account": {"id": "world", "ledger": "demo-payouts"}},
              "destination": {"account": {"id": "users:%1", "ledger": "demo-payouts"}},
              "amount": {"asset": "EUR/2", "amount": "${amount}"}}},
    {"delay": {"duration": "1s"}},
    {"send": {"source": {"account": {"id": "users:%1", "ledger": "demo-payouts"}},
              "destination": {"account": {"id": "users:%1:savings", "ledger": "demo-payouts"}},
              "amount": {"asset": "EUR/2", "amount": 250}}}
  ]
})")
                               .arg(user);
    const QString id = createWorkflow(config);
    QVERIFY(!id.isEmpty());

    WorkflowController workflow;
    workflow.setSession(m_fixture.session());
    workflow.setWorkflowId(id);
    workflow.load();
    QTRY_VERIFY(workflow.loaded());
    QCOMPARE(workflow.stages().size(), 3);
    QCOMPARE(workflow.variables(), QStringList({QStringLiteral("amount")}));
    QSignalSpy started(&workflow, &WorkflowController::started);
    workflow.run({{QStringLiteral("amount"), QStringLiteral("1000")}});
    QTRY_COMPARE(started.size(), 1);

    InstanceController instance;
    instance.setSession(m_fixture.session());
    instance.setRefreshInterval(150);
    instance.setInstanceId(started.first().first().toString());
    instance.setLive(true);
    instance.load();
    // While it sleeps it says when it wakes up; then it ends by itself.
    QTRY_VERIFY(!instance.wakeUp().isEmpty() || instance.status() == QLatin1String("succeeded"));
    QTRY_COMPARE_WITH_TIMEOUT(instance.status(), QStringLiteral("succeeded"), 20000);
    QCOMPARE(instance.stageStates(), QStringList(3, QStringLiteral("done")));
    QCOMPARE(balanceOf(m_fixture.client(), QStringLiteral("users:") + user, QStringLiteral("EUR/2")),
             BigInt(750));
    QCOMPARE(balanceOf(m_fixture.client(), QStringLiteral("users:") + user + QStringLiteral(":savings"),
                       QStringLiteral("EUR/2")),
             BigInt(250));
    QVERIFY(!instance.timeline()[1].toMap().value(QStringLiteral("duration")).toString().isEmpty());
}

void TestFlows::refusedConfigKeepsTextAndShowsLine() {
    {
        // YAML: the refusal at the YAML's line of the stage.
        WorkflowEditorController editor;
        editor.setSession(m_fixture.session());
        editor.setFormat(QStringLiteral("yaml"));
        editor.setText(QStringLiteral("name: Refused yaml\nstages:\n  - wait_event: {event: go}\n"
                                      "  # then\n  - delay: {until: next tuesday}\n"));
        QVERIFY(editor.valid());
        editor.create();
        QVERIFY(AppTest::idle(editor));
        QVERIFY(editor.createdId().isEmpty());
        QCOMPARE(editor.problemLines(), QList<int>({5}));
    }
    // Well formed here, refused by the stack: a delay until something that is no date.
    const QString config = QStringLiteral("{\n  \"name\": \"Refused\",\n  \"stages\": [\n"
                                          "    {\"wait_event\": {\"event\": \"go\"}},\n"
                                          "    {\"delay\": {\"until\": \"next tuesday\"}}\n  ]\n}");
    WorkflowEditorController editor;
    editor.setSession(m_fixture.session());
    editor.setText(config);
    QVERIFY(editor.valid());
    editor.create();
    QVERIFY(AppTest::idle(editor));
    QVERIFY(editor.createdId().isEmpty());
    QCOMPARE(editor.text(), config);
    const QVariantList problems = editor.problems();
    QCOMPARE(problems.size(), 1);
    const QVariantMap p = problems[0].toMap();
    QVERIFY2(p.value(QStringLiteral("message")).toString().contains(QLatin1String("stage 1")),
             qPrintable(p.value(QStringLiteral("message")).toString()));
    QCOMPARE(p.value(QStringLiteral("line")).toInt(), 5);
    QCOMPARE(editor.problemLines(), QList<int>({5}));
    // Typing again clears the refusal (it was about the text sent).
    editor.setText(config + QStringLiteral(" "));
    QVERIFY(editor.problems().isEmpty());
}

void TestFlows::triggerFiresOnCommittedTransaction() {
    const QString tag = AppTest::Fixture::unique(QStringLiteral("t")).replace(u'-', u'_');
    const QString id = createWorkflow(QStringLiteral(R"({"name":"Trigger test %1","stages":[
        {"send":{"source":{"account":{"id":"world","ledger":"demo-payouts"}},
                 "destination":{"account":{"id":"rewards:%1","ledger":"demo-payouts"}},
                 "amount":{"asset":"EUR/2","amount":"${amount}"}}}]})")
                                          .arg(tag));
    QVERIFY(!id.isEmpty());

    TriggerController trigger;
    trigger.setSession(m_fixture.session());
    const QString filter = QStringLiteral(R"(event.transactions[0].metadata.tag == "%1")").arg(tag);
    const QString vars =
        QStringLiteral(R"js({"amount": "string(event.transactions[0].postings[0].amount)"})js");
    QVERIFY(!trigger.formProblems(QString(), id, filter, vars).isEmpty());
    QVERIFY(
        trigger.formProblems(QStringLiteral("ledger.committed_transactions"), id, QStringLiteral("(a"), vars)
            .contains(QStringLiteral("filter")));
    QVERIFY(
        trigger.formProblems(QStringLiteral("ledger.committed_transactions"), id, filter, vars).isEmpty());
    QSignalSpy created(&trigger, &TriggerController::created);
    trigger.create(QStringLiteral("Reward ") + tag, QStringLiteral("ledger.committed_transactions"), id,
                   filter, vars);
    QTRY_COMPARE(created.size(), 1);
    const QString triggerId = created.first().first().toString();

    // The test: a sample that matches, with the variable it would pass, and one that does not.
    QVERIFY(trigger.canTest());
    trigger.test(
        QStringLiteral(
            R"({"ledger":"demo-payouts","transactions":[{"id":9,"postings":[{"source":"world",)"
            R"("destination":"x","asset":"EUR/2","amount":12345678901234567890123}],"metadata":{"tag":"%1"}}]})")
            .arg(tag));
    QVERIFY(AppTest::idle(trigger));
    QVERIFY2(trigger.error().isEmpty(), qPrintable(trigger.error()));
    QCOMPARE(trigger.testResult().value(QStringLiteral("match")).toBool(), true);
    const QVariantList values = trigger.testResult().value(QStringLiteral("variables")).toList();
    QCOMPARE(values.size(), 1);
    QCOMPARE(values[0].toMap().value(QStringLiteral("value")).toString(),
             QStringLiteral("12345678901234567890123"));
    trigger.test(
        QStringLiteral(R"({"ledger":"demo-payouts","transactions":[{"metadata":{"tag":"other"}}]})"));
    QVERIFY(AppTest::idle(trigger));
    QCOMPARE(trigger.testResult().value(QStringLiteral("match")).toBool(), false);

    // A committed transaction fires it.
    Ledger::V2::V2CreateTransactionRequest tx;
    tx.ledger = kLedger;
    tx.body.postings = QList<Models::V2Posting>{Models::V2Posting{
        BigInt(777), QStringLiteral("EUR/2"), QStringLiteral("deposits:") + tag, QStringLiteral("world")}};
    tx.body.metadata.insert(QStringLiteral("tag"), tag);
    QVERIFY(m_fixture.client().ledger().v2().createTransaction(tx).result().ok());

    OccurrencesModel occurrences;
    QAbstractItemModelTester tester(&occurrences, QAbstractItemModelTester::FailureReportingMode::QtTest);
    occurrences.setSession(m_fixture.session());
    occurrences.setTriggerId(triggerId);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            if (!occurrences.loading())
                occurrences.reload();
            return AppTest::drain(occurrences) && occurrences.count() > 0 &&
                   !occurrences.instanceAt(0).isEmpty();
        }(),
        15000);
    // The occurrence opens the instance it started, which paid the amount the event carried.
    InstanceController instance;
    instance.setSession(m_fixture.session());
    instance.setRefreshInterval(200);
    instance.setInstanceId(occurrences.instanceAt(0));
    instance.setLive(true);
    instance.load();
    QTRY_COMPARE_WITH_TIMEOUT(instance.status(), QStringLiteral("succeeded"), 15000);
    QCOMPARE(instance.workflowId(), id);
    QCOMPARE(balanceOf(m_fixture.client(), QStringLiteral("rewards:") + tag, QStringLiteral("EUR/2")),
             BigInt(777));

    TriggersModel triggers;
    QAbstractItemModelTester triggersTester(&triggers,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    triggers.setSession(m_fixture.session());
    QVERIFY(AppTest::drain(triggers));
    const int row = triggers.find(QStringLiteral("triggerId"), triggerId);
    QVERIFY(row >= 0);
    QCOMPARE(triggers.value(row, QStringLiteral("workflowName")).toString(),
             QStringLiteral("Trigger test ") + tag);

    QSignalSpy removed(&trigger, &TriggerController::removed);
    trigger.remove();
    QTRY_COMPARE(removed.size(), 1);
}

void TestFlows::fallsBackToV1() {
    V1Stack network;
    SdkConfig config = m_fixture.config();
    config.network = &network;
    Session session(nullptr);
    session.adopt(std::make_unique<Client>(config), QStringLiteral("v1"), QStringLiteral("staging"), false);
    QTRY_VERIFY(session.servicesKnown());
    QCOMPARE(Flows::apiFor(&session), Flows::Api::V1);

    WorkflowsModel workflows;
    QAbstractItemModelTester tester(&workflows, QAbstractItemModelTester::FailureReportingMode::QtTest);
    workflows.setSession(&session);
    QVERIFY(AppTest::drain(workflows));
    QVERIFY2(workflows.error().isEmpty(), qPrintable(workflows.error()));
    const int row = workflows.find(QStringLiteral("name"), QStringLiteral("Approved merchant payout"));
    QVERIFY(row >= 0);
    QTRY_VERIFY(workflows.value(row, QStringLiteral("waiting")).toInt() >= 1);

    InstancesModel instances;
    instances.setSession(&session);
    QVERIFY(AppTest::drain(instances));
    QVERIFY(instances.count() >= 5);
    InstanceController instance;
    instance.setSession(&session);
    instance.setInstanceId(
        instances.idAt(instances.find(QStringLiteral("status"), QStringLiteral("succeeded"))));
    instance.load();
    QTRY_VERIFY(instance.loaded());
    QVERIFY(!instance.timeline().isEmpty());
    TriggerController trigger;
    trigger.setSession(&session);
    QVERIFY(!trigger.canTest());

    // Every orchestration call went to the v1 paths.
    int v1Calls = 0;
    for (const QString &path : network.paths) {
        if (!path.startsWith(QLatin1String("/api/orchestration")))
            continue;
        QVERIFY2(!path.startsWith(QLatin1String("/api/orchestration/v2")), qPrintable(path));
        ++v1Calls;
    }
    QVERIFY(v1Calls >= 4);
}

QTEST_MAIN(TestFlows)
#include "tst_flows.moc"
