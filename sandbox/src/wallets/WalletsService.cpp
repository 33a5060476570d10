// The wallets service (v1): its 16 operations under /api/wallets, over WalletsBook, and the
// WalletOperations that orchestration's send stages use.
#include "WalletsBook.h"

#include "api/ApiSupport.h"
#include "core/Service.h"
#include "core/WalletOperations.h"
#include "ledger/AmountKey.h"
#include "ledger/PostingEngine.h"

#include <QDateTime>

namespace Formance::Sandbox {

using namespace WalletKeys;

namespace {

// The real service's default target ledger (its --ledger flag).
const QString kLedgerName = QStringLiteral("wallets-002");
// Idempotency keys of this API are kept apart from those of the ledger API.
const QString kIdempotencyScope = QStringLiteral("_wallets-api");

// The spec's codes only. A missing wallet, hold or balance is a 404: bare where the spec declares
// a 404 without content (getWallet, getWalletSummary), as the real service answers; elsewhere the
// spec's default error shape applies, whose enum has no NOT_FOUND, so the 404 carries VALIDATION.
Response walletsError(const LedgerError &e) {
    if (e.status == 404)
        return Response::error(404, QStringLiteral("VALIDATION"), e.message);
    if (e.status >= 500)
        return Response::error(500, QStringLiteral("INTERNAL_ERROR"), e.message);
    if (e.code == QLatin1String("INSUFFICIENT_FUND") || e.code == QLatin1String("HOLD_CLOSED"))
        return Response::error(400, e.code, e.message);
    return Response::error(400, QStringLiteral("VALIDATION"), e.message);
}

Response validation(const QString &m) {
    return Response::error(400, QStringLiteral("VALIDATION"), m);
}

Expected<BigInt> integerOf(const Json::Value &v, const QString &what) {
    if (!v.isNumber())
        return LedgerError::validation(QStringLiteral("%1 must be an integer").arg(what));
    auto n = BigInt::fromString(v.numberText());
    if (!n)
        return LedgerError::validation(QStringLiteral("%1 must be an integer").arg(what));
    return *n;
}

Expected<QString> optionalString(const Json::Value &v, const QString &what) {
    if (v.isNull())
        return QString();
    if (!v.isString())
        return LedgerError::validation(QStringLiteral("%1 must be a string").arg(what));
    return v.toString();
}

Expected<QString> optionalTime(const Json::Value &v, const QString &what) {
    auto text = optionalString(v, what);
    if (!text || text->isEmpty())
        return text;
    auto t = parseTime(text.value());
    if (!t)
        return LedgerError::validation(QStringLiteral("%1 must be an RFC 3339 date-time").arg(what));
    return *t;
}

struct Money {
    QString asset;
    BigInt amount;
};

Expected<Money> moneyOf(const Json::Value &v) {
    if (!v.isObject())
        return LedgerError::validation(QStringLiteral("amount must be an object {asset, amount}"));
    if (!v["asset"].isString())
        return LedgerError::validation(QStringLiteral("amount.asset must be a string"));
    auto n = integerOf(v["amount"], QStringLiteral("amount.amount"));
    if (!n)
        return n.error();
    return Money{v["asset"].toString(), n.value()};
}

Expected<WalletSubject> subjectOf(const Json::Value &v, const QString &what) {
    if (!v.isObject() || !v["type"].isString() || !v["identifier"].isString())
        return LedgerError::validation(QStringLiteral("%1 must be an object {type, identifier}").arg(what));
    WalletSubject s{v["type"].toString(), v["identifier"].toString(), {}};
    auto balance = optionalString(v["balance"], what + QStringLiteral(".balance"));
    if (!balance)
        return balance.error();
    s.balance = balance.value();
    if (s.type != QLatin1String("ACCOUNT") && s.type != QLatin1String("WALLET"))
        return LedgerError::validation(QStringLiteral("%1: unknown source type: %2").arg(what, s.type));
    return s;
}

// Credit and debit bodies start alike: a JSON object with the amount and the metadata.
struct MoneyBody {
    std::shared_ptr<Json::Document> doc; // keeps root valid
    Json::Value root;
    Money money;
    Metadata metadata;
};

Expected<MoneyBody> moneyBody(const QByteArray &raw) {
    auto body = parseBody(raw, true);
    if (!body)
        return body.error();
    MoneyBody out{body.value(), body.value()->root(), {}, {}};
    if (!out.root.isObject())
        return LedgerError::validation(QStringLiteral("the body must be a JSON object"));
    auto money = moneyOf(out.root["amount"]);
    if (!money)
        return money.error();
    out.money = money.value();
    auto md = LedgerStore::metadataFrom(out.root["metadata"], QStringLiteral("metadata"));
    if (!md)
        return md.error();
    out.metadata = md.value();
    return out;
}

void writeMetadata(Json::Writer &w, const Metadata &md) {
    w.rawJson(LedgerStore::metadataJson(md));
}

void writeAssets(Json::Writer &w, const std::map<QString, BigInt> &assets) {
    w.beginObject();
    for (const auto &[asset, amount] : assets) {
        w.key(asset);
        w.value(amount);
    }
    w.endObject();
}

void writeWallet(Json::Writer &w, const WalletInfo &wallet, const QString &ledger,
                 const std::map<QString, BigInt> *mainAssets) {
    w.beginObject();
    w.key("id");
    w.value(wallet.id);
    w.key("name");
    w.value(wallet.name);
    w.key("metadata");
    writeMetadata(w, wallet.metadata);
    w.key("createdAt");
    w.value(wallet.createdAt);
    w.key("ledger");
    w.value(ledger);
    if (mainAssets) {
        w.key("balances");
        w.beginObject();
        w.key("main");
        w.beginObject();
        w.key("assets");
        writeAssets(w, *mainAssets);
        w.endObject();
        w.endObject();
    }
    w.endObject();
}

void writeBalanceFields(Json::Writer &w, const BalanceInfo &b) {
    w.key("name");
    w.value(b.name);
    w.key("expiresAt");
    if (b.expiresAt.isEmpty())
        w.null();
    else
        w.value(b.expiresAt);
    w.key("priority");
    w.rawNumber(b.priority.toStdString());
}

void writeSubject(Json::Writer &w, const WalletSubject &s) {
    w.beginObject();
    w.key("type");
    w.value(s.type);
    w.key("identifier");
    w.value(s.identifier);
    if (s.type == QLatin1String("WALLET") && !s.balance.isEmpty()) {
        w.key("balance");
        w.value(s.balance);
    }
    w.endObject();
}

void writeHold(Json::Writer &w, const HoldInfo &h, bool expanded) {
    w.beginObject();
    w.key("id");
    w.value(h.id);
    w.key("walletID");
    w.value(h.walletId);
    w.key("metadata");
    writeMetadata(w, h.metadata);
    w.key("description");
    w.value(h.description);
    if (!h.destination.type.isEmpty()) {
        w.key("destination");
        writeSubject(w, h.destination);
    }
    w.key("asset");
    w.value(h.asset);
    if (expanded) {
        w.key("remaining");
        w.value(h.remaining);
        w.key("originalAmount");
        w.value(h.original);
    }
    w.endObject();
}

// The list's query with its deepObject metadata[...] filters, which QUrlQuery only finds decoded.
Expected<Cursor> filteredListQuery(const Request &r, const QStringList &names) {
    auto cursor = listQuery(r, names);
    if (!cursor || r.hasQuery(QStringLiteral("cursor")))
        return cursor;
    for (const auto &item : r.query.queryItems(QUrl::FullyDecoded))
        if (item.first.startsWith(QLatin1String("metadata[")) && item.first.endsWith(QLatin1Char(']')))
            cursor->query.params.insert(item.first, item.second);
    return cursor;
}

// "metadata[key]=value" filters on the client's metadata, stored under the custom-data prefix.
void customMetadataFilters(const QMap<QString, QString> &params, QString &sql, QVariantList &binds) {
    for (auto it = params.cbegin(); it != params.cend(); ++it) {
        if (!it.key().startsWith(QLatin1String("metadata[")))
            continue;
        const QString key = it.key().mid(9, it.key().size() - 10);
        sql += QStringLiteral(
            " AND EXISTS (SELECT 1 FROM json_each(a.metadata) md WHERE md.key = ? AND md.value = ?)");
        binds << kCustomPrefix + key << it.value();
    }
}

QString metadataIs(const QString &alias) {
    return QStringLiteral(
               " AND EXISTS (SELECT 1 FROM json_each(%1.metadata) md WHERE md.key = ? AND md.value = ?)")
        .arg(alias);
}

class WalletsService final : public Service, public WalletOperations {
public:
    explicit WalletsService(ServiceContext &context)
        : m_context(context)
        , m_book(context.store, context.ledger, kLedgerName) {
        QString error;
        if (!m_book.ensureLedger(&error))
            qWarning("wallets: cannot create the ledger %s: %s", qPrintable(kLedgerName), qPrintable(error));
        m_context.wallets = this;
    }
    ~WalletsService() override {
        if (m_context.wallets == this)
            m_context.wallets = nullptr;
    }

