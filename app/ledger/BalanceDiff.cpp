#include "BalanceDiff.h"

#include "core/CallHolder.h"
#include "core/MetadataChanges.h"
#include <Formance/Client.h>
#include <Formance/Money.h>
#include <Formance/json/JsonWriter.h>
#include <Formance/ledger/v2/LedgerV2Api.h>

#include <memory>

using namespace Formance;

namespace BalanceDiff {

namespace {
// Addresses per listAccounts read: well under a stack's filter limits and one page each.
constexpr int kChunk = 50;

struct Line {
    QString account, asset;
    BigInt before, delta;
};

QByteArray addressesQuery(const QStringList &addresses) {
    Json::Writer w;
    w.beginObject();
    w.key("$or");
    w.beginArray();
    for (const QString &a : addresses) {
        w.beginObject();
        w.key("$match");
        w.beginObject();
        w.key("address");
        w.value(a);
        w.endObject();
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return w.take();
}
} // namespace

void compute(CallHolder *call, Client *client, const QString &ledger, const QList<Move> &moves,
             std::function<void(const QVariantList &rows)> done) {
    auto lines = std::make_shared<QList<Line>>();
    auto lineFor = [lines](const QString &account, const QString &asset) -> Line & {
        for (Line &l : *lines)
            if (l.account == account && l.asset == asset)
                return l;
        lines->append({account, asset, {}, {}});
        return lines->last();
    };
    QStringList accounts;
    for (const Move &m : moves) {
        lineFor(m.source, m.asset).delta -= m.amount;
        lineFor(m.destination, m.asset).delta += m.amount;
        for (const QString &a : {m.source, m.destination})
            if (!accounts.contains(a))
                accounts.append(a);
    }
    QList<WriteStep> reads;
    for (qsizetype i = 0; i < accounts.size(); i += kChunk) {
        const QStringList chunk = accounts.mid(i, kChunk);
        reads.append([call, client, ledger, lines, chunk](auto next) {
            Ledger::V2::V2ListAccountsRequest request{.ledger = ledger,
                                                      .pageSize = qint64(chunk.size()),
                                                      .expand = QStringLiteral("volumes"),
                                                      .body = Json::Any::fromJson(addressesQuery(chunk))};
            call->start(client->ledger().v2().listAccounts(request), [lines, next](const auto &body) {
                for (const auto &account : body.cursor.data)
                    if (account.volumes)
                        for (Line &l : *lines)
                            if (l.account == account.address && account.volumes->contains(l.asset)) {
                                const auto v = account.volumes->value(l.asset);
                                l.before = v.balance.value_or(v.input - v.output);
                            }
                next();
            });
        });
    }
    runInOrder(reads, [lines, done] {
        QVariantList rows;
        for (const Line &l : *lines)
            rows.append(QVariantMap{{"account", l.account},
                                    {"asset", l.asset},
                                    {"before", Money::format(l.before, l.asset)},
                                    {"after", Money::format(l.before + l.delta, l.asset)},
                                    {"negative", (l.before + l.delta).isNegative()}});
        done(rows);
    });
}

QVariantList overdrawn(const QVariantList &rows) {
    QVariantList out;
    for (const QVariant &v : rows) {
        const QVariantMap r = v.toMap();
        if (r.value("negative").toBool() && r.value("account").toString() != QLatin1String("world"))
            out.append(r);
    }
    return out;
}

} // namespace BalanceDiff
