// Exactly once under faults: the typed SDK, with retries on, talks to a real sandbox through a
// FaultProxy that breaks one request in five (dropped connections before and after the server saw
// them, 429/502/503 with and without Retry-After, delays, stalls past the client's timeout, bodies
// cut short, resets mid-body). Every write must land exactly once — none twice, none lost — which
// only holds if every attempt of a call carries the same Idempotency-Key and every broken answer is
// retried. What the ledger holds is then read back directly, around the proxy.
//
// Each test prints its figures on one line starting "FIGURES" (calls, faults by kind, retries,
// duplicates, lost, wall time): `build/dev/tests/faults/tst_faults_exactly_once -v1 | grep FIGURES`.
#include "FaultProxy.h"

#include "SandboxThread.h"
#include <Formance/Client.h>
#include <Formance/Pagination.h>
#include <Formance/Sdk.h>

#include <QElapsedTimer>
#include <QTest>

#include <functional>
#include <memory>

using namespace Formance;
using namespace FaultTest;

namespace {

constexpr quint64 kSeed = 20261201;
constexpr int kCalls = 1000;
constexpr int kConcurrency = 32;
constexpr int kAttemptTimeoutMs = 1500;

SdkConfig configFor(quint16 port, RetryConfig retry = {}) {
    SdkConfig config;
    config.server = ServerConfig::fromUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    config.credentials = ClientCredentials{QString::fromLatin1(Sandbox::Options::kDefaultClientId),
                                           QString::fromLatin1(Sandbox::Options::kDefaultClientSecret),
                                           {}};
    config.retry = retry;
    config.timeoutMs = kAttemptTimeoutMs;
    return config;
}

// Retries on every fault the proxy makes: statuses, connection errors and timeouts, for up to a
// minute per call (no call needs more than a few seconds; the bound only keeps a bug from hanging).
RetryConfig faultRetries() {
    return RetryConfig::withBackoff({10, 200, 1.5, 60000}, true);
}

bool isTokenRequest(const ProxiedRequest &r) {
    return r.path() == "/api/auth/oauth/token";
}

// Runs `total` calls, `concurrency` at a time; start(i, done) starts call i and calls done(error)
// when it ends (an empty string for success). Returns the errors, by call.
QMap<int, QString> runAll(int total, int concurrency,
                          const std::function<void(int, std::function<void(QString)>)> &start) {
    QMap<int, QString> errors;
    int next = 0;
    int finished = 0;
    std::function<void()> launch = [&] {
        const int i = next++;
        start(i, [&, i](const QString &error) {
            if (!error.isEmpty())
                errors.insert(i, error);
            ++finished;
            if (next < total)
                launch();
        });
    };
    for (int k = 0; k < concurrency && next < total; ++k)
        launch();
    if (!QTest::qWaitFor([&] { return finished == total; }, 110000))
        errors.insert(-1, QStringLiteral("timed out: %1 of %2 calls finished").arg(finished).arg(total));
    return errors;
}

// Keeps `concurrency` calls in flight for durationMs, then lets the last ones finish. Returns the
// number of calls made; failures go to *errors.
int runFor(qint64 durationMs, int concurrency, QStringList *errors,
           const std::function<void(int, std::function<void(QString)>)> &start) {
    QElapsedTimer clock;
    clock.start();
    int started = 0;
    int finished = 0;
    std::function<void()> launch = [&] {
        const int i = started++;
        start(i, [&](const QString &error) {
            if (!error.isEmpty())
                errors->append(error);
            ++finished;
            if (clock.elapsed() < durationMs)
                launch();
        });
    };
    for (int k = 0; k < concurrency; ++k)
        launch();
    if (!QTest::qWaitFor([&] { return finished == started; }, durationMs + 60000))
        errors->append(QStringLiteral("timed out: %1 of %2 calls finished").arg(finished).arg(started));
    return started;
}

template <class R> QString errorOf(const Result<R> &r) {
    return r.ok() ? QString() : r.error().toString();
}

} // namespace

class TestFaultsExactlyOnce : public QObject {
    Q_OBJECT