    QString name() const override { return QStringLiteral("wallets"); }
    void registerRoutes(Router &router) override;
    void seedDemo() override;

    // WalletOperations
    QString ledgerName() const override { return m_book.ledger(); }
    bool walletExists(const QString &walletId) override { return m_book.wallet(walletId).has_value(); }
    Expected<qint64> credit(const WalletMove &move) override {
        CreditOrder order;
        order.walletId = move.walletId;
        order.balance = move.balance;
        order.asset = move.asset;
        order.amount = move.amount;
        if (!move.counterpart.isEmpty() && move.counterpart != QLatin1String("world"))
            order.sources.append({QStringLiteral("ACCOUNT"), move.counterpart, {}});
        order.metadata = move.metadata;
        return m_book.credit(order);
    }
    Expected<qint64> debit(const WalletMove &move) override {
        DebitOrder order;
        order.walletId = move.walletId;
        order.balances = move.balances;
        order.asset = move.asset;
        order.amount = move.amount;
        if (!move.counterpart.isEmpty())
            order.destination = WalletSubject{QStringLiteral("ACCOUNT"), move.counterpart, {}};
        order.metadata = move.metadata;
        auto done = m_book.debit(order);
        if (!done)
            return done.error();
        return done->transactionId;
    }

private:
    Reply info(const Request &);
    Reply createWallet(const Request &r);
    Reply listWallets(const Request &r);
    Reply getWallet(const Request &r);
    Reply updateWallet(const Request &r);
    Reply walletSummary(const Request &r);
    Reply listBalances(const Request &r);
    Reply createBalance(const Request &r);
    Reply getBalance(const Request &r);
    Reply creditWallet(const Request &r);
    Reply debitWallet(const Request &r);
    Reply listHolds(const Request &r);
    Reply getHold(const Request &r);
    Reply confirmHold(const Request &r);
    Reply voidHold(const Request &r);
    Reply listTransactions(const Request &r);

