#include "WorkflowConfig.h"

#include "api/ApiSupport.h"
#include "ledger/AmountKey.h"
#include "ledger/PostingEngine.h"

#include <Formance/json/JsonDocument.h>
#include <Formance/json/JsonWriter.h>

#include <QRegularExpression>

#include <cmath>

namespace Formance::Sandbox {

namespace {

QString qs(std::string_view v) {
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

bool hasVariable(const QString &s) {
    return s.contains(QLatin1String("${"));
}

LedgerError invalid(const QString &m) {
    return LedgerError::validation(m);
}

// A string member; `required` refuses a missing or empty one.
Expected<QString> stringField(const Json::Value &obj, const char *key, const QString &where, bool required) {
    const Json::Value v = obj[key];
    if (!v.isValid() || v.isNull()) {
        if (required)
            return invalid(QStringLiteral("%1.%2 is required").arg(where, QLatin1String(key)));
        return QString();
    }
    if (!v.isString())
        return invalid(QStringLiteral("%1.%2 must be a string").arg(where, QLatin1String(key)));
    if (required && v.stringView().empty())
        return invalid(QStringLiteral("%1.%2 must not be empty").arg(where, QLatin1String(key)));
    return v.toString();
}

Expected<SendEnd> parseEnd(const Json::Value &v, const QString &where, bool isSource, bool templ) {
    if (!v.isObject())
        return invalid(
            QStringLiteral("%1 must be an object with one of account, wallet, payment").arg(where));
    SendEnd end;
    int kinds = 0;
    for (const auto &[k, val] : v.members()) {
        const QString key = qs(k);
        const QString at = where + QLatin1Char('.') + key;
        if (!val.isObject())
            return invalid(QStringLiteral("%1 must be an object").arg(at));
        ++kinds;
        if (key == QLatin1String("account")) {
            end.kind = SendEnd::Kind::Account;
            auto id = stringField(val, "id", at, true);
            if (!id)
                return id.error();
            auto ledger = stringField(val, "ledger", at, true);
            if (!ledger)
                return ledger.error();
            end.id = id.value();
            end.ledger = ledger.value();
            if (!templ && !PostingEngine::validAddress(end.id))
                return invalid(QStringLiteral("%1.id: invalid account address '%2'").arg(at, end.id));
        } else if (key == QLatin1String("wallet")) {
            end.kind = SendEnd::Kind::Wallet;
            auto id = stringField(val, "id", at, true);
            if (!id)
                return id.error();
            auto balance = stringField(val, "balance", at, false);
            if (!balance)
                return balance.error();
            end.id = id.value();
            end.balance = balance.value();
        } else if (key == QLatin1String("payment")) {
            end.kind = SendEnd::Kind::Payment;
            auto id = stringField(val, isSource ? "id" : "psp", at, true);
            if (!id)
                return id.error();
            (isSource ? end.id : end.psp) = id.value();
        } else {
            return invalid(
                QStringLiteral("%1: unknown kind '%2' (account, wallet or payment)").arg(where, key));
        }
    }
    if (kinds != 1)
        return invalid(QStringLiteral("%1 must have exactly one of account, wallet, payment").arg(where));
    return end;
}

Expected<Stage> parseSend(const Json::Value &v, bool templ) {
    Stage s;
    s.type = QStringLiteral("send");
    const QString where = QStringLiteral("send");
    for (const auto &[k, val] : v.members()) {
        const QString key = qs(k);
        static const QStringList known{"source", "destination", "amount", "metadata", "timestamp"};
        if (!known.contains(key))
            return invalid(QStringLiteral("send: unknown field '%1'").arg(key));
    }
    auto src = parseEnd(v["source"], QStringLiteral("send.source"), true, templ);
    if (!src)
        return src.error();
    auto dst = parseEnd(v["destination"], QStringLiteral("send.destination"), false, templ);
    if (!dst)
        return dst.error();
    s.source = src.value();
    s.destination = dst.value();
    const Json::Value amount = v["amount"];
    if (!amount.isObject())
        return invalid(QStringLiteral("send.amount is required: {\"asset\": \"USD/2\", \"amount\": 100}"));
    auto asset = stringField(amount, "asset", where + QStringLiteral(".amount"), true);
    if (!asset)
        return asset.error();
    s.asset = asset.value();
    if (!templ && !PostingEngine::validAsset(s.asset))
        return invalid(QStringLiteral("send.amount.asset: invalid asset '%1'").arg(s.asset));
    const Json::Value a = amount["amount"];
    QString text;
    if (a.isNumber())
        text = qs(a.numberText());
    else if (a.isString())
        text = a.toString();
    else
        return invalid(QStringLiteral("send.amount.amount is required (an integer)"));
    if (!(templ && hasVariable(text))) {
        auto n = BigInt::fromString(text);
        if (!n || n->isNegative())
            return invalid(
                QStringLiteral("send.amount.amount must be a non-negative integer, got '%1'").arg(text));
        s.amount = *n;
    }
    auto md = LedgerStore::metadataFrom(v["metadata"], QStringLiteral("send.metadata"));
    if (!md)
        return md.error();
    s.metadata = md.value();
    auto ts = stringField(v, "timestamp", where, false);
    if (!ts)
        return ts.error();
    if (!ts->isEmpty() && !(templ && hasVariable(ts.value()))) {
        auto t = parseTime(ts.value());
        if (!t)
            return invalid(QStringLiteral("send.timestamp must be an RFC 3339 date-time"));
        s.timestamp = *t;
    } else {
        s.timestamp = ts.value();
    }
    return s;
}

Expected<Stage> parseDelay(const Json::Value &v, bool templ) {
    Stage s;
    s.type = QStringLiteral("delay");
    for (const auto &[k, val] : v.members()) {
        const QString key = qs(k);
        if (key != QLatin1String("duration") && key != QLatin1String("until"))
            return invalid(QStringLiteral("delay: unknown field '%1' (duration or until)").arg(key));
    }
    auto duration = stringField(v, "duration", QStringLiteral("delay"), false);
    if (!duration)
        return duration.error();
    auto until = stringField(v, "until", QStringLiteral("delay"), false);
    if (!until)
        return until.error();
    if (duration->isEmpty() == until->isEmpty())
        return invalid(
            QStringLiteral("delay needs exactly one of duration (\"30s\", \"1h30m\") or until (a date)"));
    s.duration = duration.value();
    if (!s.duration.isEmpty() && !(templ && hasVariable(s.duration))) {
        auto ms = parseDuration(s.duration);
        if (!ms)
            return invalid(
                QStringLiteral("delay.duration '%1' is not a duration (\"30s\", \"1h30m\", \"500ms\")")
                    .arg(s.duration));
        s.durationMs = *ms;
    }
    if (!until->isEmpty()) {
        if (templ && hasVariable(until.value())) {
            s.until = until.value();
        } else {
            auto t = parseTime(until.value());
            if (!t)
                return invalid(QStringLiteral("delay.until must be an RFC 3339 date-time"));
            s.until = *t;
        }
    }
    return s;
}

Expected<Stage> parseWaitEvent(const Json::Value &v) {
    Stage s;
    s.type = QStringLiteral("wait_event");
    for (const auto &[k, val] : v.members())
        if (qs(k) != QLatin1String("event"))
            return invalid(QStringLiteral("wait_event: unknown field '%1'").arg(qs(k)));
    auto event = stringField(v, "event", QStringLiteral("wait_event"), true);
    if (!event)
        return event.error();
    s.event = event.value();
    return s;
}

Expected<Stage> parseUpdate(const Json::Value &v, bool templ) {
    Stage s;
    s.type = QStringLiteral("update");
    const Json::Value account = v["account"];
    if (!account.isObject())
        return invalid(QStringLiteral("update.account is required: {\"id\", \"ledger\", \"metadata\"}"));
    auto id = stringField(account, "id", QStringLiteral("update.account"), true);
    if (!id)
        return id.error();
    auto ledger = stringField(account, "ledger", QStringLiteral("update.account"), true);
    if (!ledger)
        return ledger.error();
    if (!account["metadata"].isObject())
        return invalid(QStringLiteral("update.account.metadata is required (an object of strings)"));
    auto md = LedgerStore::metadataFrom(account["metadata"], QStringLiteral("update.account.metadata"));
    if (!md)
        return md.error();
    s.accountId = id.value();
    s.accountLedger = ledger.value();
    s.accountMetadata = md.value();
    if (!templ && !PostingEngine::validAddress(s.accountId))
        return invalid(QStringLiteral("update.account.id: invalid account address '%1'").arg(s.accountId));
    return s;
}

void writeEnd(Json::Writer &w, const SendEnd &e, bool isSource) {
    w.beginObject();
    switch (e.kind) {
    case SendEnd::Kind::Account:
        w.key("account");
        w.beginObject();
        w.key("id");
        w.value(e.id);
        w.key("ledger");
        w.value(e.ledger);
        w.endObject();
        break;
    case SendEnd::Kind::Wallet:
        w.key("wallet");
        w.beginObject();
        w.key("id");
        w.value(e.id);
        if (!e.balance.isEmpty()) {
            w.key("balance");
            w.value(e.balance);
        }
        w.endObject();
        break;
    case SendEnd::Kind::Payment:
        w.key("payment");
        w.beginObject();
        w.key(isSource ? "id" : "psp");
        w.value(isSource ? e.id : e.psp);
        w.endObject();
        break;
    }
    w.endObject();
}

void substitute(Json::Writer &w, const Json::Value &v, const Variables &vars, QString *missing) {
    switch (v.type()) {
    case Json::Type::Object:
        w.beginObject();
        for (const auto &[k, val] : v.members()) {
            w.key(k);
            substitute(w, val, vars, missing);
        }
        w.endObject();
        return;
    case Json::Type::Array:
        w.beginArray();
        for (const Json::Value e : v.elements())
            substitute(w, e, vars, missing);
        w.endArray();
        return;
    case Json::Type::String: {
        static const QRegularExpression re(QStringLiteral("\\$\\{([^}]*)\\}"));
        const QString in = v.toString();
        QString out;
        qsizetype last = 0;
        for (auto it = re.globalMatch(in); it.hasNext();) {
            const auto m = it.next();
            out += in.mid(last, m.capturedStart() - last);
            const QString name = m.captured(1).trimmed();
            if (!vars.contains(name) && missing->isEmpty())
                *missing = name;
            out += vars.value(name);
            last = m.capturedEnd();
        }
        out += in.mid(last);
        w.value(out);
        return;
    }
    default:
        w.rawJson(v.toJson());
        return;
    }
}

} // namespace

Expected<Stage> parseStage(const Json::Value &v, bool templ) {
    if (!v.isObject() || v.size() != 1)
        return invalid(
            QStringLiteral("a stage is an object with exactly one of send, delay, wait_event, update"));
    const auto [k, body] = *v.members().begin();
    const QString type = qs(k);
    if (!body.isObject())
        return invalid(QStringLiteral("%1 must be an object").arg(type));
    if (type == QLatin1String("send"))
        return parseSend(body, templ);
    if (type == QLatin1String("delay"))
        return parseDelay(body, templ);
    if (type == QLatin1String("wait_event"))
        return parseWaitEvent(body);
    if (type == QLatin1String("update"))
        return parseUpdate(body, templ);
    return invalid(QStringLiteral("unknown stage '%1' (send, delay, wait_event or update)").arg(type));
}

Expected<WorkflowConfig> WorkflowConfig::fromJson(const QByteArray &body) {
    auto doc = parseBody(body, true);
    if (!doc)
        return doc.error();
    const Json::Value root = doc.value()->root();
    if (!root.isObject())
        return invalid(QStringLiteral("the body must be a workflow config: {\"name\", \"stages\": [...]}"));
    WorkflowConfig c;
    const Json::Value name = root["name"];
    if (name.isValid() && !name.isNull()) {
        if (!name.isString())
            return invalid(QStringLiteral("name must be a string"));
        c.name = name.toString();
    }
    const Json::Value stages = root["stages"];
    if (!stages.isArray())
        return invalid(QStringLiteral("stages is required (an array of stages)"));
    int i = 0;
    for (const Json::Value st : stages.elements()) {
        auto parsed = parseStage(st, true);
        if (!parsed)
            return invalid(QStringLiteral("stage %1: %2").arg(i).arg(parsed.error().message));
        c.stages.append(st.toJson());
        ++i;
    }
    return c;
}

WorkflowConfig WorkflowConfig::fromStored(const QByteArray &json) {
    WorkflowConfig c;
    const auto doc = Json::Document::parse(json);
    if (!doc)
        return c;
    c.name = doc->root()["name"].toString();
    for (const Json::Value st : doc->root()["stages"].elements())
        c.stages.append(st.toJson());
    return c;
}

QByteArray WorkflowConfig::toJson() const {
    Json::Writer w;
    w.beginObject();
    if (!name.isEmpty()) {
        w.key("name");
        w.value(name);
    }
    w.key("stages");
    w.beginArray();
    for (const QByteArray &s : stages)
        w.rawJson(s);
    w.endArray();
    w.endObject();
    return w.take();
}

Expected<QByteArray> substituteVariables(const QByteArray &stageJson, const Variables &vars) {
    const auto doc = Json::Document::parse(stageJson);
    if (!doc)
        return LedgerError::internal(QStringLiteral("stored stage is not JSON"));
    Json::Writer w;
    QString missing;
    substitute(w, doc->root(), vars, &missing);
    if (!missing.isEmpty())
        return invalid(
            QStringLiteral("variable '%1' is not defined (pass it when running the workflow)").arg(missing));
    return w.take();
}

void writeStageInput(Json::Writer &w, const Stage &s) {
    w.beginObject();
    if (s.type == QLatin1String("send")) {
        w.key("source");
        writeEnd(w, s.source, true);
        w.key("destination");
        writeEnd(w, s.destination, false);
        w.key("amount");
        w.beginObject();
        w.key("asset");
        w.value(s.asset);
        w.key("amount");
        w.value(s.amount);
        w.endObject();
        if (!s.metadata.isEmpty()) {
            w.key("metadata");
            w.rawJson(LedgerStore::metadataJson(s.metadata));
        }
        if (!s.timestamp.isEmpty()) {
            w.key("timestamp");
            w.value(s.timestamp);
        }
    } else if (s.type == QLatin1String("delay")) {
        if (!s.duration.isEmpty()) {
            w.key("duration");
            w.value(s.duration);
        }
        if (!s.until.isEmpty()) {
            w.key("until");
            w.value(s.until);
        }
    } else if (s.type == QLatin1String("wait_event")) {
        w.key("event");
        w.value(s.event);
    } else if (s.type == QLatin1String("update")) {
        w.key("account");
        w.beginObject();
        w.key("id");
        w.value(s.accountId);
        w.key("ledger");
        w.value(s.accountLedger);
        w.key("metadata");
        w.rawJson(LedgerStore::metadataJson(s.accountMetadata));
        w.endObject();
    }
    w.endObject();
}

} // namespace Formance::Sandbox