    Sandbox::SandboxThread m_sandbox;
    std::unique_ptr<FaultProxy> m_proxy;
    std::unique_ptr<Client> m_client; // through the proxy, retries on
    std::unique_ptr<Client> m_direct; // straight to the sandbox: setting up and reading back
    QElapsedTimer m_wall;

    void startProxy(double rate) {
        m_proxy = std::make_unique<FaultProxy>(m_sandbox.port(), kSeed);
        m_proxy->setFaultRate(rate);
        m_proxy->setStallMs(kAttemptTimeoutMs + 500);
        m_proxy->setFaultFilter([](const ProxiedRequest &r) { return !isTokenRequest(r); });
        QVERIFY(m_proxy->listen());
        m_client = std::make_unique<Client>(configFor(m_proxy->port(), faultRetries()));
    }

    // Lets delayed and stalled requests reach the server before the ledger is read back: a stall
    // the client gave up on still lands, later (its replay must then be harmless too).
    void drainProxy() {
        QVERIFY(QTest::qWaitFor([&] { return m_proxy->inFlight() == 0; }, 20000));
    }

    void printFigures(const QString &what, int calls, int duplicates, int lost) {
        const auto &s = m_proxy->stats();
        int attempts = 0;
        for (int n : s.attemptsPerKey)
            attempts += n;
        qInfo().noquote() << QStringLiteral("FIGURES %1: calls %2, requests through the proxy %3, faults "
                                            "injected %4 (%5), retries %6, replays answered by the server "
                                            "%7, duplicates %8, lost %9, wall time %10 ms")
                                 .arg(what)
                                 .arg(calls)
                                 .arg(s.requests)
                                 .arg(s.faultTotal())
                                 .arg(s.faultSummary())
                                 .arg(attempts - s.attemptsPerKey.size())
                                 .arg(s.replays)
                                 .arg(duplicates)
                                 .arg(lost)
                                 .arg(m_wall.elapsed());
    }

    // Every call used one key for all its attempts, and no two calls shared one.
    void checkKeys(int calls) {
        const auto &s = m_proxy->stats();
        QCOMPARE(s.attemptsPerKey.size(), calls);
        // Each kind was injected at least once, so none of them is untested.
        for (Fault f : allFaults())
            QVERIFY2(s.faults.value(f) > 0, qPrintable(faultName(f)));
    }

    bool createLedger(const QString &name) {
        Ledger::V2::V2CreateLedgerRequest req;
        req.ledger = name;
        return m_direct->ledger().v2().createLedger(req).result().ok();
    }

private slots:
    void initTestCase() {
        QString error;
        Sandbox::Options options;
        options.tokenTtlSeconds = 3600;
        QVERIFY2(m_sandbox.start(options, &error), qPrintable(error));
        m_direct = std::make_unique<Client>(configFor(m_sandbox.port()));
    }
    void init() { m_wall.start(); }
    void cleanup() {
        m_client.reset();
        m_proxy.reset();
    }
    void cleanupTestCase() {
        m_direct.reset();
        m_sandbox.stop();
    }

