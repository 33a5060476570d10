#include "StackSearch.h"

#include "core/CallGroup.h"
#include "core/ListSupport.h"
#include <Formance/Client.h>
#include <Formance/Money.h>
#include <Formance/json/JsonAny.h>
#include <Formance/ledger/v2/LedgerV2Api.h>
#include <Formance/payments/v1/PaymentsV1Api.h>
#include <Formance/search/v1/SearchV1Api.h>
#include <Formance/wallets/v1/WalletsV1Api.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUuid>

using namespace Formance;

namespace {
const QStringList kKinds{QStringLiteral("transaction"), QStringLiteral("account"), QStringLiteral("wallet"),
                         QStringLiteral("payment"), QStringLiteral("ledger")};

QString kindTitle(const QString &kind) {
    if (kind == QLatin1String("transaction"))
        return StackSearch::tr("Transactions");
    if (kind == QLatin1String("account"))
        return StackSearch::tr("Accounts");
    if (kind == QLatin1String("wallet"))
        return StackSearch::tr("Wallets");
    if (kind == QLatin1String("payment"))
        return StackSearch::tr("Payments");
    return StackSearch::tr("Ledgers");
}

QString postingsText(const QList<Models::V2Posting> &postings) {
    if (postings.isEmpty())
        return {};
    const auto &p = postings.constFirst();
    return QStringLiteral("%1 %2  %3 → %4")
        .arg(Money::format(p.amount, p.asset), p.asset, p.source, p.destination);
}
} // namespace

StackSearch::StackSearch(QObject *parent)
    : QObject(parent)
    , m_calls(new CallGroup(this)) {
    connect(m_calls, &CallGroup::busyChanged, this, &StackSearch::busyChanged);
}

bool StackSearch::busy() const {
    return m_calls->busy();
}

void StackSearch::setSession(Session *session) {
    if (session == m_session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &Session::clientChanged, this, &StackSearch::run);
    emit sessionChanged();
    run();
}

void StackSearch::setQuery(const QString &query) {
    if (query == m_query)
        return;
    m_query = query;
    emit queryChanged();
    run();
}

void StackSearch::run() {
    m_calls->cancel();
    m_hits.clear();
    const QString text = m_query.trimmed();
    if (!m_session || !m_session->client() || text.size() < 2) {
        if (!m_results.isEmpty()) {
            m_results.clear();
            emit resultsChanged();
        }
        return;
    }
    m_calls->begin([this] { done(); });
    if (m_session->hasService(QStringLiteral("search")))
        searchService(text);
    if (m_session->hasService(QStringLiteral("ledger"))) {
        Ledger::V2::V2ListLedgersRequest request;
        request.pageSize = kMaxLedgers;
        m_calls->add(m_session->client()->ledger().v2().listLedgers(request),
                     [this, text](const Result<Ledger::V2::V2ListLedgersResponse> &r) {
                         QStringList ledgers;
                         if (r)
                             for (const auto &l : r->body.cursor.data)
                                 ledgers.append(l.name);
                         lookUp(text, ledgers);
                     });
    } else {
        lookUp(text, {});
    }
}

// One page of each kind the service indexes ({"data": {"TRANSACTION": [...], ...}}).
void StackSearch::searchService(const QString &text) {
    Search::V1::SearchRequest request;
    request.body.terms = QList<QString>{text};
    request.body.pageSize = kMaxPerKind;
    QT_WARNING_PUSH
    QT_WARNING_DISABLE_DEPRECATED
    auto call = m_session->client()->search().v1().search(request);
    QT_WARNING_POP
    m_calls->add(call, [this](const Result<Search::V1::SearchResponse> &r) {
        if (!r || !r->body.data)
            return; // the direct look-ups still answer
        const QJsonObject data = r->body.data->toQJsonValue().toObject();
        for (const QJsonValue v : data.value(QStringLiteral("TRANSACTION")).toArray()) {
            const QJsonObject t = v.toObject();
            const QString id = t.value(QStringLiteral("id")).isUndefined()
                                   ? QString::number(t.value(QStringLiteral("txid")).toInteger())
                                   : t.value(QStringLiteral("id")).toVariant().toString();
            add({QStringLiteral("transaction"), QStringLiteral("#%1").arg(id),
                 tr("%1 · %2").arg(t.value(QStringLiteral("ledger")).toString(),
                                   t.value(QStringLiteral("reference")).toString()),
                 QStringLiteral("transaction"), t.value(QStringLiteral("ledger")).toString(), id});
        }
        for (const QJsonValue v : data.value(QStringLiteral("ACCOUNT")).toArray()) {
            const QJsonObject a = v.toObject();
            const QString address = a.value(QStringLiteral("address")).toString();
            add({QStringLiteral("account"), address, a.value(QStringLiteral("ledger")).toString(),
                 QStringLiteral("account"), a.value(QStringLiteral("ledger")).toString(), address});
        }
        for (const QJsonValue v : data.value(QStringLiteral("LEDGER")).toArray()) {
            const QString name = v.toObject().value(QStringLiteral("name")).toString();
            add({QStringLiteral("ledger"), name, tr("ledger"), QStringLiteral("ledgers"), name, name});
        }
    });
}

