// What the stack in front of a client runs, as its getVersions answer says, and so which generation
// of the API (ApiGeneration) each divergent operation speaks to it. One per Client
// (client.stackVersions()); not thread-safe, like the client itself.
//
// The rule, in order: a call's CallOptions::apiGeneration; the client's SdkConfig::apiGeneration;
// the generation the service's version speaks (generationOfService) once the versions are known —
// every getVersions answer is learned, and the first divergent operation asks GET /versions itself
// when nothing is known yet (once: callers waiting meanwhile share that request); a service without a
// rule of its own follows the ledger; when the stack does not say, kDefault (v3.0).
#pragma once

#include <Formance/ApiGeneration.h>
#include <Formance/Call.h>

#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace Formance {

struct ServiceVersion {
    QString name;    // "ledger", "payments" ... as getVersions names them
    QString version; // "v2.2.4"
    bool operator==(const ServiceVersion &) const = default;
};

class StackVersions {
public:
    static constexpr ApiGeneration kDefault = ApiGeneration::V3_0;
    using Fetch = std::function<Call<QList<ServiceVersion>>()>;

    explicit StackVersions(std::optional<ApiGeneration> forced = std::nullopt);
    ~StackVersions();
    StackVersions(const StackVersions &) = delete;
    StackVersions &operator=(const StackVersions &) = delete;

    // How to ask the stack (GET /versions); set by the generated Apis.
    void setFetch(Fetch fetch);

    // Every generation decided by versions; nothing else asks. forced() wins over them.
    void setForced(std::optional<ApiGeneration> generation);
    std::optional<ApiGeneration> forced() const;

    // What getVersions said (every successful answer replaces it), or nothing yet.
    void learn(QList<ServiceVersion> versions);
    // learn() as a function that outlives this object harmlessly (for answers still on their way).
    std::function<void(QList<ServiceVersion>)> learner() const;
    // Forgets the versions (a stack upgraded in place): the next divergent operation asks again.
    void forget();
    bool isKnown() const;
    QList<ServiceVersion> versions() const;
    std::optional<QString> versionOf(const QString &service) const;

    // The generation used for `service` now (kDefault while nothing is known).
    ApiGeneration generation(const QString &service) const;
    // The same, or nothing while it is still to be asked (no override, versions not asked yet).
    std::optional<ApiGeneration> decided(const QString &service) const;
    // Decides, asking GET /versions first when needed. A failed or refused request is not repeated
    // (until forget()): kDefault applies. Cancelling the returned call does not cancel that request.
    Call<ApiGeneration> resolve(const QString &service);

private:
    struct State;
    std::shared_ptr<State> m_state;
};

} // namespace Formance
