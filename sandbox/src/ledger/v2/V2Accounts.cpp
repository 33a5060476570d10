#include "LedgerV2Api.h"
#include "V2Support.h"

#include "ledger/AmountKey.h"

namespace Formance::Sandbox {

using namespace V2;

// --- accounts ---

Expected<SqlCondition> LedgerV2Api::accountFilter(const QByteArray &body) {
    return FilterQuery::compile(
        body,
        [](const QString &op, const QString &field, const Json::Value &value,
           QVariantList &binds) -> Expected<QString> {
            if (field == QLatin1String("address")) {
                if (!value.isString() || op != QLatin1String("$match"))
                    return LedgerError::validation(
                        QStringLiteral("'address' supports $match with an address pattern"));
                return FilterQuery::addressCondition(QStringLiteral("a.address"), value.toString(), binds);
            }
            if (field == QLatin1String("balance") || field.startsWith(QLatin1String("balance[")))
                return balanceCondition(op, field, value, QStringLiteral("a.ledger"),
                                        QStringLiteral("a.address"), binds);
            if (field == QLatin1String("first_usage") || field == QLatin1String("firstUsage") ||
                field == QLatin1String("insertion_date") || field == QLatin1String("insertionDate") ||
                field == QLatin1String("updated_at") || field == QLatin1String("updatedAt")) {
                auto t = timeValue(value, field);
                if (!t)
                    return t.error();
                const QString col = field.startsWith(QLatin1String("first")) ? QStringLiteral("a.first_usage")
                                    : field.startsWith(QLatin1String("insert"))
                                        ? QStringLiteral("a.insertion_date")
                                        : QStringLiteral("a.updated_at");
                return scalarCondition(op, col, t.value(), binds);
            }
            if (field.startsWith(QLatin1String("metadata")))
                return metadataCondition(op, field, value, QStringLiteral("a.metadata"), binds);
            return LedgerError::validation(
                QStringLiteral("unknown filter field '%1' for accounts").arg(field));
        });
}

void LedgerV2Api::writeAccount(Json::Writer &w, const QString &ledger, const QString &address,
                               const QString &metadata, const QString &firstUsage,
                               const QString &insertionDate, const QString &updatedAt, bool volumes,
                               bool effective, const std::optional<QString> &pit) {
    w.beginObject();
    w.key("address");
    w.value(address);
    w.key("metadata");
    w.rawJson(metadata.toUtf8());
    w.key("firstUsage");
    w.value(firstUsage);
    w.key("insertionDate");
    w.value(insertionDate);
    w.key("updatedAt");
    w.value(updatedAt);
    static const std::map<QString, Volume> none;
    // At a point in time, "volumes" count moves inserted by then, "effectiveVolumes" moves
    // dated by then (as the real ledger does); without one both are the current volumes.
    if (volumes) {
        const VolumeMap v = volumesAt(ledger, {address}, pit, std::nullopt, true);
        const auto it = v.find(address);
        w.key("volumes");
        writeVolumes(w, it == v.end() ? none : it->second);
    }
    if (effective) {
        const VolumeMap v = volumesAt(ledger, {address}, pit, std::nullopt, false);
        const auto it = v.find(address);
        w.key("effectiveVolumes");
        writeVolumes(w, it == v.end() ? none : it->second);
    }
    w.endObject();
}

Reply LedgerV2Api::listAccounts(const Request &r) {
    return accounts(r, false);
}

Reply LedgerV2Api::countAccounts(const Request &r) {
    return accounts(r, true);
}

Reply LedgerV2Api::accounts(const Request &r, bool countOnly) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto l = m_engine.requireLedger(ledger);
    if (!l)
        return l.error();
    auto c = listQuery(r, {QStringLiteral("pit"), QStringLiteral("oot"), QStringLiteral("expand")});
    if (!c)
        return c.error();
    auto filter = accountFilter(c->query.body);
    if (!filter)
        return filter.error();
    auto pit = timeParam(c->query.params.value(QStringLiteral("pit")), QStringLiteral("pit"));
    if (!pit)
        return pit.error();
    PageSpec spec;
    spec.from = QStringLiteral("FROM accounts a WHERE a.ledger = ? AND (%1)").arg(filter->sql);
    spec.binds = QVariantList{ledger} + filter->binds;
    if (pit.value()) {
        spec.from += QStringLiteral(" AND a.first_usage <= ?");
        spec.binds << *pit.value();
    }
    if (countOnly)
        return count(spec.from, spec.binds);
    spec.keyExpr = QStringLiteral("a.address");
    spec.columns = QStringLiteral("a.metadata, a.first_usage, a.insertion_date, a.updated_at");
    const QSet<QString> expand = expandOf(c->query.params.value(QStringLiteral("expand")));
    const bool vol = expand.contains(QStringLiteral("volumes"));
    const bool eff = expand.contains(QStringLiteral("effectiveVolumes"));
    const auto pitValue = pit.value();
    return pageResponse(m_store, c.value(), spec, [&](Json::Writer &w, const QSqlQuery &q) {
        writeAccount(w, ledger, q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(), q.value(4).toString(), vol, eff, pitValue);
    });
}

Reply LedgerV2Api::getAccount(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    auto l = m_engine.requireLedger(ledger);
    if (!l)
        return l.error();
    const QString address = r.param(QStringLiteral("address"));
    auto pit = timeParam(r.queryValue(QStringLiteral("pit")), QStringLiteral("pit"));
    if (!pit)
        return pit.error();
    QSqlQuery q =
        m_store.query(QStringLiteral("SELECT metadata, first_usage, insertion_date, updated_at FROM accounts"
                                     " WHERE ledger = ? AND address = ?"),
                      {ledger, address});
    if (!q.next()) {
        if (!PostingEngine::validAddress(address))
            return LedgerError::validation(QStringLiteral("invalid account address '%1'").arg(address));
        return LedgerError::notFound(QStringLiteral("account '%1' not found").arg(address));
    }
    const QSet<QString> expand = expandOf(r.queryValue(QStringLiteral("expand")));
    return dataResponse([&](Json::Writer &w) {
        writeAccount(w, ledger, address, q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(), expand.contains(QStringLiteral("volumes")),
                     expand.contains(QStringLiteral("effectiveVolumes")), pit.value());
    });
}

Reply LedgerV2Api::addAccountMetadata(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    return withIdempotency(m_store, r, ledger, [&]() -> Reply {
        auto body = parseBody(r.body, true);
        if (!body)
            return body.error();
        if (!body.value()->root().isObject())
            return LedgerError::validation(QStringLiteral("the body must be an object of strings"));
        auto md = LedgerStore::metadataFrom(body.value()->root(), QStringLiteral("metadata"));
        if (!md)
            return md.error();
        auto done =
            m_engine.setMetadata(ledger, TargetType::Account, r.param(QStringLiteral("address")), md.value());
        return noContent(done);
    });
}

Reply LedgerV2Api::deleteAccountMetadata(const Request &r) {
    const QString ledger = r.param(QStringLiteral("ledger"));
    return withIdempotency(m_store, r, ledger, [&]() -> Reply {
        auto done = m_engine.deleteMetadata(ledger, TargetType::Account, r.param(QStringLiteral("address")),
                                            r.param(QStringLiteral("key")));
        return noContent(done);
    });
}

} // namespace Formance::Sandbox
