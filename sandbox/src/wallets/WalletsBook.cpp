#include "WalletsBook.h"

#include "ledger/AmountKey.h"

#include <Formance/json/JsonDocument.h>
#include <Formance/json/JsonWriter.h>

#include <QRegularExpression>
#include <QUuid>

#include <algorithm>

namespace Formance::Sandbox {

using namespace WalletKeys;

namespace {

const QString kWorld = QStringLiteral("world");

// The real service's chart joins segments with ':' and drops every '-' (UUIDs included).
QString address(const QStringList &segments) {
    QString s = segments.join(QLatin1Char(':'));
    s.remove(QLatin1Char('-'));
    return s;
}

QString subjectJson(const WalletSubject &s) {
    Json::Writer w;
    w.beginObject();
    w.key("type");
    w.value(s.type);
    w.key("identifier");
    w.value(s.identifier);
    if (!s.balance.isEmpty()) {
        w.key("balance");
        w.value(s.balance);
    }
    w.endObject();
    return QString::fromUtf8(w.take());
}

// {"type":"account","value":"wallets:..."}: how the real service records a hold's destinations.
QString accountRefJson(const QString &account) {
    Json::Writer w;
    w.beginObject();
    w.key("type");
    w.value("account");
    w.key("value");
    w.value(account);
    w.endObject();
    return QString::fromUtf8(w.take());
}

QString jsonField(const QString &json, const char *field) {
    const auto doc = Json::Document::parse(json.toUtf8());
    return doc ? doc->root()[field].toString() : QString();
}

// The wallets API speaks its own codes: a ledger refusal other than insufficient funds is the
// client's input (bad account, duplicate reference ...).
LedgerError fromLedger(const LedgerError &e) {
    if (e.code == QLatin1String("INSUFFICIENT_FUND") || e.status >= 500 || e.status == 404)
        return e;
    return LedgerError::validation(e.message);
}

} // namespace

WalletsBook::WalletsBook(LedgerStore &store, PostingEngine &engine, QString ledger)
    : m_store(store)
    , m_engine(engine)
    , m_ledger(std::move(ledger)) {}

bool WalletsBook::ensureLedger(QString *error) {
    if (m_store.ledgerExists(m_ledger))
        return true;
    auto created = m_engine.createLedger(m_ledger, {}, {});
    if (!created && error)
        *error = created.error().message;
    return created.ok();
}

QString WalletsBook::balanceAccount(const QString &walletId, const QString &balance) {
    return address({QStringLiteral("wallets"), walletId, balance.isEmpty() ? kMain : balance});
}

QString WalletsBook::holdAccount(const QString &holdId) {
    return address({QStringLiteral("wallets"), QStringLiteral("holds"), holdId});
}

QString WalletsBook::subjectAccount(const WalletSubject &s) {
    if (s.type == QLatin1String("WALLET"))
        return balanceAccount(s.identifier, s.balance);
    return s.identifier;
}

bool WalletsBook::validBalanceName(const QString &name) {
    static const QRegularExpression re(QStringLiteral("^[0-9A-Za-z_-]+$"));
    return re.match(name).hasMatch();
}

Metadata WalletsBook::customMetadata(const Metadata &md) {
    Metadata out;
    for (auto it = md.cbegin(); it != md.cend(); ++it)
        if (it.key().startsWith(kCustomPrefix))
            out.insert(it.key().mid(kCustomPrefix.size()), it.value());
    return out;
}

Metadata WalletsBook::encodeCustom(const Metadata &custom) {
    Metadata out;
    for (auto it = custom.cbegin(); it != custom.cend(); ++it)
        out.insert(kCustomPrefix + it.key(), it.value());
    return out;
}

Metadata WalletsBook::transactionMetadata(const Metadata &custom) {
    Metadata md = encodeCustom(custom);
    md.insert(kTransaction, QStringLiteral("true"));
    return md;
}

// --- reads ---

WalletInfo WalletsBook::walletFrom(const Metadata &md) {
    return {md.value(kWalletId), md.value(kWalletName), customMetadata(md), md.value(kCreatedAt)};
}

std::optional<WalletInfo> WalletsBook::wallet(const QString &id) {
    if (id.isEmpty())
        return std::nullopt;
    const auto md = m_store.accountMetadata(m_ledger, balanceAccount(id, kMain));
    // The address drops dashes: check the id itself, so "abc-d" and "abcd" stay different wallets.
    if (!md || md->value(kSpecType) != kPrimary || md->value(kWalletId) != id)
        return std::nullopt;
    return walletFrom(*md);
}

BalanceInfo WalletsBook::balanceFrom(const QString &account, const Metadata &md) {
    BalanceInfo b;
    b.name = md.value(kBalanceName);
    b.expiresAt = md.value(kBalanceExpiresAt);
    b.priority = md.value(kBalancePriority, QStringLiteral("0"));
    if (b.priority.isEmpty() || !BigInt::fromString(b.priority))
        b.priority = QStringLiteral("0");
    b.account = account;
    return b;
}

std::optional<BalanceInfo> WalletsBook::balance(const QString &walletId, const QString &name) {
    const QString account = balanceAccount(walletId, name);
    const auto md = m_store.accountMetadata(m_ledger, account);
    if (!md || md->value(kIsBalance) != QLatin1String("true") || md->value(kWalletId) != walletId ||
        md->value(kBalanceName) != name)
        return std::nullopt;
    return balanceFrom(account, *md);
}

QList<BalanceInfo> WalletsBook::balances(const QString &walletId) {
    QSqlQuery q = m_store.query(
        QStringLiteral(
            "SELECT address, metadata FROM accounts a WHERE ledger = ?"
            " AND EXISTS (SELECT 1 FROM json_each(a.metadata) md WHERE md.key = ? AND md.value = ?)"
            " AND EXISTS (SELECT 1 FROM json_each(a.metadata) md WHERE md.key = ? AND md.value = ?)"
            " ORDER BY address"),
        {m_ledger, kIsBalance, QStringLiteral("true"), kWalletId, walletId});
    QList<BalanceInfo> out;
    while (q.next())
        out.append(balanceFrom(q.value(0).toString(), LedgerStore::metadataFromText(q.value(1).toString())));
    // The real service's order for "*": expiring balances first (soonest first), then the others
    // by priority (lowest first), main last.
    std::stable_sort(out.begin(), out.end(), [](const BalanceInfo &a, const BalanceInfo &b) {
        const bool aMain = a.name == kMain, bMain = b.name == kMain;
        if (aMain != bMain)
            return bMain;
        if (a.expiresAt.isEmpty() != b.expiresAt.isEmpty())
            return !a.expiresAt.isEmpty();
        if (!a.expiresAt.isEmpty())
            return a.expiresAt < b.expiresAt;
        return *BigInt::fromString(a.priority) < *BigInt::fromString(b.priority);
    });
    return out;
}

HoldInfo WalletsBook::holdFrom(const QString &account, const Metadata &md) {
    HoldInfo h;
    h.id = md.value(kHoldId);
    h.walletId = md.value(kHoldWalletId);
    h.asset = md.value(kHoldAsset);
    h.description = md.value(kHoldDescription);
    h.metadata = customMetadata(md);
    h.account = account;
    if (const auto doc = Json::Document::parse(md.value(kHoldSubject).toUtf8())) {
        h.destination.type = doc->root()["type"].toString();
        h.destination.identifier = doc->root()["identifier"].toString();
        h.destination.balance = doc->root()["balance"].toString();
    }
    h.destinationAccount = jsonField(md.value(kHoldDestination), "value");
    const Volume v = m_store.volume(m_ledger, account, h.asset);
    h.original = v.input;
    h.remaining = v.balance();
    return h;
}

std::optional<HoldInfo> WalletsBook::hold(const QString &id) {
    if (id.isEmpty())
        return std::nullopt;
    const QString account = holdAccount(id);
    const auto md = m_store.accountMetadata(m_ledger, account);
    if (!md || md->value(kSpecType) != kHold || md->value(kHoldId) != id)
        return std::nullopt;
    return holdFrom(account, *md);
}

QList<HoldInfo> WalletsBook::holdsOf(const QString &walletId) {
    QSqlQuery q = m_store.query(
        QStringLiteral(
            "SELECT address, metadata FROM accounts a WHERE ledger = ?"
            " AND EXISTS (SELECT 1 FROM json_each(a.metadata) md WHERE md.key = ? AND md.value = ?)"
            " AND EXISTS (SELECT 1 FROM json_each(a.metadata) md WHERE md.key = ? AND md.value = ?)"
            " ORDER BY address"),
        {m_ledger, kSpecType, kHold, kHoldWalletId, walletId});
    QList<std::pair<QString, Metadata>> rows;
    while (q.next())
        rows.append({q.value(0).toString(), LedgerStore::metadataFromText(q.value(1).toString())});
    QList<HoldInfo> out;
    for (const auto &[account, md] : rows)
        out.append(holdFrom(account, md));
    return out;
}

std::map<QString, BigInt> WalletsBook::assets(const QString &account) {
    QSqlQuery q = m_store.query(
        QStringLiteral(
            "SELECT asset, input, output FROM volumes WHERE ledger = ? AND account = ? ORDER BY asset"),
        {m_ledger, account});
    std::map<QString, BigInt> out;
    while (q.next()) {
        const auto in = BigInt::fromString(q.value(1).toString());
        const auto outv = BigInt::fromString(q.value(2).toString());
        out[q.value(0).toString()] = in.value_or(BigInt()) - outv.value_or(BigInt());
    }
    return out;
}

// --- changes ---

Expected<WalletInfo> WalletsBook::createWallet(const QString &name, const Metadata &custom,
                                               const QString &createdAt) {
    WalletInfo w{QUuid::createUuid().toString(QUuid::WithoutBraces), name, custom,
                 createdAt.isEmpty() ? nowTime() : createdAt};
    Metadata md = encodeCustom(custom);
    md.insert(kSpecType, kPrimary);
    md.insert(kWalletName, name);
    md.insert(kWalletId, w.id);
    md.insert(kIsBalance, QStringLiteral("true"));
    md.insert(kBalanceName, kMain);
    md.insert(kCreatedAt, w.createdAt);
    auto done = m_engine.setMetadata(m_ledger, TargetType::Account, balanceAccount(w.id, kMain), md);
    if (!done)
        return fromLedger(done.error());
    return w;
}

Expected<bool> WalletsBook::updateWallet(const QString &id, const Metadata &custom) {
    if (!wallet(id))
        return WalletErrors::notFound(QStringLiteral("wallet '%1' not found").arg(id));
    if (custom.isEmpty())
        return true;
    auto done =
        m_engine.setMetadata(m_ledger, TargetType::Account, balanceAccount(id, kMain), encodeCustom(custom));
    if (!done)
        return fromLedger(done.error());
    return true;
}

Expected<BalanceInfo> WalletsBook::createBalance(const QString &walletId, const QString &name,
                                                 const QString &expiresAt, const QString &priority) {
    if (!wallet(walletId))
        return WalletErrors::notFound(QStringLiteral("wallet '%1' not found").arg(walletId));
    if (!validBalanceName(name))
        return LedgerError::validation(QStringLiteral("invalid balance name '%1'").arg(name));
    if (name == kMain)
        return LedgerError::validation(QStringLiteral("reserved balance name 'main'"));
    const QString account = balanceAccount(walletId, name);
    const auto existing = m_store.accountMetadata(m_ledger, account);
    if (existing && existing->value(kIsBalance) == QLatin1String("true"))
        return LedgerError::validation(QStringLiteral("balance already exists"));
    Metadata md{{kWalletId, walletId},
                {kIsBalance, QStringLiteral("true")},
                {kBalanceName, name},
                {kBalanceExpiresAt, expiresAt},
                {kBalancePriority, priority.isEmpty() ? QStringLiteral("0") : priority}};
    auto done = m_engine.setMetadata(m_ledger, TargetType::Account, account, md);
    if (!done)
        return fromLedger(done.error());
    return balanceFrom(account, md);
}

Expected<QList<Posting>> WalletsBook::drain(const QStringList &sources, const QString &destination,
                                            const QString &asset, const BigInt &amount) {
    QList<Posting> postings;
    if (amount.isZero()) {
        postings.append({sources.value(0, kWorld), destination, asset, amount});
        return postings;
    }
    BigInt left = amount;
    std::map<QString, BigInt> taken;
    for (const QString &source : sources) {
        if (left.isZero())
            break;
        BigInt take = left;
        if (source != kWorld) {
            BigInt available = m_store.volume(m_ledger, source, asset).balance() - taken[source];
            if (!(available > BigInt()))
                continue;
            take = std::min(available, left);
        }
        taken[source] += take;
        left -= take;
        postings.append({source, destination, asset, take});
    }
    if (!left.isZero())
        return WalletErrors::insufficientFund(QStringLiteral("insufficient fund"));
    return postings;
}

Expected<qint64> WalletsBook::post(NewTransaction tx) {
    auto done = m_engine.createTransaction(m_ledger, tx, false);
    if (!done)
        return fromLedger(done.error());
    return done->id;
}

Expected<bool> WalletsBook::checkSubject(const WalletSubject &s, const QString &what) {
    if (s.type == QLatin1String("ACCOUNT")) {
        if (!PostingEngine::validAddress(s.identifier))
            return LedgerError::validation(
                QStringLiteral("%1: invalid format for account '%2'").arg(what, s.identifier));
        return true;
    }
    if (s.type == QLatin1String("WALLET")) {
        if (!wallet(s.identifier))
            return LedgerError::validation(
                QStringLiteral("%1: wallet '%2' not found").arg(what, s.identifier));
        if (!s.balance.isEmpty() && !balance(s.identifier, s.balance))
            return LedgerError::validation(QStringLiteral("%1: balance '%2' not exists in wallet '%3'")
                                               .arg(what, s.balance, s.identifier));
        return true;
    }
    return LedgerError::validation(QStringLiteral("%1: unknown subject type '%2'").arg(what, s.type));
}

static Expected<bool> checkMoney(const QString &asset, const BigInt &amount) {
    if (!PostingEngine::validAsset(asset))
        return LedgerError::validation(QStringLiteral("invalid asset '%1'").arg(asset));
    if (amount.isNegative())
        return LedgerError::validation(QStringLiteral("negative amount provided"));
    return true;
}

Expected<qint64> WalletsBook::credit(const CreditOrder &order) {
    if (!wallet(order.walletId))
        return WalletErrors::notFound(QStringLiteral("wallet '%1' not found").arg(order.walletId));
    if (auto ok = checkMoney(order.asset, order.amount); !ok)
        return ok.error();
    if (!order.balance.isEmpty() && order.balance != kMain && !balance(order.walletId, order.balance))
        return LedgerError::validation(QStringLiteral("balance '%1' not exists").arg(order.balance));
    QStringList sources;
    for (const WalletSubject &s : order.sources) {
        if (auto ok = checkSubject(s, QStringLiteral("sources")); !ok)
            return ok.error();
        sources << subjectAccount(s);
    }
    if (sources.isEmpty())
        sources << kWorld;
    WalletsUnit unit(m_store);
    auto postings = drain(sources, balanceAccount(order.walletId, order.balance), order.asset, order.amount);
    if (!postings)
        return postings.error();
    NewTransaction tx;
    tx.postings = postings.value();
    tx.reference = order.reference;
    tx.timestamp = order.timestamp;
    tx.metadata = transactionMetadata(order.metadata);
    auto id = post(tx);
    if (id)
        unit.commit();
    return id;
}

Expected<WalletsBook::DebitResult> WalletsBook::debit(const DebitOrder &order) {
    if (!wallet(order.walletId))
        return WalletErrors::notFound(QStringLiteral("wallet '%1' not found").arg(order.walletId));
    if (auto ok = checkMoney(order.asset, order.amount); !ok)
        return ok.error();
    if (order.pending && !order.timestamp.isEmpty())
        return LedgerError::validation(QStringLiteral("timestamp cannot be specified using pending debit"));
    WalletSubject destination{QStringLiteral("ACCOUNT"), kWorld, {}};
    if (order.destination) {
        if (auto ok = checkSubject(*order.destination, QStringLiteral("destination")); !ok)
            return ok.error();
        destination = *order.destination;
    }

    QList<BalanceInfo> chosen;
    if (order.balances.isEmpty()) {
        chosen.append(balance(order.walletId, kMain)
                          .value_or(BalanceInfo{
                              kMain, {}, QStringLiteral("0"), balanceAccount(order.walletId, kMain)}));
    } else if (order.balances == QStringList{QStringLiteral("*")}) {
        chosen = balances(order.walletId);
    } else {
        for (const QString &name : order.balances) {
            if (name == QLatin1String("*"))
                return LedgerError::validation(QStringLiteral("invalid balance specified"));
            const auto b = balance(order.walletId, name);
            if (!b)
                return LedgerError::validation(QStringLiteral("balance '%1' not exists").arg(name));
            chosen.append(*b);
        }
    }
    const QString now = nowTime();
    QStringList sources;
    for (const BalanceInfo &b : std::as_const(chosen))
        if (!b.expired(now))
            sources << b.account;
    if (sources.isEmpty())
        return WalletErrors::insufficientFund(QStringLiteral("insufficient fund: every balance has expired"));

    DebitResult result;
    NewTransaction tx;
    QString target = subjectAccount(destination);
    if (order.pending) {
        HoldInfo h;
        h.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        h.walletId = order.walletId;
        h.asset = order.asset;
        h.description = order.description;
        h.metadata = order.metadata;
        h.destination = destination;
        h.destinationAccount = target;
        h.account = holdAccount(h.id);
        h.original = order.amount;
        h.remaining = order.amount;
        Metadata md = encodeCustom(order.metadata);
        md.insert(kSpecType, kHold);
        md.insert(kHoldWalletId, h.walletId);
        md.insert(kHoldId, h.id);
        md.insert(kHoldAsset, h.asset);
        md.insert(kHoldDescription, h.description);
        md.insert(kHoldSubject, subjectJson(destination));
        md.insert(kHoldDestination, accountRefJson(target));
        md.insert(kHoldVoidDestination, accountRefJson(balanceAccount(h.walletId, kMain)));
        tx.accountMetadata.insert(h.account, md);
        target = h.account;
        result.hold = h;
    }
    WalletsUnit unit(m_store);
    auto postings = drain(sources, target, order.asset, order.amount);
    if (!postings)
        return postings.error();
    tx.postings = postings.value();
    tx.reference = order.reference;
    tx.timestamp = order.timestamp;
    tx.metadata = transactionMetadata(order.metadata);
    auto id = post(tx);
    if (!id)
        return id.error();
    unit.commit();
    result.transactionId = id.value();
    return result;
}

Expected<qint64> WalletsBook::confirmHold(const QString &holdId, const std::optional<BigInt> &amount,
                                          bool final) {
    const auto h = hold(holdId);
    if (!h)
        return WalletErrors::notFound(QStringLiteral("hold '%1' not found").arg(holdId));
    if (!(h->remaining > BigInt()))
        return WalletErrors::holdClosed(QStringLiteral("closed hold"));
    BigInt take = h->remaining;
    if (amount && amount->isNegative())
        return LedgerError::validation(QStringLiteral("negative amount provided"));
    if (amount && !amount->isZero()) {
        if (*amount > h->remaining)
            return WalletErrors::insufficientFund(QStringLiteral("insufficient fund: the hold has %1 %2 left")
                                                      .arg(h->remaining.toString(), h->asset));
        take = *amount;
    }
    NewTransaction tx;
    tx.postings.append({h->account, h->destinationAccount, h->asset, take});
    const BigInt rest = h->remaining - take;
    if (final && !rest.isZero())
        tx.postings.append({h->account, balanceAccount(h->walletId, kMain), h->asset, rest});
    tx.metadata = transactionMetadata({});
    WalletsUnit unit(m_store);
    auto id = post(tx);
    if (id)
        unit.commit();
    return id;
}

Expected<qint64> WalletsBook::voidHold(const QString &holdId) {
    const auto h = hold(holdId);
    if (!h)
        return WalletErrors::notFound(QStringLiteral("hold '%1' not found").arg(holdId));
    if (!(h->remaining > BigInt()))
        return WalletErrors::holdClosed(QStringLiteral("closed hold"));
    // The money goes back where it came from: the balances the pending debit drew on, in order.
    QSqlQuery q = m_store.query(QStringLiteral("SELECT MIN(tx_id) FROM moves WHERE ledger = ? AND account = ?"
                                               " AND is_source = 0"),
                                {m_ledger, h->account});
    QList<Posting> origin;
    if (q.next() && !q.value(0).isNull())
        if (const auto t = m_store.transaction(m_ledger, q.value(0).toLongLong()))
            for (const Posting &p : t->postings)
                if (p.destination == h->account && p.asset == h->asset)
                    origin.append(p);
    NewTransaction tx;
    BigInt left = h->remaining;
    for (const Posting &p : std::as_const(origin)) {
        if (left.isZero())
            break;
        const BigInt back = std::min(p.amount, left);
        tx.postings.append({h->account, p.source, h->asset, back});
        left -= back;
    }
    if (!left.isZero())
        tx.postings.append({h->account, balanceAccount(h->walletId, kMain), h->asset, left});
    tx.metadata = transactionMetadata({});
    WalletsUnit unit(m_store);
    auto id = post(tx);
    if (id)
        unit.commit();
    return id;
}

} // namespace Formance::Sandbox
