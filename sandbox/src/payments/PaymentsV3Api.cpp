#include "PaymentsV3Api.h"

#include <Formance/json/JsonDocument.h>
#include <Formance/json/JsonWriter.h>

#include <QDateTime>
#include <QUrl>

namespace Formance::Sandbox::Payments {

namespace {

void write(Json::Writer &w, const Json::Value &v, const PaymentsV3Api::Shape &shape) {
    if (v.isObject()) {
        w.beginObject();
        for (const auto &[key, value] : v.members()) {
            const std::string k(key);
            if (shape.drops.count(k))
                continue;
            const auto renamed = shape.renames.find(k);
            w.key(renamed == shape.renames.end() ? std::string_view(key) : std::string_view(renamed->second));
            const auto mapped = shape.values.find(k);
            if (value.isNull() && shape.objects.count(k))
                w.rawJson("{}");
            else if (mapped != shape.values.end() && value.isString() &&
                     mapped->second.count(value.toString()))
                w.value(mapped->second.at(value.toString()));
            else
                write(w, value, shape);
        }
        w.endObject();
    } else if (v.isArray()) {
        w.beginArray();
        for (const Json::Value &e : v.elements())
            write(w, e, shape);
        w.endArray();
    } else {
        w.rawJson(v.toJson()); // numbers, strings, booleans, null: as sent
    }
}

} // namespace

std::optional<QByteArray> PaymentsV3Api::rewrite(const QByteArray &v1Json, const Shape &shape) {
    const auto doc = Json::Document::parse(v1Json);
    if (!doc)
        return std::nullopt;
    Json::Writer w;
    write(w, doc->root(), shape);
    return w.take();
}

Reply PaymentsV3Api::forward(const Request &r, const Row &row) const {
    Request v1 = r;
    QString path = QString::fromLatin1(row.v1);
    for (auto it = r.params.cbegin(); it != r.params.cend(); ++it)
        path.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'),
                     QString::fromLatin1(QUrl::toPercentEncoding(it.value())));
    v1.path = QStringLiteral("/api/payments") + path;
    if (row.prepare)
        row.prepare(v1);
    v1.params.clear();
    Response answer = m_v1.dispatch(v1);
    if (answer.status >= 300)
        return answer; // v1's errors: {"errorCode", "errorMessage"}, codes within V3ErrorsEnum
    if (row.status)
        answer.status = row.status;
    if (answer.body.isEmpty())
        return answer;
    auto body = rewrite(answer.body, row.shape);
    const auto doc = body ? Json::Document::parse(*body) : std::nullopt;
    if (!doc)
        return LedgerError::internal(QStringLiteral("unreadable payments v1 answer"));
    answer.body = row.reshape ? row.reshape(doc->root()) : *body;
    return answer;
}

