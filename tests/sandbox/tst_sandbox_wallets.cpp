// Wallets v1 behaviour of the sandbox, end to end through the typed SDK, with the money checked
// where it really is: the wallets' ledger, read through the ledger v2 API.
#include "SandboxFixture.h"

#include "Server.h"
#include "auth/TokenIssuer.h"
#include "core/EventBus.h"
#include "core/Service.h"
#include "core/WalletOperations.h"
#include "ledger/LedgerStore.h"
#include "ledger/PostingEngine.h"
#include <Formance/Sdk.h>

#include <QScopeGuard>

using namespace SandboxTest;
namespace W = Formance::Wallets::V1;

namespace {
const QString kLedger = QStringLiteral("wallets-002");

QString mainAccount(QString walletId) {
    return QStringLiteral("wallets:%1:main").arg(walletId.remove(QLatin1Char('-')));
}
QString balanceAccount(QString walletId, const QString &balance) {
    return QStringLiteral("wallets:%1:%2").arg(walletId.remove(QLatin1Char('-')), balance);
}
QString holdAccount(QString holdId) {
    return QStringLiteral("wallets:holds:%1").arg(holdId.remove(QLatin1Char('-')));
}
BigInt big(const char *text) {
    return *BigInt::fromString(text);
}
} // namespace

class TestSandboxWallets : public QObject {
    Q_OBJECT
    Fixture f;

    bool m_direct = false; // around Prism: it re-serialises bodies through JavaScript numbers
    W::WalletsV1Api api() { return (m_direct ? f.direct : f.client)->wallets().v1(); }

    Models::Wallet createWallet(const QString &name, const QMap<QString, QString> &md = {}) {
        W::CreateWalletRequest req;
        req.body = Models::CreateWalletRequest{md, name};
        auto res = api().createWallet(req).result();
        if (!res.ok())
            qFatal("createWallet: %s", qPrintable(res.error().toString()));
        return res->body.data;
    }
    Result<W::CreditWalletResponse> credit(const QString &id, const QString &asset, const BigInt &amount,
                                           const QString &balance = {},
                                           const std::optional<QList<Models::Subject>> &sources = {}) {
        W::CreditWalletRequest req;
        req.id = id;
        Models::CreditWalletRequest body;
        body.amount = {asset, amount};
        body.metadata = QMap<QString, QString>{{QStringLiteral("origin"), QStringLiteral("test")}};
        if (!balance.isEmpty())
            body.balance = balance;
        body.sources = sources;
        req.body = body;
        return api().creditWallet(req).result();
    }
    Result<W::DebitWalletResponse> debit(const QString &id, const QString &asset, const BigInt &amount,
                                         bool pending = false,
                                         const std::optional<QList<QString>> &balances = {},
                                         const std::optional<Models::Subject> &destination = {}) {
        W::DebitWalletRequest req;
        req.id = id;
        Models::DebitWalletRequest body;
        body.amount = {asset, amount};
        body.metadata = {{QStringLiteral("order"), QStringLiteral("o-1")}};
        body.pending = pending;
        body.balances = balances;
        body.destination = destination;
        body.description = QStringLiteral("test debit");
        req.body = body;
        return api().debitWallet(req).result();
    }
    BigInt mainBalance(const QString &id, const QString &asset) {
        W::GetWalletRequest req;
        req.id = id;
        auto res = api().getWallet(req).result();
        if (!res.ok())
            return BigInt::fromString("-999999").value();
        return res->body.data.balances.main.assets.value(asset);
    }
    Models::ExpandedDebitHold hold(const QString &id) {
        W::GetHoldRequest req;
        req.holdID = id;
        auto res = api().getHold(req).result();
        if (!res.ok())
            qFatal("getHold: %s", qPrintable(res.error().toString()));
        return res->body.data;
    }
    Result<W::ConfirmHoldResponse> confirm(const QString &holdId, std::optional<BigInt> amount,
                                           std::optional<bool> final) {
        W::ConfirmHoldRequest req;
        req.holdId = holdId;
        req.body = Models::ConfirmHoldRequest{amount, final};
        return api().confirmHold(req).result();
    }
    Result<W::VoidHoldResponse> voidHold(const QString &holdId) {
        W::VoidHoldRequest req;
        req.holdId = holdId;
        return api().voidHold(req).result();
    }
    qint64 ledgerTransactions() { return f.count(kLedger, QStringLiteral("transactions")); }
    static Models::Subject accountSubject(const QString &account) {
        return Models::LedgerAccountSubject{QStringLiteral("ACCOUNT"), account};
    }
    static Models::Subject walletSubject(const QString &id, const std::optional<QString> &balance = {}) {
        return Models::WalletSubject{QStringLiteral("WALLET"), id, balance};
    }

private slots:
    void initTestCase() { QVERIFY(f.start()); }
    void cleanupTestCase() { f.stop(); }

