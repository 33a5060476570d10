#include <Formance/StackVersions.h>

#include <QPromise>

#include <mutex>

namespace Formance {

struct StackVersions::State {
    std::optional<ApiGeneration> forced;
    // What getVersions taught. A large answer is decoded on a pool thread (Call::map), whose
    // learner() writes these there: they are read and written under the mutex.
    mutable std::mutex mutex;
    std::optional<QList<ServiceVersion>> versions;
    bool askFailed = false;
    void setVersions(std::optional<QList<ServiceVersion>> v) {
        std::lock_guard lock(mutex);
        versions = std::move(v);
        askFailed = false;
    }
    std::optional<QList<ServiceVersion>> knownVersions() const {
        std::lock_guard lock(mutex);
        return versions;
    }
    bool asking = false;
    Fetch fetch;
    struct Waiter {
        QString service;
        std::shared_ptr<QPromise<Result<ApiGeneration>>> promise;
    };
    QList<Waiter> waiters;

    std::optional<ApiGeneration> fromVersions(const QString &service) const {
        const std::optional<QList<ServiceVersion>> versions = knownVersions();
        if (!versions)
            return std::nullopt;
        for (const ServiceVersion &v : *versions) {
            if (v.name.compare(service, Qt::CaseInsensitive) == 0) {
                if (auto g = generationOfService(v.name, v.version))
                    return g;
            }
        }
        return std::nullopt;
    }

    ApiGeneration generation(const QString &service) const {
        if (forced)
            return *forced;
        if (auto g = fromVersions(service))
            return *g;
        if (auto g = fromVersions(QStringLiteral("ledger"))) // the stack's generation
            return *g;
        return kDefault;
    }

    void answerWaiters() {
        const QList<Waiter> now = std::move(waiters);
        waiters.clear();
        for (const Waiter &w : now) {
            w.promise->addResult(Result<ApiGeneration>(generation(w.service)));
            w.promise->finish();
        }
    }
};

StackVersions::StackVersions(std::optional<ApiGeneration> forced)
    : m_state(std::make_shared<State>()) {
    m_state->forced = forced;
}

StackVersions::~StackVersions() {
    // The client goes: operations still waiting for the versions end canceled.
    const QList<State::Waiter> waiting = std::move(m_state->waiters);
    m_state->waiters.clear();
    for (const State::Waiter &w : waiting) {
        w.promise->addResult(
            Result<ApiGeneration>(Error(Error::Kind::Canceled, QStringLiteral("the call was canceled"))));
        w.promise->finish();
    }
}

void StackVersions::setFetch(Fetch fetch) {
    m_state->fetch = std::move(fetch);
}

void StackVersions::setForced(std::optional<ApiGeneration> generation) {
    m_state->forced = generation;
    if (generation)
        m_state->answerWaiters();
}

std::optional<ApiGeneration> StackVersions::forced() const {
    return m_state->forced;
}

void StackVersions::learn(QList<ServiceVersion> versions) {
    m_state->setVersions(std::move(versions));
}

std::function<void(QList<ServiceVersion>)> StackVersions::learner() const {
    return [weak = std::weak_ptr<State>(m_state)](QList<ServiceVersion> versions) {
        if (const auto state = weak.lock())
            state->setVersions(std::move(versions));
    };
}

void StackVersions::forget() {
    m_state->setVersions(std::nullopt);
}

bool StackVersions::isKnown() const {
    return m_state->knownVersions().has_value();
}

QList<ServiceVersion> StackVersions::versions() const {
    return m_state->knownVersions().value_or(QList<ServiceVersion>());
}

std::optional<QString> StackVersions::versionOf(const QString &service) const {
    for (const ServiceVersion &v : versions()) {
        if (v.name.compare(service, Qt::CaseInsensitive) == 0)
            return v.version;
    }
    return std::nullopt;
}

ApiGeneration StackVersions::generation(const QString &service) const {
    return m_state->generation(service);
}

std::optional<ApiGeneration> StackVersions::decided(const QString &service) const {
    bool learnt = false;
    {
        std::lock_guard lock(m_state->mutex);
        learnt = m_state->versions || m_state->askFailed;
    }
    if (m_state->forced || learnt || !m_state->fetch)
        return m_state->generation(service);
    return std::nullopt;
}

Call<ApiGeneration> StackVersions::resolve(const QString &service) {
    if (auto g = decided(service))
        return Call<ApiGeneration>(QtFuture::makeReadyFuture(Result<ApiGeneration>(*g)), {});
    auto promise = std::make_shared<QPromise<Result<ApiGeneration>>>();
    promise->start();
    m_state->waiters.append({service, promise});
    if (!m_state->asking) {
        m_state->asking = true;
        Call<QList<ServiceVersion>> ask = m_state->fetch();
        QFuture<Result<QList<ServiceVersion>>> future = ask.future();
        future.then(QtFuture::Launch::Sync,
                    [weak = std::weak_ptr<State>(m_state)](QFuture<Result<QList<ServiceVersion>>> f) {
                        const auto state = weak.lock();
                        if (!state)
                            return;
                        state->asking = false;
                        Result<QList<ServiceVersion>> answer = Call<QList<ServiceVersion>>::takeResult(f);
                        if (answer) {
                            state->setVersions(std::move(answer.value()));
                        } else {
                            std::lock_guard lock(state->mutex);
                            state->askFailed = true; // not asked again until forget(): kDefault
                        }
                        state->answerWaiters();
                    });
    }
    return Call<ApiGeneration>(promise->future(), {});
}

} // namespace Formance
