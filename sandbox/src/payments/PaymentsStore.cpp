#include "PaymentsStore.h"

#include "PaymentsCommon.h"

#include "core/SqlRows.h"
#include "ledger/AmountKey.h"

#include <initializer_list>

namespace Formance::Sandbox::Payments {

PaymentsStore::PaymentsStore(LedgerStore &db)
    : m_db(db) {
    const char *const ddl[] = {
        "CREATE TABLE IF NOT EXISTS payments_connectors(seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT "
        "UNIQUE,"
        " provider TEXT, name TEXT UNIQUE, config TEXT, created_at TEXT, tick INTEGER NOT NULL DEFAULT 0)",
        "CREATE TABLE IF NOT EXISTS payments_tasks(seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE,"
        " connector_id TEXT, key TEXT, descriptor TEXT, status TEXT, state TEXT, error TEXT,"
        " created_at TEXT, updated_at TEXT)",
        "CREATE TABLE IF NOT EXISTS payments_accounts(seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE,"
        " connector_id TEXT, provider TEXT, reference TEXT, created_at TEXT, default_asset TEXT,"
        " account_name TEXT, type TEXT, metadata TEXT, raw TEXT)",
        "CREATE INDEX IF NOT EXISTS payments_accounts_connector ON payments_accounts(connector_id)",
        "CREATE TABLE IF NOT EXISTS payments_balances(seq INTEGER PRIMARY KEY AUTOINCREMENT, account_id TEXT,"
        " asset TEXT, balance TEXT, created_at TEXT, last_updated_at TEXT)",
        "CREATE INDEX IF NOT EXISTS payments_balances_account ON payments_balances(account_id, asset, "
        "created_at)",
        "CREATE TABLE IF NOT EXISTS payments_payments(seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE,"
        " connector_id TEXT, provider TEXT, reference TEXT, type TEXT, status TEXT, initial_amount TEXT,"
        " amount TEXT, amount_key TEXT, scheme TEXT, asset TEXT, created_at TEXT, source_account_id TEXT,"
        " destination_account_id TEXT, raw TEXT, metadata TEXT, adjustments TEXT)",
        "CREATE INDEX IF NOT EXISTS payments_payments_connector ON payments_payments(connector_id)",
        "CREATE TABLE IF NOT EXISTS payments_bank_accounts(seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT "
        "UNIQUE,"
        " name TEXT, created_at TEXT, country TEXT, connector_id TEXT, account_number TEXT, iban TEXT,"
        " swift_bic_code TEXT, metadata TEXT, related TEXT)",
        "CREATE TABLE IF NOT EXISTS payments_transfers(seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE,"
        " reference TEXT, created_at TEXT, scheduled_at TEXT, description TEXT, source_account_id TEXT,"
        " destination_account_id TEXT, connector_id TEXT, provider TEXT, type TEXT, amount TEXT,"
        " initial_amount TEXT, amount_key TEXT, asset TEXT, status TEXT, error TEXT, metadata TEXT,"
        " related_payments TEXT, related_adjustments TEXT)",
        "CREATE TABLE IF NOT EXISTS payments_pools(seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE,"
        " name TEXT, created_at TEXT)",
        "CREATE TABLE IF NOT EXISTS payments_pool_accounts(seq INTEGER PRIMARY KEY AUTOINCREMENT,"
        " pool_id TEXT, account_id TEXT, UNIQUE(pool_id, account_id))",
        // payments v3's tasks (its asynchronous operations) and how often each v3 route answered.
        "CREATE TABLE IF NOT EXISTS payments_v3_tasks(seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE,"
        " connector_id TEXT, status TEXT, created_object_id TEXT, error TEXT, created_at TEXT, updated_at "
        "TEXT)",
        "CREATE TABLE IF NOT EXISTS payments_v3_calls(route TEXT PRIMARY KEY, calls INTEGER NOT NULL)",
    };
    for (const char *sql : ddl)
        m_db.query(QString::fromLatin1(sql));
}

QString PaymentsStore::accountId(const QString &reference, const QString &connectorId) {
    return encodeId({{QStringLiteral("Reference"), reference}, {QStringLiteral("ConnectorID"), connectorId}});
}

QString PaymentsStore::paymentId(const QString &reference, const QString &type, const QString &connectorId) {
    return encodeId({{QStringLiteral("Reference"), reference},
                     {QStringLiteral("Type"), type},
                     {QStringLiteral("ConnectorID"), connectorId}});
}

void PaymentsStore::insertAccount(const AccountRow &a) {
    m_db.query(
        QStringLiteral("INSERT INTO payments_accounts(id, connector_id, provider, reference, created_at,"
                       " default_asset, account_name, type, metadata, raw) VALUES (?,?,?,?,?,?,?,?,?,?)"),
        {a.id, a.connectorId, a.provider, a.reference, a.createdAt, a.defaultAsset, a.accountName, a.type,
         QString::fromUtf8(LedgerStore::metadataJson(a.metadata)), QString::fromUtf8(a.raw)});
}

bool PaymentsStore::accountExists(const QString &id) {
    return m_db.query(QStringLiteral("SELECT 1 FROM payments_accounts WHERE id = ?"), {id}).next();
}

std::optional<AccountRow> PaymentsStore::account(const QString &id) {
    QSqlQuery q =
        m_db.query(QStringLiteral("SELECT id, connector_id, provider, reference, created_at,"
                                  " default_asset, account_name, type FROM payments_accounts WHERE id = ?"),
                   {id});
    if (!q.next())
        return std::nullopt;
    AccountRow a;
    SqlRows::readColumns(q, 0, a.id, a.connectorId, a.provider, a.reference, a.createdAt, a.defaultAsset,
                         a.accountName, a.type);
    return a;
}

void PaymentsStore::setBalance(const QString &accountId, const QString &asset, const BigInt &balance,
                               const QString &at) {
    QSqlQuery last =
        m_db.query(QStringLiteral("SELECT seq, balance FROM payments_balances WHERE account_id = ?"
                                  " AND asset = ? ORDER BY created_at DESC, seq DESC LIMIT 1"),
                   {accountId, asset});
    if (last.next() && last.value(1).toString() == balance.toString()) {
        m_db.query(QStringLiteral("UPDATE payments_balances SET last_updated_at = max(last_updated_at, ?)"
                                  " WHERE seq = ?"),
                   {at, last.value(0)});
        return;
    }
    m_db.query(QStringLiteral("INSERT INTO payments_balances(account_id, asset, balance, created_at,"
                              " last_updated_at) VALUES (?,?,?,?,?)"),
               {accountId, asset, balance.toString(), at, at});
}

BigInt PaymentsStore::balance(const QString &accountId, const QString &asset, const QString &at) {
    QSqlQuery q =
        m_db.query(QStringLiteral("SELECT balance FROM payments_balances WHERE account_id = ? AND asset = ?"
                                  " AND created_at <= ? ORDER BY created_at DESC, seq DESC LIMIT 1"),
                   {accountId, asset, at.isEmpty() ? QStringLiteral("9999") : at});
    return q.next() ? BigInt::fromString(q.value(0).toString()).value_or(BigInt()) : BigInt();
}

std::map<QString, BigInt> PaymentsStore::balancesAt(const QString &accountId, const QString &at) {
    std::map<QString, BigInt> out;
    QSqlQuery q = m_db.query(
        QStringLiteral(
            "SELECT b.asset, b.balance FROM payments_balances b WHERE b.account_id = ?"
            " AND b.created_at <= ? AND NOT EXISTS (SELECT 1 FROM payments_balances n"
            " WHERE n.account_id = b.account_id AND n.asset = b.asset AND n.created_at <= ?"
            " AND (n.created_at > b.created_at OR (n.created_at = b.created_at AND n.seq > b.seq)))"),
        {accountId, at, at});
    while (q.next())
        out[q.value(0).toString()] = BigInt::fromString(q.value(1).toString()).value_or(BigInt());
    return out;
}

void PaymentsStore::insertPayment(const PaymentRow &p) {
    m_db.query(
        QStringLiteral("INSERT INTO payments_payments(id, connector_id, provider, reference, type, status,"
                       " initial_amount, amount, amount_key, scheme, asset, created_at, source_account_id,"
                       " destination_account_id, raw, metadata, adjustments)"
                       " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        {p.id, p.connectorId, p.provider, p.reference, p.type, p.status, p.initialAmount.toString(),
         p.amount.toString(), amountKey(p.amount), p.scheme, p.asset, p.createdAt, p.sourceAccountId,
         p.destinationAccountId, QString::fromUtf8(p.raw),
         QString::fromUtf8(LedgerStore::metadataJson(p.metadata)), QStringLiteral("[]")});
}

bool PaymentsStore::paymentExists(const QString &id) {
    return m_db.query(QStringLiteral("SELECT 1 FROM payments_payments WHERE id = ?"), {id}).next();
}

void PaymentsStore::adjustPayment(const QString &paymentId, const QString &reference, const QString &status,
                                  const BigInt &amount, const QString &at, const QByteArray &raw) {
    QSqlQuery q =
        m_db.query(QStringLiteral("SELECT adjustments FROM payments_payments WHERE id = ?"), {paymentId});
    if (!q.next())
        return;
    Json::Writer w;
    w.beginObject();
    w.key("reference");
    w.value(reference);
    w.key("createdAt");
    w.value(at);
    w.key("status");
    w.value(status);
    w.key("amount");
    w.value(amount);
    w.key("raw");
    w.rawJson(raw.isEmpty() ? QByteArray("{}") : raw);
    w.endObject();
    m_db.query(
        QStringLiteral("UPDATE payments_payments SET adjustments = ?, status = ?, amount = ?, amount_key = ?"
                       " WHERE id = ?"),
        {appended(q.value(0).toString(), w.take()), status, amount.toString(), amountKey(amount), paymentId});
}

bool PaymentsStore::connectorExists(const QString &id) {
    return m_db.query(QStringLiteral("SELECT 1 FROM payments_connectors WHERE id = ?"), {id}).next();
}

void PaymentsStore::clearConnectorData(const QString &connectorId) {
    m_db.begin();
    const QVariantList id{connectorId};
    m_db.query(QStringLiteral("DELETE FROM payments_balances WHERE account_id IN"
                              " (SELECT id FROM payments_accounts WHERE connector_id = ?)"),
               id);
    m_db.query(QStringLiteral("DELETE FROM payments_pool_accounts WHERE account_id IN"
                              " (SELECT id FROM payments_accounts WHERE connector_id = ?)"),
               id);
    m_db.query(QStringLiteral("DELETE FROM payments_accounts WHERE connector_id = ?"), id);
    m_db.query(QStringLiteral("DELETE FROM payments_payments WHERE connector_id = ?"), id);
    m_db.query(QStringLiteral("DELETE FROM payments_tasks WHERE connector_id = ?"), id);
    m_db.query(QStringLiteral("DELETE FROM payments_transfers WHERE connector_id = ?"), id);
    // Bank accounts stay (they are the client's), without their links to this connector.
    QSqlQuery banks = m_db.query(QStringLiteral("SELECT id, related FROM payments_bank_accounts"));
    QList<QPair<QString, QString>> updates;
    while (banks.next()) {
        const auto doc = Json::Document::parse(banks.value(1).toString().toUtf8());
        if (!doc)
            continue;
        QString kept = QStringLiteral("[]");
        bool changed = false;
        for (const Json::Value &rel : doc->root().elements()) {
            if (rel["connectorID"].toString() == connectorId)
                changed = true;
            else
                kept = appended(kept, rel.toJson());
        }
        if (changed)
            updates.append({banks.value(0).toString(), kept});
    }
    for (const auto &[bank, related] : updates)
        m_db.query(QStringLiteral("UPDATE payments_bank_accounts SET related = ? WHERE id = ?"),
                   {related, bank});
    m_db.commit();
}

// --- JSON ---

const QString PaymentsStore::kAccountColumns = QStringLiteral(
    "t.id, t.created_at, t.reference, t.connector_id, t.provider, t.default_asset, t.account_name, t.type,"
    " t.metadata, t.raw, (SELECT group_concat(pool_id, ',') FROM"
    " (SELECT pool_id FROM payments_pool_accounts pa WHERE pa.account_id = t.id ORDER BY pa.seq))");
const QString PaymentsStore::kPaymentColumns = QStringLiteral(
    "t.id, t.reference, t.connector_id, t.provider, t.source_account_id, t.destination_account_id, t.type,"
    " t.status, t.initial_amount, t.amount, t.scheme, t.asset, t.created_at, t.raw, t.adjustments, "
    "t.metadata");
const QString PaymentsStore::kBalanceColumns =
    QStringLiteral("t.account_id, t.created_at, t.last_updated_at, t.asset, t.balance");
const QString PaymentsStore::kBankAccountColumns =
    QStringLiteral("t.id, t.name, t.created_at, t.country, t.connector_id, t.account_number, t.iban,"
                   " t.swift_bic_code, t.metadata, t.related");
const QString PaymentsStore::kTransferColumns = QStringLiteral(
    "t.id, t.reference, t.created_at, t.scheduled_at, t.description, t.source_account_id,"
    " t.destination_account_id, t.connector_id, t.provider, t.type, t.amount, t.initial_amount, t.asset,"
    " t.status, t.error, t.metadata, t.related_payments, t.related_adjustments");
const QString PaymentsStore::kPoolColumns = QStringLiteral(
    "t.id, t.name, (SELECT group_concat(account_id, ',') FROM"
    " (SELECT account_id FROM payments_pool_accounts pa WHERE pa.pool_id = t.id ORDER BY pa.seq)),"
    " t.created_at");
const QString PaymentsStore::kTaskColumns = QStringLiteral(
    "t.id, t.connector_id, t.created_at, t.updated_at, t.descriptor, t.status, t.state, t.error");

namespace {
QString col(const QSqlQuery &q, int i) {
    return q.value(i).toString();
}
void str(Json::Writer &w, const char *key, const QString &v) {
    w.key(key);
    w.value(v);
}

// How a stored column is written: text; text only when not empty; a decimal amount; a metadata
// object; a comma-separated list as an array; JSON text (null, [] or {} when empty).
enum class As { Text, TextIfAny, Amount, Metadata, List, Json, JsonArray, JsonObject };
struct Field {
    const char *key;
    int column; // from the row's first column
    As as = As::Text;
};

void writeFields(Json::Writer &w, const QSqlQuery &q, int first, std::initializer_list<Field> fields) {
    for (const Field &f : fields) {
        const QString v = col(q, first + f.column);
        if (f.as == As::TextIfAny && v.isEmpty())
            continue;
        w.key(f.key);
        switch (f.as) {
        case As::Text:
        case As::TextIfAny:
            w.value(v);
            break;
        case As::Amount:
            w.value(BigInt::fromString(v).value_or(BigInt()));
            break;
        case As::Metadata:
            writeMetadata(w, v);
            break;
        case As::List:
            w.beginArray();
            for (const QString &s : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
                w.value(s);
            w.endArray();
            break;
        case As::Json:
            writeRawJson(w, v);
            break;
        case As::JsonArray:
            writeRawJson(w, v, "[]");
            break;
        case As::JsonObject:
            writeRawJson(w, v, "{}");
            break;
        }
    }
}
} // namespace

void PaymentsStore::writeAccount(Json::Writer &w, const QSqlQuery &q, int f) {
    w.beginObject();
    writeFields(w, q, f,
                {{"id", 0},
                 {"createdAt", 1},
                 {"reference", 2},
                 {"connectorID", 3},
                 {"provider", 4},
                 {"defaultCurrency", 5},
                 {"defaultAsset", 5},
                 {"accountName", 6},
                 {"type", 7},
                 {"metadata", 8, As::Metadata},
                 {"raw", 9, As::Json},
                 {"pools", 10, As::List}});
    w.endObject();
}

void PaymentsStore::writePayment(Json::Writer &w, const QSqlQuery &q, int f) {
    w.beginObject();
    writeFields(w, q, f,
                {{"id", 0},
                 {"reference", 1},
                 {"connectorID", 2},
                 {"provider", 3},
                 {"sourceAccountID", 4},
                 {"destinationAccountID", 5},
                 {"type", 6},
                 {"status", 7},
                 {"initialAmount", 8, As::Amount},
                 {"amount", 9, As::Amount},
                 {"scheme", 10},
                 {"asset", 11},
                 {"createdAt", 12},
                 {"raw", 13, As::Json},
                 {"adjustments", 14, As::JsonArray},
                 {"metadata", 15, As::Metadata}});
    w.endObject();
}

void PaymentsStore::writeBalance(Json::Writer &w, const QSqlQuery &q, int f) {
    w.beginObject();
    writeFields(w, q, f,
                {{"accountId", 0},
                 {"createdAt", 1},
                 {"lastUpdatedAt", 2},
                 {"currency", 3},
                 {"asset", 3},
                 {"balance", 4, As::Amount}});
    w.endObject();
}

void PaymentsStore::writeBankAccount(Json::Writer &w, const QSqlQuery &q, int f) {
    w.beginObject();
    writeFields(w, q, f, {{"id", 0}, {"name", 1}, {"createdAt", 2}, {"country", 3}, {"connectorID", 4}});
    const auto related = Json::Document::parse(col(q, f + 9).toUtf8());
    if (related && related->root().size() > 0) {
        const Json::Value first = *related->root().elements().begin();
        str(w, "accountID", first["accountID"].toString());
        str(w, "provider", first["provider"].toString());
    }
    writeFields(w, q, f,
                {{"accountNumber", 5, As::TextIfAny},
                 {"iban", 6, As::TextIfAny},
                 {"swiftBicCode", 7, As::TextIfAny},
                 {"metadata", 8, As::Metadata},
                 {"relatedAccounts", 9, As::JsonArray}});
    w.endObject();
}

void PaymentsStore::writeTransfer(Json::Writer &w, const QSqlQuery &q, int f) {
    w.beginObject();
    writeFields(w, q, f,
                {{"id", 0},
                 {"reference", 1},
                 {"createdAt", 2},
                 {"scheduledAt", 3},
                 {"description", 4},
                 {"sourceAccountID", 5},
                 {"destinationAccountID", 6},
                 {"connectorID", 7},
                 {"provider", 8},
                 {"type", 9},
                 {"amount", 10, As::Amount},
                 {"initialAmount", 11, As::Amount},
                 {"asset", 12},
                 {"status", 13},
                 {"error", 14},
                 {"metadata", 15, As::Metadata},
                 {"relatedPayments", 16, As::JsonArray},
                 {"relatedAdjustments", 17, As::JsonArray}});
    w.endObject();
}

void PaymentsStore::writePool(Json::Writer &w, const QSqlQuery &q, int f) {
    w.beginObject();
    writeFields(w, q, f, {{"id", 0}, {"name", 1}, {"accounts", 2, As::List}, {"createdAt", 3}});
    w.endObject();
}

void PaymentsStore::writeTask(Json::Writer &w, const QSqlQuery &q, int f) {
    w.beginObject();
    writeFields(w, q, f,
                {{"id", 0},
                 {"connectorID", 1},
                 {"createdAt", 2},
                 {"updatedAt", 3},
                 {"descriptor", 4, As::JsonObject},
                 {"status", 5},
                 {"state", 6, As::JsonObject},
                 {"error", 7, As::TextIfAny}});
    w.endObject();
}

std::optional<QByteArray> PaymentsStore::one(const QString &table, const QString &columns, const QString &id,
                                             void (*writer)(Json::Writer &, const QSqlQuery &, int)) {
    QSqlQuery q = m_db.query(QStringLiteral("SELECT %1 FROM %2 t WHERE t.id = ?").arg(columns, table), {id});
    if (!q.next())
        return std::nullopt;
    Json::Writer w;
    w.beginObject();
    w.key("data");
    writer(w, q, 0);
    w.endObject();
    return w.take();
}

QString PaymentsStore::appended(const QString &array, const QByteArray &element) {
    const QString trimmed = array.trimmed();
    if (trimmed.isEmpty() || trimmed == QLatin1String("[]"))
        return QStringLiteral("[%1]").arg(QString::fromUtf8(element));
    return trimmed.chopped(1) + QLatin1Char(',') + QString::fromUtf8(element) + QLatin1Char(']');
}

} // namespace Formance::Sandbox::Payments