    void serverInfoAndLedger() {
        auto info = api().walletsgetServerInfo().result();
        QVERIFY2(info.ok(), qPrintable(info.ok() ? QString() : info.error().toString()));
        QVERIFY(!info->body.version.isEmpty());
        // The service's ledger exists from the start.
        QCOMPARE(f.call("GET", QStringLiteral("/api/ledger/v2/%1").arg(kLedger)).status, 200);
    }

    void createListGetUpdateWallets() {
        const Models::Wallet alice =
            createWallet(QStringLiteral("alice"), {{"tier", "gold"}, {"country", "FR"}});
        const Models::Wallet bob = createWallet(QStringLiteral("bob"), {{"tier", "silver"}});
        createWallet(QStringLiteral("carol"), {{"tier", "gold"}});
        QCOMPARE(alice.name, QStringLiteral("alice"));
        QCOMPARE(alice.ledger, kLedger);
        QCOMPARE(alice.metadata.value("tier"), QStringLiteral("gold"));
        QCOMPARE(alice.id.size(), 36);

        // The wallet is a ledger account with the real service's metadata.
        Reply acc = f.call(
            "GET", QStringLiteral("/api/ledger/v2/%1/accounts/%2").arg(kLedger, mainAccount(alice.id)));
        QCOMPARE(acc.status, 200);
        QCOMPARE(acc.str({"data", "metadata", "wallets/spec/type"}), QStringLiteral("wallets.primary"));
        QCOMPARE(acc.str({"data", "metadata", "wallets/id"}), alice.id);
        QCOMPARE(acc.str({"data", "metadata", "wallets/custom_data_tier"}), QStringLiteral("gold"));

        W::GetWalletRequest get;
        get.id = alice.id;
        auto got = api().getWallet(get).result();
        QVERIFY(got.ok());
        QCOMPARE(got->body.data.name, QStringLiteral("alice"));
        QCOMPARE(got->body.data.metadata.value("country"), QStringLiteral("FR"));
        QVERIFY(got->body.data.balances.main.assets.isEmpty());

        W::ListWalletsRequest byName;
        byName.name = QStringLiteral("bob");
        auto list = api().listWallets(byName).result();
        QVERIFY(list.ok());
        QCOMPARE(list->body.cursor.data.size(), 1);
        QCOMPARE(list->body.cursor.data[0].id, bob.id);

        W::ListWalletsRequest byMetadata;
        byMetadata.metadata = QMap<QString, QString>{{"tier", "gold"}};
        list = api().listWallets(byMetadata).result();
        QVERIFY(list.ok());
        QStringList names;
        for (const auto &w : list->body.cursor.data)
            names << w.name;
        names.sort();
        QCOMPARE(names, (QStringList{"alice", "carol"}));

        // Pages of one, walked with the cursor.
        W::ListWalletsRequest paged;
        paged.pageSize = 1;
        paged.metadata = QMap<QString, QString>{{"tier", "gold"}};
        list = api().listWallets(paged).result();
        QVERIFY(list.ok());
        QCOMPARE(list->body.cursor.data.size(), 1);
        QVERIFY(list->body.cursor.hasMore.value_or(false));
        W::ListWalletsRequest next;
        next.cursor = list->body.cursor.next;
        auto second = api().listWallets(next).result();
        QVERIFY(second.ok());
        QCOMPARE(second->body.cursor.data.size(), 1);
        QVERIFY(second->body.cursor.data[0].id != list->body.cursor.data[0].id);
        QVERIFY(!second->body.cursor.hasMore.value_or(false));

        // Metadata is merged.
        W::UpdateWalletRequest upd;
        upd.id = alice.id;
        upd.body = Models::UpdateWalletRequestBody{{{"tier", "platinum"}, {"vip", "yes"}}};
        auto updated = api().updateWallet(upd).result();
        QVERIFY(updated.ok());
        QCOMPARE(updated->statusCode, 204);
        got = api().getWallet(get).result();
        QCOMPARE(got->body.data.metadata.value("tier"), QStringLiteral("platinum"));
        QCOMPARE(got->body.data.metadata.value("vip"), QStringLiteral("yes"));
        QCOMPARE(got->body.data.metadata.value("country"), QStringLiteral("FR"));

        // expand=balances brings the main balance.
        Models::Wallet funded = createWallet(QStringLiteral("expand-me"));
        QVERIFY(credit(funded.id, "USD/2", big("42")).ok());
        W::ListWalletsRequest expand;
        expand.name = QStringLiteral("expand-me");
        expand.expand = QStringLiteral("balances");
        list = api().listWallets(expand).result();
        QVERIFY(list.ok());
        QCOMPARE(list->body.cursor.data.size(), 1);
        QVERIFY(list->body.cursor.data[0].balances.has_value());
        QCOMPARE(list->body.cursor.data[0].balances->main.assets.value("USD/2"), big("42"));
    }

