#include "FlowStage.h"

#include <Formance/BigInt.h>
#include <Formance/Money.h>
#include <Formance/json/JsonDocument.h>

#include <QCoreApplication>
#include <QRegularExpression>

using Formance::Json::Value;

namespace {

// {"account":{"id","ledger"}} | {"wallet":{"id","balance"}} | {"payment":{"id","psp"}}
QString endText(const Value &end, bool *wallet) {
    if (const Value a = end["account"]; a.isObject()) {
        return a["id"].toString(); // the workflow's ledger, nearly always: left out for room
    }
    if (const Value w = end["wallet"]; w.isObject()) {
        *wallet = true;
        const QString balance = w["balance"].toString();
        const QString id = w["id"].toString();
        return balance.isEmpty() ? FlowStage::tr("wallet %1").arg(id)
                                 : FlowStage::tr("wallet %1 / %2").arg(id, balance);
    }
    if (const Value p = end["payment"]; p.isObject())
        return FlowStage::tr("payment %1").arg(p["id"].toString());
    return FlowStage::tr("?");
}

// An amount is a number (exact text) or a ${variable} string; numbers are shown in the asset's units.
QString amountText(const Value &monetary) {
    const QString asset = monetary["asset"].toString();
    const Value amount = monetary["amount"];
    if (amount.isNumber()) {
        const QString digits =
            QString::fromUtf8(amount.numberText().data(), qsizetype(amount.numberText().size()));
        if (const auto n = Formance::BigInt::fromString(digits.trimmed()); n && !asset.contains(u'$'))
            return QStringLiteral("%1 %2").arg(Formance::Money::format(*n, asset), asset);
        return QStringLiteral("%1 %2").arg(digits.trimmed(), asset);
    }
    const QString text = amount.toString();
    return QStringLiteral("%1 %2").arg(text.isEmpty() ? FlowStage::tr("all") : text, asset);
}

} // namespace

FlowStage FlowStage::fromJson(const QByteArray &json) {
    FlowStage s;
    const auto doc = Formance::Json::Document::parse(json);
    if (!doc || !doc->root().isObject() || doc->root().size() == 0) {
        s.kind = QStringLiteral("invalid");
        s.title = tr("Invalid stage");
        s.edgeLabel = tr("then");
        return s;
    }
    const auto [key, body] = *doc->root().members().begin();
    s.kind = QString::fromUtf8(key.data(), qsizetype(key.size()));
    s.edgeLabel = tr("then");
    if (s.kind == QLatin1String("send")) {
        s.title = tr("Send");
        // One line each: an address is long, and both ends matter.
        s.lines << tr("from %1").arg(endText(body["source"], &s.wallet))
                << tr("to %1").arg(endText(body["destination"], &s.wallet)) << amountText(body["amount"]);
        if (s.wallet)
            s.title = tr("Send (wallet)");
    } else if (s.kind == QLatin1String("wait_event")) {
        s.event = body["event"].toString();
        s.title = tr("Wait for an event");
        s.lines << tr("event “%1”").arg(s.event);
        s.edgeLabel = tr("on “%1”").arg(s.event);
    } else if (s.kind == QLatin1String("delay")) {
        s.duration = body["duration"].toString();
        s.until = body["until"].toString();
        s.title = tr("Delay");
        if (!s.duration.isEmpty()) {
            s.lines << tr("for %1").arg(s.duration);
            s.edgeLabel = tr("after %1").arg(s.duration);
        } else {
            s.lines << tr("until %1").arg(s.until);
            s.edgeLabel = tr("at %1").arg(s.until);
        }
    } else if (s.kind == QLatin1String("update")) {
        s.title = tr("Update account");
        const Value a = body["account"];
        s.lines << tr("account %1").arg(a["id"].toString());
        QStringList keys;
        for (const auto &[k, v] : a["metadata"].members())
            keys << QString::fromUtf8(k.data(), qsizetype(k.size()));
        if (!keys.isEmpty())
            s.lines << tr("metadata: %1").arg(keys.join(QStringLiteral(", ")));
    } else {
        s.title = s.kind;
    }
    return s;
}

std::optional<qint64> FlowText::parseDuration(const QString &text) {
    static const QRegularExpression part(QStringLiteral(R"((\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h))"));
    const QString t = text.trimmed();
    if (t == QLatin1String("0"))
        return 0;
    if (t.isEmpty())
        return std::nullopt;
    double ms = 0;
    qsizetype at = 0;
    auto it = part.globalMatch(t);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedStart() != at)
            return std::nullopt;
        at = m.capturedEnd();
        const double n = m.captured(1).toDouble();
        const QString unit = m.captured(2);
        const double factor = unit == QLatin1String("h")    ? 3600000.0
                              : unit == QLatin1String("m")  ? 60000.0
                              : unit == QLatin1String("s")  ? 1000.0
                              : unit == QLatin1String("ms") ? 1.0
                              : unit == QLatin1String("ns") ? 1e-6
                                                            : 1e-3;
        ms += n * factor;
    }
    if (at != t.size())
        return std::nullopt;
    return qint64(ms + 0.999);
}

QDateTime FlowText::delayEnd(const FlowStage &stage, const QDateTime &startedAt) {
    if (!stage.until.isEmpty())
        return QDateTime::fromString(stage.until, Qt::ISODateWithMs);
    if (const auto ms = parseDuration(stage.duration); ms && startedAt.isValid())
        return startedAt.addMSecs(*ms);
    return {};
}

QStringList FlowText::variablesIn(const QString &text) {
    static const QRegularExpression var(QStringLiteral(R"(\$\{([A-Za-z_][A-Za-z0-9_]*)\})"));
    QStringList names;
    auto it = var.globalMatch(text);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names << name;
    }
    return names;
}
