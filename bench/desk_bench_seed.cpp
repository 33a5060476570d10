// desk-bench-seed DIR [N] [LEDGER]: a sandbox data directory holding one ledger of N transactions
// (default 1,000,000, ledger "bench"), for formance-sandbox --data DIR and the app benches.
// Written through the sandbox's own PostingEngine in batch mode (funds checked, volumes, moves,
// accounts and the hash-chained log exactly as the API would write them), 50,000 transactions per
// SQLite transaction: the fastest path that stays correct. Prints the time it took.
#include "ledger/AmountKey.h"
#include "ledger/LedgerStore.h"
#include "ledger/PostingEngine.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>

#include <cstdio>

using namespace Formance;
using namespace Formance::Sandbox;

namespace {
// splitmix64: deterministic on every platform.
struct Rng {
    quint64 s;
    quint64 next() {
        quint64 z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    qint64 range(qint64 lo, qint64 hi) { return lo + qint64(next() % quint64(hi - lo + 1)); }
};

const char *const kMerchants[] = {"acme",  "bluebottle", "northwind", "globex",    "initech", "umbrella",
                                  "stark", "wayne",      "tyrell",    "cyberdyne", "hooli",   "wonka"};
const char *const kChannels[] = {"card", "sepa", "ach", "wallet"};
constexpr int kUsers = 20000;
constexpr int kBatch = 50000;
} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        fprintf(stderr, "usage: desk-bench-seed DIR [TRANSACTIONS] [LEDGER]\n");
        return 2;
    }
    const QString dir = QString::fromLocal8Bit(argv[1]);
    const int total = argc > 2 ? QByteArray(argv[2]).toInt() : 1000000;
    const QString ledger = argc > 3 ? QString::fromLocal8Bit(argv[3]) : QStringLiteral("bench");
    QDir().mkpath(dir);
    const QString file = QDir(dir).filePath(QStringLiteral("sandbox.sqlite"));
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(file + QLatin1String(suffix));

    QElapsedTimer timer;
    timer.start();
    LedgerStore store;
    PostingEngine engine(store);
    QString error;
    if (!store.open(file, &error)) {
        fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    // A bulk load: no fsync per batch (a crash mid-seed just means seeding again).
    store.query(QStringLiteral("PRAGMA synchronous=OFF"));
    if (auto l =
            engine.createLedger(ledger, QStringLiteral("bench"),
                                {{QStringLiteral("description"), QStringLiteral("A million transactions")}});
        !l) {
        fprintf(stderr, "%s\n", qPrintable(l.error().message));
        return 1;
    }
    const QStringList assets = {QStringLiteral("USD/2"), QStringLiteral("EUR/2"), QStringLiteral("ETH/18")};
    const qint64 start = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    const qint64 span = 365LL * 24 * 3600;
    QHash<QString, BigInt> balances; // account + asset: what the generator may spend
    Rng rng{13};
    const BigInt wei = BigInt::fromString("1000000000000000").value(); // 10^15: a milli-ETH
    int written = 0;
    while (written < total) {
        store.begin();
        engine.setBatch(true);
        const int end = std::min(total, written + kBatch);
        for (int i = written; i < end; ++i) {
            const qint64 t = start + span * i / total;
            const QString ts =
                canonicalTime(Timestamp::fromSecsSinceEpoch(t, int(rng.range(0, 999)) * 1000000));
            const QString &asset = assets[rng.range(0, 9) < 6 ? 0 : rng.range(0, 3) < 3 ? 1 : 2];
            const QString user =
                QStringLiteral("users:%1").arg(rng.range(0, kUsers - 1), 5, 10, QLatin1Char('0'));
            const QString merchant =
                QStringLiteral("merchants:%1")
                    .arg(QLatin1String(kMerchants[rng.range(0, std::size(kMerchants) - 1)]));
            NewTransaction tx;
            tx.timestamp = ts;
            tx.insertedAt = ts;
            BigInt &userBalance = balances[user + asset];
            const qint64 kind = rng.range(1, 100);
            if (kind <= 40 || userBalance.isZero()) {
                // ETH deposits in wei; one in fifty is past 2^64 (18.4 ETH).
                const BigInt amount =
                    asset == QLatin1String("ETH/18")
                        ? BigInt(rng.range(0, 49) == 0 ? rng.range(20000, 900000) : rng.range(10, 5000)) * wei
                        : BigInt(rng.range(500, 250000));
                tx.postings = {{QStringLiteral("world"), user, asset, amount}};
                tx.reference = QStringLiteral("dep-%1").arg(i);
                tx.metadata = {{QStringLiteral("type"), QStringLiteral("deposit")},
                               {QStringLiteral("channel"), QLatin1String(kChannels[rng.range(0, 3)])}};
                userBalance += amount;
            } else {
                // A purchase of part of the balance, 2.5% of it to the platform; the merchant is
                // paid out now and then.
                const QString digits = userBalance.toString();
                const BigInt price =
                    digits.size() > 1 ? BigInt::fromString(digits.chopped(1)).value() : userBalance;
                const QString feeDigits = price.toString();
                const BigInt fee =
                    feeDigits.size() > 2 ? BigInt::fromString(feeDigits.chopped(2)).value() : BigInt();
                tx.postings = {{user, merchant, asset, price - fee}};
                if (!fee.isZero())
                    tx.postings.append({user, QStringLiteral("platform:fees"), asset, fee});
                tx.metadata = {
                    {QStringLiteral("type"), QStringLiteral("purchase")},
                    {QStringLiteral("order"), QStringLiteral("ord_%1").arg(i, 8, 10, QLatin1Char('0'))},
                    {QStringLiteral("channel"), QLatin1String(kChannels[rng.range(0, 3)])}};
                userBalance -= price;
                BigInt &mb = balances[merchant + asset];
                mb += price - fee;
                if (kind > 97) {
                    tx.postings.append(
                        {merchant, QStringLiteral("payouts:%1").arg(rng.range(1, 40)), asset, mb});
                    tx.metadata.insert(QStringLiteral("payout"), QStringLiteral("po_%1").arg(i));
                    mb = BigInt();
                }
            }
            auto done = engine.createTransaction(ledger, tx, false);
            if (!done) {
                fprintf(stderr, "transaction %d: %s\n", i, qPrintable(done.error().message));
                return 1;
            }
        }
        engine.setBatch(false);
        store.commit();
        written = end;
        fprintf(stderr, "\r%d / %d (%lld s)", written, total, timer.elapsed() / 1000);
    }
    store.query(QStringLiteral("ANALYZE"));
    store.query(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    printf("\n%d transactions in ledger '%s' of %s in %.1f s (%.0f/s)\n", total, qPrintable(ledger),
           qPrintable(dir), timer.elapsed() / 1000.0, total * 1000.0 / std::max<qint64>(1, timer.elapsed()));
    return 0;
}