    void creditDebitAndRefusal() {
        const Models::Wallet w = createWallet(QStringLiteral("spender"));
        auto c = credit(w.id, "USD/2", big("1000"));
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().toString()));
        QCOMPARE(c->statusCode, 204);
        QCOMPARE(mainBalance(w.id, "USD/2"), big("1000"));
        // The money is in the ledger.
        QCOMPARE(f.balance(kLedger, mainAccount(w.id), "USD/2"), QStringLiteral("1000"));

        auto d = debit(w.id, "USD/2", big("300"));
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().toString()));
        QCOMPARE(d->statusCode, 204);
        QVERIFY(!d->body.has_value());
        QCOMPARE(mainBalance(w.id, "USD/2"), big("700"));
        QCOMPARE(f.balance(kLedger, mainAccount(w.id), "USD/2"), QStringLiteral("700"));

        // Refused: nothing moves, no transaction is written.
        const qint64 before = ledgerTransactions();
        d = debit(w.id, "USD/2", big("701"));
        QVERIFY(!d.ok());
        QCOMPARE(d.error().httpStatus(), 400);
        QCOMPARE(d.error().errorCode(), QStringLiteral("INSUFFICIENT_FUND"));
        QCOMPARE(mainBalance(w.id, "USD/2"), big("700"));
        QCOMPARE(ledgerTransactions(), before);
        // A pending debit is refused the same way: no hold is left behind.
        d = debit(w.id, "USD/2", big("701"), true);
        QCOMPARE(d.error().errorCode(), QStringLiteral("INSUFFICIENT_FUND"));
        W::GetHoldsRequest holds;
        holds.walletID = w.id;
        QCOMPARE(api().getHolds(holds).result()->body.cursor.data.size(), 0);

        // To a ledger account and to another wallet.
        QVERIFY(debit(w.id, "USD/2", big("100"), false, {}, accountSubject("merchants:acme")).ok());
        QCOMPARE(f.balance(kLedger, "merchants:acme", "USD/2"), QStringLiteral("100"));
        const Models::Wallet friendW = createWallet(QStringLiteral("friend"));
        QVERIFY(debit(w.id, "USD/2", big("50"), false, {}, walletSubject(friendW.id)).ok());
        QCOMPARE(mainBalance(friendW.id, "USD/2"), big("50"));
        // Credit from a given source: the merchant pays back.
        QVERIFY(credit(w.id, "USD/2", big("30"), {}, QList<Models::Subject>{accountSubject("merchants:acme")})
                    .ok());
        QCOMPARE(f.balance(kLedger, "merchants:acme", "USD/2"), QStringLiteral("70"));
        QCOMPARE(mainBalance(w.id, "USD/2"), big("580"));
        // References are unique in the ledger: a second use is refused and moves nothing.
        W::CreditWalletRequest ref;
        ref.id = w.id;
        ref.body = Models::CreditWalletRequest{
            {QStringLiteral("USD/2"), big("5")}, {}, QStringLiteral("ref-dup"), {}, {}, {}};
        QVERIFY(api().creditWallet(ref).result().ok());
        auto dup = api().creditWallet(ref).result();
        QCOMPARE(dup.error().httpStatus(), 400);
        QCOMPARE(dup.error().errorCode(), QStringLiteral("VALIDATION"));
        QCOMPARE(mainBalance(w.id, "USD/2"), big("585"));
        QCOMPARE(f.count(kLedger, "transactions", R"({"$match":{"reference":"ref-dup"}})"), 1);
        // A source without the funds is refused.
        auto refused =
            credit(w.id, "USD/2", big("71"), {}, QList<Models::Subject>{accountSubject("merchants:acme")});
        QCOMPARE(refused.error().errorCode(), QStringLiteral("INSUFFICIENT_FUND"));
    }

    void holdsPartialFinalVoid() {
        const Models::Wallet w = createWallet(QStringLiteral("holder"));
        QVERIFY(credit(w.id, "EUR/2", big("1000")).ok());
        auto d = debit(w.id, "EUR/2", big("500"), true, {}, accountSubject("merchants:shop"));
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().toString()));
        QCOMPARE(d->statusCode, 201);
        const Models::Hold h = d->body->data;
        QCOMPARE(h.walletID, w.id);
        QCOMPARE(h.description, QStringLiteral("test debit"));
        QCOMPARE(h.metadata.value("order"), QStringLiteral("o-1"));
        QVERIFY(h.destination && h.destination->is<Models::LedgerAccountSubject>());
        QCOMPARE(mainBalance(w.id, "EUR/2"), big("500"));
        QCOMPARE(f.balance(kLedger, holdAccount(h.id), "EUR/2"), QStringLiteral("500"));
        QCOMPARE(f.balance(kLedger, "merchants:shop", "EUR/2"), QStringLiteral("0"));

        Models::ExpandedDebitHold e = hold(h.id);
        QCOMPARE(e.originalAmount, big("500"));
        QCOMPARE(e.remaining, big("500"));

        // Partial, not final: the rest stays held.
        auto c = confirm(h.id, big("200"), false);
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().toString()));
        QCOMPARE(c->statusCode, 204);
        e = hold(h.id);
        QCOMPARE(e.remaining, big("300"));
        QCOMPARE(e.originalAmount, big("500"));
        QCOMPARE(f.balance(kLedger, "merchants:shop", "EUR/2"), QStringLiteral("200"));
        // More than what is held.
        c = confirm(h.id, big("301"), false);
        QCOMPARE(c.error().errorCode(), QStringLiteral("INSUFFICIENT_FUND"));
        // Final, partial: the rest goes back to the wallet.
        c = confirm(h.id, big("100"), true);
        QVERIFY(c.ok());
        e = hold(h.id);
        QCOMPARE(e.remaining, big("0"));
        QCOMPARE(f.balance(kLedger, "merchants:shop", "EUR/2"), QStringLiteral("300"));
        QCOMPARE(mainBalance(w.id, "EUR/2"), big("700"));
        c = confirm(h.id, {}, {});
        QCOMPARE(c.error().httpStatus(), 400);
        QCOMPARE(c.error().errorCode(), QStringLiteral("HOLD_CLOSED"));

        // Void: the money comes back; a voided hold is closed.
        d = debit(w.id, "EUR/2", big("250"), true);
        QVERIFY(d.ok());
        const QString second = d->body->data.id;
        QCOMPARE(mainBalance(w.id, "EUR/2"), big("450"));
        auto v = voidHold(second);
        QVERIFY2(v.ok(), qPrintable(v.ok() ? QString() : v.error().toString()));
        QCOMPARE(v->statusCode, 204);
        QCOMPARE(mainBalance(w.id, "EUR/2"), big("700"));
        QCOMPARE(f.balance(kLedger, holdAccount(second), "EUR/2"), QStringLiteral("0"));
        QCOMPARE(confirm(second, {}, {}).error().errorCode(), QStringLiteral("HOLD_CLOSED"));
        QCOMPARE(voidHold(second).error().errorCode(), QStringLiteral("HOLD_CLOSED"));

        // A whole confirmation (no amount) to the default destination, world.
        d = debit(w.id, "EUR/2", big("70"), true);
        const QString third = d->body->data.id;
        QVERIFY(confirm(third, {}, {}).ok());
        QCOMPARE(hold(third).remaining, big("0"));
        QCOMPARE(mainBalance(w.id, "EUR/2"), big("630"));

        W::GetHoldsRequest list;
        list.walletID = w.id;
        auto holds = api().getHolds(list).result();
        QVERIFY(holds.ok());
        QCOMPARE(holds->body.cursor.data.size(), 3);
        list.metadata = QMap<QString, QString>{{"order", "o-1"}};
        QCOMPARE(api().getHolds(list).result()->body.cursor.data.size(), 3);
        list.metadata = QMap<QString, QString>{{"order", "nope"}};
        QCOMPARE(api().getHolds(list).result()->body.cursor.data.size(), 0);
    }

    void namedBalancesWithPriority() {
        const Models::Wallet w = createWallet(QStringLiteral("balances"));
        auto make = [&](const QString &name, std::optional<BigInt> priority, std::optional<QString> expires) {
            W::CreateBalanceRequest req;
            req.id = w.id;
            Models::Balance b;
            b.name = name;
            b.priority = priority;
            if (expires)
                b.expiresAt = *Timestamp::parse(*expires);
            req.body = b;
            return api().createBalance(req).result();
        };
        auto b = make("bonus", big("1"), {});
        QVERIFY2(b.ok(), qPrintable(b.ok() ? QString() : b.error().toString()));
        QCOMPARE(b->statusCode, 201);
        QCOMPARE(b->body.data.name, QStringLiteral("bonus"));
        QCOMPARE(b->body.data.priority.value_or(BigInt()), big("1"));
        QVERIFY(make("promo", big("2"), {}).ok());
        QVERIFY(make("gift", {}, QStringLiteral("2099-01-01T00:00:00Z")).ok());
        QVERIFY(make("old", {}, QStringLiteral("2001-01-01T00:00:00Z")).ok());
        QCOMPARE(make("main", {}, {}).error().errorCode(), QStringLiteral("VALIDATION"));
        QCOMPARE(make("bonus", {}, {}).error().errorCode(), QStringLiteral("VALIDATION"));
        QCOMPARE(make("bad name", {}, {}).error().errorCode(), QStringLiteral("VALIDATION"));

        for (const char *name : {"bonus", "promo", "gift", "old"})
            QVERIFY(credit(w.id, "USD/2", big("100"), name).ok());
        QVERIFY(credit(w.id, "USD/2", big("100")).ok());
        QCOMPARE(credit(w.id, "USD/2", big("1"), "missing").error().errorCode(),
                 QStringLiteral("VALIDATION"));

        W::GetBalanceRequest getB;
        getB.id = w.id;
        getB.balanceName = QStringLiteral("bonus");
        auto got = api().getBalance(getB).result();
        QVERIFY(got.ok());
        QCOMPARE(got->body.data.assets.value("USD/2"), big("100"));
        QCOMPARE(f.balance(kLedger, balanceAccount(w.id, "bonus"), "USD/2"), QStringLiteral("100"));

        W::ListBalancesRequest listB;
        listB.id = w.id;
        auto listed = api().listBalances(listB).result();
        QVERIFY(listed.ok());
        QCOMPARE(listed->body.cursor.data.size(), 5); // main included

        // "*": expiring (not expired) first, then by priority, main last; the expired one is skipped.
        auto d = debit(w.id, "USD/2", big("250"), false, QList<QString>{"*"});
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().toString()));
        QCOMPARE(f.balance(kLedger, balanceAccount(w.id, "gift"), "USD/2"), QStringLiteral("0"));
        QCOMPARE(f.balance(kLedger, balanceAccount(w.id, "bonus"), "USD/2"), QStringLiteral("0"));
        QCOMPARE(f.balance(kLedger, balanceAccount(w.id, "promo"), "USD/2"), QStringLiteral("50"));
        QCOMPARE(f.balance(kLedger, balanceAccount(w.id, "old"), "USD/2"), QStringLiteral("100"));
        QCOMPARE(mainBalance(w.id, "USD/2"), big("100"));
        // Named balances, in the order given.
        QVERIFY(debit(w.id, "USD/2", big("120"), false, QList<QString>{"main", "promo"}).ok());
        QCOMPARE(mainBalance(w.id, "USD/2"), big("0"));
        QCOMPARE(f.balance(kLedger, balanceAccount(w.id, "promo"), "USD/2"), QStringLiteral("30"));
        // Only the expired balance: nothing to take.
        QCOMPARE(debit(w.id, "USD/2", big("1"), false, QList<QString>{"old"}).error().errorCode(),
                 QStringLiteral("INSUFFICIENT_FUND"));
        QCOMPARE(debit(w.id, "USD/2", big("1"), false, QList<QString>{"*", "main"}).error().errorCode(),
                 QStringLiteral("VALIDATION"));
        QCOMPARE(debit(w.id, "USD/2", big("1"), false, QList<QString>{"nope"}).error().errorCode(),
                 QStringLiteral("VALIDATION"));
        // Across balances, too little in total: refused whole.
        const qint64 before = ledgerTransactions();
        QCOMPARE(debit(w.id, "USD/2", big("31"), false, QList<QString>{"*"}).error().errorCode(),
                 QStringLiteral("INSUFFICIENT_FUND"));
        QCOMPARE(ledgerTransactions(), before);
        QCOMPARE(f.balance(kLedger, balanceAccount(w.id, "promo"), "USD/2"), QStringLiteral("30"));

        // Summary: available (main, promo...), expired (old), expirable (gift), held.
        QVERIFY(credit(w.id, "USD/2", big("500")).ok());
        QVERIFY(credit(w.id, "USD/2", big("5"), "gift").ok());
        QVERIFY(debit(w.id, "USD/2", big("200"), true).ok());
        // v3.0.1 wraps the summary in {"data": ...} (as the real service always did), v2.1.1
        // declares it bare: read raw, each mode checked against its own document when proxied.
        const Reply summary = f.call("GET", QStringLiteral("/api/wallets/wallets/%1/summary").arg(w.id));
        QCOMPARE(summary.status, 200);
        QCOMPARE(summary.json()["data"].isObject(), f.v3());
        const Json::Value s = f.v3() ? summary.json()["data"] : summary.json();
        QCOMPARE(s["balances"].size(), size_t(5));
        QCOMPARE(num(s["availableFunds"]["USD/2"]), QStringLiteral("335")); // main 300 + promo 30 + gift 5
        QCOMPARE(num(s["expiredFunds"]["USD/2"]), QStringLiteral("100"));
        QCOMPARE(num(s["expirableFunds"]["USD/2"]), QStringLiteral("5"));
        QCOMPARE(num(s["holdFunds"]["USD/2"]), QStringLiteral("200"));
        W::GetWalletSummaryRequest sreq;
        sreq.id = w.id;
        auto typed = api().getWalletSummary(sreq).result();
        QVERIFY2(typed.ok(), qPrintable(typed.ok() ? QString() : typed.error().toString()));
        const auto &t = typed->body.data; // the SDK reads either form
        QCOMPARE(t.balances.size(), 5);
        QCOMPARE(t.availableFunds.value("USD/2"), big("335"));
        QCOMPARE(t.expiredFunds.value("USD/2"), big("100"));
        QCOMPARE(t.expirableFunds.value("USD/2"), big("5"));
        QCOMPARE(t.holdFunds.value("USD/2"), big("200"));
    }

    void amountsPast2To64() {
        m_direct = true;
        const auto restore = qScopeGuard([this] { m_direct = false; });
        auto ledgerBalance = [&](const QString &account, const char *asset) {
            const Reply r =
                toReply(f.direct
                            ->send(request(
                                "GET", QStringLiteral("/api/ledger/v2/%1/accounts/%2").arg(kLedger, account),
                                {}, {{QStringLiteral("expand"), QStringLiteral("volumes")}}))
                            .result());
            return num(r.json()["data"]["volumes"][asset]["balance"]);
        };
        const Models::Wallet w = createWallet(QStringLiteral("whale"));
        const BigInt huge = big("18446744073709551621"); // 2^64 + 5
        QVERIFY(credit(w.id, "ETH/18", huge).ok());
        QVERIFY(credit(w.id, "ETH/18", huge).ok());
        QCOMPARE(mainBalance(w.id, "ETH/18"), big("36893488147419103242"));
        auto d = debit(w.id, "ETH/18", big("18446744073709551616"), true);
        QVERIFY(d.ok());
        QCOMPARE(hold(d->body->data.id).remaining, big("18446744073709551616"));
        QVERIFY(confirm(d->body->data.id, big("18446744073709551615"), false).ok());
        QCOMPARE(hold(d->body->data.id).remaining, big("1"));
        QCOMPARE(mainBalance(w.id, "ETH/18"), big("18446744073709551626"));
        QCOMPARE(ledgerBalance(mainAccount(w.id), "ETH/18"), QStringLiteral("18446744073709551626"));
        QCOMPARE(debit(w.id, "ETH/18", big("18446744073709551627")).error().errorCode(),
                 QStringLiteral("INSUFFICIENT_FUND"));
    }

    void walletTransactions() {
        const Models::Wallet w = createWallet(QStringLiteral("history"));
        QVERIFY(credit(w.id, "USD/2", big("100")).ok());
        QVERIFY(debit(w.id, "USD/2", big("10")).ok());
        auto d = debit(w.id, "USD/2", big("20"), true, {}, accountSubject("merchants:x"));
        QVERIFY(confirm(d->body->data.id, {}, {}).ok());
        W::GetTransactionsRequest req;
        req.walletID = w.id;
        auto txs = api().getTransactions(req).result();
        QVERIFY2(txs.ok(), qPrintable(txs.ok() ? QString() : txs.error().toString()));
        const auto &data = txs->body.cursor.data;
        QCOMPARE(data.size(), 4);         // credit, debit, hold, confirmation
        QVERIFY(data[0].id > data[3].id); // newest first
        QCOMPARE(data[0].postings[0].destination, QStringLiteral("merchants:x"));
        QCOMPARE(data[3].postings[0].source, QStringLiteral("world"));
        QCOMPARE(data[3].metadata.value("wallets/transaction"), QStringLiteral("true"));
        QCOMPARE(data[3].metadata.value("wallets/custom_data_origin"), QStringLiteral("test"));
        QCOMPARE(data[3].ledger.value_or(QString()), kLedger);
        // Paged.
        req.pageSize = 3;
        txs = api().getTransactions(req).result();
        QCOMPARE(txs->body.cursor.data.size(), 3);
        W::GetTransactionsRequest next;
        next.cursor = txs->body.cursor.next;
        auto rest = api().getTransactions(next).result();
        QVERIFY(rest.ok());
        QCOMPARE(rest->body.cursor.data.size(), 1);
        // Every wallet's transactions.
        W::GetTransactionsRequest all;
        all.pageSize = 1000;
        QVERIFY(api().getTransactions(all).result()->body.cursor.data.size() > 4);
    }

    void notFoundAndValidation() {
        const QString unknown = QStringLiteral("00000000-0000-0000-0000-000000000000");
        W::GetWalletRequest get;
        get.id = unknown;
        auto g = api().getWallet(get).result();
        QCOMPARE(g.error().httpStatus(), 404);
        W::GetWalletSummaryRequest summary;
        summary.id = unknown;
        QCOMPARE(api().getWalletSummary(summary).result().error().httpStatus(), 404);
        W::GetHoldRequest gh;
        gh.holdID = unknown;
        auto missingHold = api().getHold(gh).result();
        QCOMPARE(missingHold.error().httpStatus(), 404);
        QCOMPARE(missingHold.error().errorCode(),
                 QStringLiteral("VALIDATION")); // the spec's enum has no NOT_FOUND
        QCOMPARE(confirm(unknown, {}, {}).error().httpStatus(), 404);
        QCOMPARE(voidHold(unknown).error().httpStatus(), 404);
        QCOMPARE(credit(unknown, "USD/2", big("1")).error().httpStatus(), 404);
        QCOMPARE(debit(unknown, "USD/2", big("1")).error().httpStatus(), 404);
        W::UpdateWalletRequest upd;
        upd.id = unknown;
        upd.body = Models::UpdateWalletRequestBody{{{"a", "b"}}};
        QCOMPARE(api().updateWallet(upd).result().error().httpStatus(), 404);
        W::GetBalanceRequest gb;
        gb.id = unknown;
        gb.balanceName = QStringLiteral("main");
        QCOMPARE(api().getBalance(gb).result().error().httpStatus(), 404);

        const Models::Wallet w = createWallet(QStringLiteral("strict"));
        gb.id = w.id;
        QCOMPARE(api().getBalance(gb).result().ok(), true);
        gb.balanceName = QStringLiteral("nope");
        QCOMPARE(api().getBalance(gb).result().error().httpStatus(), 404);

        QCOMPARE(credit(w.id, "usd", big("1")).error().errorCode(), QStringLiteral("VALIDATION"));
        QCOMPARE(credit(w.id, "USD/2", big("-1")).error().errorCode(), QStringLiteral("VALIDATION"));
        QCOMPARE(debit(w.id, "USD/2", big("-1")).error().errorCode(), QStringLiteral("VALIDATION"));
        QCOMPARE(credit(w.id, "USD/2", big("1"), {}, QList<Models::Subject>{walletSubject(unknown)})
                     .error()
                     .errorCode(),
                 QStringLiteral("VALIDATION"));

        // Off-spec requests go around Prism (it would answer 422 itself).
        auto raw = [&](const QByteArray &method, const QString &path, const QByteArray &body,
                       const QList<QPair<QString, QString>> &query = {}) {
            return toReply(f.direct->send(request(method, path, body, query)).result());
        };
        const QString base = QStringLiteral("/api/wallets/wallets/%1").arg(w.id);
        Reply r = raw("POST", base + "/credit", "{not json");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION"));
        r = raw("POST", base + "/credit", R"({"amount":{"asset":"USD/2","amount":1.5}})");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION"));
        r = raw("POST", "/api/wallets/wallets", R"({"name":"x","metadata":{"n":1}})");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION"));
        r = raw("PATCH", base, R"({})");
        QCOMPARE(r.status, 400);
        r = raw("GET", "/api/wallets/wallets", {}, {{"pageSize", "0"}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION"));
        // On-spec but refused: a pending debit cannot be dated.
        r = f.call("POST", base + "/debit",
                   R"({"amount":{"asset":"USD/2","amount":1},"metadata":{},"pending":true,)"
                   R"("timestamp":"2024-01-01T00:00:00Z"})");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION"));
        // Unknown subject type.
        r = raw("POST", base + "/credit",
                R"({"amount":{"asset":"USD/2","amount":1},"sources":[{"type":"BANK","identifier":"x"}]})");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION"));
    }

    void idempotencyKeys() {
        const Models::Wallet w = createWallet(QStringLiteral("idem"));
        W::CreditWalletRequest req;
        req.id = w.id;
        req.idempotencyKey = QStringLiteral("credit-1");
        req.body = Models::CreditWalletRequest{{QStringLiteral("USD/2"), big("10")}, {}, {}, {}, {}, {}};
        for (int i = 0; i < 2; ++i) {
            auto res = api().creditWallet(req).result();
            QVERIFY2(res.ok(), qPrintable(res.ok() ? QString() : res.error().toString()));
            QCOMPARE(res->statusCode, 204);
        }
        QCOMPARE(mainBalance(w.id, "USD/2"), big("10"));
        // The same key with another request is refused.
        req.body->amount.amount = big("11");
        QCOMPARE(api().creditWallet(req).result().error().errorCode(), QStringLiteral("VALIDATION"));
    }

    // What orchestration uses, in process: the same rules as the HTTP credit and debit.
    void walletOperationsInterface() {
        using namespace Formance::Sandbox;
        LedgerStore store;
        QString error;
        QVERIFY2(store.open({}, &error), qPrintable(error));
        PostingEngine engine(store);
        EventBus bus;
        QStringList committed;
        bus.subscribe([&](const StackEvent &e) { committed << e.type; });
        engine.setEventBus(&bus);
        TokenIssuer tokens(QStringLiteral("id"), QStringLiteral("secret"), 3600);
        Options options;
        ServiceContext context{store, engine, bus, tokens, options};
        auto service = makeWalletsService(context);
        QVERIFY(context.wallets != nullptr);
        WalletOperations &ops = *context.wallets;
        QCOMPARE(ops.ledgerName(), kLedger);
        QVERIFY(store.ledgerExists(kLedger));

        Router router;
        service->registerRoutes(router);
        Request create;
        create.method = "POST";
        create.path = QStringLiteral("/api/wallets/wallets");
        create.body = R"({"name":"ops","metadata":{}})";
        const Response created = router.dispatch(create);
        QCOMPARE(created.status, 201);
        const QString id = Json::Document::parse(created.body)->root()["data"]["id"].toString();
        QVERIFY(ops.walletExists(id));
        QVERIFY(!ops.walletExists(QStringLiteral("nope")));

        WalletMove in{id, {}, {}, QStringLiteral("USD/2"), big("1000"), {}, {{"flow", "f-1"}}};
        auto credited = ops.credit(in);
        QVERIFY2(credited.ok(), qPrintable(credited.ok() ? QString() : credited.error().message));
        QCOMPARE(store.volume(kLedger, mainAccount(id), "USD/2").balance(), big("1000"));
        const auto tx = store.transaction(kLedger, credited.value());
        QVERIFY(tx.has_value());
        QCOMPARE(tx->metadata.value("wallets/transaction"), QStringLiteral("true"));
        QCOMPARE(tx->metadata.value("wallets/custom_data_flow"), QStringLiteral("f-1"));

        WalletMove out{id, {}, {}, QStringLiteral("USD/2"), big("400"), QStringLiteral("payouts:1"), {}};
        auto debited = ops.debit(out);
        QVERIFY(debited.ok());
        QCOMPARE(store.volume(kLedger, "payouts:1", "USD/2").balance(), big("400"));
        QCOMPARE(store.volume(kLedger, mainAccount(id), "USD/2").balance(), big("600"));
        out.amount = big("601");
        auto refused = ops.debit(out);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("INSUFFICIENT_FUND"));
        QCOMPARE(store.volume(kLedger, mainAccount(id), "USD/2").balance(), big("600"));
        out.walletId = QStringLiteral("nope");
        QCOMPARE(ops.debit(out).error().status, 404);
        in.balance = QStringLiteral("missing");
        QCOMPARE(ops.credit(in).error().code, QStringLiteral("VALIDATION"));
        // From another ledger account of the wallets' ledger, back into the wallet.
        WalletMove back{id, {}, {}, QStringLiteral("USD/2"), big("100"), QStringLiteral("payouts:1"), {}};
        QVERIFY(ops.credit(back).ok());
        QCOMPARE(store.volume(kLedger, "payouts:1", "USD/2").balance(), big("300"));
        QVERIFY(committed.count(QStringLiteral("COMMITTED_TRANSACTIONS")) == 3);
        service.reset();
        QVERIFY(context.wallets == nullptr);
    }

    void demoSeed() {
        QTemporaryDir cache;
        Sandbox::Options o;
        o.seed = QStringLiteral("demo");
        o.demoCacheDir = cache.path();
        Fixture demo;
        QVERIFY(demo.start(o, false));
        auto list = demo.client->wallets().v1().listWallets(W::ListWalletsRequest{}).result();
        QVERIFY2(list.ok(), qPrintable(list.ok() ? QString() : list.error().toString()));
        QVERIFY(list->body.cursor.data.size() >= 4);
        W::GetHoldsRequest holdsReq;
        holdsReq.pageSize = 100;
        auto holds = demo.client->wallets().v1().getHolds(holdsReq).result();
        QVERIFY(holds.ok());
        int open = 0, closed = 0;
        for (const Models::Hold &h : holds->body.cursor.data) {
            W::GetHoldRequest g;
            g.holdID = h.id;
            auto e = demo.client->wallets().v1().getHold(g).result();
            QVERIFY(e.ok());
            (e->body.data.remaining.isZero() ? closed : open)++;
        }
        QVERIFY(open >= 1);
        QVERIFY(closed >= 2); // one confirmed, one voided
        W::GetTransactionsRequest txs;
        txs.pageSize = 100;
        QVERIFY(demo.client->wallets().v1().getTransactions(txs).result()->body.cursor.data.size() >= 8);
        demo.stop();
    }
};

QTEST_GUILESS_MAIN(TestSandboxWallets)
#include "tst_sandbox_wallets.moc"
