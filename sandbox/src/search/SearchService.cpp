// Search v1 (/api/search, deprecated): the real service indexes the stack's events into
// Elasticsearch; the sandbox answers the same queries straight from the ledger's tables.
//   target:  LEDGER, TRANSACTION or ACCOUNT -> one cursor page of that kind;
//            none -> {"data": {"LEDGER": [...], "TRANSACTION": [...], "ACCOUNT": [...]}}, a page each.
//   terms:   "field=value", "field!=value", "field>value" (>=, <, <=), or a bare word matched
//            anywhere in the document's text; combined by policy AND (default) or OR.
//   ledgers: only these ledgers.  pageSize: 1..1000 (15).  cursor: next/previous of a page.
//   sort:    "<key>:asc|desc" on the target's key (txid, address, name).
// Not supported (400): raw Elasticsearch queries, `after`, other targets (payments ...).
#include "api/ApiSupport.h"
#include "core/Service.h"
#include "ledger/AmountKey.h"

#include <QRegularExpression>

#include <array>

namespace Formance::Sandbox {

namespace {

Response validation(const QString &message) {
    return Response::error(400, QStringLiteral("VALIDATION"), message);
}

struct Term {
    QString field; // empty: a bare word
    QString op;    // = != > >= < <=
    QString value;
};

Term parseTerm(const QString &text) {
    static const QRegularExpression re(QStringLiteral("^([^=<>!]+)(>=|<=|!=|=|>|<)(.*)$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return {QString(), QString(), text};
    return {m.captured(1).trimmed(), m.captured(2), m.captured(3).trimmed()};
}

QString likePattern(const QString &word) {
    QString escaped = word;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

// One kind of document: its table, key (unique, sortable), columns, fields and how a row is written.
struct Target {
    QString name;    // LEDGER ...
    QString sortKey; // what `sort` names: txid, address, name
    QString table;   // "transactions t"
    QString ledgerColumn;
    QString keyExpr;
    bool ascending; // default order
    QString columns;
    QStringList textColumns; // searched by bare words
    QString metadataColumn;
    // SQL for one field=value term, or nullopt when the target has no such field.
    std::function<std::optional<Expected<QString>>(const Term &, QVariantList &)> field;
    std::function<void(Json::Writer &, const QSqlQuery &)> write; // columns start at 1
};

Expected<QString> compare(const QString &column, const Term &t, const QVariant &value, QVariantList &binds) {
    binds << value;
    return QStringLiteral("%1 %2 ?").arg(column, t.op == QLatin1String("!=") ? QStringLiteral("<>") : t.op);
}

Expected<QString> equalityOnly(const Term &t, const QString &sql, QVariantList &binds,
                               const QVariant &value) {
    if (t.op != QLatin1String("=") && t.op != QLatin1String("!="))
        return LedgerError::validation(QStringLiteral("'%1' only supports = and !=").arg(t.field));
    binds << value;
    return t.op == QLatin1String("=") ? sql : QStringLiteral("NOT (%1)").arg(sql);
}

std::optional<Expected<QString>> metadataTerm(const Term &t, const QString &column, QVariantList &binds) {
    QString key;
    if (t.field.startsWith(QLatin1String("metadata.")))
        key = t.field.mid(9);
    else if (auto k = FilterQuery::bracketKey(t.field, QStringLiteral("metadata")))
        key = *k;
    else
        return std::nullopt;
    binds << key;
    return equalityOnly(
        t,
        QStringLiteral("EXISTS (SELECT 1 FROM json_each(%1) md WHERE md.key = ? AND md.value = ?)")
            .arg(column),
        binds, t.value);
}

Expected<QString> timeTerm(const Term &t, const QString &column, QVariantList &binds) {
    auto at = parseTime(t.value);
    if (!at)
        return LedgerError::validation(QStringLiteral("'%1': invalid date-time '%2'").arg(t.field, t.value));
    return compare(column, t, *at, binds);
}

const std::array<Target, 3> &targets() {
    static const std::array<Target, 3> all = [] {
        Target ledger;
        ledger.name = QStringLiteral("LEDGER");
        ledger.sortKey = QStringLiteral("name");
        ledger.table = QStringLiteral("ledgers l");
        ledger.ledgerColumn = QStringLiteral("l.name");
        ledger.keyExpr = QStringLiteral("l.name");
        ledger.ascending = true;
        ledger.columns = QStringLiteral("l.bucket, l.added_at, l.metadata");
        ledger.textColumns = {QStringLiteral("l.name"), QStringLiteral("l.metadata")};
        ledger.metadataColumn = QStringLiteral("l.metadata");
        ledger.field = [](const Term &t, QVariantList &binds) -> std::optional<Expected<QString>> {
            if (t.field == QLatin1String("name") || t.field == QLatin1String("ledger"))
                return compare(QStringLiteral("l.name"), t, t.value, binds);
            if (t.field == QLatin1String("bucket"))
                return compare(QStringLiteral("l.bucket"), t, t.value, binds);
            if (t.field == QLatin1String("addedAt"))
                return timeTerm(t, QStringLiteral("l.added_at"), binds);
            return metadataTerm(t, QStringLiteral("l.metadata"), binds);
        };
        ledger.write = [](Json::Writer &w, const QSqlQuery &q) {
            w.beginObject();
            w.key("name");
            w.value(q.value(0).toString());
            w.key("bucket");
            w.value(q.value(1).toString());
            w.key("addedAt");
            w.value(q.value(2).toString());
            w.key("metadata");
            w.rawJson(q.value(3).toString().toUtf8());
            w.endObject();
        };

        Target tx;
        tx.name = QStringLiteral("TRANSACTION");
        tx.sortKey = QStringLiteral("txid");
        tx.table = QStringLiteral("transactions t");
        tx.ledgerColumn = QStringLiteral("t.ledger");
        // Unique across ledgers, ordered by id first.
        tx.keyExpr = QStringLiteral("printf('%020d', t.id) || char(31) || t.ledger");
        tx.ascending = false;
        tx.columns =
            QStringLiteral("t.ledger, t.id, t.ts, t.inserted_at, t.reference, t.metadata, t.postings,"
                           " t.reverted_at");
        tx.textColumns = {QStringLiteral("t.reference"), QStringLiteral("t.metadata"),
                          QStringLiteral("t.postings")};
        tx.metadataColumn = QStringLiteral("t.metadata");
        tx.field = [](const Term &t, QVariantList &binds) -> std::optional<Expected<QString>> {
            const QString f = t.field;
            if (f == QLatin1String("ledger"))
                return compare(QStringLiteral("t.ledger"), t, t.value, binds);
            if (f == QLatin1String("txid") || f == QLatin1String("id")) {
                bool ok = false;
                const qint64 id = t.value.toLongLong(&ok);
                if (!ok)
                    return Expected<QString>(LedgerError::validation(
                        QStringLiteral("'%1' must be compared with an integer").arg(f)));
                return compare(QStringLiteral("t.id"), t, id, binds);
            }
            if (f == QLatin1String("reference"))
                return compare(QStringLiteral("t.reference"), t, t.value, binds);
            if (f == QLatin1String("timestamp"))
                return timeTerm(t, QStringLiteral("t.ts"), binds);
            if (f == QLatin1String("insertedAt"))
                return timeTerm(t, QStringLiteral("t.inserted_at"), binds);
            if (f == QLatin1String("reverted")) {
                if (t.value != QLatin1String("true") && t.value != QLatin1String("false"))
                    return Expected<QString>(
                        LedgerError::validation(QStringLiteral("'reverted' is true or false")));
                const bool yes = (t.value == QLatin1String("true")) == (t.op == QLatin1String("="));
                if (t.op != QLatin1String("=") && t.op != QLatin1String("!="))
                    return Expected<QString>(
                        LedgerError::validation(QStringLiteral("'reverted' only supports = and !=")));
                return Expected<QString>(yes ? QStringLiteral("t.reverted_at IS NOT NULL")
                                             : QStringLiteral("t.reverted_at IS NULL"));
            }
            // Postings' sides, through the moves table (one row per side, indexed by transaction).
            QString side;
            if (f == QLatin1String("source"))
                side = QStringLiteral(" AND m.is_source = 1 AND m.account = ?");
            else if (f == QLatin1String("destination"))
                side = QStringLiteral(" AND m.is_source = 0 AND m.account = ?");
            else if (f == QLatin1String("account"))
                side = QStringLiteral(" AND m.account = ?");
            else if (f == QLatin1String("asset"))
                side = QStringLiteral(" AND m.asset = ?");
            if (!side.isEmpty())
                return equalityOnly(
                    t,
                    QStringLiteral(
                        "EXISTS (SELECT 1 FROM moves m WHERE m.ledger = t.ledger AND m.tx_id = t.id%1)")
                        .arg(side),
                    binds, t.value);
            return metadataTerm(t, QStringLiteral("t.metadata"), binds);
        };
        tx.write = [](Json::Writer &w, const QSqlQuery &q) {
            w.beginObject();
            w.key("ledger");
            w.value(q.value(1).toString());
            w.key("txid");
            w.value(q.value(2).toLongLong());
            w.key("id");
            w.value(q.value(2).toLongLong());
            w.key("timestamp");
            w.value(q.value(3).toString());
            w.key("insertedAt");
            w.value(q.value(4).toString());
            if (!q.value(5).isNull()) {
                w.key("reference");
                w.value(q.value(5).toString());
            }
            w.key("metadata");
            w.rawJson(q.value(6).toString().toUtf8());
            w.key("postings");
            w.rawJson(q.value(7).toString().toUtf8());
            w.key("reverted");
            w.value(!q.value(8).isNull());
            w.endObject();
        };

        Target account;
        account.name = QStringLiteral("ACCOUNT");
        account.sortKey = QStringLiteral("address");
        account.table = QStringLiteral("accounts a");
        account.ledgerColumn = QStringLiteral("a.ledger");
        account.keyExpr = QStringLiteral("a.address || char(31) || a.ledger");
        account.ascending = false;
        account.columns = QStringLiteral("a.ledger, a.address, a.metadata, a.first_usage");
        account.textColumns = {QStringLiteral("a.address"), QStringLiteral("a.metadata")};
        account.metadataColumn = QStringLiteral("a.metadata");
        account.field = [](const Term &t, QVariantList &binds) -> std::optional<Expected<QString>> {
            if (t.field == QLatin1String("ledger"))
                return compare(QStringLiteral("a.ledger"), t, t.value, binds);
            if (t.field == QLatin1String("address")) {
                // The ledger's address patterns: "users:" is every users:x, "users::main" any middle.
                if (t.op != QLatin1String("=") && t.op != QLatin1String("!="))
                    return compare(QStringLiteral("a.address"), t, t.value, binds);
                const QString sql =
                    FilterQuery::addressCondition(QStringLiteral("a.address"), t.value, binds);
                return Expected<QString>(t.op == QLatin1String("=") ? sql
                                                                    : QStringLiteral("NOT (%1)").arg(sql));
            }
            if (t.field == QLatin1String("firstUsage"))
                return timeTerm(t, QStringLiteral("a.first_usage"), binds);
            return metadataTerm(t, QStringLiteral("a.metadata"), binds);
        };
        account.write = [](Json::Writer &w, const QSqlQuery &q) {
            w.beginObject();
            w.key("ledger");
            w.value(q.value(1).toString());
            w.key("address");
            w.value(q.value(2).toString());
            w.key("metadata");
            w.rawJson(q.value(3).toString().toUtf8());
            w.key("firstUsage");
            w.value(q.value(4).toString());
            w.endObject();
        };
        return std::array<Target, 3>{ledger, tx, account};
    }();
    return all;
}

const Target *targetNamed(const QString &name) {
    for (const Target &t : targets())
        if (t.name.compare(name, Qt::CaseInsensitive) == 0)
            return &t;
    return nullptr;
}

struct SearchQuery {
    QString target;
    QStringList terms;
    QStringList ledgers;
    bool any = false; // policy OR
    std::optional<bool> ascending;
    int pageSize = 15;
};

Expected<QStringList> stringList(const Json::Value &v, const char *field) {
    QStringList out;
    if (v.isNull())
        return out;
    if (!v.isArray())
        return LedgerError::validation(
            QStringLiteral("'%1' must be an array of strings").arg(QLatin1String(field)));
    for (const Json::Value &e : v.elements()) {
        if (!e.isString())
            return LedgerError::validation(
                QStringLiteral("'%1' must be an array of strings").arg(QLatin1String(field)));
        out << e.toString();
    }
    return out;
}

Expected<SearchQuery> parseQuery(const Json::Value &root) {
    if (!root.isNull() && !root.isObject())
        return LedgerError::validation(QStringLiteral("the body must be a JSON object"));
    if (!root["raw"].isNull())
        return LedgerError::validation(QStringLiteral(
            "raw Elasticsearch queries are not supported by the sandbox: use target and terms"));
    if (!root["after"].isNull())
        return LedgerError::validation(QStringLiteral("'after' is not supported by the sandbox: use cursor"));
    SearchQuery q;
    if (!root["target"].isNull()) {
        if (!root["target"].isString())
            return LedgerError::validation(QStringLiteral("'target' must be a string"));
        q.target = root["target"].toString();
    }
    const Target *target = nullptr;
    if (!q.target.isEmpty()) {
        target = targetNamed(q.target);
        if (!target)
            return LedgerError::validation(
                QStringLiteral(
                    "target '%1' is not searchable in the sandbox, which indexes ledger data only: "
                    "LEDGER, TRANSACTION, ACCOUNT")
                    .arg(q.target));
        q.target = target->name;
    }
    auto terms = stringList(root["terms"], "terms");
    if (!terms)
        return terms.error();
    q.terms = terms.value();
    auto ledgers = stringList(root["ledgers"], "ledgers");
    if (!ledgers)
        return ledgers.error();
    q.ledgers = ledgers.value();
    if (!root["policy"].isNull()) {
        const QString p = root["policy"].toString().toUpper();
        if (p != QLatin1String("AND") && p != QLatin1String("OR"))
            return LedgerError::validation(QStringLiteral("'policy' is AND or OR"));
        q.any = p == QLatin1String("OR");
    }
    if (!root["sort"].isNull()) {
        const QStringList parts = root["sort"].toString().split(QLatin1Char(':'));
        const QString dir = parts.value(1).toLower();
        if (!target || parts.size() != 2 || parts[0] != target->sortKey ||
            (dir != QLatin1String("asc") && dir != QLatin1String("desc")))
            return LedgerError::validation(
                target ? QStringLiteral("'sort' must be \"%1:asc\" or \"%1:desc\"").arg(target->sortKey)
                       : QStringLiteral("'sort' needs a target"));
        q.ascending = dir == QLatin1String("asc");
    }
    if (!root["pageSize"].isNull()) {
        bool ok = false;
        const qint64 size = QString::fromUtf8(root["pageSize"].numberText().data(),
                                              qsizetype(root["pageSize"].numberText().size()))
                                .toLongLong(&ok);
        if (!ok || size < 0 || size > 1000)
            return LedgerError::validation(QStringLiteral("'pageSize' must be an integer from 0 to 1000"));
        if (size > 0)
            q.pageSize = int(size);
    }
    return q;
}

// The WHERE clause of one target; nullopt when a term names a field this target lacks (in a
// search over every target such a target simply has no match, as in the real index).
std::optional<Expected<SqlCondition>> whereFor(const Target &target, const SearchQuery &q,
                                               QString *unknownField = nullptr) {
    SqlCondition c;
    QStringList parts;
    for (const QString &text : q.terms) {
        const Term t = parseTerm(text);
        if (t.field.isEmpty()) {
            QStringList any;
            for (const QString &col : target.textColumns) {
                any << QStringLiteral("%1 LIKE ? ESCAPE '\\'").arg(col);
                c.binds << likePattern(t.value);
            }
            parts << QStringLiteral("(%1)").arg(any.join(QStringLiteral(" OR ")));
            continue;
        }
        auto sql = target.field(t, c.binds);
        if (!sql) {
            if (unknownField)
                *unknownField = t.field;
            return std::nullopt;
        }
        if (!sql->ok())
            return Expected<SqlCondition>(sql->error());
        parts << QStringLiteral("(%1)").arg(sql->value());
    }
    QString sql = parts.isEmpty() ? QStringLiteral("1")
                                  : FilterQuery::joinBalanced(parts, q.any ? QStringLiteral("OR")
                                                                           : QStringLiteral("AND"));
    if (!q.ledgers.isEmpty()) {
        QStringList marks;
        for (const QString &l : q.ledgers) {
            marks << QStringLiteral("?");
            c.binds << l;
        }
        sql =
            QStringLiteral("(%1) AND %2 IN (%3)").arg(sql, target.ledgerColumn, marks.join(QLatin1Char(',')));
    }
    c.sql = sql;
    return Expected<SqlCondition>(c);
}

class SearchService final : public Service {
public:
    explicit SearchService(ServiceContext &context)
        : m_context(context) {}
    QString name() const override { return QStringLiteral("search"); }

    void registerRoutes(Router &router) override {
        Routes routes(router, QStringLiteral("/api/search"));
        routes.on("GET", "/_info", [this](const Request &) {
            return infoResponse(m_context.versionOf(QStringLiteral("search")));
        });
        // "/api/search/" in the spec: the router ignores the trailing slash.
        routes.on("POST", "", this, &SearchService::search);
    }

private:
    Reply search(const Request &r) {
        auto body = parseBody(r.body, false);
        if (!body)
            return body.error();
        Json::Value root = body.value()->root();
        Cursor cursor;
        cursor.scope = cursorScope(r);
        std::shared_ptr<Json::Document> original = body.value();
        if (root.isObject() && !root["cursor"].isNull()) {
            // A cursor carries the whole query it continues.
            auto c = Cursor::decodeFor(root["cursor"].toString().toLatin1(), cursor.scope);
            if (!c)
                return c.error();
            cursor = c.value();
            auto doc = parseBody(cursor.query.body, false);
            if (!doc)
                return doc.error();
            original = doc.value();
            root = original->root();
        }
        auto q = parseQuery(root);
        if (!q)
            return q.error();
        if (q->target.isEmpty())
            return everyTarget(q.value());
        const Target &target = *targetNamed(q->target);
        QString unknown;
        auto where = whereFor(target, q.value(), &unknown);
        if (!where)
            return validation(QStringLiteral("target %1 has no field '%2'").arg(target.name, unknown));
        if (!where->ok())
            return where->error();
        if (cursor.key.isEmpty()) {
            cursor.query.body = root.isNull() ? QByteArray("{}") : root.toJson();
            cursor.query.pageSize = q->pageSize;
        }
        PageSpec spec;
        spec.from = QStringLiteral("FROM %1 WHERE (%2)").arg(target.table, where->value().sql);
        spec.binds = where->value().binds;
        spec.keyExpr = target.keyExpr;
        spec.ascending = q->ascending.value_or(target.ascending);
        spec.columns = target.columns;
        return pageResponse(m_context.store, cursor, spec, target.write);
    }

    Reply everyTarget(const SearchQuery &q) {
        Json::Writer w;
        w.beginObject();
        w.key("data");
        w.beginObject();
        for (const Target &target : targets()) {
            w.key(target.name);
            w.beginArray();
            auto where = whereFor(target, q);
            if (where && !where->ok())
                return where->error();
            if (where) {
                QSqlQuery rows = m_context.store.query(
                    QStringLiteral("SELECT %1, %2 FROM %3 WHERE (%4) ORDER BY %1 %5 LIMIT %6")
                        .arg(target.keyExpr, target.columns, target.table, where->value().sql,
                             target.ascending ? QStringLiteral("ASC") : QStringLiteral("DESC"),
                             QString::number(q.pageSize)),
                    where->value().binds);
                while (rows.next())
                    target.write(w, rows);
            }
            w.endArray();
        }
        w.endObject();
        w.endObject();
        return Response::json(w.take());
    }

    ServiceContext &m_context;
};

} // namespace

std::unique_ptr<Service> makeSearchService(ServiceContext &context) {
    return std::make_unique<SearchService>(context);
}

} // namespace Formance::Sandbox
