#include "OrchestrationJson.h"

#include <Formance/json/JsonDocument.h>
#include <Formance/json/JsonWriter.h>

namespace Formance::Sandbox::OrchestrationJson {

namespace {

void optional(Json::Writer &w, const char *key, const QString &value) {
    if (value.isEmpty())
        return;
    w.key(key);
    w.value(value);
}

void rawOr(Json::Writer &w, const QByteArray &json, const char *fallback) {
    w.rawJson(json.isEmpty() ? QByteArray(fallback) : json);
}

// A ledger transaction (as the sandbox writes it) in the activity output's shape.
void transactionOutput(Json::Writer &w, const QByteArray &txJson, int version) {
    const auto doc = Json::Document::parse(txJson);
    if (!doc)
        return;
    const Json::Value tx = doc->root();
    auto fields = [&](const char *idKey) {
        w.beginObject();
        w.key(idKey);
        w.rawNumber(tx["id"].numberText());
        w.key("timestamp");
        w.value(tx["timestamp"].toString());
        w.key("postings");
        w.rawJson(tx["postings"].toJson());
        if (tx["reference"].isString()) {
            w.key("reference");
            w.value(tx["reference"].toString());
        }
        w.key("metadata");
        w.rawJson(tx["metadata"].toJson());
        if (version == 1) {
            w.key("reverted");
            w.value(tx["reverted"].toBool());
        }
        w.endObject();
    };
    w.beginObject();
    w.key("data");
    if (version == 1) {
        fields("id");
    } else {
        w.beginArray();
        fields("txid");
        w.endArray();
    }
    w.endObject();
}

} // namespace

void workflow(Json::Writer &w, const WorkflowRow &wf) {
    w.beginObject();
    w.key("id");
    w.value(wf.id);
    w.key("config");
    rawOr(w, wf.config, R"({"stages":[]})");
    w.key("createdAt");
    w.value(wf.createdAt);
    w.key("updatedAt");
    w.value(wf.updatedAt);
    w.endObject();
}

void instance(Json::Writer &w, const InstanceRow &i) {
    w.beginObject();
    w.key("id");
    w.value(i.id);
    w.key("workflowID");
    w.value(i.workflowId);
    w.key("createdAt");
    w.value(i.createdAt);
    w.key("updatedAt");
    w.value(i.updatedAt);
    w.key("status");
    w.beginArray();
    for (const StageRow &s : i.stages) {
        w.beginObject();
        w.key("stage");
        w.value(s.stage);
        w.key("instanceID");
        w.value(i.id);
        w.key("startedAt");
        w.value(s.startedAt);
        optional(w, "terminatedAt", s.terminatedAt);
        optional(w, "error", s.error);
        w.endObject();
    }
    w.endArray();
    w.key("terminated");
    w.value(i.terminated);
    optional(w, "terminatedAt", i.terminatedAt);
    optional(w, "error", i.error);
    w.endObject();
}

void instanceHistory(Json::Writer &w, const InstanceRow &i) {
    w.beginArray();
    for (const StageRow &s : i.stages) {
        w.beginObject();
        w.key("name");
        w.value(s.name);
        w.key("input");
        rawOr(w, s.input, "{}");
        optional(w, "error", s.error);
        w.key("terminated");
        w.value(!s.terminatedAt.isEmpty());
        w.key("startedAt");
        w.value(s.startedAt);
        optional(w, "terminatedAt", s.terminatedAt);
        w.endObject();
    }
    w.endArray();
}

void stageHistory(Json::Writer &w, const QList<ActivityRow> &activities, int version) {
    w.beginArray();
    for (const ActivityRow &a : activities) {
        w.beginObject();
        w.key("name");
        w.value(a.name);
        w.key("input");
        w.beginObject();
        w.key(a.name);
        rawOr(w, a.input, "{}");
        w.endObject();
        if (!a.output.isEmpty() && a.name == QLatin1String("CreateTransaction")) {
            w.key("output");
            w.beginObject();
            w.key(a.name);
            transactionOutput(w, a.output, version);
            w.endObject();
        }
        optional(w, "error", a.error);
        w.key("terminated");
        w.value(!a.terminatedAt.isEmpty());
        w.key("startedAt");
        w.value(a.startedAt);
        optional(w, "terminatedAt", a.terminatedAt);
        w.key("attempt");
        w.value(1);
        w.endObject();
    }
    w.endArray();
}

void trigger(Json::Writer &w, const TriggerRow &t) {
    w.beginObject();
    w.key("id");
    w.value(t.id);
    optional(w, "name", t.name);
    w.key("event");
    w.value(t.event);
    w.key("workflowID");
    w.value(t.workflowId);
    optional(w, "filter", t.filter);
    if (!t.vars.isEmpty()) {
        w.key("vars");
        w.rawJson(t.vars);
    }
    w.key("createdAt");
    w.value(t.createdAt);
    w.endObject();
}

void occurrence(Json::Writer &w, const OccurrenceRow &o, const std::optional<InstanceRow> &inst) {
    w.beginObject();
    w.key("triggerID");
    w.value(o.triggerId);
    w.key("date");
    w.value(o.date);
    w.key("event");
    rawOr(w, o.event, "{}");
    optional(w, "workflowInstanceID", o.instanceId);
    if (inst) {
        w.key("workflowInstance");
        instance(w, *inst);
    }
    optional(w, "error", o.error);
    w.endObject();
}

} // namespace Formance::Sandbox::OrchestrationJson