void StackSearch::lookUp(const QString &text, const QStringList &ledgers) {
    if (!m_session || !m_session->client())
        return;
    auto &client = *m_session->client();
    static const QRegularExpression digits(QStringLiteral("^\\d{1,19}$"));
    static const QRegularExpression address(QStringLiteral("^[a-zA-Z0-9_-]+(:[a-zA-Z0-9_-]+)+$"));
    const bool isId = digits.match(text).hasMatch();
    const bool isAddress = address.match(text).hasMatch();
    for (const QString &ledger : ledgers) {
        // A transaction by its reference.
        Ledger::V2::V2ListTransactionsRequest byReference;
        byReference.ledger = ledger;
        byReference.pageSize = kMaxPerKind;
        byReference.body = Json::Any::fromJson(ListSupport::matchQuery("reference", text));
        m_calls->add(
            client.ledger().v2().listTransactions(byReference),
            [this, ledger](const Result<Ledger::V2::V2ListTransactionsResponse> &r) {
                if (r)
                    for (const auto &t : r->body.cursor.data)
                        add({QStringLiteral("transaction"), QStringLiteral("#%1").arg(t.id.toString()),
                             tr("%1 · %2 · %3")
                                 .arg(ledger, t.reference.value_or(QString()), postingsText(t.postings)),
                             QStringLiteral("transaction"), ledger, t.id.toString()});
            });
        if (isId) {
            Ledger::V2::V2GetTransactionRequest byId;
            byId.ledger = ledger;
            byId.id = *BigInt::fromString(text);
            m_calls->add(client.ledger().v2().getTransaction(byId),
                         [this, ledger](const Result<Ledger::V2::V2GetTransactionResponse> &r) {
                             if (r)
                                 add({QStringLiteral("transaction"),
                                      QStringLiteral("#%1").arg(r->body.data.id.toString()),
                                      tr("%1 · %2").arg(ledger, postingsText(r->body.data.postings)),
                                      QStringLiteral("transaction"), ledger, r->body.data.id.toString()});
                         });
        }
        if (isAddress) {
            Ledger::V2::V2GetAccountRequest account;
            account.ledger = ledger;
            account.address = text;
            m_calls->add(client.ledger().v2().getAccount(account), [this, ledger,
                                                                    text](const Result<
                                                                          Ledger::V2::V2GetAccountResponse>
                                                                              &r) {
                if (r)
                    add({QStringLiteral("account"), text, ledger, QStringLiteral("account"), ledger, text});
            });
        }
    }
    if (m_session->hasService(QStringLiteral("wallets"))) {
        Wallets::V1::ListWalletsRequest byName;
        byName.name = text;
        byName.pageSize = kMaxPerKind;
        m_calls->add(client.wallets().v1().listWallets(byName),
                     [this](const Result<Wallets::V1::ListWalletsResponse> &r) {
                         if (r)
                             for (const auto &w : r->body.cursor.data)
                                 add({QStringLiteral("wallet"), w.name,
                                      tr("%1 · ledger %2").arg(w.id, w.ledger), QStringLiteral("wallet"),
                                      w.ledger, w.id});
                     });
        if (!QUuid::fromString(text).isNull())
            m_calls->add(client.wallets().v1().getWallet({text}),
                         [this](const Result<Wallets::V1::GetWalletResponse> &r) {
                             if (r)
                                 add({QStringLiteral("wallet"), r->body.data.name,
                                      tr("%1 · ledger %2").arg(r->body.data.id, r->body.data.ledger),
                                      QStringLiteral("wallet"), r->body.data.ledger, r->body.data.id});
                         });
    }
    if (m_session->hasService(QStringLiteral("payments")) && text.size() >= 8 && !text.contains(u' ')) {
        m_calls->add(client.payments().v1().getPayment({text}),
                     [this](const Result<Payments::V1::GetPaymentResponse> &r) {
                         if (r)
                             add({QStringLiteral("payment"),
                                  r->body.data.reference.isEmpty() ? r->body.data.id : r->body.data.reference,
                                  tr("%1 %2").arg(Money::format(r->body.data.amount, r->body.data.asset),
                                                  r->body.data.asset),
                                  QStringLiteral("payment"), QString(), r->body.data.id});
                     });
    }
}

void StackSearch::add(const Hit &hit) {
    for (const Hit &h : std::as_const(m_hits))
        if (h.kind == hit.kind && h.ledger == hit.ledger && h.id == hit.id)
            return;
    m_hits.append(hit);
}

void StackSearch::done() {
    m_results.clear();
    for (const QString &kind : kKinds) {
        int n = 0;
        for (const Hit &h : std::as_const(m_hits)) {
            if (h.kind != kind || n >= kMaxPerKind)
                continue;
            ++n;
            m_results.append(QVariantMap{{QStringLiteral("kind"), h.kind},
                                         {QStringLiteral("kindTitle"), kindTitle(h.kind)},
                                         {QStringLiteral("title"), h.title},
                                         {QStringLiteral("detail"), h.detail},
                                         {QStringLiteral("page"), h.page},
                                         {QStringLiteral("ledger"), h.ledger},
                                         {QStringLiteral("id"), h.id}});
        }
    }
    emit resultsChanged();
    emit finished();
}
