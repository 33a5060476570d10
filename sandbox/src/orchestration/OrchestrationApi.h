// The orchestration HTTP API: v1 under /api/orchestration (17 operations) and v2 under
// /api/orchestration/v2 (18: v1's plus testTrigger). Both versions share every behaviour; v1
// lists are {"data": [...]}, v2 lists are cursor pages (pageSize, cursor).
#pragma once

#include "core/Service.h"

namespace Formance::Sandbox {

class OrchestrationStore;
class Triggers;
class WorkflowRunner;

class OrchestrationApi {
public:
    OrchestrationApi(ServiceContext &context, OrchestrationStore &store, WorkflowRunner &runner,
                     Triggers &triggers, int version);
    void registerRoutes(Router &router, const Guard &guard);

private:
    Response info(const Request &r);
    Response listWorkflows(const Request &r);
    Response createWorkflow(const Request &r);
    Response getWorkflow(const Request &r);
    Response deleteWorkflow(const Request &r);
    Response runWorkflow(const Request &r);
    Response listInstances(const Request &r);
    Response getInstance(const Request &r);
    Response sendEvent(const Request &r);
    Response abort(const Request &r);
    Response instanceHistory(const Request &r);
    Response stageHistory(const Request &r);
    Response listTriggers(const Request &r);
    Response createTrigger(const Request &r);
    Response readTrigger(const Request &r);
    Response deleteTrigger(const Request &r);
    Response listOccurrences(const Request &r);
    Response testTrigger(const Request &r);

    ServiceContext &m_context;
    OrchestrationStore &m_store;
    WorkflowRunner &m_runner;
    Triggers &m_triggers;
    int m_version;
};

} // namespace Formance::Sandbox
