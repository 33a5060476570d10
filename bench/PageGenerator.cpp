#include "PageGenerator.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace FormanceBench {

namespace {

using u128 = unsigned __int128;
using i128 = __int128;

// SplitMix64: tiny, fast, and the same numbers on every platform (std distributions are not).
struct Rng {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::uint64_t below(std::uint64_t n) { return next() % n; }
};

void appendU128(QByteArray &out, u128 v) {
    char buf[48];
    int n = 0;
    do {
        buf[n++] = char('0' + int(v % 10));
        v /= 10;
    } while (v != 0);
    while (n > 0)
        out.append(buf[--n]);
}

void appendI128(QByteArray &out, i128 v) {
    if (v < 0) {
        out.append('-');
        appendU128(out, u128(-v));
    } else {
        appendU128(out, u128(v));
    }
}

void appendTimestamp(QByteArray &out, qint64 secs, int micros) {
    out.append(QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc())
                   .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
                   .toLatin1());
    char frac[8];
    std::snprintf(frac, sizeof frac, ".%06d", micros);
    out.append(frac);
    out.append('Z');
}

const std::array<const char *, 5> kAssets = {"USD/2", "EUR/2", "BTC/8", "ETH/18", "COIN"};
const std::array<const char *, 6> kPsps = {"stripe", "adyen", "wise", "modulr", "checkout", "mangopay"};
const std::array<const char *, 4> kKinds = {"deposit", "payout", "transfer", "fee"};

std::string account(Rng &rng) {
    switch (rng.below(6)) {
    case 0:
        return "world";
    case 1:
        return "platform:fees";
    case 2:
        return "merchants:" + std::to_string(rng.below(500)) + ":main";
    case 3:
        return "banks:" + std::to_string(rng.below(20)) + ":settlement";
    default:
        return "users:" + std::to_string(100000 + rng.below(900000)) + ":wallet";
    }
}

struct Posting {
    std::string source, destination, asset;
    u128 amount;
};

struct Volume {
    std::string account, asset;
    u128 input, output;
};

void appendVolumes(QByteArray &out, std::vector<Volume> volumes) {
    out.append('{');
    // Grouped by account, then asset, keys sorted as the ledger (Go's encoding/json) sends them.
    std::sort(volumes.begin(), volumes.end(), [](const Volume &a, const Volume &b) {
        return a.account != b.account ? a.account < b.account : a.asset < b.asset;
    });
    std::vector<bool> done(volumes.size(), false);
    bool firstAccount = true;
    for (size_t i = 0; i < volumes.size(); ++i) {
        if (done[i])
            continue;
        if (!firstAccount)
            out.append(',');
        firstAccount = false;
        out.append('"').append(volumes[i].account.c_str()).append("\":{");
        bool firstAsset = true;
        for (size_t j = i; j < volumes.size(); ++j) {
            if (done[j] || volumes[j].account != volumes[i].account)
                continue;
            done[j] = true;
            if (!firstAsset)
                out.append(',');
            firstAsset = false;
            out.append('"').append(volumes[j].asset.c_str()).append("\":{\"input\":");
            appendU128(out, volumes[j].input);
            out.append(",\"output\":");
            appendU128(out, volumes[j].output);
            out.append(",\"balance\":");
            appendI128(out, i128(volumes[j].input) - i128(volumes[j].output));
            out.append('}');
        }
        out.append('}');
    }
    out.append('}');
}