void PaymentsV3Api::registerRoutes(Routes &routes) {
    const Shape account{{{"accountName", "name"}}, {}, {{"raw"}}};
    const Shape balance{{{"accountId", "accountID"}}, {{"currency"}}};
    // v1's adjustments have another shape than V3PaymentAdjustment: left out for now.
    const Shape payment{{}, {{"adjustments"}}};
    const Shape same{{}, {}};
    const Shape pool{{{"accounts", "poolAccounts"}}, {}};
    // A transfer initiation is v3's payment initiation. v3 has no VALIDATED or ASK_* states (an
    // approved initiation is processing) and tracks partial reversals as adjustments.
    const Shape initiation{{},
                           {{"relatedPayments"}, {"relatedAdjustments"}, {"initialAmount"}, {"provider"}},
                           {},
                           {{"status",
                             {{QStringLiteral("VALIDATED"), QStringLiteral("PROCESSING")},
                              {QStringLiteral("ASK_RETRIED"), QStringLiteral("PROCESSING")},
                              {QStringLiteral("ASK_REVERSED"), QStringLiteral("REVERSE_PROCESSING")},
                              {QStringLiteral("PARTIALLY_REVERSED"), QStringLiteral("PROCESSED")}}}}};
    // {"data": {"id": ...}} → {"data": id}: what v3's creations answer.
    const auto idOnly = [](const Json::Value &v) {
        Json::Writer w;
        w.beginObject();
        w.key("data");
        w.value(v["data"]["id"].toString());
        w.endObject();
        return w.take();
    };
    // v1 {"data": {"balances": [...]}} → v3 {"data": [...]}.
    const auto balancesList = [](const Json::Value &v) {
        Json::Writer w;
        w.beginObject();
        w.key("data");
        w.rawJson(v["data"]["balances"].toJson());
        w.endObject();
        return w.take();
    };
    const std::vector<Row> table{
        {"GET", "/v3/accounts", "/accounts", account},
        {"GET", "/v3/connectors/configs", "/connectors/configs", same},
        {"POST", "/v3/accounts", "/accounts", account, {}, {}, 201}, // the same body as v1's
        {"GET", "/v3/accounts/{accountID}", "/accounts/{accountID}", account},
        {"GET", "/v3/accounts/{accountID}/balances", "/accounts/{accountID}/balances", balance},
        {"GET", "/v3/payments", "/payments", payment},
        {"GET", "/v3/payments/{paymentID}", "/payments/{paymentID}", payment},
        {"PATCH", "/v3/payments/{paymentID}/metadata", "/payments/{paymentID}/metadata", same,
         [](Request &r) { // v3 sends {"metadata": {...}}, v1 the map itself
             const auto doc = Json::Document::parse(r.body);
             if (doc && doc->root()["metadata"].isObject())
                 r.body = doc->root()["metadata"].toJson();
             else if (doc && doc->root().isObject())
                 r.body = "[]"; // no metadata object: refused by v1 as a body that is not a map
         }},
        {"GET", "/v3/bank-accounts", "/bank-accounts", same},
        {"GET", "/v3/bank-accounts/{bankAccountID}", "/bank-accounts/{bankAccountID}", same},
        {"PATCH", "/v3/bank-accounts/{bankAccountID}/metadata", "/bank-accounts/{bankAccountID}/metadata",
         same},
        {"GET", "/v3/payment-initiations", "/transfer-initiations", initiation},
        {"GET", "/v3/payment-initiations/{paymentInitiationID}",
         "/transfer-initiations/{paymentInitiationID}", initiation},
        {"DELETE", "/v3/payment-initiations/{paymentInitiationID}",
         "/transfer-initiations/{paymentInitiationID}", same},
        {"POST",
         "/v3/payment-initiations/{paymentInitiationID}/reject",
         "/transfer-initiations/{paymentInitiationID}/status",
         same,
         [](Request &r) { r.body = R"({"status":"REJECTED"})"; },
         {},
         204},
        {"GET", "/v3/pools", "/pools", pool},
        {"POST", "/v3/pools", "/pools", pool, {}, idOnly, 201},
        {"GET", "/v3/pools/{poolID}", "/pools/{poolID}", pool},
        {"DELETE", "/v3/pools/{poolID}", "/pools/{poolID}", same},
        {"GET", "/v3/pools/{poolID}/balances", "/pools/{poolID}/balances", same,
         [](Request &r) { // `at` is optional in v3: now
             if (!r.hasQuery(QStringLiteral("at")))
                 r.query.addQueryItem(QStringLiteral("at"),
                                      QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
         },
         balancesList},
        {"POST", "/v3/pools/{poolID}/accounts/{accountID}", "/pools/{poolID}/accounts", same,
         [](Request &r) { // v1 names the account in the body
             Json::Writer w;
             w.beginObject();
             w.key("accountID");
             w.value(r.param(QStringLiteral("accountID")));
             w.endObject();
             r.body = w.take();
         }},
        {"DELETE", "/v3/pools/{poolID}/accounts/{accountID}", "/pools/{poolID}/accounts/{accountID}", same},
    };
    for (const Row &row : table)
        on(routes, row.method, row.v3, [this, row](const Request &r) { return forward(r, row); });
    registerOperations(routes);
}

void PaymentsV3Api::on(Routes &routes, const char *method, const char *path, Handler handler) {
    const QString route = QStringLiteral("%1 %2").arg(QLatin1String(method), QLatin1String(path));
    routes.on(method, path, [this, route, handler = std::move(handler)](const Request &r) {
        m.store.db().query(QStringLiteral("INSERT INTO payments_v3_calls(route, calls) VALUES (?, 1)"
                                          " ON CONFLICT(route) DO UPDATE SET calls = calls + 1"),
                           {route});
        return handler(r);
    });
}

qint64 PaymentsV3Api::calls(LedgerStore &db, const QString &route) {
    QSqlQuery q = db.query(QStringLiteral("SELECT calls FROM payments_v3_calls WHERE route = ?"), {route});
    return q.next() ? q.value(0).toLongLong() : 0;
}

Response PaymentsV3Api::v1(const QByteArray &method, const QString &path, const QByteArray &body) const {
    Request r;
    r.method = method;
    r.path = QStringLiteral("/api/payments") + path;
    r.body = body;
    if (!body.isEmpty())
        r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    return m_v1.dispatch(r);
}

} // namespace Formance::Sandbox::Payments
