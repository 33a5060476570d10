#include "PaymentsV3Api.h"

#include "json/JsonDocument.h"
#include "json/JsonWriter.h"

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

Reply PaymentsV3Api::forward(const Request &r, const QString &v1Path, const Shape &shape) const {
    Request v1 = r;
    QString path = v1Path;
    for (auto it = r.params.cbegin(); it != r.params.cend(); ++it)
        path.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'),
                     QString::fromLatin1(QUrl::toPercentEncoding(it.value())));
    v1.path = QStringLiteral("/api/payments") + path;
    v1.params.clear();
    Response answer = m_v1.dispatch(v1);
    if (answer.status >= 300 || answer.body.isEmpty())
        return answer; // v1's errors: {"errorCode", "errorMessage"}, codes within V3ErrorsEnum
    auto body = rewrite(answer.body, shape);
    if (!body)
        return LedgerError::internal(QStringLiteral("unreadable payments v1 answer"));
    answer.body = *body;
    return answer;
}

void PaymentsV3Api::registerRoutes(Routes &routes) {
    const Shape account{{{"accountName", "name"}}, {}};
    const Shape balance{{{"accountId", "accountID"}}, {{"currency"}}};
    // v1's adjustments have another shape than V3PaymentAdjustment: left out for now.
    const Shape payment{{}, {{"adjustments"}}};
    const Shape bankAccount{{}, {}};
    struct Row {
        const char *v3;
        const char *v1;
        Shape shape;
    };
    const std::vector<Row> table{
        {"/v3/accounts", "/accounts", account},
        {"/v3/accounts/{accountID}", "/accounts/{accountID}", account},
        {"/v3/accounts/{accountID}/balances", "/accounts/{accountID}/balances", balance},
        {"/v3/payments", "/payments", payment},
        {"/v3/payments/{paymentID}", "/payments/{paymentID}", payment},
        {"/v3/bank-accounts", "/bank-accounts", bankAccount},
        {"/v3/bank-accounts/{bankAccountID}", "/bank-accounts/{bankAccountID}", bankAccount},
    };
    for (const Row &row : table)
        routes.on("GET", row.v3,
                  [this, v1 = QString::fromLatin1(row.v1), shape = row.shape](const Request &r) {
                      return forward(r, v1, shape);
                  });
}

} // namespace Formance::Sandbox::Payments
