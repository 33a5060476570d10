// The payments part of the demo: two DUMMY-PAY connectors with a month of history already
// ingested (and polling on, so new payments keep arriving), a bank account forwarded to both,
// transfer initiations in the states a back office meets, and a pool.
#include "PaymentsCommon.h"
#include "PaymentsService.h"

#include "ledger/AmountKey.h"

#include <QDir>

namespace Formance::Sandbox::Payments {

namespace {
QByteArray demoConfig(const char *name, const char *period, int accounts, int payments) {
    Json::Writer w;
    w.beginObject();
    w.key("name");
    w.value(name);
    w.key("directory");
    w.value(QDir::tempPath());
    w.key("filePollingPeriod");
    w.value(period);
    w.key("prefixFileToIngest");
    w.value("dummypay-");
    w.key("numberOfAccountsPreGenerated");
    w.value(accounts);
    w.key("numberOfPaymentsPreGenerated");
    w.value(payments);
    w.endObject();
    return w.take();
}

QByteArray transferBody(const QString &reference, const QString &source, const QString &destination,
                        const QString &connectorId, const char *type, const BigInt &amount,
                        const QString &asset, bool validated, const QString &description, const QString &at) {
    Json::Writer w;
    w.beginObject();
    for (const auto &[k, v] :
         std::initializer_list<std::pair<const char *, QString>>{{"reference", reference},
                                                                 {"scheduledAt", at},
                                                                 {"description", description},
                                                                 {"sourceAccountID", source},
                                                                 {"destinationAccountID", destination},
                                                                 {"connectorID", connectorId},
                                                                 {"type", QString::fromLatin1(type)},
                                                                 {"asset", asset}}) {
        w.key(k);
        w.value(v);
    }
    w.key("amount");
    w.value(amount);
    w.key("validated");
    w.value(validated);
    w.endObject();
    return w.take();
}
} // namespace

void PaymentsService::seedDemo() {
    if (m_store.db().query(QStringLiteral("SELECT 1 FROM payments_connectors LIMIT 1")).next())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const ConnectorInfo eu =
        m_connectors.install(QStringLiteral("DUMMY-PAY"), demoConfig("demo-eu", "20s", 4, 40),
                             uuidFor(QStringLiteral("demo-eu")), now);
    const ConnectorInfo us =
        m_connectors.install(QStringLiteral("DUMMY-PAY"), demoConfig("demo-us", "30s", 3, 25),
                             uuidFor(QStringLiteral("demo-us")), now);
    auto accountsOf = [&](const QString &connectorId) {
        QList<AccountRow> out;
        QSqlQuery q = m_store.db().query(
            QStringLiteral(
                "SELECT id FROM payments_accounts WHERE connector_id = ? AND type = 'INTERNAL' ORDER BY seq"),
            {connectorId});
        QStringList ids;
        while (q.next())
            ids << q.value(0).toString();
        for (const QString &id : ids)
            out << *m_store.account(id);
        return out;
    };
    const QList<AccountRow> euAccounts = accountsOf(eu.id);
    const QList<AccountRow> usAccounts = accountsOf(us.id);

    const QString at = nowTime();
    const auto bankDoc = Json::Document::parse(
        QStringLiteral(R"({"name":"Acme Supplies GmbH","country":"DE","iban":"DE89370400440532013000",)"
                       R"("swiftBicCode":"COBADEFFXXX","connectorID":"%1","metadata":{"demo":"supplier"}})")
            .arg(eu.id)
            .toUtf8());
    const auto bank = m_bankAccountsApi.create(bankDoc->root(), at);
    if (bank)
        m_bankAccountsApi.forward(bank.value(), us.id, at);

    // Transfers from the first account, in its own asset, sized against its balance.
    if (euAccounts.size() >= 2 && bank) {
        const AccountRow &src = euAccounts[0];
        const QString asset = src.defaultAsset;
        const BigInt balance = m_store.balance(src.id, asset);
        auto create = [&](const QString &ref, const QString &dest, const char *type, const BigInt &amount,
                          bool validated, const QString &description) {
            const auto doc = Json::Document::parse(
                transferBody(ref, src.id, dest, eu.id, type, amount, asset, validated, description, at));
            return m_transfersApi.create(doc->root(), at);
        };
        const BigInt small = std::max(BigInt(1), BigInt(balance.toInt64().value_or(100000) / 20));
        create(QStringLiteral("demo-supplier-invoice-1042"), bank.value(), "PAYOUT", small, false,
               QStringLiteral("Invoice 1042, awaiting approval"));
        if (auto rejected = create(QStringLiteral("demo-duplicate-invoice-1041"), bank.value(), "PAYOUT",
                                   small, false, QStringLiteral("Duplicate of invoice 1041")))
            m_transfers.setStatus(rejected.value(), QStringLiteral("REJECTED"), QString(), at);
        create(QStringLiteral("demo-treasury-sweep"), euAccounts[1].id, "TRANSFER", small, true,
               QStringLiteral("Monthly treasury sweep"));
        create(QStringLiteral("demo-oversized-payout"), bank.value(), "PAYOUT",
               balance * BigInt(10) + BigInt(1), true, QStringLiteral("More than the account holds: fails"));
        const auto refund = create(QStringLiteral("demo-refunded-payout"), bank.value(), "PAYOUT", small,
                                   true, QStringLiteral("Payout partly sent back"));
        // The connector processes them now (validated -> processing -> processed or failed).
        m_transfers.advance(eu.id, QString(), at);
        m_transfers.advance(eu.id, QString(), at);
        if (refund)
            m_transfers.reverse(refund.value(), BigInt(small.toInt64().value_or(2) / 2), asset,
                                QStringLiteral("demo-refund-1"), {}, at);
    }

    QStringList poolAccounts;
    for (int i = 0; i < std::min<qsizetype>(2, euAccounts.size()); ++i)
        poolAccounts << euAccounts[i].id;
    if (!usAccounts.isEmpty())
        poolAccounts << usAccounts[0].id;
    m_poolsApi.create(QStringLiteral("Treasury pool"), poolAccounts);
}

} // namespace Formance::Sandbox::Payments
