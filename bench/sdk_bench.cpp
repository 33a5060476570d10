// Speed of the SDK on a realistic ledger v2 listTransactions page (1,000 expanded transactions,
// about 1.2 MB): (a) decoding one page into the typed model, (b) paging 20 pages over loopback
// from a local QHttpServer through the full client. The other benchmarks split (b) into its parts
// (JSON parse only, raw transfer only) to show where the time goes. Counters: tx/s.
#include "PageGenerator.h"
#include "PageServer.h"
#include "Paging.h"

#include <Formance/Client.h>
#include <Formance/Pagination.h>
#include <Formance/ResponseDecoding.h>
#include <Formance/Sdk.h>
#include <Formance/json/JsonCodec.h>
#include <Formance/json/JsonReader.h>

#include <QCoreApplication>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>

using namespace Formance;

namespace {

constexpr int kPages = 20;
constexpr int kPerPage = 1000;

QList<QByteArray> &pages() {
    static QList<QByteArray> p = FormanceBench::PageServer::renderPages(kPages, kPerPage);
    return p;
}

FormanceBench::PageServer *g_server = nullptr;
quint16 g_port = 0;

void setCounters(benchmark::State &state, qint64 transactionsPerIteration, qint64 bytesPerIteration) {
    const double iterations = double(state.iterations());
    state.counters["tx/s"] =
        benchmark::Counter(double(transactionsPerIteration) * iterations, benchmark::Counter::kIsRate);
    state.SetBytesProcessed(int64_t(bytesPerIteration * state.iterations()));
}

// Counters of a benchmark that pages through all the pages once per iteration.
void setPagingCounters(benchmark::State &state) {
    qint64 bytes = 0;
    for (const auto &p : pages())
        bytes += p.size();
    setCounters(state, qint64(kPages) * kPerPage, bytes);
}

// Arg 0: Json::setParallelDecoding(false), one thread; arg 1: the SDK's default, large arrays of
// models decode on two threads when the second is free.
struct Threads {
    explicit Threads(benchmark::State &state) { Json::setParallelDecoding(state.range(0) != 0); }
    ~Threads() { Json::setParallelDecoding(true); }
};

// (a) One page of JSON into Models::V2TransactionsCursorResponse, exactly as the client does it
// (decodeOnePass, as decodeJsonResponse: one pass with no tree; with parallel:1, the tree read on
// two threads).
void BM_DecodePage(benchmark::State &state) {
    Threads threads(state);
    const QByteArray &page = pages().first();
    const int takenBefore = Json::Detail::ArraySplit::taken();
    for (auto _ : state) {
        Models::V2TransactionsCursorResponse out;
        const auto r = Json::decodeOnePass(page, out);
        if (!r.ok || out.cursor.data.size() != kPerPage) {
            state.SkipWithError(qPrintable(r.error));
            break;
        }
        benchmark::DoNotOptimize(out);
    }
    setCounters(state, kPerPage, page.size());
    // The share of pages whose back half the split thread read (0 with one thread).
    state.counters["split"] =
        benchmark::Counter(double(Json::Detail::ArraySplit::taken() - takenBefore) /
                           double(std::max<benchmark::IterationCount>(state.iterations(), 1)));
}
BENCHMARK(BM_DecodePage)->ArgName("parallel")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same through the node tree (Document, then the tree readers): what decoding took before the
// one-pass reader, and what it still does after a failure (for the error's place and path).
void BM_DecodePageTree(benchmark::State &state) {
    const QByteArray &page = pages().first();
    for (auto _ : state) {
        Models::V2TransactionsCursorResponse out;
        const auto r = Json::decode(page, out);
        if (!r.ok || out.cursor.data.size() != kPerPage) {
            state.SkipWithError(qPrintable(r.error));
            break;
        }
        benchmark::DoNotOptimize(out);
    }
    setCounters(state, kPerPage, page.size());
}
BENCHMARK(BM_DecodePageTree)->Unit(benchmark::kMillisecond)->UseRealTime();

// Part of (a): the JSON tree only (simdjson + the exact-number node tree), no model.
void BM_ParseOnly(benchmark::State &state) {
    const QByteArray &page = pages().first();
    for (auto _ : state) {
        auto doc = Json::Document::parse(page);
        if (!doc) {
            state.SkipWithError("parse failed");
            break;
        }
        benchmark::DoNotOptimize(doc);
    }
    setCounters(state, kPerPage, page.size());
}
BENCHMARK(BM_ParseOnly)->Unit(benchmark::kMillisecond)->UseRealTime();

// Part of (a): the typed model only, read from an already parsed tree (and destroyed).
void BM_ModelOnly(benchmark::State &state) {
    Threads threads(state);
    const QByteArray &page = pages().first();
    const auto doc = Json::Document::parse(page);
    for (auto _ : state) {
        Models::V2TransactionsCursorResponse out;
        Json::DecodeContext ctx;
        if (!Json::read(doc->root(), out, ctx)) {
            state.SkipWithError(qPrintable(ctx.error()));
            break;
        }
        benchmark::DoNotOptimize(out);
    }
    setCounters(state, kPerPage, page.size());
}
BENCHMARK(BM_ModelOnly)->ArgName("parallel")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

std::unique_ptr<Client> makeClient() {
    SdkConfig config;
    config.server.url = QStringLiteral("http://127.0.0.1:%1").arg(g_port);
    return std::make_unique<Client>(config);
}

// Part of (b): the same 20 requests through the client's transport, body left undecoded.
void BM_TransferOnly20Pages(benchmark::State &state) {
    auto client = makeClient();
    qint64 bytes = 0;
    for (auto _ : state) {
        HttpRequest request;
        request.path = QStringLiteral("/api/ledger/v2/bench/transactions");
        request.query = {{QStringLiteral("pageSize"), QString::number(kPerPage)}};
        bytes = 0;
        for (int i = 0; i < kPages; ++i) {
            const auto r = client->send(request).result();
            if (!r || r.value().status != 200) {
                state.SkipWithError("request failed");
                return;
            }
            bytes += r.value().body.size();
            request.query = {{QStringLiteral("cursor"), FormanceBench::PageServer::cursorFor(i + 1)}};
        }
    }
    setCounters(state, qint64(kPages) * kPerPage, bytes);
}
BENCHMARK(BM_TransferOnly20Pages)->Unit(benchmark::kMillisecond)->UseRealTime();

// (b) 20 pages through client.ledger().v2().listTransactions, following `next`: end to end.
void BM_Paging20Pages(benchmark::State &state) {
    Threads threads(state);
    auto client = makeClient();
    for (auto _ : state) {
        const auto run = FormanceBench::pageThrough(*client, QStringLiteral("bench"), kPerPage);
        if (!run.error.isEmpty() || run.transactions != qint64(kPages) * kPerPage ||
            run.bigAmounts < kPages) {
            state.SkipWithError(run.error.isEmpty() ? "wrong page count" : qPrintable(run.error));
            break;
        }
    }
    setPagingCounters(state);
}
BENCHMARK(BM_Paging20Pages)
    ->ArgName("parallel")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// (b) again through the SDK's pager, walkPages: each answer is parsed, its cursor read and the
// next page asked for before the page's models are built, so the next transfer overlaps them.
void BM_WalkPages20Pages(benchmark::State &state) {
    Threads threads(state);
    auto client = makeClient();
    CallOptions options;
    options.apiGeneration = ApiGeneration::V3_0; // what the server says it runs (ledger v2.2)
    for (auto _ : state) {
        qint64 transactions = 0, bigAmounts = 0;
        const auto walk =
            walkPages(
                *client, Ledger::V2::V2ListTransactionsRequest{.ledger = QStringLiteral("bench")}, kPerPage,
                [&](const QList<Models::V2ExpandedTransaction> &page) {
                    transactions += page.size();
                    for (const auto &tx : page)
                        for (const auto &p : tx.postings)
                            bigAmounts += p.amount.fitsInt64() ? 0 : 1;
                    return true;
                },
                options)
                .result();
        if (!walk || transactions != qint64(kPages) * kPerPage || bigAmounts < kPages) {
            state.SkipWithError(walk ? "wrong page count" : qPrintable(walk.error().message()));
            break;
        }
    }
    setPagingCounters(state);
}
BENCHMARK(BM_WalkPages20Pages)
    ->ArgName("parallel")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;

    std::fprintf(stderr, "sdk-bench: %d pages of %d transactions, %.2f MB each\n", kPages, kPerPage,
                 double(pages().first().size()) / 1e6);
    FormanceBench::PageServer server(pages());
    g_port = server.start();
    if (g_port == 0) {
        std::fprintf(stderr, "sdk-bench: could not listen on 127.0.0.1\n");
        return 1;
    }
    g_server = &server;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    server.stop();
    return 0;
}
