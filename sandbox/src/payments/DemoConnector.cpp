#include "DemoConnector.h"

#include "PaymentsCommon.h"

#include <QDir>
#include <QFile>

namespace Formance::Sandbox::Payments {

quint64 Rng::next() {
    quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

qint64 Rng::between(qint64 lo, qint64 hi) {
    return lo + qint64(next() % quint64(hi - lo + 1));
}

QString isoTime(const QDateTime &dt) {
    return dt.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QStringLiteral("000Z");
}

namespace {

quint64 fnv1a(const QString &text) {
    quint64 h = 0xcbf29ce484222325ULL;
    for (const char c : text.toUtf8()) {
        h ^= quint8(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

const QList<QString> kAssets{QStringLiteral("EUR/2"), QStringLiteral("USD/2"), QStringLiteral("GBP/2"),
                             QStringLiteral("EUR/2"), QStringLiteral("JPY/0")};
const QList<QString> kAccountNames{QStringLiteral("Operating"), QStringLiteral("Treasury"),
                                   QStringLiteral("Payroll"),   QStringLiteral("Client funds"),
                                   QStringLiteral("Reserve"),   QStringLiteral("Settlement"),
                                   QStringLiteral("Marketing"), QStringLiteral("Escrow")};
const QList<QString> kPayInSchemes{QStringLiteral("visa"), QStringLiteral("mastercard"),
                                   QStringLiteral("sepa credit"), QStringLiteral("ach"),
                                   QStringLiteral("apple pay")};
const QList<QString> kPayoutSchemes{QStringLiteral("sepa credit"), QStringLiteral("ach"),
                                    QStringLiteral("rtp")};

QString raw(std::initializer_list<std::pair<const char *, QString>> fields) {
    Json::Writer w;
    w.beginObject();
    for (const auto &[k, v] : fields) {
        w.key(k);
        w.value(v);
    }
    w.endObject();
    return QString::fromUtf8(w.take());
}

} // namespace

DemoConnector::DemoConnector(PaymentsStore &store, ConnectorInfo info)
    : m_store(store)
    , m_info(std::move(info))
    , m_seed(fnv1a(m_info.name)) {}

QStringList DemoConnector::accountIds() {
    QStringList out;
    QSqlQuery q = m_store.db().query(
        QStringLiteral(
            "SELECT id FROM payments_accounts WHERE connector_id = ? AND type = 'INTERNAL' ORDER BY seq"),
        {m_info.id});
    while (q.next())
        out << q.value(0).toString();
    return out;
}

QString DemoConnector::openAccount(Rng &rng, const QString &at) {
    QSqlQuery c = m_store.db().query(
        QStringLiteral("SELECT count(*) FROM payments_accounts WHERE connector_id = ?"), {m_info.id});
    c.next();
    const qint64 index = c.value(0).toLongLong() + 1;
    AccountRow a;
    a.reference = QStringLiteral("acc-%1").arg(index, 3, 10, QLatin1Char('0'));
    a.id = PaymentsStore::accountId(a.reference, m_info.id);
    a.connectorId = m_info.id;
    a.provider = m_info.provider;
    a.createdAt = at;
    a.defaultAsset = rng.pick(kAssets);
    a.accountName =
        QStringLiteral("%1 %2").arg(rng.pick(kAccountNames), a.defaultAsset.section(QLatin1Char('/'), 0, 0));
    a.type = QStringLiteral("INTERNAL");
    a.metadata.insert(QStringLiteral("dummypay/index"), QString::number(index));
    a.raw = raw({{"id", a.reference}, {"name", a.accountName}, {"currency", a.defaultAsset}}).toUtf8();
    m_store.insertAccount(a);
    const qint64 opening = a.defaultAsset.endsWith(QLatin1String("/0")) ? rng.between(10000, 500000)
                                                                        : rng.between(100000, 5000000);
    m_store.setBalance(a.id, a.defaultAsset, BigInt(opening), at);
    return a.id;
}

QString DemoConnector::nextPaymentReference() {
    QSqlQuery c = m_store.db().query(
        QStringLiteral("SELECT count(*) FROM payments_payments WHERE connector_id = ?"), {m_info.id});
    c.next();
    qint64 n = c.value(0).toLongLong() + 1;
    for (;; ++n) {
        const QString ref = QStringLiteral("pay-%1").arg(n, 5, 10, QLatin1Char('0'));
        bool taken = false;
        for (const char *type : {"PAY-IN", "PAYOUT", "TRANSFER"})
            taken = taken || m_store.paymentExists(
                                 PaymentsStore::paymentId(ref, QString::fromLatin1(type), m_info.id));
        if (!taken)
            return ref;
    }
}

bool DemoConnector::makePayment(Rng &rng, const QString &at, qint64 round) {
    const QStringList accounts = accountIds();
    if (accounts.isEmpty())
        return false;
    const QString account = accounts[rng.between(0, accounts.size() - 1)];
    const auto row = m_store.account(account);
    const QString asset = row->defaultAsset;
    const BigInt amount(asset.endsWith(QLatin1String("/0")) ? rng.between(5, 2500)
                                                            : rng.between(500, 250000));
    const qint64 kind = rng.between(0, 9);
    const qint64 outcome = rng.between(0, 19);

    PaymentRow p;
    p.connectorId = m_info.id;
    p.provider = m_info.provider;
    p.reference = nextPaymentReference();
    p.asset = asset;
    p.amount = p.initialAmount = amount;
    p.createdAt = at;
    p.status = outcome < 17   ? QStringLiteral("SUCCEEDED")
               : outcome < 19 ? QStringLiteral("PENDING")
                              : QStringLiteral("FAILED");
    const BigInt available = m_store.balance(account, asset);
    QString other;
    for (const QString &candidate : accounts)
        if (candidate != account && m_store.account(candidate)->defaultAsset == asset)
            other = candidate;
    if (kind >= 5 && available >= amount && (kind < 8 || other.isEmpty())) {
        p.type = QStringLiteral("PAYOUT");
        p.scheme = rng.pick(kPayoutSchemes);
        p.sourceAccountId = account;
    } else if (kind >= 8 && available >= amount) {
        p.type = QStringLiteral("TRANSFER");
        p.scheme = QStringLiteral("a2a");
        p.sourceAccountId = account;
        p.destinationAccountId = other;
    } else {
        p.type = QStringLiteral("PAY-IN");
        p.scheme = rng.pick(kPayInSchemes);
        p.destinationAccountId = account;
    }
    p.id = PaymentsStore::paymentId(p.reference, p.type, m_info.id);
    p.metadata.insert(QStringLiteral("dummypay/round"), QString::number(round));
    p.raw = raw({{"reference", p.reference}, {"type", p.type}, {"status", p.status}}).toUtf8();
    m_store.insertPayment(p);
    if (p.status == QLatin1String("SUCCEEDED")) {
        if (!p.sourceAccountId.isEmpty())
            m_store.setBalance(p.sourceAccountId, asset, m_store.balance(p.sourceAccountId, asset) - amount,
                               at);
        if (!p.destinationAccountId.isEmpty())
            m_store.setBalance(p.destinationAccountId, asset,
                               m_store.balance(p.destinationAccountId, asset) + amount, at);
    }
    return true;
}

void DemoConnector::pregenerate(int accounts, int payments, const QDateTime &from, const QDateTime &to) {
    Rng rng(m_seed);
    for (int i = 0; i < accounts; ++i)
        openAccount(rng, isoTime(from.addSecs(i)));
    const qint64 span = std::max<qint64>(1, from.msecsTo(to) - accounts * 1000);
    for (int i = 0; i < payments; ++i) {
        const QDateTime at = from.addMSecs(accounts * 1000 + span * (i + 1) / (payments + 1));
        makePayment(rng, isoTime(at), 0);
    }
}

DemoConnector::Round DemoConnector::tick(qint64 round, const QString &at) {
    Rng rng(m_seed ^ (quint64(round) * 0x9E3779B97F4A7C15ULL));
    Round r;
    m_store.db().begin();
    // A pending payment from an earlier round settles.
    QSqlQuery pending = m_store.db().query(
        QStringLiteral("SELECT id, amount, asset, source_account_id, destination_account_id, reference FROM"
                       " payments_payments WHERE connector_id = ? AND status = 'PENDING' AND created_at < ?"
                       " ORDER BY seq LIMIT 1"),
        {m_info.id, at});
    if (pending.next()) {
        const QString id = pending.value(0).toString();
        const BigInt amount = *BigInt::fromString(pending.value(1).toString());
        const QString asset = pending.value(2).toString();
        const QString src = pending.value(3).toString(), dst = pending.value(4).toString();
        const QString reference = pending.value(5).toString();
        pending.finish();
        if (src.isEmpty() || m_store.balance(src, asset) >= amount) {
            m_store.adjustPayment(id, reference + QStringLiteral("-settled"), QStringLiteral("SUCCEEDED"),
                                  amount, at);
            if (!src.isEmpty())
                m_store.setBalance(src, asset, m_store.balance(src, asset) - amount, at);
            if (!dst.isEmpty())
                m_store.setBalance(dst, asset, m_store.balance(dst, asset) + amount, at);
        } else {
            m_store.adjustPayment(id, reference + QStringLiteral("-failed"), QStringLiteral("FAILED"), amount,
                                  at);
        }
    }
    if (round % 4 == 0 && accountIds().size() < 12) {
        openAccount(rng, at);
        ++r.accounts;
    }
    const qint64 count = rng.between(1, 3);
    for (qint64 i = 0; i < count; ++i)
        r.payments += makePayment(rng, at, round) ? 1 : 0;
    // The provider reports every balance each round; unchanged ones only get a newer lastUpdatedAt.
    QSqlQuery balances = m_store.db().query(
        QStringLiteral(
            "SELECT a.id, b.asset FROM payments_accounts a JOIN payments_balances b ON b.account_id = a.id"
            " WHERE a.connector_id = ? GROUP BY a.id, b.asset"),
        {m_info.id});
    QList<QPair<QString, QString>> pairs;
    while (balances.next())
        pairs.append({balances.value(0).toString(), balances.value(1).toString()});
    for (const auto &[account, asset] : pairs)
        m_store.setBalance(account, asset, m_store.balance(account, asset), at);
    r.balances = int(pairs.size());
    m_store.db().commit();
    return r;
}

Expected<int> DemoConnector::readFiles(const QString &directory, const QString &prefix, const QString &at) {
    const QDir dir(directory);
    if (!dir.exists())
        return LedgerError::validation(QStringLiteral("directory '%1' does not exist").arg(directory));
    int ingested = 0;
    for (const QString &name : dir.entryList({prefix + QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return LedgerError::validation(QStringLiteral("file '%1' cannot be read").arg(name));
        const auto doc = Json::Document::parse(file.readAll());
        if (!doc || !doc->root().isObject())
            return LedgerError::validation(QStringLiteral("file '%1' is not a JSON object").arg(name));
        const Json::Value v = doc->root();
        auto reference = requiredString(v, "reference");
        auto amount = requiredAmount(v, "amount", true);
        auto asset = requiredString(v, "asset");
        auto type = requiredEnum(v, "type", kPaymentTypes);
        if (!reference || !amount || !asset || !type || !validAsset(asset.value()))
            return LedgerError::validation(
                QStringLiteral("file '%1' is not a payment: reference, amount, asset and type are required")
                    .arg(name));
        PaymentRow p;
        p.id = PaymentsStore::paymentId(reference.value(), type.value(), m_info.id);
        ++ingested;
        if (m_store.paymentExists(p.id))
            continue;
        p.connectorId = m_info.id;
        p.provider = m_info.provider;
        p.reference = reference.value();
        p.type = type.value();
        p.amount = p.initialAmount = amount.value();
        p.asset = asset.value();
        const QString status = v["status"].toString();
        p.status = kPaymentStatuses.contains(status) ? status : QStringLiteral("SUCCEEDED");
        const QString scheme = v["scheme"].toString();
        p.scheme = kPaymentSchemes.contains(scheme) ? scheme : QStringLiteral("other");
        p.createdAt = at;
        p.metadata.insert(QStringLiteral("dummypay/file"), name);
        p.raw = v.toJson();
        m_store.insertPayment(p);
    }
    return ingested;
}

} // namespace Formance::Sandbox::Payments
