// The handle an SDK call returns: a QFuture of Result<T> plus cancellation.
//
//   client.ledger().v2().getLedger({.ledger = "main"}).then(this, [](const auto &result) { ... });
//
// result() blocks until the call ends, running a local event loop so the network keeps going
// on this thread. It exists for scripts and tests; never call it on the GUI thread.
#pragma once

#include <Formance/HttpMessage.h>
#include <Formance/Result.h>

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QPromise>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <type_traits>

namespace Formance {

template <class T> class Call {
public:
    using Value = T;

    Call() = default;
    Call(QFuture<Result<T>> future, std::function<void()> cancel)
        : m_future(std::move(future))
        , m_cancel(std::make_shared<std::function<void()>>(std::move(cancel))) {}

    QFuture<Result<T>> future() const { return m_future; }
    bool isFinished() const { return m_future.isFinished(); }

    // Aborts the request; the result becomes a Canceled error.
    void cancel() const {
        if (m_cancel && *m_cancel)
            (*m_cancel)();
    }

    Result<T> result() const {
        if (!m_future.isFinished()) {
            QEventLoop loop;
            QFutureWatcher<Result<T>> watcher;
            QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
            watcher.setFuture(m_future);
            if (!m_future.isFinished())
                loop.exec(QEventLoop::ExcludeUserInputEvents);
        }
        return takeResult(m_future);
    }

    // Calls f(const Result<T>&) on context's thread when the call ends, unless context is gone.
    template <class F> void then(QObject *context, F &&f) const {
        auto *watcher = new QFutureWatcher<Result<T>>(context);
        QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
                         [watcher, f = std::forward<F>(f)]() mutable {
                             f(takeResult(watcher->future()));
                             watcher->deleteLater();
                         });
        watcher->setFuture(m_future);
    }

    // A call whose result is f(Result<T>) -> Result<U>, run as soon as this one ends. Cancelling
    // it cancels this one. An HTTP answer of kOffThreadBytes or more is handed to f (the decoder)
    // on a pool thread and the result delivered back on the thread the answer arrived on, so a
    // 50 MB body never stalls that thread and continuations keep their thread.
    static constexpr qsizetype kOffThreadBytes = 4 * 1024 * 1024;
    template <class U, class F> Call<U> map(F &&f) const {
        Call<U> out;
        QFuture<Result<T>> source = m_future; // QFuture::then() is not const in Qt 6.4
        if constexpr (std::is_same_v<T, HttpResponse>) {
            auto promise = std::make_shared<QPromise<Result<U>>>();
            promise->start();
            source.then(QtFuture::Launch::Sync, [f = std::forward<F>(f),
                                                 promise](QFuture<Result<T>> parent) mutable {
                Result<T> answer = takeResult(parent);
                if (!answer.ok() || answer.value().body.size() < kOffThreadBytes) {
                    promise->addResult(f(std::move(answer)));
                    promise->finish();
                    return;
                }
                QObject *back = new QObject; // on this thread: where the result goes
                auto job =
                    std::make_shared<std::pair<std::decay_t<F>, Result<T>>>(std::move(f), std::move(answer));
                QThreadPool::globalInstance()->start([job, promise, back] {
                    auto decoded = std::make_shared<Result<U>>(job->first(std::move(job->second)));
                    QMetaObject::invokeMethod(
                        back,
                        [promise, decoded, back] {
                            promise->addResult(std::move(*decoded));
                            promise->finish();
                            back->deleteLater();
                        },
                        Qt::QueuedConnection);
                });
            });
            out.m_future = promise->future();
        } else {
            out.m_future =
                source.then(QtFuture::Launch::Sync,
                            [f = std::forward<F>(f)](QFuture<Result<T>> parent) mutable -> Result<U> {
                                return f(takeResult(parent));
                            });
        }
        out.m_cancel = m_cancel;
        return out;
    }

    static Result<T> takeResult(const QFuture<Result<T>> &future) {
        if (future.isCanceled() || future.resultCount() == 0)
            return Error(Error::Kind::Canceled, QStringLiteral("the call was canceled"));
        return future.result();
    }

private:
    template <class> friend class Call;
    QFuture<Result<T>> m_future;
    std::shared_ptr<std::function<void()>> m_cancel;
};

} // namespace Formance
