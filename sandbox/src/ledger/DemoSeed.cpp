#include "DemoSeed.h"

#include "AmountKey.h"
#include "LedgerStore.h"
#include "PostingEngine.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include <map>

namespace Formance::Sandbox {

namespace {

// splitmix64: tiny, and identical on every platform (std distributions are not).
class Rng {
public:
    explicit Rng(quint64 seed)
        : m_s(seed) {}
    quint64 next() {
        quint64 z = (m_s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    qint64 range(qint64 lo, qint64 hi) { return lo + qint64(next() % quint64(hi - lo + 1)); } // inclusive
    bool chance(int percent) { return range(1, 100) <= percent; }

private:
    quint64 m_s;
};

struct LedgerPlan {
    const char *name;
    const char *description;
    QList<QString> assets;
    int transactions;
    quint64 seed;
};

const char *const kMerchants[] = {"acme",      "bluebottle", "northwind",    "globex",   "initech",
                                  "umbrella",  "stark",      "wayne",        "tyrell",   "cyberdyne",
                                  "soylent",   "hooli",      "piedpiper",    "vandelay", "wonka",
                                  "gringotts", "oscorp",     "dundermifflin"};
const char *const kTiers[] = {"bronze", "silver", "gold", "platinum"};
const char *const kChannels[] = {"card", "sepa", "ach", "wallet"};
const char *const kCategories[] = {"food", "travel", "software", "retail", "services"};

// A plausible amount in minor units for the asset.
BigInt depositAmount(Rng &rng, const QString &asset) {
    if (asset == QLatin1String("ETH/18")) {
        // 0.01 .. 5 ETH, and now and then a whale past 2^64 (18.4 ETH): up to 5000 ETH.
        const BigInt milli = rng.chance(2) ? BigInt(rng.range(20000, 5000000)) : BigInt(rng.range(10, 5000));
        return milli * BigInt(qint64(1000000000000000)); // 10^15 wei per milli-ETH
    }
    return BigInt(rng.range(20, 2500) * 100 + rng.range(0, 99));
}

// value / 10^n, truncated, for non-negative values (BigInt has no division).
BigInt divPow10(const BigInt &value, int n) {
    const QString digits = value.toString();
    return digits.size() <= n ? BigInt() : BigInt::fromString(digits.chopped(n)).value_or(BigInt());
}

} // namespace

bool DemoSeed::generate(LedgerStore &store, PostingEngine &engine, QString *error) {
    const QList<LedgerPlan> plans = {
        {"demo-retail",
         "Card payments for a retail marketplace",
         {QStringLiteral("USD/2"), QStringLiteral("EUR/2")},
         14000,
         101},
        {"demo-payouts",
         "Merchant payouts across Europe",
         {QStringLiteral("EUR/2"), QStringLiteral("USD/2")},
         11000,
         202},
        {"demo-crypto",
         "A crypto wallet service",
         {QStringLiteral("ETH/18"), QStringLiteral("USD/2")},
         9000,
         303},
    };
    const qint64 start = QDateTime(QDate(2025, 7, 1), QTime(8, 0), Qt::UTC).toSecsSinceEpoch();
    const qint64 span = 120LL * 24 * 3600; // four months

    store.begin();
    engine.setBatch(true);
    auto failWith = [&](const QString &m) {
        engine.abandonBatch();
        store.rollback();
        if (error)
            *error = m;
        return false;
    };
    try {
        for (const LedgerPlan &plan : plans) {
            const QString ledger = QString::fromLatin1(plan.name);
            auto created =
                engine.createLedger(ledger, QStringLiteral("demo"),
                                    {{QStringLiteral("description"), QString::fromLatin1(plan.description)},
                                     {QStringLiteral("environment"), QStringLiteral("demo")}});
            if (!created)
                return failWith(created.error().message);
            Rng rng(plan.seed);
            const int users = 400;
            std::map<std::pair<QString, QString>, BigInt> balances; // what the generator knows it can spend
            for (int m = 0; m < int(std::size(kMerchants)); ++m) {
                const QString acc = QStringLiteral("merchants:%1").arg(QLatin1String(kMerchants[m]));
                engine.setMetadata(ledger, TargetType::Account, acc,
                                   {{QStringLiteral("name"), QString::fromLatin1(kMerchants[m])},
                                    {QStringLiteral("category"), QString::fromLatin1(kCategories[m % 5])}});
            }
            for (int u = 0; u < users; u += 7)
                engine.setMetadata(ledger, TargetType::Account,
                                   QStringLiteral("users:%1").arg(u, 4, 10, QLatin1Char('0')),
                                   {{QStringLiteral("tier"), QString::fromLatin1(kTiers[u % 4])}});
            QList<qint64> refundable;
            for (int i = 0; i < plan.transactions; ++i) {
                const qint64 t = start + span * i / plan.transactions + rng.range(0, 59);
                const QString ts =
                    canonicalTime(Timestamp::fromSecsSinceEpoch(t, int(rng.range(0, 999)) * 1000000));
                const QString asset = plan.assets[rng.chance(75) ? 0 : 1];
                const QString user =
                    QStringLiteral("users:%1").arg(rng.range(0, users - 1), 4, 10, QLatin1Char('0'));
                const QString merchant =
                    QStringLiteral("merchants:%1")
                        .arg(QLatin1String(kMerchants[rng.range(0, std::size(kMerchants) - 1)]));
                const int kind = int(rng.range(1, 100));
                NewTransaction tx;
                tx.timestamp = ts;
                tx.insertedAt = ts;
                BigInt &userBal = balances[{user, asset}];
                if (kind <= 35 || userBal.isZero()) {
                    const BigInt amount = depositAmount(rng, asset);
                    tx.postings = {{QStringLiteral("world"), user, asset, amount}};
                    tx.metadata = {
                        {QStringLiteral("type"), QStringLiteral("deposit")},
                        {QStringLiteral("channel"), QString::fromLatin1(kChannels[rng.range(0, 3)])}};
                    tx.reference = QStringLiteral("dep-%1-%2").arg(ledger).arg(i);
                    userBal += amount;
                } else if (kind <= 85) {
                    // A purchase of up to half the user's balance, 2.5% of it to the platform.
                    const qint64 pct = rng.range(5, 50);
                    const BigInt price = divPow10(userBal * BigInt(pct), 2);
                    if (price.isZero() || price > userBal)
                        continue;
                    const BigInt fee = divPow10(price * BigInt(25), 3);
                    tx.postings = {{user, merchant, asset, price - fee}};
                    if (!fee.isZero())
                        tx.postings.append({user, QStringLiteral("platform:fees"), asset, fee});
                    tx.metadata = {
                        {QStringLiteral("type"), QStringLiteral("purchase")},
                        {QStringLiteral("order"),
                         QStringLiteral("ord_%1").arg(rng.next() % 100000000, 8, 10, QLatin1Char('0'))}};
                    userBal -= price;
                    balances[{merchant, asset}] += price - fee;
                } else {
                    BigInt &mb = balances[{merchant, asset}];
                    if (mb.isZero())
                        continue;
                    tx.postings = {{merchant, QStringLiteral("world"), asset, mb}};
                    tx.metadata = {
                        {QStringLiteral("type"), QStringLiteral("payout")},
                        {QStringLiteral("bank"), QStringLiteral("iban-%1").arg(rng.range(1000, 9999))}};
                    mb = BigInt();
                }
                auto done = engine.createTransaction(ledger, tx, false);
                if (!done)
                    return failWith(
                        QStringLiteral("demo transaction %1: %2").arg(i).arg(done.error().message));
                if (tx.metadata.value(QStringLiteral("type")) == QLatin1String("purchase"))
                    refundable << done->id;
                // About one purchase in a hundred is refunded, right away, by a revert.
                if (!refundable.isEmpty() && rng.chance(1)) {
                    const qint64 id = refundable.takeLast();
                    auto original = store.transaction(ledger, id);
                    // Refunded a few minutes later, recorded then.
                    const QString at = canonicalTime(Timestamp::fromSecsSinceEpoch(t + rng.range(60, 900)));
                    auto reverted = engine.revert(ledger, id, false, false, false, at);
                    if (reverted && original)
                        for (const Posting &p : original->postings) {
                            balances[{p.destination, p.asset}] -= p.amount;
                            balances[{p.source, p.asset}] += p.amount;
                        }
                }
            }
        }
    } catch (const std::exception &e) {
        return failWith(QString::fromUtf8(e.what()));
    }
    engine.setBatch(false);
    store.commit();
    return true;
}

QString DemoSeed::ensureCache(const QString &dir, QString *error) {
    const QString path = QDir(dir).filePath(QStringLiteral("formance-sandbox-demo-v%1.sqlite").arg(kVersion));
    if (QFile::exists(path))
        return path;
    QDir().mkpath(dir);
    // Generate beside it and rename, so concurrent starts never read a half-written cache.
    const QString tmp = path + QStringLiteral(".%1.tmp").arg(QRandomGenerator::global()->generate());
    {
        // Generated in memory (no journal, no fsync) and written out in one go.
        LedgerStore store;
        PostingEngine engine(store);
        if (!store.open(QString(), error) || !generate(store, engine, error))
            return QString();
        try {
            store.query(QStringLiteral("VACUUM INTO ?"), {tmp});
        } catch (const std::exception &e) {
            if (error)
                *error = QString::fromUtf8(e.what());
            QFile::remove(tmp);
            return QString();
        }
    }
    if (!QFile::rename(tmp, path) && !QFile::exists(path)) {
        if (error)
            *error = QStringLiteral("cannot write the demo cache %1").arg(path);
        QFile::remove(tmp);
        return QString();
    }
    QFile::remove(tmp);
    return path;
}

} // namespace Formance::Sandbox
