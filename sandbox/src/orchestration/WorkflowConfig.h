// A workflow's configuration (the spec's WorkflowConfig: name + stages) and its stages. Each
// stage is an object with exactly one key: send, delay, wait_event or update. A config is
// checked when the workflow is created (strings may still hold ${variables} there); a stage is
// parsed again, strictly, when an instance reaches it, after its variables were substituted.
#pragma once

#include "core/GoDuration.h"
#include "ledger/LedgerError.h"
#include "ledger/LedgerStore.h"
#include <Formance/BigInt.h>

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace Formance::Json {
class Value;
class Writer;
} // namespace Formance::Json

namespace Formance::Sandbox {

using Variables = QMap<QString, QString>;

struct SendEnd {
    enum class Kind { Account, Wallet, Payment } kind = Kind::Account;
    QString id;      // account address, wallet id, payment id
    QString ledger;  // account
    QString balance; // wallet
    QString psp;     // payment destination
};

struct Stage {
    QString type; // "send", "delay", "wait_event", "update"
    // send
    SendEnd source, destination;
    QString asset;
    BigInt amount;
    Metadata metadata;
    QString timestamp;
    // delay: one of
    QString duration;
    qint64 durationMs = -1;
    QString until; // canonical time
    // wait_event
    QString event;
    // update
    QString accountId, accountLedger;
    Metadata accountMetadata;
};

struct WorkflowConfig {
    QString name;
    QList<QByteArray> stages; // each stage's JSON, as sent

    // Parses and checks a createWorkflow body; VALIDATION naming the faulty stage otherwise.
    static Expected<WorkflowConfig> fromJson(const QByteArray &body);
    static WorkflowConfig fromStored(const QByteArray &json);
    QByteArray toJson() const; // {"name":..,"stages":[..]}
};

// `stageJson` with every ${name} replaced by its variable; VALIDATION for an unknown variable.
Expected<QByteArray> substituteVariables(const QByteArray &stageJson, const Variables &vars);

// One stage. templ: a stage as configured (${...} may stand for numbers, dates, durations).
Expected<Stage> parseStage(const Json::Value &v, bool templ);

// The stage as the spec's Stage (StageSend, StageDelay, StageWaitEvent, Update): history input.
void writeStageInput(Json::Writer &w, const Stage &s);

} // namespace Formance::Sandbox
