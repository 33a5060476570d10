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
    void registerRoutes(Router &router);

private:
    Reply info(const Request &r);
    Reply listWorkflows(const Request &r);
    Reply createWorkflow(const Request &r);
    Reply getWorkflow(const Request &r);
    Reply deleteWorkflow(const Request &r);
    Reply runWorkflow(const Request &r);
    Reply listInstances(const Request &r);
    Reply getInstance(const Request &r);
    Reply sendEvent(const Request &r);
    Reply abort(const Request &r);
    Reply instanceHistory(const Request &r);
    Reply stageHistory(const Request &r);
    Reply listTriggers(const Request &r);
    Reply createTrigger(const Request &r);
    Reply readTrigger(const Request &r);
    Reply deleteTrigger(const Request &r);
    Reply listOccurrences(const Request &r);
    Reply testTrigger(const Request &r);

    ServiceContext &m_context;
    OrchestrationStore &m_store;
    WorkflowRunner &m_runner;
    Triggers &m_triggers;
    int m_version;
};

} // namespace Formance::Sandbox
