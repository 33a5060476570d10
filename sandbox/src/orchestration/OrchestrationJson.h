// The orchestration API's objects as the spec shapes them (Workflow, WorkflowInstance,
// WorkflowInstanceHistory, WorkflowInstanceHistoryStage, Trigger, TriggerOccurrence). v1 and v2
// differ only in a CreateTransaction activity's output: v1 has one transaction with `id`, v2 a
// list with `txid`.
#pragma once

#include "OrchestrationStore.h"

namespace Formance::Json {
class Writer;
}

namespace Formance::Sandbox {

namespace OrchestrationJson {

void workflow(Json::Writer &w, const WorkflowRow &wf);
void instance(Json::Writer &w, const InstanceRow &i);
void instanceHistory(Json::Writer &w, const InstanceRow &i);                           // the array
void stageHistory(Json::Writer &w, const QList<ActivityRow> &activities, int version); // the array
void trigger(Json::Writer &w, const TriggerRow &t);
// instance: the run the occurrence started, when there is one
void occurrence(Json::Writer &w, const OccurrenceRow &o, const std::optional<InstanceRow> &instance);

} // namespace OrchestrationJson

} // namespace Formance::Sandbox
