#include "LogsModel.h"

#include "core/ErrorText.h"
#include "core/ListSupport.h"
#include "ledger/TransactionsModel.h"
#include <Formance/Client.h>
#include <Formance/json/JsonWriter.h>
#include <Formance/ledger/v2/LedgerV2Api.h>

#include <QCryptographicHash>
#include <QRegularExpression>

using namespace Formance;

namespace {
// RFC 3339 UTC to the microsecond, the form the hash covers (see LogsModel.h).
QByteArray hashedDate(const Timestamp &t) {
    const QDateTime dt = QDateTime::fromSecsSinceEpoch(t.secsSinceEpoch(), Qt::UTC);
    return (dt.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) +
            QStringLiteral(".%1Z").arg(t.nanos() / 1000, 6, 10, QLatin1Char('0')))
        .toLatin1();
}

bool isHexSha256(const QString &hash) {
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{64}$"));
    return re.match(hash).hasMatch();
}
} // namespace

LogsModel::LogsModel(QObject *parent)
    : PagedListModel(parent) {}

void LogsModel::setLedger(const QString &ledger) {
    if (ledger == m_ledger)
        return;
    m_ledger = ledger;
    emit ledgerChanged();
    scheduleReload();
}

void LogsModel::setFrom(const QString &v) {
    if (v == m_fromText)
        return;
    m_fromText = v;
    updateFilters();
}

void LogsModel::setTo(const QString &v) {
    if (v == m_toText)
        return;
    m_toText = v;
    updateFilters();
}

void LogsModel::setPointInTime(const QString &v) {
    if (v == m_pitText)
        return;
    m_pitText = v;
    updateFilters();
}

void LogsModel::updateFilters() {
    const QString format = tr("A date looks like 2024-11-13, 2024-11-13 10:20 or 2024-11-13T10:20:30Z.");
    bool ok = true;
    m_from = TransactionsModel::parseTimeInput(m_fromText, &ok);
    m_fromError = ok ? QString() : format;
    m_to = TransactionsModel::parseTimeInput(m_toText, &ok);
    m_toError = ok ? QString() : format;
    m_pit = TransactionsModel::parseTimeInput(m_pitText, &ok);
    m_pitError = ok ? QString() : format;
    if (m_toError.isEmpty() && m_from && m_to && *m_to <= *m_from)
        m_toError = tr("The end must come after the start.");
    emit filterChanged();
    scheduleReload();
}

bool LogsModel::ready() const {
    // A bad filter loads nothing rather than the unfiltered log: the error is at its field.
    return PagedListModel::ready() && !m_ledger.isEmpty() && m_fromError.isEmpty() && m_toError.isEmpty() &&
           m_pitError.isEmpty();
}

void LogsModel::clearRows() {
    m_rows.clear();
    m_broken = 0;
    m_chainNote.clear();
    emit chainChanged();
}

void LogsModel::requestPage(const std::optional<QString> &cursor) {
    Ledger::V2::V2ListLogsRequest request;
    request.ledger = m_ledger;
    if (cursor) {
        request.cursor = *cursor; // the cursor carries the filters
    } else {
        request.pageSize = pageSize();
        if (m_pit)
            request.pit = *m_pit;
        // The log's date within [from, to): $gte / $lt, joined by $and when both are set.
        QList<std::pair<const char *, Timestamp>> bounds;
        if (m_from)
            bounds.append({"$gte", *m_from});
        if (m_to)
            bounds.append({"$lt", *m_to});
        if (!bounds.isEmpty()) {
            Json::Writer w;
            if (bounds.size() > 1) {
                w.beginObject();
                w.key("$and");
                w.beginArray();
            }
            for (const auto &[op, t] : bounds) {
                w.beginObject();
                w.key(op);
                w.beginObject();
                w.key("date");
                w.value(t.toString());
                w.endObject();
                w.endObject();
            }
            if (bounds.size() > 1) {
                w.endArray();
                w.endObject();
            }
            request.body = Json::Any::fromJson(w.take());
        }
    }
    startCall(session()->client()->ledger().v2().listLogs(request), [this](const auto &body) {
        const auto &page = body.cursor;
        pageLoaded(page.next, hasMore(page.hasMore, page.next), [&] {
            if (page.data.isEmpty())
                return;
            const int first = count();
            beginInsertRows({}, first, first + int(page.data.size()) - 1);
            for (const Models::V2Log &log : page.data)
                m_rows.append(LogRow{log.id, log.type.toString(), log.date, log.hash, log.data.json()});
            endInsertRows();
            checkChain(first);
        });
    });
}

