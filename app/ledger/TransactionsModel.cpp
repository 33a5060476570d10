#include "TransactionsModel.h"

#include "core/ErrorText.h"
#include "core/ListSupport.h"
#include "core/Session.h"
#include <Formance/Client.h>
#include <Formance/Money.h>
#include <Formance/json/JsonWriter.h>
#include <Formance/ledger/v2/LedgerV2Api.h>

#include <QDate>
#include <QTimeZone>

using namespace Formance;

QByteArray TransactionFilter::toQueryJson() const {
    QList<std::function<void(Json::Writer &)>> clauses;
    auto match = [&](const char *key, const QString &value) {
        if (value.trimmed().isEmpty())
            return;
        clauses.append([key = QByteArray(key), value = value.trimmed()](Json::Writer &w) {
            w.beginObject();
            w.key("$match");
            w.beginObject();
            w.key(std::string_view(key.constData(), size_t(key.size())));
            w.value(value);
            w.endObject();
            w.endObject();
        });
    };
    match("account", account);
    match("source", source);
    match("destination", destination);
    match("reference", reference);
    if (!metadataKey.trimmed().isEmpty()) {
        const QByteArray key = "metadata[" + metadataKey.trimmed().toUtf8() + "]";
        match(key.constData(), metadataValue);
    }
    auto bound = [&](const char *op, const std::optional<Timestamp> &t) {
        if (!t)
            return;
        clauses.append([op, t](Json::Writer &w) {
            w.beginObject();
            w.key(op);
            w.beginObject();
            w.key("timestamp");
            w.value(t->toString());
            w.endObject();
            w.endObject();
        });
    };
    bound("$gte", from);
    bound("$lt", to);
    if (clauses.isEmpty())
        return {};
    Json::Writer w;
    if (clauses.size() == 1) {
        clauses.first()(w);
    } else {
        w.beginObject();
        w.key("$and");
        w.beginArray();
        for (const auto &c : clauses)
            c(w);
        w.endArray();
        w.endObject();
    }
    return w.take();
}

TransactionsModel::TransactionsModel(QObject *parent)
    : PagedListModel(parent) {}

bool TransactionsModel::ready() const {
    return PagedListModel::ready() && !m_ledger.isEmpty() && m_filterError.isEmpty();
}

void TransactionsModel::setLedger(const QString &ledger) {
    if (ledger == m_ledger)
        return;
    m_ledger = ledger;
    emit ledgerChanged();
    scheduleReload();
}

void TransactionsModel::setField(QString &field, const QString &value) {
    if (field == value)
        return;
    field = value;
    emit filterChanged();
    scheduleReload();
}

std::optional<Timestamp> TransactionsModel::parseTimeInput(const QString &input, bool *ok) {
    const QString text = input.trimmed();
    *ok = true;
    if (text.isEmpty())
        return std::nullopt;
    if (auto t = Timestamp::parse(text))
        return t;
    // Dates and times typed by a person are read in local time.
    for (const QString &format : {QStringLiteral("yyyy-MM-dd HH:mm:ss"), QStringLiteral("yyyy-MM-dd HH:mm"),
                                  QStringLiteral("yyyy-MM-dd")}) {
        const QDateTime dt = QDateTime::fromString(text, format);
        if (dt.isValid())
            return Timestamp::fromDateTime(dt);
    }
    *ok = false;
    return std::nullopt;
}

void TransactionsModel::updateTimes() {
    bool okFrom = true, okTo = true, okPit = true;
    m_filter.from = parseTimeInput(m_fromText, &okFrom);
    m_filter.to = parseTimeInput(m_toText, &okTo);
    m_pit = parseTimeInput(m_pitText, &okPit);
    m_filterError.clear();
    if (!okFrom || !okTo || !okPit)
        m_filterError = tr("Dates look like 2024-11-13, 2024-11-13 10:20 or 2024-11-13T10:20:30Z.");
    else if (m_filter.from && m_filter.to && *m_filter.to <= *m_filter.from)
        m_filterError = tr("The end of the time range must come after its start.");
    emit filterChanged();
    scheduleReload();
}

void TransactionsModel::setFrom(const QString &v) {
    if (v == m_fromText)
        return;
    m_fromText = v;
    updateTimes();
}

void TransactionsModel::setTo(const QString &v) {
    if (v == m_toText)
        return;
    m_toText = v;
    updateTimes();
}

void TransactionsModel::setPointInTime(const QString &v) {
    if (v == m_pitText)
        return;
    m_pitText = v;
    updateTimes();
}

