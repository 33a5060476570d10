// walkPages: every page of a cursor operation, asynchronously, one request ahead. Written by hand and
// spec-independent; formance/Pagination.h (generated) adds a PageTraits specialisation per cursor
// operation and is what callers include. A cursor operation the two API generations disagree on
// (ledger v2 lists: where the filter travels) learns the stack's generation before the first page.
#pragma once

#include <Formance/ApiGeneration.h>
#include <Formance/Call.h>
#include <Formance/HttpMessage.h>
#include <Formance/Result.h>
#include <Formance/StackVersions.h>
#include <Formance/Transport.h>
#include <Formance/json/JsonDocument.h>

#include <QList>
#include <QMetaObject>
#include <QPromise>
#include <QString>
#include <QThreadPool>
#include <QtGlobal>

#include <functional>
#include <memory>
#include <optional>

namespace Formance {

// What a walk over pages did: pages and items seen, and whether onPage asked to stop early.
struct PageWalk {
    int pages = 0;
    qint64 items = 0;
    bool stopped = false;
};

// How one cursor operation pages; specialised below for each of them.
template <class Request> struct PageTraits;

namespace Detail {
inline bool pageFlag(bool v) {
    return v;
}
inline bool pageFlag(const std::optional<bool> &v) {
    return v.value_or(false);
}
template <class T> const QList<T> &pageItems(const QList<T> &v) {
    return v;
}
template <class T> const QList<T> &pageItems(const std::optional<QList<T>> &v) {
    static const QList<T> none;
    return v ? *v : none;
}
} // namespace Detail

namespace Detail {
// Pages of this size or more are parsed and decoded on a pool thread (smaller ones where they
// arrive: the hop would cost more than it saves).
inline constexpr qsizetype kOffThreadPageBytes = 256 * 1024;

// The `next` cursor of a page's JSON when its `hasMore` is true, read from its start up to both
// (`data` is not read when they come before it, as ledgers send them); empty when there is none or
// the text before them is not JSON. The typed walk asks for the next page with it, then decodes.
QString nextPageCursor(const QByteArray &body);

// The walk itself; Raw hands onPage the page's `cursor.data` as parsed JSON instead of models.
template <bool Raw, class Client, class Request, class OnPage>
Call<PageWalk> walk(Client &client, Request first, int pageSize, OnPage onPage, CallOptions options) {
    using Traits = PageTraits<Request>;
    using Response = typename Traits::Response;
    struct State : std::enable_shared_from_this<State> {
        Transport *transport = nullptr;
        OnPage onPage;
        CallOptions options;
        Request first;
        QPromise<Result<PageWalk>> promise;
        PageWalk walk;
        std::optional<Call<HttpResponse>> inFlight;
        quint64 sent = 0;                          // requests sent so far: identifies inFlight
        std::optional<Result<HttpResponse>> early; // an answer that came while a page was handled
        bool handling = false;
        ApiGeneration generation = StackVersions::kDefault; // the form of every page's request
        bool canceled = false;
        bool done = false;

        State(Transport *t, OnPage p, CallOptions o, Request r)
            : transport(t)
            , onPage(std::move(p))
            , options(std::move(o))
            , first(std::move(r)) {}

        void finish(Result<PageWalk> result) {
            if (done)
                return;
            done = true;
            if (inFlight)
                inFlight->cancel(); // a page asked for ahead that is no longer wanted
            inFlight.reset();
            promise.addResult(std::move(result));
            promise.finish();
        }

        void send(const Request &request) {
            if (canceled) {
                finish(Error(Error::Kind::Canceled, QStringLiteral("the call was canceled")));
                return;
            }
            const quint64 id = ++sent;
            Call<HttpResponse> call = transport->execute(Traits::http(request, options, generation));
            inFlight = call;
            call.future().then(QtFuture::Launch::Sync,
                               [self = this->shared_from_this(), id](QFuture<Result<HttpResponse>> f) {
                                   if (self->sent == id)
                                       self->inFlight.reset();
                                   self->deliver(Call<HttpResponse>::takeResult(f));
                               });
        }

        // An answer can arrive while the previous page is still handled (a request that fails at
        // once answers inside send(); a large page is handled on a pool thread): it waits, so
        // pages reach onPage in order.
        void deliver(Result<HttpResponse> answer) {
            if (handling) {
                early = std::move(answer);
                return;
            }
            handling = true;
            handle(std::move(answer)); // ends with handled(), now or once the pool's work is back
        }
        void handled() {
            handling = false;
            if (early && !done) {
                Result<HttpResponse> next = std::move(*early);
                early.reset();
                deliver(std::move(next));
            }
        }

        // What is made of one answer before onPage: parsed once, the next page asked for as soon
        // as the cursor is read, then (typed walk) the models built.
        struct Page {
            std::optional<Result<HttpResponse>> answer; // raw walk: kept for its error
            std::optional<Json::Document> doc;
            std::optional<Result<Response>> typed;
            bool askedNext = false;
        };
        static Page prepare(Result<HttpResponse> answer,
                            const std::function<void(const QString &)> &askNext) {
            Page page;
            const bool ok = answer && answer.value().status == 200;
            if constexpr (Raw) {
                if (ok) {
                    page.doc = Json::Document::parse(answer.value().body);
                    if (page.doc) {
                        const Json::Value cursor = page.doc->root()["cursor"];
                        const Json::Value next = cursor["next"];
                        if (cursor["hasMore"].toBool() && next.isString() && !next.toString().isEmpty()) {
                            askNext(next.toString());
                            page.askedNext = true;
                        }
                    }
                }
                page.answer = std::move(answer);
            } else {
                // The cursor is read ahead of the items, which are then decoded in one pass (no
                // tree): a page that turns out bad after its cursor ends the walk with its error,
                // and the answer to the request already sent is dropped.
                if (const QString next = ok ? nextPageCursor(answer.value().body) : QString();
                    !next.isEmpty()) {
                    askNext(next);
                    page.askedNext = true;
                }
                page.typed = Traits::result(std::move(answer), nullptr);
            }
            return page;
        }

        void handle(Result<HttpResponse> answer) {
            if (done)
                return handled();
            if (answer && answer.value().status == 200 && answer.value().body.size() >= kOffThreadPageBytes) {
                // Parsed and decoded on a pool thread, so that this thread receives the next page
                // meanwhile; what follows (asking for it, onPage) comes back here, in order.
                auto work = std::make_shared<Result<HttpResponse>>(std::move(answer));
                QThreadPool::globalInstance()->start([self = this->shared_from_this(), work] {
                    auto page =
                        std::make_shared<Page>(prepare(std::move(*work), [&self](const QString &cursor) {
                            QMetaObject::invokeMethod(
                                self->transport,
                                [self, cursor] {
                                    if (!self->done)
                                        self->send(Traits::next(self->first, cursor));
                                },
                                Qt::QueuedConnection);
                        }));
                    QMetaObject::invokeMethod(
                        self->transport, [self, page] { self->hand(std::move(*page)); },
                        Qt::QueuedConnection);
                });
                return;
            }
            hand(prepare(std::move(answer),
                         [this](const QString &cursor) { send(Traits::next(first, cursor)); }));
        }

        void hand(Page page) {
            if (!done && canceled) // while the page was on the pool
                finish(Error(Error::Kind::Canceled, QStringLiteral("the call was canceled")));
            if (!done)
                handOver(page);
            handled();
        }
        void handOver(Page &page) {
            if constexpr (Raw) {
                if (page.doc) { // a 200 answer that parsed: its items as they came, no models built
                    const Json::Value data = page.doc->root()["cursor"]["data"];
                    if (!data.isArray()) {
                        finish(
                            Error(Error::Kind::Decode, QStringLiteral("$.cursor.data: expected an array")));
                        return;
                    }
                    ++walk.pages;
                    walk.items += data.size();
                    if (!onPage(data)) {
                        walk.stopped = true;
                        finish(walk);
                    } else if (!page.askedNext) {
                        finish(walk); // the last page
                    }
                    return;
                }
                // Anything else (a transport error, an error status, a body that did not parse)
                // is reported exactly as the typed walk reports it.
                Result<Response> result = Traits::result(std::move(*page.answer), nullptr);
                finish(result
                           ? Error(Error::Kind::Decode, QStringLiteral("the answer is not a page of items"))
                           : result.error());
            } else {
                Result<Response> &result = *page.typed;
                if (!result) {
                    finish(result.error());
                    return;
                }
                const auto *cursor = Traits::cursor(result.value());
                if (!cursor) {
                    finish(walk);
                    return;
                }
                const auto &items = Detail::pageItems(cursor->data);
                ++walk.pages;
                walk.items += items.size();
                if (!onPage(items)) {
                    walk.stopped = true;
                    finish(walk);
                    return;
                }
                if (!Detail::pageFlag(cursor->hasMore) || !cursor->next || cursor->next->isEmpty()) {
                    finish(walk);
                    return;
                }
                if (!page.askedNext)
                    send(Traits::next(first, *cursor->next));
            }
        }
    };
    auto state = std::make_shared<State>(client.apiTransport(), std::move(onPage), std::move(options),
                                         std::move(first));
    Traits::setPageSize(state->first, qBound(1, pageSize, 1000));
    state->promise.start();
    StackVersions &stack = client.stackVersions();
    const QString service = QString::fromLatin1(Traits::service);
    std::optional<ApiGeneration> generation = state->options.apiGeneration;
    if (!generation)
        generation = Traits::divergent ? stack.decided(service) : stack.generation(service);
    if (generation) {
        state->generation = *generation;
        state->send(state->first);
    } else {
        // The generations disagree on this operation and the stack's versions are not known yet:
        // ask them first (StackVersions::resolve), then walk.
        QFuture<Result<ApiGeneration>> asked = stack.resolve(service).future();
        asked.then(QtFuture::Launch::Sync, [state](QFuture<Result<ApiGeneration>> f) {
            const Result<ApiGeneration> g = Call<ApiGeneration>::takeResult(f);
            if (!g) {
                state->finish(g.error());
                return;
            }
            state->generation = g.value();
            state->send(state->first); // finishes as canceled when the walk was canceled meanwhile
        });
    }
    return Call<PageWalk>(state->promise.future(), [state] {
        state->canceled = true;
        if (state->inFlight)
            state->inFlight->cancel();
        else if (!state->done && state->sent == 0)
            state->finish(Error(Error::Kind::Canceled, QStringLiteral("the call was canceled")));
    });
}
} // namespace Detail

// Walks every page of a cursor operation asynchronously: the first request as given (with the page
// size, clamped to 1..1000), then `next` until `hasMore` is false. A follow-up request carries the
// cursor and the path parameters only: never other parameters alongside a cursor. onPage gets each
// page's items, in order, and returns false to stop. The call ends with the walk's summary or the
// first error; cancelling it cancels the request in flight.
//
// Pages are pipelined: each answer is parsed once, its cursor read, and the next page asked for
// before this page's models are built, so the next transfer overlaps that work (one request at a
// time on the wire, never more). A page of kOffThreadPageBytes or more is parsed and decoded on a
// pool thread while this thread receives the next one; onPage always runs on the thread the walk
// was started on, one page at a time, in order.
//
//   walkPages(client, Ledger::V2::V2ListTransactionsRequest{.ledger = "main"}, 1000,
//             [](const QList<Models::V2ExpandedTransaction> &page) { ...; return true; });
template <class Client, class Request, class OnPage>
Call<PageWalk> walkPages(Client &client, Request first, int pageSize, OnPage onPage,
                         CallOptions options = {}) {
    return Detail::walk<false>(client, std::move(first), pageSize, std::move(onPage), std::move(options));
}

// As walkPages, but onPage gets each page's items as parsed JSON (`const Json::Value &`, the array
// `cursor.data`, numbers as their exact text; valid during the call only) and no models are built:
// for passing items on as the API sent them (a JSON Lines export) at parsing speed. Errors are those
// of walkPages.
template <class Client, class Request, class OnPage>
Call<PageWalk> walkRawPages(Client &client, Request first, int pageSize, OnPage onPage,
                            CallOptions options = {}) {
    return Detail::walk<true>(client, std::move(first), pageSize, std::move(onPage), std::move(options));
}

} // namespace Formance