    // 1,000 createTransaction, each with its own metadata n and amount n+1: the ledger must hold
    // each n exactly once, and the sums must be exact.
    void createTransactionExactlyOnce() {
        startProxy(0.2);
        const QString ledger = QStringLiteral("faults-tx");
        QVERIFY(createLedger(ledger));
        QMap<int, BigInt> ids;
        const auto errors = runAll(kCalls, kConcurrency, [&](int i, std::function<void(QString)> done) {
            Ledger::V2::V2CreateTransactionRequest req;
            req.ledger = ledger;
            req.body.postings =
                QList<Models::V2Posting>{{BigInt(i + 1), QStringLiteral("USD/2"),
                                          QStringLiteral("users:%1").arg(i), QStringLiteral("world")}};
            req.body.metadata = {{QStringLiteral("n"), QString::number(i)}};
            m_client->ledger().v2().createTransaction(req).then(this, [&ids, i, done](const auto &r) {
                if (r.ok())
                    ids.insert(i, r->body.data.id);
                done(errorOf(r));
            });
        });
        QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first()));
        drainProxy();

        QMap<QString, int> seen; // metadata n -> transactions holding it
        qint64 total = 0;
        auto walk = walkPages(*m_direct, Ledger::V2::V2ListTransactionsRequest{.ledger = ledger}, 1000,
                              [&](const QList<Models::V2ExpandedTransaction> &page) {
                                  for (const auto &tx : page)
                                      ++seen[tx.metadata.value(QStringLiteral("n"))];
                                  return true;
                              });
        const auto walked = walk.result();
        QVERIFY2(walked.ok(), qPrintable(errorOf(walked)));
        total = walked->items;
        int duplicates = 0, lost = 0;
        for (int i = 0; i < kCalls; ++i) {
            const int n = seen.value(QString::number(i));
            duplicates += std::max(0, n - 1);
            lost += n == 0 ? 1 : 0;
        }
        printFigures(QStringLiteral("createTransaction"), kCalls, duplicates, lost);
        QCOMPARE(duplicates, 0);
        QCOMPARE(lost, 0);
        QCOMPARE(total, qint64(kCalls));
        QSet<QString> distinct; // each call got its own transaction
        for (const BigInt &id : ids)
            distinct.insert(id.toString());
        QCOMPARE(distinct.size(), kCalls);
        // world paid 1 + 2 + ... + 1000, to the cent.
        Ledger::V2::V2GetAccountRequest acc;
        acc.ledger = ledger;
        acc.address = QStringLiteral("world");
        acc.expand = QStringLiteral("volumes");
        const auto world = m_direct->ledger().v2().getAccount(acc).result();
        QVERIFY2(world.ok(), qPrintable(errorOf(world)));
        const auto balance = world->body.data.volumes->value(QStringLiteral("USD/2")).balance;
        QVERIFY(balance.has_value());
        QCOMPARE(balance->toString(), BigInt(-kCalls * (kCalls + 1) / 2).toString());
        checkKeys(kCalls);
    }

    // 1,000 wallet credits of n+1 cents, each with metadata n.
    void walletCreditsExactlyOnce() {
        startProxy(0.2);
        Wallets::V1::CreateWalletRequest create;
        create.body = Models::CreateWalletRequest{{}, QStringLiteral("faults-wallet")};
        const auto wallet = m_direct->wallets().v1().createWallet(create).result();
        QVERIFY2(wallet.ok(), qPrintable(errorOf(wallet)));
        const QString id = wallet->body.data.id;
        const auto errors = runAll(kCalls, kConcurrency, [&](int i, std::function<void(QString)> done) {
            Wallets::V1::CreditWalletRequest req;
            req.id = id;
            Models::CreditWalletRequest body;
            body.amount = {QStringLiteral("USD/2"), BigInt(i + 1)};
            body.metadata = QMap<QString, QString>{{QStringLiteral("n"), QString::number(i)}};
            req.body = body;
            m_client->wallets().v1().creditWallet(req).then(this,
                                                            [done](const auto &r) { done(errorOf(r)); });
        });
        QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first()));
        drainProxy();

        QMap<QString, int> seen;
        Wallets::V1::GetTransactionsRequest list;
        list.walletID = id;
        const auto walked =
            walkPages(*m_direct, list, 100, [&](const QList<Models::WalletsTransaction> &page) {
                // The wallet's metadata as the wallets' ledger keeps it, under its prefix.
                for (const auto &tx : page)
                    ++seen[tx.metadata.value(QStringLiteral("wallets/custom_data_n"))];
                return true;
            }).result();
        QVERIFY2(walked.ok(), qPrintable(errorOf(walked)));
        int duplicates = 0, lost = 0;
        for (int i = 0; i < kCalls; ++i) {
            const int n = seen.value(QString::number(i));
            duplicates += std::max(0, n - 1);
            lost += n == 0 ? 1 : 0;
        }
        printFigures(QStringLiteral("creditWallet"), kCalls, duplicates, lost);
        QCOMPARE(duplicates, 0);
        QCOMPARE(lost, 0);
        QCOMPARE(walked->items, qint64(kCalls));
        Wallets::V1::GetWalletRequest get;
        get.id = id;
        const auto after = m_direct->wallets().v1().getWallet(get).result();
        QVERIFY2(after.ok(), qPrintable(errorOf(after)));
        QCOMPARE(after->body.data.balances.main.assets.value(QStringLiteral("USD/2")).toString(),
                 BigInt(kCalls * (kCalls + 1) / 2).toString());
        checkKeys(kCalls);
    }

    // 1,000 metadata writes (key k<n>) on one transaction: each must be logged exactly once.
    void metadataWritesExactlyOnce() {
        startProxy(0.2);
        const QString ledger = QStringLiteral("faults-md");
        QVERIFY(createLedger(ledger));
        Ledger::V2::V2CreateTransactionRequest tx;
        tx.ledger = ledger;
        tx.body.postings = QList<Models::V2Posting>{
            {BigInt(1), QStringLiteral("USD/2"), QStringLiteral("users:md"), QStringLiteral("world")}};
        const auto created = m_direct->ledger().v2().createTransaction(tx).result();
        QVERIFY2(created.ok(), qPrintable(errorOf(created)));
        const BigInt txId = created->body.data.id;

        const auto errors = runAll(kCalls, kConcurrency, [&](int i, std::function<void(QString)> done) {
            Ledger::V2::V2AddMetadataOnTransactionRequest req;
            req.ledger = ledger;
            req.id = txId;
            req.body = Models::V2Metadata{{QStringLiteral("k%1").arg(i), QString::number(i)}};
            m_client->ledger().v2().addMetadataOnTransaction(req).then(
                this, [done](const auto &r) { done(errorOf(r)); });
        });
        QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first()));
        drainProxy();

        QMap<QString, int> seen; // key -> SET_METADATA logs writing it
        const auto walked = walkPages(*m_direct, Ledger::V2::V2ListLogsRequest{.ledger = ledger}, 1000,
                                      [&](const QList<Models::V2Log> &page) {
                                          for (const auto &log : page) {
                                              if (log.type.value() != Models::V2LogType::SetMetadata)
                                                  continue;
                                              const auto doc = Json::Document::parse(log.data.json());
                                              if (!doc)
                                                  continue;
                                              for (const auto &[k, v] : doc->root()["metadata"].members())
                                                  ++seen[QString::fromUtf8(k.data(), qsizetype(k.size()))];
                                          }
                                          return true;
                                      })
                                .result();
        QVERIFY2(walked.ok(), qPrintable(errorOf(walked)));
        int duplicates = 0, lost = 0;
        for (int i = 0; i < kCalls; ++i) {
            const int n = seen.value(QStringLiteral("k%1").arg(i));
            duplicates += std::max(0, n - 1);
            lost += n == 0 ? 1 : 0;
        }
        printFigures(QStringLiteral("addMetadataOnTransaction"), kCalls, duplicates, lost);
        QCOMPARE(duplicates, 0);
        QCOMPARE(lost, 0);
        Ledger::V2::V2GetTransactionRequest get;
        get.ledger = ledger;
        get.id = txId;
        const auto after = m_direct->ledger().v2().getTransaction(get).result();
        QVERIFY2(after.ok(), qPrintable(errorOf(after)));
        QCOMPARE(after->body.data.metadata.size(), kCalls);
        checkKeys(kCalls);
    }

    // 200 calls in flight at all times for 12 s, through the same faults (stalls apart: with Qt's
    // six connections per host they would only measure queueing), while the sandbox's tokens live
    // 3 s: the SDK renews each at 80 % of its life, once for all 200 callers, and no call fails.
    void concurrentCallsWhileTokensExpire() {
        constexpr int kTtlSeconds = 3;
        constexpr qint64 kRunMs = 12000;
        Sandbox::SandboxThread sandbox;
        Sandbox::Options options;
        options.tokenTtlSeconds = kTtlSeconds;
        QString error;
        QVERIFY2(sandbox.start(options, &error), qPrintable(error));
        {
            Client setup(configFor(sandbox.port()));
            Ledger::V2::V2CreateLedgerRequest req;
            req.ledger = QStringLiteral("faults-tokens");
            QVERIFY(setup.ledger().v2().createLedger(req).result().ok());
        }
        m_proxy = std::make_unique<FaultProxy>(sandbox.port(), kSeed);
        m_proxy->setFaultRate(0.2);
        QList<Fault> kinds = allFaults();
        kinds.removeAll(Fault::StallPastTimeout);
        m_proxy->setFaults(kinds);
        m_proxy->setFaultFilter([](const ProxiedRequest &r) { return !isTokenRequest(r); });
        QList<qint64> fetchTimes;
        QElapsedTimer clock;
        clock.start();
        m_proxy->setObserver([&](const ProxiedRequest &r) {
            if (isTokenRequest(r))
                fetchTimes.append(clock.elapsed());
        });
        QVERIFY(m_proxy->listen());
        SdkConfig config = configFor(m_proxy->port(), faultRetries());
        config.timeoutMs = 10000; // 200 calls share Qt's six connections: queueing is not a fault
        m_client = std::make_unique<Client>(config);

        QStringList errors;
        int maxInFlight = 0, inFlight = 0;
        const int calls = runFor(kRunMs, 200, &errors, [&](int i, std::function<void(QString)> done) {
            maxInFlight = std::max(maxInFlight, ++inFlight);
            auto finish = [&inFlight, done](const QString &e) {
                --inFlight;
                done(e);
            };
            if (i % 2) {
                Ledger::V2::V2GetLedgerRequest req;
                req.ledger = QStringLiteral("faults-tokens");
                m_client->ledger().v2().getLedger(req).then(this,
                                                            [finish](const auto &r) { finish(errorOf(r)); });
            } else {
                Ledger::V2::V2CreateTransactionRequest req;
                req.ledger = QStringLiteral("faults-tokens");
                req.body.postings =
                    QList<Models::V2Posting>{{BigInt(1), QStringLiteral("USD/2"),
                                              QStringLiteral("users:%1").arg(i), QStringLiteral("world")}};
                req.body.metadata = {{QStringLiteral("n"), QString::number(i)}};
                m_client->ledger().v2().createTransaction(req).then(
                    this, [finish](const auto &r) { finish(errorOf(r)); });
            }
        });
        const qint64 wall = clock.elapsed();
        const int fetches = int(fetchTimes.size());
        const auto &s = m_proxy->stats();
        QStringList gaps;
        for (qsizetype k = 1; k < fetchTimes.size(); ++k)
            gaps << QString::number(fetchTimes[k] - fetchTimes[k - 1]);
        qInfo().noquote() << QStringLiteral("FIGURES tokens: calls %1 (at most %2 in flight), token "
                                            "lifetime %3 s, token fetches %4 (ms between them: %5), "
                                            "401 answers %6, faults injected %7 (%8), failed %9, wall "
                                            "time %10 ms")
                                 .arg(calls)
                                 .arg(maxInFlight)
                                 .arg(kTtlSeconds)
                                 .arg(fetches)
                                 .arg(gaps.join(u','))
                                 .arg(s.upstreamStatuses.value(401))
                                 .arg(s.faultTotal())
                                 .arg(s.faultSummary())
                                 .arg(errors.size())
                                 .arg(wall);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first()));
        QCOMPARE(maxInFlight, 200);
        // Renewed at 80 % of 3 s: fetch k happens no sooner than 2.4 k s after the first, so at most
        // one per period (a stampede or a needless refetch breaks this), and at least 4 in 12 s.
        QVERIFY2(fetches >= 4, qPrintable(QString::number(fetches)));
        QVERIFY2(fetches <= 1 + wall / 2400,
                 qPrintable(QStringLiteral("%1 in %2 ms").arg(fetches).arg(wall)));
        for (qsizetype k = 1; k < fetchTimes.size(); ++k)
            QVERIFY2(fetchTimes[k] - fetchTimes[k - 1] >= 2300, qPrintable(gaps.join(u',')));
        QCOMPARE(s.upstreamStatuses.value(401), 0); // no call ever went out with an expired token
        m_client.reset();
        m_proxy.reset();
        sandbox.stop();
    }
};

QTEST_GUILESS_MAIN(TestFaultsExactlyOnce)
#include "tst_faults_exactly_once.moc"
