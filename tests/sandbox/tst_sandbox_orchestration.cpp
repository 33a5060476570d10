// Orchestration v1/v2 of the sandbox, end to end through the typed SDK: workflows whose stages
// move money for real (checked through the ledger v2 API), events, delays, cancellation,
// triggers fed by ledger events, and the demo seed.
#include "SandboxFixture.h"

#include "Options.h"
#include "Server.h"
#include "orchestration/TriggerExpression.h"
#include "orchestration/WorkflowConfig.h"
#include <Formance/Sdk.h>

using namespace SandboxTest;
using namespace Formance::Orchestration;

namespace {

QList<Json::Any> stagesOf(const QByteArray &stagesJson) {
    QList<Json::Any> out;
    const auto doc = Json::Document::parse(stagesJson);
    if (doc)
        for (const Json::Value v : doc->root().elements())
            out.append(Json::Any::fromJson(v.toJson()));
    return out;
}

// Typed calls, when proxied, are checked against the spec like Fixture::call's replies.
template <class T> Result<T> chk(Result<T> r) {
    const QStringList bad = specViolations(r.ok() ? r.value().headers : r.error().headers());
    if (!bad.isEmpty())
        QTest::qFail(qPrintable(QStringLiteral("off-spec (Prism): %1").arg(bad.join(u' '))), __FILE__,
                     __LINE__);
    return r;
}

QString err(const Formance::Error &e) {
    return e.toString() + QStringLiteral(" ") + QString::fromUtf8(e.body());
}

} // namespace

class TestSandboxOrchestration : public QObject {
    Q_OBJECT
    Fixture f;
    int m_seq = 0;

    QString freshLedger() {
        const QString name = QStringLiteral("orch%1").arg(++m_seq);
        if (!f.createLedger(name))
            qFatal("cannot create ledger");
        return name;
    }
    // A workflow from its stages' JSON (%L stands for the ledger); its id, or empty on failure.
    QString workflow(const QString &name, QString stages, const QString &ledger = {}) {
        stages.replace(QLatin1String("%L"), ledger);
        V2::V2CreateWorkflowRequest req;
        req.body = Models::V2WorkflowConfig{name, stagesOf(stages.toUtf8())};
        auto r = chk(f.client->orchestration().v2().createWorkflow(req).result());
        if (!r.ok()) {
            qWarning() << "createWorkflow:" << err(r.error());
            return {};
        }
        return r.value().body.data.id;
    }
    std::optional<Models::V2WorkflowInstance> run(const QString &wf,
                                                  const QMap<QString, QString> &vars = {}) {
        V2::V2RunWorkflowRequest req;
        req.workflowID = wf;
        req.body = vars;
        auto r = chk(f.client->orchestration().v2().runWorkflow(req).result());
        if (!r.ok()) {
            qWarning() << "runWorkflow:" << err(r.error());
            return std::nullopt;
        }
        return r.value().body.data;
    }
    Models::V2WorkflowInstance instance(const QString &id) {
        V2::V2GetInstanceRequest req;
        req.instanceID = id;
        auto r = chk(f.client->orchestration().v2().getInstance(req).result());
        return r.ok() ? r.value().body.data : Models::V2WorkflowInstance{};
    }
    QList<Models::V2WorkflowInstanceHistoryStage> stageHistory(const QString &id, int stage) {
        V2::V2GetInstanceStageHistoryRequest req;
        req.instanceID = id;
        req.number = stage;
        auto r = chk(f.client->orchestration().v2().getInstanceStageHistory(req).result());
        return r.ok() ? r.value().body.data : QList<Models::V2WorkflowInstanceHistoryStage>{};
    }
    int sendEvent(const QString &id, const QString &name) {
        V2::V2SendEventRequest req;
        req.instanceID = id;
        req.body = Models::V2SendEventRequestBody{name};
        auto r = chk(f.client->orchestration().v2().sendEvent(req).result());
        return r.ok() ? r.value().statusCode : r.error().httpStatus();
    }
    int abort(const QString &id) {
        V2::V2CancelEventRequest req;
        req.instanceID = id;
        auto r = chk(f.client->orchestration().v2().cancelEvent(req).result());
        return r.ok() ? r.value().statusCode : r.error().httpStatus();
    }
    qint64 occurrences(const QString &triggerId) {
        V2::V2ListTriggersOccurrencesRequest req;
        req.triggerID = triggerId;
        auto r = chk(f.client->orchestration().v2().listTriggersOccurrences(req).result());
        return r.ok() ? r.value().body.cursor.data.size() : -1;
    }

private slots:
    void initTestCase() { QVERIFY(f.start()); }
    void cleanupTestCase() { f.stop(); }

    void serverInfo() {
        auto v2 = chk(f.client->orchestration().v2().getServerInfo().result());
        QVERIFY2(v2.ok(), qPrintable(v2.ok() ? QString() : err(v2.error())));
        QVERIFY(!v2.value().body.version.isEmpty());
        auto v1 = chk(f.client->orchestration().v1().orchestrationgetServerInfo().result());
        QVERIFY(v1.ok());
        QCOMPARE(v1.value().body.version, v2.value().body.version);
    }

    // send(world -> account), wait_event, send(account -> account): runs to completion after
    // the event, and the money moved on the ledger.
    void sendWaitSend() {
        const QString l = freshLedger();
        const QString wf = workflow(QStringLiteral("deposit then pay"), QStringLiteral(R"([
            {"send":{"source":{"account":{"id":"world","ledger":"%L"}},
                     "destination":{"account":{"id":"users:${user}","ledger":"%L"}},
                     "amount":{"asset":"USD/2","amount":"${amount}"},"metadata":{"step":"deposit"}}},
            {"wait_event":{"event":"confirmed"}},
            {"send":{"source":{"account":{"id":"users:${user}","ledger":"%L"}},
                     "destination":{"account":{"id":"merchants:shop","ledger":"%L"}},
                     "amount":{"asset":"USD/2","amount":30}}}])"),
                                    l);
        QVERIFY(!wf.isEmpty());
        auto inst = run(wf, {{"user", "alice"}, {"amount", "100"}});
        QVERIFY(inst);
        QVERIFY(!inst->terminated);
        QCOMPARE(inst->status->size(), 2); // the send, then the wait
        QVERIFY(inst->status->at(0).terminatedAt.has_value());
        QVERIFY(!inst->status->at(1).terminatedAt.has_value());
        QCOMPARE(f.balance(l, "users:alice", "USD/2"), QStringLiteral("100"));
        QCOMPARE(f.balance(l, "merchants:shop", "USD/2"), QStringLiteral("0"));