void appendTransaction(QByteArray &out, qint64 index, bool firstOfPage) {
    Rng rng{std::uint64_t(index) * 0x2545F4914F6CDD1Dull + 17};
    const qint64 id = 10'000'000 - index; // newest first
    const bool big = firstOfPage || rng.below(25) == 0;

    std::vector<Posting> postings(size_t(1 + rng.below(4)));
    const char *asset = kAssets[rng.below(kAssets.size())];
    for (size_t p = 0; p < postings.size(); ++p) {
        Posting &posting = postings[p];
        posting.source = p == 0 ? (rng.below(3) == 0 ? "world" : account(rng)) : postings[p - 1].destination;
        do {
            posting.destination = account(rng);
        } while (posting.destination == posting.source);
        posting.asset = asset;
        posting.amount = 1 + rng.below(10'000'000);
        if (big)
            posting.amount = (u128(1) << 64) * u128(1 + rng.below(1000)) + rng.below(100000);
    }
    if (firstOfPage)
        postings[0].amount = (u128(1) << 64) * 3 + 12345;

    // Volumes of every (account, asset) touched: before, and after the postings.
    std::vector<Volume> pre;
    auto volumeOf = [&](const std::string &acc, const std::string &as) -> Volume & {
        for (Volume &v : pre)
            if (v.account == acc && v.asset == as)
                return v;
        const u128 scale = big ? (u128(1) << 70) : (u128(1) << 40);
        const u128 in = (u128(rng.next()) << 32 | rng.next()) % scale;
        const u128 outv = (u128(rng.next()) << 32 | rng.next()) % scale;
        pre.push_back({acc, as, in, outv});
        return pre.back();
    };
    for (const Posting &p : postings) {
        volumeOf(p.source, p.asset);
        volumeOf(p.destination, p.asset);
    }
    std::vector<Volume> post = pre;
    for (const Posting &p : postings) {
        for (Volume &v : post) {
            if (v.asset != p.asset)
                continue;
            if (v.account == p.source)
                v.output += p.amount;
            if (v.account == p.destination)
                v.input += p.amount;
        }
    }

    out.append("{\"postings\":[");
    for (size_t p = 0; p < postings.size(); ++p) {
        if (p)
            out.append(',');
        out.append("{\"source\":\"").append(postings[p].source.c_str());
        out.append("\",\"destination\":\"").append(postings[p].destination.c_str());
        out.append("\",\"amount\":");
        appendU128(out, postings[p].amount);
        out.append(",\"asset\":\"").append(postings[p].asset.c_str()).append("\"}");
    }
    // Metadata keys sorted, as the ledger sends them.
    const char *kind = kKinds[rng.below(kKinds.size())];
    const char *psp = kPsps[rng.below(kPsps.size())];
    const QByteArray orderId = QByteArray::number(qulonglong(rng.next() % 100'000'000'000ull));
    const bool note = rng.below(3) == 0;
    out.append("],\"metadata\":{");
    out.append("\"kind\":\"").append(kind).append('"');
    if (note)
        out.append(",\"note\":\"Invoice #")
            .append(QByteArray::number(index))
            .append(" \\u2014 \\\"express\\\" delivery\"");
    out.append(",\"order_id\":\"ord_").append(orderId).append('"');
    out.append(",\"psp\":\"").append(psp).append('"');
    out.append("},\"timestamp\":\"");
    const qint64 secs = 1'748'736'000 - index * 17 / 10; // 2025-06-01, going back ~1.7 s per transaction
    appendTimestamp(out, secs, int(rng.below(1'000'000)));
    out.append('"');
    if (rng.below(3) == 0)
        out.append(",\"reference\":\"ref-").append(QByteArray::number(id)).append('"');
    out.append(",\"insertedAt\":\"");
    appendTimestamp(out, secs + 1, int(rng.below(1'000'000)));
    out.append("\",\"id\":").append(QByteArray::number(id));
    out.append(",\"reverted\":").append(rng.below(50) == 0 ? "true" : "false");
    out.append(",\"preCommitVolumes\":");
    appendVolumes(out, pre);
    out.append(",\"postCommitVolumes\":");
    appendVolumes(out, post);
    out.append('}');
}

} // namespace

QByteArray transactionsPage(const PageSpec &spec) {
    QByteArray out;
    out.reserve(qsizetype(spec.transactions) * 1300 + 256);
    out.append("{\"cursor\":{\"pageSize\":").append(QByteArray::number(spec.transactions));
    out.append(",\"hasMore\":").append(spec.next.isEmpty() ? "false" : "true");
    if (!spec.previous.isEmpty())
        out.append(",\"previous\":\"").append(spec.previous.toUtf8()).append('"');
    if (!spec.next.isEmpty())
        out.append(",\"next\":\"").append(spec.next.toUtf8()).append('"');
    out.append(",\"data\":[");
    for (int i = 0; i < spec.transactions; ++i) {
        if (i)
            out.append(',');
        appendTransaction(out, qint64(spec.page) * spec.transactions + i, i == 0);
    }
    out.append("]}}");
    return out;
}

} // namespace FormanceBench