    Reply idempotent(const Request &r, const std::function<Reply()> &op) {
        return withIdempotency(m_context.store, r, kIdempotencyScope, [&op] {
            Reply reply = op();
            // The store keeps bodies as NOT NULL blobs: a 204's empty body must be non-null.
            if (reply && reply->body.isNull())
                reply->body = QByteArray("");
            return reply;
        });
    }

    ServiceContext &m_context;
    WalletsBook m_book;
};

void WalletsService::registerRoutes(Router &router) {
    Routes routes(router, QStringLiteral("/api/wallets"));
    routes.on("GET", "/_info", this, &WalletsService::info);
    routes.on("GET", "/wallets", this, &WalletsService::listWallets);
    routes.on("POST", "/wallets", this, &WalletsService::createWallet);
    routes.on("GET", "/wallets/{id}", this, &WalletsService::getWallet);
    routes.on("PATCH", "/wallets/{id}", this, &WalletsService::updateWallet);
    routes.on("GET", "/wallets/{id}/summary", this, &WalletsService::walletSummary);
    routes.on("GET", "/wallets/{id}/balances", this, &WalletsService::listBalances);
    routes.on("POST", "/wallets/{id}/balances", this, &WalletsService::createBalance);
    routes.on("GET", "/wallets/{id}/balances/{balanceName}", this, &WalletsService::getBalance);
    routes.on("POST", "/wallets/{id}/credit", this, &WalletsService::creditWallet);
    routes.on("POST", "/wallets/{id}/debit", this, &WalletsService::debitWallet);
    routes.on("GET", "/holds", this, &WalletsService::listHolds);
    routes.on("GET", "/holds/{holdID}", this, &WalletsService::getHold);
    routes.on("POST", "/holds/{hold_id}/confirm", this, &WalletsService::confirmHold);
    routes.on("POST", "/holds/{hold_id}/void", this, &WalletsService::voidHold);
    routes.on("GET", "/transactions", this, &WalletsService::listTransactions);
}

Reply WalletsService::info(const Request &) {
    return infoResponse(m_context.versionOf(QStringLiteral("wallets")));
}

// --- wallets ---

Reply WalletsService::createWallet(const Request &r) {
    return idempotent(r, [&]() -> Reply {
        auto body = parseBody(r.body, true);
        if (!body)
            return walletsError(body.error());
        const Json::Value root = body.value()->root();
        if (!root.isObject())
            return validation(QStringLiteral("the body must be a JSON object"));
        auto name = optionalString(root["name"], QStringLiteral("name"));
        if (!name)
            return walletsError(name.error());
        auto md = LedgerStore::metadataFrom(root["metadata"], QStringLiteral("metadata"));
        if (!md)
            return walletsError(md.error());
        auto wallet = m_book.createWallet(name.value(), md.value());
        if (!wallet)
            return walletsError(wallet.error());
        return dataResponse(
            [&](Json::Writer &w) {
                const std::map<QString, BigInt> none;
                writeWallet(w, wallet.value(), m_book.ledger(), &none);
            },
            201);
    });
}

Reply WalletsService::listWallets(const Request &r) {
    auto cursor = filteredListQuery(r, {QStringLiteral("name"), QStringLiteral("expand")});
    if (!cursor)
        return walletsError(cursor.error());
    const auto &params = cursor->query.params;
    PageSpec spec;
    spec.from = QStringLiteral("FROM accounts a WHERE a.ledger = ?") + metadataIs(QStringLiteral("a"));
    spec.binds = {m_book.ledger(), kSpecType, kPrimary};
    if (params.contains(QStringLiteral("name"))) {
        spec.from += metadataIs(QStringLiteral("a"));
        spec.binds << kWalletName << params.value(QStringLiteral("name"));
    }
    customMetadataFilters(params, spec.from, spec.binds);
    spec.keyExpr = QStringLiteral("a.address");
    spec.columns = QStringLiteral("a.metadata");
    const bool expand =
        params.value(QStringLiteral("expand")).split(QLatin1Char(',')).contains(QStringLiteral("balances"));
    return pageResponse(m_context.store, cursor.value(), spec, [&](Json::Writer &w, const QSqlQuery &q) {
        const WalletInfo wallet =
            WalletsBook::walletFrom(LedgerStore::metadataFromText(q.value(1).toString()));
        if (!expand) {
            writeWallet(w, wallet, m_book.ledger(), nullptr);
            return;
        }
        const auto assets = m_book.assets(q.value(0).toString());
        writeWallet(w, wallet, m_book.ledger(), &assets);
    });
}

Reply WalletsService::getWallet(const Request &r) {
    const auto wallet = m_book.wallet(r.param(QStringLiteral("id")));
    if (!wallet)
        return Response::empty(404);
    const auto assets = m_book.assets(WalletsBook::balanceAccount(wallet->id, kMain));
    return dataResponse([&](Json::Writer &w) { writeWallet(w, *wallet, m_book.ledger(), &assets); });
}

Reply WalletsService::updateWallet(const Request &r) {
    return idempotent(r, [&]() -> Reply {
        auto body = parseBody(r.body, true);
        if (!body)
            return walletsError(body.error());
        const Json::Value root = body.value()->root();
        if (!root.isObject() || !root["metadata"].isObject())
            return validation(QStringLiteral("the body must be an object with a metadata object"));
        auto md = LedgerStore::metadataFrom(root["metadata"], QStringLiteral("metadata"));
        if (!md)
            return walletsError(md.error());
        auto done = m_book.updateWallet(r.param(QStringLiteral("id")), md.value());
        if (!done)
            return walletsError(done.error());
        return Response::empty(204);
    });
}

Reply WalletsService::walletSummary(const Request &r) {
    const QString id = r.param(QStringLiteral("id"));
    if (!m_book.wallet(id))
        return Response::empty(404);
    const QString now = nowTime();
    std::map<QString, BigInt> available, expired, expirable, held;
    Json::Writer w;
    w.beginObject();
    w.key("balances");
    w.beginArray();
    for (const BalanceInfo &b : m_book.balances(id)) {
        const auto assets = m_book.assets(b.account);
        w.beginObject();
        writeBalanceFields(w, b);
        w.key("assets");
        writeAssets(w, assets);
        w.endObject();
        for (const auto &[asset, amount] : assets) {
            if (b.expired(now)) {
                expired[asset] += amount;
                continue;
            }
            if (!b.expiresAt.isEmpty())
                expirable[asset] += amount;
            available[asset] += amount;
        }
    }
    w.endArray();
    for (const HoldInfo &h : m_book.holdsOf(id))
        held[h.asset] += h.remaining;
    w.key("availableFunds");
    writeAssets(w, available);
    w.key("expiredFunds");
    writeAssets(w, expired);
    w.key("expirableFunds");
    writeAssets(w, expirable);
    w.key("holdFunds");
    writeAssets(w, held);
    w.endObject();
    // v3.0.1 declares the {"data": ...} envelope (what the real service has always sent);
    // v2.1.1 declares the summary bare.
    if (m_context.v3())
        return dataResponse([&](Json::Writer &out) { out.rawJson(w.take()); });
    return Response::json(w.take());
}

// --- balances ---

Reply WalletsService::listBalances(const Request &r) {
    // As the real service: the balances carrying this wallet's id; none for an unknown wallet
    // (the spec gives this operation no error response).
    auto cursor = listQuery(r, {});
    if (!cursor)
        return walletsError(cursor.error());
    const QString id = r.param(QStringLiteral("id"));
    PageSpec spec;
    spec.from = QStringLiteral("FROM accounts a WHERE a.ledger = ?") + metadataIs(QStringLiteral("a")) +
                metadataIs(QStringLiteral("a"));
    spec.binds = {m_book.ledger(), kIsBalance, QStringLiteral("true"), kWalletId, id};
    spec.keyExpr = QStringLiteral("a.address");
    spec.columns = QStringLiteral("a.metadata");
    return pageResponse(m_context.store, cursor.value(), spec, [](Json::Writer &w, const QSqlQuery &q) {
        const BalanceInfo b = WalletsBook::balanceFrom(q.value(0).toString(),
                                                       LedgerStore::metadataFromText(q.value(1).toString()));
        w.beginObject();
        writeBalanceFields(w, b);
        w.endObject();
    });
}

Reply WalletsService::createBalance(const Request &r) {
    return idempotent(r, [&]() -> Reply {
        auto body = parseBody(r.body, true);
        if (!body)
            return walletsError(body.error());
        const Json::Value root = body.value()->root();
        if (!root.isObject() || !root["name"].isString())
            return validation(QStringLiteral("the body must be an object with a name"));
        auto expiresAt = optionalTime(root["expiresAt"], QStringLiteral("expiresAt"));
        if (!expiresAt)
            return walletsError(expiresAt.error());
        QString priority = QStringLiteral("0");
        if (!root["priority"].isNull()) {
            auto p = integerOf(root["priority"], QStringLiteral("priority"));
            if (!p)
                return walletsError(p.error());
            priority = p->toString();
        }
        auto balance = m_book.createBalance(r.param(QStringLiteral("id")), root["name"].toString(),
                                            expiresAt.value(), priority);
        if (!balance)
            return walletsError(balance.error());
        return dataResponse(
            [&](Json::Writer &w) {
                w.beginObject();
                writeBalanceFields(w, balance.value());
                w.endObject();
            },
            201);
    });
}

Reply WalletsService::getBalance(const Request &r) {
    const QString id = r.param(QStringLiteral("id"));
    if (!m_book.wallet(id))
        return walletsError(WalletErrors::notFound(QStringLiteral("wallet '%1' not found").arg(id)));
    const QString name = r.param(QStringLiteral("balanceName"));
    const auto b = m_book.balance(id, name);
    if (!b)
        return walletsError(WalletErrors::notFound(QStringLiteral("balance '%1' not found").arg(name)));
    return dataResponse([&](Json::Writer &w) {
        w.beginObject();
        writeBalanceFields(w, *b);
        w.key("assets");
        writeAssets(w, m_book.assets(b->account));
        w.endObject();
    });
}

// --- money ---

Reply WalletsService::creditWallet(const Request &r) {
    return idempotent(r, [&]() -> Reply {
        auto head = moneyBody(r.body);
        if (!head)
            return walletsError(head.error());
        const Json::Value root = head->root;
        CreditOrder order;
        order.walletId = r.param(QStringLiteral("id"));
        order.asset = head->money.asset;
        order.amount = head->money.amount;
        order.metadata = head->metadata;
        auto reference = optionalString(root["reference"], QStringLiteral("reference"));
        auto balance = optionalString(root["balance"], QStringLiteral("balance"));
        auto timestamp = optionalTime(root["timestamp"], QStringLiteral("timestamp"));
        for (const auto *e : {&reference, &balance, &timestamp})
            if (!*e)
                return walletsError(e->error());
        order.reference = reference.value();
        order.balance = balance.value();
        order.timestamp = timestamp.value();
        const Json::Value sources = root["sources"];
        if (!sources.isNull()) {
            if (!sources.isArray())
                return validation(QStringLiteral("sources must be an array"));
            for (const Json::Value &s : sources.elements()) {
                auto subject = subjectOf(s, QStringLiteral("sources"));
                if (!subject)
                    return walletsError(subject.error());
                order.sources.append(subject.value());
            }
        }
        auto done = m_book.credit(order);
        if (!done)
            return walletsError(done.error());
        return Response::empty(204);
    });
}

Reply WalletsService::debitWallet(const Request &r) {
    return idempotent(r, [&]() -> Reply {
        auto head = moneyBody(r.body);
        if (!head)
            return walletsError(head.error());
        const Json::Value root = head->root;
        DebitOrder order;
        order.walletId = r.param(QStringLiteral("id"));
        order.asset = head->money.asset;
        order.amount = head->money.amount;
        order.metadata = head->metadata;
        if (!root["pending"].isNull() && !root["pending"].isBool())
            return validation(QStringLiteral("pending must be a boolean"));
        order.pending = root["pending"].toBool();
        auto description = optionalString(root["description"], QStringLiteral("description"));
        auto reference = optionalString(root["reference"], QStringLiteral("reference"));
        auto timestamp = optionalTime(root["timestamp"], QStringLiteral("timestamp"));
        for (const auto *e : {&description, &reference, &timestamp})
            if (!*e)
                return walletsError(e->error());
        order.description = description.value();
        order.reference = reference.value();
        order.timestamp = timestamp.value();
        if (!root["destination"].isNull()) {
            auto subject = subjectOf(root["destination"], QStringLiteral("destination"));
            if (!subject)
                return walletsError(subject.error());
            order.destination = subject.value();
        }
        const Json::Value balances = root["balances"];
        if (!balances.isNull()) {
            if (!balances.isArray())
                return validation(QStringLiteral("balances must be an array of names"));
            for (const Json::Value &b : balances.elements()) {
                if (!b.isString())
                    return validation(QStringLiteral("balances must be an array of names"));
                order.balances << b.toString();
            }
        }
        auto done = m_book.debit(order);
        if (!done)
            return walletsError(done.error());
        if (!done->hold)
            return Response::empty(204);
        return dataResponse([&](Json::Writer &w) { writeHold(w, *done->hold, false); }, 201);
    });
}

// --- holds ---

Reply WalletsService::listHolds(const Request &r) {
    auto cursor = filteredListQuery(r, {QStringLiteral("walletID")});
    if (!cursor)
        return walletsError(cursor.error());
    const auto &params = cursor->query.params;
    PageSpec spec;
    spec.from = QStringLiteral("FROM accounts a WHERE a.ledger = ?") + metadataIs(QStringLiteral("a"));
    spec.binds = {m_book.ledger(), kSpecType, kHold};
    if (params.contains(QStringLiteral("walletID"))) {
        spec.from += metadataIs(QStringLiteral("a"));
        spec.binds << kHoldWalletId << params.value(QStringLiteral("walletID"));
    }
    customMetadataFilters(params, spec.from, spec.binds);
    spec.keyExpr = QStringLiteral("a.address");
    spec.columns = QStringLiteral("a.metadata");
    return pageResponse(m_context.store, cursor.value(), spec, [&](Json::Writer &w, const QSqlQuery &q) {
        writeHold(
            w, m_book.holdFrom(q.value(0).toString(), LedgerStore::metadataFromText(q.value(1).toString())),
            false);
    });
}

Reply WalletsService::getHold(const Request &r) {
    const QString id = r.param(QStringLiteral("holdID"));
    const auto hold = m_book.hold(id);
    if (!hold)
        return walletsError(WalletErrors::notFound(QStringLiteral("hold '%1' not found").arg(id)));
    return dataResponse([&](Json::Writer &w) { writeHold(w, *hold, true); });
}

Reply WalletsService::confirmHold(const Request &r) {
    return idempotent(r, [&]() -> Reply {
        auto body = parseBody(r.body, false);
        if (!body)
            return walletsError(body.error());
        const Json::Value root = body.value()->root();
        if (!root.isNull() && !root.isObject())
            return validation(QStringLiteral("the body must be a JSON object"));
        std::optional<BigInt> amount;
        bool final = false;
        if (root.isObject()) {
            if (!root["amount"].isNull()) {
                auto n = integerOf(root["amount"], QStringLiteral("amount"));
                if (!n)
                    return walletsError(n.error());
                amount = n.value();
            }
            if (!root["final"].isNull() && !root["final"].isBool())
                return validation(QStringLiteral("final must be a boolean"));
            final = root["final"].toBool();
        }
        auto done = m_book.confirmHold(r.param(QStringLiteral("hold_id")), amount, final);
        if (!done)
            return walletsError(done.error());
        return Response::empty(204);
    });
}

Reply WalletsService::voidHold(const Request &r) {
    return idempotent(r, [&]() -> Reply {
        auto done = m_book.voidHold(r.param(QStringLiteral("hold_id")));
        if (!done)
            return walletsError(done.error());
        return Response::empty(204);
    });
}

// --- transactions ---

Reply WalletsService::listTransactions(const Request &r) {
    auto cursor = listQuery(r, {QStringLiteral("walletID")});
    if (!cursor)
        return walletsError(cursor.error());
    const auto &params = cursor->query.params;
    PageSpec spec;
    spec.from = QStringLiteral("FROM transactions t WHERE t.ledger = ?") + metadataIs(QStringLiteral("t"));
    spec.binds = {m_book.ledger(), kTransaction, QStringLiteral("true")};
    if (params.contains(QStringLiteral("walletID"))) {
        // The wallet's own accounts (wallets:{id}:...) and its holds: a confirmation moves money
        // out of the wallet's hold without touching its balances.
        const QString id = params.value(QStringLiteral("walletID"));
        const QString prefix = WalletsBook::balanceAccount(id, QStringLiteral("x")).chopped(1);
        spec.from += QStringLiteral(
                         " AND EXISTS (SELECT 1 FROM moves m WHERE m.ledger = t.ledger AND m.tx_id = t.id AND"
                         " (substr(m.account, 1, ?) = ? OR m.account IN (SELECT h.address FROM accounts h"
                         " WHERE h.ledger = t.ledger") +
                     metadataIs(QStringLiteral("h")) + QStringLiteral(")))");
        spec.binds << prefix.size() << prefix << kHoldWalletId << id;
    }
    spec.keyExpr = QStringLiteral("t.id");
    spec.keyIsInt = true;
    spec.ascending = false;
    spec.columns = QString::fromLatin1(LedgerStore::kTxColumns);
    const QString ledger = m_book.ledger();
    return pageResponse(m_context.store, cursor.value(), spec, [&](Json::Writer &w, const QSqlQuery &q) {
        const Transaction tx = LedgerStore::readTransaction(q, 1);
        w.beginObject();
        w.key("ledger");
        w.value(ledger);
        PostingEngine::writeTransaction(w, tx);
        if (!tx.postVolumes.isEmpty()) {
            w.key("postCommitVolumes");
            w.rawJson(tx.postVolumes);
        }
        w.endObject();
    });
}

// --- demo ---

void WalletsService::seedDemo() {
    QSqlQuery q = m_context.store.query(QStringLiteral("SELECT COUNT(*) FROM accounts a WHERE a.ledger = ?") +
                                            metadataIs(QStringLiteral("a")),
                                        {m_book.ledger(), kSpecType, kPrimary});
    if (!q.next() || q.value(0).toLongLong() > 0)
        return;
    q.finish();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto daysAgo = [&](int days) { return canonicalTime(Timestamp::fromDateTime(now.addDays(-days))); };
    auto account = [](const char *a) {
        return WalletSubject{QStringLiteral("ACCOUNT"), QString::fromLatin1(a), {}};
    };
    auto money = [](const char *n) { return *BigInt::fromString(n); };
    bool ok = true;
    auto check = [&](const auto &result) {
        if (!result) {
            qWarning("wallets demo seed: %s", qPrintable(result.error().message));
            ok = false;
        }
        return result.ok();
    };
    auto wallet = [&](const char *name, Metadata md, int days) {
        auto w = m_book.createWallet(QString::fromLatin1(name), md, daysAgo(days));
        check(w);
        return w ? w->id : QString();
    };
    auto topUp = [&](const QString &id, const char *asset, const char *amount, const char *reference,
                     int days, const QString &balance = {}) {
        CreditOrder c;
        c.walletId = id;
        c.balance = balance;
        c.asset = QString::fromLatin1(asset);
        c.amount = money(amount);
        c.reference = QString::fromLatin1(reference);
        c.timestamp = daysAgo(days);
        c.metadata = {{QStringLiteral("channel"), QStringLiteral("card")}};
        check(m_book.credit(c));
    };
    auto spend = [&](const QString &id, const char *asset, const char *amount,
                     std::optional<WalletSubject> to, bool pending, const char *description,
                     QStringList balances = {}) {
        DebitOrder d;
        d.walletId = id;
        d.asset = QString::fromLatin1(asset);
        d.amount = money(amount);
        d.destination = std::move(to);
        d.pending = pending;
        d.description = QString::fromLatin1(description);
        d.balances = std::move(balances);
        d.metadata = {{QStringLiteral("purpose"), d.description}};
        auto done = m_book.debit(d);
        check(done);
        return done && done->hold ? done->hold->id : QString();
    };

    WalletsUnit unit(m_context.store);
    const QString alice =
        wallet("alice", {{"customer", "cus_001"}, {"segment", "retail"}, {"currency", "USD"}}, 14);
    const QString bob =
        wallet("bob", {{"customer", "cus_002"}, {"segment", "retail"}, {"currency", "USD"}}, 11);
    const QString chloe =
        wallet("chloe", {{"customer", "cus_003"}, {"segment", "premium"}, {"currency", "EUR"}}, 9);
    const QString david =
        wallet("david", {{"customer", "cus_004"}, {"segment", "retail"}, {"currency", "EUR"}}, 6);

    topUp(alice, "USD/2", "150000", "topup-alice-1", 12);
    check(m_book.createBalance(alice, QStringLiteral("rewards"), {}, QStringLiteral("1")));
    topUp(alice, "USD/2", "5000", "reward-alice-1", 9, QStringLiteral("rewards"));
    spend(alice, "USD/2", "4599", account("merchants:coffee-shop"), false, "coffee and pastries");
    spend(alice, "USD/2", "3000", account("merchants:bookstore"), false, "books", {QStringLiteral("*")});
    spend(alice, "USD/2", "12000", account("merchants:hotel"), true, "hotel deposit"); // stays open

    topUp(bob, "USD/2", "50000", "topup-bob-1", 10);
    const QString taxi =
        spend(bob, "USD/2", "3000", account("merchants:taxi"), true, "ride pre-authorisation");
    check(m_book.confirmHold(taxi, std::nullopt, true));
    const QString rental =
        spend(bob, "USD/2", "8000", account("merchants:car-rental"), true, "car rental deposit");
    check(m_book.voidHold(rental));

    topUp(chloe, "EUR/2", "80000", "topup-chloe-1", 8);
    check(m_book.createBalance(chloe, QStringLiteral("gift"),
                               canonicalTime(Timestamp::fromDateTime(now.addDays(30))), QStringLiteral("0")));
    topUp(chloe, "EUR/2", "5000", "gift-chloe-1", 6, QStringLiteral("gift"));
    spend(chloe, "EUR/2", "1500", account("merchants:bakery"), false, "bakery", {QStringLiteral("*")});
    const QString trip = spend(chloe, "EUR/2", "20000", account("merchants:airline"), true, "flight booking");
    check(m_book.confirmHold(trip, money("5000"), false)); // partly confirmed, the rest still held

    topUp(david, "EUR/2", "20000", "topup-david-1", 5);
    spend(david, "EUR/2", "2500", WalletSubject{QStringLiteral("WALLET"), chloe, {}}, false, "dinner share");
    if (ok)
        unit.commit();
}

} // namespace

std::unique_ptr<Service> makeWalletsService(ServiceContext &context) {
    return std::make_unique<WalletsService>(context);
}

} // namespace Formance::Sandbox