        // Only the awaited event moves it on.
        QCOMPARE(sendEvent(inst->id, QStringLiteral("other")), 400);
        QCOMPARE(sendEvent(inst->id, QStringLiteral("confirmed")), 204);
        const auto done = instance(inst->id);
        QVERIFY(done.terminated);
        QVERIFY(!done.error.has_value());
        QCOMPARE(done.status->size(), 3);
        QCOMPARE(f.balance(l, "users:alice", "USD/2"), QStringLiteral("70"));
        QCOMPARE(f.balance(l, "merchants:shop", "USD/2"), QStringLiteral("30"));
        QCOMPARE(sendEvent(inst->id, QStringLiteral("confirmed")), 400); // terminated

        // History: one entry per stage, inputs after substitution.
        V2::V2GetInstanceHistoryRequest hreq;
        hreq.instanceID = inst->id;
        auto history = chk(f.client->orchestration().v2().getInstanceHistory(hreq).result());
        QVERIFY(history.ok());
        const auto &h = history.value().body.data;
        QCOMPARE(h.size(), 3);
        QCOMPARE(h[0].name, QStringLiteral("send"));
        QCOMPARE(h[1].name, QStringLiteral("wait_event"));
        QVERIFY(h[2].terminated);
        Reply raw = f.call("GET", QStringLiteral("/api/orchestration/v2/instances/%1/history").arg(inst->id));
        QCOMPARE(num((*raw.json()["data"].elements().begin())["input"]["amount"]["amount"]),
                 QStringLiteral("100"));

        // Stage history: the ledger transaction with its id, as the ledger has it.
        const auto stage0 = stageHistory(inst->id, 0);
        QCOMPARE(stage0.size(), 1);
        QCOMPARE(stage0[0].name, QStringLiteral("CreateTransaction"));
        QCOMPARE(stage0[0].input.CreateTransaction->ledger.value_or(QString()), l);
        QVERIFY(stage0[0].output.has_value());
        const auto tx = stage0[0].output->CreateTransaction->data.value(0);
        QCOMPARE(tx.metadata.value(QStringLiteral("step")), QStringLiteral("deposit"));
        Reply ledgerTx =
            f.call("GET", QStringLiteral("/api/ledger/v2/%1/transactions/%2").arg(l, tx.txid.toString()));
        QCOMPARE(ledgerTx.status, 200);
        QCOMPARE(ledgerTx.json()["data"]["metadata"]["step"].toString(), QStringLiteral("deposit"));
        QVERIFY(stageHistory(inst->id, 1).isEmpty()); // waiting runs no activity
        QCOMPARE(stageHistory(inst->id, 2).size(), 1);

