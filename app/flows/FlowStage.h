// A workflow stage as the flows screens show it: its kind (send, wait_event, delay, update, or
// what the stack named), the lines its node on the graph carries, and the label of the edge that
// leaves it (a wait or a delay branches on its event or its time). Read from the stage's JSON with
// the SDK's exact parser, so an amount is never a double. Also: Go durations ("72h", "1h30m"), as
// delays carry them, and the ${variables} a config uses.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

struct FlowStage {
    Q_DECLARE_TR_FUNCTIONS(FlowStage)

public:
    QString kind;        // "send", "delay", "wait_event", "update", or the unknown key as sent
    QString title;       // "Send", "Wait for an event", …
    QStringList lines;   // the node's text, one line each
    QString edgeLabel;   // the edge to the next stage: "then", "on “approved”", "after 72h"
    QString duration;    // delay: as written ("72h"), or empty
    QString until;       // delay: RFC 3339 date, or empty
    QString event;       // wait_event: the event's name
    bool wallet = false; // a send from or to a wallet

    static FlowStage fromJson(const QByteArray &json);
};

namespace FlowText {
// Go's duration syntax in milliseconds ("1h30m", "2.5s", "300ms"); nullopt when not one.
std::optional<qint64> parseDuration(const QString &text);
// When a delay that started at `startedAt` ends: its `until`, or start + duration; invalid if neither.
QDateTime delayEnd(const FlowStage &stage, const QDateTime &startedAt);
// The ${name} variables `text` uses, in order of first use, each once.
QStringList variablesIn(const QString &text);
} // namespace FlowText
