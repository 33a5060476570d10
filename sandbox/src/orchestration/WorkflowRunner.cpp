#include "WorkflowRunner.h"

#include "core/Service.h"
#include "core/WalletOperations.h"
#include "ledger/AmountKey.h"
#include "ledger/PostingEngine.h"

#include <Formance/json/JsonDocument.h>
#include <Formance/json/JsonWriter.h>

#include <QDateTime>
#include <QUuid>

#include <algorithm>
#include <limits>

namespace Formance::Sandbox {

namespace {

const QString kWorld = QStringLiteral("world");
const QString kCanceled = QStringLiteral("canceled");

QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString timeAfterMs(qint64 ms) {
    return canonicalTime(Timestamp::fromDateTime(QDateTime::currentDateTimeUtc().addMSecs(ms)));
}

qint64 msUntil(const QString &when) {
    const auto t = Timestamp::parse(when);
    if (!t)
        return 0;
    return QDateTime::currentDateTimeUtc().msecsTo(t->toDateTime());
}

// One move a send stage makes: a ledger transaction or a wallet credit/debit.
struct Leg {
    enum class Kind { Transaction, Credit, Debit } kind = Kind::Transaction;
    QString ledger;
    Posting posting;
    WalletMove move;
};

void writeMonetary(Json::Writer &w, const QString &asset, const BigInt &amount) {
    w.beginObject();
    w.key("asset");
    w.value(asset);
    w.key("amount");
    w.value(amount);
    w.endObject();
}

void writeSubject(Json::Writer &w, const QString &account) {
    w.beginObject();
    w.key("type");
    w.value("ACCOUNT");
    w.key("identifier");
    w.value(account);
    w.endObject();
}

// Credit and debit inputs open alike: the wallet, then a data object that starts with the amount.
void beginWalletMove(Json::Writer &w, const WalletMove &move) {
    w.key("id");
    w.value(move.walletId);
    w.key("data");
    w.beginObject();
    w.key("amount");
    writeMonetary(w, move.asset, move.amount);
}

ActivityRow activityFor(const Leg &leg, const Stage &stage) {
    ActivityRow a;
    Json::Writer w;
    w.beginObject();
    switch (leg.kind) {
    case Leg::Kind::Transaction:
        a.name = QStringLiteral("CreateTransaction");
        w.key("ledger");
        w.value(leg.ledger);
        w.key("data");
        w.beginObject();
        w.key("postings");
        w.rawJson(LedgerStore::postingsJson({leg.posting}));
        w.key("metadata");
        w.rawJson(LedgerStore::metadataJson(stage.metadata));
        if (!stage.timestamp.isEmpty()) {
            w.key("timestamp");
            w.value(stage.timestamp);
        }
        w.endObject();
        break;
    case Leg::Kind::Credit:
        a.name = QStringLiteral("CreditWallet");
        beginWalletMove(w, leg.move);
        w.key("sources");
        w.beginArray();
        writeSubject(w, leg.move.counterpart);
        w.endArray();
        w.key("metadata");
        w.rawJson(LedgerStore::metadataJson(leg.move.metadata));
        if (!leg.move.balance.isEmpty()) {
            w.key("balance");
            w.value(leg.move.balance);
        }
        w.endObject();
        break;
    case Leg::Kind::Debit:
        a.name = QStringLiteral("DebitWallet");
        beginWalletMove(w, leg.move);
        w.key("metadata");
        w.rawJson(LedgerStore::metadataJson(leg.move.metadata));
        w.key("destination");
        writeSubject(w, leg.move.counterpart);
        if (!leg.move.balances.isEmpty()) {
            w.key("balances");
            w.beginArray();
            for (const QString &b : leg.move.balances)
                w.value(b);
            w.endArray();
        }
        w.endObject();
        break;
    }
    w.endObject();
    a.input = w.take();
    return a;
}

QString describe(const LedgerError &e) {
    return QStringLiteral("%1: %2").arg(e.code, e.message);
}

} // namespace

WorkflowRunner::WorkflowRunner(ServiceContext &context, OrchestrationStore &store)
    : m_context(context)
    , m_store(store) {}

WorkflowRunner::~WorkflowRunner() = default;

Expected<InstanceRow> WorkflowRunner::start(const QString &workflowId, const Variables &vars, int depth) {
    if (!m_store.workflow(workflowId))
        return LedgerError::notFound(QStringLiteral("workflow '%1' not found").arg(workflowId));
    InstanceRow inst;
    inst.id = newId();
    inst.workflowId = workflowId;
    inst.createdAt = inst.updatedAt = nowTime();
    inst.variables = vars;
    inst.depth = depth;
    m_store.insertInstance(inst);
    advance(inst);
    return m_store.instance(inst.id).value_or(inst);
}

void WorkflowRunner::finish(InstanceRow &inst, const QString &error) {
    inst.terminated = true;
    inst.terminatedAt = inst.updatedAt = nowTime();
    inst.error = error;
    inst.waitingEvent.clear();
    inst.delayUntil.clear();
    m_store.saveInstance(inst);
}

void WorkflowRunner::advance(InstanceRow &inst) {
    // A deleted workflow's running instances still finish with the config they started with.
    const auto wf = m_store.workflow(inst.workflowId, true);
    if (!wf) {
        finish(inst, QStringLiteral("workflow '%1' no longer exists").arg(inst.workflowId));
        return;
    }
    const WorkflowConfig config = WorkflowConfig::fromStored(wf->config);
    while (!inst.terminated) {
        const int index = inst.nextStage;
        if (index >= config.stages.size()) {
            finish(inst, QString());
            return;
        }
        StageRow row;
        row.stage = index;
        row.startedAt = nowTime();
        // The stage as configured, in case it cannot even be read after substitution.
        const auto raw = Json::Document::parse(config.stages[index]);
        const Json::Value rawStage = raw ? raw->root() : Json::Value();
        if (rawStage.isObject() && rawStage.size() == 1) {
            const auto [k, body] = *rawStage.members().begin();
            row.name = QString::fromUtf8(k.data(), qsizetype(k.size()));
            row.input = body.toJson();
        }
        auto failStage = [&](const QString &error) {
            row.terminatedAt = nowTime();
            row.error = error;
            m_store.upsertStage(inst.id, row);
            finish(inst, error);
        };
        auto substituted = substituteVariables(config.stages[index], inst.variables);
        if (!substituted) {
            failStage(substituted.error().message);
            return;
        }
        const auto doc = Json::Document::parse(substituted.value());
        auto stage = parseStage(doc ? doc->root() : Json::Value(), false);
        if (!stage) {
            failStage(stage.error().message);
            return;
        }
        Json::Writer input;
        writeStageInput(input, stage.value());
        row.name = stage->type;
        row.input = input.take();
        m_store.upsertStage(inst.id, row);

        if (stage->type == QLatin1String("wait_event")) {
            inst.waitingEvent = stage->event;
            inst.updatedAt = nowTime();
            m_store.saveInstance(inst);
            return;
        }
        if (stage->type == QLatin1String("delay")) {
            const QString until = stage->durationMs >= 0 ? timeAfterMs(stage->durationMs) : stage->until;
            if (msUntil(until) > 0) {
                inst.delayUntil = until;
                inst.updatedAt = nowTime();
                m_store.saveInstance(inst);
                armDelay(inst.id, until);
                return;
            }
        } else {
            const QString error = runActivities(inst, index, stage.value());
            if (!error.isEmpty()) {
                failStage(error);
                return;
            }
        }
        row.terminatedAt = nowTime();
        m_store.upsertStage(inst.id, row);
        inst.nextStage = index + 1;
        inst.updatedAt = row.terminatedAt;
        m_store.saveInstance(inst);
    }
}

QString WorkflowRunner::runActivities(const InstanceRow &inst, int stageIndex, const Stage &stage) {
    QList<Leg> legs;
    if (stage.type == QLatin1String("update")) {
        ActivityRow a;
        a.name = QStringLiteral("AddAccountMetadata");
        Json::Writer w;
        w.beginObject();
        w.key("id");
        w.value(stage.accountId);
        w.key("ledger");
        w.value(stage.accountLedger);
        w.key("metadata");
        w.rawJson(LedgerStore::metadataJson(stage.accountMetadata));
        w.endObject();
        a.input = w.take();
        a.startedAt = nowTime();
        m_currentDepth = inst.depth;
        auto done = m_context.ledger.setMetadata(stage.accountLedger, TargetType::Account, stage.accountId,
                                                 stage.accountMetadata);
        m_currentDepth = -1;
        a.terminatedAt = nowTime();
        if (!done)
            a.error = describe(done.error());
        m_store.insertActivity(inst.id, stageIndex, a);
        return a.error;
    }

    // send: the moves it takes, then all of them in one store transaction.
    const SendEnd &src = stage.source;
    const SendEnd &dst = stage.destination;
    if (src.kind == SendEnd::Kind::Payment || dst.kind == SendEnd::Kind::Payment)
        return QStringLiteral("VALIDATION: payment sources and destinations are not supported by the sandbox "
                              "(there is no PSP behind it); use accounts or wallets");
    WalletOperations *wallets = m_context.wallets;
    if ((src.kind == SendEnd::Kind::Wallet || dst.kind == SendEnd::Kind::Wallet) && !wallets)
        return QStringLiteral(
            "VALIDATION: wallet stages need the wallets service, which this sandbox does not run");
    const QString walletsLedger = wallets ? wallets->ledgerName() : QString();
    for (const SendEnd *end : {&src, &dst})
        if (end->kind == SendEnd::Kind::Wallet && !wallets->walletExists(end->id))
            return QStringLiteral("NOT_FOUND: wallet '%1' not found").arg(end->id);

    auto tx = [&](const QString &ledger, const QString &from, const QString &to) {
        Leg l;
        l.kind = Leg::Kind::Transaction;
        l.ledger = ledger;
        l.posting = Posting{from, to, stage.asset, stage.amount};
        return l;
    };
    auto walletMove = [&](Leg::Kind kind, const SendEnd &wallet, const QString &counterpart) {
        Leg l;
        l.kind = kind;
        l.ledger = walletsLedger;
        l.move.walletId = wallet.id;
        if (kind == Leg::Kind::Credit)
            l.move.balance = wallet.balance;
        else if (!wallet.balance.isEmpty())
            l.move.balances = QStringList{wallet.balance};
        l.move.asset = stage.asset;
        l.move.amount = stage.amount;
        l.move.counterpart = counterpart;
        l.move.metadata = stage.metadata;
        return l;
    };
    const bool srcAccount = src.kind == SendEnd::Kind::Account;
    const bool dstAccount = dst.kind == SendEnd::Kind::Account;
    if (srcAccount && dstAccount) {
        if (src.ledger == dst.ledger) {
            legs << tx(src.ledger, src.id, dst.id);
        } else {
            // Across ledgers: out through world on one side, in from world on the other.
            legs << tx(src.ledger, src.id, kWorld) << tx(dst.ledger, kWorld, dst.id);
        }
    } else if (srcAccount) {
        if (src.ledger == walletsLedger) {
            legs << walletMove(Leg::Kind::Credit, dst, src.id);
        } else {
            legs << tx(src.ledger, src.id, kWorld) << walletMove(Leg::Kind::Credit, dst, kWorld);
        }
    } else if (dstAccount) {
        if (dst.ledger == walletsLedger) {
            legs << walletMove(Leg::Kind::Debit, src, dst.id);
        } else {
            legs << walletMove(Leg::Kind::Debit, src, kWorld) << tx(dst.ledger, kWorld, dst.id);
        }
    } else {
        legs << walletMove(Leg::Kind::Debit, src, kWorld) << walletMove(Leg::Kind::Credit, dst, kWorld);
    }

    LedgerStore &store = m_context.store;
    QList<ActivityRow> done;
    QString error;
    m_currentDepth = inst.depth;
    store.begin();
    try {
        for (const Leg &leg : legs) {
            ActivityRow a = activityFor(leg, stage);
            a.startedAt = nowTime();
            if (leg.kind == Leg::Kind::Transaction) {
                NewTransaction nt;
                nt.postings = {leg.posting};
                nt.metadata = stage.metadata;
                nt.timestamp = stage.timestamp;
                auto created = m_context.ledger.createTransaction(leg.ledger, nt, false);
                if (created) {
                    Json::Writer w;
                    w.beginObject();
                    PostingEngine::writeTransaction(w, created.value());
                    w.endObject();
                    a.output = w.take();
                } else {
                    a.error = describe(created.error());
                }
            } else {
                auto moved =
                    leg.kind == Leg::Kind::Credit ? wallets->credit(leg.move) : wallets->debit(leg.move);
                if (!moved)
                    a.error = describe(moved.error());
            }
            a.terminatedAt = nowTime();
            done.append(a);
            if (!a.error.isEmpty()) {
                error = a.error;
                break;
            }
        }
        if (error.isEmpty())
            store.commit();
        else
            store.rollback();
    } catch (...) {
        store.rollback();
        m_currentDepth = -1;
        throw;
    }
    m_currentDepth = -1;
    if (!error.isEmpty()) {
        // The moves before the failing one were undone with it: a send is all or nothing here.
        for (ActivityRow &a : done)
            if (a.error.isEmpty()) {
                a.output.clear();
                a.error = QStringLiteral("rolled back: a later move of this send failed");
            }
    }
    for (const ActivityRow &a : done)
        m_store.insertActivity(inst.id, stageIndex, a);
    return error;
}

Expected<bool> WorkflowRunner::sendEvent(const QString &instanceId, const QString &name) {
    auto inst = m_store.instance(instanceId);
    if (!inst)
        return LedgerError::notFound(QStringLiteral("instance '%1' not found").arg(instanceId));
    if (inst->terminated)
        return LedgerError::validation(QStringLiteral("instance '%1' has terminated").arg(instanceId));
    if (inst->waitingEvent.isEmpty())
        return LedgerError::validation(
            QStringLiteral("instance '%1' is not waiting for an event").arg(instanceId));
    if (inst->waitingEvent != name)
        return LedgerError::validation(QStringLiteral("instance '%1' waits for event '%2', not '%3'")
                                           .arg(instanceId, inst->waitingEvent, name));
    for (StageRow &s : inst->stages)
        if (s.stage == inst->nextStage) {
            s.terminatedAt = nowTime();
            m_store.upsertStage(inst->id, s);
        }
    inst->waitingEvent.clear();
    inst->nextStage += 1;
    inst->updatedAt = nowTime();
    m_store.saveInstance(*inst);
    advance(*inst);
    return true;
}

Expected<bool> WorkflowRunner::abort(const QString &instanceId) {
    auto inst = m_store.instance(instanceId);
    if (!inst)
        return LedgerError::notFound(QStringLiteral("instance '%1' not found").arg(instanceId));
    if (inst->terminated)
        return LedgerError::validation(
            QStringLiteral("instance '%1' has already terminated").arg(instanceId));
    m_timers.erase(instanceId);
    for (StageRow &s : inst->stages)
        if (s.terminatedAt.isEmpty()) {
            s.terminatedAt = nowTime();
            s.error = kCanceled;
            m_store.upsertStage(inst->id, s);
        }
    finish(*inst, kCanceled);
    return true;
}

void WorkflowRunner::armDelay(const QString &instanceId, const QString &until) {
    auto timer = std::make_unique<QTimer>(&m_timerOwner);
    timer->setSingleShot(true);
    // QTimer takes an int: long delays wake up daily and re-arm.
    const qint64 ms = std::clamp<qint64>(msUntil(until), 0, 24LL * 3600 * 1000);
    timer->setInterval(int(ms));
    QObject::connect(timer.get(), &QTimer::timeout, &m_timerOwner, [this, instanceId] {
        // Nothing may escape into the event loop: a store failure here is a sandbox bug, logged.
        try {
            delayElapsed(instanceId);
        } catch (const std::exception &e) {
            qWarning("orchestration: instance %s after its delay: %s", qPrintable(instanceId), e.what());
        } catch (...) {
            qWarning("orchestration: instance %s after its delay: unknown failure", qPrintable(instanceId));
        }
    });
    timer->start();
    m_timers[instanceId] = std::move(timer);
}

void WorkflowRunner::delayElapsed(const QString &instanceId) {
    // Leaving the timer alive until the next event-loop turn: this runs inside its signal.
    if (auto it = m_timers.find(instanceId); it != m_timers.end()) {
        it->second.release()->deleteLater();
        m_timers.erase(it);
    }
    auto inst = m_store.instance(instanceId);
    if (!inst || inst->terminated || inst->delayUntil.isEmpty())
        return;
    if (msUntil(inst->delayUntil) > 0) {
        armDelay(instanceId, inst->delayUntil);
        return;
    }
    for (StageRow &s : inst->stages)
        if (s.stage == inst->nextStage) {
            s.terminatedAt = nowTime();
            m_store.upsertStage(inst->id, s);
        }
    inst->delayUntil.clear();
    inst->nextStage += 1;
    inst->updatedAt = nowTime();
    m_store.saveInstance(*inst);
    advance(*inst);
}

void WorkflowRunner::resumeDelays() {
    for (const QString &id : m_store.instancesWaitingOnDelay()) {
        if (auto inst = m_store.instance(id))
            armDelay(id, inst->delayUntil);
    }
}

} // namespace Formance::Sandbox