void TransactionsModel::setOldestFirst(bool v) {
    if (v == m_oldestFirst)
        return;
    m_oldestFirst = v;
    emit filterChanged();
    scheduleReload();
}

void TransactionsModel::clearFilters() {
    m_filter = {};
    m_fromText.clear();
    m_toText.clear();
    m_pitText.clear();
    m_pit.reset();
    m_filterError.clear();
    emit filterChanged();
    scheduleReload();
}

Ledger::V2::V2ListTransactionsRequest TransactionsModel::firstPageRequest() const {
    Ledger::V2::V2ListTransactionsRequest request;
    request.ledger = m_ledger;
    request.pageSize = pageSize();
    if (m_pit)
        request.pit = *m_pit;
    if (m_oldestFirst)
        request.reverse = true;
    const QByteArray query = m_filter.toQueryJson();
    if (!query.isEmpty())
        request.body = Json::Any::fromJson(query);
    return request;
}

void TransactionsModel::requestPage(const std::optional<QString> &cursor) {
    Ledger::V2::V2ListTransactionsRequest request;
    if (cursor) {
        request.ledger = m_ledger;
        request.cursor = *cursor; // a cursor carries the query: nothing else may go with it
    } else {
        request = firstPageRequest();
    }
    startPage(session()->client()->ledger().v2().listTransactions(request), m_rows,
              [](const Models::V2ExpandedTransaction &tx) {
                  TransactionRow row;
                  row.id = tx.id;
                  row.timestamp = tx.timestamp;
                  row.reference = tx.reference.value_or(QString());
                  row.metadata = tx.metadata;
                  row.reverted = tx.reverted;
                  row.postings.reserve(tx.postings.size());
                  for (const auto &p : tx.postings)
                      row.postings.append({p.source, p.destination, p.amount, p.asset});
                  return row;
              });
}

void TransactionsModel::firstPageLoaded() {
    // The total once the first page is in: a server may answer one request at a time, and
    // counting many matches takes longer than a page.
    const auto request = firstPageRequest();
    m_total->start(session()->client()->ledger().v2().countTransactions(
        {.ledger = request.ledger, .pit = request.pit, .body = request.body}));
}

QString TransactionsModel::postingsText(const TransactionRow &row) {
    // The first posting, and how many more the detail shows.
    if (row.postings.isEmpty())
        return {};
    const auto &p = row.postings.first();
    QString text = QStringLiteral("%1 → %2").arg(p.source, p.destination);
    if (row.postings.size() > 1)
        text += tr("  (+%n more)", nullptr, int(row.postings.size() - 1));
    return text;
}

namespace {
QString amountText(const TransactionRow &row) {
    // The first posting's amount; the detail view shows the others.
    if (row.postings.isEmpty())
        return {};
    const auto &p = row.postings.first();
    return Money::format(p.amount, p.asset) + u' ' + Money::currencyOf(p.asset);
}
} // namespace

QVariant TransactionsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TransactionRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case IdRole:
        return row.id.toString();
    case TimestampRole:
        return row.timestamp.toString();
    case TimeTextRole:
        return ListSupport::localTimeText(row.timestamp); // TimestampRole keeps the exact ISO text
    case ReferenceRole:
        return row.reference;
    case PostingsRole: {
        QVariantList list;
        for (const auto &p : row.postings)
            list.append(QVariantMap{{QStringLiteral("source"), p.source},
                                    {QStringLiteral("destination"), p.destination},
                                    {QStringLiteral("amount"), Money::format(p.amount, p.asset)},
                                    {QStringLiteral("minorUnits"), p.amount.toString()},
                                    {QStringLiteral("asset"), p.asset}});
        return list;
    }
    case PostingsTextRole:
        return postingsText(row);
    case AmountTextRole:
        return amountText(row);
    case MetadataRole:
        return ListSupport::toVariantMap(row.metadata);
    case MetadataTextRole:
        return ListSupport::metadataText(row.metadata);
    case RevertedRole:
        return row.reverted;
    }
    return {};
}

QHash<int, QByteArray> TransactionsModel::roleNames() const {
    return {{IdRole, "transactionId"},      {TimestampRole, "timestamp"}, {TimeTextRole, "timeText"},
            {ReferenceRole, "reference"},   {PostingsRole, "postings"},   {PostingsTextRole, "postingsText"},
            {AmountTextRole, "amountText"}, {MetadataRole, "metadata"},   {MetadataTextRole, "metadataText"},
            {RevertedRole, "reverted"}};
}

QVariantMap TransactionsModel::get(int row) const {
    QVariantMap map;
    if (row < 0 || row >= count())
        return map;
    const auto names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        map.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return map;
}