QString LogsModel::expectedHash(const QString &previousHash, const LogRow &log) {
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(previousHash.toLatin1());
    h.addData(log.id.toString().toLatin1());
    h.addData(log.type.toLatin1());
    h.addData(hashedDate(log.date));
    h.addData(log.data);
    return QString::fromLatin1(h.result().toHex());
}

// Rows are newest first: a log's predecessor is the row after it when its id is one less (a date
// filter may leave gaps: those links stay unchecked). The last row of the previous page gets its
// predecessor with this page. One SHA-256 over a log of a few hundred bytes per row: cheap enough
// for the GUI thread at 100 rows a page.
void LogsModel::checkChain(int firstNew) {
    if (!m_chainNote.isEmpty())
        return;
    for (int i = firstNew; i < m_rows.size(); ++i) {
        if (!isHexSha256(m_rows.at(i).hash)) {
            m_chainNote = tr("This stack's log hashes are not in the form this app checks (hex SHA-256): "
                             "the chain is not checked.");
            for (LogRow &r : m_rows)
                r.link = LogRow::Link::Unchecked;
            m_broken = 0;
            emit dataChanged(index(0), index(count() - 1), {LinkRole, LinkTextRole});
            emit chainChanged();
            return;
        }
    }
    const BigInt one(1);
    int changedFirst = -1, changedLast = -1;
    for (int i = std::max(0, firstNew - 1); i < m_rows.size(); ++i) {
        LogRow &r = m_rows[i];
        if (r.link != LogRow::Link::Unchecked)
            continue;
        std::optional<QString> previous;
        if (r.id == BigInt(0))
            previous = QString();
        else if (i + 1 < m_rows.size() && m_rows.at(i + 1).id + one == r.id)
            previous = m_rows.at(i + 1).hash;
        if (!previous)
            continue;
        r.link = expectedHash(*previous, r) == r.hash ? LogRow::Link::Intact : LogRow::Link::Broken;
        if (r.link == LogRow::Link::Broken)
            ++m_broken;
        if (i < firstNew) // already shown: tell the view
            changedFirst = changedLast = i;
    }
    if (changedFirst >= 0)
        emit dataChanged(index(changedFirst), index(changedLast), {LinkRole, LinkTextRole});
    emit chainChanged();
}

QVariant LogsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case IdRole:
        return row.id.toString();
    case TypeRole:
        return row.type;
    case DateRole:
        return ListSupport::localTimeText(row.date);
    case HashRole:
        return row.hash;
    case DataRole:
        return QString::fromUtf8(row.data);
    case LinkRole:
        return row.link == LogRow::Link::Intact   ? QStringLiteral("intact")
               : row.link == LogRow::Link::Broken ? QStringLiteral("broken")
                                                  : QStringLiteral("unchecked");
    case LinkTextRole:
        return row.link == LogRow::Link::Intact   ? tr("✓ Linked")
               : row.link == LogRow::Link::Broken ? tr("⚠ Broken link")
                                                  : tr("– Not checked");
    }
    return {};
}

QHash<int, QByteArray> LogsModel::roleNames() const {
    return {{IdRole, "logId"},     {TypeRole, "type"}, {DateRole, "date"},        {HashRole, "hash"},
            {DataRole, "payload"}, {LinkRole, "link"}, {LinkTextRole, "linkText"}};
}
