#include "LedgerBalances.h"

#include "ledger/v2/LedgerV2Api.h"

#include <QUrl>

namespace Formance::Sandbox {

LedgerBalances::LedgerBalances(ServiceContext &context)
    : m_api(std::make_unique<LedgerV2Api>(context.store, context.ledger,
                                          context.versionOf(QStringLiteral("ledger")), context.options.api)) {
    // These routes are only reached from here, never from the network.
    Routes routes(m_router, QStringLiteral("/api/ledger"));
    m_api->registerRoutes(routes);
}

LedgerBalances::~LedgerBalances() = default;

Expected<AssetBalances> LedgerBalances::aggregate(const QString &ledger, const QByteArray &filter,
                                                  const std::optional<QString> &at) {
    Request r;
    r.method = "GET";
    r.path = QStringLiteral("/api/ledger/v2/%1/aggregate/balances")
                 .arg(QString::fromLatin1(QUrl::toPercentEncoding(ledger)));
    if (at)
        r.query.addQueryItem(QStringLiteral("pit"), *at);
    r.body = filter;
    const Response resp = m_router.dispatch(r);
    const auto doc = Json::Document::parse(resp.body);
    if (resp.status != 200) {
        LedgerError e;
        e.status = resp.status;
        e.code = doc ? doc->root()["errorCode"].toString() : QStringLiteral("INTERNAL");
        e.message = doc ? doc->root()["errorMessage"].toString() : QString::fromUtf8(resp.body);
        return e;
    }
    if (!doc)
        return LedgerError::internal(QStringLiteral("unreadable aggregated balances"));
    AssetBalances out;
    for (const auto &[asset, amount] : doc->root()["data"].members()) {
        auto value = BigInt::fromString(amount.numberText());
        if (!value)
            return LedgerError::internal(QStringLiteral("unreadable aggregated balance"));
        out[QString::fromUtf8(asset.data(), qsizetype(asset.size()))] = *value;
    }
    return out;
}

} // namespace Formance::Sandbox