        // v1 shapes the same transaction with `id`.
        Reply v1 =
            f.call("GET", QStringLiteral("/api/orchestration/instances/%1/stages/2/history").arg(inst->id));
        QCOMPARE(v1.status, 200);
        const Json::Value out =
            (*v1.json()["data"].elements().begin())["output"]["CreateTransaction"]["data"];
        QVERIFY(out["id"].isNumber());
        QCOMPARE(out["reverted"].toBool(), false);
    }

    void delayCompletesLater() {
        const QString l = freshLedger();
        const QString wf = workflow(QStringLiteral("later"), QStringLiteral(R"([
            {"delay":{"duration":"300ms"}},
            {"send":{"source":{"account":{"id":"world","ledger":"%L"}},
                     "destination":{"account":{"id":"users:late","ledger":"%L"}},
                     "amount":{"asset":"EUR/2","amount":5}}}])"),
                                    l);
        auto inst = run(wf);
        QVERIFY(inst);
        QVERIFY(!inst->terminated);
        QCOMPARE(f.balance(l, "users:late", "EUR/2"), QStringLiteral("0"));
        QTRY_VERIFY_WITH_TIMEOUT(instance(inst->id).terminated, 10000);
        QVERIFY(!instance(inst->id).error.has_value());
        QCOMPARE(f.balance(l, "users:late", "EUR/2"), QStringLiteral("5"));

        // A delay already past goes straight through; `until` works too.
        const QString past = workflow(QStringLiteral("past"), QStringLiteral(R"([
            {"delay":{"until":"2020-01-01T00:00:00Z"}},
            {"send":{"source":{"account":{"id":"world","ledger":"%L"}},
                     "destination":{"account":{"id":"users:past","ledger":"%L"}},
                     "amount":{"asset":"EUR/2","amount":7}}}])"),
                                      l);
        auto p = run(past);
        QVERIFY(p && p->terminated);
        QCOMPARE(f.balance(l, "users:past", "EUR/2"), QStringLiteral("7"));
    }

    // A refused send fails the instance, with the ledger's error in its stage history, and moves
    // nothing; a send over two ledgers is all or nothing.
    void insufficientFundsFails() {
        const QString l = freshLedger();
        const qint64 before = f.count(l, "transactions");
        const QString wf = workflow(QStringLiteral("overdraw"), QStringLiteral(R"([
            {"send":{"source":{"account":{"id":"users:empty","ledger":"%L"}},
                     "destination":{"account":{"id":"users:bob","ledger":"%L"}},
                     "amount":{"asset":"USD/2","amount":10}}},
            {"wait_event":{"event":"never"}}])"),
                                    l);
        auto inst = run(wf);
        QVERIFY(inst);
        QVERIFY(inst->terminated);
        QVERIFY(inst->error.value_or(QString()).contains(QLatin1String("INSUFFICIENT_FUND")));
        QCOMPARE(inst->status->size(), 1);
        QVERIFY(inst->status->at(0).error.has_value());
        const auto stage = stageHistory(inst->id, 0);
        QCOMPARE(stage.size(), 1);
        QVERIFY(stage[0].terminated);
        QVERIFY(stage[0].error.value_or(QString()).contains(QLatin1String("insufficient funds")));
        QVERIFY(!stage[0].output.has_value());
        QCOMPARE(f.count(l, "transactions"), before);
        QCOMPARE(f.balance(l, "users:bob", "USD/2"), QStringLiteral("0"));

        // Across ledgers: out of one, into a ledger that does not exist; the first move is undone.
        QCOMPARE(f.post(l, "world", "users:rich", "USD/2", "50").status, 200);
        const QString cross = workflow(QStringLiteral("cross"), QStringLiteral(R"([
            {"send":{"source":{"account":{"id":"users:rich","ledger":"%L"}},
                     "destination":{"account":{"id":"users:far","ledger":"no-such-ledger"}},
                     "amount":{"asset":"USD/2","amount":20}}}])"),
                                       l);
        auto c = run(cross);
        QVERIFY(c && c->terminated && c->error.has_value());
        QCOMPARE(f.balance(l, "users:rich", "USD/2"), QStringLiteral("50"));
        const auto legs = stageHistory(c->id, 0);
        QCOMPARE(legs.size(), 2);
        QVERIFY(legs[0].error.value_or(QString()).contains(QLatin1String("rolled back")));
        QVERIFY(legs[1].error.value_or(QString()).contains(QLatin1String("LEDGER_NOT_FOUND")));

        // A variable the run did not get.
        const QString needsVar = workflow(QStringLiteral("vars"), QStringLiteral(R"([
            {"send":{"source":{"account":{"id":"world","ledger":"%L"}},
                     "destination":{"account":{"id":"users:${who}","ledger":"%L"}},
                     "amount":{"asset":"USD/2","amount":1}}}])"),
                                          l);
        auto v = run(needsVar);
        QVERIFY(v && v->terminated);
        QVERIFY(v->error.value_or(QString()).contains(QLatin1String("'who'")));
    }

    QString createWalletFor(const QString &name) {
        Formance::Wallets::V1::CreateWalletRequest req;
        req.body = Models::CreateWalletRequest{{}, name};
        auto r = chk(f.client->wallets().v1().createWallet(req).result());
        return r.ok() ? r.value().body.data.id : QString();
    }
    QString walletBalance(const QString &id, const QString &asset) {
        Formance::Wallets::V1::GetWalletRequest req;
        req.id = id;
        auto r = chk(f.client->wallets().v1().getWallet(req).result());
        return r.ok() ? r.value().body.data.balances.main.assets.value(asset).toString()
                      : QStringLiteral("?");
    }

    // Sends into, out of and between wallets, through the wallets service; and refusals.
    void walletStages() {
        const QString l = freshLedger();
        const QString w1 = createWalletFor(QStringLiteral("savings"));
        const QString w2 = createWalletFor(QStringLiteral("spending"));
        QVERIFY(!w1.isEmpty() && !w2.isEmpty());
        QCOMPARE(f.post(l, "world", "users:payer", "USD/2", "100").status, 200);
        const QString wf = workflow(QStringLiteral("wallet round trip"), QStringLiteral(R"([
            {"send":{"source":{"account":{"id":"users:payer","ledger":"%L"}},
                     "destination":{"wallet":{"id":"${w1}"}},
                     "amount":{"asset":"USD/2","amount":100}}},
            {"send":{"source":{"wallet":{"id":"${w1}"}},
                     "destination":{"account":{"id":"merchants:shop","ledger":"%L"}},
                     "amount":{"asset":"USD/2","amount":40}}},
            {"send":{"source":{"wallet":{"id":"${w1}","balance":"main"}},
                     "destination":{"wallet":{"id":"${w2}"}},
                     "amount":{"asset":"USD/2","amount":10}}}])"),
                                    l);
        auto inst = run(wf, {{"w1", w1}, {"w2", w2}});
        QVERIFY(inst);
        QVERIFY2(inst->terminated && !inst->error, qPrintable(inst->error.value_or(QString())));
        QCOMPARE(f.balance(l, "users:payer", "USD/2"), QStringLiteral("0"));
        QCOMPARE(f.balance(l, "merchants:shop", "USD/2"), QStringLiteral("40"));
        QCOMPARE(walletBalance(w1, QStringLiteral("USD/2")), QStringLiteral("50"));
        QCOMPARE(walletBalance(w2, QStringLiteral("USD/2")), QStringLiteral("10"));
        const auto in = stageHistory(inst->id, 0);
        QCOMPARE(in.size(), 2); // out of the account's ledger, then into the wallet
        QCOMPARE(in[0].name, QStringLiteral("CreateTransaction"));
        QCOMPARE(in[1].name, QStringLiteral("CreditWallet"));
        QCOMPARE(in[1].input.CreditWallet->id.value_or(QString()), w1);
        QCOMPARE(stageHistory(inst->id, 1).value(0).name, QStringLiteral("DebitWallet"));

        // More than the wallet holds: refused by the wallets service, nothing moves.
        const QString drain = workflow(QStringLiteral("drain"), QStringLiteral(R"([
            {"send":{"source":{"wallet":{"id":"${w}"}},
                     "destination":{"account":{"id":"merchants:shop","ledger":"%L"}},
                     "amount":{"asset":"USD/2","amount":"${amount}"}}}])"),
                                       l);
        auto over = run(drain, {{"w", w2}, {"amount", "11"}});
        QVERIFY(over && over->terminated);
        QVERIFY2(over->error.value_or(QString()).contains(QLatin1String("INSUFFICIENT_FUND")),
                 qPrintable(over->error.value_or(QString())));
        QCOMPARE(stageHistory(over->id, 0).value(0).name, QStringLiteral("DebitWallet"));
        QCOMPARE(walletBalance(w2, QStringLiteral("USD/2")), QStringLiteral("10"));
        QCOMPARE(f.balance(l, "merchants:shop", "USD/2"), QStringLiteral("40"));

        // From an account of the wallets' own ledger: one credit, drawn from that account.
        const QString wl = QStringLiteral("wallets-002");
        QCOMPARE(f.post(wl, "world", "users:funder", "USD/2", "5").status, 200);
        const QString local = workflow(QStringLiteral("local"), QStringLiteral(R"([
            {"send":{"source":{"account":{"id":"users:funder","ledger":"%L"}},
                     "destination":{"wallet":{"id":"${w}"}},
                     "amount":{"asset":"USD/2","amount":5}}}])"),
                                       wl);
        auto same = run(local, {{"w", w2}});
        QVERIFY(same && same->terminated && !same->error);
        QCOMPARE(stageHistory(same->id, 0).size(), 1);
        QCOMPARE(f.balance(wl, "users:funder", "USD/2"), QStringLiteral("0"));
        QCOMPARE(walletBalance(w2, QStringLiteral("USD/2")), QStringLiteral("15"));
        // An unknown wallet.
        auto unknown = run(wf, {{"w1", QStringLiteral("00000000-0000-0000-0000-000000000000")}, {"w2", w2}});
        QVERIFY(unknown && unknown->terminated);
        QVERIFY(unknown->error.value_or(QString()).contains(QLatin1String("NOT_FOUND")));

        // Payments are not something the sandbox can send to.
        const QString pay = workflow(QStringLiteral("payout"), QStringLiteral(R"([
            {"send":{"source":{"account":{"id":"world","ledger":"%L"}},
                     "destination":{"payment":{"psp":"stripe"}},
                     "amount":{"asset":"USD/2","amount":1}}}])"),
                                     l);
        auto p = run(pay);
        QVERIFY(p && p->terminated);
        QVERIFY(p->error.value_or(QString()).contains(QLatin1String("payment")));
    }

    void updateStage() {
        const QString l = freshLedger();
        const QString wf = workflow(QStringLiteral("tag"), QStringLiteral(R"([
            {"update":{"account":{"id":"users:${user}","ledger":"%L","metadata":{"tier":"${tier}"}}}}])"),
                                    l);
        auto inst = run(wf, {{"user", "zoe"}, {"tier", "gold"}});
        QVERIFY(inst && inst->terminated && !inst->error);
        Reply acc = f.call("GET", QStringLiteral("/api/ledger/v2/%1/accounts/users:zoe").arg(l));
        QCOMPARE(acc.json()["data"]["metadata"]["tier"].toString(), QStringLiteral("gold"));
        QCOMPARE(stageHistory(inst->id, 0).value(0).name, QStringLiteral("AddAccountMetadata"));
    }

    void cancel() {
        const QString l = freshLedger();
        const QString waits =
            workflow(QStringLiteral("waits"), QStringLiteral(R"([{"wait_event":{"event":"go"}}])"));
        auto inst = run(waits);
        QVERIFY(inst && !inst->terminated);
        QCOMPARE(abort(inst->id), 204);
        auto gone = instance(inst->id);
        QVERIFY(gone.terminated);
        QCOMPARE(gone.error.value_or(QString()), QStringLiteral("canceled"));
        QCOMPARE(gone.status->at(0).error.value_or(QString()), QStringLiteral("canceled"));
        QCOMPARE(abort(inst->id), 400);
        QCOMPARE(sendEvent(inst->id, QStringLiteral("go")), 400);

        // A canceled delay never runs what follows it.
        const QString delayed = workflow(QStringLiteral("delayed"), QStringLiteral(R"([
            {"delay":{"duration":"200ms"}},
            {"send":{"source":{"account":{"id":"world","ledger":"%L"}},
                     "destination":{"account":{"id":"users:never","ledger":"%L"}},
                     "amount":{"asset":"USD/2","amount":1}}}])"),
                                         l);
        auto d = run(delayed);
        QVERIFY(d && !d->terminated);
        QCOMPARE(abort(d->id), 204);
        QTest::qWait(500);
        QCOMPARE(f.balance(l, "users:never", "USD/2"), QStringLiteral("0"));
        QCOMPARE(instance(d->id).status->size(), 1);

        // Running instances only.
        V2::V2ListInstancesRequest list;
        list.workflowID = waits;
        auto all = chk(f.client->orchestration().v2().listInstances(list).result());
        QVERIFY(all.ok());
        QCOMPARE(all.value().body.cursor.data.size(), 1);
        auto again = run(waits);
        QVERIFY(again);
        list.running = true;
        auto running = chk(f.client->orchestration().v2().listInstances(list).result());
        QVERIFY(running.ok());
        QCOMPARE(running.value().body.cursor.data.size(), 1);
        QCOMPARE(running.value().body.cursor.data[0].id, again->id);
        QCOMPARE(abort(again->id), 204);
    }

    // A trigger on committed transactions runs its workflow for matching ones only, with
    // variables from the event, and records each fire.
    void triggerOnCommittedTransactions() {
        const QString l = freshLedger();
        const QString wf = workflow(QStringLiteral("welcome bonus"), QStringLiteral(R"([
            {"send":{"source":{"account":{"id":"world","ledger":"%L"}},
                     "destination":{"account":{"id":"bonus:${user}","ledger":"%L"}},
                     "amount":{"asset":"USD/2","amount":"${amount}"}}}])"),
                                    l);
        V2::V2CreateTriggerRequest req;
        Models::V2TriggerData data;
        data.name = QStringLiteral("signup bonus");
        data.event = QStringLiteral("ledger.committed_transactions");
        data.workflowID = wf;
        data.filter =
            QStringLiteral(R"js(event.ledger == "%1" && event.transactions[0].metadata.kind == "signup")js")
                .arg(l);
        data.vars = Json::Any::fromJson(
            R"js({"user":"event.transactions[0].metadata.user","amount":"string(event.transactions[0].postings[0].amount / 1)"})js");
        req.body = data;
        // An expression that does not parse is refused.
        auto refused = chk(f.client->orchestration().v2().createTrigger(req).result());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().httpStatus(), 400);
        data.vars = Json::Any::fromJson(
            R"js({"user":"event.transactions[0].metadata.user","amount":"string(event.transactions[0].postings[0].amount)"})js");
        req.body = data;
        auto created = chk(f.client->orchestration().v2().createTrigger(req).result());
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : err(created.error())));
        const QString trigger = created.value().body.data.id;
        QCOMPARE(occurrences(trigger), 0);

        QCOMPARE(
            f.post(l, "world", "users:carol", "USD/2", "25", R"("metadata":{"kind":"signup","user":"carol"})")
                .status,
            200);
        QTRY_COMPARE_WITH_TIMEOUT(occurrences(trigger), 1, 10000);
        QCOMPARE(f.balance(l, "bonus:carol", "USD/2"), QStringLiteral("25"));
        // Neither another kind of transaction nor the bonus transaction itself fires it.
        QCOMPARE(
            f.post(l, "world", "users:dan", "USD/2", "9", R"("metadata":{"kind":"purchase","user":"dan"})")
                .status,
            200);
        QTest::qWait(300);
        QCOMPARE(occurrences(trigger), 1);
        QCOMPARE(f.balance(l, "bonus:dan", "USD/2"), QStringLiteral("0"));

        V2::V2ListTriggersOccurrencesRequest oreq;
        oreq.triggerID = trigger;
        auto occ = chk(f.client->orchestration().v2().listTriggersOccurrences(oreq).result());
        QVERIFY(occ.ok());
        const auto &o = occ.value().body.cursor.data[0];
        QVERIFY(o.workflowInstanceID.has_value());
        QVERIFY(!o.error.has_value());
        QVERIFY(o.workflowInstance.has_value() && o.workflowInstance->terminated);
        QVERIFY(o.event.json().contains("carol"));

        // A matching event whose variables cannot be computed: an occurrence with the error.
        QCOMPARE(f.post(l, "world", "users:eve", "USD/2", "3", R"("metadata":{"kind":"signup"})").status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(occurrences(trigger), 2, 10000);
        occ = chk(f.client->orchestration().v2().listTriggersOccurrences(oreq).result());
        QVERIFY(
            occ.value().body.cursor.data[0].error.value_or(QString()).contains(QLatin1String("vars.user")));
        QVERIFY(!occ.value().body.cursor.data[0].workflowInstanceID.has_value());

        // v1 lists it too; deleting the trigger stops it.
        Reply v1 = f.call("GET", QStringLiteral("/api/orchestration/triggers/%1/occurrences").arg(trigger));
        QCOMPARE(v1.json()["data"].size(), 2u);
        V2::V2DeleteTriggerRequest del;
        del.triggerID = trigger;
        QVERIFY(chk(f.client->orchestration().v2().deleteTrigger(del).result()).ok());
        QCOMPARE(f.post(l, "world", "users:fay", "USD/2", "4", R"("metadata":{"kind":"signup","user":"fay"})")
                     .status,
                 200);
        QTest::qWait(300);
        QCOMPARE(f.balance(l, "bonus:fay", "USD/2"), QStringLiteral("0"));
        QCOMPARE(f.call("GET", QStringLiteral("/api/orchestration/v2/triggers/%1").arg(trigger)).status, 404);
    }

    void testTrigger() {
        const QString wf =
            workflow(QStringLiteral("noop"), QStringLiteral(R"([{"wait_event":{"event":"x"}}])"));
        V2::V2CreateTriggerRequest req;
        Models::V2TriggerData data;
        data.event = QStringLiteral("ledger.committed_transactions");
        data.workflowID = wf;
        data.filter = QStringLiteral("event.transactions[0].postings[0].amount > 1000");
        data.vars = Json::Any::fromJson(R"({"to":"event.transactions[0].postings[0].destination",)"
                                        R"("missing":"event.nothing.here"})");
        req.body = data;
        auto created = chk(f.client->orchestration().v2().createTrigger(req).result());
        QVERIFY(created.ok());
        const QString id = created.value().body.data.id;

        V2::TestTriggerRequest test;
        test.triggerID = id;
        test.body = Json::Any::fromJson(
            R"({"transactions":[{"postings":[{"source":"world","destination":"users:1","amount":18446744073709551617}]}]})");
        auto r = chk(f.client->orchestration().v2().testTrigger(test).result());
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : err(r.error())));
        const auto &t = r.value().body.data;
        QCOMPARE(t.filter->match.value_or(false), true);
        QCOMPARE(t.variables->value(QStringLiteral("to")).value.value_or(QString()),
                 QStringLiteral("users:1"));
        QVERIFY(t.variables->value(QStringLiteral("missing")).error.has_value());
        test.body = Json::Any::fromJson(
            R"({"transactions":[{"postings":[{"destination":"users:2","amount":999}]}]})");
        r = chk(f.client->orchestration().v2().testTrigger(test).result());
        QVERIFY(r.ok());
        QCOMPARE(r.value().body.data.filter->match.value_or(true), false);
        test.body = Json::Any::fromJson(R"({"transactions":[]})");
        r = chk(f.client->orchestration().v2().testTrigger(test).result());
        QVERIFY(r.ok());
        QCOMPARE(r.value().body.data.filter->match.value_or(true), false);
        QVERIFY(
            r.value().body.data.filter->error.value_or(QString()).contains(QLatin1String("out of range")));
        // Nothing ran.
        V2::V2ListTriggersOccurrencesRequest oreq;
        oreq.triggerID = id;
        QCOMPARE(occurrences(id), 0);
        test.triggerID = QStringLiteral("nope");
        auto missing = chk(f.client->orchestration().v2().testTrigger(test).result());
        QCOMPARE(missing.error().httpStatus(), 404);

        // Listing and searching by name.
        data.name = QStringLiteral("Large payments");
        req.body = data;
        QVERIFY(chk(f.client->orchestration().v2().createTrigger(req).result()).ok());
        V2::V2ListTriggersRequest list;
        list.name = QStringLiteral("large");
        auto found = chk(f.client->orchestration().v2().listTriggers(list).result());
        QVERIFY(found.ok());
        QCOMPARE(found.value().body.cursor.data.size(), 1);
        QCOMPARE(found.value().body.cursor.data[0].name.value_or(QString()),
                 QStringLiteral("Large payments"));
        auto v1 = chk(f.client->orchestration().v1().listTriggers().result());
        QVERIFY(v1.ok());
        QVERIFY(v1.value().body.data.size() >= 2);
    }

    // The expression subset triggers use, and Go durations, without a server.
    void expressionsAndDurations() {
        using Formance::Sandbox::TriggerExpression;
        const QByteArray payload =
            R"({"ledger":"main","transactions":[{"id":7,"postings":[{"source":"world","destination":"users:1",)"
            R"("asset":"USD/2","amount":18446744073709551617}],"metadata":{"kind":"signup","tags":"a,b"}}],)"
            R"("list":[1,2,3],"flag":true,"nothing":null})";
        auto eval = [&](const char *text) {
            auto e = TriggerExpression::compile(QString::fromUtf8(text));
            if (!e)
                return QStringLiteral("compile: ") + e.error().message;
            auto v = e->evaluateToString(payload);
            return v ? v.value() : QStringLiteral("error: ") + v.error().message;
        };
        QCOMPARE(eval("event.transactions[0].postings[0].amount > 18446744073709551616"),
                 QStringLiteral("true"));
        QCOMPARE(eval("event.transactions[0].postings[0].amount + 1"),
                 QStringLiteral("18446744073709551618"));
        QCOMPARE(eval(R"(event["ledger"] + ":" + event.transactions[-1].metadata.kind)"),
                 QStringLiteral("main:signup"));
        QCOMPARE(eval(R"(event.transactions[0].metadata.tags contains "b" && not (event.ledger == "x"))"),
                 QStringLiteral("true"));
        QCOMPARE(eval("2 in event.list and len(event.list) == 3 or false"), QStringLiteral("true"));
        QCOMPARE(eval(R"("kind" in event.transactions[0].metadata)"), QStringLiteral("true"));
        QCOMPARE(eval(R"(upper(event.ledger) startsWith "MA")"), QStringLiteral("true"));
        QCOMPARE(eval("event.nothing == nil && event.missing == nil && !event.flag == false"),
                 QStringLiteral("true"));
        QCOMPARE(
            eval("event.transactions[0]"),
            QStringLiteral(
                R"({"id":7,"postings":[{"source":"world","destination":"users:1","asset":"USD/2","amount":18446744073709551617}],"metadata":{"kind":"signup","tags":"a,b"}})"));
        QVERIFY(
            eval("event.missing.deeper").startsWith(QLatin1String("error: cannot fetch 'deeper' from nil")));
        QVERIFY(eval("event.list[3]").startsWith(QLatin1String("error: index 3 out of range")));
        QVERIFY(eval("event.ledger > 1").startsWith(QLatin1String("error: invalid operation")));
        QVERIFY(eval("event.missing").startsWith(QLatin1String("error:")));
        QVERIFY(eval("event.ledger ==").startsWith(QLatin1String("compile:")));
        QVERIFY(eval("payload.x").startsWith(QLatin1String("compile:")));
        QVERIFY(eval("exec(1)").startsWith(QLatin1String("compile:")));
        auto filter = TriggerExpression::compile(QStringLiteral("event.ledger"));
        QVERIFY(filter && filter->matches(payload).ok() &&
                !filter->matches(payload).value()); // not a boolean

        using Formance::Sandbox::parseDuration;
        QCOMPARE(parseDuration(QStringLiteral("1h30m")).value_or(-1), 5400000);
        QCOMPARE(parseDuration(QStringLiteral("2.5s")).value_or(-1), 2500);
        QCOMPARE(parseDuration(QStringLiteral("300ms")).value_or(-1), 300);
        QCOMPARE(parseDuration(QStringLiteral("1500us")).value_or(-1), 2);
        QCOMPARE(parseDuration(QStringLiteral("0")).value_or(-1), 0);
        QVERIFY(!parseDuration(QStringLiteral("10")));
        QVERIFY(!parseDuration(QStringLiteral("1d")));
        QVERIFY(!parseDuration(QStringLiteral("soon")));
    }

    // A workflow whose moves match its own trigger stops after a few hops.
    void triggerLoopStops() {
        const QString l = freshLedger();
        const QString wf = workflow(QStringLiteral("echo"), QStringLiteral(R"([
            {"send":{"source":{"account":{"id":"world","ledger":"%L"}},
                     "destination":{"account":{"id":"users:echo","ledger":"%L"}},
                     "amount":{"asset":"USD/2","amount":1}}}])"),
                                    l);
        V2::V2CreateTriggerRequest req;
        Models::V2TriggerData data;
        data.event = QStringLiteral("COMMITTED_TRANSACTIONS"); // the real service's own name for it
        data.workflowID = wf;
        data.filter = QStringLiteral(R"(event.ledger == "%1")").arg(l);
        req.body = data;
        auto created = chk(f.client->orchestration().v2().createTrigger(req).result());
        QVERIFY(created.ok());
        const QString trigger = created.value().body.data.id;
        QCOMPARE(f.post(l, "world", "users:start", "USD/2", "1").status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(occurrences(trigger), 7, 10000);
        QTest::qWait(300);
        QCOMPARE(occurrences(trigger), 7);
        QCOMPARE(f.balance(l, "users:echo", "USD/2"), QStringLiteral("6"));
        V1::ListTriggersOccurrencesRequest oreq;
        oreq.triggerID = trigger;
        auto occ = chk(f.client->orchestration().v1().listTriggersOccurrences(oreq).result());
        QVERIFY(occ.ok());
        QVERIFY(occ.value().body.data[0].error.value_or(QString()).contains(QLatin1String("trigger loop")));
        V2::V2DeleteTriggerRequest del;
        del.triggerID = trigger;
        QVERIFY(chk(f.client->orchestration().v2().deleteTrigger(del).result()).ok());
    }

    void workflowsListGetDelete() {
        const QString a = workflow(QStringLiteral("a"), QStringLiteral(R"([{"wait_event":{"event":"x"}}])"));
        const QString b = workflow(QStringLiteral("b"), QStringLiteral(R"([{"delay":{"duration":"1h"}}])"));
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        V2::V2GetWorkflowRequest get;
        get.flowId = a;
        auto got = chk(f.client->orchestration().v2().getWorkflow(get).result());
        QVERIFY(got.ok());
        QCOMPARE(got.value().body.data.config.name.value_or(QString()), QStringLiteral("a"));
        QCOMPARE(got.value().body.data.config.stages.size(), 1);

        // v2 pages; v1 lists everything.
        V2::V2ListWorkflowsRequest page;
        page.pageSize = 1;
        auto first = chk(f.client->orchestration().v2().listWorkflows(page).result());
        QVERIFY(first.ok());
        QCOMPARE(first.value().body.cursor.data.size(), 1);
        QVERIFY(first.value().body.cursor.hasMore);
        V2::V2ListWorkflowsRequest next;
        next.cursor = first.value().body.cursor.next;
        auto second = chk(f.client->orchestration().v2().listWorkflows(next).result());
        QVERIFY(second.ok());
        QVERIFY(second.value().body.cursor.data[0].id != first.value().body.cursor.data[0].id);
        auto v1 = chk(f.client->orchestration().v1().listWorkflows().result());
        QVERIFY(v1.ok());
        const qsizetype before = v1.value().body.data.size();

        // An instance delayed for an hour is running; deleting its workflow hides both.
        V1::RunWorkflowRequest runB;
        runB.workflowID = b;
        runB.wait = true;
        auto inst = chk(f.client->orchestration().v1().runWorkflow(runB).result());
        QVERIFY2(inst.ok(), qPrintable(inst.ok() ? QString() : err(inst.error())));
        QVERIFY(!inst.value().body.data.terminated);
        V2::V2DeleteWorkflowRequest del;
        del.flowId = b;
        QCOMPARE(chk(f.client->orchestration().v2().deleteWorkflow(del).result()).value().statusCode, 204);
        QCOMPARE(chk(f.client->orchestration().v2().deleteWorkflow(del).result()).error().httpStatus(), 404);
        get.flowId = b;
        QCOMPARE(chk(f.client->orchestration().v2().getWorkflow(get).result()).error().httpStatus(), 404);
        QCOMPARE(chk(f.client->orchestration().v1().listWorkflows().result()).value().body.data.size(),
                 before - 1);
        V1::ListInstancesRequest li;
        li.workflowID = b;
        QCOMPARE(chk(f.client->orchestration().v1().listInstances(li).result()).value().body.data.size(), 0);
        V2::V2RunWorkflowRequest rerun;
        rerun.workflowID = b;
        QCOMPARE(chk(f.client->orchestration().v2().runWorkflow(rerun).result()).error().httpStatus(), 404);
        QCOMPARE(abort(inst.value().body.data.id), 204);
    }

    void notFound() {
        for (const char *path :
             {"/api/orchestration/v2/workflows/nope", "/api/orchestration/workflows/nope",
              "/api/orchestration/v2/instances/nope", "/api/orchestration/instances/nope/history",
              "/api/orchestration/v2/instances/nope/stages/0/history", "/api/orchestration/triggers/nope",
              "/api/orchestration/v2/triggers/nope/occurrences"}) {
            Reply r = f.call("GET", QString::fromLatin1(path));
            QCOMPARE(r.status, 404);
            QCOMPARE(r.errorCode(), QStringLiteral("NOT_FOUND"));
        }
        QCOMPARE(f.call("DELETE", "/api/orchestration/v2/triggers/nope").status, 404);
        QCOMPARE(f.call("PUT", "/api/orchestration/v2/instances/nope/abort").status, 404);
        QCOMPARE(f.call("POST", "/api/orchestration/v2/instances/nope/events", R"({"name":"x"})").status,
                 404);
        QCOMPARE(f.call("POST", "/api/orchestration/workflows/nope/instances", "{}").status, 404);
        // A stage the instance has not reached.
        const QString wf = workflow(QStringLiteral("w"), QStringLiteral(R"([{"wait_event":{"event":"x"}},)"
                                                                        R"({"wait_event":{"event":"y"}}])"));
        auto inst = run(wf);
        QVERIFY(inst);
        Reply r = f.call("GET",
                         QStringLiteral("/api/orchestration/v2/instances/%1/stages/1/history").arg(inst->id));
        QCOMPARE(r.status, 404);
        QCOMPARE(abort(inst->id), 204);
    }

    void invalidRequests() {
        // Configs the spec's schema accepts, but whose stages are wrong.
        for (
            const char *config : {
                R"({"stages":[{"teleport":{}}]})",
                R"({"stages":[{"send":{},"delay":{}}]})",
                R"({"stages":[{"send":{"source":{"account":{"id":"a","ledger":"l"}}}}]})",
                R"({"stages":[{"send":{"source":{"account":{"id":"a"}},"destination":{"account":{"id":"b","ledger":"l"}},"amount":{"asset":"USD","amount":1}}}]})",
                R"({"stages":[{"send":{"source":{"account":{"id":"a","ledger":"l"},"wallet":{"id":"w"}},"destination":{"account":{"id":"b","ledger":"l"}},"amount":{"asset":"USD","amount":1}}}]})",
                R"({"stages":[{"send":{"source":{"account":{"id":"a","ledger":"l"}},"destination":{"account":{"id":"b","ledger":"l"}},"amount":{"asset":"USD","amount":-1}}}]})",
                R"({"stages":[{"delay":{"duration":"soon"}}]})",
                R"({"stages":[{"delay":{}}]})",
                R"({"stages":[{"wait_event":{}}]})",
                R"({"stages":[{"update":{"account":{"id":"a","ledger":"l"}}}]})",
            }) {
            Reply r = f.call("POST", "/api/orchestration/v2/workflows", config);
            QVERIFY2(r.status == 400, config);
            QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION"));
            QVERIFY(r.str({"errorMessage"}).startsWith(QLatin1String("stage 0")));
        }
        // Off the schema itself: straight to the sandbox (Prism would answer for it).
        Reply r = f.callDirect("POST", "/api/orchestration/workflows", R"({"name":"no stages"})");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION"));
        QCOMPARE(f.callDirect("POST", "/api/orchestration/v2/workflows", "{not json").status, 400);
        const QString wf = workflow(QStringLiteral("w"), QStringLiteral(R"([{"wait_event":{"event":"x"}}])"));
        r = f.callDirect("POST", QStringLiteral("/api/orchestration/v2/workflows/%1/instances").arg(wf),
                         R"({"amount":100})");
        QCOMPARE(r.status, 400);
        auto inst = run(wf);
        QVERIFY(inst);
        QCOMPARE(f.callDirect("POST",
                              QStringLiteral("/api/orchestration/v2/instances/%1/events").arg(inst->id), "{}")
                     .status,
                 400);
        QCOMPARE(abort(inst->id), 204);

        // Triggers: bad filter, unknown workflow, missing event.
        for (const QString &body :
             {QStringLiteral(
                  R"({"event":"ledger.committed_transactions","workflowID":"%1","filter":"event.a =="})")
                  .arg(wf),
              QStringLiteral(
                  R"({"event":"ledger.committed_transactions","workflowID":"%1","filter":"foo.bar"})")
                  .arg(wf),
              QStringLiteral(R"({"event":"ledger.committed_transactions","workflowID":"nope"})"),
              QStringLiteral(R"({"event":"","workflowID":"%1"})").arg(wf),
              QStringLiteral(R"({"event":"ledger.committed_transactions","workflowID":"%1","vars":{"x":1}})")
                  .arg(wf)}) {
            r = f.call("POST", "/api/orchestration/v2/triggers", body.toUtf8());
            QVERIFY2(r.status == 400, qPrintable(body));
            QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION"));
        }
    }

    // On a data directory, a delayed instance survives a restart and completes afterwards.
    void delaySurvivesRestart() {
        QTemporaryDir dir;
        Formance::Sandbox::Options o;
        o.dataDir = dir.path();
        QString id;
        {
            Fixture first;
            QVERIFY(first.start(o, false));
            QVERIFY(first.createLedger(QStringLiteral("kept")));
            V2::V2CreateWorkflowRequest req;
            req.body = Models::V2WorkflowConfig{QStringLiteral("slow"), stagesOf(R"([
                {"delay":{"duration":"1500ms"}},
                {"send":{"source":{"account":{"id":"world","ledger":"kept"}},
                         "destination":{"account":{"id":"users:patient","ledger":"kept"}},
                         "amount":{"asset":"USD/2","amount":3}}}])")};
            auto wf = first.client->orchestration().v2().createWorkflow(req).result();
            QVERIFY(wf.ok());
            V2::V2RunWorkflowRequest run;
            run.workflowID = wf.value().body.data.id;
            auto inst = first.client->orchestration().v2().runWorkflow(run).result();
            QVERIFY(inst.ok() && !inst.value().body.data.terminated);
            id = inst.value().body.data.id;
            first.stop();
        }
        Fixture second;
        QVERIFY(second.start(o, false));
        V2::V2GetInstanceRequest get;
        get.instanceID = id;
        QTRY_VERIFY_WITH_TIMEOUT(
            second.client->orchestration().v2().getInstance(get).result().value().body.data.terminated,
            10000);
        QCOMPARE(
            second.balance(QStringLiteral("kept"), QStringLiteral("users:patient"), QStringLiteral("USD/2")),
            QStringLiteral("3"));
        second.stop();
    }

    // The demo seed: workflows with succeeded, waiting, delayed, failed and canceled instances,
    // and a trigger with occurrences.
    void demoSeed() {
        Fixture demo;
        Formance::Sandbox::Options o;
        o.seed = QStringLiteral("demo");
        QVERIFY(demo.start(o, false));
        auto workflows = chk(demo.client->orchestration().v1().listWorkflows().result());
        QVERIFY(workflows.ok());
        QVERIFY(workflows.value().body.data.size() >= 3);
        auto instances = chk(demo.client->orchestration().v1().listInstances().result());
        QVERIFY(instances.ok());
        int succeeded = 0, running = 0, failed = 0;
        for (const auto &i : instances.value().body.data) {
            if (!i.terminated)
                ++running;
            else if (i.error)
                ++failed;
            else
                ++succeeded;
        }
        QVERIFY(succeeded >= 2);
        QVERIFY(running >= 2);
        QVERIFY(failed >= 2);
        auto triggers = chk(demo.client->orchestration().v1().listTriggers().result());
        QVERIFY(triggers.ok());
        QCOMPARE(triggers.value().body.data.size(), 1);
        V1::ListTriggersOccurrencesRequest occ;
        occ.triggerID = triggers.value().body.data[0].id;
        auto o2 = chk(demo.client->orchestration().v1().listTriggersOccurrences(occ).result());
        QVERIFY(o2.ok());
        QCOMPARE(o2.value().body.data.size(), 2);
        // The waiting payout finishes on its event.
        for (const auto &i : instances.value().body.data) {
            if (i.terminated || i.status.value_or(QList<Models::StageStatus>{}).size() != 2)
                continue;
            V1::SendEventRequest ev;
            ev.instanceID = i.id;
            ev.body = Models::SendEventRequestBody{QStringLiteral("approved")};
            QVERIFY(chk(demo.client->orchestration().v1().sendEvent(ev).result()).ok());
            V1::GetInstanceRequest get;
            get.instanceID = i.id;
            auto done = chk(demo.client->orchestration().v1().getInstance(get).result());
            QVERIFY(done.value().body.data.terminated);
            QVERIFY(!done.value().body.data.error.has_value());
        }
        demo.stop();
    }
};

QTEST_GUILESS_MAIN(TestSandboxOrchestration)
#include "tst_sandbox_orchestration.moc"
