// The expressions of trigger filters and variables: a documented subset of expr-lang (what the
// real orchestration service evaluates), run against the event's payload, named `event`.
//
//   paths      event.transactions[0].metadata.kind, event["ledger"], event.list[-1] (from the end)
//   literals   "text" 'text' 42 -7 1.5 true false nil
//   operators  == != < <= > >= && || ! and or not + - (numbers; + also joins strings)
//              in (element of an array, key of an object), contains startsWith endsWith (strings)
//   functions  len(x) string(x) lower(x) upper(x)
//   grouping   ( ... )
// Integers compare and add exactly (BigInt); fetching a member of nil is an error, a missing
// member is nil.
#pragma once

#include "ledger/LedgerError.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace Formance::Sandbox {

struct ExprNode;

class TriggerExpression {
public:
    // Parses text; VALIDATION with the position of the problem when it is not an expression.
    static Expected<TriggerExpression> compile(const QString &text);

    // The filter's verdict on a payload (a JSON object): true only for a boolean true; an
    // evaluation error says why it could not be told.
    Expected<bool> matches(const QByteArray &payload) const;
    // The expression's value as the text a workflow variable gets.
    Expected<QString> evaluateToString(const QByteArray &payload) const;

    const QString &text() const { return m_text; }

private:
    QString m_text;
    std::shared_ptr<const ExprNode> m_root;
};

} // namespace Formance::Sandbox
