#include "LedgerV2Api.h"
#include "V2Support.h"

#include "ledger/AmountKey.h"

namespace Formance::Sandbox {

using namespace V2;

VolumeMap LedgerV2Api::volumesAt(const QString &ledger, const QStringList &accounts,
                                 const std::optional<QString> &pit, const std::optional<QString> &oot,
                                 bool byInsertion) {
    VolumeMap out;
    if (accounts.isEmpty())
        return out;
    if (!pit && !oot) {
        // Current volumes are maintained on every write.
        for (const QString &acc : accounts) {
            QSqlQuery q = m_store.query(
                QStringLiteral("SELECT asset, input, output FROM volumes WHERE ledger = ? AND account = ?"),
                {ledger, acc});
            while (q.next())
                out[acc][q.value(0).toString()] =
                    Volume{BigInt::fromString(q.value(1).toString()).value_or(BigInt()),
                           BigInt::fromString(q.value(2).toString()).value_or(BigInt())};
        }
        return out;
    }
    const QString col = byInsertion ? QStringLiteral("inserted_at") : QStringLiteral("ts");
    for (const QString &acc : accounts) {
        QString sql =
            QStringLiteral("SELECT asset, amount, is_source FROM moves WHERE ledger = ? AND account = ?");
        QVariantList binds{ledger, acc};
        if (pit) {
            sql += QStringLiteral(" AND %1 <= ?").arg(col);
            binds << *pit;
        }
        if (oot) {
            sql += QStringLiteral(" AND %1 >= ?").arg(col);
            binds << *oot;
        }
        QSqlQuery q = m_store.query(sql, binds);
        while (q.next()) {
            Volume &v = out[acc][q.value(0).toString()];
            const BigInt amount = BigInt::fromString(q.value(1).toString()).value_or(BigInt());
            if (q.value(2).toInt())
                v.output += amount;
            else
                v.input += amount;
        }
    }
    return out;
}

Reply LedgerV2Api::aggregateBalances(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto l = m_engine.requireLedger(ledger);
    if (!l)
        return l.error();
    auto filter = accountFilter(r.body);
    if (!filter)
        return filter.error();
    auto pit = timeParam(r.queryValue(QStringLiteral("pit")), QStringLiteral("pit"));
    if (!pit)
        return pit.error();
    auto byInsertion = boolParam(r, QStringLiteral("useInsertionDate"));
    if (!byInsertion)
        return byInsertion.error();
    std::map<QString, BigInt> sums;
    const QString accounts =
        QStringLiteral("SELECT a.address FROM accounts a WHERE a.ledger = ? AND (%1)").arg(filter->sql);
    QSqlQuery q;
    if (pit.value())
        q = m_store.query(
            QStringLiteral("SELECT asset, amount, is_source FROM moves WHERE ledger = ? AND %1 <= ? AND "
                           "account IN (%2)")
                .arg(byInsertion.value() ? QStringLiteral("inserted_at") : QStringLiteral("ts"), accounts),
            QVariantList{ledger, *pit.value(), ledger} + filter->binds);
    else
        q = m_store.query(
            QStringLiteral("SELECT asset, input, output FROM volumes WHERE ledger = ? AND account IN (%1)")
                .arg(accounts),
            QVariantList{ledger, ledger} + filter->binds);
    while (q.next()) {
        BigInt &sum = sums[q.value(0).toString()];
        if (pit.value()) {
            const BigInt amount = BigInt::fromString(q.value(1).toString()).value_or(BigInt());
            sum += q.value(2).toInt() ? -amount : amount;
        } else {
            sum += BigInt::fromString(q.value(1).toString()).value_or(BigInt()) -
                   BigInt::fromString(q.value(2).toString()).value_or(BigInt());
        }
    }
    return dataResponse([&](Json::Writer &w) {
        w.beginObject();
        for (const auto &[asset, sum] : sums) {
            w.key(asset);
            w.value(sum);
        }
        w.endObject();
    });
}

Reply LedgerV2Api::volumes(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto l = m_engine.requireLedger(ledger);
    if (!l)
        return l.error();
    auto c = listQuery(r, {QStringLiteral("endTime"), QStringLiteral("startTime"),
                           QStringLiteral("insertionDate"), QStringLiteral("groupBy")});
    if (!c)
        return c.error();
    const auto &p = c->query.params;
    auto filter = accountFilter(c->query.body);
    if (!filter)
        return filter.error();
    auto end = timeParam(p.value(QStringLiteral("endTime")), QStringLiteral("endTime"));
    auto start = timeParam(p.value(QStringLiteral("startTime")), QStringLiteral("startTime"));
    if (!end || !start)
        return !end ? end.error() : start.error();
    int groupBy = 0;
    if (p.contains(QStringLiteral("groupBy"))) {
        bool ok = false;
        groupBy = p.value(QStringLiteral("groupBy")).toInt(&ok);
        if (!ok || groupBy < 0 || groupBy > 1000)
            return LedgerError::validation(QStringLiteral("groupBy must be an integer between 0 and 1000"));
    }
    const bool byInsertion = p.value(QStringLiteral("insertionDate")).toLower() == QLatin1String("true");
    QStringList accounts;
    QSqlQuery q = m_store.query(
        QStringLiteral("SELECT a.address FROM accounts a WHERE a.ledger = ? AND (%1) ORDER BY a.address")
            .arg(filter->sql),
        QVariantList{ledger} + filter->binds);
    while (q.next())
        accounts << q.value(0).toString();
    VolumeMap v = volumesAt(ledger, accounts, end.value(), start.value(), byInsertion);
    if (groupBy > 0) {
        // Accounts sharing their first groupBy segments are summed under that prefix.
        VolumeMap grouped;
        for (const auto &[acc, byAsset] : v) {
            const QString key = acc.split(QLatin1Char(':')).mid(0, groupBy).join(QLatin1Char(':'));
            for (const auto &[asset, vol] : byAsset) {
                grouped[key][asset].input += vol.input;
                grouped[key][asset].output += vol.output;
            }
        }
        v = std::move(grouped);
    }
    QList<QByteArray> items;
    for (const auto &[acc, byAsset] : v)
        for (const auto &[asset, vol] : byAsset) {
            Json::Writer w;
            w.beginObject();
            w.key("account");
            w.value(acc);
            w.key("asset");
            w.value(asset);
            w.key("input");
            w.value(vol.input);
            w.key("output");
            w.value(vol.output);
            w.key("balance");
            w.value(vol.balance());
            w.endObject();
            items << w.take();
        }
    return offsetPageResponse(c.value(), items);
}

} // namespace Formance::Sandbox
